"""The pick: a base symbol wins over a feature of a user layer, which wins over the district,
as the map draws them (symbols on top). Where each symbol sits comes from the View and the
dataset (hzmap.model.elements.symbols), as the overlay draws it, not from the drawing.

The canvas and the presentation pass map coordinates and the size of a pixel in; the hover
text and what a click selects come back (napari's `Shapes._get_value`, glue's mouse modes).
"""
from __future__ import annotations

from dataclasses import dataclass

from hzmap.model.dataset.roles import layout_roles
from hzmap.model.elements.symbols import layout_symbols, place_at
from hzmap.model.layers.lookup import attribute_lines, district_values, feature_at, format_value
from hzmap.model.view.viewstate import Selection

PLACE_PICK_PX = 9    # how close (in pixels the user sees) to a base symbol a pointer must be
FEATURE_PICK_PX = 6  # and to a point or line of a user layer


@dataclass(frozen=True)
class Picked:
    selection: Selection | None  # what a click there selects; None: nothing (water, outside)
    district: str | None         # the district under the point, whatever is picked above it
    text: str = ""               # the hover text; "" shows none


def pick(view, dataset, geodata, layers, x, y, metres_per_pixel: float) -> Picked:
    """What is at map point (x, y) of `view`; `layers` is the LayerStore with the view's user
    layers (None: none drawn), `dataset` None before the layout dataset has loaded."""
    if x is None or y is None:
        return Picked(None, None)
    did = geodata.district_at(x, y)
    place = _place(view, dataset, geodata, x, y, PLACE_PICK_PX * metres_per_pixel)
    if place is not None:
        return Picked(Selection.place(place), did, dataset.places[place].name)
    feature = (feature_at(view, layers, x, y, FEATURE_PICK_PX * metres_per_pixel)
               if layers is not None and view.user_layers() else None)
    if feature is not None:
        return Picked(Selection.feature(feature.layer_id, feature.row), did,
                      "\n".join([feature.layer_name, *attribute_lines(feature.attributes)]))
    return Picked(Selection.district(did), did, district_text(view, dataset, geodata, layers, did) if did else "")


def _place(view, dataset, geodata, x: float, y: float, tolerance: float) -> str | None:
    """The base symbol of the layout shown nearest (x, y), within `tolerance` metres."""
    if dataset is None or view.layout is None or not view.show_places:
        return None
    symbols = layout_symbols(dataset, geodata, view.layout, view.hidden_in_layout(view.layout))
    return place_at(symbols, x, y, tolerance)


def district_text(view, dataset, geodata, layers, did: str) -> str:
    """The district's name and its role(s) in the layout shown, in the view's language, and
    its values in the district tables shown."""
    lines = [_layout_text(view, dataset, geodata, did)]
    if layers is not None and view.user_layers():
        lines += _layer_lines(view, layers, did)
    return "\n".join(lines)


def _layout_text(view, dataset, geodata, did: str) -> str:
    en = view.lang == "en"
    name = geodata.districts[did]["name_en" if en else "name_zh"]
    if dataset is None or view.layout is None or view.layout not in dataset.layouts:
        return name
    layout = dataset.layouts[view.layout]
    roles = [(r.element.name_en or r.element.name) if en else r.element.name
             for r in layout_roles(dataset, view.layout, did)]
    if en:
        return f"{name}\n{layout.name_en or layout.name}: {', '.join(roles) if roles else '(not in this layout)'}"
    return f"{name}\n{layout.name}: {'、'.join(roles) if roles else '（本布局未涉及）'}"


def _layer_lines(view, layers, did: str) -> list[str]:
    """'layer · column: value' for the district tables shown (their first, styled column)."""
    lines = []
    for lv in district_values(view, layers, did):
        if lv.kind == "districts" and lv.rows:
            row = lv.rows[0]
            flag = f" ({row.flag})" if row.flag else ""
            lines.append(f"{lv.layer_name} · {row.label}: {format_value(row.value)}{flag}")
    return lines
