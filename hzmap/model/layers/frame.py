"""A table's rows as columns of numpy object arrays: the light path for CSV and Excel tables.

A district table or a list of lon/lat needs its cells, its row numbers and a few column lookups,
not pandas: importing pandas alone takes longer than reading, joining and reporting a 2 MB table
(`hzmap layer` on such a file must answer in well under a second). Frame offers the part of the
pandas DataFrame API that LayerData, the join and the project copy use (columns, [column],
index, loc[row], itertuples, len), so a GIS file's attribute table (a pandas DataFrame from
geopandas) and a table read here are used the same way. No pandas, no Qt.
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
        return self.values if dtype in (None, object) else self.values.astype(dtype)

    def get(self, row, default=None):
        """The cell of row number `row` (None if there is no such row)."""
        i = self._where.get(row)
        return default if i is None else self.values[i]

    def reindex(self, rows) -> Column:
        """The cells of `rows` in that order (None for a row that is not there)."""
        out = np.empty(len(rows), dtype=object)
        for k, r in enumerate(np.asarray(rows).tolist()):
            i = self._where.get(r)
            out[k] = None if i is None else self.values[i]
        return Column(self.name, out, np.asarray(rows), {})


class _Loc:
    def __init__(self, frame: Frame) -> None:
        self.frame = frame

    def __getitem__(self, row):
        i = self.frame._where[row]
        return _Row([(c, self.frame._data[c][i]) for c in self.frame.columns])


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
        self._data = {c: grid[:, j] for j, c in enumerate(self.columns)}
        self.loc = _Loc(self)

    def __getstate__(self) -> dict:
        """Pickled (from the reader process) with each long column of distinct texts as one
        string: a million cells pickle and unpickle in a tenth of the time it takes one by one."""
        state = {k: v for k, v in self.__dict__.items() if k != "loc"}
        state["_data"] = {c: _packed(v) for c, v in self._data.items()}
        return state

    def __setstate__(self, state: dict) -> None:
        state["_data"] = {c: _unpacked(v) for c, v in state["_data"].items()}
        self.__dict__.update(state)
        self.loc = _Loc(self)

    @classmethod
    def from_columns(cls, data: dict, index) -> Frame:
        out = cls(list(data), [], [])
        index = index if isinstance(index, np.ndarray) else np.asarray(list(index), dtype=int)
        out._where = _Where(index.astype(int, copy=False))
        out.index = _Index(index, out._where)
        out._data = {str(c): np.asarray(v, dtype=object) for c, v in data.items()}
        return out

    def __len__(self) -> int:
        return len(self.index)

    def __getitem__(self, column) -> Column:
        return Column(column, self._data[column], self.index.values, self._where)

    def __contains__(self, column) -> bool:
        return column in self._data

    def itertuples(self, index: bool = False, name=None):
        cols = [self._data[c] for c in self.columns]
        for i in range(len(self)):
            values = tuple(col[i] for col in cols)
            yield (self.index.values[i], *values) if index else values


PACK_ROWS = 10_000
_SEPARATORS = ("\x00", "\x1f", "\x1e", "\x1d")


def _packed(values: np.ndarray):
    """A column as (separator, its cells joined) when it is long, all text and mostly distinct
    (a column of a few shared values pickles well as it is, and stays shared); else as it is."""
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


def _unpacked(packed) -> np.ndarray:
    if not isinstance(packed, tuple):
        return packed
    sep, joined = packed
    cells = joined.split(sep)
    out = np.empty(len(cells), dtype=object)
    out[:] = cells
    return out
