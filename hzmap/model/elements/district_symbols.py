"""Where a place known only by its district is drawn: inside the district, clear of its label.

The rule, for every district with such places (in dataset order, so a place sits at the same
point in every layout):

- the symbols stand on the district's land (its largest piece, where the label is), at least a
  symbol's width inside its edge;
- they keep clear of the district's name: the label's box, as wide as the longer of its Chinese
  and English names, measured at the scale of a reference map (REFERENCE_MAP_PT, about an A4
  export's or a laptop window's map) showing the whole city, or, when the district has no room
  at that scale (the urban core's small districts), showing the urban core, where they are seen;
- of the free points on a grid, the ones nearest the label are taken first, below it before
  above it, each a symbol spacing from the others: they read as the district's, beside its name.

No Qt: the drawing, the pick and the place ring read the points from here
(hzmap.model.elements.symbols).
"""
from __future__ import annotations

import numpy as np
import shapely

from hzmap.model.geo.views import view_extent

REFERENCE_MAP_PT = (680.0, 480.0)   # width, height in points of the map the rule keeps clear
LABEL_PT = 12.5                     # the district label's type size where it is largest
LABEL_PAD_PT = 3.0                  # the label's white halo and a little air
SYMBOL_PT = 7.0                     # a base symbol's width
SPACING_PT = 13.0                   # between two symbols' centres (room for their names)
VIEWS = ("city", "urban")           # the scales tried, widest first


def metres_per_pt(geo, view: str) -> float:
    """The scale of the reference map showing `view`."""
    x0, y0, x1, y1 = view_extent(geo, view)
    return max((x1 - x0) / REFERENCE_MAP_PT[0], (y1 - y0) / REFERENCE_MAP_PT[1])


def label_box(geo, did: str, m_per_pt: float):
    """The district label's box (a shapely Polygon) at `m_per_pt`, with its halo."""
    f = geo.districts[did]
    en = f["name_en"].replace(" District", "")
    em = max(len(f["name_zh"]), 0.62 * len(en))
    w = (em * LABEL_PT + 2 * LABEL_PAD_PT) * m_per_pt
    h = (1.25 * LABEL_PT + 2 * LABEL_PAD_PT) * m_per_pt
    p = geo.district_label_points()[did]
    return shapely.box(p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2)


def district_points(geo, did: str, count: int) -> list[tuple[float, float]]:
    """`count` points for symbols in district `did`, by the rule above."""
    if count <= 0:
        return []
    for view in VIEWS:
        pts = _points_at(geo, did, count, metres_per_pt(geo, view))
        if pts is not None:
            return pts
    pts = _points_at(geo, did, count, metres_per_pt(geo, VIEWS[-1]) / 2)
    if pts is not None:
        return pts
    p = geo.district_label_points()[did]   # a district too small for any rule: its centre
    return [(p.x, p.y)] * count


def _points_at(geo, did: str, count: int, m: float) -> list[tuple[float, float]] | None:
    land = geo.district_land(did)
    box = label_box(geo, did, m)
    spacing = SPACING_PT * m
    step = spacing / 2
    x0, y0, x1, y1 = land.bounds
    xs, ys = np.meshgrid(np.arange(x0, x1 + step, step), np.arange(y0, y1 + step, step))
    pts = shapely.points(xs.ravel(), ys.ravel())
    shapely.prepare(land)
    pts = pts[shapely.contains(land, pts)]
    pts = pts[~shapely.dwithin(land.boundary, pts, SYMBOL_PT * m)]   # a symbol's width inside
    dist = shapely.distance(box, pts)
    keep = dist >= SYMBOL_PT * m / 2 + 2 * m                          # off the label
    pts, dist = pts[keep], dist[keep]
    if len(pts) < count:
        return None
    label = geo.district_label_points()[did]
    xs, ys = shapely.get_x(pts), shapely.get_y(pts)
    cost = dist + np.where(ys > label.y, spacing / 2, 0.0) + np.abs(xs - label.x) * 1e-3
    chosen: list[tuple[float, float]] = []
    for i in np.argsort(cost, kind="stable"):
        x, y = float(xs[i]), float(ys[i])
        if all((x - a) ** 2 + (y - b) ** 2 >= (spacing * 0.99) ** 2 for a, b in chosen):
            chosen.append((x, y))
            if len(chosen) == count:
                return chosen
    return None


def place_point(ds, geo, place_id: str) -> tuple[float, float] | None:
    """The point of a place the map shows at its district (None for any other place). The
    district's points are worked out the first time one of its places is asked for, and kept
    with the dataset (the same places, in dataset order, on the same geodata)."""
    place = ds.places.get(place_id)
    if place is None or place.parts or place.location.shown_precision != "district" \
            or not place.districts or place.districts[0] not in geo.districts:
        return None
    did = place.districts[0]
    cache = getattr(ds, "_district_points", None)
    if cache is None or cache[0] is not geo:
        cache = ds._district_points = (geo, {})
    if did not in cache[1]:
        ids = [p.id for p in ds.places.values() if not p.parts and p.districts
               and p.districts[0] == did and p.location.shown_precision == "district"]
        cache[1][did] = dict(zip(ids, district_points(geo, did, len(ids))))
    return cache[1][did].get(place_id)
