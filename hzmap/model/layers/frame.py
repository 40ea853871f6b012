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


class Column:
    """One column: values in row order, looked up by row number like a pandas Series."""

    def __init__(self, name: str, values: np.ndarray, index: np.ndarray, where: dict) -> None:
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

    def __init__(self, values: np.ndarray, where: dict) -> None:
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
        self._where = {r: i for i, r in enumerate(index.tolist())}
        self.index = _Index(index, self._where)
        self._data = {c: grid[:, j] for j, c in enumerate(self.columns)}
        self.loc = _Loc(self)

    @classmethod
    def from_columns(cls, data: dict, index) -> Frame:
        out = cls(list(data), [], [])
        index = np.asarray(list(index), dtype=int)
        out._where = {r: i for i, r in enumerate(index.tolist())}
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
