"""Where the base symbols of a layout's elements sit, decided once for the drawing, the pick and
the place ring alike. No Qt."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable

from hzmap.model.dataset.queries import drawn_places
from hzmap.model.elements.district_symbols import place_point as district_place_point
from hzmap.model.geo.geodata import to_map


@dataclass(frozen=True)
class Symbol:
    place: str
    xy: tuple[float, float]
    precision: str  # "site", "approximate" or "district" (as shown)


def element_symbols(ds, geo, element) -> list[Symbol]:
    """Where an element's places are drawn: at their location, or (known only by district)
    inside the district, clear of its label (district_symbols.py). A place in several pieces
    (the FTZ's three blocks, see the place's `parts`) gets a symbol at each piece, and each
    symbol stands for the whole."""
    out = []
    for pid, place in ((pid, part) for pid in element.places for part in drawn_places(ds, pid)):
        prec = place.location.shown_precision
        xy = _district_point(ds, geo, place) if prec == "district" else to_map(*place.location.lonlat)
        out.append(Symbol(pid, (float(xy[0]), float(xy[1])), prec))
    return out


def _district_point(ds, geo, place) -> tuple[float, float]:
    xy = district_place_point(ds, geo, place.id)
    if xy is None:   # not in a district of this geodata: at its label, as a last resort
        p = geo.district_label_points()[place.districts[0]]
        xy = (p.x, p.y)
    return xy


def layout_symbols(ds, geo, layout_id: str | None, hidden: Iterable[str] = ()) -> list[Symbol]:
    """The symbols of a layout's visible elements (`hidden`: element ids)."""
    if layout_id is None or layout_id not in ds.layouts:
        return []
    hidden = set(hidden)
    return [s for el in ds.layouts[layout_id].elements if el.id not in hidden
            for s in element_symbols(ds, geo, el)]


def place_point(ds, geo, place_id: str | None, layout_id: str | None = None) -> tuple[float, float] | None:
    """Where a place is on the map: its symbol in the layout shown, else its location (a place
    known only by district: where its symbol would be; a place in pieces: its first piece)."""
    if place_id is None or place_id not in ds.places:
        return None
    for s in layout_symbols(ds, geo, layout_id):
        if s.place == place_id:
            return s.xy
    place = drawn_places(ds, place_id)[0]
    if place.location.lonlat:
        return to_map(*place.location.lonlat)
    return _district_point(ds, geo, place)


def place_at(symbols: Iterable[Symbol], x: float, y: float, tolerance: float) -> str | None:
    """The place whose symbol is nearest (x, y) within `tolerance` metres."""
    best, best_d = None, tolerance
    for s in symbols:
        d = math.hypot(s.xy[0] - x, s.xy[1] - y)
        if d < best_d:
            best, best_d = s.place, d
    return best
