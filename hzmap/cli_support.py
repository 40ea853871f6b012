"""What every ``hzmap`` subcommand module shares: the command registry, output, the dataset.

A subcommand module registers itself with ``@command(name, help, add_arguments)`` and is listed
in ``hzmap.cli.COMMAND_MODULES``; it imports this module, never ``hzmap.cli``, so the command
line has no import circle. No Qt here.
"""

from __future__ import annotations

import argparse
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


def load_or_report(path=None, *, over_shipped: bool = False):
    """The dataset (with `over_shipped`: the shipped one and the user folder `path` on top), or
    None after printing its problems."""
    from hzmap.model.dataset import DatasetError, load_dataset
    try:
        if over_shipped:
            from hzmap.model.dataset.overlay import load_dataset_with
            return load_dataset_with([path])
        return load_dataset(path)
    except DatasetError as e:
        say_err(f"The dataset has {len(e.problems)} problem(s)" + (f" ({e.root})" if e.root else "")
            + ":")
        for p in e.problems:
            say_err(f"  {p}")
        return None
