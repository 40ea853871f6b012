"""The districts table (districts.csv): the 13 county-level units every record refers to."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hzmap.model.files.safeio import FileProblem, read_text, snippet
from .problems import DatasetError
from .schema import District

MAX_DISTRICTS_BYTES = 1024 * 1024


def read_districts(path: Path) -> dict[str, District]:
    """The districts table (UTF-8 CSV with a header). Raises DatasetError naming the file and,
    for a bad row, the row and column."""
    try:
        text = read_text(path, MAX_DISTRICTS_BYTES, what="districts table")
    except FileProblem as e:
        raise DatasetError([str(e)], path.parent) from None
    columns = list(District.model_fields)
    problems: list[str] = []
    out: dict[str, District] = {}
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = reader.fieldnames or []
        missing = [c for c in columns if c not in header]
        if missing:
            raise DatasetError([f"{path}: missing column(s) {', '.join(missing)} (the header has: "
                                f"{snippet(', '.join(map(str, header)), 120)})"], path.parent)
        for row in reader:
            where = f"{path}: line {reader.line_num}"
            if row.get(None):
                problems.append(f"{where}: more cells than the header has columns")
                continue
            empty = [c for c in columns if not (row.get(c) or "").strip()]
            if empty:
                problems.append(f"{where}: column(s) {', '.join(empty)} empty")
                continue
            district = District(**{c: row[c].strip() for c in columns})
            if district.id in out:
                problems.append(f"{where}: duplicate id {snippet(district.id, 40)}")
                continue
            out[district.id] = district
    except csv.Error as e:
        problems.append(f"{path}: not a valid CSV table (line {reader.line_num}: {e})")
    if not out and not problems:
        problems.append(f"{path}: no districts in the table")
    if problems:
        raise DatasetError(problems, path.parent)
    return out
