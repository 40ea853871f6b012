"""Joining a table's rows to today's 13 districts through the gazetteer.

Every row ends in exactly one list, so none is dropped silently:
  matched   a district's own name or an alias (滨江, 滨江区, Binjiang, 330108, 330108.0, xihuqu,
            杭州市西湖区, 上 城 区)
  former    an abolished unit that is one district today (下城区 -> 拱墅区, 临安市 -> 临安区):
            joined, with the note
  split     an abolished unit that is several districts today (江干区 -> 上城区 + 钱塘区). Its
            value cannot be divided, so it is joined to none: each district it covers is flagged
            ("partial" if it has its own row too, "no data" otherwise) and the row is listed
  area      a town, zone or area (下沙, 大江东产业集聚区, 杭州经济技术开发区): a value for part
            of a district, not joined (never coloured as the district), listed
  total     全市 / 全  市 / 合 计 / 杭州市 / 市区 rows (the gazetteer's totals): listed, not drawn
  unmatched anything else, with a suggestion only where it can mean one unit (滨江去)
(hzmap.model.geo.names reads the forms.) Several rows for one district (a listing of flats, or
下城区 and 拱墅区 in a pre-2021 table) are not combined unless the layer's style says how
(combine "count", "sum", "mean" or "median"): whether a column adds up is the planner's call.
Notes say each name once with its number of rows ("1,848 rows 下城 → 拱墅区"), never per row.
"""
from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from hzmap.model.layers.columns import is_blank

STATUSES = ("matched", "former", "split", "area", "total", "unmatched")
JOINED = ("matched", "former")
COMBINE = (None, "count", "sum", "mean", "median")
_PART_KINDS = ("area", "township", "place")


class RowMatch(NamedTuple):       # a tuple: a listing makes one per row, 100,000 of them
    row: int                       # row number in the file
    text: str                      # the cell as written
    status: str                    # one of STATUSES
    districts: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class DistrictValue:
    district: str
    value: float                   # NaN when there is none to draw
    rows: tuple[int, ...]          # the rows it comes from
    flag: str = ""  # "", "partial", "split", "no data", "several rows", "sum", "mean", "empty"
    note: str = ""


@dataclass
class JoinResult:
    column: str
    rows: list[RowMatch]
    notes: list[str] = field(default_factory=list)

    def with_status(self, *statuses: str) -> list[RowMatch]:
        return [r for r in self.rows if r.status in statuses]

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for r in self.rows if r.status == s) for s in STATUSES}

    def rows_per_district(self) -> dict[str, int]:
        """Rows joined to each district (matched or former)."""
        out: Counter = Counter()
        for r in self.rows:
            if r.status in JOINED:
                out[r.districts[0]] += 1
        return dict(out)

    def is_listing(self) -> bool:
        """Many rows per district (flats, firms, projects), not one row per district."""
        per = sorted(self.rows_per_district().values())
        return bool(per) and per[len(per) // 2] > 1

    def district_values(self, values: dict[int, float], district_ids,
                        combine: str | None = None) -> dict[str, DistrictValue]:
        """Each district's value from `values` (row number -> number), flagged as the docstring
        of this module says. combine: None (several rows: no value), "count" (rows joined),
        "sum", "mean" or "median" of the rows' values."""
        own: dict[str, list[RowMatch]] = {d: [] for d in district_ids}
        split: dict[str, list[RowMatch]] = {d: [] for d in district_ids}
        for r in self.rows:
            target = own if r.status in JOINED else split if r.status == "split" else None
            for d in r.districts if target is not None else ():
                target.setdefault(d, []).append(r)
        out = {}
        for d in district_ids:
            rows, spans = own[d], split[d]
            span_note = "; ".join(f"{row_list([r.row for r in g])} {t}: {n}"
                                  for (t, n), g in _grouped(spans, lambda r: (r.text, r.note)))
            if combine == "count" and not rows:  # a district the listing does not cover: no data, not 0
                out[d] = DistrictValue(d, math.nan, (), "no data" if not spans else "split", span_note)
                continue
            if combine == "count":
                flag = "partial" if spans else ""
                out[d] = DistrictValue(d, float(len(rows)), tuple(r.row for r in rows[:20]), flag,
                                       f"{len(rows):,} row(s)" + (f"; {span_note}" if spans else ""))
                continue
            nums = [values.get(r.row, math.nan) for r in rows]
            if not rows:
                out[d] = DistrictValue(d, math.nan, (), "no data" if not spans else "split", span_note)
                continue
            ids = tuple(r.row for r in rows)
            finite = [v for v in nums if not math.isnan(v)]
            if len(rows) == 1:
                flag = "partial" if spans else ("empty" if not finite else "")
                out[d] = DistrictValue(d, nums[0], ids, flag, span_note or rows[0].note)
            elif combine in ("sum", "mean", "median") and finite:
                v = {"sum": math.fsum, "mean": statistics.fmean, "median": statistics.median}[combine](finite)
                out[d] = DistrictValue(d, v, ids[:20], combine,
                                       f"{combine} of {len(finite):,} value(s), {row_list(ids)}"
                                       + (f"; {span_note}" if spans else ""))
            else:
                out[d] = DistrictValue(d, math.nan, ids[:20], "several rows",
                                       f"{row_list(ids)} all name this district")
        return out


def row_list(rows, limit: int = 5) -> str:
    """'row 4', 'rows 2, 5, 9', 'rows 2, 5, 9, 12, 14 … (1,848 rows)'."""
    rows = list(rows)
    if len(rows) == 1:
        return f"row {rows[0]}"
    shown = ", ".join(str(r) for r in rows[:limit])
    return f"rows {shown}" + (f" … ({len(rows):,} rows)" if len(rows) > limit else "")


def _grouped(rows, key):
    """[(key, [rows])] in the order each key first appears."""
    groups: dict = {}
    for r in rows:
        groups.setdefault(key(r), []).append(r)
    return list(groups.items())


def grouped_rows(rows: list[RowMatch]) -> list[tuple[RowMatch, list[int]]]:
    """Rows that say the same (text, status, districts, note) once, with their row numbers."""
    return [(g[0], [r.row for r in g]) for _k, g in _grouped(rows, lambda r: (r.text, r.status, r.districts, r.note))]


def _suggest(text: str, gazetteer, names: dict[str, str]) -> str:
    """'did you mean 滨江区?' for a name one character off a unit's, said as today's name."""
    from hzmap.model.geo.names import suggest

    e = suggest(gazetteer, text)
    if e is None:
        return ""
    said = "、".join(names.get(d, d) for d in e.districts) if e.kind == "district" else e.name
    return f"did you mean {said}?"


def match_name(text, gazetteer, names: dict[str, str]) -> tuple[str, tuple[str, ...], str]:
    """(status, districts, note) for one cell. `names` maps district id -> Chinese name."""
    if is_blank(text):
        return "unmatched", (), "empty cell"
    label = str(text).strip()
    total = gazetteer.total(label)
    if total is not None:
        return "total", (), total
    entry = gazetteer.match(label)
    if entry is None:
        return "unmatched", (), _suggest(label, gazetteer, names)
    today = "、".join(names.get(d, d) for d in entry.districts)
    if entry.kind == "district":
        return "matched", entry.districts, entry.note if entry.interpretation else ""
    if entry.kind == "former":
        status = "former" if len(entry.districts) == 1 else "split"
        return status, entry.districts, f"{entry.note or 'a former name'} (today {today})"
    note = entry.note or ""
    return "area", entry.districts, (f"a part of {today}, not the whole district" + (f"; {note}" if note else ""))


def join_rows(column: str, cells, row_numbers, gazetteer, names: dict[str, str]) -> JoinResult:
    cache: dict = {}
    rows = []
    for c, n in zip(cells, row_numbers):
        try:
            found = cache.get(c)  # a listing names the same few districts thousands of times
        except TypeError:
            found, c = None, str(c)
        if found is None:
            found = cache[c] = ("" if is_blank(c) else str(c).strip(), *match_name(c, gazetteer, names))
        rows.append(RowMatch(int(n), *found))
    result = JoinResult(column, rows)
    formers = [r for r in rows if r.status in ("former", "split")]
    if formers:
        result.notes.append("former names joined to today's districts: " + "; ".join(
            f"{_count(g)}{r.text} → {'、'.join(names.get(d, d) for d in r.districts)}"
            for (_t, _d), g in _grouped(formers, lambda r: (r.text, r.districts)) for r in g[:1]))
        yuhang = [r for r in rows if r.status == "matched" and r.districts == ("yuhang",)]
        if yuhang and not any("linping" in r.districts for r in rows):
            result.notes.append(f"this table uses pre-2021 names and has no 临平区: its {yuhang[0].text} "
                                "may mean the old 余杭区 (today 余杭区 and 临平区)")
    parts = [r for r in rows if r.status == "area"]
    if parts:
        result.notes.append("parts of districts, not drawn as the district: " + "; ".join(
            f"{_count(g)}{g[0].text} (in {'、'.join(names.get(d, d) for d in g[0].districts)})"
            for _k, g in _grouped(parts, lambda r: (r.text, r.districts))))
    totals = [r for r in rows if r.status == "total"]
    if totals:
        result.notes.append("total rows, not drawn: " + "; ".join(
            f"{_count(g)}{g[0].text}" for _k, g in _grouped(totals, lambda r: r.text)))
    return result


def _count(group) -> str:
    return f"{len(group):,} rows " if len(group) > 1 else ""


def join_score(cells, gazetteer, distinct: int = 300) -> float:
    """Share of the filled cells that name a district, a former unit or a total. Each distinct
    cell is looked up once, the `distinct` most common only (a column of district names has a
    few dozen; one with thousands of distinct values names none)."""
    counts = Counter(str(c).strip() for c in cells if not is_blank(c))
    total = sum(counts.values())
    if not total:
        return 0.0
    hits = 0
    for key, n in counts.most_common(distinct):
        e = gazetteer.match(key)
        if (e is not None and e.kind in ("district", "former")) or gazetteer.total(key) is not None:
            hits += n
    return hits / total


def find_join_column(frame, gazetteer, columns=None) -> str | None:
    """The column that best names districts (half its cells at least), or None."""
    best, best_score = None, 0.5
    for c in columns if columns is not None else frame.columns:
        score = join_score(list(frame[c][:2000]), gazetteer)
        if score > best_score or (score == best_score and best is None and score > 0.5):
            best, best_score = c, score
    return best
