"""A plan's status as the widgets show it: words in the View's language for the View's day, and
whether the View's "as of" day sets the plan's items aside (dimmed, or left out)."""
from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

from hzmap.model.dataset.lifecycle import plan_status
from hzmap.model.dataset.status_text import status_label, status_tag
from hzmap.model.view.filters import day_of, set_aside

DIMMED = QBrush(QColor("#9A9A9A"))


def status_words(ds, plan_id: str | None, view) -> str:
    """'已于 2025-12-31 到期' (or in English) for the View's day; '' for no plan."""
    if ds is None or plan_id not in ds.plans:
        return ""
    return status_label(ds, plan_status(ds, plan_id, day_of(view)), view.lang)


def hidden(ds, plan_id: str | None, view) -> bool:
    """The View's day sets the plan aside and the planner chose to hide such items."""
    return view.lapsed == "hide" and set_aside(ds, plan_id, view)


def dimmed(ds, plan_id: str | None, view) -> bool:
    return view.lapsed == "dim" and set_aside(ds, plan_id, view)


def status_short(ds, plan_id: str | None, view) -> str:
    """'2021–2025，已到期' (a few words, for a list) for the View's day; '' for no plan."""
    if ds is None or plan_id not in ds.plans:
        return ""
    return status_tag(ds, plan_status(ds, plan_id, day_of(view)), view.lang)
