"""Hangzhou's 乡镇 and 街道, and the places outside Hangzhou a plan may name. No Qt.

Both lists are data built from China's statistical division codes (geodata/build_townships.py;
source and licence in geodata/SOURCES.md):

- ``townships.csv``: each of Hangzhou's 196 乡镇/街道 with its district. They join the gazetteer
  as entries of kind "township", always as interpretations (良渚 is part of 余杭区, not all of it),
  by their full name and, where it is safe in running text (``bare``), by their short form.
- ``outside_places.csv``: provinces, prefecture-level cities and county-level units outside
  Hangzhou. They are never mapped to a district; the plan importer names them as places outside
  Hangzhou (宁波, 温州, 深圳, 浙江省 …).
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path


class TownshipsError(ValueError):
    """A table here cannot be used; the message names the file and the row."""

TOWNSHIPS_FILE = "townships.csv"
OUTSIDE_FILE = "outside_places.csv"
MAX_BYTES = 2 * 1024 * 1024


def _rows(path: Path, columns: tuple[str, ...], what: str) -> list[dict]:
    from hzmap.model.files.safeio import FileProblem, read_text

    try:
        text = read_text(path, MAX_BYTES, what=what)
    except FileProblem as exc:
        raise TownshipsError(str(exc)) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise TownshipsError(f"{path}: missing column(s) {', '.join(missing)}")
    rows = []
    for row in reader:
        if any(not (row.get(c) or "").strip() for c in columns if c not in ("short",)):
            raise TownshipsError(f"{path}: line {reader.line_num}: an empty cell")
        rows.append(row)
    return rows


def township_forms(root: Path, known: set[str]) -> list[tuple[str, str, str]]:
    """(name, district id, note) for each form of Hangzhou's 乡镇/街道 the gazetteer reads: the
    full name, and the short form where it is safe alone (none when the file is not there)."""
    path = Path(root) / TOWNSHIPS_FILE
    if not path.exists():
        return []
    out = []
    for row in _rows(path, ("code", "name", "short", "bare", "district"), "townships table"):
        did = row["district"].strip()
        if did not in known:
            raise TownshipsError(f"{path}: {row['name']}: unknown district id {did!r}")
        note = f"乡镇街道 {row['name']}（统计用区划代码 {row['code']}，2023）"
        out.append((row["name"].strip(), did, note))
        if row["bare"].strip() == "yes" and row["short"].strip():
            out.append((row["short"].strip(), did, note))
    return out


@dataclass(frozen=True)
class Outside:
    start: int
    end: int
    name: str
    what: str            # e.g. 宁波市（浙江省）
    also: tuple = ()     # the other places of that name (市中区: 济南's, 枣庄's, 内江's, 乐山's)


_GENERIC = re.compile(r"^[\u4e00-\u9fff]区$")
# a name's last character starting a word of its own with the next: 江南区块 is a block called
# 江南, no 江南区 (南宁); 某某市场 a market
_WORDS_ON = {"区块", "区域", "区间", "区位", "区划", "市场"}


class OutsidePlaces:
    """Names of places outside Hangzhou, found in running text in one pass (names indexed by
    their first character, longest first), so a long document costs no more than its length."""

    def __init__(self, names: dict[str, str], shared: dict[str, tuple] | None = None) -> None:
        self.names = names
        self.shared = shared or {}      # name -> every place of that name, when several are
        self._by_first: dict[str, list[str]] = {}
        # 城区, 郊区, 东区 (of 阳泉, 攀枝花 …) are words before they are counties: 上城区, 主城区 and
        # 城区人口 name no place outside Hangzhou (after their city, the city is found anyway)
        for n in sorted((n for n in names if not _GENERIC.match(n)), key=len, reverse=True):
            self._by_first.setdefault(n[0], []).append(n)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Outside]:
        end = len(text) if end is None else end
        out, i = [], start
        while i < end:
            for n in self._by_first.get(text[i], ()):
                if text.startswith(n, i) and i + len(n) <= end and \
                        text[i + len(n) - 1:i + len(n) + 1] not in _WORDS_ON:
                    out.append(Outside(i, i + len(n), n, self.names[n], self.shared.get(n, ())))
                    i += len(n) - 1
                    break
            i += 1
        return out


def load_outside(root: Path) -> OutsidePlaces:
    path = Path(root) / OUTSIDE_FILE
    if not path.exists():
        return OutsidePlaces({})
    rows = _rows(path, ("name", "level", "what"), "table of places outside Hangzhou")
    shared: dict[str, tuple] = {}
    for r in rows:
        shared[r["name"].strip()] = shared.get(r["name"].strip(), ()) + (r["what"].strip(),)
    return OutsidePlaces({n: whats[0] for n, whats in shared.items()},
                         {n: whats for n, whats in shared.items() if len(whats) > 1})
