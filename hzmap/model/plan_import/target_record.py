"""A target's record once its figure is known to be a goal: the comparator its words give, the
indicator it measures, its excerpt from the year that dates it, and the places it names."""
from __future__ import annotations

import re

from hzmap.model.dataset.comparators import comparator_at
from hzmap.model.geo.gazetteer import Gazetteer

from . import places
from .draft import Passage, Record
from .measured import indicator as measured_by
from .text import Document, excerpt

_REACH = re.compile(r"可达|通达|到达|通勤|以内|内")


def record(doc: Document, gaz: Gazetteer, plan_id: str, s: int, e: int, value: float, unit: str,
           note: str, clause: str, c_start: int, upto: str, sized_by: int, year: tuple,
           sent_start: int, flags: list[str]) -> Record:
    """The target at text[s:e] in its clause (from c_start); `upto` is the clause from sized_by
    on, without the words that size what a count counts (超千亿元 of 3个超千亿元的集群)."""
    text = doc.text
    comparator = comparator_at(upto, s - c_start - sized_by, e - c_start - sized_by)
    if note.startswith("a rank"):       # a place in a ranking: 前5位 is 5th or better
        comparator = "<="
    elif note.startswith("两位数"):      # double-digit growth: at least 10 %
        comparator = ">="
    elif note.startswith("a delivery time"):   # 1日达: within a day
        comparator = "<="
    elif unit in ("分钟", "小时") and _REACH.search(clause):   # 60分钟可达: within the hour
        comparator = "<="
    fig_at = s - c_start
    if re.search(r"每年|年均", clause[:fig_at]):      # a yearly figure: 每年…5项, 年均增长6%
        unit += "/年"
    indicator = measured_by(clause, fig_at, fig_at + (e - s)) if clause else ""
    ex_start = year[1] if sent_start <= year[1] < c_start and c_start - year[1] < 60 else c_start
    ex = excerpt(text, ex_start, c_start + len(clause))
    where = places.map_hits(text, places.find(gaz, text, c_start, c_start + len(clause)))
    # the gazetteer's mappings of a target's places are said; a layout's part is where the
    # planner decides what a name covers (layouts.py)
    notes = [f"interpretation: {n}" for n in where.notes]
    passage = Passage(doc.section_at(s), ex, ex_start, c_start + len(clause))
    data = {"id": "", "indicator": indicator[:60], "value": int(value) if value == int(value)
            else value, "unit": unit, "year": year[0], "comparator": comparator,
            "districts": [d for d in where.districts if not where.places], "places": where.places}
    if note:
        data["note"] = note
    data["source"] = passage.source(plan_id)
    return Record("target", data, [passage], flags, notes)
