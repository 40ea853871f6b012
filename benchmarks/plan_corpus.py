"""Scoring the plan importer on the corpus of real public texts in tests/data/plans/.

Each text `<id>.txt` has `<id>.yaml` beside it: its source address and licence note, and the
draft a careful planner would make of it (see tests/data/plans/README.md). A draft is scored
per record type as (expected, drafted, expected recovered, drafted that match):

  layouts   a drafted layout whose slogan is an expected layout's (optional ones count neither way)
  parts     a part of a found layout whose drafted elements together name exactly the expected
            districts, or, expected empty, name none and are flagged as needing a place
  invented  districts drafted for a part that the planner would not give it (any district of a
            layout outside Hangzhou); the figure is the count
  measures  a drafted measure whose text holds the expected measure's opening words
  units     of found measures: the same lead unit and the same set of units
  targets   value, unit and year (year null: any year; a list of values: any of them)
  title / issuer / doc_number / issued / period: equal where the text states them
  excerpts  drafted passages found verbatim (whitespace aside) in the text as read
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "plans"
PLAN_FIELDS = ("title", "issuer", "doc_number", "issued", "period")


def squash(s) -> str:
    return re.sub(r"\s+", "", str(s or ""))


def norm(s) -> str:
    """Names compared without spaces, quotes, brackets or list punctuation."""
    return re.sub(r"[\s,，、()（）“”\"‘’'《》—\-–+＋·]", "", str(s or ""))


def unit_key(u: str) -> str:
    """A target's unit compared without 年/brackets, in simplified characters (個 is 个)."""
    from hzmap.model.plan_import.script import _table

    return re.sub(r"/年|\(.*?\)|（.*?）", "", str(u or "")).translate(_table())


def cases(holdout: bool = False, round_: int | None = None) -> list[tuple[Path, dict]]:
    """(text path, expectations) of the corpus; the held-out texts only when asked for, and of
    one round of holding out when `round_` is given (a text with no `round` is of round 1)."""
    out = []
    for meta in sorted(CORPUS.glob("*.yaml")):
        exp = yaml.safe_load(meta.read_text(encoding="utf-8")) or {}
        if bool(exp.get("holdout")) != holdout:
            continue
        if round_ is not None and int(exp.get("round") or 1) != round_:
            continue
        out.append((meta.with_suffix(".txt"), exp))
    return out


def _part_of(el) -> set[str]:
    """The part an element is of, as counted (一湾) and as the slogan writes it, with what the
    part is to do (一湾极化): an expectation may name it either way."""
    return {norm(x) for x in (getattr(el, "part", ""), str(el.data.get("name", "")).split("·")[0])
            if x}


def score(draft, exp: dict, raw_text: str) -> dict[str, tuple[int, int, int, int]]:
    out: dict[str, tuple[int, int, int, int]] = {}
    # layouts and their parts
    expected = {norm(x["name"]): x for x in exp.get("layouts") or []}
    optional = {norm(x) for x in exp.get("optional_layouts") or []}
    drafted = [lay for lay in draft.layouts if norm(lay.data["name"]) not in optional]
    found = [lay for lay in drafted if norm(lay.data["name"]) in expected]
    out["layouts"] = (len(expected), len(drafted), len({norm(x.data["name"]) for x in found}),
                      len(found))
    t = r = invented = 0
    by_name = {norm(lay.data["name"]): lay for lay in found}
    for key, want in expected.items():
        lay = by_name.get(key)
        for label, districts in (want.get("parts") or {}).items():
            t += 1
            els = [el for el in (lay.children if lay else []) if norm(label) in _part_of(el)]
            got = {d for el in els for d in el.data.get("districts", [])}
            wanted = set(districts or [])
            if want.get("outside"):
                invented += len(got)
            else:
                invented += len(got - wanted)
            if not els:
                continue
            if wanted and got == wanted:
                r += 1
            elif not wanted and not got and all(
                    any("place" in f for f in el.flags) for el in els):
                r += 1
    out["parts"] = (t, t, r, r)
    out["invented"] = (0, 0, invented, invented)
    # measures
    text = draft.document.written      # (a traditional repost as the page writes it)
    starts = [m.passages[0].start for m in draft.measures] + [len(text)]
    regions = [squash(text[s:max(e, s + 1)]) for s, e in zip(starts, starts[1:])]
    want_m = exp.get("measures") or []
    hit = [next((i for i, reg in enumerate(regions) if squash(m["excerpt"]) in reg), None)
           for m in want_m]
    used = {i for i in hit if i is not None}
    out["measures"] = (len(want_m), len(draft.measures), len(used), len(used))
    same = 0
    for m, i in zip(want_m, hit):
        if i is None:
            continue
        d = draft.measures[i].data
        lead = (d.get("lead_units") or [""])[0]
        if norm(lead) == norm(m.get("lead", "")) and \
                {norm(u) for u in d.get("units", [])} == {norm(u) for u in m.get("units", [])}:
            same += 1
    found_m = len([i for i in hit if i is not None])
    out["units"] = (found_m, found_m, same, same)
    # targets
    def matches(t, d) -> bool:
        values = t["value"] if isinstance(t["value"], list) else [t["value"]]
        return (any(round(float(d["value"]), 1) == round(float(v), 1) for v in values)
                and unit_key(d["unit"]) == unit_key(t["unit"])
                and (t.get("year") is None or (d.get("year") is not None
                                                and int(d["year"]) == int(t["year"]))))
    want_t = exp.get("targets") or []
    opt_t = exp.get("optional_targets") or []
    # (an optional target counts neither way, unless the drafted one is also an expected one)
    got_t = [x.data for x in draft.targets if any(matches(t, x.data) for t in want_t) or not any(
        matches({**o, "year": None}, x.data) for o in opt_t)]
    taken: set[int] = set()
    rec = 0
    for t in want_t:
        i = next((k for k, d in enumerate(got_t) if k not in taken and matches(t, d)), None)
        if i is not None:
            taken.add(i)
            rec += 1
    prec = sum(1 for d in got_t if any(matches(t, d) for t in want_t))
    out["targets"] = (len(want_t), len(got_t), rec, prec)
    # the plan record
    plan = exp.get("plan") or {}
    for key in PLAN_FIELDS:
        if key not in plan:
            continue
        want = plan[key] if isinstance(plan[key], list) else [plan[key]]
        got = draft.plan.data.get(key)
        ok = any(norm(got) == norm(w) if key != "issued" else str(got) == str(w) for w in want)
        out[key] = (1, 1, int(ok), int(ok))
    # excerpts
    raw = squash(raw_text)
    passages = [p for rec_ in draft.records() for p in rec_.passages]
    verbatim = sum(1 for p in passages if squash(p.excerpt) in raw)
    out["excerpts"] = (len(passages), len(passages), verbatim, verbatim)
    return out


def run(dataset, holdout: bool = False, detail: bool = False, round_: int | None = None):
    """Rows (one per text and record type) and totals over the corpus."""
    from hzmap.model.plan_import import draft_plan, read_document

    rows, totals = [], {}
    for path, exp in cases(holdout, round_):
        source = read_document(path)
        draft = draft_plan(source, dataset, plan_id="bench")
        for kind, vals in score(draft, exp, source.text).items():
            rows.append({"plan": path.stem, "type": kind, "expected": vals[0], "drafted": vals[1],
                         "recovered": vals[2], "matching": vals[3]})
            acc = totals.setdefault(kind, [0, 0, 0, 0])
            for i, v in enumerate(vals):
                acc[i] += v
    return rows, totals
