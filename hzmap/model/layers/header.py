"""A table's header as offices make it: several header rows, merged cells, a unit row. No Qt.

A statistical table's header is often two or three rows: 人口 over 2020年 and 2010年 (a merged
cell in Excel, the name then blanks in a CSV), and under them a unit row (人, %) that applies to
the columns it spans. The label column (地区) is merged down through all of them, or left blank
below its name. Each column gets one name, its header cells top to bottom joined by "·"
(人口·2020年), and its own unit. A '单位：人、%' line above the table gives one unit per group of
columns, in order; a single '单位：亿元' applies to the numeric columns that can carry it (not to
a share, not a money unit to a count).
"""
from __future__ import annotations

import math
import re
import unicodedata

from hzmap.model.layers.columns import is_blank, parse_number

MAX_HEADER_ROWS = 3
_UNIT_WORDS = (r"(?:百|千|万|十万|百万|千万|亿)?(?:元|人|户|个|家|所|张|床|辆|套|项|件|次|吨|千克|公斤|"
               r"平方公里|平方千米|平方米|公顷|亩|公里|千米|米|千瓦时|千瓦|立方米|人次|美元)"
               r"|%|‰|km²|km2|m²|m2|kwh|usd|rmb|cny|ha")
_UNIT_CELL = re.compile(rf"^[（(\[]?(?:单位[:：])?\s*(?:{_UNIT_WORDS})(?:\s*/\s*(?:{_UNIT_WORDS}))?[)）\]]?$", re.I)
_UNIT_LIST = re.compile(r"\s*[、,，;；/]\s*")
_SHARE = re.compile(r"比重|占比|比例|构成|增长|增速|增幅|率|%|％|百分")
_COUNT = re.compile(r"(?:个数|家数|户数|人数|数量|件数|次数|项目数|单位数|企业数|个|家)$|数$")


def _text(v) -> str:
    return "" if is_blank(v) else str(int(v) if isinstance(v, float) and v.is_integer() else v).strip()


def _is_number(v) -> bool:
    return not is_blank(v) and not math.isnan(parse_number(v))


def _year_like(v) -> bool:
    n = parse_number(v)
    return not math.isnan(n) and n == int(n) and 1900 <= n <= 2100


def unit_cell(v) -> str | None:
    """'人', '（万元）', '单位：%' -> the unit; anything else -> None."""
    t = _text(v)
    if not t or not _UNIT_CELL.match(unicodedata.normalize("NFKC", t)):  # NFKC: the square-metre sign is m2
        return None
    return re.sub(r"^[（(\[]|[)）\]]$|^单位[:：]\s*", "", t).strip()


def _filled(rows: list[list], width: int, merged) -> tuple[list[list], set]:
    """The rows with each merged range's value in all its cells, and the cells so filled."""
    grid = [list(r) + [""] * (width - len(r)) for r in rows]
    inherited = set()
    for (r0, c0), (r1, c1) in merged or ():
        if r0 >= len(grid) or c0 >= width:
            continue
        value = grid[r0][c0]
        for i in range(r0, min(r1, len(grid) - 1) + 1):
            for j in range(c0, min(c1, width - 1) + 1):
                if (i, j) != (r0, c0):
                    grid[i][j] = value
                    inherited.add((i, j))
    return grid, inherited


def _label_columns(grid, h: int, width: int) -> set[int]:
    """Columns whose body is mostly text (names, not numbers)."""
    out = set()
    for j in range(width):
        cells = [r[j] for r in grid[h + 1:h + 40] if not is_blank(r[j])]
        if cells and sum(not _is_number(v) for v in cells) >= 0.6 * len(cells):
            out.add(j)
    return out


def header_start(rows: list[list], h: int) -> int:
    """The first header row when `h` (the widest text row) is the second or third of a header
    whose top row names fewer, wider groups (地区,人口,,比重 over ,2020年,2010年,...)."""
    k = h
    while k > 0 and h - k < MAX_HEADER_ROWS - 1:
        above, here = rows[k - 1], rows[k]
        cells = [v for v in above if not is_blank(v)]
        if (here and is_blank(here[0]) and above and not is_blank(above[0]) and len(cells) >= 2
                and all(not _is_number(v) or _year_like(v) for v in cells)):
            k -= 1
        else:
            break
    return k


def header_block(rows: list[list], h: int, width: int, merged=None):
    """(column names, per-column units from a unit row, rows the header takes) for a table whose
    first header row is `h`."""
    grid, inherited = _filled(rows[:h + MAX_HEADER_ROWS + 41], width, merged)
    labels = _label_columns(grid, h + MAX_HEADER_ROWS, width) or {0}
    block, units = [h], {}
    for k in range(h + 1, min(h + MAX_HEADER_ROWS + 1, len(grid))):
        row = grid[k]
        own = [j for j in range(width) if not is_blank(row[j]) and (k, j) not in inherited]
        if not own or any(j in labels and (k, j) not in inherited and not is_blank(row[j]) for j in range(width)):
            break
        if all(unit_cell(row[j]) for j in own):
            for j in range(width):
                u = unit_cell(row[j]) if not is_blank(row[j]) else None
                if u:
                    units[j] = u
            block.append(k)
            break  # the unit row closes the header
        if not all(not _is_number(row[j]) or _year_like(row[j]) for j in own):
            break
        block.append(k)
    if len(block) > 1 and not merged:  # a CSV: a name over blanks spans the columns under it
        for k in block[:-1]:
            last = None
            for j in range(width):
                if j in labels:
                    last = None
                elif not is_blank(grid[k][j]):
                    last = grid[k][j]
                elif last is not None and any(not is_blank(grid[b][j]) for b in block[block.index(k) + 1:]):
                    grid[k][j] = last
        _spread_units(units, grid, block, width, labels)
    names = []
    for j in range(width):
        parts = []
        for k in block:
            t = _text(grid[k][j])
            if t and t not in parts and not (k in block[1:] and unit_cell(t) and units.get(j)):
                parts.append(t)
        names.append("·".join(parts))
    return names, units, len(block)


def _spread_units(units: dict, grid, block, width: int, labels) -> None:
    """A CSV unit row: a unit followed by blanks covers the columns of the same name above."""
    if not units:
        return
    top = block[0]
    for j in range(width):
        if j in units or j in labels:
            continue
        left = max((i for i in units if i < j), default=None)
        if left is not None and _text(grid[top][left]) == _text(grid[top][j]) and _text(grid[top][j]):
            units[j] = units[left]


def line_units(text: str | None) -> list[str]:
    """'人、%' -> ['人', '%']: the units a '单位：' line lists."""
    if not text:
        return []
    return [u for u in (p.strip() for p in _UNIT_LIST.split(text)) if u]


def table_units(columns: list[str], numeric: list[str], groups: list[str], line: list[str],
                from_row: dict) -> dict:
    """Each numeric column's unit: its header's '(万元)', else the unit row's, else the '单位：'
    line's - one per group of columns when it lists several, a single one only where it fits."""
    from hzmap.model.layers.columns import split_unit

    out = {}
    order = list(dict.fromkeys(g for c, g in zip(columns, groups) if c in numeric))
    for j, (c, g) in enumerate(zip(columns, groups)):
        unit = split_unit(c)[1] or from_row.get(j)
        if unit is None and c in numeric and line:
            if len(line) > 1 and len(line) == len(order):
                unit = line[order.index(g)]
            elif len(line) > 1:
                unit = next((u for u in line if u in ("%", "‰")), None) if _SHARE.search(c) else \
                    next((u for u in line if u not in ("%", "‰")), None)
            else:
                unit = _fits(c, line[0])
        if unit:
            out[c] = unit
    return out


def _fits(column: str, unit: str) -> str | None:
    if unit in ("%", "‰"):
        return unit if _SHARE.search(column) or not _COUNT.search(column) else None
    if _SHARE.search(column):
        return None
    if "元" in unit and _COUNT.search(split_name(column)):
        return None
    return unit


def split_name(column: str) -> str:
    return column.split("·")[0]
