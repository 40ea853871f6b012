"""CSV and Excel tables as a header and rows, wherever the header sits.

Chinese statistical tables often open with a title row and a '单位：亿元' line above the header;
the header is taken as the first row that is about as wide as the table and mostly text, with
the header rows, merged cells and unit row under it read by hzmap.model.layers.header (人口·2020年,
one unit per column). Each row keeps its row number in the file (the frame's index), so lists of
unmatched rows point at what the user sees.

Excel is read with python-calamine rather than openpyxl: it is a compiled reader (Rust), about
ten times faster on large sheets, reads .xls and .xlsx alike, and does not build a cell object
model the app has no use for. The rows become a hzmap.model.layers.frame.Frame: no pandas.
It allocates a sheet's whole grid at once and aborts the process when that fails, so it runs
only in the reader process (hzmap.model.layers.reading), after the workbook's zip is checked
(archive.py) and the size its sheet states is (`_sheet_dimension`).

Tables are bounded: at most MAX_COLUMNS columns (Excel's own limit), and for CSV the line
limits of textio.py. Rows that cannot be read (not text, an unclosed quote) are left out and
named in a note; the file is not refused for them.
"""
from __future__ import annotations

import html
import itertools
import math
import operator
import re
from dataclasses import dataclass, field

import numpy as np

from hzmap.model.layers.columns import cells_of, head_of, is_blank, is_numeric_column, numbers, parse_number
from hzmap.model.layers.csvrows import MAX_COLUMNS, check_width as _width, csv_rows as _csv_rows
from hzmap.model.layers.errors import LayerError, regular_file
from hzmap.model.layers.textio import MAX_ROWS

_UNIT_LINE = re.compile(r"单位\s*[:：]\s*([^\s,，;；)）]{1,12})|unit\s*[:：]\s*(\S{1,12})", re.I)
_SCAN = 30  # rows looked at to find the header
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]*\d*:?([A-Z]+)(\d+)"')


@dataclass
class Table:
    columns: list[str]
    frame: object                  # Frame (or pandas.DataFrame) of object cells, index = row number in the file
    header_row: int                # row number of the header in the file (1-based)
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    encoding: str | None = None
    unit: str | None = None        # from a '单位：…' line above the header
    notes: list[str] = field(default_factory=list)
    units: dict = field(default_factory=dict)    # column -> its unit (header, unit row, 单位 line)
    _parsed: dict = field(default_factory=dict, repr=False)
    _numeric: list | None = field(default=None, repr=False)

    def numbers(self, column: str):
        """The column as floats (NaN where not a number), parsed once for inspect and open. A
        column whose first 200 filled cells hold no number is text: all NaN, not parsed."""
        if column not in self._parsed:
            frame = self.frame
            head = list(itertools.islice(itertools.filterfalse(is_blank, head_of(frame, column, 400)), 200))
            if len(frame) > 400 and head and not any(math.isfinite(parse_number(v)) for v in head):
                self._parsed[column] = np.full(len(frame), np.nan)
            else:
                parsed = frame.parsed(column) if hasattr(frame, "cells") else None
                self._parsed[column] = parsed if parsed is not None else numbers(cells_of(frame, column))
        return self._parsed[column]

    def numeric_columns(self) -> list[str]:
        if self._numeric is None:
            self._numeric = [c for c in self.columns if _numeric(self.frame, c, self.numbers(c))]
        return list(self._numeric)


def _numeric(frame, column, parsed) -> bool:
    finite = int(np.count_nonzero(np.isfinite(parsed)))
    if finite == 0 or finite == len(parsed):  # no blank-marker count needed either way
        return finite > 0
    return is_numeric_column(cells_of(frame, column), parsed)


def _bad_row_notes(bad: dict) -> list[str]:
    if not bad:
        return []
    why = {}
    for number, reason in sorted(bad.items()):
        why.setdefault(reason, []).append(number)
    return [f"{len(rows)} row(s) left out: line {', '.join(map(str, rows[:20]))}{' …' if len(rows) > 20 else ''} "
            f"{reason}" for reason, rows in why.items()]


def _sheet_dimension(path, sheet: str) -> tuple[int, int] | None:
    """(columns, rows) an .xlsx sheet states it spans (<dimension ref="A1:XFD1048576"/>), read
    before the reader allocates its grid; None when it states none or is not found."""
    from hzmap.model.files import safezip

    try:
        zf, infos = safezip.open_zip(path, "workbook")
    except Exception:  # noqa: BLE001 - not a zip (.xls), or damaged: the reader says so
        return None
    with zf:
        by_name = {i.filename: i for i in infos}

        def head(name: str, n: int = 1 << 20) -> bytes:
            info = by_name.get(name)
            if info is None:
                return b""
            try:
                with zf.open(info) as fh:
                    return fh.read(n)
            except Exception:  # noqa: BLE001 - damaged: the reader says so
                return b""
        rid = None
        for m in re.finditer(rb"<(?:\w+:)?sheet\b[^>]*>", head("xl/workbook.xml")):
            name = re.search(rb'\bname="([^"]*)"', m.group(0))
            if name and html.unescape(name.group(1).decode("utf-8", "replace")) == sheet:
                rid = re.search(rb'\br:id="([^"]*)"', m.group(0))
                break
        if rid is None:
            return None
        target = re.search(rb'<Relationship\b[^>]*\bId="' + re.escape(rid.group(1)) + rb'"[^>]*>',
                           head("xl/_rels/workbook.xml.rels"))
        where = re.search(rb'\bTarget="([^"]*)"', target.group(0)) if target else None
        if where is None:
            return None
        member = where.group(1).decode("utf-8", "replace").lstrip("/")
        m = _DIMENSION.search(head(member if member.startswith("xl/") else f"xl/{member}", 1 << 16))
    if m is None:
        return None
    col = 0
    for ch in m.group(1).decode():
        col = col * 26 + ord(ch) - 64
    return col, int(m.group(2))


def _excel_rows(path, sheet: str | None) -> tuple[list[list], str, list[str], list]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(regular_file(path)))
        names = list(book.sheet_names)
        if not names:
            raise LayerError(path, "has no sheets")
        if sheet is not None and sheet not in names:
            raise LayerError(path, f"has no sheet {sheet!r} (sheets: {', '.join(names)})")
        for name in [sheet] if sheet is not None else names:  # no sheet named: the first with cells
            _check_dimension(path, name)
            found = book.get_sheet_by_name(name)
            rows = found.to_python(skip_empty_area=False)
            if any(any(not is_blank(v) for v in r) for r in rows):
                break
        sheet = name
        merged = list(getattr(found, "merged_cell_ranges", None) or ())
    except LayerError:
        raise
    except Exception as exc:
        raise LayerError(path, f"is not a readable Excel workbook: {exc}") from None
    return rows, sheet, names, merged


def _check_dimension(path, name: str) -> None:
    found = _sheet_dimension(path, name)
    if found is None:
        return
    cols, rows = found
    if cols > MAX_COLUMNS or rows > MAX_ROWS or cols * rows > 200_000_000:
        raise LayerError(path, f"sheet {name!r} spans {cols:,} columns by {rows:,} rows; hzmap reads at most "
                               f"{MAX_COLUMNS:,} columns, {MAX_ROWS:,} rows and 200 million cells")


def _body(rows, width: int, first: int, left_out: dict, share: bool = True) -> tuple[list, list[int], int]:
    """The rows under the header as columns (object arrays), their row numbers in the file, and
    how many blank rows were skipped (a row left out as unreadable is not counted as blank).
    Turned into columns a chunk at a time, each checked in C where it can be (every row as wide
    as the header, a first cell filled); a column with few distinct cells (a category, a
    district) shares one string object per value, so a million rows of five categories hold
    five strings, not a million. A CSV's cells are all text, which the Frame keeps as numpy
    strings, not these objects: there sharing (`share`) would only cost time (a third of a read)."""
    cols: list[list] = [[] for _ in range(width)]
    shared: list[dict | None] = [{} if share else None for _ in range(width)]
    index: list[int] = []
    blank = 0
    for start in range(0, len(rows), CHUNK_ROWS):
        chunk = rows[start:start + CHUNK_ROWS]
        firsts = list(map(operator.itemgetter(0), chunk)) if min(map(len, chunk)) else None
        if (firsts is not None and set(map(len, chunk)) == {width} and set(map(type, firsts)) == {str}
                and min(map(len, firsts)) and not any(map(str.isspace, firsts))):
            kept, numbers = chunk, range(first, first + len(chunk))
        else:
            kept, numbers = [], []
            for k, r in enumerate(chunk):
                if _blank_row(r):
                    blank += (first + k) not in left_out
                    continue
                kept.append(r if len(r) == width else list(r[:width]) + [""] * (width - len(r)))
                numbers.append(first + k)
        first += len(chunk)
        index.extend(numbers)
        for j, values in enumerate(zip(*kept)):
            d = shared[j]
            if d is not None:
                values = [d.setdefault(v, v) for v in values]
                if len(d) > SHARED_MAX:  # mostly distinct cells: nothing to share
                    shared[j] = None
            cols[j].extend(values)
    return [np.array(c, dtype=object) if c else np.empty(0, dtype=object) for c in cols], index, blank


CHUNK_ROWS = 65536
SHARED_MAX = 4096


def _blank_row(row) -> bool:
    for v in row:  # stops at the first filled cell: a table's rows cost one or two looks each
        if isinstance(v, str):
            if v and not v.isspace():
                return False
        elif v is not None:
            return False
    return True


def _header_index(rows: list[list]) -> int:
    head = rows[:_SCAN]
    widths = [sum(1 for v in r if not is_blank(v)) for r in head]
    widest = max(widths, default=0)
    for i, (r, w) in enumerate(zip(head, widths)):
        if w >= max(2, 0.6 * widest):
            cells = [v for v in r if not is_blank(v)]
            texts = sum(1 for v in cells if math.isnan(parse_number(v)))
            if texts >= 0.5 * len(cells):
                return i
    return 0


def _names(header: list) -> list[str]:
    out: list[str] = []
    for j, v in enumerate(header):
        name = str(v).strip() if not is_blank(v) else f"column {j + 1}"
        base, k = name, 2
        while name in out:
            name, k = f"{base} ({k})", k + 1
        out.append(name)
    return out


def read_table(path, fmt: str, sheet: str | None = None) -> Table:
    """The table in a CSV or Excel file; LayerError naming the file if there is none. Read with
    the cycle collector paused: the millions of row lists and cells of a large table are freed by
    reference counting, and the collector would walk them again and again."""
    from hzmap import process

    with process.collector_paused():
        return _read_table(path, fmt, sheet)


def _read_table(path, fmt: str, sheet: str | None) -> Table:
    from hzmap.model.layers.frame import Frame
    from hzmap.model.layers.header import header_block, header_start, line_units, table_units

    sheets: list[str] = []
    encoding, merged, left_out, plain = None, [], {}, None
    if fmt == "csv":
        rows, encoding, left_out, plain = _csv_rows(path)
    else:
        rows, sheet, sheets, merged = _excel_rows(path, sheet)
        if len(rows) > MAX_ROWS:
            raise LayerError(path, f"sheet {sheet!r} has {len(rows):,} rows; hzmap reads at most {MAX_ROWS:,}")
        _width(rows[:1000], path)
    where = f"sheet {sheet!r}" if sheet else "file"
    if not any(any(not is_blank(v) for v in r) for r in rows):
        raise LayerError(path, f"{where} is empty")
    h = header_start(rows, _header_index(rows))
    width = max(len(r) for r in rows[h:h + 1000])
    header, row_units, taken = header_block(rows, h, width, merged)
    columns = _names(header)
    unit = None
    for r in rows[:h]:
        m = _UNIT_LINE.search(" ".join(str(v) for v in r if not is_blank(v)))
        if m:
            unit = m.group(1) or m.group(2)
    plain_later = plain is not None and plain.fields is not None  # hzmap.process.text_on_demand
    if plain is not None:
        body, index, blank = plain.body(h + taken, h + taken + 1)
    else:
        body, index, blank = _body(rows[h + taken:], width, h + taken + 1, left_out, share=fmt != "csv")
    del rows, plain
    if not index:
        raise LayerError(path, f"{where} has a header but no rows")
    frame = Frame.from_columns(dict(zip(columns, body)), index, text_later=plain_later)
    notes = _bad_row_notes(left_out)
    if h:
        notes.append(f"header read from row {h + 1}; the {h} row(s) above it are titles")
    if taken > 1:
        notes.append(f"header of {taken} rows (rows {h + 1}-{h + taken}) read as one name per column"
                     + (", with a unit row" if row_units else ""))
    if blank:
        notes.append(f"{blank} blank row(s) skipped")
    if encoding and encoding not in ("utf-8", "utf-8-sig"):
        notes.append(f"text read as {encoding.upper()}")
    table = Table(columns, frame, h + 1, sheet, sheets, encoding, unit, notes)
    groups = [str(c).split("·")[0] for c in columns]
    table.units = table_units(columns, table.numeric_columns(), groups, line_units(unit), row_units)
    return table
