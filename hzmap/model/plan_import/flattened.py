"""A task table whose page ran its cells together with no break between them, header and rows
alike, as some sites' text does:

    …序号内容与要求责任单位1确保地区生产总值增长7%以上。…落地率75%以上。市发改委2高质量完成…

Each row opens on its number, right after the header or after the row before; its task runs to
its last full stop and its units cell is what follows, up to the next row's number.
"""
from __future__ import annotations

import re

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
        m = re.compile(rf"{n}(?=[\u4e00-\u9fff“])").match(text, pos)
        if m is None:
            break
        nxt = re.compile(rf"(?<=[\u4e00-\u9fff)）]){n + 1}(?=[\u4e00-\u9fff“])").search(text, m.end())
        line_end = text.find("\n", m.end())
        stop = nxt.start() if nxt else (len(text) if line_end < 0 else line_end)
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
