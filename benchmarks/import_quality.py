"""How well the plan importer recovers the dataset from the source documents' text alone.

    python benchmarks/import_quality.py [--no-places] [--json] [--holdout [--round N]] [--detail]

The five source documents first, then the corpus of real public texts (tests/data/plans/,
scored by benchmarks/plan_corpus.py); `--holdout` scores the held-out texts instead of the
development ones (`--round N` only those held out in round N), `--detail` prints the corpus per
text.

Drafts each source document (geodata/sources/ when shipped there, else the seeds folder) and
compares the draft with geodata/dataset, per record type:
  layouts   a drafted layout whose name is the dataset layout's name
  elements  (of matched layouts) an element with exactly the dataset element's districts
  measures  a drafted measure whose text holds the dataset measure's excerpt
  units     (of matched measures) the same 责任单位 list, lead first
  targets   a drafted target with the same value, unit and year (comparator agreement shown)
  plan      title, issuer and date of issue equal
Recall = dataset records recovered / dataset records; precision = drafted records that match a
dataset record / drafted records. The national plan (nst2021) has no measures or targets in the
dataset by choice, so its drafted ones are not counted against precision.
`--no-places` drafts with the gazetteer alone (without the dataset's own places, which were
written from these same documents).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from hzmap import paths  # noqa: E402
from hzmap.model.dataset import load_dataset  # noqa: E402
from hzmap.model.dataset.provenance import squash  # noqa: E402
from hzmap.model.plan_import import draft_plan, read_document  # noqa: E402

NO_GROUND_TRUTH = {"nst2021": ("measures", "targets", "units")}


def sources_dir() -> Path:
    shipped = paths.data_root() / "sources"
    return shipped if shipped.is_dir() else paths.seeds_dir()


def _norm(s) -> str:
    return re.sub(r"[\s,，、()（）“”\"—\-–]", "", str(s or ""))


def _norm_q(s: str) -> str:
    return re.sub(r"[\s,，、()（）\"—\-–]", "", s)


def _unit(u: str) -> str:
    return re.sub(r"/年|\(.*?\)|（.*?）", "", u)


def compare(ds, plan_id: str, draft) -> dict[str, tuple[int, int, int, int]]:
    """record type -> (dataset records, drafted, dataset records recovered, drafted that match)."""
    out = {}
    truth_l = [lay for lay in ds.layouts.values() if lay.plan == plan_id]
    names = {_norm(lay.name): lay for lay in truth_l}
    got_l = [lay for lay in draft.layouts if _norm(lay.data["name"]) in names]
    out["layouts"] = (len(truth_l), len(draft.layouts), len({_norm(x.data["name"]) for x in got_l}),
                      len(got_l))
    # the dataset layouts the document names by a quoted slogan (the importer's rule's scope)
    quoted = [lay for lay in truth_l if f"“{_norm(lay.name)}”" in _norm_q(draft.document.text)]
    out["slogan layouts"] = (len(quoted), len(draft.layouts),
                             sum(1 for lay in quoted if _norm(lay.name) in
                                 {_norm(x.data["name"]) for x in got_l}), len(got_l))
    t_el = d_el = r_el = p_el = 0
    for lay in got_l:
        truth = names[_norm(lay.data["name"])].elements
        sets = [set(el.districts) for el in truth]
        drafted = [set(el.data["districts"]) for el in lay.children]
        t_el += len(truth)
        d_el += len(drafted)
        r_el += sum(1 for s in sets if s in drafted)
        p_el += sum(1 for s in drafted if s and s in sets)
    out["elements"] = (t_el, d_el, r_el, p_el)

    text = draft.document.text
    starts = [m.passages[0].start for m in draft.measures] + [len(text)]
    regions = [squash(text[s:max(e, s + 1)]) for s, e in zip(starts, starts[1:])]
    truth_m = [m for m in ds.measures.values() if ds.measure_plan[m.id] == plan_id]
    hit_of = {}
    for m in truth_m:
        ex = squash(m.source.excerpt if m.source else m.all_sources[0].excerpt)
        hit_of[m.id] = next((i for i, r in enumerate(regions) if ex in r), None)
    used = {i for i in hit_of.values() if i is not None}
    out["measures"] = (len(truth_m), len(draft.measures), sum(i is not None for i in hit_of.values()),
                       len(used))
    same_units = sum(1 for m in truth_m if hit_of[m.id] is not None and
                     draft.measures[hit_of[m.id]].data["units"] == list(m.units) and
                     draft.measures[hit_of[m.id]].data["lead_units"][:1] == list(m.lead_units)[:1])
    matched = sum(i is not None for i in hit_of.values())
    out["units"] = (matched, matched, same_units, same_units)

    truth_t = [t for t in ds.targets.values() if ds.target_plan[t.id] == plan_id]
    key = lambda v, u, y: (round(float(v), 1), _unit(u), int(y))  # noqa: E731
    drafted = [key(t.data["value"], t.data["unit"], t.data["year"]) for t in draft.targets]
    truth_keys = [key(t.value, t.unit, t.year) for t in truth_t]
    cmp_same = sum(1 for t in truth_t for d in draft.targets
                   if key(d.data["value"], d.data["unit"], d.data["year"]) == key(t.value, t.unit, t.year)
                   and d.data["comparator"] == t.comparator)
    out["targets"] = (len(truth_t), len(drafted), sum(1 for k in truth_keys if k in drafted),
                      sum(1 for k in drafted if k in truth_keys))
    out["comparators"] = (out["targets"][2], out["targets"][2], min(cmp_same, out["targets"][2]),
                          min(cmp_same, out["targets"][2]))
    plan = ds.plans[plan_id]
    d = draft.plan.data
    fields = [(_norm(plan.title), _norm(d["title"])), (_norm(plan.issuer), _norm(d["issuer"])),
              (str(plan.issued), str(d["issued"]))]
    ok = sum(1 for a, b in fields if a == b)
    out["plan"] = (3, 3, ok, ok)
    for kind in NO_GROUND_TRUTH.get(plan_id, ()):
        t, n, r, p = out[kind]
        out[kind] = (t, 0, r, 0)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-places", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--holdout", action="store_true", help="score the held-out corpus texts")
    ap.add_argument("--round", type=int, default=None, metavar="N",
                    help="with --holdout: only the texts held out in round N (no round given: 1)")
    ap.add_argument("--detail", action="store_true", help="print the corpus per text")
    args = ap.parse_args(argv)
    if args.round is not None and not args.holdout:
        ap.error("--round needs --holdout: rounds are rounds of holding texts out")
    src = sources_dir()
    ds = load_dataset(check_excerpts=False)
    by_file = {p.file: pid for pid, p in ds.plans.items()}
    totals: dict[str, list[int]] = {}
    rows = []
    t0 = time.perf_counter()
    for path in sorted(src.glob("*.txt")):
        pid = by_file.get(path.name)
        if pid is None:
            continue
        draft = draft_plan(read_document(path), None if args.no_places else ds, plan_id="bench")
        for kind, (t, n, r, p) in compare(ds, pid, draft).items():
            rows.append({"plan": pid, "type": kind, "dataset": t, "drafted": n, "recovered": r,
                         "matching": p})
            acc = totals.setdefault(kind, [0, 0, 0, 0])
            for i, v in enumerate((t, n, r, p)):
                acc[i] += v
    elapsed = time.perf_counter() - t0
    import plan_corpus

    c_rows, c_totals = plan_corpus.run(None if args.no_places else ds, holdout=args.holdout,
                                       round_=args.round)
    if args.json:
        print(json.dumps({"rows": rows, "totals": totals, "seconds": elapsed,
                          "corpus": {"holdout": args.holdout, "round": args.round, "rows": c_rows,
                                     "totals": c_totals}}, ensure_ascii=False, indent=1))
        return 0
    print(f"sources: {src}   gazetteer: {'geodata only' if args.no_places else 'with dataset places'}")
    print(f"{'type':<15}{'plan':<10}{'dataset':>8}{'drafted':>8}{'recall':>9}{'precision':>10}")
    pct = lambda a, b: f"{100 * a / b:.0f}%" if b else "—"  # noqa: E731
    for r in rows:
        print(f"{r['type']:<15}{r['plan']:<10}{r['dataset']:>8}{r['drafted']:>8}"
              f"{pct(r['recovered'], r['dataset']):>9}{pct(r['matching'], r['drafted']):>10}")
    print("totals")
    for kind, (t, n, r, p) in totals.items():
        print(f"{kind:<15}{'all':<10}{t:>8}{n:>8}{pct(r, t):>9}{pct(p, n):>10}")
    print(f"drafted {len({r['plan'] for r in rows})} documents in {elapsed:.2f} s")
    which = "held-out" if args.holdout else "development"
    which += f" (round {args.round})" if args.round is not None else ""
    print(f"\ncorpus: {plan_corpus.CORPUS} ({which} texts,"
          f" {len({r['plan'] for r in c_rows})})")
    print(f"{'type':<15}{'plan':<26}{'expected':>8}{'drafted':>8}{'recall':>9}{'precision':>10}")
    for r in c_rows if args.detail else []:
        print(f"{r['type']:<15}{r['plan']:<26}{r['expected']:>8}{r['drafted']:>8}"
              f"{pct(r['recovered'], r['expected']):>9}{pct(r['matching'], r['drafted']):>10}")
    for kind, (t, n, r, p) in c_totals.items():
        if kind == "invented":
            print(f"{kind:<15}{'all':<26}{'':>8}{'':>8}{r:>9}{'':>10}")
            continue
        print(f"{kind:<15}{'all':<26}{t:>8}{n:>8}{pct(r, t):>9}{pct(p, n):>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
