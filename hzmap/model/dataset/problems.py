"""A long list of dataset problems, summarised for a person: counts by kind, then the first few.

A broken 5 MB file can hold tens of thousands of problems; a message box with all of them is
unreadable and slow to lay out. The window shows ``summarise(problems).text()`` and offers the
whole list, written by ``write_problem_list``. Problems are the loader's one-line strings,
``<file>: <record>: <detail>`` (loader.py), so nothing else needs to carry them; a
:class:`DatasetError` holds them all.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

FIRST = 50

# (kind, pattern on the detail): the first that matches names the kind
_KINDS = (
    ("unreadable file", re.compile(r"not a regular file|not found$|cannot be (read|opened)|"
                                   r"permission denied|files over .* are refused|not UTF-8|"
                                   r"in UTF-(16|32)|binary data|circle|too long")),
    ("invalid YAML", re.compile(r"^invalid YAML")),
    ("districts table", re.compile(r"^(line \d+: |missing column|not a valid CSV|no districts)")),
    ("missing field", re.compile(r"missing field")),
    ("unknown field", re.compile(r"unknown field")),
    ("duplicate id", re.compile(r"duplicate id")),
    ("unknown reference", re.compile(r"is not a (district|place|plan) id")),
    ("excerpt not in source", re.compile(r"excerpt not found|not found in ")),
    ("missing interpretation", re.compile(r"^interpretation: missing")),
    ("empty file", re.compile(r"^file is empty")),
)
_RECORD = re.compile(r"^(?:file|(?:plan|place|layout|element|measure|target) (?:'[^']*'|#\d+))$")


@dataclass(frozen=True)
class Problem:
    """One problem split into its parts; ``record`` is "" for a file-level problem."""

    file: str
    record: str
    detail: str
    kind: str

    def __str__(self) -> str:
        return ": ".join(p for p in (self.file, self.record, self.detail) if p)


def parse(line: str) -> Problem:
    """Split a loader problem line into file, record, detail and kind."""
    parts = str(line).split(": ", 2)
    file, record = parts[0], ""
    rest = parts[1:]
    if len(rest) == 2 and _RECORD.match(rest[0]):
        record, rest = rest[0], rest[1:]
    detail = ": ".join(rest) if rest else ""
    return Problem(file, record, detail, kind_of(detail))


def kind_of(detail: str) -> str:
    for kind, pattern in _KINDS:
        if pattern.search(detail):
            return kind
    return "invalid value"


@dataclass(frozen=True)
class ProblemSummary:
    total: int
    counts: tuple[tuple[str, int], ...]   # (kind, count), most frequent first
    files: tuple[tuple[str, int], ...]    # (file, count), most problems first
    first: tuple[Problem, ...]            # the first FIRST problems, in the loader's order

    def text(self, full_list: str | Path | None = None) -> str:
        """Counts by kind, then the first problems one a line; names the full list if written."""
        n = self.total
        lines = [f"{n:,} problem{'s' if n != 1 else ''} in "
                 f"{len(self.files)} file{'s' if len(self.files) != 1 else ''}:"]
        if n > len(self.first):  # a short list speaks for itself
            lines += [f"  {count:>7,}  {kind}" for kind, count in self.counts]
            lines += ["", f"The first {len(self.first)}:"]
        lines += [f"  {p}" for p in self.first]
        if n > len(self.first):
            lines.append(f"  … and {n - len(self.first):,} more"
                         + (f" (the full list is in {full_list})" if full_list else ""))
        return "\n".join(lines)


def summarise(problems: Iterable[str], first: int = FIRST) -> ProblemSummary:
    """Counts by kind and by file, and the first `first` problems parsed."""
    kinds: Counter[str] = Counter()
    files: Counter[str] = Counter()
    head: list[Problem] = []
    total = 0
    for line in problems:
        p = parse(line)
        kinds[p.kind] += 1
        files[p.file] += 1
        if len(head) < first:
            head.append(p)
        total += 1
    return ProblemSummary(total, tuple(kinds.most_common()), tuple(files.most_common()),
                          tuple(head))


def write_problem_list(problems: Iterable[str], path: str | Path, heading: str = "") -> Path:
    """Write every problem, one a line (UTF-8), atomically; returns the path written.
    Raises OSError when the file cannot be written."""
    from hzmap.model.files.atomic import write_atomic

    lines = ([heading] if heading else []) + [str(p).replace("\n", " ") for p in problems]
    return write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))


class DatasetError(Exception):
    """The dataset has problems; ``problems`` lists them all (one line each).

    ``str()`` is bounded: counts by kind and the first 50 problems (``summary()``); the whole
    list goes to a file with ``write_list(path)``.
    """

    def __init__(self, problems: list[str], root: Path | None = None):
        self.problems = list(problems)
        self.root = root
        head = "The layout dataset" + (f" at {root}" if root else "") + " has "
        super().__init__(head + self.summary().text())

    def __reduce__(self):  # survives a trip to and from a worker process
        return (type(self), (self.problems, self.root))

    def summary(self, first: int = 50) -> ProblemSummary:
        return summarise(self.problems, first)

    def write_list(self, path: str | Path) -> Path:
        """Every problem, one a line, to `path` (atomically); raises OSError."""
        where = f" at {self.root}" if self.root else ""
        return write_problem_list(self.problems, path, f"# problems in the layout dataset{where}")
