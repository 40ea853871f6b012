"""Joining a table's rows to today's 13 districts through the gazetteer.

Every row ends in exactly one list, so none is dropped silently:
  matched   a district's own name or an alias (滨江, 滨江区, Binjiang, 330108, 330108.0)
  former    a pre-2021 unit that is one district today (下城区 -> 拱墅区): joined, with the note
  split     a pre-2021 unit that is several districts today (江干区 -> 上城区 + 钱塘区). Its value
            cannot be divided, so it is joined to none: each district it covers is flagged
            ("partial" if it has its own row too, "no data" otherwise) and the row is listed
  area      a town or area (下沙, 良渚): a value for part of a district, not joined, listed
  total     合计 / 全市 / 杭州市 rows: listed, not drawn
  unmatched anything else, with the nearest name as a suggestion (a typo such as 滨江去)
Two rows for one district (下城区 and 拱墅区 in a pre-2021 table) are not added up unless the
layer's style says so (combine "sum" or "mean"): whether a column adds up is the planner's call.
"""
from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field

from hzmap.model.layers.columns import is_blank

TOTAL_NAMES = {"合计", "总计", "小计", "全市", "全市合计", "杭州市", "杭州", "市区", "全市总计",
               "total", "sum", "all", "hangzhou"}
STATUSES = ("matched", "former", "split", "area", "total", "unmatched")
JOINED = ("matched", "former")


@dataclass(frozen=True)
class RowMatch:
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

    def district_values(self, values: dict[int, float], district_ids,
                        combine: str | None = None) -> dict[str, DistrictValue]:
        """Each district's value from `values` (row number -> number), flagged as the docstring
        of this module says. combine: None (several rows: no value), "sum" or "mean"."""
        own: dict[str, list[RowMatch]] = {d: [] for d in district_ids}
        split: dict[str, list[RowMatch]] = {d: [] for d in district_ids}
        for r in self.rows:
            target = own if r.status in JOINED else split if r.status == "split" else None
            for d in r.districts if target is not None else ():
                target.setdefault(d, []).append(r)
        out = {}
        for d in district_ids:
            rows, spans = own[d], split[d]
            nums = [values.get(r.row, math.nan) for r in rows]
            span_note = "; ".join(f"row {r.row} {r.text}: {r.note}" for r in spans)
            if not rows:
                out[d] = DistrictValue(d, math.nan, (), "no data" if not spans else "split", span_note)
                continue
            ids = tuple(r.row for r in rows)
            finite = [v for v in nums if not math.isnan(v)]
            if len(rows) == 1:
                flag = "partial" if spans else ("empty" if not finite else "")
                out[d] = DistrictValue(d, nums[0], ids, flag, span_note or rows[0].note)
            elif combine in ("sum", "mean") and finite:
                v = sum(finite) if combine == "sum" else sum(finite) / len(finite)
                out[d] = DistrictValue(d, v, ids, combine,
                                       f"{combine} of rows {', '.join(map(str, ids))}" + (f"; {span_note}" if spans else ""))
            else:
                out[d] = DistrictValue(d, math.nan, ids, "several rows",
                                       f"rows {', '.join(map(str, ids))} all name this district")
        return out


def _suggest(text: str, gazetteer, names: dict[str, str]) -> str:
    """'did you mean 滨江区?' for a typo: the nearest form, said as the district's own name."""
    forms = [e.name for e in gazetteer.entries if e.kind in ("district", "former")]
    close = difflib.get_close_matches(text, forms, n=1, cutoff=0.6)
    if not close:
        return ""
    e = gazetteer.lookup(close[0])
    said = names.get(e.districts[0], close[0]) if e.kind == "district" else close[0]
    return f"did you mean {said}?"


def match_name(text, gazetteer, names: dict[str, str]) -> tuple[str, tuple[str, ...], str]:
    """(status, districts, note) for one cell. `names` maps district id -> Chinese name."""
    if is_blank(text):
        return "unmatched", (), "empty cell"
    label = str(text).strip()
    entry = gazetteer.lookup(label)
    if entry is None:
        if label.casefold() in TOTAL_NAMES or label.endswith(("合计", "总计")):
            return "total", (), "a total row"
        return "unmatched", (), _suggest(label, gazetteer, names)
    today = "、".join(names.get(d, d) for d in entry.districts)
    if entry.kind == "district":
        return "matched", entry.districts, entry.note if entry.interpretation else ""
    if entry.kind == "former":
        status = "former" if len(entry.districts) == 1 else "split"
        return status, entry.districts, f"{entry.note or 'a pre-2021 name'} (today {today})"
    return "area", entry.districts, f"an area in {today}, not a whole district"


def join_rows(column: str, cells, row_numbers, gazetteer, names: dict[str, str]) -> JoinResult:
    rows = [RowMatch(int(n), "" if is_blank(c) else str(c).strip(), *match_name(c, gazetteer, names))
            for c, n in zip(cells, row_numbers)]
    result = JoinResult(column, rows)
    formers = [r for r in rows if r.status in ("former", "split")]
    if formers:
        result.notes.append("pre-2021 names joined to today's districts: "
                            + "; ".join(f"{r.text} -> {'、'.join(names.get(d, d) for d in r.districts)}"
                                        for r in formers))
        yuhang = [r for r in rows if r.status == "matched" and r.districts == ("yuhang",)]
        if yuhang and not any("linping" in r.districts for r in rows):
            result.notes.append(f"this table uses pre-2021 names and has no 临平区: its {yuhang[0].text} "
                                "may mean the old 余杭区 (today 余杭区 and 临平区)")
    return result


def join_score(cells, gazetteer) -> float:
    """Share of the filled cells that name a district or a former unit."""
    filled = [c for c in cells if not is_blank(c)]
    if not filled:
        return 0.0
    hits = 0
    for c in filled:
        e = gazetteer.lookup(str(c).strip())
        hits += e is not None and e.kind in ("district", "former")
    return hits / len(filled)


def find_join_column(frame, gazetteer, columns=None) -> str | None:
    """The column that best names districts (half its cells at least), or None."""
    best, best_score = None, 0.5
    for c in columns if columns is not None else frame.columns:
        score = join_score(frame[c].tolist()[:2000], gazetteer)
        if score > best_score or (score == best_score and best is None and score > 0.5):
            best, best_score = c, score
    return best
