"""Reading a dataset folder into a :class:`Dataset`, collecting every problem on the way.

``load_dataset`` never stops at the first problem: it reads every file, validates every record on
its own (so one bad record does not hide the others), runs the cross-record checks in
``checks.py`` and then raises a single :class:`DatasetError` listing all problems, each formatted
``<file relative to the dataset folder>: <record> '<id>': <field>: <problem>``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from hzmap import paths
from hzmap.model.files.safeio import snippet
from .districts import read_districts
from .problems import DatasetError
from .yamlio import read_yaml
from .schema import (District, Element, Layout, Measure, MeasuresFile, Place, PlacesFile, Plan,
                     PlansFile, Target, TargetsFile)

KINDS = ("places", "layouts", "measures", "targets")


@dataclass
class Dataset:
    root: Path                                   # the dataset folder (with plans.yaml)
    districts: dict[str, District]
    plans: dict[str, Plan]
    places: dict[str, Place]
    layouts: dict[str, Layout]                   # layout.elements is a list[Element]
    measures: dict[str, Measure]
    targets: dict[str, Target]
    measure_plan: dict[str, str] = field(default_factory=dict)   # measure id -> plan id
    target_plan: dict[str, str] = field(default_factory=dict)    # target id -> plan id
    origin: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) -> file
    seeds_dir: Path | None = None
    doc_dirs: dict[str, Path] = field(default_factory=dict)   # plan id -> folder of its text
    excerpts_checked: bool = False
    index: Any = None                            # search.SearchIndex, built by the first search

    def elements(self):
        """Every (layout, element) pair, in file order."""
        for lay in self.layouts.values():
            for el in lay.elements:
                yield lay, el


# ---------------------------------------------------------------- pydantic errors -> lines

def _loc(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _short(v: Any) -> str:
    return snippet(v, 60)  # never repr() the value: it may be an alias-expanded giant


def format_validation(err: ValidationError, prefix: str, errors: list | None = None) -> list[str]:
    lines = []
    for e in errors if errors is not None else err.errors(include_url=False):
        loc = tuple(p for p in e["loc"] if p not in ("function-after", "function-before"))
        # drop discriminator tags that pydantic puts into the location of union members
        loc = tuple(p for i, p in enumerate(loc)
                    if not (i > 0 and loc[i - 1] == "geometry" and p in
                            ("districts", "river_band", "schematic", "places", "area")))
        where, typ, msg = _loc(loc), e["type"], e["msg"]
        if typ == "missing":
            lines.append(f"{prefix}missing field '{where}'")
        elif typ == "extra_forbidden":
            lines.append(f"{prefix}unknown field '{where}' (a typo? allowed fields are in SCHEMA.md)")
        elif typ == "value_error":
            text = msg.removeprefix("Value error, ")
            lines.append(f"{prefix}{where + ': ' if where else ''}{text}")
        else:
            lines.append(f"{prefix}{where + ': ' if where else ''}{msg} (got {_short(e.get('input'))})")
    return lines


def _label(kind: str, raw: Any, i: int) -> str:
    rid = raw.get("id") if isinstance(raw, dict) else None
    return f"{kind} '{rid}'" if isinstance(rid, str) and rid else f"{kind} #{i + 1}"


def validate_record(model: type[BaseModel], raw: Any, rel: str, label: str,
                    problems: list[str]):
    if not isinstance(raw, dict):
        problems.append(f"{rel}: {label}: expected a mapping of fields, got {_short(raw)}")
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as e:
        errors = e.errors(include_url=False)
        problems.extend(format_validation(e, f"{rel}: {label}: ", errors))
        # a misspelt top-level field alone should not hide the record's other problems
        extra = {err["loc"][0] for err in errors
                 if err["type"] == "extra_forbidden" and len(err["loc"]) == 1}
        if extra and len(extra) == len(errors):
            return model.model_validate({k: v for k, v in raw.items() if k not in extra})
        return None


# ---------------------------------------------------------------- loading

def _present(path: Path) -> bool:
    """Something is there (a file, a folder, a FIFO, a broken link): reading it says what."""
    return os.path.lexists(path)


def _dataset_dir(root: Path) -> Path:
    if _present(root / "plans.yaml"):
        return root
    if (root / "dataset").is_dir():
        return root / "dataset"
    return root


def _districts_csv(root: Path, ds_dir: Path) -> Path:
    for c in (root / "districts.csv", ds_dir / "districts.csv", ds_dir.parent / "districts.csv"):
        if _present(c):
            return c
    return paths.data_root() / "districts.csv"


def _yaml_files(ds_dir: Path, kind: str) -> list[Path]:
    d = ds_dir / kind
    if not d.is_dir():
        return []
    return sorted([*d.glob("*.yaml"), *d.glob("*.yml")])


def load_dataset(root: str | Path | None = None, seeds_dir: str | Path | None = None,
                 *, check_excerpts: bool = True, base: Dataset | None = None) -> Dataset:
    """Load and check a dataset. ``root`` is geodata/ (default) or a dataset folder itself.

    ``seeds_dir`` defaults to the project's source-document folder; when it does not exist the
    excerpt check is skipped and ``Dataset.excerpts_checked`` is False.
    """
    from . import checks  # local: keeps the import graph one-way

    root = Path(root) if root is not None else paths.data_root()
    ds_dir = _dataset_dir(root)
    seeds = Path(seeds_dir) if seeds_dir is not None else paths.seeds_dir()
    if seeds is not None and not seeds.is_dir():
        seeds = None
    problems: list[str] = []
    if not _present(ds_dir / "plans.yaml"):
        raise DatasetError([f"plans.yaml: not found in {ds_dir}"], ds_dir)

    districts = base.districts if base else read_districts(_districts_csv(root, ds_dir))
    ds = Dataset(root=ds_dir, districts=districts, plans={}, places={}, layouts={},
                 measures={}, targets={}, seeds_dir=seeds)
    if base is not None:   # a user dataset over `base` (overlay.py): ids and references span both
        for name in ("plans", "places", "layouts", "measures", "targets", "measure_plan",
                     "target_plan", "doc_dirs"):
            getattr(ds, name).update(getattr(base, name))
        ds.origin.update({k: str(base.root / v) for k, v in base.origin.items()})
    inherited = set(ds.plans)
    _load_plans(ds, problems)
    if (ds_dir / "sources").is_dir():   # a user dataset keeps its documents' text beside it
        ds.doc_dirs.update({p: ds_dir / "sources" for p in ds.plans if p not in inherited})
    for path in _yaml_files(ds_dir, "places"):
        _load_places(ds, path, problems)
    for path in _yaml_files(ds_dir, "layouts"):
        _load_layout(ds, path, problems)
    for path in _yaml_files(ds_dir, "measures"):
        _load_listed(ds, path, problems, MeasuresFile, Measure, "measures", "measure")
    for path in _yaml_files(ds_dir, "targets"):
        _load_listed(ds, path, problems, TargetsFile, Target, "targets", "target")

    unread = _unread_files(problems)
    cross: list[str] = []
    checks.check_references(ds, cross)
    if check_excerpts and (seeds is not None or ds.doc_dirs) and "plans.yaml" not in unread:
        checks.check_excerpts(ds, cross)
        ds.excerpts_checked = seeds is not None
    kept = [p for p in cross if not _follows_from(p, unread)]
    problems += kept
    if len(kept) < len(cross):
        # The records of a file that cannot be read are missing, so each reference to one would
        # be a problem too (one YAML syntax error gave 389): the cause is listed, not those.
        n = len(cross) - len(kept)
        problems.append(f"{unread[0]}: {n:,} more problem{'s' if n != 1 else ''} refer"
                        f"{'' if n != 1 else 's'} to records this file holds; left out until "
                        "it reads")
    if problems:
        raise DatasetError(problems, ds_dir)

    return ds


def _unread_files(problems: list[str]) -> list[str]:
    """The files whose records could not be read at all: unreadable, not YAML, empty, or not
    the shape of such a file (problems.parse: no record, or the record "file")."""
    from .problems import parse

    out = []
    for line in problems:
        p = parse(line)
        if p.record in ("", "file") and p.file not in out:
            out.append(p.file)
    return out


_FOLLOW = {"plans": re.compile(r"is not a plan id|but the record belongs to"),
           "places": re.compile(r"is not a place id|interpretation: missing|parts member|parts: no part"),
           "layouts": re.compile(r"is not an element of the layout|is not a layout id")}


def _follows_from(problem: str, unread: list[str]) -> bool:
    """Whether `problem` (from the checks across files) may only say that a record of an
    unread file is missing."""
    kinds = {"plans" if f == "plans.yaml" else f.split("/", 1)[0] for f in unread}
    return any(_FOLLOW[k].search(problem) for k in kinds if k in _FOLLOW)


def _rel(ds: Dataset, path: Path) -> str:
    try:
        return path.relative_to(ds.root).as_posix()
    except ValueError:
        return str(path)


def _add(ds: Dataset, store: dict, kind: str, rec, rel: str, problems: list[str]) -> bool:
    if rec.id in store:
        problems.append(f"{rel}: {kind} '{rec.id}': duplicate id "
                        f"(already used in {ds.origin[(kind, rec.id)]})")
        return False
    store[rec.id] = rec
    ds.origin[(kind, rec.id)] = rel
    return True


def _load_plans(ds: Dataset, problems: list[str]) -> None:
    rel = "plans.yaml"
    data = read_yaml(ds.root / rel, rel, problems)
    if data is None:
        return
    top = validate_record(PlansFile, data, rel, "file", problems)
    for i, raw in enumerate(top.plans if top else []):
        label = _label("plan", raw, i)
        rec = validate_record(Plan, raw, rel, label, problems)
        if rec:
            _add(ds, ds.plans, "plan", rec, rel, problems)


def _load_places(ds: Dataset, path: Path, problems: list[str]) -> None:
    rel = _rel(ds, path)
    data = read_yaml(path, rel, problems)
    top = validate_record(PlacesFile, data, rel, "file", problems) if data is not None else None
    for i, raw in enumerate(top.places if top else []):
        rec = validate_record(Place, raw, rel, _label("place", raw, i), problems)
        if rec:
            _add(ds, ds.places, "place", rec, rel, problems)


def _load_layout(ds: Dataset, path: Path, problems: list[str]) -> None:
    rel = _rel(ds, path)
    data = read_yaml(path, rel, problems)
    if data is None:
        return
    label = _label("layout", data, 0) if isinstance(data, dict) and "id" in data else "layout"
    lay = validate_record(Layout, data, rel, label, problems)
    if lay is None:
        return
    elements, seen = [], set()
    for i, raw in enumerate(lay.elements):
        el = validate_record(Element, raw, rel, _label("element", raw, i), problems)
        if el is None:
            continue
        if el.id in seen:
            problems.append(f"{rel}: element '{el.id}': duplicate id within layout '{lay.id}'")
            continue
        seen.add(el.id)
        elements.append(el)
    # the elements were validated one by one above; store the typed list
    lay = lay.model_copy(update={"elements": elements})
    _add(ds, ds.layouts, "layout", lay, rel, problems)


def _load_listed(ds: Dataset, path: Path, problems: list[str], file_model, rec_model,
                 key: str, kind: str) -> None:
    rel = _rel(ds, path)
    data = read_yaml(path, rel, problems)
    top = validate_record(file_model, data, rel, "file", problems) if data is not None else None
    if top is None:
        return
    store = ds.measures if kind == "measure" else ds.targets
    plan_of = ds.measure_plan if kind == "measure" else ds.target_plan
    ds.origin[(f"{key}_file", top.plan)] = rel
    for i, raw in enumerate(getattr(top, key)):
        rec = validate_record(rec_model, raw, rel, _label(kind, raw, i), problems)
        if rec and _add(ds, store, kind, rec, rel, problems):
            plan_of[rec.id] = top.plan
