"""The parts of a layout a map cannot show, named so the map says so instead of leaving them out
silently (“四廊：文本未指明位置，未标示”). No Qt, no matplotlib.

A part is unplaced when:
- the layout lists it under `unplaced` (its text names it but says nowhere where it is: the
  “四廊” of 两带引领+四廊支撑+多平台联动);
- an element is marked `needs_place` (an imported plan's “一廊” that names no district);
- an element has nothing to draw (no figure, no place the map can show).
"""
from __future__ import annotations

from dataclasses import dataclass

from hzmap.model.dataset.queries import drawn_places
from hzmap.model.elements.shape import element_figure

NOTE = {"zh": "{name}：文本未指明位置，未标示", "en": "{name}: the text does not say where; not shown"}


@dataclass(frozen=True)
class Unplaced:
    name: str       # in the language asked for
    source: object  # the passage that names it (a dataset Source), or None

    def note(self, lang: str) -> str:
        return NOTE["en" if lang == "en" else "zh"].format(name=self.name)


def unplaced_parts(ds, geo, layout_id: str | None, lang: str = "zh") -> list[Unplaced]:
    """The parts of the layout that no map of it shows, in the layout's order."""
    if ds is None or layout_id is None or layout_id not in ds.layouts:
        return []
    lay = ds.layouts[layout_id]
    en = lang == "en"
    out = [Unplaced(part.name_en if en else part.name, part.all_sources[0]) for part in getattr(lay, "unplaced", [])]
    for el in lay.elements:
        name = (el.name_en or el.name) if en else el.name
        if el.needs_place or not _drawn(ds, geo, el):
            out.append(Unplaced(name, el.all_sources[0] if el.all_sources else None))
    return out


def _drawn(ds, geo, el) -> bool:
    """Whether the map draws anything of the element (a figure or a place's symbol)."""
    if el.geometry.type != "places" and element_figure(geo, el) is not None:
        return True
    return any(p in ds.places and drawn_places(ds, p) for p in el.places)
