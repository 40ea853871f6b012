"""Command line: ``hzmap`` (the GUI), ``hzmap query NAME``, ``hzmap validate [PATH]``, and the
subcommands of the modules in ``COMMAND_MODULES`` (export, dossier, ...).

No Qt import here: the GUI is imported only when it is launched.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from pathlib import Path

from hzmap import __version__, process
from hzmap.cli import exit_codes, fatal
from hzmap.cli.exit_codes import EXIT_INTERRUPTED, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from hzmap.cli.support import COMMANDS, add_as_of, add_dataset_arg, command, load_or_report, say, say_err

#: Modules that register more subcommands (each imports hzmap.cli.support only).
COMMAND_MODULES = ("hzmap.cli.export", "hzmap.cli.deck", "hzmap.cli.desktop", "hzmap.cli.import_plan", "hzmap.cli.layer",
                   "hzmap.cli.cite", "hzmap.cli.basemap")


# ---------------------------------------------------------------- validate

def _validate_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", default=None,
                   help="dataset folder (geodata/ or geodata/dataset; default: the project's), "
                        "or a drafted plan folder (with sources/), checked against the shipped one")


@command("validate", "check a dataset folder and print a summary or its problems", _validate_args)
def cmd_validate(args: argparse.Namespace) -> int:
    from hzmap.model.dataset import parsecache, summary
    from hzmap.model.dataset.overlay import is_user_dataset
    if args.path is not None and not Path(args.path).exists():
        say_err(f"hzmap validate: no such folder: {args.path}")
        return EXIT_USAGE
    draft = args.path is not None and is_user_dataset(args.path)
    with parsecache.reparsing():  # what validate says comes from the files, not from a cache
        ds = load_or_report(args.path, over_shipped=draft)
    if ds is None:
        return EXIT_PROBLEMS
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
    if draft:
        _warn_again(ds, [r["plan"] for r in rows])
        return EXIT_OK
    return EXIT_OK if args.path is not None else _validate_own()


def _warn_again(ds, plan_ids: list[str]) -> None:
    """A draft of a plan the dataset already has (imported twice) is said, not refused: the
    window lets a planner keep one deliberately."""
    from hzmap.model.dataset.succession import same_plans
    for pid in plan_ids:
        for other, why in same_plans(ds, ds.plans[pid].model_dump()):
            say_err(f"warning: plan '{pid}' is plan '{other}' again ({why}): loaded, the plan "
                    "shows twice; keep it only if it is another document")


def _validate_own() -> int:
    """The planner's own datasets in the user data folder, each checked over the shipped one
    as the window loads them: a broken one is listed, and the window leaves it out."""
    from hzmap.model.dataset import DatasetError, load_dataset
    from hzmap.model.dataset.overlay import load_skipping_broken
    from hzmap.model.dataset.userdata import dataset_dirs
    from hzmap.paths import user_data_dir
    folders = dataset_dirs(user_data_dir())
    if not folders:
        return EXIT_OK
    try:
        shipped = load_dataset(os.environ.get("HZMAP_DATASET") or None, check_excerpts=False)
    except DatasetError:
        return EXIT_PROBLEMS
    _ds, skipped = load_skipping_broken(folders, base=shipped)
    say(f"Your datasets ({user_data_dir() / 'datasets'}): {len(folders) - len(skipped)} of "
        f"{len(folders)} load")
    for folder in folders:
        exc = skipped.get(folder)
        say(f"  {folder.name}: " + ("OK" if exc is None else
                                    f"{len(exc.problems):,} problem(s), left out; the first: "
                                    f"{exc.problems[0] if exc.problems else '?'} "
                                    f"(hzmap validate {folder} lists them)"))
    return EXIT_PROBLEMS if skipped else EXIT_OK


# ---------------------------------------------------------------- query

def _query_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", help="district or place: 滨江区, 滨江, binjiang, 中国数谷, ...")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")
    p.add_argument("--timeline", action="store_true",
                   help="a district's roles plan by plan, oldest first, with sources")
    add_as_of(p, "each plan's status on that day; the plans not in force then are listed last")
    add_dataset_arg(p)


@command("query", "what the plans say about a district or place", _query_args)
def cmd_query(args: argparse.Namespace) -> int:
    from hzmap.model import clock
    from hzmap.model.dataset import district_profile, place_profile, report, resolve_name
    ds = load_or_report(None, None, args)
    if ds is None:
        return EXIT_PROBLEMS
    res = resolve_name(ds, args.name)
    if res.kind is None:
        msg = f"no district or place named {args.name}"
        if res.suggestions:
            msg += "; did you mean: " + ", ".join(res.suggestions)
        say_err(msg)
        return EXIT_USAGE
    on = args.as_of or clock.today()
    if args.timeline:
        if res.kind != "district":
            say_err(f"--timeline is a district's: {res.name} is a place (query it without "
                    "--timeline for its roles)")
            return EXIT_USAGE
        from hzmap.model.dataset.timeline import district_timeline
        tl = district_timeline(ds, res.id, on)
        say(json.dumps(tl, ensure_ascii=False, indent=2) if args.json else report.timeline_text(tl))
        return EXIT_OK
    prof = district_profile(ds, res.id, on) if res.kind == "district" \
        else place_profile(ds, res.id, on)
    if args.json:
        say(json.dumps({"kind": res.kind, "on": on.isoformat(), **prof}, ensure_ascii=False,
                       indent=2))
    else:
        as_of = args.as_of.isoformat() if args.as_of else None
        say(report.district_text(prof, as_of) if res.kind == "district" else report.place_text(prof))
    return EXIT_OK


# ---------------------------------------------------------------- main

def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; with `only` (the command being run), only that command's
    options are added: the others are listed by name, and adding an option list may import
    what the command needs (the export's paper sizes)."""
    _register_commands()
    parser = argparse.ArgumentParser(
        prog="hzmap", usage="hzmap [FILE ...]\n       hzmap COMMAND [options]\n"
                            "       hzmap [-h] [--version]",
        description="Hangzhou policy spatial layouts: map explorer and tools.\n\n"
                    "  hzmap                 opens the map window\n"
                    "  hzmap FILE ...        opens files in it: a project (.hzmap) or data files "
                    "as layers\n"
                    "                        (GeoPackage, Shapefile, GeoJSON, KML, FlatGeobuf, "
                    "CSV, Excel)\n"
                    "  hzmap COMMAND ...     runs a command (hzmap COMMAND -h for its options)",
        epilog=exit_codes.help_text(), formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"hzmap {__version__}")
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
        return EXIT_PROBLEMS
    from hzmap.model.geo.geodata import GeodataError
    try:
        rc = app.run(files=list(files))
    except GeodataError:  # the window has said which file and what is wrong with it
        return EXIT_PROBLEMS
    return rc if isinstance(rc, int) else EXIT_OK


def _files(argv: list[str]) -> list[str] | None:
    """`hzmap FILE...` (a project or data files, as a desktop's "open with" passes them): the
    paths, or None when argv is a command line of a command and options."""
    _register_commands()
    if not argv or argv[0].startswith("-") or argv[0] in COMMANDS:
        return None
    return argv


def _not_files(paths: list[str]) -> list[str]:
    """What is wrong with each of `paths` that is not a file to open, one line each."""
    import difflib

    out = []
    for i, path in enumerate(paths):
        if Path(path).is_file():
            continue
        if Path(path).exists():
            out.append(f"not a file: {path}")
            continue
        line = f"no such file: {path}"
        command = difflib.get_close_matches(path, list(COMMANDS), n=1) if i == 0 else []
        out.append(line + (f" (or did you mean the command {command[0]}?)" if command else ""))
    return out


def _register_commands() -> None:
    for name in COMMAND_MODULES:  # cheap: each imports its heavy parts when it runs
        importlib.import_module(name)


def main(argv: list[str] | None = None) -> int:
    """Run `argv` (default: this process's command line). As the process's entry point (no
    `argv`), a subcommand that is done ends the process at once (hzmap.process.end_process)."""
    if argv is None:
        process.one_blas_thread()
        _register_commands()
        command = sys.argv[1] if sys.argv[1:] and sys.argv[1] in COMMANDS else None
        process.collector_off_for(command)
        process.text_on_demand_for(command)
        rc = fatal.run(lambda: main(sys.argv[1:]))  # a failure no command caught: one line
        if command is not None:
            process.end_process(rc)
        return rc
    argv = list(argv)
    if not argv:  # the map window: skip building the parser, whose commands import the exporter
        return _run_gui()
    files = _files(argv)
    if files is not None:
        problems = _not_files(files)
        for line in problems:
            say_err(f"hzmap: {line}")
        return EXIT_USAGE if problems else _run_gui(files)
    args = build_parser(only=argv[0] if argv[0] in COMMANDS else None).parse_args(argv)
    if args.command is None:
        return _run_gui()
    try:
        return COMMANDS[args.command][2](args)
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
