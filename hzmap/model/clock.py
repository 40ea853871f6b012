"""Today's date, from one place. No Qt.

Whether a plan is in force, has ended or ends in N days depends on the day it is shown; every
view asks `today()`, which reads the computer's clock. Tests (and anything that must show the
plans as on a fixed day) set the day with `fixed(date)` instead of patching `datetime`.
`parse_day` reads a day the way a planner types one.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import re
import unicodedata
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


# -- a day as planners write it -----------------------------------------------------------------
_DAY = re.compile(r"(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))")


def parse_day(text: str) -> _dt.date | None:
    """The day in `text` as planners write one: 2027-06-01, 2027-6-1, 2027/6/1, 2027.6.1,
    20270601, 2027年6月1日 (full-width digits too). None when it is not one whole, real day."""
    text = unicodedata.normalize("NFKC", str(text or "")).strip()
    m = _DAY.fullmatch(text)
    if m is None:
        return None
    year, month, day = int(m[1]), int(m[2] or m[4]), int(m[3] or m[5])
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None
