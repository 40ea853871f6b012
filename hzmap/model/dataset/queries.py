"""What the inspector shows: a district's or a place's roles, bases, measures and targets.

All results are plain dicts and lists (JSON-serialisable), each item with its provenance:
``source`` = {doc, plan, section, excerpt, cite} where ``cite`` reads "plan short name §section".
"""

from __future__ import annotations

import datetime as _dt
import difflib
from dataclasses import dataclass, field

from hzmap.model import clock

from .lifecycle import plan_status
from .provenance import source_dict
from .roles import element_reach
from .search import search
from .status_text import status_dict


@dataclass
class Resolution:
    kind: str | None          # "district" | "place" | None when not found
    id: str | None = None
    name: str | None = None
    suggestions: list[str] = field(default_factory=list)   # closest names when not found


def _sources(rec, ds) -> list[dict]:
    return [source_dict(s, ds.plans) for s in rec.all_sources]


def _plan_ref(ds, plan_id: str) -> dict:
    p = ds.plans.get(plan_id)
    return {"id": plan_id, "short_name": p.short_name if p else plan_id,
            "short_name_en": p.short_name_en if p else "", "title": p.title if p else ""}


def _district_ref(ds, did: str) -> dict:
    d = ds.districts[did]
    return {"id": d.id, "name": d.name_zh, "name_en": d.name_en, "type": d.type}


def _place_ref(ds, pid: str) -> dict:
    p = ds.places[pid]
    return {"id": p.id, "name": p.name, "name_en": p.name_en, "kind": p.kind,
            "districts": list(p.districts), "precision": p.location.precision}


def _role(ds, lay, el, via_place: str | None) -> dict:
    return {
        "plan": _plan_ref(ds, lay.plan),
        "layout": {"id": lay.id, "name": lay.name, "name_en": lay.name_en},
        "element": {"id": el.id, "name": el.name, "name_en": el.name_en},
        "kind": el.kind,
        "literal": el.literal,
        "interpretation": el.interpretation.note if el.interpretation else None,
        "function": el.function,
        "role_en": el.role_en,
        "sectors": list(el.sectors),
        "primary": None,
        "districts": list(el.districts),
        "places": [_place_ref(ds, p) for p in el.places],
        "via_place": _place_ref(ds, via_place) if via_place else None,
        "sources": _sources(el, ds),
    }


def _measure(ds, m, via_place: str | None = None) -> dict:
    return {
        "plan": _plan_ref(ds, ds.measure_plan.get(m.id, "")),
        "id": m.id, "number": m.number, "title": m.title, "summary": m.summary,
        "lead_units": list(m.lead_units), "units": list(m.units),
        "districts": list(m.districts), "places": [_place_ref(ds, p) for p in m.places],
        "citywide": m.citywide, "sectors": list(m.sectors),
        "via_place": _place_ref(ds, via_place) if via_place else None,
        "sources": _sources(m, ds),
    }


def _target(ds, t) -> dict:
    return {
        "plan": _plan_ref(ds, ds.target_plan.get(t.id, "")),
        "id": t.id, "indicator": t.indicator, "value": t.value, "fraction": t.fraction,
        "unit": t.unit, "year": t.year, "year_assumed": t.year_assumed,
        "comparator": t.comparator, "milestone": t.milestone,
        "districts": list(t.districts), "places": list(t.places),
        "note": t.note, "sources": _sources(t, ds),
    }


def _group_by_plan(ds, items: list[dict], statuses: dict | None = None) -> list[dict]:
    order = list(ds.plans)
    groups: dict[str, list[dict]] = {}
    for it in items:
        groups.setdefault(it["plan"]["id"], []).append(it)
    keys = sorted(groups, key=lambda k: order.index(k) if k in order else len(order))
    return [{"plan": _plan_ref(ds, k), "items": groups[k]}
            | ({"status": statuses[k]} if statuses and k in statuses else {}) for k in keys]


def _statuses(ds, on: _dt.date | None) -> dict[str, dict]:
    """{plan id: its status on `on` (default: today)} (lifecycle.py, status_text.py)."""
    on = on or clock.today()
    return {pid: status_dict(ds, plan_status(ds, pid, on)) for pid in ds.plans}


def district_profile(ds, district_id: str, on: _dt.date | None = None) -> dict:
    """Everything the plans say about one district; each plan's status is its status on `on`
    (default: today).

    Returns {district, roles_by_plan: [{plan, status, items: [role]}], conflicts: [conflict],
    places: [place], measures: [measure], citywide_measures: [{plan, items}],
    targets: {district: [target], plan_wide: [{plan, items}]}, excerpts_checked}. Roles and
    measures reached through a place inside the district carry ``via_place``. A conflict is two
    or more roles of one layout that the text keeps apart but that both hold the district
    (see ``conflicts_of``).
    """
    if district_id not in ds.districts:
        raise KeyError(f"no district with id '{district_id}'")
    inside = [p.id for p in ds.places.values() if district_id in p.districts]
    inside_set = set(inside)

    roles = []
    for lay, el in ds.elements():
        via = element_reach(ds, el).get(district_id)
        if via is not None:
            r = _role(ds, lay, el, via[0] if via else None)
            r["primary"] = district_id in el.primary_districts
            roles.append(r)

    measures, citywide = [], []
    for m in ds.measures.values():
        if district_id in m.districts:
            measures.append(_measure(ds, m))
        elif any(p in inside_set for p in m.places):
            measures.append(_measure(ds, m, next(p for p in m.places if p in inside_set)))
        elif m.citywide:
            citywide.append(_measure(ds, m))

    own_targets, plan_wide = [], []
    for t in ds.targets.values():
        if district_id in t.districts or inside_set.intersection(t.places):
            own_targets.append(_target(ds, t))
        elif not t.districts and not t.places:
            plan = ds.plans.get(ds.target_plan.get(t.id, ""))
            if plan is not None and plan.scope == "city":
                plan_wide.append(_target(ds, t))

    statuses = _statuses(ds, on)
    for r in roles:
        r["status"] = statuses.get(r["plan"]["id"])
    return {
        "district": _district_ref(ds, district_id),
        "roles_by_plan": _group_by_plan(ds, roles, statuses),
        "conflicts": conflicts_of(ds, district_id),
        "places": [dict(_place_ref(ds, p), sources=_sources(ds.places[p], ds)) for p in inside],
        "measures": measures,
        "citywide_measures": _group_by_plan(ds, citywide),
        "targets": {"district": own_targets, "plan_wide": _group_by_plan(ds, plan_wide)},
        "excerpts_checked": ds.excerpts_checked,
    }


def conflicts_of(ds, district_id: str) -> list[dict]:
    """The layouts' recorded conflicts that involve the district:
    [{plan, layout: {id, name, name_en}, elements: [{id, name, name_en, literal,
    interpretation, sources}], districts: [id], note}]."""
    out = []
    for lay in ds.layouts.values():
        els = {el.id: el for el in lay.elements}
        for c in lay.conflicts:
            if district_id not in c.districts:
                continue
            out.append({
                "plan": _plan_ref(ds, lay.plan),
                "layout": {"id": lay.id, "name": lay.name, "name_en": lay.name_en},
                "elements": [{"id": e.id, "name": e.name, "name_en": e.name_en,
                              "literal": e.literal,
                              "interpretation": e.interpretation.note if e.interpretation else None,
                              "sources": _sources(e, ds)}
                             for e in (els[i] for i in c.elements if i in els)],
                "districts": list(c.districts),
                "note": c.note,
            })
    return out


def drawn_places(ds, place_id: str) -> list:
    """The places whose symbols show `place_id` on the map: its parts (the FTZ's three blocks),
    or the place itself."""
    p = ds.places[place_id]
    return [ds.places[q] for q in p.parts if q in ds.places] or [p]


def place_profile(ds, place_id: str, on: _dt.date | None = None) -> dict:
    """{place, districts, precision, location, location_note, parts, part_of, roles: [role],
    measures, targets, sources} for one place. A part (a block of the FTZ) also lists the roles
    of the whole, with ``via_place`` naming it."""
    if place_id not in ds.places:
        raise KeyError(f"no place with id '{place_id}'")
    p = ds.places[place_id]
    part_of = [q.id for q in ds.places.values() if place_id in q.parts]
    roles = [_role(ds, lay, el, None) for lay, el in ds.elements() if place_id in el.places]
    roles += [_role(ds, lay, el, whole) for whole in part_of for lay, el in ds.elements()
              if whole in el.places]
    statuses = _statuses(ds, on)
    for r in roles:
        r["status"] = statuses.get(r["plan"]["id"])
    return {
        "place": _place_ref(ds, place_id) | {"aliases": list(p.aliases)},
        "parts": [_place_ref(ds, q) for q in p.parts if q in ds.places],
        "part_of": [_place_ref(ds, q) for q in part_of],
        "districts": [_district_ref(ds, d) for d in p.districts if d in ds.districts],
        "precision": p.location.precision,
        "location": {"lon": p.location.lon, "lat": p.location.lat},
        "location_note": p.location_note,
        "roles": roles,
        "measures": [_measure(ds, m) for m in ds.measures.values() if place_id in m.places],
        "targets": [_target(ds, t) for t in ds.targets.values() if place_id in t.places],
        "sources": _sources(p, ds),
        "excerpts_checked": ds.excerpts_checked,
    }


def _names(ds) -> list[tuple[str, str, str, str]]:
    """(lookup key, kind, id, display name), districts first."""
    out = []
    for d in ds.districts.values():
        for key in (d.name_zh, d.short_name, d.id, d.pinyin, d.name_en):
            out.append((key, "district", d.id, d.name_zh))
    for p in ds.places.values():
        for key in (p.name, p.id, p.name_en, *p.aliases):
            out.append((key, "place", p.id, p.name))
    return out


def _norm(s: str) -> str:
    return "".join(s.split()).lower().replace("’", "'")


def resolve_name(ds, name: str) -> Resolution:
    """A district or place by Chinese name, short name, id, alias, pinyin or English name.

    When nothing matches, ``kind`` is None and ``suggestions`` holds the closest names.
    """
    q = _norm(name or "")
    names = _names(ds)
    for key, kind, rid, disp in names:
        if key and _norm(key) == q:
            return Resolution(kind, rid, disp)
    hits = search(ds, name) if q else []
    strong = [h for h in hits if h.kind in ("district", "place") and h.score >= 90]
    if len(strong) == 1 or (strong and strong[0].score > strong[1].score):
        return Resolution(strong[0].kind, strong[0].id, strong[0].label)
    keys = {_norm(k): disp for k, _, _, disp in names if k}
    close = difflib.get_close_matches(q, list(keys), n=8, cutoff=0.5)
    suggestions = list(dict.fromkeys(keys[c] for c in close))
    for h in hits:
        if h.kind in ("district", "place") and h.label not in suggestions:
            suggestions.append(h.label)
    return Resolution(None, suggestions=suggestions[:5])
