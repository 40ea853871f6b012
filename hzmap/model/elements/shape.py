"""Where a layout element lies on the map, in map metres, defined once: the overlay draws this
shape, the spotlight cuts its hole around it, the selection outlines it and a tour step zooms
to it. No matplotlib, no Qt.

An element's figure follows its geometry: its districts, a band along the river, a schematic
shape (a broad arrow, an ellipse around its points, a corridor along its path) or an area. Its
footprint adds what it covers besides: its districts and a small disc at each of its places.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, Point
from shapely.ops import polylabel, substring

from hzmap.model.elements.symbols import element_symbols
from hzmap.model.geo.geodata import to_map

DEFAULT_WIDTH_KM = 6      # a schematic shape whose width the document does not suggest
PLACE_RADIUS_M = 2_500.0  # a place's share of an element's footprint
ELLIPSE_QUAD_SEGMENTS = 64  # an ellipse as a polygon of 256 sides: metres off at city scale


@dataclass(frozen=True, eq=False)
class ElementShape:
    """The figure an element is drawn as. `polygon` is its outline (an ellipse as a fine
    polygon); `ellipse` (centre x, centre y, width, height) lets a drawing use a true curve;
    `line` is the centre line of a band, corridor or arrow."""

    kind: str          # "districts", "band", "arrow", "ellipse", "corridor" or "area"
    polygon: Any
    line: Any = None
    ellipse: tuple[float, float, float, float] | None = None

    @functools.cached_property
    def anchor(self) -> tuple[float, float]:
        """Where the element's name goes: mid-way along a line, the centre of an ellipse, the
        point farthest inside the largest piece of an area."""
        if self.ellipse is not None:
            return self.ellipse[0], self.ellipse[1]
        if self.line is not None:
            mid = self.line.interpolate(0.5, normalized=True)
            return mid.x, mid.y
        return label_point(self.polygon)


def element_figure(geo, element) -> ElementShape | None:
    """The figure of `element` (None for a set of places, which are drawn as symbols)."""
    g = element.geometry
    if g.type == "districts":
        districts = [d for d in element.districts if d in geo.districts]
        return ElementShape("districts", geo.district_union(districts)) if districts else None
    if g.type == "river_band":
        river = geo.main_river()
        a = river.project(Point(*to_map(*g.from_)))
        b = river.project(Point(*to_map(*g.to)))
        course = substring(river, min(a, b), max(a, b))
        return ElementShape("band", course.buffer(g.width_km * 500, cap_style="round"), line=course)
    if g.type == "schematic":
        return schematic_figure(g.shape, [to_map(lon, lat) for lon, lat in g.path], g.width_km)
    if g.type == "area":
        rings = [[to_map(lon, lat) for lon, lat in ring] for ring in g.coordinates]
        return ElementShape("area", shapely.Polygon(rings[0], rings[1:]))
    return None


def schematic_figure(shape: str, points, width_km: float | None) -> ElementShape:
    """A schematic shape through `points` (map metres), `width_km` across: an arrow along
    them, an ellipse around them (also what a single point is), or a corridor along them."""
    pts = np.array(points, dtype=float).reshape(-1, 2)
    width = (width_km or DEFAULT_WIDTH_KM) * 1000
    if shape == "arrow" and len(pts) >= 2:
        return ElementShape("arrow", arrow_polygon(pts, width), line=LineString(pts))
    if shape == "ellipse" or len(pts) == 1:
        (x0, y0), (x1, y1) = pts.min(axis=0), pts.max(axis=0)
        cx, cy, w, h = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) + width, (y1 - y0) + width
        return ElementShape("ellipse", ellipse_polygon(cx, cy, w, h), ellipse=(cx, cy, w, h))
    line = LineString(pts)
    return ElementShape("corridor", line.buffer(width / 2, cap_style="round", join_style="round"), line=line)


def arrow_polygon(pts: np.ndarray, width: float):
    """A broad arrow along a path: a shaft half the width, a head at the last point."""
    line = LineString(pts)
    head_len = min(width * 1.6, line.length * 0.4)
    shaft = substring(line, 0, line.length - head_len).buffer(width / 4, cap_style="flat", join_style="round")
    tip = np.array(pts[-1])
    base_pt = line.interpolate(line.length - head_len)
    base = np.array([base_pt.x, base_pt.y])
    d = (tip - base) / max(np.hypot(*(tip - base)), 1e-9)
    n = np.array([-d[1], d[0]])
    head = shapely.Polygon([base + n * width * 0.75, tip, base - n * width * 0.75])
    return shapely.union_all([shaft, head])


def ellipse_polygon(cx: float, cy: float, width: float, height: float):
    """The ellipse of that centre and those axes as a polygon."""
    circle = Point(0.0, 0.0).buffer(1.0, quad_segs=ELLIPSE_QUAD_SEGMENTS)
    xy = shapely.get_coordinates(circle) * (width / 2, height / 2) + (cx, cy)
    return shapely.Polygon(xy)


def label_point(geom) -> tuple[float, float]:
    """A point well inside the largest piece of `geom`."""
    p = shapely.get_parts(geom)
    biggest = max(p, key=lambda g: g.area) if len(p) else geom
    pt = polylabel(biggest, tolerance=200) if biggest.geom_type == "Polygon" else biggest.representative_point()
    return (pt.x, pt.y)


def element_footprint(ds, geo, element):
    """What the element covers, in map metres: its districts, its figure and a disc at each of
    its base symbols. A tour step zooms to it; the spotlight and the selection outline it."""
    parts = [geo.districts[d].geometry for d in element.districts if d in geo.districts]
    figure = element_figure(geo, element) if element.geometry.type != "districts" else None
    if figure is not None:  # (a district group's figure is its districts, already there)
        parts.append(figure.polygon)
    if element.places:  # where the symbols are drawn (a place in pieces: each piece)
        parts += [Point(sym.xy).buffer(PLACE_RADIUS_M) for sym in element_symbols(ds, geo, element)]
    if not parts:
        return shapely.Polygon()
    return shapely.union_all(parts)
