"""Names of Hangzhou's places and the districts they mean: today's 13 units in every common
form, the units abolished in 2021, towns and areas, and the dataset's own places. No Qt.

The names are data (geodata/gazetteer.yaml and districts.csv; the dataset's places and their
aliases when a dataset is given). Every entry that is not a unit's own name carries
`interpretation=True` and a note, so whatever uses it (table joins, the plan importer) can
show the planner what was read into the text.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hzmap.model.geo.names import match as match_name
from hzmap.model.geo.names import normalise
from hzmap.model.geo.names import total as total_note
from hzmap.paths import data_root

GAZETTEER_FILE = "gazetteer.yaml"
MAX_BYTES = 1024 * 1024
@dataclass(frozen=True)
class Entry:
    name: str                    # the form that matched, as written in the gazetteer
    kind: str                    # "district", "former", "area", "township" or "place"
    districts: tuple[str, ...]   # today's district ids
    interpretation: bool         # False only for a unit's own name, short name, English or adcode
    note: str = ""
    place: str | None = None     # the dataset place id, for kind "place"


class Gazetteer:
    def __init__(self, entries: list[Entry], totals: dict[str, str] | None = None) -> None:
        self.entries = entries
        self.totals = {normalise(k): v for k, v in (totals or {}).items()}  # form -> note
        self._by_key: dict[str, Entry] = {}
        for e in entries:  # the first entry of a form wins: units before areas before places
            self._by_key.setdefault(normalise(e.name), e)
        # longest forms first, so 钱江新城 wins over 钱江 in running text
        self._forms = sorted(self._by_key, key=len, reverse=True)

    def lookup(self, name) -> Entry | None:
        """The entry whose form is exactly `name` (spaces, case and bracket width ignored)."""
        if name is None:
            return None
        return self._by_key.get(normalise(name))

    def match(self, name) -> Entry | None:
        """`name` as an office writes it: lookup, then the forms of hzmap.model.geo.names
        (浙江省杭州市西湖区, xihuqu, 萧山经济技术开发区, a township's statistical code)."""
        return match_name(self, name)

    def total(self, name) -> str | None:
        """The note of a total row (全市, 全  市, 合 计, 杭州市, 市区 ...), or None."""
        return total_note(self, name)

    def find_all(self, text: str) -> list[tuple[int, int, Entry]]:
        """(start, end, entry) of every name in running text, longest match first, no overlaps.
        Positions are in `text` as given."""
        found: list[tuple[int, int, Entry]] = []
        taken = [False] * len(text)
        for key in self._forms:
            if not key or key.isdigit() or key.isascii():
                continue  # running Chinese text: match Chinese forms only
            start = text.find(key)
            while start >= 0:
                end = start + len(key)
                if not any(taken[start:end]):
                    found.append((start, end, self._by_key[key]))
                    for i in range(start, end):
                        taken[i] = True
                start = text.find(key, end)
        return sorted(found, key=lambda f: f[0])


class GazetteerError(ValueError):
    """The gazetteer or the districts table cannot be used; the message names the file."""


def _read_yaml(path: Path) -> dict:
    """gazetteer.yaml through the dataset's safe YAML reader (no tags, no alias bombs)."""
    from hzmap.model.dataset.yamlio import load
    from hzmap.model.files.safeio import FileProblem

    try:
        data = load(path, MAX_BYTES, what="gazetteer")
    except FileProblem as exc:
        raise GazetteerError(str(exc)) from None
    if not isinstance(data, dict):
        raise GazetteerError(f"{path}: not a mapping of district_forms, former and areas")
    return data


@dataclass(frozen=True)
class _Unit:
    id: str
    adcode: str
    name_zh: str
    name_en: str
    pinyin: str


def _units(path: Path) -> list[_Unit]:
    """districts.csv's units, read with the csv module: the dataset's validating reader brings
    pydantic, which a table join from the command line has no other use for."""
    import csv
    import io

    from hzmap.model.files.safeio import FileProblem, read_text

    try:
        text = read_text(path, MAX_BYTES, what="districts table")
    except FileProblem as exc:
        raise GazetteerError(str(exc)) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    fields = [f for f in _Unit.__dataclass_fields__]
    missing = [f for f in fields if f not in (reader.fieldnames or [])]
    if missing:
        raise GazetteerError(f"{path}: missing column(s) {', '.join(missing)}")
    units = []
    for row in reader:
        cells = {f: (row.get(f) or "").strip() for f in fields}
        if not all(cells.values()):
            raise GazetteerError(f"{path}: line {reader.line_num}: an empty cell")
        units.append(_Unit(**cells))
    if not units:
        raise GazetteerError(f"{path}: no districts in the table")
    return units


def _listed(value, where: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise GazetteerError(f"{where}: expected a list, got {type(value).__name__}")
    return value


def load_gazetteer(dataset=None, root: Path | None = None) -> Gazetteer:
    """The gazetteer from geodata/ (or `root`), with the dataset's places when one is given."""
    root = Path(root) if root is not None else data_root()
    path = root / GAZETTEER_FILE
    data = _read_yaml(path)
    entries: list[Entry] = []
    units = _units(root / "districts.csv")
    for row in units:
        did, zh = row.id, row.name_zh
        short = zh[:-1] if len(zh) > 2 and zh[-1] in "区县市" else zh
        en = row.name_en
        own = [zh, short, en, en.rsplit(" ", 1)[0], row.pinyin, row.adcode, did]
        for name in dict.fromkeys(own):
            entries.append(Entry(name, "district", (did,), False))
    known = {row.id for row in units}

    def districts_of(item, where) -> tuple[str, ...]:
        if not isinstance(item, dict):
            raise GazetteerError(f"{path}: {where}: expected a mapping with districts and names")
        ids = tuple(str(d) for d in _listed(item.get("districts"), f"{path}: {where}: districts"))
        bad = [d for d in ids if d not in known]
        if bad or not ids:
            raise GazetteerError(f"{path}: {where}: unknown district id(s) {bad or list(ids)}"[:300])
        return ids

    forms_of = data.get("district_forms") or {}
    if not isinstance(forms_of, dict):
        raise GazetteerError(f"{path}: district_forms: expected a mapping of district id to names")
    for did, forms in forms_of.items():
        ids = districts_of({"districts": [did]}, f"district_forms {str(did)[:40]}")
        for name in _listed(forms, f"{path}: district_forms {did}"):
            entries.append(Entry(str(name), "district", ids, True, "同一区县的别称"))
    totals = {}
    for i, item in enumerate(_listed(data.get("totals"), f"{path}: totals"), 1):
        if not isinstance(item, dict):
            raise GazetteerError(f"{path}: totals {i}: expected a mapping with names and a note")
        for name in _listed(item.get("names"), f"{path}: totals {i}: names"):
            totals[str(name)] = str(item.get("note") or "a total row")
    for section, kind in (("former", "former"), ("areas", "area")):
        for i, item in enumerate(_listed(data.get(section), f"{path}: {section}"), 1):
            ids = districts_of(item, f"{section} {i}")
            for name in _listed(item.get("names"), f"{path}: {section} {i}: names"):
                entries.append(Entry(str(name), kind, ids, True, str(item.get("note") or "")))
    from hzmap.model.geo.townships import township_forms   # 乡镇/街道, after the curated areas
    try:
        entries += [Entry(n, "township", (d,), True, note) for n, d, note in township_forms(root, known)]
    except ValueError as exc:
        raise GazetteerError(str(exc)) from None
    if dataset is not None:
        for pid, place in dataset.places.items():
            for name in dict.fromkeys([place.name, *place.aliases]):
                entries.append(Entry(name, "place", tuple(place.districts), True,
                                     "数据集中的地点", place=pid))
    return Gazetteer(entries, totals)
