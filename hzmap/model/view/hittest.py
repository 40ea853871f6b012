"""What is under a point of the map: base symbols and annotations, beside GeoData.district_at.
No Qt: the canvas passes map coordinates in and shows what comes back (napari's
`Shapes._get_value`), and where each base symbol sits is decided here, once, for the drawing,
the hit-test and the place ring alike.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable

from hzmap.model.dataset.queries import drawn_places
from hzmap.model.geo.geodata import to_map
from hzmap.model.view.district_symbols import place_point as district_place_point

GRAB_PT = 6.0                    # how near (points) a line or a point must be to be hit


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
    """The symbols of a layout's visible elements."""
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


# -- annotations --------------------------------------------------------------------------
def _text_box_pt(text: str, size: float) -> tuple[float, float]:
    """Width and height in points of a text at `size` (CJK one em wide, Latin about half)."""
    lines = text.split("\n") or [""]
    width = max(sum(1.0 if ord(c) > 0x2E80 else 0.6 for c in line) for line in lines) * size
    return width + 4, len(lines) * size * 1.25 + 4


def _near_segment(px, py, ax, ay, bx, by) -> float:
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def annotation_hit(a, x: float, y: float, metres_per_pt: float) -> bool:
    """Whether map point (x, y) is on annotation `a` drawn at `metres_per_pt` metres a point."""
    m = metres_per_pt
    size = a.style.size
    if a.kind in ("text", "callout"):
        (tx, ty) = a.points[0]
        w, h = _text_box_pt(a.text, size)
        if abs(x - tx) <= w * m / 2 and abs(y - ty) <= h * m / 2:
            return True
        if a.kind == "callout":
            return _near_segment(x, y, *a.points[0], *a.points[1]) <= GRAB_PT * m
        return False
    if a.kind == "marker":
        (mx, my) = a.points[0]
        if math.hypot(x - mx, y - my) <= (size / 2 + GRAB_PT / 2) * m:
            return True
        if a.text:  # the label, left-aligned just right of the symbol
            w, h = _text_box_pt(a.text, max(size, 9.0))
            left = mx + (size * 0.6 + 3) * m
            return left <= x <= left + w * m and abs(y - my) <= h * m / 2
        return False
    if a.kind == "line":
        reach = (size / 2 + GRAB_PT) * m
        pts = a.points
        return any(_near_segment(x, y, *pts[i], *pts[i + 1]) <= reach for i in range(len(pts) - 1))
    return False


def annotation_at(annotations, x: float, y: float, metres_per_pt: float) -> str | None:
    """The id of the topmost annotation at (x, y) (the last drawn wins)."""
    for a in reversed(list(annotations)):
        if annotation_hit(a, x, y, metres_per_pt):
            return a.id
    return None
