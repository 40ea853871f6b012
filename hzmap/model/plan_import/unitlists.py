"""Lists of responsible units in a text, as Chinese policy documents write them: in brackets
after a measure (“(责任单位:A、B)”, “(牵头单位:A;配合单位:B)”, a bare “(A、B)”), on a line of their
own (责任单位:…), or once in a part's heading for all its measures (一、…(区科技局牵头),
一、县示范区管委会牵头工作(8项)). Shared by the measure reader (measures.py)."""
from __future__ import annotations

import re

from .flattened import cell_units
from .text import Document, Heading
from .units import FIRST_IS_LEAD, LABELS, PEOPLE, Units, read_units, split_units, unit_like, whole_name

# a name in brackets inside a unit list: 各街办(新区), 市商务局(市粮食和物资储备局)
_INNER = r"(?:[(（][^()（）\[\]【】〔〕、,，;；。\n]{1,12}[)）][^()（）\[\]【】〔〕]*)*"
UNITS = re.compile(r"[(（\[【〔]\s*(" + PEOPLE + "?" + LABELS + r"[:：]"
                    r"[^()（）\[\]【】〔〕]*" + _INNER + r")[)）\]】〕]")
BRACKET = re.compile(r"[(（\[【〔]([^()（）\[\]【】〔〕]*" + _INNER + r")[)）\]】〕]")
# a unit list on a line of its own below its task (a target or task list with a 责任单位 line)
UNIT_LINE = re.compile(r"^[ \t]*((?:(?:责任|牵头|主责|协同|配合|协办)(?:责任)?(?:单位|部门))[:：][^\n]{1,200})$",
                       re.M)

# a labelled list whose bracket the page's end leaves open: (预期性指标,牵头单位:A;责任单位:B,…
_CUT_UNITS = re.compile(r"[(（][^()（）\n]{0,12}?(" + LABELS + r"[:：][^()（）\n]*)\s*$|"
                        r"[(（]([^()（）\n]{0,40}?[\u4e00-\u9fff]{2,14}牵头[,，;；][^()（）\n]*)\s*$|"   # (…,省发展改革委牵头,省…
                        # (or a bare list of three names or more: 〔省委军民融合办、省发展改革委、…、省数据局(省营商局)
                        r"[(（〔【]((?:[^()（）〔〕\n、，,。]{2,16}(?:[(（][^()（）\n]{1,10}[)）])?、){2,}"
                        r"[^()（）〔〕\n、，,。]{2,16}(?:[(（][^()（）\n]{1,10}[)）])?)\s*$")

# a bare list whose bracket goes on with a rule for the tasks after it (〔市人社局,此项及以下任务均需
# 各县(市、区)落实,不再列出。…〕): the names before the rule
_CELL = r"(?:[^()（）\[\]【】〔〕\n]|[(（][^()（）\n]{1,12}[)）])"
_NOTED = re.compile(r"[(（\[【〔](" + _CELL + r"*?(?:以下|均需|不再列出|职责分工)" + _CELL + r"*)[)）\]】〕]")


def unit_blocks(text: str, start: int, end: int) -> list[tuple[int, int, Units]]:
    """Every bracketed unit list in text[start:end], in order: (start, end, units read)."""
    found = {m.start(): m for m in UNITS.finditer(text, start, end)}
    found.update({m.start(): m for m in UNIT_LINE.finditer(text, start, end)})
    cut = _CUT_UNITS.search(text, start, end) if end >= len(text.rstrip()) else None
    if cut and not any(f.start() <= cut.start() < f.end() for f in found.values()):
        found[cut.start()] = cut        # (牵头单位:市卫健委;责任单位: — the page ends inside it
    for m in BRACKET.finditer(text, start, end):
        if m.start() in found or any(f.start() < m.start() < f.end() for f in found.values()):
            continue          # a bracket inside a labelled list is a name or the list's rule
        after = text[m.end():end].lstrip(" 。.；;")
        if after and not after.startswith("\n"):
            continue          # a bare list of units closes its measure (or its line)
        toks = split_units(m.group(1))
        if toks and sum(map(unit_like, toks)) >= max(1, 0.6 * len(toks)) and \
                all(len(t) <= 24 for t in toks):
            found[m.start()] = m
    listed_as: dict[int, str] = {}
    for m in _NOTED.finditer(text, start, end):
        head = re.split(r"[,，;；。]", m.group(1))[0]
        toks = split_units(head)
        if m.start() not in found and toks and all(map(unit_like, toks)) and \
                not text[m.end():end].lstrip(" 。.；;")[:1].strip():
            found[m.start()], listed_as[m.start()] = m, head
    out: list[tuple[int, int, Units]] = []
    lines: list[str | None] = []       # a unit line's list, None for a bracket
    for pos in sorted(found):
        m = found[pos]
        start, listed = m.start(), m.group(1).rstrip("。. ") if m.re is UNIT_LINE else \
            listed_as.get(pos, m.group(1) or m.group(m.lastindex))
        if m.re is UNIT_LINE and out and lines[-1] is not None \
                and not text[out[-1][1]:start].strip():
            # 牵头单位:A on one line, 责任单位:B、C on the next: one list, A leading
            start, listed = out[-1][0], lines[-1] + ";" + listed
            out.pop()
            lines.pop()
        read = read_units(listed, first_is_lead=bool(FIRST_IS_LEAD.search(listed)))
        if m.re is _CUT_UNITS:          # only its names, not the words the page cuts after them
            kept = [u for u in read.units if (unit_like(u) or whole_name(u) or re.fullmatch(r"各\w{2,5}", u))
                    and not re.search(r"以下|均需|不再|需要", u)]
            read = Units(read.lead if read.lead in kept else "", kept, read.how, read.notes)
        if read.units and not text[m.end():].strip() and not whole_name(read.units[-1]):
            # the page ends in the list's last name (牵头单位:省发展改): that name is cut off
            kept = read.units[:-1]
            read = Units(read.lead if read.lead in kept else "", kept, read.how, read.notes)
        out.append((start, m.end(), read))
        lines.append(listed if m.re is UNIT_LINE else None)
    return out


def own_units(text: str, h: Heading) -> bool:
    """Whether a numbered part states its own responsible units (labelled, in brackets or on a
    line of their own, or a bracket that names its lead: (…负责,省发展改革委牵头,…负责))."""
    return bool(UNITS.search(text, h.body, h.end) or UNIT_LINE.search(text, h.body, h.end)) or \
        any(read.how == "verb" and read.lead for _, _, read in unit_blocks(text, h.body, h.end)) or \
        bool(cell_units(text, h.start, h.end))      # (a table flattened one cell a line)


def closes_on_units(text: str, h: Heading) -> bool:
    """Whether a part's paragraph closes on its units (一、…。(省发展改革委、省财政厅等按职责分工负责))."""
    nl = text.find("\n", h.body)
    stop = len(text) if nl < 0 else nl
    blocks = unit_blocks(text, h.body, stop)
    return bool(blocks and blocks[-1][2].units and not text[blocks[-1][1]:stop].strip(" 。"))


def heading_units(text: str, h: Heading) -> Units | None:
    """The units a part's heading line names, 一、…高地(区科技局牵头); None if it names none."""
    line_end = text.find("\n", h.body)
    blocks = unit_blocks(text, h.body, min(h.end, len(text) if line_end < 0 else line_end))
    return blocks[-1][2] if blocks and blocks[-1][2].units else None


def heads_with_units(text: str, h: Heading) -> bool:
    """Whether a part's heading line names its units, 一、…高地(区科技局牵头)."""
    return heading_units(text, h) is not None


# a group of tasks named by its lead: 一、县示范区管委会牵头工作(8项)
_LEADS_PART = re.compile(r"([\u4e00-\u9fff()（）]{2,30}?)(?:牵头|负责)的?(?:工作|事项|任务)")


def part_units(doc: Document, start: int) -> tuple[str, Units] | None:
    """The units a part's heading line gives for all its measures: 一、强化科技创新(区科技局牵头)
    (the innermost such part around `start`, not the measure's own heading)."""
    h = doc.heading_at(start)
    if h is not None and h.start == start:
        h = h.parent
    while h is not None:
        named_here = heading_units(doc.text, h)
        if named_here is not None:
            return h.label + BRACKET.sub("", h.title).strip("。 ")[:20], named_here
        named = _LEADS_PART.match(h.title)
        if named and unit_like(named.group(1)):
            return h.label + h.title.strip("。 ")[:20], read_units(named.group(1))
        h = h.parent
    return None
