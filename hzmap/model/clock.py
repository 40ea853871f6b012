"""Today's date, from one place. No Qt.

Whether a plan is in force, has ended or ends in N days depends on the day it is shown; every
view asks `today()`, which reads the computer's clock. Tests (and anything that must show the
plans as on a fixed day) set the day with `fixed(date)` instead of patching `datetime`.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
from typing import Callable, Iterator

_source: Callable[[], _dt.date] = _dt.date.today


def today() -> _dt.date:
    return _source()


def set_source(source: Callable[[], _dt.date] | None) -> None:
    """Read today's date from `source` from now on (None: the computer's clock)."""
    global _source
    _source = source if source is not None else _dt.date.today


@contextlib.contextmanager
def fixed(day: _dt.date) -> Iterator[_dt.date]:
    """Within the block, today is `day`."""
    before = _source
    set_source(lambda: day)
    try:
        yield day
    finally:
        set_source(before)
