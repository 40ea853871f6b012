"""Task tables flattened to lines, as a table copied from a page or read from a .docx comes out:

    序号 | 重点工作任务 | 责任单位            (header)
    (一)王宏副市长牵头重点工作             (a group row)
    1
    加强粮食和重要农产品保障,…            (the task)
    市农业农村局、市规划和自然资源局…      (its units, in no bracket and with no label)
    省牵头单位:省农业农村厅               (another column: the province's lead)

A row starts at a line holding only its number (1, 12, 1*), and runs to the next such line or
to the next heading. Each row is one measure: the first cell is the task, the first later cell
that is a list of units gives its units. Tab-separated rows (a .docx table) read the same way.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .text import Document
from .units import unit_like, split_units

_NUMBER = re.compile(r"^\s*(\d{1,3})\s*[*＊]?\s*$")
_SEPARATOR = re.compile(r"^[\s|｜]*$")
_OTHER_LEVEL = re.compile(r"^(省|国家|中央|部|市)(?:级)?(牵头单位|责任单位|配合单位)[:：]")
MIN_ROWS = 3


@dataclass
class Row:
    number: str
    start: int              # where the number line starts
    end: int                # where the row ends
    task: tuple[int, int]   # the task cell's span
    units_text: str = ""
    notes: list[str] = field(default_factory=list)


def _lines(text: str, start: int, end: int):
    pos = start
    while pos < end:
        nl = text.find("\n", pos)
        stop = min(end, len(text) if nl < 0 else nl)
        yield pos, stop
        pos = stop + 1


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for s, e in _lines(text, start, end):
        for part in re.finditer(r"[^\t|｜]+", text[s:e]):
            if part.group(0).strip():
                lead = len(part.group(0)) - len(part.group(0).lstrip())
                out.append((s + part.start() + lead, s + part.start() + len(part.group(0).rstrip())))
    return out


def rows(doc: Document) -> list[Row]:
    """The rows of the document's task tables, or [] when it has none (fewer than 3 rows)."""
    text = doc.text
    heads = sorted(h.start for h in doc.headings if h.level <= 2)
    numbered = []
    for s, e in _lines(text, 0, len(text)):
        line = text[s:e]
        first = re.match(r"\s*(\d{1,3})\s*[*＊]?\s*(?:\t|[|｜]|$)", line)
        if _NUMBER.match(line) or (first and "\t" in line):
            numbered.append((s, e, first.group(1) if first else _NUMBER.match(line).group(1)))
    # a run of rows numbered on from 1 (a new group may start again at 1)
    run, last = [], 0
    for s, e, n in numbered:
        v = int(n)
        if v == last + 1 or (v == 1 and run):
            run.append((s, e, n))
            last = v
    if len(run) < MIN_ROWS:
        return []
    out = []
    for i, (s, e, n) in enumerate(run):
        stop = run[i + 1][0] if i + 1 < len(run) else len(text)
        k = bisect.bisect_right(heads, s)          # the first heading after the row's number
        if k < len(heads) and heads[k] < stop:
            stop = heads[k]
        cells = [c for c in _cells(text, s, stop) if not _SEPARATOR.match(text[c[0]:c[1]])]
        cells = [c for c in cells if not _NUMBER.match(text[c[0]:c[1]])] if cells else []
        if not cells:
            continue
        row = Row(n, s, stop, cells[0])
        for c in cells[1:]:
            cell = text[c[0]:c[1]].strip()
            if _OTHER_LEVEL.match(cell) and not cell.startswith("市"):
                row.notes.append(f"another level's units, not this plan's: {cell}")
                continue
            toks = split_units(cell)
            if not row.units_text and toks and \
                    sum(map(unit_like, toks)) >= max(1, 0.6 * len(toks)) and len(cell) <= 200:
                row.units_text = cell
        out.append(row)
    return out
