"""The heading structure of a plan, as Chinese policy documents number it.

Four levels: 一、 (parts), (一) or （一） (sections), 1. (items), (1) (sub-items). A heading starts
a paragraph; its title runs to the first full stop ("9.培育一批数字贸易领军企业。推进…") or to
the end of the line. A heading's section is the numbers of its chain, as the dataset writes
sections: 二(一)7 is item 7 of section (一) of part 二. A document that skips a level (002 numbers
its sections (一)…(三十三) straight through) has no number for it. Headings the source file lost
(plans.yaml `lost_headings`: 003's parts 一 and 四 and measure (二十)) are put back into the
contents as empty headings titled LOST, where the plan says they stood.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_CN = "一二三四五六七八九十"
_PATTERNS = (
    (1, re.compile(rf"([{_CN}]+)、(?=[\u4e00-\u9fff“《])")),
    (2, re.compile(rf"[(（]\s*([{_CN}]+)\s*[)）](?=[\u4e00-\u9fff“《])")),
    (3, re.compile(r"(\d{1,2})[.．、](?=[\u4e00-\u9fff“《])")),
    (4, re.compile(r"[(（](\d{1,2})[)）](?=[\u4e00-\u9fff“《])")),
)
_TITLE_END = re.compile(r"[。；;]")
MAX_TITLE = 40
LOST = "(标题缺失)"


@dataclass(eq=False)
class Heading:
    level: int                  # 1 一、 2 (一) 3 1. 4 (1)
    number: str                 # "二", "(一)", "7", "(1)": as a section writes it
    title: str                  # "发展目标"
    start: int                  # where the heading starts in the clean text
    end: int                    # the end of its number and title
    parent: "Heading | None" = None
    children: list["Heading"] = field(default_factory=list)
    lost: bool = False          # lost in the source file: put back from plans.yaml

    @property
    def section(self) -> str:
        """'二(一)7': the numbers from the top of the chain down to this heading."""
        return "".join(h.number for h in self.chain())

    @property
    def label(self) -> str:
        """How the contents tree shows it: '二、发展目标', '(一)规模领先', '7. 培育数据贸易'."""
        sep = {1: "、", 3: ". "}.get(self.level, "")
        return f"{self.number}{sep}{self.title}"

    def chain(self) -> list["Heading"]:
        """This heading and its parents, from the top down."""
        out, h = [], self
        while h is not None:
            out.append(h)
            h = h.parent
        return out[::-1]

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


def _heading(text: str, start: int, end: int) -> Heading | None:
    line = text[start:end]
    for level, pat in _PATTERNS:
        m = pat.match(line)
        if not m:
            continue
        num = m.group(1)
        number = f"({num})" if level in (2, 4) else num
        rest = line[m.end():]
        stop = _TITLE_END.search(rest)
        title = rest[:stop.start()] if stop else rest
        if len(title) > MAX_TITLE:  # a numbered sentence, not a heading
            return None
        return Heading(level, number, title.strip(), start, start + m.end() + len(title))
    return None


def _lost(number: str, at: int) -> Heading:
    level = (2 if number[1:2] in _CN else 4) if number.startswith("(") else \
        (3 if number.isdigit() else 1)
    return Heading(level, number, LOST, at, at, lost=True)


def outline(text: str, paragraphs, lost=()) -> tuple[list[Heading], list[Heading]]:
    """(every heading in order, the top-level headings of the contents tree). `lost`: the
    plan's lost headings (number, before)."""
    flat: list[Heading] = []
    roots: list[Heading] = []
    stack: list[Heading] = []
    for p in paragraphs:
        found = [_lost(x.number, p.start) for x in lost if text.startswith(x.before, p.start)]
        found.append(_heading(text, p.start, p.end))
        for h in found:
            if h is not None:
                _place(h, flat, roots, stack)
    return flat, roots


def _place(h: Heading, flat: list, roots: list, stack: list) -> None:
    while stack and stack[-1].level >= h.level:
        stack.pop()
    if stack:
        h.parent = stack[-1]
        stack[-1].children.append(h)
    else:
        roots.append(h)
    stack.append(h)
    flat.append(h)
