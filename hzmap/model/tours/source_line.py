"""A step's source line with its plan's period and status, as every picture of a tour says it:
the presentation's caption, the presenter view, a deck's slide. No Qt."""
from __future__ import annotations

import datetime as _dt

from hzmap.model import clock
from hzmap.model.dataset.status_text import source_note


def source_with_status(ds, step, lang: str = "zh", as_of: _dt.date | None = None) -> str:
    """“服务贸易“十四五”规划 §二(四)（规划期 2021–2025，已到期）”: the step's source, and its
    plan's status on `as_of` (None: today). A step without a plan's layout keeps its source."""
    source = (step.source(lang) or "").strip()
    layout = ds.layouts.get(step.layout) if ds is not None and step.layout else None
    if layout is None or layout.plan not in ds.plans:
        return source
    note = source_note(ds, layout.plan, as_of or clock.today(), lang, as_of is not None)
    if not source:
        return note
    return f"{source} ({note})" if lang == "en" else f"{source}（{note}）"
