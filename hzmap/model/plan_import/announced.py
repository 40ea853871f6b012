"""Lists whose count is announced before them: “提出九大重点行动:一是…,二是…,…九是…” or a line
“…十件民生实事项目…” above parts numbered 一、二、… that have no parts of their own. Each item is
one of the things counted (an action, a project, a task): a measure of the plan, however short
its text. The count is what makes the list one of measures rather than of reasons or goals, so
a list is taken only when a count of such things stands right before it and the items do not
outnumber it (fewer only where the page ends inside the list).
"""
from __future__ import annotations

import re

from .text import TASK_VERBS, Document, Heading, cn_number, line_spans

# a count of the things a plan does: 九大重点行动, 十件民生实事项目, 五项任务, 3个工程
# (the count in quotes: “十大”工程)
_COUNTED = re.compile(r"(?P<n>[一二两三四五六七八九十]{1,3}|[1-9]\d?)(?:大|项|件|个|条)[”\"]?"
                      r"[\u4e00-\u9fff]{0,4}?(?:行动|工程|项目|任务|实事|举措)")
# what may stand between the count and its first inline item: 提出九大重点行动:一是…
_LEAD_IN = re.compile(r"[ \t]*(?:[，,:：]|，?(?:具体|主要|分别)?(?:即|是|包括|为|有)[:：]?)[ \t]*$")  # (这10件民生实事是:, …具体为:)
# how far above its first part a line's count may stand (the line right above, or the lead)
_ABOVE = 300
# a sentence that asks for or opens the list the count announces (这10个项目是什么? …如下:)
_ASKS = re.compile(r"[^。！!\n]*?(?:[?？:：]|如下。?)")
# how long an unnumbered item's account may run before the next item's title
_ACCOUNT = 1500
# an item with no number: a short sentence of what is done, its account after it
# (打造最优政务环境。全面深化…。 加强安置保障力度。开建安置房…)
_TITLE = re.compile(rf"(?:{TASK_VERBS}|加大|提高|扩大|做好|抓好|办好)[\u4e00-\u9fff“”]{{2,10}}。")


def _count(text: str) -> int | None:
    return int(text) if text.isdigit() else cn_number(text)


def _runs(doc: Document, level: int) -> list[list[Heading]]:
    """Runs of headings of one level under one parent, numbered from one on, none with parts."""
    parents = {id(h.parent) for h in doc.headings if h.parent is not None}
    runs: list[list[Heading]] = []
    for h in doc.headings:
        if h.level != level:
            continue
        if runs and runs[-1][-1].parent is h.parent and h.value == runs[-1][-1].value + 1:
            runs[-1].append(h)
        elif h.value == 1:
            runs.append([h])
    return [r for r in runs if not any(id(h) in parents for h in r)]


def _announced(doc: Document, run: list[Heading]) -> bool:
    text, first = doc.text, run[0]
    if first.level == 4:        # inline: the count, a colon, then 一是
        line = text.rfind("\n", 0, first.start) + 1
        found = [m for m in _COUNTED.finditer(text, line, first.start)
                 if _LEAD_IN.match(text[m.end():first.start])]
    else:                       # the line above the list (or its lead paragraph) counts it
        lo = max(0, first.start - _ABOVE)
        found = [m for m in _COUNTED.finditer(text, lo, first.start)
                 if not any(m.end() <= h.start < first.start for h in doc.headings)]
        found = found[-1:]
    if not found:
        return False
    n = _count(found[-1].group("n"))
    if n is None or len(run) > n:
        return False
    return len(run) == n or not text[run[-1].end:].strip()     # (the page cuts the list short)


def _titled(doc: Document) -> list[tuple[str, int, int, str]]:
    """Items with no number after a sentence that counts and announces them (…确定了10个正式项目。
    这10个项目是什么? / 打造最优政务环境。… 加强安置保障力度。…): each a short sentence of what is
    done, starting right after the one before's account."""
    text, out = doc.text, []
    for m in _COUNTED.finditer(text):
        asks = _ASKS.match(text, m.end())
        n = _count(m.group("n"))
        if not asks or n is None:
            continue
        pos = asks.end()
        while pos < len(text) and text[pos] in " \t\n":
            pos += 1
        if not _TITLE.match(text, pos):
            continue
        starts = []
        for t in _TITLE.finditer(text, pos):
            if t.start() - (starts[-1].end() if starts else pos) > _ACCOUNT or len(starts) > n:
                break           # (an item's account is not that long; nor the list longer than said)
            if t.start() == pos or text[t.start() - 1] in "。 \t\n":
                starts.append(t)
        if len(starts) < 2 or len(starts) > n:
            continue
        if len(starts) < n and (any(h.start > pos for h in doc.headings)
                                or len(text) - starts[-1].end() > _ACCOUNT):
            continue        # fewer than counted: only where the page ends in the list
        ends = [t.start() for t in starts[1:]] + [len(text)]
        out += [(str(k), t.start(), e, t.group(0)[:-1])
                for k, (t, e) in enumerate(zip(starts, ends), 1)]
    return out


def items(doc: Document) -> list[tuple[str, int, int, str]]:
    """(number, start, end, title) of each item of an announced list: 一、 parts with no parts of
    their own, 一是… clauses, or short sentences with no number (numbered in order)."""
    out = _titled(doc)
    for level in (1, 4):
        for run in _runs(doc, level):
            if not _announced(doc, run):
                continue
            for h in run:
                if level == 1:
                    out.append((h.number, h.start, h.end, h.title.strip("。 ")))
                    continue
                # 一是先进制造业高质量发展行动,二是…: the item is its clause
                stop = re.compile(r"[，,；;。\n]").search(doc.text, h.body, h.end)
                end = stop.start() if stop else h.end
                out.append((h.number, h.body, end, doc.text[h.body:end].strip()))
    return out


# a clause a unit leads: 市公安局牵头安全保障组,… / 市交通委牵头交通保障组,…
_LED = re.compile(r"[ \t]*([\u4e00-\u9fff]{2,14}?(?:局|委|办|厅|部|院|中心|政府|集团|公司|管委会))牵头(?![的单位])")


def led_clauses(doc: Document) -> list[tuple[str, int, int, str, str]]:
    """(number, start, end, title, unit) of each clause of a paragraph made of two or more
    clauses a unit leads, parted by semicolons: a list of tasks with no numbers."""
    text, out = doc.text, []
    for a, b in line_spans(text):
        cuts = [a] + [a + m.end() for m in re.finditer(r"[；;]", text[a:b])]
        clauses = [(x, y - (1 if y < b else 0)) for x, y in zip(cuts, cuts[1:] + [b])]
        led = [(x, y, _LED.match(text, x)) for x, y in clauses]
        if len(led) < 2 or not all(m for _, _, m in led):
            continue
        for k, (x, y, m) in enumerate(led, 1):
            stop = re.compile(r"[，,。]").search(text, x, y)
            out.append((str(k), x + len(text[x:m.start(1)]), y,
                        text[m.start(1):stop.start() if stop else y], m.group(1)))
    return out
