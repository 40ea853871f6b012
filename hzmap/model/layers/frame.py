"""A table's rows as columns of numpy arrays: the light path for CSV and Excel tables.

A district table or a list of lon/lat needs its cells, its row numbers and a few column lookups,
not pandas: importing pandas alone takes longer than reading, joining and reporting a 2 MB table
(`hzmap layer` on such a file must answer in well under a second). Frame offers the part of the
pandas DataFrame API that LayerData, the join and the project copy use (columns, [column],
index, loc[row], itertuples, len), so a GIS file's attribute table (a pandas DataFrame from
geopandas) and a table read here are used the same way. No pandas, no Qt.

A column whose cells are all text is kept as numpy strings (numpy 2's StringDType: 16 bytes a
cell, its text inline up to 15 bytes of UTF-8) rather than Python strings (60-90 bytes a cell):
a firm registry's million names, coordinates and amounts take 16 MB a column instead of 60-90,
and pickle from the reader process in one piece. Its cells come out as `str` all the same.
Columns of numbers, dates or mixed cells stay object arrays.
"""
from __future__ import annotations

import numpy as np


class _Where:
    """Row number -> position. The file's row numbers rise, so a binary search over the index
    answers without a dict of a million entries (about 100 MB and 0.2 s for a firm registry);
    an index out of order gets the dict."""

    def __init__(self, index: np.ndarray) -> None:
        self._index = index
        rising = len(index) < 2 or bool(np.all(index[1:] > index[:-1]))
        self._dict = None if rising else {r: i for i, r in enumerate(index.tolist())}

    def get(self, row, default=None):
        if self._dict is not None:
            return self._dict.get(row, default)
        if isinstance(row, (float, np.floating)) and float(row).is_integer():
            row = int(row)  # as a dict would: 3.0 == 3
        elif not isinstance(row, (int, np.integer)) or isinstance(row, bool):
            return default
        i = int(np.searchsorted(self._index, row))
        return i if i < len(self._index) and self._index[i] == row else default

    def positions(self, rows) -> np.ndarray:
        """The position of each of `rows` (-1 where there is no such row), vectorised."""
        rows = np.asarray(rows)
        if self._dict is not None or rows.dtype.kind not in "iu" or not len(self._index):
            return np.fromiter((-1 if (i := self.get(r)) is None else i for r in rows.tolist()),
                               dtype=np.intp, count=len(rows))
        i = np.minimum(np.searchsorted(self._index, rows), len(self._index) - 1)
        return np.where(self._index[i] == rows, i, -1)

    def __getitem__(self, row) -> int:
        i = self.get(row)
        if i is None:
            raise KeyError(row)
        return i

    def __contains__(self, row) -> bool:
        return self.get(row) is not None


class Column:
    """One column: values in row order, looked up by row number like a pandas Series."""

    def __init__(self, name: str, values: np.ndarray, index: np.ndarray, where) -> None:
        self.name, self.values, self.index, self._where = name, values, index, where

    def __len__(self) -> int:
        return len(self.values)

    def __iter__(self):
        return iter(self.values.tolist())

    def __getitem__(self, i):
        return self.values[i]

    @property
    def dtype(self):
        return self.values.dtype

    def tolist(self) -> list:
        return self.values.tolist()

    def to_numpy(self, dtype=None) -> np.ndarray:
        return self.values if dtype is None or self.values.dtype == dtype else self.values.astype(dtype)

    def get(self, row, default=None):
        """The cell of row number `row` (None if there is no such row)."""
        i = self._where.get(row)
        return default if i is None else self.values[i]

    def reindex(self, rows) -> Column:
        """The cells of `rows` in that order (None for a row that is not there)."""
        rows = np.asarray(rows)
        pos = self._where.positions(rows) if isinstance(self._where, _Where) else \
            np.fromiter((self._where.get(r, -1) for r in rows.tolist()), dtype=np.intp, count=len(rows))
        out = np.full(len(rows), None, dtype=object)
        out[pos >= 0] = self.values[pos[pos >= 0]]
        return Column(self.name, out, rows, {})


class _Loc:
    def __init__(self, frame: Frame) -> None:
        self.frame = frame

    def __getitem__(self, row):
        i = self.frame._where[row]
        return _Row([(c, self.frame.cells(c)[i]) for c in self.frame.columns])


class _Row:
    def __init__(self, items) -> None:
        self._items = items

    def items(self):
        return iter(self._items)


class _Index:
    """Row numbers in the file, in table order."""

    def __init__(self, values: np.ndarray, where) -> None:
        self.values, self._where = values, where

    def __contains__(self, row) -> bool:
        return row in self._where

    def __iter__(self):
        return iter(self.values.tolist())

    def __len__(self) -> int:
        return len(self.values)

    def __array__(self, dtype=None, copy=None):
        return self.values if dtype is None else self.values.astype(dtype)

    def tolist(self) -> list:
        return self.values.tolist()


class Frame:
    """Columns of object cells with the row number of each row (index)."""

    def __init__(self, columns: list[str], rows: list[list], index) -> None:
        self.columns = [str(c) for c in columns]
        width = len(self.columns)
        grid = np.empty((len(rows), width), dtype=object)
        if rows and all(len(r) == width for r in rows):
            grid[:, :] = rows  # numpy copies row lists into the object grid in C
        else:
            for i, r in enumerate(rows):
                grid[i, :] = r[:width] if len(r) >= width else list(r) + [""] * (width - len(r))
        index = np.asarray(list(index), dtype=int)
        self._where = _Where(index)
        self.index = _Index(index, self._where)
        self._data = {c: text_column(grid[:, j]) for j, c in enumerate(self.columns)}
        self._later: set = set()  # columns still lists of str, made numpy strings when asked for (_values)
        self.loc = _Loc(self)

    def __getstate__(self) -> dict:
        """Pickled (from the reader process) with each long column of distinct texts as one
        string: a million cells pickle and unpickle in a tenth of the time it takes one by one."""
        for c in list(self._later):
            self._values(c)
        state = {k: v for k, v in self.__dict__.items() if k != "loc"}
        state["_data"] = {c: _packed(v) for c, v in self._data.items()}
        return state

    def __setstate__(self, state: dict) -> None:
        state["_data"] = {c: _unpacked(v) for c, v in state["_data"].items()}
        state.setdefault("_later", set())
        self.__dict__.update(state)
        self.loc = _Loc(self)

    @classmethod
    def from_columns(cls, data: dict, index, text_later: bool = False) -> Frame:
        """`text_later`: every column is a list of str or a PlainColumn (its cells found in the
        text, hzmap.model.layers.plainfields), made numpy strings when it is first asked for
        (hzmap.process.text_on_demand); meanwhile `cells` gives its cells as str."""
        out = cls(list(data), [], [])
        index = index if isinstance(index, np.ndarray) else np.asarray(list(index), dtype=int)
        out._where = _Where(index.astype(int, copy=False))
        out.index = _Index(index, out._where)
        if text_later:
            out._data, out._later = {str(c): v for c, v in data.items()}, {str(c) for c in data}
        else:
            out._data = {str(c): v if is_text(v) else text_column(np.asarray(v, dtype=object))
                         for c, v in data.items()}
        return out

    def _values(self, column) -> np.ndarray:
        if column in self._later:
            self._data[column] = np.array(self.cells(column), dtype=_STRINGS())
            self._later.discard(column)
        return self._data[column]

    def cells(self, column):
        """The column's cells as read, for parsing and counting them: numpy strings, or the list
        of the same str while a `text_later` column has not been asked for."""
        values = self._data[column]
        if not isinstance(values, (list, np.ndarray)):  # a PlainColumn: its cells made now
            values = self._data[column] = values.cells()
        return values

    def head(self, column, n: int):
        """The column's first `n` cells as `cells` gives them, without making the others."""
        values = self._data[column]
        return values[:n] if isinstance(values, (list, np.ndarray)) else values.head(n)

    def parsed(self, column) -> np.ndarray | None:
        """A column not yet made, as floats read from its text as float() reads each cell
        (hzmap.model.layers.plainfields), or None: parse its cells (columns.numbers)."""
        values = self._data[column]
        return None if isinstance(values, (list, np.ndarray)) else values.numbers()

    def positions(self, rows) -> np.ndarray:
        """Where each row number of `rows` is in the table (-1: not there), vectorised."""
        return self._where.positions(rows)

    def __len__(self) -> int:
        return len(self.index)

    def __getitem__(self, column) -> Column:
        return Column(column, self._values(column), self.index.values, self._where)

    def __contains__(self, column) -> bool:
        return column in self._data

    def itertuples(self, index: bool = False, name=None):
        cols = [self.cells(c) for c in self.columns]
        for i in range(len(self)):
            values = tuple(col[i] for col in cols)
            yield (self.index.values[i], *values) if index else values


_STRINGS = np.dtypes.StringDType


def text_column(values: np.ndarray) -> np.ndarray:
    """An object column whose every cell is text as numpy strings; else as it is."""
    if values.dtype != object or not len(values):
        return values
    if set(map(type, values.tolist())) != {str}:
        return values
    return values.astype(_STRINGS())


def is_text(values) -> bool:
    """Whether a column is kept as numpy strings."""
    return isinstance(getattr(values, "dtype", None), _STRINGS)


PACK_ROWS = 10_000
_SEPARATORS = ("\x00", "\x1f", "\x1e", "\x1d")


def _packed(values: np.ndarray):
    """A column as (separator, its cells joined) when it is long, all text and mostly distinct
    (a column of a few shared values pickles well as it is, and stays shared); a column of numpy
    strings as fixed-width chunks (numpy pickles its own strings cell by cell, as Python strings:
    a million of them take a second and 300 MB to come back); else as it is."""
    if is_text(values) and len(values) >= PACK_ROWS:
        return ("text", [_fixed(values[i:i + PACK_CHUNK]) for i in range(0, len(values), PACK_CHUNK)])
    if values.dtype != object or len(values) < PACK_ROWS:
        return values
    cells = values.tolist()
    tail = cells[-PACK_ROWS:]  # shared strings (hzmap.model.layers.tables._body) show in any stretch
    if set(map(type, cells)) != {str} or len(set(map(id, tail))) < len(tail) // 2:
        return values
    for sep in _SEPARATORS:  # one no cell holds
        joined = sep.join(cells)
        if joined.count(sep) == len(cells) - 1:
            return (sep, joined)
    return values


PACK_CHUNK = 65536


def _fixed(chunk: np.ndarray) -> np.ndarray:
    """A chunk of numpy strings as one fixed-width block, which pickles as its bytes: ASCII text
    a byte a character ('S10'), other text four ('<U8'); as it is when a few long cells would make the block more than four times the
    text, or a cell ends in NUL (fixed width drops trailing NULs)."""
    lengths = np.strings.str_len(chunk)
    width = max(1, int(lengths.max()))
    if width * len(chunk) > 4 * int(lengths.sum()) + 16 * len(chunk):
        return chunk
    try:
        fixed = chunk.astype(f"S{width}")  # ASCII: a byte a character
    except (UnicodeError, ValueError, TypeError):
        fixed = chunk.astype(f"<U{width}")
    return fixed if (np.strings.str_len(fixed) == lengths).all() else chunk


def _unpacked(packed) -> np.ndarray:
    if not isinstance(packed, tuple):
        return packed
    if packed[0] == "text":
        return np.concatenate([part.astype(_STRINGS()) for part in packed[1]])
    sep, joined = packed
    cells = joined.split(sep)
    out = np.empty(len(cells), dtype=object)
    out[:] = cells
    return out
