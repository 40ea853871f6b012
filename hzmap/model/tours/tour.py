"""Guided tours: a list of steps, each a saved view of the map with a caption. No Qt.

A step remembers what the audience sees (extent, layout, selection, spotlight) and what the
presenter says (a title and caption in Chinese and English, and the source the claim rests on).
`default_tour` walks a layout's elements in document order (一核, then 一带, 两翼, 多基地), so every
layout has a tour without anyone writing one. Tours serialise to plain dicts for the project file.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from hzmap.model.dataset.provenance import cite
from hzmap.model.elements.shape import element_footprint
from hzmap.model.geo.extent import Extent, fit
from hzmap.model.geo.extent import problem as extent_problem
from hzmap.model.view.viewstate import Selection, View

TOUR_FORMAT = 1
MARGIN = 0.12          # of the element's larger side, on every side
MIN_SPAN_M = 16_000.0  # never zoom closer than ~16 km across: a base alone needs its context


@dataclass
class TourStep:
    """One stop of a tour. `extent` is (xmin, ymin, xmax, ymax) in map metres, like view_extent."""

    extent: tuple[float, float, float, float]
    layout: str | None = None
    selection: str | None = None
    spotlight_element: str | None = None          # an element id of `layout`
    spotlight_districts: list[str] = field(default_factory=list)
    title_zh: str = ""
    title_en: str = ""
    caption_zh: str = ""
    caption_en: str = ""
    source_zh: str = ""                           # "plan short name §section"
    source_en: str = ""
    notes_zh: str = ""                            # what the presenter says; not shown to the room
    notes_en: str = ""

    def title(self, lang: str = "zh") -> str:
        return (self.title_en or self.title_zh) if lang == "en" else (self.title_zh or self.title_en)

    def caption(self, lang: str = "zh") -> str:
        return (self.caption_en or self.caption_zh) if lang == "en" else (self.caption_zh or self.caption_en)

    def source(self, lang: str = "zh") -> str:
        return (self.source_en or self.source_zh) if lang == "en" else (self.source_zh or self.source_en)

    def notes(self, lang: str = "zh") -> str:
        return (self.notes_en or self.notes_zh) if lang == "en" else (self.notes_zh or self.notes_en)


@dataclass
class Tour:
    name: str
    layout: str | None = None
    steps: list[TourStep] = field(default_factory=list)
    name_en: str = ""

    def __len__(self) -> int:
        return len(self.steps)


# -- a step per element -----------------------------------------------------------------------
def padded_extent(bounds, margin: float = MARGIN, min_span: float = MIN_SPAN_M):
    """The bounds widened to at least `min_span` and padded by `margin` of the larger side,
    as (xmin, ymin, xmax, ymax) like a step's extent."""
    return fit(bounds, margin, min_span).bounds


def element_step(ds, geo, layout_id: str, element) -> TourStep:
    """The element in view and in the spotlight, captioned with its function and source."""
    shape = element_footprint(ds, geo, element)
    bounds = shape.bounds if not shape.is_empty else geo.bounds
    return TourStep(
        extent=tuple(float(v) for v in padded_extent(bounds)),
        layout=layout_id,
        spotlight_element=element.id,
        spotlight_districts=list(element.districts),
        title_zh=element.name,
        title_en=element.name_en,
        caption_zh=element.function,
        caption_en=element.role_en,
        source_zh=cite(element.all_sources[0], ds.plans, "zh"),
        source_en=cite(element.all_sources[0], ds.plans, "en"),
    )


def step_view(step: TourStep, base: View) -> View:
    """What the audience sees at a step: `base` (language, layers) with the step's layout,
    extent and selection."""
    return replace(base, extent=Extent.from_bounds(step.extent), preset="custom", layout=step.layout,
                   selection=Selection.district(step.selection))


def tour_problems(tour: Tour, ds, geo) -> list[str]:
    """Ids in a tour this hzmap's data does not have (the step is kept; the id is not shown)."""
    out = []
    for i, step in enumerate(tour.steps, 1):
        if ds is not None and step.layout is not None and step.layout not in ds.layouts:
            out.append(f"step {i}: layout {step.layout[:60]!r} is not in this hzmap's data")
        elif ds is not None and step.layout is not None and step.spotlight_element is not None \
                and step.spotlight_element not in {e.id for e in ds.layouts[step.layout].elements}:
            out.append(f"step {i}: element {step.spotlight_element[:60]!r} is not in layout {step.layout}")
        for did in [step.selection, *step.spotlight_districts]:
            if geo is not None and did is not None and did not in geo.districts:
                out.append(f"step {i}: district {str(did)[:60]!r} is not one of Hangzhou's 13")
        why = extent_problem(Extent.from_bounds(step.extent))
        if why:
            out.append(f"step {i}: {why}")
    return out


def default_tour(ds, geo, layout_id: str) -> Tour:
    """One step per element of the layout, in the order the document lists them."""
    layout = ds.layouts[layout_id]
    return Tour(name=layout.name, name_en=layout.name_en, layout=layout_id,
                steps=[element_step(ds, geo, layout_id, el) for el in layout.elements])


# -- plain dicts (project file) -----------------------------------------------------------------
_STEP_FIELDS = ("layout", "selection", "spotlight_element", "title_zh", "title_en",
                "caption_zh", "caption_en", "source_zh", "source_en", "notes_zh", "notes_en")


def step_to_dict(step: TourStep) -> dict:
    out = {"extent": [float(v) for v in step.extent],
           "spotlight_districts": list(step.spotlight_districts)}
    out.update({k: getattr(step, k) for k in _STEP_FIELDS})
    return out


def step_from_dict(d: dict) -> TourStep:
    if not isinstance(d, dict):
        raise ValueError(f"a tour step is an object, not a {type(d).__name__}")
    extent = d.get("extent")
    if not isinstance(extent, list) or len(extent) != 4 or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in extent):
        raise ValueError("a tour step needs an extent of 4 numbers")
    kwargs = {k: d.get(k) for k in _STEP_FIELDS if d.get(k) is not None}
    bad = [k for k, v in kwargs.items() if not isinstance(v, str) or len(v) > 5000]
    spot = d.get("spotlight_districts") or []
    if bad or not isinstance(spot, list) or not all(isinstance(v, str) for v in spot):
        raise ValueError(f"a tour step's {', '.join(bad) or 'spotlight_districts'} is not text")
    return TourStep(extent=tuple(float(v) for v in extent), spotlight_districts=list(spot), **kwargs)


def tour_to_dict(tour: Tour) -> dict:
    """JSON/YAML-ready dict: {"format", "name", "name_en", "layout", "steps": [...]}."""
    return {"format": TOUR_FORMAT, "name": tour.name, "name_en": tour.name_en,
            "layout": tour.layout, "steps": [step_to_dict(s) for s in tour.steps]}


def tour_from_dict(d: dict) -> Tour:
    """A tour from its dict; ValueError says which step (1-based) is broken and why."""
    if not isinstance(d, dict):
        raise ValueError(f"a tour is an object, not a {type(d).__name__}")
    fmt = d.get("format", TOUR_FORMAT)
    if not isinstance(fmt, int) or isinstance(fmt, bool):
        raise ValueError(f"tour format {str(fmt)[:20]!r} is not a number")
    if fmt > TOUR_FORMAT:
        raise ValueError(f"tour format {fmt} is newer than this hzmap reads ({TOUR_FORMAT})")
    layout, raw = d.get("layout"), d.get("steps") or []
    if layout is not None and not isinstance(layout, str) or not isinstance(raw, list):
        raise ValueError("a tour's layout must be an id and its steps a list")
    steps = []
    for i, s in enumerate(raw, 1):
        try:
            steps.append(step_from_dict(s))
        except ValueError as exc:
            raise ValueError(f"step {i}: {exc}") from None
    return Tour(name=str(d.get("name") or "")[:200], name_en=str(d.get("name_en") or "")[:200],
                layout=layout, steps=steps)


def tours_from_dicts(dicts, ds, geo) -> tuple[list[Tour], list[str]]:
    """A project's tours, and what is wrong with them: a malformed one is left out and named, the
    others keep the problems tour_problems finds."""
    tours, problems = [], []
    for i, d in enumerate(dicts or [], 1):
        try:
            tour = tour_from_dict(d)
        except Exception as exc:  # any malformed tour: report it, keep the others
            problems.append(f"tour {i} not loaded: {exc}")
            continue
        problems += [f"tour {i} ({tour.name}): {why}" for why in tour_problems(tour, ds, geo)]
        tours.append(tour)
    return tours, problems
