"""A plan's layout drawn over the base map: each element's figure (hzmap.model.elements.shape)
styled as hzmap.render.map.layout_style says, its base symbols (place_symbols.py) and its label,
and the legend (layout_legend.py).

Artists for a layout are built the first time it is shown (or ahead of that, in the window's
idle time: prebuild) and kept, so switching back and forth only toggles visibility. Before each
placement of the labels the symbols that would hide each other are spread (symbol_spread.py)
and the legend is made again if what shows in the frame changed.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
from matplotlib import patheffects
from matplotlib.patches import PathPatch

from hzmap.model.elements.symbols import element_symbols
from hzmap.render.map import label_rules as rules
from hzmap.render.map import layout_legend, layout_marks, place_symbols
from hzmap.render.map.geometry import polygon_path
from hzmap.render.map.diagram_style import STANDARD, STRUCTURE, STYLES
from hzmap.render.map.label_text import element_names, place_names
from hzmap.render.map.layout_figures import styled
from hzmap.render.map.layout_style import NEUTRAL_FILL, Z_DIM, Z_ELEMENT_LABEL, Z_PLACES, element_text

LEGENDS_KEPT = 32  # the screen's legends kept: every layout's, and some frames' besides


@dataclass
class ElementArtists:
    element_id: str
    colour: str
    hatch: str
    kind: str = ""
    figure: object = None  # the ElementShape drawn, or None (a set of places)
    outline: bool = False  # drawn as an outline (it would overlap another fill, or covers the city)
    artists: list = field(default_factory=list)
    label: object = None  # Text or None
    label_anchor: tuple | None = None
    label_feature: object = None  # the figure as a label_rules.Feature
    names: tuple = ()  # the label's texts, whole first
    legend_handle: object = None
    legend_handler: object = None  # draws the handle's shape in the legend (a circle, an arrow)
    legend_text: str = ""
    districts: set = field(default_factory=set)
    places: list = field(default_factory=list)   # (place id, (x, y)) where the dataset puts them
    shown_xy: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))  # where they are drawn
    drawn: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # False: counted in another
    symbols: list = field(default_factory=list)  # hzmap.model.elements.symbols.Symbol
    symbol_artists: list = field(default_factory=list)  # (scatter, place ids) per precision
    symbol_rows: list = field(default_factory=list)  # (scatter, indices into places)
    marker: str = "o"
    place_labels: list = field(default_factory=list)  # (Text, anchor) per place


class LayoutOverlay:
    """The artists of the layouts shown so far. What is visible is always what the last
    `show(layout, hidden, show_places)` asked for: the Scene calls it from the View."""

    def __init__(self, renderer, dataset) -> None:
        self.r = renderer
        self.ds = dataset
        self.ax = renderer.ax
        self.layout_id: str | None = None
        self.diagram = STANDARD  # or STRUCTURE: the structure-diagram style (diagram_style.py)
        self._builds: dict[str, dict[str, list[ElementArtists]]] = {STANDARD: {}, STRUCTURE: {}}
        self.legend = None
        self._legend_key = None
        self.extra_legend: list = []  # [(title, [(handle, text)])] of the user layers shown
        self._extra_version = 0
        self.hidden_elements: frozenset[str] = frozenset()
        self.show_places = True
        self._dim_patch = None
        self.dimmed: tuple[set, set] | None = None
        self.counts: list = []  # (Text, (x, y)): symbols drawn as one, with their count (layout_marks)
        self.count_pool: list = []  # the Texts made for counts so far
        self._legends: OrderedDict = OrderedDict()  # the screen's legends by what they show

    # -- public ---------------------------------------------------------------------
    def show(self, layout_id: str | None, hidden=frozenset(), show_places: bool = True) -> None:
        """Show one layout (None: districts only) with those of its elements hidden, and the
        bases or not. Artists are updated in place; a layout is built the first time it shows."""
        if layout_id is not None and layout_id not in self.ds.layouts:
            raise KeyError(f"no layout '{layout_id}'")
        if layout_id != self.layout_id:
            for ea in self.elements():
                self._set_visible(ea, False)
            for did, patch in self.r.fills.items():
                patch.set_facecolor(self.r.base_colours[did] if layout_id is None else NEUTRAL_FILL)
        self.layout_id = layout_id
        self.hidden_elements = frozenset(hidden)
        self.show_places = show_places
        if layout_id is not None and layout_id not in self._built:
            self._built[layout_id] = self._build(layout_id)
        for ea in self.elements():
            self._set_visible(ea, ea.element_id not in self.hidden_elements)
        self.sync_legend(force=True)

    @property
    def _built(self) -> dict[str, list[ElementArtists]]:
        """The layouts built so far in the style shown."""
        return self._builds[self.diagram]

    def set_diagram(self, diagram: str) -> None:
        """Draw the layouts in the standard style or as a structure diagram (built the first
        time, then kept like the other)."""
        if diagram not in STYLES:
            raise ValueError(f"unknown map style {diagram!r}; use one of {', '.join(STYLES)}")
        if diagram == self.diagram:
            return
        for ea in self.elements():
            self._set_visible(ea, False)
        self.diagram = diagram
        self.show(self.layout_id, self.hidden_elements, self.show_places)
        if self.dimmed is not None:
            self.set_dimmed(self.dimmed)

    def prebuild(self, layout_id: str) -> bool:
        """Build a layout's artists ahead of its first show, hidden (the window does this in
        idle time after start-up, so that the first switch to a layout only shows it);
        returns False when there was nothing to build."""
        if layout_id in self._built or layout_id not in self.ds.layouts:
            return False
        built = self._built[layout_id] = self._build(layout_id)
        for ea in built:
            self._set_visible(ea, layout_id == self.layout_id and ea.element_id not in self.hidden_elements)
        if self.dimmed is not None:
            self._dim_symbols(built, self.dimmed[1])
        return True

    def remove(self) -> None:
        """Take every artist built so far off the axes and give the districts their own
        colours back: the dataset is being replaced (a plan saved or a user dataset removed)."""
        self.show(None)
        if self._dim_patch is not None:
            self._dim_patch.remove()
            self._dim_patch = None
        for builds in self._builds.values():
            for built in builds.values():
                for ea in built:
                    for art in ea.artists:
                        if art.axes is not None:
                            art.remove()
            builds.clear()
        if self.legend is not None:
            self.legend.remove()
            self.legend = None
        self._legends.clear()

    def elements(self) -> list[ElementArtists]:
        return list(self._built.get(self.layout_id, [])) if self.layout_id else []

    def set_language(self) -> None:
        """Re-label elements and the legend in the renderer's language, without rebuilding."""
        en = self.r.lang == "en"
        for layout_id, built in self._built.items():
            elements = {el.id: el for el in self.ds.layouts[layout_id].elements}
            for ea in built:
                el = elements[ea.element_id]
                ea.legend_text = element_text(el, en)
                ea.names = element_names(el, ea.legend_text, en)
                if ea.label is not None:
                    ea.label.set_text(ea.names[0])
                for text, (pid, _) in zip((t for t, _ in ea.place_labels), ea.places):
                    text.set_text(place_names(self.ds.places[pid], en)[0])
        self.sync_legend(force=True)

    def district_colours(self) -> dict[str, str]:
        """District id -> colour of the first district-group element covering it."""
        out = {}
        for ea in self.elements():
            if ea.districts and ea.element_id not in self.hidden_elements:
                for d in ea.districts:
                    out.setdefault(d, ea.colour)
        return out

    def set_dimmed(self, keep: tuple[set, set] | None) -> None:
        """Fade the districts and place symbols outside `keep` = (district ids, place ids)."""
        if self._dim_patch is not None:
            self._dim_patch.remove()
            self._dim_patch = None
        keep_districts, keep_places = keep if keep is not None else (None, None)
        if keep is not None:
            faded = [d for d in self.r.geo.districts if d not in keep_districts]
            if faded:
                self._dim_patch = PathPatch(polygon_path(self.r.geo.district_union(faded)),
                                            facecolor=(1, 1, 1, 0.72), edgecolor="none", zorder=Z_DIM)
                self.ax.add_artist(self._dim_patch)
        for els in self._built.values():
            self._dim_symbols(els, keep_places if keep is not None else None)
        self.dimmed = keep

    @staticmethod
    def _dim_symbols(built: list[ElementArtists], keep_places) -> None:
        for ea in built:
            for art, ids in ea.symbol_artists:
                # (an array, also when clearing: matplotlib can't compare an array alpha to None)
                art.set_alpha(np.array([1.0 if keep_places is None or p in keep_places else 0.2 for p in ids]))

    # -- building ---------------------------------------------------------------------
    def _build(self, layout_id: str) -> list[ElementArtists]:
        layout = self.ds.layouts[layout_id]
        looks = styled(self.r.geo, layout, self.diagram)
        out = []
        for el in layout.elements:
            st = looks[el.id]
            ea = ElementArtists(el.id, st.colour, st.hatch, kind=el.kind, marker=st.marker, figure=st.figure,
                                outline=st.outline, legend_handle=st.handle, legend_handler=st.handler)
            for patch in st.patches:
                self.ax.add_artist(patch)
            ea.artists.extend(st.patches)
            if st.figure is not None:
                ea.label_anchor = st.figure.anchor
                ea.label_feature = rules.area_feature(st.figure.polygon, "element", el.name)
                if st.figure.kind == "districts":
                    ea.districts = set(el.districts)
            if el.places or el.geometry.type == "places":
                self._build_places(el, ea)
            self._make_label(el, ea)
            out.append(ea)
        return out

    def _build_places(self, el, ea: ElementArtists) -> None:
        ea.symbols = element_symbols(self.ds, self.r.geo, el)
        ea.places = [(sym.place, sym.xy) for sym in ea.symbols]
        ea.shown_xy = np.array([xy for _, xy in ea.places], dtype=float).reshape(-1, 2)
        ea.drawn = np.ones(len(ea.places), dtype=bool)
        for prec in place_symbols.PRECISIONS:
            idx = [i for i, sym in enumerate(ea.symbols) if sym.precision == prec]
            if not idx:
                continue
            arts = place_symbols.draw(self.ax, ea.shown_xy[idx], ea.marker, prec, ea.colour, Z_PLACES,
                                      self.symbol_scale())
            for art in arts:
                ea.symbol_artists.append((art, [ea.symbols[i].place for i in idx]))
                ea.symbol_rows.append((art, idx))
                ea.artists.append(art)
        halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]
        en = self.r.lang == "en"
        for pid, (x, y) in ea.places:
            text = self.ax.text(x, y, place_names(self.ds.places[pid], en)[0], ha="center", va="center",
                                color="#222222", fontsize=self.r.style.type.element_label * 0.85,
                                zorder=Z_ELEMENT_LABEL - 0.2, path_effects=halo, linespacing=1.05)
            ea.artists.append(text)
            ea.place_labels.append((text, (x, y)))

    def _make_label(self, el, ea: ElementArtists) -> None:
        en = self.r.lang == "en"
        ea.legend_text = element_text(el, en)
        ea.names = element_names(el, ea.legend_text, en)
        if ea.label_anchor is None or el.geometry.type == "places":
            return  # a set of bases is named in the legend; each base carries its own label
        ea.label = self.ax.text(*ea.label_anchor, ea.names[0], ha="center", va="center", color="#111111",
                                fontsize=self.r.style.type.element_label, fontweight="bold",
                                zorder=Z_ELEMENT_LABEL, linespacing=1.05,
                                path_effects=[patheffects.withStroke(linewidth=3, foreground="white")])
        ea.artists.append(ea.label)

    # -- visibility, legend -----------------------------------------------------------------
    def _set_visible(self, ea: ElementArtists, visible: bool) -> None:
        places = {id(a) for a, _ in ea.symbol_artists} | {id(t) for t, _ in ea.place_labels}
        for art in ea.artists:
            art.set_visible(visible and (self.show_places or id(art) not in places))

    def set_extra_legend(self, sections) -> None:
        """The user layers' legend sections (title, [(handle, text)]), listed after the layout's."""
        self.extra_legend = list(sections)
        self._extra_version += 1
        self.sync_legend(force=True)

    def sync_legend(self, force: bool = False) -> bool:
        """Make the legend again when what shows in the frame changed (or `force`); returns
        whether it was made again."""
        (x0, x1), (y0, y1) = self.ax.get_xlim(), self.ax.get_ylim()
        box = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        key = (layout_legend.key(self, box), self._extra_version)
        if not force and key == self._legend_key:
            return False
        self._legend_key = key
        if self.r.placement_memo is None:  # a page: a legend of its own each time
            if self.legend is not None:
                self.legend.remove()
            self.legend = layout_legend.build(self, box)
            return True
        # The screen keeps the legends it made (building one is 10-25 ms of a layout switch):
        # the one shown is only taken off the axes, and one made before for what now shows is
        # put back (the corner and type size place_legend gives it are set at each placement).
        words = (key, tuple(ea.legend_text for ea in self.elements()))  # (set_language changes them)
        kept = self._legends.pop(words, None)
        self.ax.legend_ = None
        self.legend = kept if kept is not None else layout_legend.build(self, box)
        self.ax.legend_ = self.legend
        self.ax.stale = True
        if self.legend is not None:
            self._legends[words] = self.legend
            while len(self._legends) > LEGENDS_KEPT:
                self._legends.popitem(last=False)
        return True

    def symbol_scale(self) -> float:
        """Presentation styles enlarge symbols and the legend (render/spotlight.py)."""
        return getattr(self.r.style, "symbol_scale", 1.0)

    # -- symbols and labels ----------------------------------------------------------------
    def shown(self) -> list[ElementArtists]:
        return [ea for ea in self.elements() if ea.element_id not in self.hidden_elements]

    def spread_symbols(self) -> None:
        """Spread the symbols that would hide each other at the current scale (layout_marks)."""
        layout_marks.spread_symbols(self)
        self.sync_legend()

    def count_specs(self) -> list:
        return layout_marks.count_specs(self)

    def label_specs(self, view_box, key: bool) -> list:
        return layout_marks.label_specs(self, view_box, key)

    def symbol_points(self) -> np.ndarray:
        """Map coordinates of the base symbols shown (where they are drawn)."""
        if not self.show_places:
            return np.zeros((0, 2))
        pts = [ea.shown_xy[ea.drawn] for ea in self.shown() if ea.places]
        return np.vstack(pts) if pts else np.zeros((0, 2))

    def place_label_specs(self, view_width_m: float, key: bool) -> list:
        return layout_marks.place_label_specs(self, view_width_m, key)
