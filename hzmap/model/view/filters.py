"""Which districts and places have something matching the filters (plan, sector, unit)."""
from __future__ import annotations

from hzmap.model.dataset.roles import element_reach
from hzmap.model.view.viewstate import Filters


def _ok(f: Filters, plan: str | None, sectors, units) -> bool:
    if f.plan and plan != f.plan:
        return False
    if f.sector and f.sector not in sectors:
        return False
    if f.unit and not any(f.unit in u for u in units):
        return False
    return True


def matching(ds, f: Filters) -> tuple[set[str], set[str]]:
    """(district ids, place ids) that have at least one role or measure passing the filters.

    A role counts for the districts it covers and the places it names; a measure for the
    districts and places it names. City-wide measures apply everywhere alike, so they do not
    single out any district on the map (the inspector lists them).
    """
    districts: set[str] = set()
    places: set[str] = set()
    if not f.active():
        return set(ds.districts), set(ds.places)
    for lay, el in ds.elements():
        if f.unit is None and _ok(f, lay.plan, el.sectors, ()):
            districts.update(element_reach(ds, el))
            places.update(el.places)
    for mid, m in ds.measures.items():
        if _ok(f, ds.measure_plan.get(mid), m.sectors, m.units):
            districts.update(m.districts)
            places.update(m.places)
            districts.update(d for pid in m.places for d in ds.places[pid].districts)
    return districts, places


def facets(ds) -> dict[str, list[str]]:
    """The values a user can filter by: plans, sector tags and responsible units (lead first)."""
    sectors = sorted({s for _, el in ds.elements() for s in el.sectors}
                     | {s for m in ds.measures.values() for s in m.sectors})
    leads: dict[str, int] = {}
    for m in ds.measures.values():
        for u in m.units:
            leads[u] = leads.get(u, 0) + 1
    units = sorted(leads, key=lambda u: (-leads[u], u))
    return {"plan": list(ds.plans), "sector": sectors, "unit": units}


def kept(ds, view) -> tuple[set[str], set[str]] | None:
    """What the map keeps at full strength (district ids, place ids), or None for everything:
    what passes the filters; nothing when the layout shown is not in force on the view's
    "as of" day (it is drawn faded, and its plan's status says why)."""
    from hzmap.model.dataset.lifecycle import in_force_on

    lay = ds.layouts.get(view.layout) if view.layout else None
    if view.as_of is not None and lay is not None and not in_force_on(ds, lay.plan, view.as_of):
        return set(), set()
    return matching(ds, view.filters) if view.filters.active() else None


def day_of(view):
    """The day the View shows the plans as on: its "as of" day, else today."""
    from hzmap.model import clock

    return view.as_of if view.as_of is not None else clock.today()


def set_aside(ds, plan_id: str | None, view) -> bool:
    """Whether the View's "as of" day sets a plan's items aside (dimmed or hidden, as
    `view.lapsed` says): a day is set and the plan was not in force on it."""
    from hzmap.model.dataset.lifecycle import in_force_on

    return view.as_of is not None and plan_id in ds.plans and not in_force_on(ds, plan_id, view.as_of)
