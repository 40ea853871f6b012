"""What the review window does to a draft, with no Qt: choosing an element's districts or its
geometry from points picked on the map, accepting what needs no check, and saying what a save
will write.

The map gives map metres (EPSG:4549); the dataset stores WGS84 lon/lat, so picked points are
converted here, and hit-testing (which district a point lies in, which districts a band crosses)
stays in the model. A single picked point is stored as a one-point schematic ellipse
(`{type: schematic, shape: ellipse, path: [[lon, lat]], width_km}`): the schema has no point
geometry for an element, and a place record would need provenance the planner has not given.

When the planner's districts are not named by the element's own wording, the loader requires an
interpretation note: one is written saying the planner chose them, so nothing reads as if the
document said it.
"""
from __future__ import annotations

import functools
from types import SimpleNamespace

import shapely

from hzmap.model.geo.geodata import MAP_CRS, to_map
from hzmap.model.elements.shape import element_footprint

from .draft import ACCEPTED, EDITED, PENDING, Draft, Record

GEOMETRIES = ("districts", "point", "river_band", "schematic")
SHAPES = ("corridor", "arrow", "ellipse")
POINT_KM = 3.0              # a picked point is drawn as a disc this wide
WIDTH_KM = (0.5, 40.0)      # widths a band or shape may have
PLANNER_NOTE = "chosen by the planner in the review"


class ReviewError(ValueError):
    """A pick or an edit that cannot be applied; the message says why."""


@functools.lru_cache(maxsize=1)
def _to_wgs84():
    from pyproj import Transformer

    return Transformer.from_crs(MAP_CRS, "EPSG:4326", always_xy=True)


def to_lonlat(x: float, y: float) -> list[float]:
    """Map metres -> [lon, lat] rounded to ~1 m (5 decimals), as the dataset writes them."""
    lon, lat = _to_wgs84().transform(x, y)
    return [round(float(lon), 5), round(float(lat), 5)]


def geometry_kind(data: dict) -> str:
    """districts | point | river_band | schematic | places | area, as the review offers them."""
    g = data.get("geometry") or {}
    if g.get("type") == "schematic" and g.get("shape") == "ellipse" and len(g.get("path", ())) == 1:
        return "point"
    return g.get("type", "districts")


# -- districts ---------------------------------------------------------------------------------
def set_districts(rec: Record, districts: list[str], ds) -> None:
    """The element covers these districts (ids, in the dataset's order)."""
    order = list(ds.districts)
    unknown = [d for d in districts if d not in ds.districts]
    if unknown:
        raise ReviewError(f"not a district id: {', '.join(unknown)}")
    chosen = sorted(set(districts), key=order.index)
    data = rec.data
    fields = {"districts": chosen,
              "primary_districts": [d for d in data.get("primary_districts", []) if d in chosen]}
    fields.update(_interpretation(data, chosen, ds))
    rec.edit(**fields)
    if rec.data.get("interpretation", 0) is None:   # no longer needed: leave the field out
        del rec.data["interpretation"]


def _interpretation(data: dict, districts: list[str], ds) -> dict:
    """The interpretation field the loader will want for these districts (mirrors its check)."""
    literal = str(data.get("literal", ""))
    via_places = {d for p in data.get("places", []) if p in ds.places for d in ds.places[p].districts}
    unnamed = [d for d in districts if d not in via_places and ds.districts[d].name_zh not in literal
               and ds.districts[d].short_name not in literal]
    if districts == data.get("districts") and data.get("interpretation"):
        return {}                                  # the draft's own reading still holds
    if not unnamed:
        return {"interpretation": None}
    names = "、".join(ds.districts[d].name_zh for d in districts)
    return {"interpretation": {"note": f"{literal or data.get('name', '')} → {names}: {PLANNER_NOTE}"}}


def use_districts(rec: Record) -> None:
    """Draw the element as its districts (a district group)."""
    rec.edit(geometry={"type": "districts"})


# -- geometry picked on the map ----------------------------------------------------------------
def _width(width_km: float) -> float:
    w = float(width_km)
    if not WIDTH_KM[0] <= w <= WIDTH_KM[1]:
        raise ReviewError(f"width {w:g} km: use {WIDTH_KM[0]:g}-{WIDTH_KM[1]:g} km")
    return w


def _fill_districts(rec: Record, ds, touched: list[str]) -> None:
    """An element that names no district takes the ones its picked geometry lies in."""
    if not rec.data.get("districts") and touched:
        set_districts(rec, touched, ds)


def pick_point(rec: Record, geo, ds, x: float, y: float, width_km: float = POINT_KM) -> str:
    """Place the element at map point (x, y); returns the district it lies in."""
    did = geo.district_at(x, y)
    if did is None:
        raise ReviewError("the point is on the water or outside Hangzhou's 13 districts; "
                          "pick a point on land")
    rec.edit(geometry={"type": "schematic", "shape": "ellipse", "path": [to_lonlat(x, y)],
                       "width_km": _width(width_km)})
    _fill_districts(rec, ds, [did])
    return did


def pick_band(rec: Record, geo, ds, a: tuple, b: tuple, width_km: float) -> list[str]:
    """A band along the main river between the points nearest to map points a and b; returns
    the districts it crosses."""
    if shapely.Point(a).distance(shapely.Point(b)) < 500:
        raise ReviewError("the band's two ends are the same point; pick where it starts and "
                          "where it ends along the river")
    geometry = {"type": "river_band", "from": to_lonlat(*a), "to": to_lonlat(*b),
                "width_km": _width(width_km)}
    rec.edit(geometry=geometry)
    touched = _districts_under(geo, preview_shape(rec.data, geo, ds, with_districts=False))
    _fill_districts(rec, ds, touched)
    return touched


def pick_shape(rec: Record, geo, ds, shape: str, points: list[tuple], width_km: float) -> list[str]:
    """A schematic corridor, arrow or ellipse through map points; returns the districts it
    crosses."""
    if shape not in SHAPES:
        raise ReviewError(f"unknown shape {shape!r}: use {', '.join(SHAPES)}")
    if len(points) < 2:
        raise ReviewError(f"a {shape} needs at least two points: click along its path")
    outside = [i + 1 for i, (x, y) in enumerate(points)
               if not shapely.intersects_xy(_city(geo), x, y)]
    if outside:
        raise ReviewError(f"point {outside[0]} is outside Hangzhou; draw the shape over the city")
    rec.edit(geometry={"type": "schematic", "shape": shape,
                       "path": [to_lonlat(x, y) for x, y in points], "width_km": _width(width_km)})
    touched = _districts_under(geo, preview_shape(rec.data, geo, ds, with_districts=False))
    _fill_districts(rec, ds, touched)
    return touched


def _city(geo):
    return shapely.union_all([f.geometry for f in geo.districts.values()])


def _districts_under(geo, shape, min_share: float = 0.05) -> list[str]:
    """Districts holding at least `min_share` of the shape (a band's edge brushing a district
    does not make the element that district's)."""
    if shape.is_empty or shape.area == 0:
        return []
    return [did for did, f in geo.districts.items()
            if f.geometry.intersection(shape).area >= min_share * shape.area]


# -- what the map shows of the element being edited --------------------------------------------
def preview_shape(data: dict, geo, ds, with_districts: bool = True):
    """The element's footprint in map metres as it stands (districts, band, shape, places)."""
    from hzmap.model.dataset.schema import Element

    try:
        el = Element.model_validate(data)
    except ValueError:   # half-edited: draw what can be drawn
        geometry = SimpleNamespace(type="districts")
        el = SimpleNamespace(districts=list(data.get("districts") or []), places=[],
                             geometry=geometry)
    districts = [d for d in el.districts if d in geo.districts] if with_districts else []
    places = [p for p in el.places if p in ds.places] if ds is not None else []
    return element_footprint(ds, geo, SimpleNamespace(districts=districts, places=places,
                                                      geometry=el.geometry))


def picked_points(data: dict) -> list[tuple[float, float]]:
    """The points the planner picked for the element, in map metres (a point, a band's two
    ends, a shape's path), so the map can mark them whatever the zoom."""
    g = data.get("geometry") or {}
    if g.get("type") == "river_band":
        points = [g.get("from"), g.get("to")]
    elif g.get("type") == "schematic":
        points = list(g.get("path") or [])
    else:
        return []
    return [to_map(*p) for p in points if p is not None and len(p) == 2]


# -- the whole draft ---------------------------------------------------------------------------
def accept_unflagged(draft: Draft) -> int:
    """Accept every pending record that has no flag and nothing the schema objects to."""
    n = 0
    for rec in draft.records():
        if rec.status == PENDING and not rec.flags and not rec.problems():
            rec.accept()
            n += 1
    return n


def to_save(draft: Draft) -> dict[str, int]:
    """What saving writes (accepted and edited records only)."""
    kept = (ACCEPTED, EDITED)
    layouts = [lay for lay in draft.layouts if lay.status in kept
               and any(el.status in kept for el in lay.children)]
    return {"layouts": len(layouts),
            "elements": sum(1 for lay in layouts for el in lay.children if el.status in kept),
            "measures": sum(1 for m in draft.measures if m.status in kept),
            "targets": sum(1 for t in draft.targets if t.status in kept)}


def save_problems(draft: Draft) -> list[str]:
    """Why a save would fail before the loader is asked: nothing chosen, or records whose own
    fields the schema rejects."""
    counts = to_save(draft)
    if not any(counts.values()):
        return ["nothing is accepted yet: accept or edit at least one layout (with its "
                "elements), measure or target"]
    out = list(draft.plan.problems())
    for rec in draft.records():
        if rec.kind != "plan" and rec.status in (ACCEPTED, EDITED):
            out += rec.problems()
    return out
