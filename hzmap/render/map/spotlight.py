"""Display modes of the map for meetings: spotlight, presentation type, projector theme, language.

The spotlight lays a white translucent mask over everything except the districts or the layout
element being talked about (as LayoutOverlay.set_dimmed does for filters), and fades the other
elements' symbols and labels that sit above the mask. Everything here changes artists in place on
a plain Figure, so the presentation window, the export and the tests draw the same thing. No Qt.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from matplotlib.patches import PathPatch

from hzmap.model.elements.shape import element_footprint
from hzmap.render.map import style as st
from hzmap.render.map.geometry import polygon_path

Z_SPOTLIGHT = 5.6      # above district groups, bands and schematics; below places and labels
MASK_RGBA = (1, 1, 1, 0.78)
FADED_ALPHA = 0.22
KEEP_PAD_M = 400.0     # the hole is a little larger than the element, so its edge stays crisp

# Sizes read across a meeting room from a projector (about twice the desk sizes).
PRESENTATION_TYPE = st.TypeScale(district_label=17.0, district_label_urban=19.0, element_label=16.0,
                                 caption=20.0, title=28.0)


@dataclass(frozen=True)
class PresentationStyle(st.MapStyle):
    """Bigger labels, heavier lines and symbols (`symbol_scale` is read by LayoutOverlay)."""

    type: st.TypeScale = field(default_factory=lambda: PRESENTATION_TYPE)
    boundary_width: float = 1.4
    outline_width: float = 2.6
    select_width: float = 4.5
    hover_width: float = 3.0
    water_line_width: float = 1.6
    fill_lightness: float = 0.3
    symbol_scale: float = 2.0
    legend_size: float = 14.0


def presentation_style() -> PresentationStyle:
    return PresentationStyle()


# -- projector theme ---------------------------------------------------------------------------
HIGH_CONTRAST = {"outside": "#1B1F24", "boundary": "#000000", "outline": "#000000",
                 "water_fill": "#5FA8E0", "water_line": "#1F6FB5", "text": "#000000"}


def apply_high_contrast(renderer, on: bool = True) -> None:
    """Dark surroundings, black boundaries, stronger water: what survives a washed-out projector."""
    colours = HIGH_CONTRAST if on else {"outside": st.LAND_OUTSIDE, "boundary": st.BOUNDARY,
                                        "outline": st.OUTLINE, "water_fill": st.WATER_FILL,
                                        "water_line": st.WATER_LINE, "text": st.TEXT}
    renderer.fig.set_facecolor(colours["outside"])
    boundaries, outline = renderer.layers["boundaries"]
    boundaries.set_color(colours["boundary"])
    outline.set_color(colours["outline"])
    *areas, lines = renderer.layers["water"]
    for patch in areas:
        patch.set_facecolor(colours["water_fill"])
    lines.set_color(colours["water_line"])
    for text in renderer.labels.values():
        text.set_color(colours["text"])
        text.set_fontweight("bold" if on else "normal")
    renderer.high_contrast = on


# -- spotlight -------------------------------------------------------------------------------------
class Spotlight:
    """Dim all but some districts or one element of the layout shown."""

    def __init__(self, renderer) -> None:
        self.r = renderer
        self.patch: PathPatch | None = None
        self.element: str | None = None
        self.districts: frozenset[str] = frozenset()
        self._faded: list = []           # (artist, alpha before)
        self._masks: dict = {}

    @property
    def active(self) -> bool:
        return self.patch is not None

    def clear(self) -> None:
        if self.patch is not None:
            self.patch.remove()
            self.patch = None
        for artist, alpha in self._faded:
            artist.set_alpha(alpha)
        self._faded = []
        self.element, self.districts = None, frozenset()

    def show_districts(self, districts) -> None:
        districts = frozenset(d for d in districts if d in self.r.geo.districts)
        self.clear()
        if not districts:
            return
        key = ("districts", districts)
        if key not in self._masks:
            keep = shapely.union_all([self.r.geo.districts[d].geometry for d in districts])
            self._masks[key] = self._mask_path(keep)
        self.districts = districts
        self._apply(self._masks[key], keep_element=None)

    def show_element(self, element_id: str) -> None:
        """Spotlight an element of the layout shown (its districts, shape and places)."""
        overlay = self.r.overlay
        if overlay is None or overlay.layout_id is None:
            raise ValueError("no layout is shown")
        layout = overlay.ds.layouts[overlay.layout_id]
        element = next((e for e in layout.elements if e.id == element_id), None)
        if element is None:
            raise KeyError(f"no element '{element_id}' in layout '{layout.id}'")
        self.clear()
        key = ("element", layout.id, element_id)
        if key not in self._masks:
            self._masks[key] = self._mask_path(element_footprint(overlay.ds, self.r.geo, element))
        self.element = element_id
        self.districts = frozenset(element.districts)
        self._apply(self._masks[key], keep_element=element_id)

    def _mask_path(self, keep):
        x0, y0, x1, y1 = self.r.geo.bounds
        span = max(x1 - x0, y1 - y0)
        world = shapely.box(x0 - 2 * span, y0 - 2 * span, x1 + 2 * span, y1 + 2 * span)
        return polygon_path(world.difference(keep.buffer(KEEP_PAD_M)))

    def _apply(self, path, keep_element: str | None) -> None:
        self.patch = PathPatch(path, facecolor=MASK_RGBA, edgecolor="none", zorder=Z_SPOTLIGHT)
        self.r.ax.add_artist(self.patch)
        overlay = self.r.overlay
        if overlay is not None:
            for ea in overlay.elements():
                if ea.element_id == keep_element:
                    continue
                for art in ea.artists:
                    if art.get_zorder() > Z_SPOTLIGHT:
                        self._fade(art)
        for did, text in self.r.labels.items():
            if did not in self.districts:
                self._fade(text, 0.45)

    def _fade(self, artist, alpha: float = FADED_ALPHA) -> None:
        before = artist.get_alpha()
        self._faded.append((artist, before))
        # symbols dimmed by a filter carry one alpha each (an array): fade those, keep the dimming
        artist.set_alpha(np.minimum(before, alpha) if isinstance(before, np.ndarray) else alpha)

    def faded_artists(self) -> list:
        return [a for a, _ in self._faded]
