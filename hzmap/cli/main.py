"""Command line: ``hzmap`` (the GUI), ``hzmap query NAME``, ``hzmap validate [PATH]``, and the
subcommands of the modules in ``COMMAND_MODULES`` (export, dossier, ...).

No Qt import here: the GUI is imported only when it is launched.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import sys
from pathlib import Path

from hzmap.cli.support import COMMANDS, add_as_of, command, load_or_report, say, say_err

#: Commands that draw a bounded number of pages (one map, an atlas on one Figure, a dossier).
#: Run as a process, they run without Python's cycle collector: importing matplotlib and
#: drawing allocate millions of objects, and the collector's passes over them take 60-70 ms of
#: a 0.8 s export while freeing almost nothing (an atlas's peak memory is the same either way;
#: reference counting frees the rest). A deck of up to 200 slides keeps the collector.
WITHOUT_CYCLE_COLLECTOR = frozenset({"export", "dossier"})

#: Modules that register more subcommands (each imports hzmap.cli.support only).
COMMAND_MODULES = ("hzmap.cli.export", "hzmap.cli.deck", "hzmap.cli.desktop", "hzmap.cli.import_plan", "hzmap.cli.layer",
                   "hzmap.cli.cite")


# ---------------------------------------------------------------- validate

def _validate_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", default=None,
                   help="dataset folder (geodata/ or geodata/dataset; default: the project's), "
                        "or a drafted plan folder (with sources/), checked against the shipped one")


@command("validate", "check a dataset folder and print a summary or its problems", _validate_args)
def cmd_validate(args: argparse.Namespace) -> int:
    from hzmap.model.dataset import parsecache, summary
    from hzmap.model.dataset.overlay import is_user_dataset
    draft = args.path is not None and is_user_dataset(args.path)
    with parsecache.reparsing():  # what validate says comes from the files, not from a cache
        ds = load_or_report(args.path, over_shipped=draft)
    if ds is None:
        return 1
    say(f"{'Draft' if draft else 'Dataset'} OK: {ds.root}" +
        (" (checked against the shipped dataset)" if draft else ""))
    rows = [r for r in summary(ds) if not draft or ds.doc_dirs.get(r["plan"]) is not None]
    cols = ("layouts", "elements", "places", "measures", "targets")
    say(f"  {'plan':<10} " + " ".join(f"{c:>8}" for c in cols) + "  name")
    for r in rows:
        say(f"  {r['plan']:<10} " + " ".join(f"{r[c]:>8}" for c in cols) + f"  {r['short_name']}")
    say(f"  {'total':<10} {len(ds.layouts):>8} {sum(len(x.elements) for x in ds.layouts.values()):>8}"
         f" {len(ds.places):>8} {len(ds.measures):>8} {len(ds.targets):>8}")
    say(f"  {len(ds.plans)} plans, {len(ds.districts)} districts")
    if draft:
        say(f"  excerpts of the draft: all found in {ds.root / 'sources'}")
    if ds.excerpts_checked:
        say(f"  excerpts: all found in the source documents ({ds.seeds_dir})")
    else:
        say("  excerpts: NOT checked (source documents folder not found)")
    return 0


# ---------------------------------------------------------------- query

def _query_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", help="district or place: 滨江区, 滨江, binjiang, 中国数谷, ...")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")
    p.add_argument("--timeline", action="store_true",
                   help="a district's roles plan by plan, oldest first, with sources")
    add_as_of(p, "each plan's status on that day; the plans not in force then are listed last")


@command("query", "what the plans say about a district or place", _query_args)
def cmd_query(args: argparse.Namespace) -> int:
    from hzmap.model import clock
    from hzmap.model.dataset import district_profile, place_profile, report, resolve_name
    ds = load_or_report()
    if ds is None:
        return 1
    res = resolve_name(ds, args.name)
    if res.kind is None:
        msg = f"no district or place named {args.name}"
        if res.suggestions:
            msg += "; did you mean: " + ", ".join(res.suggestions)
        say_err(msg)
        return 1
    on = args.as_of or clock.today()
    if args.timeline:
        if res.kind != "district":
            say_err(f"--timeline is a district's: {res.name} is a place (query it without "
                    "--timeline for its roles)")
            return 1
        from hzmap.model.dataset.timeline import district_timeline
        tl = district_timeline(ds, res.id, on)
        say(json.dumps(tl, ensure_ascii=False, indent=2) if args.json else report.timeline_text(tl))
        return 0
    prof = district_profile(ds, res.id, on) if res.kind == "district" \
        else place_profile(ds, res.id, on)
    if args.json:
        say(json.dumps({"kind": res.kind, "on": on.isoformat(), **prof}, ensure_ascii=False,
                       indent=2))
    else:
        as_of = args.as_of.isoformat() if args.as_of else None
        say(report.district_text(prof, as_of) if res.kind == "district" else report.place_text(prof))
    return 0


# ---------------------------------------------------------------- main

def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; with `only` (the command being run), only that command's
    options are added: the others are listed by name, and adding an option list may import
    what the command needs (the export's paper sizes)."""
    _register_commands()
    parser = argparse.ArgumentParser(
        prog="hzmap", description="Hangzhou policy spatial layouts: map explorer and tools. "
                                  "Without a command, opens the map window.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, add_arguments, _run) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if only is None or name == only:
            add_arguments(p)
    return parser


def _run_gui(files=()) -> int:
    try:
        from hzmap.ui import app
    except ImportError as e:
        say_err(f"cannot start the map window: {e}")
        return 1
    rc = app.run(files=list(files))
    return rc if isinstance(rc, int) else 0


def _files(argv: list[str]) -> list[str] | None:
    """`hzmap FILE...` (a project or data files, as a desktop's "open with" passes them): the
    paths, or None when argv is a command line of subcommands and options."""
    _register_commands()
    if not argv or argv[0].startswith("-") or argv[0] in COMMANDS:
        return None
    if not all(Path(a).is_file() for a in argv):
        return None  # let the parser say what is wrong
    return argv


def _register_commands() -> None:
    for name in COMMAND_MODULES:  # cheap: each imports its heavy parts when it runs
        importlib.import_module(name)


def main(argv: list[str] | None = None) -> int:
    """Run `argv` (default: this process's command line). As the process's entry point (no
    `argv`), a subcommand that is done ends the process at once (see _end_process)."""
    if argv is None:
        # hzmap does no large linear algebra: one OpenBLAS thread, not one per core spinning
        # beside the main thread from numpy's import on (about 0.1 s of CPU on two cores).
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        _register_commands()
        command = sys.argv[1] if sys.argv[1:] and sys.argv[1] in COMMANDS else None
        if command in WITHOUT_CYCLE_COLLECTOR:
            gc.disable()
        rc = main(sys.argv[1:])
        if command is not None:
            _end_process(rc)
        return rc
    argv = list(argv)
    if not argv:  # the map window: skip building the parser, whose commands import the exporter
        return _run_gui()
    files = _files(argv)
    if files is not None:
        return _run_gui(files)
    args = build_parser(only=argv[0] if argv[0] in COMMANDS else None).parse_args(argv)
    if args.command is None:
        return _run_gui()
    try:
        return COMMANDS[args.command][2](args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


def _end_process(rc: int) -> None:
    """Exit with `rc` once the output is flushed and the exit handlers have run, without
    tearing down every module and object: for an export that teardown (matplotlib, numpy,
    the figure) takes about 0.1 s and does nothing a user can see. Files are written and
    closed by then (hzmap.model.files.atomic)."""
    import atexit
    import os

    try:
        getattr(atexit, "_run_exitfuncs", lambda: None)()
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        pass
    os._exit(rc if isinstance(rc, int) else 1)


if __name__ == "__main__":
    sys.exit(main())
