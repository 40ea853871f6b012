"""Cross-record checks: ids that must exist, district/place references, provenance."""

from __future__ import annotations

import os
from typing import Iterator

from hzmap.model.files.safeio import FileProblem
from hzmap.model.files.paths import safe_relative_path

from . import provenance
from .comparators import comparator_for


def _where(ds, kind: str, rid: str) -> str:
    return f"{ds.origin.get((kind, rid), '?')}: {kind} '{rid}'"


def _sources(ds) -> Iterator[tuple[str, str, str, object]]:
    """(prefix, field, expected plan or None, Source) for every source in the dataset."""
    for p in ds.places.values():
        for i, s in enumerate(p.all_sources):
            yield _where(ds, "place", p.id), _field(p, i), None, s
    for lay in ds.layouts.values():
        rel = ds.origin.get(("layout", lay.id), "?")
        for i, s in enumerate(lay.all_sources):
            yield f"{rel}: layout '{lay.id}'", _field(lay, i), lay.plan, s
        for el in lay.elements:
            for i, s in enumerate(el.all_sources):
                yield f"{rel}: element '{el.id}'", _field(el, i), lay.plan, s
        for k, part in enumerate(lay.unplaced):
            for i, s in enumerate(part.all_sources):
                yield f"{rel}: layout '{lay.id}': unplaced[{k}]", _field(part, i), lay.plan, s
    for m in ds.measures.values():
        for i, s in enumerate(m.all_sources):
            yield _where(ds, "measure", m.id), _field(m, i), ds.measure_plan.get(m.id), s
    for t in ds.targets.values():
        for i, s in enumerate(t.all_sources):
            yield _where(ds, "target", t.id), _field(t, i), ds.target_plan.get(t.id), s


def _field(rec, i: int) -> str:
    if rec.source is not None:
        return "source" if i == 0 else f"sources[{i - 1}]"
    return f"sources[{i}]"


def check_references(ds, problems: list[str]) -> None:
    plans, places, districts = ds.plans, ds.places, ds.districts

    def bad_districts(prefix: str, fieldname: str, ids: list[str]) -> None:
        for d in ids:
            if d not in districts:
                problems.append(f"{prefix}: {fieldname} member '{d}' is not a district id "
                                "(districts.csv)")

    def bad_places(prefix: str, fieldname: str, ids: list[str]) -> None:
        for p in ids:
            if p not in places:
                problems.append(f"{prefix}: {fieldname} member '{p}' is not a place id "
                                "(places/*.yaml)")

    for p in places.values():
        bad_districts(_where(ds, "place", p.id), "districts", p.districts)
        _check_parts(ds, p, problems)

    for lay in ds.layouts.values():
        rel = ds.origin.get(("layout", lay.id), "?")
        if lay.plan not in plans:
            problems.append(f"{rel}: layout '{lay.id}': plan '{lay.plan}' is not a plan id "
                            "(plans.yaml)")
        for el in lay.elements:
            pre = f"{rel}: element '{el.id}'"
            bad_districts(pre, "districts", el.districts)
            bad_districts(pre, "primary_districts", el.primary_districts)
            bad_places(pre, "places", el.places)
            for d in el.primary_districts:
                if d in districts and d not in el.districts:
                    problems.append(f"{pre}: primary_districts member '{d}' is not in districts")
            if el.geometry.type == "places" and not el.places:
                problems.append(f"{pre}: geometry: type 'places' needs a non-empty places list")
            if not el.districts and not el.places and not el.needs_place:
                problems.append(f"{pre}: names no district and no place (give districts or places, "
                                "or mark it needs_place: true)")
            _check_interpretation(ds, pre, el, problems)
        _check_conflicts(ds, rel, lay, problems)

    for kind, store, plan_of in (("measure", ds.measures, ds.measure_plan),
                                 ("target", ds.targets, ds.target_plan)):
        for rid, rec in store.items():
            pre = _where(ds, kind, rid)
            bad_districts(pre, "districts", rec.districts)
            bad_places(pre, "places", rec.places)
    for (key, plan_id), rel in list(ds.origin.items()):
        if key in ("measures_file", "targets_file") and plan_id not in plans:
            problems.append(f"{rel}: plan '{plan_id}' is not a plan id (plans.yaml)")

    for prefix, fieldname, expected, src in _sources(ds):
        if src.doc not in plans:
            problems.append(f"{prefix}: {fieldname}.doc '{src.doc}' is not a plan id (plans.yaml)")
        elif expected and expected in plans and src.doc != expected:
            problems.append(f"{prefix}: {fieldname}.doc is '{src.doc}' but the record belongs to "
                            f"plan '{expected}'")
    check_comparators(ds, problems)
    check_assumed_years(ds, problems)
    check_succession(ds, problems)


def check_succession(ds, problems: list[str]) -> None:
    """`supersedes` and `continues` name other plans, earlier ones, without going round."""
    from .lifecycle import start_of

    for plan in ds.plans.values():
        pre = f"{ds.origin.get(('plan', plan.id), 'plans.yaml')}: plan '{plan.id}'"
        for rel in ("supersedes", "continues"):
            for other in getattr(plan, rel):
                if other == plan.id:
                    problems.append(f"{pre}: {rel}: names the plan itself")
                elif other not in ds.plans:
                    problems.append(f"{pre}: {rel} member '{other}' is not a plan id (plans.yaml)")
                elif rel == "continues" and other in plan.supersedes:
                    problems.append(f"{pre}: '{other}' is in both supersedes and continues "
                                    "(a plan either replaces another or carries it on)")
                else:
                    mine, theirs = start_of(plan), start_of(ds.plans[other])
                    if mine is not None and theirs is not None and mine < theirs:
                        problems.append(f"{pre}: {rel}: '{other}' starts later ({theirs}) than "
                                        f"this plan ({mine}); name the earlier plan in the later one")
    for plan in ds.plans.values():
        own = [*plan.supersedes, *plan.continues]
        if plan.id not in own and plan.id in _reached_from(ds, plan.id):   # itself: said above
            problems.append(f"{ds.origin.get(('plan', plan.id), 'plans.yaml')}: plan "
                            f"'{plan.id}': succession goes round back to itself")


def _reached_from(ds, plan_id: str) -> set[str]:
    """The plans reached by following supersedes and continues from `plan_id`."""
    seen: set[str] = set()
    todo = [plan_id]
    while todo:
        plan = ds.plans[todo.pop()]
        for other in [*plan.supersedes, *plan.continues]:
            if other in ds.plans and other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def check_assumed_years(ds, problems: list[str]) -> None:
    """One rule for a goal whose text names no year: the last year of its plan's term."""
    for t in ds.targets.values():
        plan = ds.plans.get(ds.target_plan.get(t.id, ""))
        end = plan.in_force.to if plan is not None and plan.in_force is not None else None
        if t.year_assumed and end is not None and t.year != end.year:
            problems.append(f"{_where(ds, 'target', t.id)}: year: {t.year} is assumed (the text "
                            f"names no year), so it is the last year of the plan's term, {end.year}")


def check_comparators(ds, problems: list[str]) -> None:
    """A target's comparator is what the words around its figure commit to (comparators.py),
    so one wording reads the same in every plan."""
    for t in ds.targets.values():
        if t.milestone:   # no figure in the text: nothing to read a comparator from
            continue
        text = t.all_sources[0].excerpt
        want = comparator_for(text, t.value, t.unit, t.indicator)
        pre = _where(ds, "target", t.id)
        if want is None:
            problems.append(f"{pre}: value: {t.value:g} {t.unit} is not written in the excerpt "
                            f"'{text}' (the comparator is read from the words around it)")
        elif want != t.comparator:
            problems.append(f"{pre}: comparator: '{t.comparator}' but the wording '{text}' "
                            f"reads '{want}' (rule: hzmap/model/dataset/comparators.py)")


def _check_conflicts(ds, rel: str, lay, problems: list[str]) -> None:
    els = {el.id: el for el in lay.elements}
    for i, c in enumerate(lay.conflicts):
        pre = f"{rel}: layout '{lay.id}': conflicts[{i}]"
        for eid in c.elements:
            if eid not in els:
                problems.append(f"{pre}: elements member '{eid}' is not an element of the layout")
        for d in c.districts:
            if d not in ds.districts:
                problems.append(f"{pre}: districts member '{d}' is not a district id")
                continue
            for eid in c.elements:
                if eid in els and d not in els[eid].districts:
                    problems.append(f"{pre}: district '{d}' is not in element '{eid}'s districts")


def _check_parts(ds, place, problems: list[str]) -> None:
    """A place drawn through its parts must get a symbol in every district it covers."""
    pre, covered = _where(ds, "place", place.id), set()
    for pid in place.parts:
        part = ds.places.get(pid)
        if part is None or pid == place.id or part.parts:
            why = ("is not a place id (places/*.yaml)" if part is None else
                   "is the place itself" if pid == place.id else "has parts of its own")
            problems.append(f"{pre}: parts member '{pid}' {why}")
            continue
        outside = [d for d in part.districts if d not in place.districts]
        if outside:
            problems.append(f"{pre}: parts member '{pid}' lies in {', '.join(outside)}, "
                            "which is not in the place's districts")
        covered.update(part.districts)
    missing = [d for d in place.districts if place.parts and d not in covered]
    if missing:
        problems.append(f"{pre}: parts: no part lies in {', '.join(missing)} (the place would "
                        "not be drawn there)")


def _check_interpretation(ds, pre: str, el, problems: list[str]) -> None:
    """`interpretation` is required when `literal` does not name the element's districts."""
    if el.interpretation is not None:
        return
    via_places = {d for p in el.places if p in ds.places for d in ds.places[p].districts}
    unnamed = []
    for d in el.districts:
        dist = ds.districts.get(d)
        if dist is None or d in via_places:
            continue
        if dist.name_zh not in el.literal and dist.short_name not in el.literal:
            unnamed.append(d)
    if unnamed:
        problems.append(f"{pre}: interpretation: missing: literal '{el.literal}' does not name "
                        f"{', '.join(unnamed)}; add interpretation.note saying how the wording "
                        "maps to these districts")


def check_excerpts(ds, problems: list[str]) -> None:
    """Every excerpt must be found (whitespace-insensitively) in its plan's document."""
    texts: dict[str, str | None] = {}
    for plan in ds.plans.values():
        folder = ds.doc_dirs.get(plan.id, ds.seeds_dir)
        texts[plan.id] = None
        if folder is None:
            continue
        try:  # a link in the folder must not lead to a file elsewhere
            path = safe_relative_path(folder, plan.file) if os.path.lexists(folder / plan.file) else folder / plan.file
        except ValueError as e:
            problems.append(f"plans.yaml: plan '{plan.id}': file: {e}; not read")
            continue
        if not os.path.lexists(path):
            problems.append(f"plans.yaml: plan '{plan.id}': file: '{plan.file}' not found in "
                            f"{folder}")
            continue
        try:
            texts[plan.id] = provenance.document_text(path)
        except FileProblem as e:
            problems.append(f"plans.yaml: plan '{plan.id}': file: {e}")
    for plan in ds.plans.values():
        text = texts.get(plan.id)
        for i, lost in enumerate(plan.lost_headings):
            if text is not None and provenance.squash(lost.before) not in text:
                problems.append(f"plans.yaml: plan '{plan.id}': lost_headings[{i}].before: "
                                f"'{lost.before}' is not in {plan.file}")
    for prefix, fieldname, _expected, src in _sources(ds):
        text = texts.get(src.doc)
        if text is None:
            continue
        if not provenance.excerpt_found(src.excerpt, text):
            msg = (f"{prefix}: {fieldname}.excerpt not found in the source document "
                   f"{ds.plans[src.doc].file} ({src.doc}): '{src.excerpt}'")
            near = provenance.closest_passage(src.excerpt, text)
            if near:
                msg += f" — the document has: '{near}'"
            problems.append(msg)
