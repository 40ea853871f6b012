"""A plan's text made ready for reading: cleaned, split into paragraphs, and numbered the way
Chinese policy documents number their parts.

Documents number their parts 一、 > (一) > 1. (or 1、/(1)) > 一是…; every position in the text
gets the section label the dataset uses ("二(一)1", "(十七)", "前言" before the first heading).
Cleaning only removes what excerpt matching ignores (whitespace) or what is not text (HTML tags),
so every excerpt taken from the cleaned text is found in the original document.
"""
from __future__ import annotations

import bisect
import functools
import html
import re
from dataclasses import dataclass, field

from .reading import SourceText

CN_DIGITS = "〇零一二两三四五六七八九十百"
_NUM = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
        "八": 8, "九": 9}

_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(r"</?(p|div|br|li|tr|h[1-6]|table)\b[^>]*>", re.I)
_LOOKS_HTML = re.compile(r"</?(p|div|strong|span|br|a|h[1-6])\b", re.I)
_WIDE = r"[^\x00-\x7f]"
_SPACE_NEAR_WIDE = re.compile(rf"(?<={_WIDE})[ \t\u3000\xa0]+|[ \t\u3000\xa0]+(?={_WIDE})")
_LINE_END = "。；;！？!?：:)）]】”\""
# a heading starts a line or follows the end of a sentence or of a bracketed unit list
_LEAD = r"(?:^|(?<=[。；;!?！？)）\]】]))[ \t]*"
_HEADING = re.compile(
    _LEAD + r"(?:(?P<l1>[一二三四五六七八九十]{1,3})、"
    r"|[(（](?P<l2>[一二三四五六七八九十]{1,4})[)）]"
    r"|(?P<l3>[1-9]\d{0,2})[.．、](?![0-9])"
    r"|[(（](?P<l3b>[1-9]\d?)[)）]|(?P<l3c>[①-⑳])\s*(?=[\u4e00-\u9fff]))"
    r"|(?:^|(?<=[。；;!?！？，,：:]))[ \t]*(?P<l4>[一二三四五六七八九十]{1,2})是(?![否非])", re.M)
_LINE_NUMBER = re.compile(r"(?m)^[ \t]*([1-9]\d{0,2})[.．、](?![0-9])")
_JUMP = {1: 6, 2: 6, 3: 3, 4: 3}     # how far a heading's number may run ahead of the last one

#: a title that lays a foundation (筑牢…空间基础, 夯实…基础) is a task, not a part on where things
#: stand (发展基础): the start of a pattern for such titles
NOT_LAYING = r"^(?!(?:着力|全力|持续|进一步|不断|切实|加快|继续)?(?:筑牢|夯实|打牢|巩固|厚植|筑实|奠定|打好|筑稳))"

#: the verbs a plan's tasks open on
TASK_VERBS = "实施|推进|推动|加快|加强|强化|深化|建设|打造|构建|提升|促进|完善|健全|优化|开展|落实|培育"

#: how far back a clause or sentence is looked for its start: no sentence is this long, and a
#: search that may not find a rare mark (！, ？) must not run back to the start of a long text
LOOKBACK = 2000
PARAGRAPH_BACK = 8000  # how far back a figure's paragraph is read (a page run into one paragraph)


def clause_start(text: str, pos: int, marks: str = "。；;\n，,") -> int:
    """Where the clause (or sentence, by `marks`) holding `pos` starts, looking back at most
    LOOKBACK characters."""
    lo = max(0, pos - LOOKBACK)
    return max(max(text.rfind(c, lo, pos) for c in marks) + 1, lo)


def line_spans(text: str, start: int = 0, end: int | None = None):
    """The (start, end) of each line of text[start:end], without its newline."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        nl = text.find("\n", pos)
        stop = min(end, len(text) if nl < 0 else nl)
        yield pos, stop
        pos = stop + 1


def cell_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-empty cells of the lines of text[start:end] whose cells tabs or bars part (a
    table the page flattened), each without its spaces."""
    out = []
    for s, e in line_spans(text, start, end):
        for part in re.finditer(r"[^\t|｜]+", text[s:e]):
            if part.group(0).strip():
                lead = len(part.group(0)) - len(part.group(0).lstrip())
                out.append((s + part.start() + lead, s + part.start() + len(part.group(0).rstrip())))
    return out


#: the year each five-year plan (“十四五” …) ends: a plan's horizon and a target's year
FIVE_YEAR_PLAN_END = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030,
                      "十六五": 2035}
_FIVE_YEAR_PLAN = re.compile(r"(十[一二三四五六])五|第(十[一二三四五六])个五年")


def five_year_plan_end(text: str) -> int | None:
    """The last year of the five-year plan a text names, as “十四五” or in full (国民经济和社会发展
    第十四个五年规划): 2025."""
    m = _FIVE_YEAR_PLAN.search(text)
    return FIVE_YEAR_PLAN_END.get(f"{m.group(1) or m.group(2)}五") if m else None


def cn_number(text: str) -> int | None:
    """一 -> 1, 十七 -> 17, 二十一 -> 21, 三十 -> 30; None if it is not a Chinese numeral."""
    if not text or any(c not in CN_DIGITS for c in text):
        return None
    if "十" not in text:
        return _NUM.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    t = _NUM.get(tens, 0) if tens else 1
    o = _NUM.get(ones, 0) if ones else 0
    if (tens and tens not in _NUM) or (ones and ones not in _NUM):
        return None
    return t * 10 + o


def cn_numeral(n: int) -> str:
    """1 -> 一, 17 -> 十七, 21 -> 二十一 (for the dataset's measure numbers)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


@dataclass
class Heading:
    level: int              # 1: 一、  2: (一)  3: 1.  4: 一是
    number: str             # as written: 一 / 十七 / 3
    value: int
    start: int              # where the marker starts
    body: int               # where the text after the marker starts
    title: str              # up to the first full stop or line end
    end: int = 0            # where the part ends (next heading of the same or a higher level)
    label: str = ""         # the section label, e.g. 二(一)3
    parent: "Heading | None" = None
    # within level 3, as official documents nest them: 1. (0), then (1) (1), then ① (2)
    depth: int = 0


@dataclass
class Document:
    source: SourceText
    text: str
    headings: list[Heading] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    shown: str = ""         # a traditional repost as written (`text` is its simplified reading)

    @property
    def name(self) -> str:
        return self.source.name

    @functools.cached_property
    def quoted(self) -> str:
        """The text with a page's straight quotes paired, line by line, as “ and ” (same length)."""
        return pair_quotes(self.text)

    @property
    def written(self) -> str:
        """The text as the page writes it, offset for offset the same as `text`."""
        return self.shown or self.text

    def section_at(self, pos: int) -> str:
        """The section label of the innermost heading before `pos`, or 前言."""
        i = bisect.bisect_right(self._starts, pos) - 1
        while i >= 0:
            h = self.headings[i]
            if h.start <= pos < h.end:
                return h.label
            i -= 1
        return "前言"

    def heading_at(self, pos: int, level: int | None = None) -> Heading | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        while i >= 0:
            h = self.headings[i]
            if h.start <= pos < h.end and (level is None or h.level == level):
                return h
            i -= 1
        return None

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, len(self.text) if end < 0 else end


def clean(raw: str) -> str:
    """HTML to text, one paragraph per line, no whitespace next to Chinese characters, and lines
    a PDF broke mid-sentence joined again."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if _LOOKS_HTML.search(text):
        text = html.unescape(_TAG.sub("", _BLOCK_TAG.sub("\n", text)))
    text = text.replace("\ufeff", "").replace("\u200b", "")
    lines = [_cells_parted(ln) for raw_ln in text.split("\n")
             for ln in (_LOST_BREAK.split(raw_ln) if len(raw_ln) >= _RUN_ON and raw_ln.count("|") < 3
                        else [raw_ln])]     # (a table's row keeps its cells' 1. 2. on its line)
    lines = _join_wrapped([ln for ln in lines if ln])
    return "\n".join(lines)


# a page that lost its line breaks keeps a space where each was: a long line parts again at a
# space before a numbered part's mark (… 2.落实…, … 一、…) or a unit list's label (。 责任单位:…)
_RUN_ON = 300
_LOST_BREAK = re.compile(r"(?<=[^\x00-\x7f])[ \t\u3000\xa0]+(?=[一二三四五六七八九十]{1,3}、|"
                         r"[(（][一二三四五六七八九十]{1,4}[)）]|[1-9]\d{0,2}[.．、](?![0-9])|"
                         r"(?:责任|牵头|配合)(?:单位|部门)[:：])")

# a table's row set on one line with spaces between its cells (1 地区生产总值增长6%。 区发改委 …),
# or its header (序号 目标任务 责任单位 …): three cells or more, each of two characters or more
_SPACED_ROW = re.compile(r"^[ \t\u3000]*(?:\d{1,3}|序\s*号)(?:[ \t\u3000]+[^ \t\u3000]{2,}){2,}[ \t\u3000]*$")


def _cells_parted(line: str) -> str:
    """A line without the whitespace next to Chinese characters, but a table's row keeps one tab
    between its cells (a tab parts cells, and so do the spaces of a row set with spaces): a tab,
    being whitespace, leaves every excerpt of the row verbatim."""
    if "\t" in line.strip() or _SPACED_ROW.match(line):
        cells = re.split(r"\t+" if "\t" in line.strip() else r"[ \t\u3000]+", line.strip())
        return "\t".join(_SPACE_NEAR_WIDE.sub("", c).strip() for c in cells if c.strip())
    # (and none inside a part's number a page spaced out: “1 . 严格…”)
    return _SPACE_NEAR_WIDE.sub("", _SPACED_NUMBER.sub(r"\1", line)).strip()


_SPACED_NUMBER = re.compile(r"^([ \t\u3000]*[1-9]\d{0,2})[ \t\u3000]+(?=[.．、][ \t\u3000]*[\u4e00-\u9fff“])")


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join lines that a fixed page width broke: long lines not ending a sentence (nor a table
    row's last cell, …| ), followed by a line that is not a heading."""
    lengths = sorted(len(ln) for ln in lines if len(ln) >= 10)
    if len(lengths) < 5:
        return lines
    wrap = lengths[int(len(lengths) * 0.9)]
    if wrap < 25 or sum(1 for n in lengths if n >= wrap * 0.9) < len(lengths) * 0.3:
        return lines      # no common line width: the lines are paragraphs
    out: list[str] = []
    for ln in lines:
        if (out and len(out[-1]) >= wrap * 0.9 and out[-1][-1] not in _LINE_END + "|｜"
                and not _HEADING.match(ln)):
            out[-1] += ln
        else:
            out.append(ln)
    return out


def _title(text: str, body: int) -> str:
    m = re.compile(r"[。\n]").search(text, body)
    end = m.start() if m else len(text)
    return text[body:min(end, body + 60)].strip(" ：:")


def pair_quotes(text: str) -> str:
    """Straight quotes ("一轴两翼") as opening and closing marks in turn on each line, so that a
    quote's closing mark is never read as the next one's opening."""
    def line(text_line: str) -> str:
        out, opening = [], True
        for c in text_line:
            if c == '"':
                c, opening = ("“" if opening else "”"), not opening
            out.append(c)
        return "".join(out)
    # (line by line: a pattern around the quote would rescan a long line from every character)
    return "\n".join(line(ln) if '"' in ln else ln for ln in text.split("\n"))


def build(source: SourceText) -> Document:
    from .script import simplified

    shown = clean(source.text)
    text = simplified(shown) or shown          # a traditional repost is read as simplified
    heads: list[Heading] = []
    last = {1: 0, 2: 0, 3: 0, 4: 0}
    # (a page may open in the middle of a long list, 204. 205. …: a run that goes on from there)
    at_line = {int(m.group(1)) for m in _LINE_NUMBER.finditer(text)}
    for m in _HEADING.finditer(text):
        kind = next(k for k in ("l1", "l2", "l3", "l3b", "l3c", "l4") if m.group(k))
        number = m.group(kind)
        level = {"l1": 1, "l2": 2, "l3": 3, "l3b": 3, "l3c": 3, "l4": 4}[kind]
        # (a circled number, ① ②: its value; 1. and (1) as they are written)
        value = ord(number) - ord("①") + 1 if kind == "l3c" else int(number) if level == 3 else cn_number(number)
        if value is None or value == 0:
            continue
        # numbering runs on (a lost heading may leave a gap): a number far ahead is not a heading
        on_line = m.group(0)[:1] not in "。；;!?！？)）]】" and (m.start() == 0 or text[m.start() - 1] == "\n")
        if level == 3 and value >= 100 and not on_line:
            continue                          # (a figure, not a task's number, unless it opens a line)
        opens_run = level >= 3 and last[level] == 0 and on_line and {value + 1, value + 2} <= at_line
        if not opens_run and (value > last[level] + _JUMP[level] or
                              (level >= 3 and last[level] == 0 and value != 1)):
            continue
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip(" \t")))
        heads.append(Heading(level, number, value, start, m.end(), _title(text, m.end()),
                             depth={"l3b": 1, "l3c": 2}.get(kind, 0)))
        last[level] = value
    if not last[3]:
        heads = sorted(heads + _bare_numbers(text), key=lambda h: h.start)
    _nest(heads, len(text))
    for h in heads:
        if h.level == 4:        # 一是…;二是…: a list inside a paragraph ends with it
            nl = text.find("\n", h.body)
            h.end = min(h.end, len(text) if nl < 0 else nl)
    for h, nxt in zip(heads, heads[1:] + [None]):
        if nxt is not None and nxt.start < h.body + len(h.title):
            h.title = text[h.body:nxt.start].rstrip(" ：:")
    doc = Document(source, text, heads, [h.start for h in heads], shown if text != shown else "")
    return doc


# a heading line whose number lost its mark (1实施区域创新协同行动): a short line, no sentence,
# the number right before its words (not a figure's: 1月, 3个, 5万)
_BARE = re.compile(r"^[ \t]*([1-9]\d?)(?=[\u4e00-\u9fff])(?![年月日号个万亿千百家条项位名次期届级倍点元])"
                   r"[^\n，,。；;:：]{3,30}$", re.M)


def _bare_numbers(text: str) -> list[Heading]:
    """Such lines numbered on from 1, at least two of them, as level-3 headings."""
    run: list[Heading] = []
    for m in _BARE.finditer(text):
        value = int(m.group(1))
        if value == len(run) + 1:
            run.append(Heading(3, m.group(1), value, m.start(1), m.end(1), _title(text, m.end(1))))
    return run if len(run) >= 2 else []


def _nest(heads: list[Heading], n: int) -> None:
    stack: list[Heading] = []
    for h in heads:
        while stack and (stack[-1].level, stack[-1].depth) >= (h.level, h.depth):
            stack.pop().end = h.start
        h.parent = stack[-1] if stack else None
        h.label = _label(h)
        stack.append(h)
    for h in stack:
        h.end = n


def _label(h: Heading) -> str:
    parts = []
    node: Heading | None = h
    while node is not None:
        parts.append({1: node.number, 2: f"({node.number})", 3: (node.number, f"({node.number})",
                                                              node.number)[node.depth],
                      4: f"{node.number}是"}[node.level])
        node = node.parent
    return "".join(reversed(parts))


def excerpt(text: str, start: int, end: int, limit: int = 120) -> str:
    """text[start:end] as an excerpt: stripped of edge punctuation, at most `limit` characters,
    cut at a clause boundary where it is too long."""
    s = text[start:end].strip().strip("，,；;、。.：: \n")
    if len(s) <= limit:
        return s
    cut = max(s.rfind(c, 0, limit) for c in "，,；;。")
    return s[:cut if cut >= limit // 2 else limit]
