"""Command line: ``hzmap`` (the GUI), ``hzmap query NAME``, ``hzmap validate [PATH]``.

Subcommands register themselves in ``COMMANDS`` (name -> (add_arguments, run)); add export,
dossier, ... the same way. No Qt import here: the GUI is imported only when it is launched.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Callable

COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None],
                          Callable[[argparse.Namespace], int]]] = {}


def command(name: str, help_text: str, add_arguments: Callable[[argparse.ArgumentParser], None]):
    def register(run: Callable[[argparse.Namespace], int]):
        COMMANDS[name] = (help_text, add_arguments, run)
        return run
    return register


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _load(path=None):
    """The dataset, or None after printing its problems."""
    from hzmap.model.dataset import DatasetError, load_dataset
    try:
        return load_dataset(path)
    except DatasetError as e:
        _err(f"The dataset has {len(e.problems)} problem(s)" + (f" ({e.root})" if e.root else "")
             + ":")
        for p in e.problems:
            _err(f"  {p}")
        return None


# ---------------------------------------------------------------- validate

def _validate_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", default=None,
                   help="dataset folder (geodata/ or geodata/dataset; default: the project's)")


@command("validate", "check a dataset folder and print a summary or its problems", _validate_args)
def cmd_validate(args: argparse.Namespace) -> int:
    from hzmap.model.dataset import summary
    ds = _load(args.path)
    if ds is None:
        return 1
    _out(f"Dataset OK: {ds.root}")
    rows = summary(ds)
    cols = ("layouts", "elements", "places", "measures", "targets")
    _out(f"  {'plan':<10} " + " ".join(f"{c:>8}" for c in cols) + "  name")
    for r in rows:
        _out(f"  {r['plan']:<10} " + " ".join(f"{r[c]:>8}" for c in cols) + f"  {r['short_name']}")
    _out(f"  {'total':<10} {len(ds.layouts):>8} {sum(len(x.elements) for x in ds.layouts.values()):>8}"
         f" {len(ds.places):>8} {len(ds.measures):>8} {len(ds.targets):>8}")
    _out(f"  {len(ds.plans)} plans, {len(ds.districts)} districts")
    if ds.excerpts_checked:
        _out(f"  excerpts: all found in the source documents ({ds.seeds_dir})")
    else:
        _out("  excerpts: NOT checked (source documents folder not found)")
    return 0


# ---------------------------------------------------------------- query

def _query_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", help="district or place: 滨江区, 滨江, binjiang, 中国数谷, ...")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")


@command("query", "what the plans say about a district or place", _query_args)
def cmd_query(args: argparse.Namespace) -> int:
    from hzmap.model.dataset import district_profile, place_profile, resolve_name
    ds = _load()
    if ds is None:
        return 1
    res = resolve_name(ds, args.name)
    if res.kind is None:
        msg = f"no district or place named {args.name}"
        if res.suggestions:
            msg += "; did you mean: " + ", ".join(res.suggestions)
        _err(msg)
        return 1
    prof = district_profile(ds, res.id) if res.kind == "district" else place_profile(ds, res.id)
    if args.json:
        _out(json.dumps({"kind": res.kind, **prof}, ensure_ascii=False, indent=2))
    else:
        from hzmap.model.dataset import report
        _out(report.district_text(prof) if res.kind == "district" else report.place_text(prof))
    return 0


# ---------------------------------------------------------------- main

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hzmap", description="Hangzhou policy spatial layouts: map explorer and tools. "
                                  "Without a command, opens the map window.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, add_arguments, _run) in COMMANDS.items():
        add_arguments(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def _run_gui() -> int:
    try:
        from hzmap.ui import app
    except ImportError as e:
        _err(f"cannot start the map window: {e}")
        return 1
    rc = app.run()
    return rc if isinstance(rc, int) else 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:  # the map window: skip building the parser, whose commands import the exporter
        return _run_gui()
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _run_gui()
    try:
        return COMMANDS[args.command][2](args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


import hzmap.cli_export  # noqa: E402,F401  (export, dossier)


if __name__ == "__main__":
    sys.exit(main())
