"""What every ``hzmap`` subcommand module shares: the command registry, output, the dataset.

A subcommand module registers itself with ``@command(name, help, add_arguments)`` and is listed
in ``hzmap.cli.main.COMMAND_MODULES``; it imports this module (and ``hzmap.cli.exit_codes``), never
``hzmap.cli.main``, so the command line has no import circle. No Qt here.
"""

from __future__ import annotations

import argparse
import os
import sys
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


def load_or_report(path=None, command: str | None = None, *, over_shipped: bool = False):
    """The dataset (`path`, else $HZMAP_DATASET, else the shipped one; with `over_shipped`, the
    shipped one and the user folder `path` on top), or None after printing its problems: all of
    them, one a line, or, for a `command` that only needs the dataset (export, dossier), one line
    pointing to validate. Such a command draws the dataset as the window loads it, without
    looking its excerpts up in the source documents (validate, query and cite do)."""
    from hzmap.model.dataset import DatasetError, load_dataset
    if path is None:  # the dataset the window would load
        path = os.environ.get("HZMAP_DATASET") or None
    try:
        if over_shipped:
            from hzmap.model.dataset.overlay import load_dataset_with
            return load_dataset_with([path])
        return load_dataset(path, check_excerpts=command is None)
    except DatasetError as e:
        if command:
            n = len(e.problems)
            say_err(f"{command}: the layout dataset has {n:,} problem{'s' if n != 1 else ''} "
                    f"(the first: {e.problems[0] if n else '?'}); `hzmap validate` lists them")
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
    """argparse type for --as-of: a date written YYYY-MM-DD."""
    import datetime as dt
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (write it YYYY-MM-DD, "
                                         "e.g. 2027-06-01)") from None


def add_as_of(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--as-of", metavar="DATE", type=iso_date,
                   help=f"show the plans as on this day (YYYY-MM-DD; default: today): {what}")
