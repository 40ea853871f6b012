"""Tables of indicators, flattened to lines with bars or tabs, as a plan or a report sets its
main figures out:

    序号 | 指标名称 | 2024年建议目标 | 2024年实际完成情况 |
    1 | GDP | 6% | 5.0% |
    2 | 固定资产投资 | 区内 | 力争300亿元 | 337.1亿元 |
    全区 | 350亿元以上 | 414.8亿元 |          (a row whose first cells span the row above)

Such a table names no responsible unit: its rows are no measures. Its goal column (目标, 预期,
计划) holds targets, for the year its header names; its report column (完成情况, 实际) holds
what was done. A row's cells are read against the header from the right, since a row whose
first cells are merged with the row above comes out with fewer cells on the left.

A page may also set such a table one cell to a line, with blank lines between (指标名称 / 预期目标 /
实际完成 / 备注, then 1.地区生产总值 / 增长6.5%左右 / 增长4.8% …): each numbered line opens a row,
one more blank line than between two cells marks an empty cell, and the year is the header's or
the caption's just above it (表1:2024年…主要指标完成情况).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from .text import Document, cell_spans, line_spans

_BARS = re.compile(r"[\t|｜]")
_INDICATOR = re.compile(r"指\s*标")
_UNITS = re.compile(r"(?:牵头|责任|主办|主责|配合)\s*(?:单\s*位|部\s*门)|领\s*导")
_GOAL = re.compile(r"目\s*标|预\s*期|计\s*划")
_DONE = re.compile(r"完\s*成|实\s*际|执\s*行|实\s*绩")
_FIGURE = re.compile(r"\d")
_ROW_NUMBER = re.compile(r"\d{1,3}\s*[*＊]?$")


@dataclass
class IndicatorTable:
    start: int                          # of its header line
    end: int                            # of its last line with bars
    goals: list[tuple[int, int, str, str]]   # the goal column's cells, with their row's indicator
                                             # and the unit its unit column gives (单位: %)
    done: list[tuple[int, int]]         # the report column's cells
    year: int | None                    # the year the goal column's header names


def _goal_column(heads: list[str]) -> int | None:
    """The goal column of an indicator table's header, or None if the line is no such header."""
    # (a header's cells are labels: no figure but a year, no sentence; a row of a task table
    # whose group cell is 主要预期指标 is none)
    if len(heads) < 3 or any(re.search(r"\d(?!\d*\s*年)|[。；;，,]", h) for h in heads) or \
            any(_UNITS.search(h) for h in heads):
        return None
    name = next((k for k, h in enumerate(heads) if _INDICATOR.search(h) and len(h) <= 8), None)
    return next((k for k, h in enumerate(heads)
                 if k != name and _GOAL.search(h) and len(h) <= 16), None) if name is not None else None


def tables(doc: Document) -> list[IndicatorTable]:
    """The indicator tables of the document: a header line with an indicator column and a goal
    column and no units column, and the lines with bars below it."""
    text = doc.text
    out: list[IndicatorTable] = []
    current: IndicatorTable | None = None
    columns: _Columns | None = None
    for s, e in line_spans(text):
        if not _BARS.search(text, s, e):
            if text[s:e].strip():
                current = None
            continue
        cells = cell_spans(text, s, e)
        row = [text[a:b] for a, b in cells]
        at = _goal_column(row)
        if at is not None:
            columns = _Columns.of(row, at)
            year = re.search(r"(20\d\d)\s*年", row[at])
            current = IndicatorTable(s, e, [], [], int(year.group(1)) if year else None)
            out.append(current)
            continue
        if current is None or columns is None:
            continue
        current.end = e
        _read_row(text, cells, columns, current)
    return out + _line_tables(text)


_ROW_NUMBER_LEAD = re.compile(r"^\s*(?:\d{1,3}[.．、]|[一二三四五六七八九十]{1,3}、)\s*")
_ROW_START = re.compile(_ROW_NUMBER_LEAD.pattern + r"\S")
_CAPTION_YEAR = re.compile(r"(20\d\d)\s*年")


def _line_tables(text: str) -> list[IndicatorTable]:
    """Indicator tables set one cell to a line (see the module's notes)."""
    if not _LABEL_LINE.search(text):
        return []
    lines = [(s, e, text[s:e].strip()) for s, e in line_spans(text)]
    # (a header holds a short line naming the indicator column: only the lines just before one
    # can open it)
    named = [k for k, (_, _, t) in enumerate(lines) if len(t) <= 8 and _INDICATOR.search(t)]
    out, i = [], 0
    while i < len(lines):
        k = bisect.bisect_left(named, i)
        if k == len(named):
            break
        i = max(i, named[k] - 2 * _MAX_COLUMNS)
        heads, gap, j = _head_cells(lines, i)
        at = _goal_column([h for _, _, h in heads]) if len(heads) >= 3 else None
        if at is None or _BARS.search(text, lines[i][0], lines[j - 1][1]):
            i += 1
            continue
        columns = _Columns.of([h for _, _, h in heads], at)
        above = [t for _, _, t in lines[max(0, i - 4):i] if t][-1:]
        year = _CAPTION_YEAR.search(heads[at][2]) or next(
            (m for m in map(_CAPTION_YEAR.search, above) if m), None)
        table = IndicatorTable(lines[i][0], lines[j - 1][1], [], [], int(year.group(1)) if year else None)
        row: list[tuple[int, int, str]] = []
        blanks = 0
        while j < len(lines):
            s, e, t = lines[j]
            if not t:
                blanks, j = blanks + 1, j + 1
                continue
            if len(t) > 40 or re.search(r"[。；;]", t):
                break             # a sentence: the table has ended
            if _ROW_START.match(t):
                _line_row(row, columns, table)
                row = []
            elif row:
                row += [(s, s, "")] * max(0, blanks - gap - 1)      # (an empty cell)
            row.append((s, e, t))
            blanks, j = 0, j + 1
            table.end = e
        _line_row(row, columns, table)
        if table.goals:
            out.append(table)
        i = j
    return out


def _line_row(row: list[tuple[int, int, str]], columns: _Columns, table: IndicatorTable) -> None:
    """A row of a table set one cell to a line: its cells from the left, as the header's."""
    if len(row) <= columns.goal or not _FIGURE.search(row[columns.goal][2]):
        return
    name = _ROW_NUMBER_LEAD.sub("", row[columns.name][2]) if columns.name < len(row) else ""
    unit = row[columns.unit][2] if 0 <= columns.unit < len(row) else ""
    table.goals.append((row[columns.goal][0], row[columns.goal][1], name, unit))
    table.done += [(a, b) for k, (a, b, t) in enumerate(row)
                   if columns.goal < columns.done <= k and _FIGURE.search(t)]


_LABEL_LINE = re.compile(r"(?m)^[ \t]*[^\s|｜]{0,6}指\s*标[^\s|｜]{0,6}[ \t]*$")   # (指标名称 on a line of its own)
_MAX_COLUMNS = 12      # (so that a long run of short lines is not read again from each of its lines)


def _head_cells(lines, i: int) -> tuple[list, int, int]:
    """The short label lines from line i on, one to a line with the same number of blank lines
    between each (a table's header set one cell to a line), that number, and the line after."""
    heads, gap, j = [], None, i
    while j < len(lines) and lines[j][2] and len(lines[j][2]) <= 16 and not _ROW_START.match(lines[j][2]) \
            and len(heads) < _MAX_COLUMNS:
        heads.append(lines[j])
        k = j + 1
        while k < len(lines) and not lines[k][2]:
            k += 1
        if gap is None:
            gap = k - j - 1
        if k - j - 1 != gap or gap > 1:
            return heads, gap or 0, k
        j = k
    return heads, gap or 0, j


class _Columns(NamedTuple):
    """Where an indicator table's header puts its columns (-1 or None: not there)."""
    count: int
    goal: int
    name: int
    done: int
    unit: int
    number: int | None

    @classmethod
    def of(cls, heads: list[str], goal: int) -> _Columns:
        return cls(len(heads), goal,
                   next(k for k, h in enumerate(heads) if _INDICATOR.search(h) and len(h) <= 8),
                   next((k for k, h in enumerate(heads) if _DONE.search(h) and k != goal), -1),
                   next((k for k, h in enumerate(heads) if re.fullmatch(r"(?:计量)?单\s*位", h)), -1),
                   next((k for k, h in enumerate(heads) if re.fullmatch(r"序\s*号|编\s*号", h)), None))


def _read_row(text: str, cells: list[tuple[int, int]], columns: _Columns, table: IndicatorTable) -> None:
    """A row's goal and report cells, its cells placed against the header's by its number
    (经济发展 | 1 | 地区生产总值 | 亿元 | 增长6%以上 | 4297.8 | 6.2: a group cell before it), else
    from the right (a row whose first cells are merged with the row above)."""
    goal_at, done_at, num_at = columns.goal, columns.done, columns.number
    numbered = next((k for k, c in enumerate(cells[:2]) if _ROW_NUMBER.fullmatch(text, c[0], c[1])), None)
    shifts = ([num_at - numbered] if num_at is not None and numbered is not None else []) + \
        [columns.count - len(cells)]
    # (the first placing that puts a figure in the goal column: a header cell over two columns,
    # 固定资产投资 | 区内 | 力争300亿元, leaves the numbered placing one short)
    shift = next((x for x in shifts if 0 <= goal_at - x < len(cells) and
                  _FIGURE.search(text, *cells[goal_at - x])), shifts[0])
    col = {j + shift: text[a:b].strip() for j, (a, b) in enumerate(cells)}
    for k, c in enumerate(cells):
        if not _FIGURE.search(text, c[0], c[1]) or k == numbered:
            continue
        if k + shift == goal_at:
            table.goals.append((c[0], c[1], col.get(columns.name, ""), col.get(columns.unit, "")))
        elif done_at > goal_at and k + shift >= done_at:      # (绝对值 | 增速: the results' columns)
            table.done.append(c)
