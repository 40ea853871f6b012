"""Where choosing a search result takes the map: one View change per choice. No Qt.

  district  -> selected, framed;
  place     -> selected (the inspector shows it), ~15 km around its point or its district when
               only the district is known; a layout that draws it is shown if the current one
               does not;
  layout    -> shown, whole city;
  element   -> its layout shown and the element selected, framed on its districts and places;
  measure   -> the first district it names selected and all it names framed; a measure naming
               only places selects its first place; a city-wide measure (naming nowhere) shows
               the whole city and its text in the status bar.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from hzmap.model.geo.extent import Extent, fit
from hzmap.model.geo.geodata import to_map
from hzmap.model.view.viewstate import Selection

PLACE_WIDTH_M = 15_000   # a place is shown ~15 km across
MIN_WIDTH_M = 6_000      # never frame closer than this
MARGIN = 0.12            # of the larger side, added on each side


@dataclass
class Jump:
    """The View fields to change (`changes`, for ViewState.update) and a status message."""

    changes: dict = field(default_factory=dict)
    message: str = ""


def _frame(geo, districts=(), points=()) -> Extent:
    bounds = [geo.district_bounds(list(districts))] if districts else []
    bounds += [(x, y, x, y) for x, y in points]
    xmin = min(b[0] for b in bounds)
    ymin = min(b[1] for b in bounds)
    xmax = max(b[2] for b in bounds)
    ymax = max(b[3] for b in bounds)
    return fit((xmin, ymin, xmax, ymax), MARGIN, MIN_WIDTH_M)


def _point(ds, pid):
    lonlat = ds.places[pid].location.lonlat
    return to_map(*lonlat) if lonlat else None


def _where(ds, geo, districts, places) -> Extent:
    districts = [d for d in districts if d in geo.districts]
    points = [p for p in (_point(ds, pid) for pid in places) if p is not None]
    extra = [d for pid in places if _point(ds, pid) is None for d in ds.places[pid].districts]
    return _frame(geo, list(dict.fromkeys(districts + extra)), points)


def jump_for(ds, geo, hit, current_layout: str | None = None, city: Extent | None = None) -> Jump:
    """What choosing search hit `hit` changes; `city` is the whole-city preset extent."""
    def framed(extent):
        return {"extent": extent, "preset": "custom"}
    whole = {"extent": city, "preset": "city"} if city is not None else {}
    if hit.kind == "district":
        return Jump({"selection": Selection.district(hit.id), **framed(_frame(geo, [hit.id]))})
    if hit.kind == "place":
        shows = [lay.id for lay, el in ds.elements() if hit.id in el.places]
        changes = {"selection": Selection.place(hit.id)}
        if shows and current_layout not in shows:
            changes["layout"] = shows[0]
        pt = _point(ds, hit.id)
        half = PLACE_WIDTH_M / 2
        extent = _frame(geo, ds.places[hit.id].districts) if pt is None else \
            Extent(pt[0] - half, pt[0] + half, pt[1] - half, pt[1] + half)
        return Jump({**changes, **framed(extent)})
    if hit.kind == "layout":
        return Jump({"layout": hit.id, **whole})
    if hit.kind == "element":
        lid, eid = hit.id.split("/", 1)
        el = next(e for e in ds.layouts[lid].elements if e.id == eid)
        changes = {"layout": lid, "selection": Selection.element(lid, eid)}
        if not el.districts and not el.places:
            return Jump({**changes, **whole})
        return Jump({**changes, **framed(_where(ds, geo, el.districts, el.places))})
    if hit.kind == "measure":
        m = ds.measures[hit.id]
        if m.districts:
            return Jump({"selection": Selection.district(m.districts[0]),
                         **framed(_where(ds, geo, m.districts, m.places))})
        if m.places:
            return Jump({"selection": Selection.place(m.places[0]), **framed(_where(ds, geo, [], m.places))})
        return Jump({"selection": None, **whole}, message=m.summary)
    raise ValueError(f"unknown hit kind {hit.kind!r}")
