"""Where a slogan's parts are defined, in the ways Chinese plans and the reports on them write it.

- a passage that opens with the part's label, in any of the usual forms: “一核”:…, 一核:…,
  “一核”即…, “一主”,即…, “六辅”,包括…, “多地协作”中,包括…, “三片”是…, “三带”包括…, 其中“1”是…, 其中的“1”是…,
  “1”指…, 做好一“心”:…, 发展两“轴”:…; it runs to the end of its paragraph or to where the next
  part's label opens (“三片”是…;“三带”包括…); or a clause or heading naming it by what is done to it
  (一是做强一核,…; (二)拓展两翼。…), by its ordinal (二是两带协同,…), or a numbered heading further on
  (二、做强一核: its line and the paragraph below);
- the places whose names end in the part's word: 三城 are the …城 the text names near the slogan
  (未来科技城、青山湖科技城 … 第三座科技城——紫金港科技城).
- the clauses after the slogan that use the part's word (以…为西翼, …中心, 多点支撑…).
"""
from __future__ import annotations

import re

from .parts import SYNONYMS, VERBS, Part, bullet_block
from .text import cn_number

_DEFINING = r"(?:即为|即|是指|指的是|指|是|为|包括|包含|涵盖|由|位于|地处)"
# a part named by what is done to it, as a clause or a heading opens: 一是做强一核,…; (二)拓展
# 两翼。…; 打造一核:…; or by its ordinal and what it does: 二是两带协同,…
DOING = r"(?:做强|做优|做大|做精|做美|做实|打造|建设|建强|壮大|拓展|提升|培育|构建|优化|强化|推进|推动|" \
         r"塑造|聚焦|激活|深化|筑牢|串联|联动|提质|振兴|织密|畅通|共建|发展|完善|形成|彰显)"
_COUNT_CN = "一二两三四五六七八九十百多双数"
_CLAUSE = re.compile(r"[，,；;。\n]")


def _label_pattern(part: Part) -> str:
    """A regex for the part's label as texts write it when defining it: as the slogan writes it
    (“双网融合”指…) or the counted part alone (“一核”即… for 一核主导)."""
    if not part.word:
        return rf"“{re.escape(part.label)}”"        # a figure: only quoted (“1”), not any 1
    count = re.escape(part.label[: len(part.label) - len(part.word)])
    word = re.escape(part.word)
    forms = "|".join(rf"“{re.escape(x)}”|(?<![\u4e00-\u9fff“]){re.escape(x)}" for x in part.labels)
    # the count restated with its measure word and in figures too: 六带 as 6条生态带, 六条生态带
    n = cn_number(part.label[: len(part.label) - len(part.word)])
    counted = rf"|(?<![\d\u4e00-\u9fff“])(?:{n}|{count})\s*(?:条|个|座|大)[\u4e00-\u9fff]{{0,6}}?{word}" \
        if n and n > 1 else ""
    return rf"(?:{forms}|{count}“{word}”{counted})"          # 一核 / “一核” / 一“核”


def _opening(part: Part) -> re.Pattern:
    lab = _label_pattern(part)
    said = _said_label(part)
    # (its name in a bracket before the colon: “一心”(生物经济创新动力中心):以…)
    return re.compile(rf"(?:其中的?|其中)?{lab}(?:[(（][^()（）\n]{{2,20}}[)）])?\s*中?(?:(?:[,，:：]|——|—)\s*{_DEFINING}?|"
                      rf"(?:分别)?{_DEFINING})"
                      + (rf"|(?:{DOING}|[一二三四五六七八九十]是){said}(?:{VERBS})?\s*[,，:：。；;]"
                         if said else ""))


def _said_label(part: Part) -> str:
    """The part's label as a verb's object (做强一核, 拓展“两翼”), or "" for a figure."""
    if not part.word:
        return ""
    count = re.escape(part.label[: len(part.label) - len(part.word)])
    forms = "|".join(rf"“{re.escape(x)}”|{re.escape(x)}" for x in part.labels)
    return rf"(?:{forms}|{count}“{re.escape(part.word)}”)"


def labelled(text: str, part: Part, parts: list[Part], start: int, end: int) -> tuple[int, int] | None:
    """The passage that defines `part` by its label in text[start:end], or None."""
    m = _opening(part).search(text, start, end)
    while m and text[max(0, m.start() - 1):m.start()] == "为":
        m = _opening(part).search(text, m.end(), end)    # 以A为“一体”,…: A is the part (assigned)
    if not m:
        return None
    s = m.start()
    # (the colon's own line: ●五副: alone on it, its members on the lines below)
    colon = re.compile(r"[^\n]*?[:：]").match(text, s)
    nl = text.find("\n", m.end())
    stop = min(end, bullet_block(text, s, colon.end() if colon else m.end(),
                                 len(text) if nl < 0 else nl))
    for other in parts:                             # the next part's own definition, or its
        if other is part:                           # label in quotes (“多地协作”中,包括…)
            continue
        quoted = re.compile("|".join(f"“{re.escape(x)}”" for x in other.labels))
        o = _opening(other).search(text, m.end(), stop) or quoted.search(text, m.end(), stop)
        if o:
            stop = min(stop, o.start())
    while stop > s and text[stop - 1] in "；;，, ":
        stop -= 1
    return (s, stop) if stop - s > len(part.label) + 1 else None


def in_heading(doc, part: Part, after: int) -> tuple[int, int] | None:
    """A numbered heading after the slogan that names the part (二、做强一核; (一)一核。以…):
    its line and, when the line holds no more than the title, the paragraph below it."""
    said = _said_label(part)
    if not said:
        return None
    title = re.compile(rf"^(?:{DOING})?{said}\s*[。.．:：]?$")
    text = doc.text
    for h in doc.headings:
        if h.start < after or not title.match(h.title.strip()):
            continue
        stop = text.find("\n", h.body)
        stop = len(text) if stop < 0 else stop
        if len(text[h.body:stop].strip()) <= len(h.title.strip()) + 3:
            nxt = re.compile(r"\S[^\n]*").search(text, stop, h.end)
            stop = nxt.end() if nxt else stop
        return h.start, min(stop, h.end)
    # a chapter's section heading: 第一节 做强一核, or a decimal one, 2.1.1 一核, and the
    # paragraph below it
    m = re.compile(rf"(?m)^[ \t\u3000]*(?:第[一二三四五六七八九十]{{1,3}}[章节]|\d{{1,2}}(?:[.．]\d{{1,2}}){{1,3}})"
                   rf"[ \t\u3000]*"
                   rf"(?:{DOING})?{said}[ \t]*$\n\s*[^\n]*").search(text, after)
    # or a line of the label alone, unnumbered, over the line that tells it (一带 / 南沙大堤生态绿带)
    m = m or re.compile(rf"(?m)^[ \t\u3000]*{said}[ \t\u3000]*\n[ \t\u3000]*[^\s“”\"][^\n]*").search(
        text, after, min(len(text), after + LABEL_LINE_SCOPE))
    return (m.start(), m.end()) if m else None


LABEL_LINE_SCOPE = 1500  # how far after the slogan a part's label line is looked for


_LIES_IN = re.compile(r"(?:位于|地处|坐落于|处于)[^，,。；;]{0,12}$")


def members_by_word(hits, text: str, part: Part) -> list:
    """The distinct place names among `hits` that end in the part's word, a name extended over
    the 2-4 characters that make it one (紫金港 + 科技城): the members of 三城, 两镇 …"""
    if not part.word or part.kind in ("core",) and part.count == 1:
        return []
    # (not over a clause's little words: 以钱塘江为轴线 names no 轴 called 钱塘江为轴)
    ext = re.compile(rf"(?:(?![为的和与及在以是即等])[\u4e00-\u9fff]){{1,3}}?{re.escape(part.word)}")
    out, seen = [], set()
    for h in hits:
        if _LIES_IN.search(text, max(0, h.start - 14), h.start):
            continue        # 西站新城单元位于…余杭片区: where the place lies, not one of its members
        name = h.text
        if not name.endswith(part.word):
            m = ext.match(text, h.end)
            if not m:
                continue
            name = h.text + m.group(0)
        if name not in seen:
            seen.add(name)
            out.append((h, name))
    return out


def word_clauses(text: str, part: Part, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses in text[start:end] that use the part's word (以…为西翼, …中心, 多点支撑…)."""
    words = SYNONYMS.get(part.word, ())
    # the word itself only as a part: after a direction, a count or 为 (not 画廊, 杭港 …)
    own = re.compile(rf"(?:[东西南北中一二两三四五六七八九十多]|为|产业|文化|经济|发展|生态|创新|科创|"
                     rf"景观|滨水|走){re.escape(part.word)}")
    out, pos = [], start
    for m in list(_CLAUSE.finditer(text, start, end)) + [None]:
        stop = m.start() if m else end
        clause = text[pos:stop]
        if any(w in clause for w in words) or own.search(clause):
            out.append((pos, stop))
        if m is None:
            break
        pos = m.end()
    return out


_LISTED = re.compile(r"([^。；;\n]{4,200}?)(?:组成|构成|[一二两三四五六七八九十]大?(?:方面|部分|板块)|[。；;\n]|$)")
_LIST_SEP = re.compile(r"、|，|,|以及|和|及|与")


def listed_members(text: str, slogan) -> dict[int, tuple[int, int]]:
    """Each part's items where the text lists the slogan's members in order after 即 or in
    由…组成, right after the slogan or after its parts restated (“一带、一轴…”,即运河景观带、
    城市发展轴…; 即一主三副,由主城、江南城、临平城和下沙城组成, under a heading further on too):
    the items, as many as the parts count, taken in order; {} when there is no such list."""
    parts = slogan.parts
    if not parts or any(not p.count or not p.word for p in parts):
        return {}
    window = min(len(text), slogan.end + 400)
    for m in re.finditer(r"即|由|分别(?:是|为)", text[slogan.end:window]):
        at = slogan.end + m.start() + len(m.group(0)) - 1     # (分别是A、B…: the list after 是)
        word = slogan.end + m.start()
        before = text[max(0, word - 40):word].rstrip(" ,，:：")
        if text[slogan.end:word].strip(" ,，:：”\"」") == "":
            run = list(range(len(parts)))
        else:                                   # the parts restated unquoted: 即一主三副,由…
            run = next((list(range(i, j)) for i in range(len(parts))
                        for j in range(len(parts), i + 1, -1)
                        if before.endswith("".join(p.label for p in parts[i:j]))), [])
        if not run:
            continue
        body = _LISTED.match(text, at + 1, window)
        if not body:
            continue
        items, pos = [], body.start(1)
        flat = re.sub(r"[(（][^()（）]*[)）]", lambda b: "#" * len(b.group(0)), body.group(1))
        for sep in list(_LIST_SEP.finditer(flat)) + [None]:
            stop = body.start(1) + (sep.start() if sep else len(flat))
            items.append((pos, stop))
            pos = body.start(1) + sep.end() if sep else stop
        items = [(a, b) for a, b in items if b - a >= 2]
        if len(items) != sum(parts[k].count for k in run):
            continue
        out, i = {}, 0
        for k in run:
            out[k] = (items[i][0], items[i + parts[k].count - 1][1])
            i += parts[k].count
        return out
    return {}


_ITEMS_OPEN = re.compile(r"^(?:[^、，,；;。]{0,6}?(?:以|依托|包括|推动|推进|建设|打造))")


def items_by_word(text: str, part: Part, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a list in text[start:end] that has as many items as the part counts, each
    a name ending in the part's word (五区: 以A示范区、B片区、C新区、D功能区、E实践区等为引领),
    or []."""
    if not part.word or not part.count or part.count < 2:
        return []
    pos = start
    for m in list(_CLAUSE.finditer(text, start, end)) + [None]:
        stop = m.start() if m else end
        head = _ITEMS_OPEN.match(text[pos:stop])
        a = pos + (head.end() if head else 0)
        tail = re.search(r"等?(?:为|$)", text[a:stop])
        b = a + tail.start() if tail else stop
        items, p = [], a
        for sep in list(re.finditer(r"、|和|及", text[a:b])) + [None]:
            q = a + sep.start() if sep else b
            items.append((p, q))
            p = a + sep.end() if sep else q
        if len(items) == part.count and all(
                q - p > len(part.word) + 1 and text[p:q].endswith(part.word) for p, q in items):
            return items
        if m is None:
            break
        pos = m.end()
    return []


def assigned(text: str, part: Part, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses that give the part its places by 以…为 (以A区、B区为“一体”; 以C县为“东翼”,
    以D县为“南翼”: one each), in text[start:end]."""
    if not part.word:
        return []
    said = "|".join(re.escape(x) for x in part.labels) + rf"|[东西南北中]{re.escape(part.word)}"
    found = re.finditer(rf"以[^，,。；;]{{2,30}}?为“?(?:{said})”?", text[start:end])
    return [(start + m.start(), start + m.end()) for m in found]


def sides_named(text: str, part: Part, pos: int, end: int) -> bool:
    """Whether a part counted two or more of a one-word kind (两翼) is defined side by side after
    the slogan, each side by its label (“东翼”是…;“南翼”是…)."""
    if not part.count or part.count < 2 or len(part.word) != 1:
        return False
    sides = set(re.findall(rf"“([东西南北中])({re.escape(part.word)})”", text[pos:end]))
    return len(sides) == part.count


def named_after(text: str, part: Part, pos: int) -> bool:
    """Whether the paragraph after the slogan names as many places of the part's kind as it
    counts (“两组团、四片区”。 / 洋澜湖组团…;燕矶组团…;樊口片区…)."""
    if not part.count or part.count < 2 or len(part.word) < 2:
        return False
    nl = text.find("\n", pos)
    para = text[pos:text.find("\n", nl + 1) if nl >= 0 and not text[pos:nl].strip("”\"。 ") else
                (len(text) if nl < 0 else nl)]
    names = {n for n in re.findall(rf"[\u4e00-\u9fff]{{2,4}}?{re.escape(part.word)}", para)
             if not re.match(r"[一二两三四五六七八九十多双数]", n)}
    return len(names) == part.count


def figure_clauses(text: str, slogan, scope_end: int) -> list[tuple[int, int]]:
    """The clauses that define a figure slogan's parts: after “…格局:”, split at “;”, else at
    “,” before each “以…为”."""
    m = re.compile(r"[。\n]").search(text, slogan.context_end)
    end = min(m.start() if m else len(text), scope_end)
    start = slogan.context_end
    while start < end and text[start] in ":：,，":
        start += 1
    bracket = re.compile(r"[(（]([^()（）\n]{2,200})[)）]").match(text, start)
    if bracket:     # “7+X”布局(3个国家级开发区和4个省级开发区+乡镇特色园): the members by figure
        pieces = re.split(r"[+＋]", bracket.group(1))
        if len(pieces) == len(slogan.parts) and all(len(x.strip()) >= 2 for x in pieces):
            pos, spans = bracket.start(1), []
            for x in pieces:
                spans.append((pos, pos + len(x)))
                pos += len(x) + 1
            return spans
    spans = _clauses(text, start, end, r"[；;]")
    if len(spans) == len(slogan.parts):
        return spans
    starts = [start + x.start() for x in re.finditer(r"以[^，,；;。]{2,30}?为", text[start:end])]
    if len(starts) == len(slogan.parts):
        return [(a, b) for a, b in zip(starts, starts[1:] + [end])]
    # one clause per part, between commas (以A为引领,推动B、C协同,D、E联动)
    spans = _clauses(text, start, end, r"[，,]")
    return spans if len(spans) == len(slogan.parts) else []


def _clauses(text: str, start: int, end: int, marks: str) -> list[tuple[int, int]]:
    """The spans of text[start:end] between the marks, those longer than three characters."""
    spans, pos = [], start
    for m in re.finditer(marks, text[start:end]):
        spans.append((pos, start + m.start()))
        pos = start + m.end()
    spans.append((pos, end))
    return [(a, b) for a, b in spans if b - a > 3]


# a figure of a run-together figure slogan defined after it: “1”指的是…, “50”是…
_DIGITS_TOLD = re.compile(r"[“\"](\d{1,3})[”\"](?:指的是|是指|指|是|即|为)")


def run_together(text: str, slogan: str, after: int) -> tuple[list[Part], list[str]] | None:
    """The parts of a figure slogan written without its + (“1650”: “1”指的是…,“6”指的是…,“50”指的是…),
    as the figures the text then defines one by one spell it."""
    if not re.fullmatch(r"\d{3,6}", slogan):
        return None
    spelt, parts = "", []
    for m in _DIGITS_TOLD.finditer(text, after, min(len(text), after + 2000)):
        if not slogan.startswith(spelt + m.group(1)):
            break
        spelt += m.group(1)
        parts.append(Part(m.group(1), "", int(m.group(1)), "group"))
        if spelt == slogan:
            return (parts, []) if len(parts) >= 2 else None
    return None
