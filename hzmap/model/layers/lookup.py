"""What the user layers say about a point of the map or a district: hover, click and the
inspector ask here, with map coordinates, and show what comes back. No Qt.

Hit-testing is the layers' own (LayerData.hit: an STRtree, or points.PointIndex); this module
only walks the View's user layers top-most first, so what answers is what is drawn on top.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from hzmap.model.layers.style import DEFAULTS


@dataclass(frozen=True)
class FeatureInfo:
    layer_id: str
    layer_name: str
    row: int                       # row or feature number in the file
    index: int                     # position in LayerData.geometry
    attributes: dict
    district: str | None = None    # the district the feature lies in (None: outside them)


@dataclass(frozen=True)
class DistrictRow:
    """One value of a user layer for a district, as the inspector lists it."""

    label: str                     # the column (with its unit), or what is counted
    value: float
    flag: str = ""                 # hzmap.model.layers.join.DistrictValue.flag, or ""
    note: str = ""


@dataclass(frozen=True)
class LayerValues:
    layer_id: str
    layer_name: str
    kind: str
    rows: list = field(default_factory=list)   # [DistrictRow]


def _shown(view, store):
    """(LayerState, LayerData) of the visible user layers with data, top-most first."""
    for layer in reversed(view.user_layers()):
        data = store.get(layer) if layer.visible else None
        if data is not None:
            yield layer, data


def feature_at(view, store, x: float, y: float, tolerance: float) -> FeatureInfo | None:
    """The feature under map point (x, y) on the top-most visible point, line or area layer
    (tolerance in metres). District tables answer through the district instead."""
    for layer, data in _shown(view, store):
        if data.kind == "districts":
            continue
        hit = data.hit(x, y, tolerance)
        if hit is not None:
            return _info(layer, data, hit.index)
    return None


def _info(layer, data, index: int) -> FeatureInfo:
    row = int(data.rows[index])
    district = data.feature_districts[index] if data.feature_districts is not None else None
    return FeatureInfo(layer.id, layer.name or data.name, row, index, data.attributes(row), district)


def feature_info(view, store, layer_id: str, row: int) -> FeatureInfo | None:
    """The feature `row` of layer `layer_id` (a selection), or None if it is not there."""
    layer = view.layer(layer_id)
    data = store.get(layer) if layer is not None else None
    if data is None or data.kind == "districts":
        return None
    found = np.flatnonzero(np.asarray(data.rows) == int(row))
    return _info(layer, data, int(found[0])) if found.size else None


def feature_shape(view, store, layer_id: str, row: int):
    """The geometry of a selected feature (map metres), or None."""
    info = feature_info(view, store, layer_id, row)
    return None if info is None else store.get(view.layer(layer_id)).geometry[info.index]


def _label(column: str, unit) -> str:
    return f"{column}（{unit}）" if unit and unit not in column else column


def district_values(view, store, did: str) -> list[LayerValues]:
    """For each visible user layer, top-most first: a district table's values for district
    `did` (the styled column first; each with its flag and note), or how many features of a
    point, line or area layer lie in it."""
    out = []
    for layer, data in _shown(view, store):
        style = {**DEFAULTS, **dict(layer.style or {})}
        rows = []
        if data.kind == "districts":
            columns = list(data.numeric)
            if style["column"] in columns:
                columns.remove(style["column"])
                columns.insert(0, style["column"])
            for column in columns:
                v = data.district_values(column, style["combine"])[did]
                unit = style["unit"] if column == style["column"] and style["unit"] else data.units.get(column)
                rows.append(DistrictRow(_label(column, unit), v.value, v.flag, v.note))
        elif data.feature_districts is not None:
            count = int(np.count_nonzero(data.feature_districts == did))
            rows.append(DistrictRow("count", float(count)))
        out.append(LayerValues(layer.id, layer.name or data.name, data.kind, rows))
    return out


def format_value(value) -> str:
    """A number as a planner reads it: thousands separated, no trailing zeros; text as it is."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}"
    if isinstance(value, (float, np.floating)):
        v = float(value)
        if math.isnan(v):
            return "–"
        if v.is_integer() and abs(v) < 1e15:
            return f"{int(v):,}"
        return f"{v:,.2f}" if abs(v) >= 100 else f"{v:.4g}"
    return str(value)


def attribute_lines(attributes: dict, limit: int = 14) -> list[str]:
    """'column: value' lines for a tooltip; empty values left out."""
    lines = [f"{k}: {format_value(v)}" for k, v in attributes.items() if v not in (None, "")]
    return lines[:limit] + ([f"… (+{len(lines) - limit})"] if len(lines) > limit else [])
