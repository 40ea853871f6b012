"""A district's story: its roles plan by plan, in the order the plans were made (2018 → 2021 →
2024 → …), each with its status and sources. The inspector, the dossier, `hzmap query
--timeline` and compare read it. No Qt; plain dicts (JSON-serialisable).
"""
from __future__ import annotations

import datetime as _dt

from .lifecycle import plan_status, start_of
from .queries import district_profile
from .status_text import status_dict


def plan_year(plan) -> int | None:
    """The year a plan speaks from: the year it was issued, else the year its term starts."""
    issued = plan.issued
    if isinstance(issued, _dt.date):
        return issued.year
    if isinstance(issued, str) and issued[:4].isdigit():
        return int(issued[:4])
    start = start_of(plan)
    return start.year if start else None


def plan_order(ds, plan_ids) -> list[str]:
    """Plans by the year they speak from, then by their start, then as in the dataset."""
    order = list(ds.plans)

    def key(pid):
        plan = ds.plans[pid]
        return (plan_year(plan) or 9999, start_of(plan) or _dt.date.max,
                order.index(pid) if pid in order else len(order))
    return sorted(plan_ids, key=key)


def _role(r: dict) -> dict:
    return {"layout": r["layout"], "element": r["element"], "kind": r["kind"],
            "function": r["function"], "role_en": r["role_en"], "literal": r["literal"],
            "interpretation": r["interpretation"], "via_place": r["via_place"],
            "sources": r["sources"]}


def district_timeline(ds, district_id: str, on: _dt.date, profile: dict | None = None) -> dict:
    """{district, on, years: [{year, plans: [{plan, status, roles: [role]}]}]}: every plan that
    gives the district a role, oldest first; `status` is the plan's on `on`. `profile`: the
    district's profile when the caller has it already."""
    prof = profile if profile is not None else district_profile(ds, district_id, on)
    groups = {g["plan"]["id"]: g for g in prof["roles_by_plan"]}
    years: list[dict] = []
    for pid in plan_order(ds, groups):
        year = plan_year(ds.plans[pid])
        entry = {"plan": groups[pid]["plan"], "status": status_dict(ds, plan_status(ds, pid, on)),
                 "roles": [_role(r) for r in groups[pid]["items"]]}
        if years and years[-1]["year"] == year:
            years[-1]["plans"].append(entry)
        else:
            years.append({"year": year, "plans": [entry]})
    return {"district": prof["district"], "on": on.isoformat(), "years": years}
