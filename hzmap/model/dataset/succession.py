"""Which plan a new plan follows: the suggestion the review window offers for `continues` and
`supersedes`. No Qt.

Chinese plans that follow one another share their title but for the period: “杭州市服务贸易发展
“十四五”规划” → “…“十五五”规划”, “…三年行动计划(2024—2026年)” → “…(2027—2029年)”; the final
text of a 征求意见稿 has its title without the draft mark. So a plan whose title, with the
period and the draft mark taken out, is the new plan's is suggested: `continues` for an earlier
term, `supersedes` for a draft of the same text. The planner confirms or changes it.
"""
from __future__ import annotations

import datetime as _dt
import difflib
import re
from dataclasses import dataclass

from .lifecycle import is_draft, start_of

_PERIOD = re.compile(r"[“”\"'《》]|[(（]\s*(?:19|20)\d\d\s*[-—–~至]\s*(?:19|20)\d\d\s*年?\s*[)）]"
                     r"|(?:19|20)\d\d\s*[-—–~至]\s*(?:19|20)\d\d\s*年?|十[三四五六]五|"
                     r"[(（](?:征求意见稿|草案|送审稿|试行)[)）]|征求意见稿|\s+")
MIN_LIKENESS = 0.9


@dataclass(frozen=True)
class Suggestion:
    plan: str          # the earlier plan's id
    relation: str      # "continues" or "supersedes"
    likeness: float    # 1.0: the same title but for the period


def title_stem(title: str) -> str:
    """The title without its period, quotes and draft mark: what a plan and its successor share."""
    return _PERIOD.sub("", title or "")


def _start(plan_data: dict) -> _dt.date | None:
    frm = (plan_data.get("in_force") or {}).get("from")
    if isinstance(frm, _dt.date):
        return frm
    issued = plan_data.get("issued")
    if isinstance(issued, _dt.date):
        return issued
    if isinstance(issued, str) and issued[:4].isdigit():
        return _dt.date(int(issued[:4]), 1, 1)
    m = re.search(r"((?:19|20)\d\d)\s*[-—–~至]\s*(?:19|20)\d\d",
                  plan_data.get("period") or plan_data.get("title") or "")
    fyp = {"十三五": 2016, "十四五": 2021, "十五五": 2026, "十六五": 2031}
    year = int(m.group(1)) if m else next((y for k, y in fyp.items()
                                          if k in (plan_data.get("title") or "")), None)
    return _dt.date(year, 1, 1) if year else None


def likely_predecessors(ds, plan_data: dict) -> list[Suggestion]:
    """The plans of `ds` the new plan (its record's fields: title, issued, in_force) most likely
    follows, best first: an earlier plan or a draft with the same title but for the period."""
    stem = title_stem(plan_data.get("title", ""))
    if len(stem) < 4:
        return []
    mine = _start(plan_data)
    again = {pid for pid, _why in same_plans(ds, plan_data)}  # the same plan: not a predecessor
    out = []
    for plan in ds.plans.values():
        if plan.id == plan_data.get("id") or plan.id in again:
            continue
        likeness = difflib.SequenceMatcher(None, stem, title_stem(plan.title)).ratio()
        theirs = start_of(plan)
        if likeness < MIN_LIKENESS or (mine and theirs and theirs > mine):
            continue
        out.append((Suggestion(plan.id, "supersedes" if is_draft(plan) else "continues",
                               round(likeness, 3)), theirs or _dt.date.min))
    out.sort(key=lambda x: (-x[0].likeness, -x[1].toordinal()))
    return [s for s, _ in out]


_QUOTES = re.compile(r"[“”\"'《》〈〉「」\s]+")


def _period_of(plan_data: dict) -> str | None:
    start = _start(plan_data)
    return str(start.year) if start else None


def same_plans(ds, plan_data: dict) -> list[tuple[str, str]]:
    """The plans of `ds` that are the plan `plan_data` describes, imported again: (id, why).

    The same 文号, or the same title (quotes and spaces aside) for the same period: a plan and
    its successor share a title but not a period (likely_predecessors), a re-import shares
    both. Both ways are how Chinese policy documents name one document."""
    mine = plan_data.get("id")
    number = _QUOTES.sub("", str(plan_data.get("doc_number") or ""))
    title = _QUOTES.sub("", str(plan_data.get("title") or ""))
    start = _period_of(plan_data)
    out = []
    for plan in ds.plans.values():
        if plan.id == mine:
            continue
        if number and _QUOTES.sub("", plan.doc_number or "") == number:
            out.append((plan.id, f"the same 文号 {plan.doc_number}"))
            continue
        theirs = start_of(plan)
        if len(title) >= 4 and _QUOTES.sub("", plan.title) == title and \
                (start is None or theirs is None or str(theirs.year) == start):
            out.append((plan.id, f"the same title 《{plan.title}》"
                        + (f", from {theirs.year}" if theirs and start else "")))
    return out
