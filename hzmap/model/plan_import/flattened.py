"""A task table whose page ran its cells together with no break between them, header and rows
alike, as some sites' text does:

    …序号内容与要求责任单位1确保地区生产总值增长7%以上。…落地率75%以上。市发改委2高质量完成…

Each row opens on its number, right after the header or after the row before; its task runs to
its last full stop and its units cell is what follows, up to the next row's number.
"""
from __future__ import annotations

import functools
import re

from .text import line_spans
from .units import split_units, unit_like, whole_name

_HEADER = re.compile(r"序\s*号[^。\n]{0,20}?(?:责任|牵头|主责)\s*(?:单位|部门)")


def rows(text: str) -> list[tuple[str, int, int, tuple[int, int], str]]:
    """(number, start, end, task span, units text) per row, or [] when there is no such table
    (no header in running text, or fewer than two rows numbered on from 1)."""
    head = _HEADER.search(text)
    if head is None:
        return []
    out, pos, n = [], head.end(), 1
    while True:
        pos = re.compile(r"\s{0,8}").match(text, pos).end()      # (a row on a line of its own)
        m = re.compile(rf"{n}(?=[\u4e00-\u9fff“])").match(text, pos)
        if m is None:
            break
        # (the next row right after this one's units, or opening the next line)
        nxt = re.compile(rf"(?:(?<=[\u4e00-\u9fff)）])|(?<=\n)){n + 1}(?=[\u4e00-\u9fff“])").search(text, m.end())
        line_end = text.find("\n", m.end())
        stop = nxt.start() if nxt else (len(text) if line_end < 0 else line_end)
        while stop > m.end() and text[stop - 1].isspace():
            stop -= 1
        task_end = text.rfind("。", m.end(), stop)
        cell = text[task_end + 1:stop].strip() if task_end >= 0 else ""
        toks = split_units(cell)
        if not toks or not all(unit_like(t) or whole_name(t) for t in toks):
            cell, task_end = "", stop - 1 if task_end < 0 else task_end
        out.append((str(n), m.start(), stop, (m.end(), task_end + 1), cell))
        if nxt is None:
            break
        pos, n = nxt.start(), n + 1
    return out if len(out) >= 2 else []


# a table's units column named by a header cell on a line of its own
_UNITS_HEADER = re.compile(r"(?m)^[ \t]*(?:牵头|责任|主责)\s*(?:单\s*位|部\s*门)[ \t]*$")


@functools.lru_cache(maxsize=2)
def _names_units_column(text: str) -> bool:
    """Whether the document names a units column on a line of its own: asked once per document,
    not once per measure (cell_units is asked for each)."""
    return bool(_UNITS_HEADER.search(text))
_PERSON = re.compile(r"[\u4e00-\u9fff](?:[ \t\u3000]*[\u4e00-\u9fff]){1,3}")
_PLATFORM = re.compile(r"(?:园|区|镇|街道|乡|中心|集团|公司)$")


def cell_units(text: str, start: int, end: int) -> str:
    """The units of a task whose table was flattened one cell a line (…增长6%左右。 / 王旭锋 /
    发改局 / 经开区 / 高新园 / (邹区镇) / 各街道), when the document names a units column on a
    line of its own: the short lines after the task's line that name units, a bracket on a
    line of its own joined to the name above it; a leader's name is no unit. "" if none."""
    if not _names_units_column(text):
        return ""
    units: list[str] = []
    nl = text.find("\n", start)
    for s, e in line_spans(text, len(text) if nl < 0 else nl + 1, end):
        line = re.sub(r"\s+", "", text[s:e])
        if not line or re.fullmatch(r"[|｜]+", line):
            continue                            # (a row's cells parted by lines of “|”)
        listed = split_units(line.lstrip("★▲*＊")) if "、" in line and len(line) <= 60 else []
        if listed and all(unit_like(t) or whole_name(t) for t in listed):
            units.append(line)                  # ★区发改委、统计局: the cell's list, its lead marked
            continue
        if len(line) > 24 or re.search(r"[，,。；;:：]", line):
            break
        if re.fullmatch(r"[(（][^()（）]{1,12}[)）]", line) and units:
            units[-1] += line                   # 高新园 / (邹区镇): one name
            continue
        base = re.sub(r"[(（][^()（）]*[)）]$", "", line)
        if unit_like(base) or whole_name(base) or _PLATFORM.search(base) or base.startswith("各"):
            units.append(line)
        elif not _PERSON.fullmatch(text[s:e].strip()):
            break
    return "、".join(units)
