"""A plain CSV's cells found but not made, for a command that ends (hzmap.process.text_on_demand).

Splitting a plain CSV (hzmap.model.layers.csvrows) makes every cell a Python string: a 2 MB
listing of 37,000 rows and nine columns is 330,000 strings, 0.02 s, and an export of it as a
district table looks at one column whole (the join), the first few thousand cells of the others
(the header, the join column's search, a text column's first look) and the numbers of its
numeric columns. Here the text is kept as UTF-8 bytes with each line's delimiters and end found
by numpy (`Fields.locate`); a column's cells become strings when they are asked for (one decode
and one split for the column), and a column of ASCII cells becomes floats from its bytes, with
no strings (`numbers`: plain decimals by `decimals`, others by float() one at a time). What comes
out is what the split gives: the same cells, and the floats float() gives (a column with a cell
float() does not read is parsed from its strings, as before). No Qt.
"""
from __future__ import annotations

import numpy as np

_NEWLINE = 10
_ASCII = 128


def _not_space_bytes() -> np.ndarray:
    """For each byte that starts a character in UTF-8: whether that character cannot be white
    space (str.isspace). ASCII white space and the lead bytes of every other white space
    character (U+0085 and U+00A0: C2; U+1680: E1; U+2000-U+205F: E2; U+3000: E3) may be."""
    out = np.zeros(256, dtype=bool)
    for b in range(_ASCII):
        out[b] = not chr(b).isspace()
    out[0xC0:] = True
    out[[0xC2, 0xE1, 0xE2, 0xE3]] = False
    return out


NOT_SPACE = _not_space_bytes()


class Fields:
    """Where each cell of a CSV text whose every line has the same number of delimiters starts
    and ends, in its UTF-8 bytes: `delimiters` is a (lines, width - 1) array of where each
    line's delimiters are, `newlines` where each line ends."""

    def __init__(self, data: bytes, delimiters: np.ndarray, newlines: np.ndarray) -> None:
        self.data, self.buf = data, np.frombuffer(data, dtype=np.uint8)
        self.delimiters, self.newlines = delimiters, newlines
        self.lines, self.width = len(newlines), delimiters.shape[1] + 1

    @classmethod
    def locate(cls, text: str, delimiter: str, utf8: bytes | None = None) -> Fields | None:
        """The cells of `text` (lines each ended by a newline, the last one's optional), or None
        when its lines do not all hold the same number of `delimiter` (an ASCII character).
        `utf8`: text.encode(), when the caller has it."""
        if len(delimiter) != 1 or ord(delimiter) >= _ASCII or delimiter == "\n":
            return None
        data = utf8 if utf8 is not None else text.encode("utf-8", "surrogatepass")
        if not data.endswith(b"\n"):
            data += b"\n"
        buf = np.frombuffer(data, dtype=np.uint8)
        newlines = np.flatnonzero(buf == _NEWLINE)
        found = np.flatnonzero(buf == ord(delimiter))
        lines = len(newlines)
        per_line = int(np.count_nonzero(found < newlines[0]))  # the first line's
        if len(found) != lines * per_line:
            return None
        delimiters = found.reshape(lines, per_line)
        if per_line and (np.any(delimiters[:, -1] > newlines) or np.any(delimiters[1:, 0] < newlines[:-1])):
            return None  # as many in all, but not as many on every line
        return cls(data, delimiters, newlines)

    def _span(self, column: int, start: int, stop: int | None) -> tuple[np.ndarray, np.ndarray]:
        """Where the column's cells from line `start` to `stop` start and end (the delimiter or
        the line end after each)."""
        lines = slice(start, stop)
        if column == 0:
            ends = self.newlines[lines] if self.width == 1 else self.delimiters[lines, 0]
            starts = self.newlines[max(0, start - 1):stop][:len(ends)] + 1
            if start == 0:
                starts = np.concatenate([[0], starts[:len(ends) - 1]])
            return starts, ends
        starts = self.delimiters[lines, column - 1] + 1
        ends = self.newlines[lines] if column == self.width - 1 else self.delimiters[lines, column]
        return starts, ends

    def _bytes(self, column: int, start: int, stop: int | None) -> tuple[np.ndarray, np.ndarray]:
        """The column's cells from line `start` to `stop`, each followed by a newline, as one
        array of bytes, and each cell's length."""
        s, e = self._span(column, start, stop)
        lengths = e - s + 1  # with the delimiter or line end after it
        if not len(s):
            return np.empty(0, dtype=np.uint8), lengths - 1
        first = np.cumsum(lengths) - lengths  # where each cell lands
        at = np.arange(int(lengths.sum())) + np.repeat(s - first, lengths)
        out = self.buf[at]
        out[first + lengths - 1] = _NEWLINE
        return out, lengths - 1

    def cells(self, column: int, start: int = 0, stop: int | None = None) -> list[str]:
        """The column's cells from line `start` to `stop` as str, as text.split would make them."""
        out, lengths = self._bytes(column, start, stop)
        if not len(lengths):
            return []
        return out[:-1].tobytes().decode("utf-8", "surrogatepass").split("\n")

    def any_blank(self, column: int, start: int) -> bool:
        """Whether a cell of the column from line `start` on is empty or white space only. A
        cell whose first byte starts a character that is not white space is neither; the few
        others are looked at as text."""
        s, e = self._span(column, start, None)
        if not len(s):
            return False
        if not (e - s).min():
            return True
        doubt = ~NOT_SPACE[self.buf[s]]
        data = self.data
        return any(data[a:b].decode("utf-8", "surrogatepass").isspace()
                   for a, b in zip(s[doubt].tolist(), e[doubt].tolist()))

    def numbers(self, column: int, start: int = 0) -> np.ndarray | None:
        """The column's cells from line `start` on as floats, read from their bytes as float()
        reads them, or None when a cell is empty, not ASCII or not a number float() reads (the
        caller parses the strings then)."""
        s, e = self._span(column, start, None)
        lengths = e - s
        if not len(s):
            return np.zeros(0)
        width = int(lengths.max())
        if not lengths.min() or width > 64:
            return None
        place = np.arange(width)[:, None]  # a cell a column, its bytes down: each step is a row
        grid = np.where(place < lengths, self.buf[np.minimum(s + place, len(self.buf) - 1)], 0).astype(np.uint8)
        if int(grid.max()) >= _ASCII:
            return None
        simple = decimals(grid)
        if simple is not None:
            return simple
        try:  # ASCII cells: numpy reads each as float() reads it, one at a time
            return np.ascontiguousarray(grid.T).view(f"S{width}").ravel().astype(float)
        except ValueError:
            return None


class PlainColumn:
    """One column of Fields from line `start` on, for hzmap.model.layers.frame.Frame: its cells
    made when asked for (`cells`, once), its first cells (`head`) and its numbers (`numbers`)
    without making them."""

    def __init__(self, fields: Fields, column: int, start: int) -> None:
        self.fields, self.column, self.start = fields, column, start
        self._head: list[str] = []

    def __len__(self) -> int:
        return max(0, self.fields.lines - self.start)

    def cells(self) -> list[str]:
        return self.fields.cells(self.column, self.start)

    def head(self, n: int) -> list[str]:
        if n > len(self._head) and len(self._head) < len(self):  # the first look takes HEAD at least
            self._head = self.fields.cells(self.column, self.start, self.start + max(n, HEAD))
        return self._head[:max(0, n)]

    def numbers(self) -> np.ndarray | None:
        return self.fields.numbers(self.column, self.start)


#: Cells a first look at a column takes: the join column's search reads 2,000 of each, the
#: number check 400.
HEAD = 2000


_POW10 = np.array([float(10 ** k) for k in range(16)])  # each exact
_DIGITS = 15  # a mantissa of at most 15 digits is below 2 ** 53: exact as a float


def decimals(grid: np.ndarray) -> np.ndarray | None:
    """Cells of ASCII bytes, a cell a column (its bytes down, padded with NULs), as float() reads
    them, when every cell is a plain decimal (an optional sign, at most 15 digits, at most one
    point; no space, exponent or underscore), else None. Such a cell is an integer of at most 15
    digits divided by a power of ten of at most 15, both exact as floats, so the division,
    rounded once to the nearest float, is what float() gives (the fast path of correctly rounded
    decimal reading)."""
    value = grid - np.uint8(48)  # a digit's value; other bytes wrap round to above 9
    digit = value <= 9
    point = grid == 46
    known = digit | point | (grid == 0)
    known[0] |= (grid[0] == 43) | (grid[0] == 45)  # a sign first
    count = digit.sum(axis=0, dtype=np.int64)
    if not known.all() or not count.min() or count.max() > _DIGITS or point.sum(axis=0).max() > 1:
        return None
    mantissa = np.zeros(grid.shape[1], dtype=np.int64)
    after = np.zeros(grid.shape[1], dtype=np.int64)  # digits after the point
    seen = np.zeros(grid.shape[1], dtype=bool)
    for step, is_digit, is_point in zip(value, digit, point):
        mantissa = np.where(is_digit, mantissa * 10 + step, mantissa)
        after += is_digit & seen
        seen |= is_point
    out = mantissa.astype(float) / _POW10[after]
    return np.where(grid[0] == 45, -out, out)
