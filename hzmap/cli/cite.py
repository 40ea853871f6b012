"""``hzmap cite TEXT [--json]``: the passage behind dataset items, ready to quote.

For each item TEXT names (an id, a name, or words of one of its excerpts): every excerpt with
the whole paragraph around it, the section heading and a GB/T 7714 citation. Reads the source
documents shipped in geodata/sources, so it works on a fresh install.
"""
from __future__ import annotations

import argparse
import json

from hzmap.cli.exit_codes import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from hzmap.cli.support import add_dataset_arg, command, load_or_report, say, say_err

KIND_LABEL = {"place": "place", "layout": "layout", "element": "element", "measure": "measure",
              "target": "target"}


def _args(p: argparse.ArgumentParser) -> None:
    p.add_argument("text", help="an item id (dt_4415/ftz_led, iot_park), a name (中国数谷) or "
                                "words of an excerpt (数据出境评估)")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")
    add_dataset_arg(p)


def _sources(docs, ds, kind: str, item_id: str) -> list[dict]:
    """One dict per source: the passage when its excerpt is found, else the bare citation."""
    anchors = {a.index: a for a in docs.anchors_of(kind, item_id)}
    rec = _record(ds, kind, item_id)
    out = []
    for i, src in enumerate(rec.all_sources):
        a = anchors.get(i)
        if a is not None:
            out.append(docs.passage(a))
        else:
            plan = ds.plans.get(src.doc)
            out.append({"doc": src.doc, "plan": plan.short_name if plan else src.doc,
                        "section": src.section, "excerpt": src.excerpt, "paragraph": None,
                        "heading": None,
                        "citation": docs.cite(src.doc, section=src.section)
                        if src.doc in docs.docs else None})
    return out


def _record(ds, kind: str, item_id: str):
    if kind == "element":
        lay, el = item_id.split("/", 1)
        return next(e for e in ds.layouts[lay].elements if e.id == el)
    return {"place": ds.places, "layout": ds.layouts, "measure": ds.measures,
            "target": ds.targets}[kind][item_id]


def _marked(p: dict) -> str:
    """The paragraph with the excerpt in 【】."""
    para, s, e = p["paragraph"], p["start"] - p["paragraph_start"], p["end"] - p["paragraph_start"]
    return para[:s] + "【" + para[s:e] + "】" + para[e:]


@command("cite", "the passage behind dataset items: paragraph, section and citation", _args)
def cmd_cite(args: argparse.Namespace) -> int:
    from hzmap.model.documents import DocumentError, load_documents, match_items

    if not args.text.strip():
        say_err("cite: give an id, a name or words of an excerpt")
        return EXIT_USAGE
    ds = load_or_report(None, None, args)
    if ds is None:
        return EXIT_PROBLEMS
    try:
        docs = load_documents(ds)
    except DocumentError as e:  # the shipped source documents
        say_err(str(e))
        return EXIT_PROBLEMS
    found = match_items(ds, args.text)
    if not found:
        say_err(f"no dataset item matches {args.text!r} (an id, a name or words of an excerpt)")
        return EXIT_USAGE
    results = [{"kind": k, "id": i, "name": n, "sources": _sources(docs, ds, k, i)}
               for k, i, n in found]
    if args.json:
        say(json.dumps(results, ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in results:
        say(f"{KIND_LABEL[r['kind']]} {r['id']}  {r['name']}")
        for p in r["sources"]:
            head = " › ".join(p["heading"]["path"]) if p.get("heading") else p["section"]
            say(f"  {p['plan']} §{p['section']}  ({head})")
            say(f"    {_marked(p) if p.get('paragraph') else p['excerpt']}")
            if p.get("citation"):
                say(f"    {p['citation']}")
        say()
    return EXIT_OK
