"""``hzmap import-plan FILE --out DIR``: draft a plan's records from its text, without the window.

Reads .txt (UTF-8, GBK/GB18030, UTF-16), .docx or a PDF with a text layer (or ``-`` for text on
standard input), drafts the plan record, its slogan layouts, measures and targets, and writes
them as dataset YAML into DIR (a user dataset folder; the shipped dataset is never touched).
Everything the planner must check is listed; ``hzmap validate DIR`` then checks the draft
against the shipped dataset.

DIR may not lie inside hzmap's shipped data or program folder. Files of the plan that the planner
changed since an earlier import into DIR are not replaced unless ``--force``. The files are
written all or none: a failed import leaves DIR as it was.
"""
from __future__ import annotations

import argparse
import json
import sys

from hzmap.cli.exit_codes import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from hzmap.cli.support import add_dataset_arg, command, load_or_report, say, say_err


def _args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="the plan: .txt, .docx or .pdf; - reads pasted text from stdin")
    p.add_argument("--out", required=True, help="folder to write the drafted dataset YAML into")
    p.add_argument("--plan-id", default=None, help="dataset id for the plan (default: from the "
                                                   "title's pinyin initials and year)")
    p.add_argument("--json", action="store_true", help="print the draft's summary as JSON")
    p.add_argument("--force", action="store_true", help="replace this plan's files in DIR even if "
                                                        "they were edited since an earlier import")
    add_dataset_arg(p)


@command("import-plan", "draft a plan's layouts, measures and targets from its text", _args)
def cmd_import_plan(args: argparse.Namespace) -> int:
    import re
    from pathlib import Path

    from hzmap.model.plan_import import PlanReadError, draft_plan, pasted, read_document, write_draft
    from hzmap.model.plan_import.writer import DraftEdited

    shipped = _shipped_folder(Path(args.out))
    if shipped is not None:
        say_err(f"{args.out}: is inside hzmap's shipped files ({shipped}); write the draft into a "
                "folder of its own")
        return EXIT_USAGE
    if args.plan_id is not None and not re.fullmatch(r"[a-z0-9_]+", args.plan_id):
        say_err(f"--plan-id {args.plan_id!r}: use lowercase letters, digits and _ only")
        return EXIT_USAGE
    try:
        if args.file == "-":
            source = pasted(sys.stdin.read(20_000_001)[:20_000_001], "standard input")
        else:
            source = read_document(args.file)
    except PlanReadError as e:
        say_err(str(e))
        return EXIT_USAGE
    dataset = load_or_report(None, None, args)
    if dataset is None:
        return EXIT_PROBLEMS
    draft = draft_plan(source, dataset, plan_id=args.plan_id)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        say_err(f"{out}: exists and is not a folder")
        return EXIT_USAGE
    if out.resolve() == dataset.root.resolve() or dataset.root.resolve() in out.resolve().parents:
        say_err(f"{out}: is the dataset in use ({dataset.root}); write the draft into a folder of its own")
        return EXIT_USAGE
    try:
        written = write_draft(draft, out, force=args.force)
    except DraftEdited as e:
        say_err(str(e))
        return EXIT_PROBLEMS
    except (OSError, ValueError) as e:
        say_err(f"{out}: cannot write the draft: {getattr(e, 'strerror', None) or e}")
        return EXIT_PROBLEMS
    if args.json:
        say(json.dumps({"plan": draft.plan_id, "summary": draft.summary(), "notes": draft.notes,
                        "flags": [{"kind": r.kind, "id": r.id, "label": r.label,
                                   "flags": r.flags} for r in draft.flagged()],
                        "notes": [{"kind": r.kind, "id": r.id, "notes": r.notes}
                                  for r in draft.records() if r.notes],
                        "files": [str(p) for p in written]}, ensure_ascii=False, indent=2))
        return EXIT_OK
    s = draft.summary()
    say(f"Drafted {draft.plan.data['title']} as plan '{draft.plan_id}' from {source.name}")
    p = draft.plan.data
    say("  " + "; ".join(f"{label} {p.get(key) or '—'}" for label, key in (
        ("issuer", "issuer"), ("文号", "doc_number"), ("issued", "issued"), ("period", "period"))))
    say(f"  {s['layouts']} layouts ({s['elements']} elements), {s['measures']} measures, "
        f"{s['targets']} targets; {s['flagged']} records to check")
    for note in draft.notes:
        say(f"  note: {note}")
    for lay in draft.layouts:
        say(f"  layout “{lay.data['name']}”: " + ", ".join(
            f"{el.data['name']} [{el.data['kind']}] → "
            f"{'、'.join(el.data['districts'] + el.data['places']) or 'needs a place'}"
            for el in lay.children))
    say("To check:" if draft.flagged() else "To check: nothing")
    for r in draft.flagged():
        say(f"  {r.kind} '{r.id}' {r.label[:30]}: " + "; ".join(r.flags))
    noted = [r for r in draft.records() if r.notes and not r.flags]
    if noted:  # left as the text has it: nothing to decide (--json lists them)
        say(f"  and {len(noted)} more with notes only, such as: {noted[0].kind} '{noted[0].id}': "
            + "; ".join(noted[0].notes))
    say(f"Written to {out} ({len(written)} files). Check it with: hzmap validate {out}")
    return EXIT_OK


def _shipped_folder(out):
    """The shipped folder `out` lies in (the data, the resources, the program), or None."""
    from pathlib import Path

    import hzmap
    from hzmap.paths import data_root, resources_root

    try:
        real = out.resolve()
    except (OSError, RuntimeError):
        return None
    for folder in (data_root(), resources_root(), Path(hzmap.__file__).parent):
        base = folder.resolve()
        if real == base or base in real.parents:
            return base
    return None
