"""What every ``hzmap`` subcommand module shares: the command registry, output, the dataset.

A subcommand module registers itself with ``@command(name, help, add_arguments)`` and is listed
in ``hzmap.cli.main.COMMAND_MODULES``; it imports this module (and ``hzmap.cli.exit_codes``), never
``hzmap.cli.main``, so the command line has no import circle. No Qt here.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable

COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None],
                          Callable[[argparse.Namespace], int]]] = {}


def command(name: str, help_text: str, add_arguments: Callable[[argparse.ArgumentParser], None]):
    def register(run: Callable[[argparse.Namespace], int]):
        COMMANDS[name] = (help_text, add_arguments, run)
        return run
    return register


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def say_err(text: str) -> None:
    sys.stderr.write(text + "\n")


def add_dataset_arg(p: argparse.ArgumentParser) -> None:
    """--dataset DIR: the datasets a command reads besides the shipped one."""
    p.add_argument("--dataset", metavar="DIR", action="append",
                   help="a dataset of your own (a folder File › Import plan or `hzmap import-plan` "
                        "wrote, or a shared one) to use over the shipped dataset, instead of those "
                        "in your user data folder; repeat for more. A complete dataset folder "
                        "(with plans.yaml, no sources/) replaces the shipped one")


def load_or_report(path=None, command: str | None = None, args: argparse.Namespace | None = None,
                   *, over_shipped: bool = False):
    """The dataset (`path`, else $HZMAP_DATASET, else the shipped one; with `over_shipped`, the
    shipped one and the user folder `path` on top), or None after printing its problems: all of
    them, one a line, or, for a `command` that only needs the dataset (export, dossier), one line
    pointing to validate. Such a command draws the dataset as the window loads it, without
    looking its excerpts up in the source documents (validate, query and cite do).

    With `args` (a command's options) the planner's own datasets come on top, as the window
    loads them: those named by ``--dataset``, else every one in the user data folder
    (hzmap.paths.user_data_dir), where a broken one is named on stderr and left out."""
    from hzmap.model.dataset import DatasetError, load_dataset
    named = list(getattr(args, "dataset", None) or []) if args is not None else []
    if path is None:  # the dataset the window would load
        path = os.environ.get("HZMAP_DATASET") or None
    try:
        if over_shipped:
            from hzmap.model.dataset.overlay import load_dataset_with
            return load_dataset_with([path])
        own = []
        if args is not None:
            from hzmap.model.dataset.overlay import is_user_dataset
            own = [d for d in named if is_user_dataset(d)]
            whole = [d for d in named if not is_user_dataset(d)]
            if len(whole) > 1:
                say_err(f"{command or 'hzmap'}: --dataset: only one complete dataset can replace "
                        f"the shipped one ({', '.join(whole)})")
                return None
            if whole:
                path = whole[0]
            for d in named:
                if not Path(d).is_dir():
                    say_err(f"{command or 'hzmap'}: --dataset {d}: no such folder")
                    return None
        shipped = load_dataset(path, check_excerpts=command is None)
        if args is None:
            return shipped
        return _with_own(shipped, own if named else None, command)
    except DatasetError as e:
        if command:
            n = len(e.problems)
            where = f" {e.root}" if named and e.root else ""
            say_err(f"{command}: the layout dataset{where} has {n:,} problem{'s' if n != 1 else ''} "
                    f"(the first: {e.problems[0] if n else '?'}); `hzmap validate"
                    f"{where}` lists them")
            return None
        say_err(f"The dataset has {len(e.problems)} problem(s)" + (f" ({e.root})" if e.root else "")
            + ":")
        for p in e.problems:
            say_err(f"  {p}")
        return None


def refuse_outside(project_path, project, allowed: bool, basemap: bool = True) -> str | None:
    """The refusal when a project would read files outside its folder (its layers' or, unless
    `basemap` is False, its base map's) and --allow-outside was not given (None: nothing outside,
    or allowed). Nothing is read."""
    from pathlib import Path

    from hzmap.model.basemap.persist import OUTSIDE_NAME
    from hzmap.model.session.outside import outside_files

    outside = outside_files(project, Path(project_path).absolute().parent, basemap=basemap)
    if allowed or not outside:
        return None
    listed = "; ".join(("the base map" if name == OUTSIDE_NAME else f"layer {name!r}") + f" reads {path}"
                       for name, path in outside[:10])
    return (f"{project_path}: {listed} - outside the project's folder, so not read. A project from "
            "someone else could name any file; move the files into the project's folder, or pass "
            "--allow-outside to read them")


def _with_own(shipped, named: list | None, command: str | None):
    """`shipped` with the planner's datasets on top: `named` ones (any problem is an error),
    or, when None, the user data folder's (a broken one is named and left out)."""
    from hzmap.model.dataset.overlay import load_dataset_with, load_skipping_broken
    if named is not None:
        return load_dataset_with(named, base=shipped, check_excerpts=False)
    from hzmap.model.dataset.userdata import dataset_dirs
    from hzmap.paths import user_data_dir
    try:
        folders = dataset_dirs(user_data_dir())
    except OSError as exc:
        say_err(f"{command or 'hzmap'}: your datasets are left out: {exc}")
        return shipped
    dataset, skipped = load_skipping_broken(folders, base=shipped)
    for folder, exc in skipped.items():
        n = len(exc.problems)
        say_err(f"{command or 'hzmap'}: your dataset {folder.name} is left out: {n:,} "
                f"problem{'s' if n != 1 else ''} (the first: {exc.problems[0] if n else '?'}); "
                f"`hzmap validate {folder}` lists them")
    return dataset


def geodata_or_report(command: str):
    """The geodata the window would use ($HZMAP_GEODATA, else the shipped file), or None after
    one line naming the file and what is wrong with it."""
    from hzmap.model.geo.geodata import GeodataError, load_geodata
    try:
        return load_geodata(os.environ.get("HZMAP_GEODATA") or None)
    except GeodataError as exc:
        say_err(f"{command}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
        return None


def iso_date(text: str):
    """argparse type for --as-of: a day written YYYY-MM-DD (or 2027/6/1, 2027年6月1日)."""
    from hzmap.model.clock import parse_day
    day = parse_day(text)
    if day is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (write it YYYY-MM-DD, "
                                         "e.g. 2027-06-01)")
    return day


def add_as_of(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--as-of", metavar="DATE", type=iso_date,
                   help=f"show the plans as on this day (YYYY-MM-DD; default: today): {what}")
