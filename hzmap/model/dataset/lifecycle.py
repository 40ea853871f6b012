"""A plan's life: in force, ending, ended, not yet in force, a draft for comments, replaced by
another plan. No Qt.

Everything that shows a plan (the layout chooser, the inspector, the source reader, search,
exports, decks, the dossier, the command line) asks here, giving the day it shows the plans on:
today (hzmap.model.clock) or the planner's "as of" date.

A plan's term is its `in_force` period; a plan without one takes its period from its title, as
planners read it: “(2024—2026年)” is 2024-01-01 to 2026-12-31, “十五五” is 2026 to 2030. A draft
for comments (`draft: true`, or “征求意见稿” in its title) is never in force. A plan another
plan `supersedes` stops applying when that one takes effect; one another plan `continues` runs
its own term, and the successor carries it on.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

#: A plan that ends within this many days is shown as ending ("ends in N days").
ENDING_SOON_DAYS = 183

IN_FORCE, ENDING, ENDED, NOT_YET, DRAFT, SUPERSEDED, UNDATED = (
    "in_force", "ending", "ended", "not_yet", "draft", "superseded", "undated")
_DRAFT_WORDS = re.compile(r"征求意见稿|草案|送审稿")
_RANGE = re.compile(r"((?:19|20)\d\d)\s*[-—–~至]\s*((?:19|20)\d\d)(?!\d)")
_FIVE_YEAR = {"十三五": 2016, "十四五": 2021, "十五五": 2026, "十六五": 2031}


@dataclass(frozen=True)
class Term:
    start: _dt.date | None
    end: _dt.date | None
    whole_years: bool = False     # 1 January to 31 December: written "2021–2025"


@dataclass(frozen=True)
class PlanStatus:
    plan: str
    on: _dt.date
    kind: str
    term: Term
    days_left: int | None = None            # while in force with an end date
    replaced_by: str | None = None           # the successor that has taken over by `on`
    relation: str | None = None              # "supersedes" or "continues", for replaced_by

    @property
    def in_force(self) -> bool:
        return self.kind in (IN_FORCE, ENDING)


def is_draft(plan) -> bool:
    return bool(getattr(plan, "draft", False)) or bool(_DRAFT_WORDS.search(plan.title or ""))


def term(plan) -> Term:
    """The plan's period: `in_force`, else its `period` (2024-2026), else the years its title
    names, else unknown."""
    if plan.in_force is not None:
        start, end = plan.in_force.from_, plan.in_force.to
        whole = end is not None and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
        return Term(start, end, whole)
    m = _RANGE.search(getattr(plan, "period", None) or "") or _RANGE.search(plan.title or "")
    first = next((y for k, y in _FIVE_YEAR.items() if k in (plan.title or "")), None)
    years = (int(m.group(1)), int(m.group(2))) if m else (first, first + 4) if first else None
    if years and years[0] <= years[1]:
        return Term(_dt.date(years[0], 1, 1), _dt.date(years[1], 12, 31), True)
    return Term(None, None)


def start_of(plan) -> _dt.date | None:
    """When the plan begins: its term's start, else its date of issue (a month: its first day)."""
    t = term(plan)
    if t.start is not None:
        return t.start
    issued = plan.issued
    if isinstance(issued, _dt.date):
        return issued
    if isinstance(issued, str):
        year, _, month = issued.partition("-")
        return _dt.date(int(year), int(month or 1), 1)
    return plan.published


def successors(ds, plan_id: str) -> list[tuple[str, str]]:
    """[(plan id, "supersedes" | "continues")] of the plans that name `plan_id`, earliest first."""
    out = [(p.id, rel) for p in ds.plans.values()
           for rel in ("supersedes", "continues") if plan_id in getattr(p, rel, ())]
    return sorted(out, key=lambda x: (start_of(ds.plans[x[0]]) or _dt.date.max, x[0]))


def predecessors(ds, plan_id: str) -> list[tuple[str, str]]:
    """[(plan id, relation)] of the plans `plan_id` supersedes or continues."""
    plan = ds.plans[plan_id]
    return [(p, rel) for rel in ("supersedes", "continues") for p in getattr(plan, rel, ())
            if p in ds.plans]


def plan_status(ds, plan_id: str, on: _dt.date) -> PlanStatus:
    plan = ds.plans[plan_id]
    t = term(plan)
    taken_over = [(s, rel) for s, rel in successors(ds, plan_id)
                  if (start_of(ds.plans[s]) or _dt.date.max) <= on and not is_draft(ds.plans[s])]
    by, rel = taken_over[-1] if taken_over else (None, None)
    if is_draft(plan):
        return PlanStatus(plan_id, on, DRAFT, t, replaced_by=by, relation=rel)
    if rel == "supersedes":
        return PlanStatus(plan_id, on, SUPERSEDED, t, replaced_by=by, relation=rel)
    if t.start is None:
        return PlanStatus(plan_id, on, UNDATED, t, replaced_by=by, relation=rel)
    if on < t.start:
        return PlanStatus(plan_id, on, NOT_YET, t)
    if t.end is not None and on > t.end:
        return PlanStatus(plan_id, on, ENDED, t, replaced_by=by, relation=rel)
    left = (t.end - on).days if t.end is not None else None
    kind = ENDING if left is not None and left <= ENDING_SOON_DAYS else IN_FORCE
    return PlanStatus(plan_id, on, kind, t, days_left=left, replaced_by=by, relation=rel)


def in_force_on(ds, plan_id: str, on: _dt.date) -> bool:
    return plan_id in ds.plans and plan_status(ds, plan_id, on).in_force


def layouts_in_force(ds, on: _dt.date) -> list[str]:
    """The layouts whose plan is in force on `on`, in dataset order."""
    return [lid for lid, lay in ds.layouts.items() if in_force_on(ds, lay.plan, on)]


def successor_layouts(ds, layout_id: str) -> list[str]:
    """The layouts of the plans that continue or supersede this layout's plan ("what replaced
    this"), earliest plan first."""
    plan = ds.layouts[layout_id].plan
    return [lid for succ, _ in successors(ds, plan) for lid, lay in ds.layouts.items()
            if lay.plan == succ]


#: The layout chooser's groups, in order: (key, Chinese heading, English heading, the kinds in it)
GROUPS = (("in_force", "现行有效", "In force", (IN_FORCE, ENDING)),
          ("not_yet", "尚未施行", "Not yet in force", (NOT_YET,)),
          ("lapsed", "已到期或被取代", "Ended or replaced", (ENDED, SUPERSEDED)),
          ("draft", "征求意见稿", "Drafts for comments", (DRAFT,)),
          ("undated", "施行期未载明", "Term not stated", (UNDATED,)))


def layout_groups(ds, on: _dt.date) -> list[tuple[tuple, list[tuple[str, PlanStatus]]]]:
    """[(group, [(layout id, its plan's status)])] for the groups that have layouts: the layouts
    in force on `on` first, then those not yet in force, ended, drafts and undated."""
    by_kind: dict[str, list] = {}
    for lid, lay in ds.layouts.items():
        if lay.plan in ds.plans:
            st = plan_status(ds, lay.plan, on)
            by_kind.setdefault(st.kind, []).append((lid, st))
    out = []
    for group in GROUPS:
        items = [x for kind in group[3] for x in by_kind.get(kind, [])]
        if items:   # by plan, as plans.yaml lists them, then as the layouts are read
            plans, layouts = list(ds.plans), list(ds.layouts)
            out.append((group, sorted(items, key=lambda x: (plans.index(ds.layouts[x[0]].plan),
                                                            layouts.index(x[0])))))
    return out
