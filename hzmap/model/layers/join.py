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
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from hzmap.model.layers.columns import MISSING, head_of, is_blank

STATUSES = ("matched", "former", "split", "area", "total", "unmatched")
_MISSING_LEN = max(map(len, MISSING))
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


class JoinResult:
    """Every row's match. A column names a few dozen distinct cells however long the table is:
    each is matched once (`found[k]`: text, status, districts, note) and each row keeps only the
    number of its match (`codes`), so counts, districts' rows and values are worked out per
    distinct cell; the rows as RowMatch tuples are made only when asked for (`rows`)."""

    def __init__(self, column: str, numbers, codes, found: list[tuple], notes=None) -> None:
        self.column, self.found = column, found
        self.numbers = np.asarray(numbers, dtype=np.int64)   # each row's number in the file
        self.codes = np.asarray(codes, dtype=np.intp)        # each row's match in `found`
        self.notes: list[str] = list(notes or [])
        self._rows: list[RowMatch] | None = None
        order = np.argsort(self.codes, kind="stable")  # rows by match, each match's in table order
        self._starts = np.concatenate([[0], np.cumsum(np.bincount(self.codes, minlength=len(found)))])
        self._order = order

    @property
    def rows(self) -> list[RowMatch]:
        if self._rows is None:
            found = self.found
            self._rows = [RowMatch(n, *found[k]) for n, k in zip(self.numbers.tolist(), self.codes.tolist())]
        return self._rows

    def _positions(self, codes) -> np.ndarray:
        """Where the rows of the matches `codes` are, in table order."""
        parts = [self._order[self._starts[k]:self._starts[k + 1]] for k in codes]
        if not parts:
            return np.empty(0, dtype=np.intp)
        return parts[0] if len(parts) == 1 else np.sort(np.concatenate(parts))

    def _first(self, k: int) -> int:
        return int(self._order[self._starts[k]])

    def _grouped(self, codes, key) -> list[tuple[list[int], int]]:
        """The matches `codes` grouped by key(found[k]): [(codes, rows)] in the order each key
        first appears in the table."""
        groups: dict = {}
        for k in sorted(codes, key=self._first):
            groups.setdefault(key(self.found[k]), []).append(k)
        return [(g, int(sum(self._starts[k + 1] - self._starts[k] for k in g))) for g in groups.values()]

    def _with(self, *statuses: str) -> list[int]:
        return [k for k, f in enumerate(self.found) if f[1] in statuses]

    def with_status(self, *statuses: str) -> list[RowMatch]:
        return [r for r in self.rows if r.status in statuses]

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATUSES, 0)
        for k, f in enumerate(self.found):
            if f[1] in out:
                out[f[1]] += int(self._starts[k + 1] - self._starts[k])
        return out

    def rows_per_district(self) -> dict[str, int]:
        """Rows joined to each district (matched or former), in the order they first appear."""
        out: dict[str, int] = {}
        for k in sorted(self._with(*JOINED), key=self._first):
            d = self.found[k][2][0]
            out[d] = out.get(d, 0) + int(self._starts[k + 1] - self._starts[k])
        return out

    def is_listing(self) -> bool:
        """Many rows per district (flats, firms, projects), not one row per district."""
        per = sorted(self.rows_per_district().values())
        return bool(per) and per[len(per) // 2] > 1

    def district_values(self, values: dict[int, float], district_ids,
                        combine: str | None = None) -> dict[str, DistrictValue]:
        """Each district's value from `values` (row number -> number; not read for "count"),
        flagged as the docstring of this module says. combine: None (several rows: no value),
        "count" (rows joined), "sum", "mean" or "median" of the rows' values."""
        own: dict[str, list[int]] = {d: [] for d in district_ids}
        split: dict[str, list[int]] = {d: [] for d in district_ids}
        for k, (_text, status, districts, _note) in enumerate(self.found):
            target = own if status in JOINED else split if status == "split" else None
            for d in districts if target is not None else ():
                target.setdefault(d, []).append(k)
        out = {}
        for d in district_ids:
            at = self._positions(own[d])
            rows, spans = self.numbers[at].tolist(), bool(split[d])
            span_note = "; ".join(f"{row_list(self.numbers[self._positions(g)].tolist())} {self.found[g[0]][0]}: "
                                  f"{self.found[g[0]][3]}" for g, _n in self._grouped(split[d], lambda f: (f[0], f[3])))
            if not rows:
                out[d] = DistrictValue(d, math.nan, (), "no data" if not spans else "split", span_note)
                continue
            if combine == "count":
                flag = "partial" if spans else ""
                out[d] = DistrictValue(d, float(len(rows)), tuple(rows[:20]), flag,
                                       f"{len(rows):,} row(s)" + (f"; {span_note}" if spans else ""))
                continue
            nums = [values.get(r, math.nan) for r in rows]
            ids = tuple(rows)
            finite = [v for v in nums if not math.isnan(v)]
            if len(rows) == 1:
                flag = "partial" if spans else ("empty" if not finite else "")
                out[d] = DistrictValue(d, nums[0], ids, flag, span_note or self.found[self.codes[at[0]]][3])
            elif combine in ("sum", "mean", "median") and finite:
                import statistics  # not imported by a table that is not combined

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
    """Each distinct cell matched once (a listing names the same few districts thousands of
    times), each row given the number of its match."""
    cells = list(cells)
    try:
        distinct = {c: k for k, c in enumerate(dict.fromkeys(cells))}
    except TypeError:  # an unhashable cell is matched by its text
        cells = [_hashable(c) for c in cells]
        distinct = {c: k for k, c in enumerate(dict.fromkeys(cells))}
    found = [("" if is_blank(c) else str(c).strip(), *match_name(c, gazetteer, names)) for c in distinct]
    codes = np.fromiter(map(distinct.__getitem__, cells), dtype=np.intp, count=len(cells))
    numbers = row_numbers if isinstance(row_numbers, np.ndarray) else list(row_numbers)
    result = JoinResult(column, np.asarray(numbers, dtype=np.int64), codes, found)
    formers = result._grouped(result._with("former", "split"), lambda f: (f[0], f[2]))
    if formers:
        result.notes.append("former names joined to today's districts: " + "; ".join(
            f"{_count(n)}{found[g[0]][0]} → {'、'.join(names.get(d, d) for d in found[g[0]][2])}" for g, n in formers))
        yuhang = sorted((k for k in result._with("matched") if found[k][2] == ("yuhang",)), key=result._first)
        if yuhang and not any("linping" in f[2] for f in found):
            result.notes.append(f"this table uses pre-2021 names and has no 临平区: its {found[yuhang[0]][0]} "
                                "may mean the old 余杭区 (today 余杭区 and 临平区)")
    parts = result._grouped(result._with("area"), lambda f: (f[0], f[2]))
    if parts:
        result.notes.append("parts of districts, not drawn as the district: " + "; ".join(
            f"{_count(n)}{found[g[0]][0]} (in {'、'.join(names.get(d, d) for d in found[g[0]][2])})"
            for g, n in parts))
    totals = result._grouped(result._with("total"), lambda f: f[0])
    if totals:
        result.notes.append("total rows, not drawn: " + "; ".join(f"{_count(n)}{found[g[0]][0]}" for g, n in totals))
    return result


def _hashable(cell):
    try:
        hash(cell)
    except TypeError:
        return str(cell)
    return cell


def _count(n: int) -> str:
    return f"{n:,} rows " if n > 1 else ""


def join_score(cells, gazetteer, distinct: int = 300, beat: float | None = None) -> float:
    """Share of the filled cells that name a district, a former unit or a total. Each distinct
    cell is looked up once, the `distinct` most common only (a column of district names has a
    few dozen; one with thousands of distinct values names none). With `beat`, the looking up
    stops once the share can no longer exceed it (a column of names or codes): at most `beat`."""
    cells = list(cells)
    if set(map(type, cells)) == {str}:  # text: each distinct cell looked at once (is_blank's test)
        counts = Counter(cells)
        if list(map(str.strip, counts)) == list(counts):  # no cell to strip: only blanks to leave out
            for key in [k for k in counts if len(k) <= _MISSING_LEN and k.lower() in MISSING]:
                del counts[key]
        else:
            counts = Counter()
            for c, n in Counter(cells).items():
                key = c.strip()
                if key.lower() not in MISSING:
                    counts[key] += n
    else:
        counts = Counter(str(c).strip() for c in cells if not is_blank(c))
    total = sum(counts.values())
    if not total:
        return 0.0
    hits, common = 0, counts.most_common(distinct)
    left = sum(n for _key, n in common)
    for key, n in common:
        if beat is not None and (hits + left) / total <= beat:
            return (hits + left) / total
        left -= n
        e = gazetteer.match(key)
        if (e is not None and e.kind in ("district", "former")) or gazetteer.total(key) is not None:
            hits += n
    return hits / total


def find_join_column(frame, gazetteer, columns=None) -> str | None:
    """The column that best names districts (half its cells at least), or None."""
    best, best_score = None, 0.5
    for c in columns if columns is not None else frame.columns:
        score = join_score(head_of(frame, c, 2000), gazetteer, beat=best_score)    # a Frame's as read
        if score > best_score or (score == best_score and best is None and score > 0.5):
            best, best_score = c, score
    return best
