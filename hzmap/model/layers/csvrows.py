"""A CSV file's rows: the csv module's, or the text split in C when it is plain.

Most office exports (a listing of flats, a statistics table saved from Excel) hold no quote, no
NUL and the same number of delimiters on every line, and for such text the csv module's rows
are exactly the lines split on the delimiter. Splitting the whole text once and making its
cells numpy strings in one array (`split_plain`) takes a third of what the csv module's rows,
turned into columns a row at a time, take (a 2 MB listing: 0.03 s against 0.09 s). Anything
else (a quote, a lone carriage return, a ragged or empty line, a line left out as unreadable)
is read by the csv module (`csv_rows`), so what comes out never differs. A command that ends
(hzmap.process.text_on_demand) does not split the text at all: it finds where each cell is and
makes a column's cells when they are asked for (hzmap.model.layers.plainfields). No Qt, no pandas.
"""
from __future__ import annotations

import csv
import io
import itertools
import operator
from dataclasses import dataclass

import numpy as np

from hzmap import process
from hzmap.model.layers.columns import is_blank
from hzmap.model.layers.errors import LayerError
from hzmap.model.layers.plainfields import Fields, PlainColumn
from hzmap.model.layers.textio import MAX_LINE_BYTES, MAX_ROWS, read_rows

MAX_COLUMNS = 16_384  # Excel's own limit
HEAD_ROWS = 100  # rows the header is looked for in: tables._header_index 30, header_block 44 below it


class _Sniffer(csv.Sniffer):
    """csv.Sniffer, which first looks for quoted cells with four regular expressions over the
    whole sample (3 ms for 64 KB of a listing). Each of them needs a quote character, so a
    sample without one is not searched: it finds nothing there, and the delimiter is guessed
    from the characters' counts as before."""

    def _guess_quote_and_delimiter(self, data, delimiters):
        if '"' not in data and "'" not in data:
            return "", False, None, 0
        return super()._guess_quote_and_delimiter(data, delimiters)


def sniff_delimiter(text: str) -> str:
    sample = text[:65536]
    try:
        return _Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return "\t" if sample.count("\t") > sample.count(",") else ","


def unclosed_quote(text: str) -> int | None:
    """The line where a quote opens that never closes (it would swallow the rest of the file
    into one cell), or None. A quoted cell may hold line breaks: only an odd count in all counts."""
    if text.count('"') % 2 == 0:
        return None
    open_at = None
    for number, line in enumerate(text.split("\n"), 1):
        if line.count('"') % 2:
            open_at = number if open_at is None else None
    return open_at


def check_width(rows, path) -> int:
    """The widest row's cells; LayerError over MAX_COLUMNS."""
    widest = max((len(r) for r in rows), default=1)
    if widest > MAX_COLUMNS:
        raise LayerError(path, f"has {widest:,} columns; hzmap reads at most {MAX_COLUMNS:,} (Excel's limit)")
    return widest


def csv_rows(path):
    """The CSV's rows as lists of text, by the csv module's C reader (a 2 MB table in a few
    hundredths of a second, with no pandas to import), and the lines left out ({line: why}); a
    CSV without quotes as its first rows and a PlainText (its rows as columns) instead."""
    text, encoding, bad, utf8 = read_rows(path)
    quote = unclosed_quote(text)
    if quote is not None:
        utf8 = None
        lines = text.split("\n")
        lines[quote - 1] = ""
        text = "\n".join(lines)
        bad[quote] = 'opens a quote (") that is never closed'
    delimiter = sniff_delimiter(text)
    plain = None if bad else split_plain(text, delimiter, utf8)
    if plain is not None:
        return plain.head, encoding, bad, plain
    csv.field_size_limit(MAX_LINE_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        check_width(list(itertools.islice(csv.reader(io.StringIO(text[:MAX_LINE_BYTES], newline=""),
                                                      delimiter=delimiter), 1)), path)
        rows = list(itertools.islice(reader, MAX_ROWS + 1))
    except csv.Error as exc:
        raise LayerError(path, f"is not a readable CSV table: {exc}") from None
    check_width(rows, path)
    return rows, encoding, bad, None


@dataclass
class PlainText:
    """The lines of a CSV split on `delimiter`: `head` its first rows as lists (for the header),
    `cells` every cell, row after row, as one array of numpy strings, or (a command that makes
    them on demand, hzmap.process.text_on_demand) None and `fields`: where each cell is in the
    text (hzmap.model.layers.plainfields), made str when asked for; `width` cells a line."""

    head: list[list[str]]
    cells: np.ndarray | None
    width: int
    fields: Fields | None = None

    def body(self, start: int, first: int) -> tuple[list, list[int], int]:
        """tables._body for the rows from line `start` (0-based), the first numbered `first`:
        the columns (arrays of numpy strings, or PlainColumns), the row numbers, and how many
        blank rows were skipped (a row whose every cell is empty or white space)."""
        w = self.width
        if self.fields is not None:
            columns = [PlainColumn(self.fields, j, start) for j in range(w)]
            number = list(range(first, first + len(columns[0])))
            if not self.fields.any_blank(0, start):
                return columns, number, 0
            columns = [c.cells() for c in columns]  # a row may be blank: looked at cell by cell
        else:
            grid = self.cells[start * w:].reshape(-1, w)
            columns = [grid[:, j].copy() for j in range(w)]
            number = list(range(first, first + len(columns[0])))
        firsts = columns[0] if isinstance(columns[0], list) else columns[0].tolist()
        if firsts and (not min(map(len, firsts)) or any(map(str.isspace, firsts))):  # a row may be blank
            keep = [any(v and not v.isspace() for v in row) for row in zip(*columns)]
            columns = [[v for v, k in zip(col, keep) if k] if isinstance(col, list) else col[np.array(keep, dtype=bool)]
                       for col in columns]
            number = [n for n, k in zip(number, keep) if k]
            return columns, number, keep.count(False)
        return columns, number, 0


def split_plain(text: str, delimiter: str, utf8: bytes | None = None) -> PlainText | None:
    """`text` split as the csv module would split it, or None when it is not plain: it holds a
    quote, a NUL or a carriage return outside CRLF line ends, has one column, more than
    MAX_COLUMNS, lines of different widths or no filled cell in its first rows. `utf8`: the
    text's UTF-8 bytes, when the caller has them (they are not made again)."""
    if '"' in text or "\x00" in text or not hasattr(np.dtypes, "StringDType"):
        return None
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return None
        text, utf8 = text.replace("\r\n", "\n"), None
    if process.text_on_demand():  # the cells found, made str when asked for
        return _found_plain(text, delimiter, utf8)
    lines = text.split("\n")
    if lines and lines[-1] == "":  # the newline that ends the last line starts no row
        lines.pop()
    if not lines:
        return None
    widths = set(map(operator.methodcaller("count", delimiter), lines))
    if len(widths) != 1:
        return None
    width = widths.pop() + 1
    if width < 2 or width > MAX_COLUMNS:
        return None
    head = [line.split(delimiter) for line in lines[:HEAD_ROWS]]
    if not any(not is_blank(v) for r in head for v in r):
        return None
    cells = delimiter.join(lines).split(delimiter)
    return PlainText(head, np.array(cells, dtype=np.dtypes.StringDType()), width)


def _found_plain(text: str, delimiter: str, utf8: bytes | None) -> PlainText | None:
    """split_plain's PlainText with each cell found, not made (hzmap.model.layers.plainfields)."""
    fields = Fields.locate(text, delimiter, utf8)
    if fields is None or fields.width < 2 or fields.width > MAX_COLUMNS:
        return None
    head = [line.split(delimiter) for line in text.split("\n", HEAD_ROWS)[:min(HEAD_ROWS, fields.lines)]]
    if not any(not is_blank(v) for r in head for v in r):
        return None
    return PlainText(head, None, fields.width, fields)
