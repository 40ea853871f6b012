"""A user layer as read: its features in map metres, its attributes, and what was made of it.

LayerData is what the scene's UserLayerArtist draws, what hover and click ask (hit) and what
`hzmap layer` prints. It is built once when a file is opened (hzmap.model.layers.reader) and
never changed; a new LayerSource (another column, another coordinate system) means a new
LayerData. Style changes do not: they only change how the artist draws it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from hzmap.model.layers.columns import CoordGuess, numbers
from hzmap.model.layers.frame import is_text
from hzmap.model.layers.hittest import HitIndex
from hzmap.model.layers.join import DistrictValue, JoinResult, grouped_rows, row_list
from hzmap.model.layers.points import PointArray, PointIndex, compact, total_bounds
from hzmap.model.layers.source import LayerSource, format_label

KINDS = ("points", "lines", "areas", "districts")


@dataclass(frozen=True)
class Hit:
    index: int                     # feature (or district) index in LayerData.geometry
    row: int                       # row / feature number in the file (districts: first joined row)
    attributes: dict               # column -> value, as in the file
    district: str | None = None    # for district tables: the district under the pointer
    note: str = ""                 # for district tables: how the value was joined


@dataclass(eq=False)
class LayerData:
    source: LayerSource
    kind: str                          # one of KINDS
    geometry: np.ndarray               # shapely geometries in map metres, drawn in this order
                                       # (a layer of single points: a PointArray of their xy)
    rows: np.ndarray                   # row/feature number in the file of each geometry (districts: -1)
    table: object                      # Frame of every row, index = row number in the file
    name: str                          # the layer list's default name
    crs_stated: str = "none"
    crs_used: str = ""
    coords: str | None = None          # "wgs84", "gcj02", "bd09" when lon/lat were converted
    guess: CoordGuess | None = None
    notes: list[str] = field(default_factory=list)
    units: dict = field(default_factory=dict)            # column -> unit ('亿元')
    numeric: list = field(default_factory=list)          # numeric columns, table order
    sublayers: list = field(default_factory=list)        # the file's layers or sheets
    feature_districts: np.ndarray | None = None          # district id of each feature (points/lines/areas)
    outside: int = 0                                     # features outside the 13 districts
    join: JoinResult | None = None                       # district tables
    district_ids: tuple = ()                             # the 13 ids in order (district tables: of each geometry)
    crs_check: object = None                             # hzmap.model.layers.crs_check.CrsCheck (lon/lat layers)
    _index: HitIndex | None = field(default=None, repr=False)
    _numbers: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.geometry = compact(self.kind, self.geometry)  # a point layer keeps no Point objects

    # -- what was read -----------------------------------------------------------------------
    @property
    def format_label(self) -> str:
        return format_label(self.source.format)

    def __len__(self) -> int:
        return len(self.geometry)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        return total_bounds(self.geometry)

    def columns(self) -> list[str]:
        return [str(c) for c in self.table.columns]

    def column_numbers(self, column: str) -> dict[int, float]:
        """Row number -> the column's value as a number (NaN where not one)."""
        if column not in self._numbers:
            if column not in self.table.columns:
                raise KeyError(f"layer {self.name!r} has no column {column!r}")
            vals = self.column_array(column)
            self._numbers[column] = dict(zip(self.table.index.tolist(), vals.tolist()))
        return self._numbers[column]

    def column_array(self, column: str) -> np.ndarray:
        """The column as floats in table order (parsed once, by the reader when it could)."""
        key = ("array", column)
        if key not in self._numbers:
            if column not in self.table.columns:
                raise KeyError(f"layer {self.name!r} has no column {column!r}")
            self._numbers[key] = numbers(self.table[column])
        return self._numbers[key]

    def district_values(self, column: str, combine: str | None = None) -> dict[str, DistrictValue]:
        """District tables: each district's value of `column` and how it was joined."""
        if self.join is None:
            raise ValueError(f"layer {self.name!r} is not a district table")
        key = ("values", column, combine)  # the legend, the flags and the inspector ask alike
        if key not in self._numbers:
            if column not in self.table.columns:
                raise KeyError(f"layer {self.name!r} has no column {column!r}")
            values = {} if combine == "count" else self.column_numbers(column)  # counting reads no value
            self._numbers[key] = self.join.district_values(values, self.district_ids, combine)
        return self._numbers[key]

    def feature_values(self, column: str, combine: str | None = None) -> np.ndarray:
        """`column` as numbers, one per geometry in drawing order (NaN where none)."""
        if self.kind == "districts":
            vals = self.district_values(column, combine)
            return np.array([vals[d].value for d in self.district_ids], dtype=float)
        if hasattr(self.table, "positions"):  # a Frame: the rows found by binary search
            pos, values = self.table.positions(self.rows), self.column_array(column)
            if not len(values):
                return np.full(len(pos), math.nan)
            return np.where(pos >= 0, values[np.maximum(pos, 0)], math.nan)
        by_row = self.column_numbers(column)
        return np.array([by_row.get(int(r), math.nan) for r in self.rows], dtype=float)

    def feature_labels(self, column: str) -> list[str]:
        """`column` as text, one per geometry (labels, categories)."""
        return self.label_array(column).tolist()

    def label_array(self, column: str) -> np.ndarray:
        """feature_labels as a numpy array: numpy strings for a text column, so a million
        labels are not a million Python strings."""
        if column not in self.table.columns:
            raise KeyError(f"layer {self.name!r} has no column {column!r}")
        values = getattr(self.table[column], "values", None)
        if self.kind != "districts" and is_text(values) and hasattr(self.table, "positions"):
            pos = self.table.positions(self.rows)
            out = np.strings.strip(values[np.maximum(pos, 0)])
            out[pos < 0] = ""
            return out
        return np.asarray(self._labels(column), dtype=object)

    def _labels(self, column: str) -> list[str]:
        if self.kind == "districts":
            joined = {}
            for r in self.join.rows:
                if r.status in ("matched", "former") and len(r.districts) == 1:
                    joined.setdefault(r.districts[0], r.row)
            col = self.table[column]
            return [_text(col.get(joined[d])) if d in joined else "" for d in self.district_ids]
        return [_text(v) for v in self.table[column].reindex(self.rows).tolist()]

    # -- hit-testing and counts ---------------------------------------------------------------
    @property
    def index(self) -> HitIndex | PointIndex:
        if self._index is None:
            geoms = self.geometry
            self._index = PointIndex(geoms.xy) if isinstance(geoms, PointArray) else HitIndex(geoms, self.kind)
        return self._index

    def attributes(self, row: int) -> dict:
        if row not in self.table.index:
            return {}
        return {str(k): _plain(v) for k, v in self.table.loc[row].items()}

    def hit(self, x: float, y: float, tolerance: float = 0.0) -> Hit | None:
        """The feature under map point (x, y) (tolerance in metres for points and lines)."""
        i = self.index.hit(x, y, tolerance)
        if i is None:
            return None
        if self.kind != "districts":
            row = int(self.rows[i])
            return Hit(i, row, self.attributes(row))
        did = self.district_ids[i]
        joined = [r for r in self.join.rows if did in r.districts and r.status in ("matched", "former", "split")]
        row = joined[0].row if joined else -1
        note = "; ".join(f"{row_list(rows)} {first.text}: {first.note}"
                         for first, rows in grouped_rows(joined) if first.note)
        return Hit(i, row, self.attributes(row) if joined else {}, did, note)

    def district_counts(self) -> dict[str | None, int]:
        """Features per district, all 13 in the geodata's order (None: outside them). District
        tables: rows joined to each district."""
        if self.kind == "districts":
            counts: dict[str | None, int] = {d: 0 for d in self.district_ids}
            for d, n in self.join.rows_per_district().items():
                counts[d] += n
            return counts
        if self.feature_districts is None:
            raise ValueError("the layer was read without the geodata")
        counts = {d: 0 for d in self.district_ids}
        counts[None] = 0
        for d in self.feature_districts.tolist():
            counts[d] = counts.get(d, 0) + 1
        return counts

    def categories(self, column: str, limit: int = 12) -> list[tuple[str, int]]:
        """The column's values by how often they occur, most frequent first."""
        values, counts = np.unique(self.label_array(column), return_counts=True)
        order = np.lexsort((values, -counts))
        return [(str(values[i]), int(counts[i])) for i in order[:limit]]


def _plain(v):
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item"):
        try:
            return v.item()
        except (ValueError, TypeError):
            pass
    return v


def _text(v) -> str:
    v = _plain(v)
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()
