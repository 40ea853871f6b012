"""A plan's status in words, the same in every view: the chooser and the inspector's label
("2026-12-31 到期（还有 24 天）"), the source line of an export or a slide ("规划期 2021–2025，已到期")
and the JSON of `hzmap query`. No Qt.
"""
from __future__ import annotations

import datetime as _dt
import re

from .lifecycle import (DRAFT, ENDED, ENDING, IN_FORCE, NOT_YET, SUPERSEDED, UNDATED, PlanStatus,
                        is_draft, plan_status, start_of, term)
from .lang import text_in


def _name(ds, plan_id: str | None, en: bool) -> str:
    plan = ds.plans.get(plan_id) if plan_id else None
    if plan is None:
        return plan_id or ""
    return plan.short_name_en or plan.short_name if en else f"《{plan.short_name}》"


def period_text(plan, lang: str = "zh") -> str:
    """'规划期 2021–2025', '有效期 2024-05-24 至 2026-12-31', '征求意见稿（2018-06）' or ''."""
    en = lang == "en"
    if is_draft(plan):
        when = f"{plan.issued}" if plan.issued else ""
        return (f"draft for comments ({when})" if when else "draft for comments") if en else \
            (f"征求意见稿（{when}）" if when else "征求意见稿")
    t = term(plan)
    if t.start is None:
        return ""
    if t.end is None:
        return f"in force from {t.start}" if en else f"自 {t.start} 起施行"
    if t.whole_years:
        years = f"{t.start.year}–{t.end.year}" if t.end.year != t.start.year else f"{t.start.year}"
        return f"plan period {years}" if en else f"规划期 {years}"
    return f"in force {t.start} to {t.end}" if en else f"有效期 {t.start} 至 {t.end}"


def status_label(ds, st: PlanStatus, lang: str = "zh") -> str:
    """The status on its own, with its dates: for the chooser, the inspector and search."""
    en, t = lang == "en", st.term
    by = _name(ds, st.replaced_by, en)
    if st.kind == IN_FORCE:
        if t.end is None:
            return "in force" if en else "现行有效"
        return f"in force to {t.end}" if en else f"有效至 {t.end}"
    if st.kind == ENDING:
        if st.days_left == 0:
            return f"ends today ({t.end})" if en else f"今日到期（{t.end}）"
        return f"ends {t.end} (in {st.days_left} days)" if en else \
            f"{t.end} 到期（还有 {st.days_left} 天）"
    if st.kind == ENDED:
        text = f"ended {t.end}" if en else f"已于 {t.end} 到期"
        if by:
            text += f"; continued by {by}" if en else f"，由{by}接续"
        return text
    if st.kind == NOT_YET:
        return f"not yet in force (from {t.start})" if en else f"尚未施行（{t.start} 起）"
    if st.kind == DRAFT:
        text = "draft for comments, never in force" if en else "征求意见稿，未生效"
        if by:
            text += f"; followed by {by}" if en else f"，后续文件为{by}"
        return text
    if st.kind == SUPERSEDED:
        since = ds.plans[st.replaced_by]
        return f"superseded by {by} (from {start_of(since)})" if en else \
            f"已由{by}取代（{start_of(since)} 起）"
    return "term not stated" if en else "施行期未载明"


def status_tag(ds, st: PlanStatus, lang: str = "zh") -> str:
    """The status in a few words, for a name in a list (the layout chooser shows it right after
    the layout's name): '2021–2025，已到期', '2026-12-31 到期，还有 24 天', '至 2027-11-14'."""
    en, t = lang == "en", st.term
    years = f"{t.start.year}–{t.end.year}" if t.whole_years and t.start and t.end else ""
    if st.kind == ENDED:
        when = years or str(t.end)
        return f"{when}, ended" if en else f"{when}，已到期"
    if st.kind == ENDING:
        return f"ends {t.end}, in {st.days_left} days" if en else \
            f"{t.end} 到期，还有 {st.days_left} 天"
    if st.kind == IN_FORCE:
        if t.end is None:
            return "in force" if en else "现行有效"
        return f"to {t.end}" if en else f"至 {t.end}"
    if st.kind == NOT_YET:
        return f"from {t.start}" if en else f"{t.start} 起施行"
    if st.kind == SUPERSEDED:
        return "superseded" if en else "已被取代"
    if st.kind == DRAFT:
        return "draft for comments" if en else "征求意见稿"
    return "term not stated" if en else "期限未载明"


def _short(ds, st: PlanStatus, en: bool) -> str:
    by = _name(ds, st.replaced_by, en)
    words = {
        IN_FORCE: ("现行有效", "in force"),
        ENDING: (f"还有 {st.days_left} 天到期", f"ends in {st.days_left} days"),
        ENDED: ("已到期" + (f"，由{by}接续" if by else ""),
                "ended" + (f", continued by {by}" if by else "")),
        NOT_YET: ("尚未施行", "not yet in force"),
        DRAFT: ("未生效", "never in force"),
        SUPERSEDED: (f"已由{by}取代", f"superseded by {by}"),
        UNDATED: ("施行期未载明", "term not stated"),
    }[st.kind]
    return words[1] if en else words[0]


def source_note(ds, plan_id: str, on: _dt.date, lang: str = "zh", as_of: bool = False) -> str:
    """'规划期 2021–2025，已到期' for a source line; with `as_of`, the day is said
    ('规划期 2021–2025，截至 2027-06-01 已到期')."""
    en = lang == "en"
    st = plan_status(ds, plan_id, on)
    plan = ds.plans[plan_id]
    period = period_text(plan, lang)
    title = text_in(lang, plan.title, plan.title_en)
    if st.kind == DRAFT and re.search(r"征求意见稿|draft", title or "", re.I):
        period = str(plan.issued or "")      # the title says it is a draft already
    status = _short(ds, st, en)
    if as_of:
        status = f"{status} as of {on}" if en else f"截至 {on} {status}"
    return f"{period}, {status}" if en and period else f"{period}，{status}" if period else status


def status_dict(ds, st: PlanStatus) -> dict:
    """The status as JSON: kind, dates, days left, what replaced the plan, and the words."""
    plan = ds.plans[st.plan]
    return {
        "kind": st.kind, "in_force": st.in_force, "on": st.on.isoformat(),
        "start": st.term.start.isoformat() if st.term.start else None,
        "end": st.term.end.isoformat() if st.term.end else None,
        "days_left": st.days_left, "replaced_by": st.replaced_by, "relation": st.relation,
        "label": status_label(ds, st), "label_en": status_label(ds, st, "en"),
        "period": period_text(plan), "period_en": period_text(plan, "en"),
    }
