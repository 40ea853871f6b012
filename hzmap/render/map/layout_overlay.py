"""A plan's layout drawn over the base map: each element's figure (hzmap.model.elements.shape)
styled as hzmap.render.map.layout_style says, its base symbols and its label, and the legend.

Artists for a layout are built the first time it is shown (or ahead of that, in the window's
idle time: prebuild) and kept, so switching back and forth only toggles visibility.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from matplotlib import patheffects
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch

from hzmap.model.elements.shape import element_figure
from hzmap.model.elements.symbols import element_symbols
from hzmap.render.map.geometry import polygon_path
from hzmap.render.map.layout_style import (ELEMENT_MARKERS, HATCHES, MARKERS, NEUTRAL_FILL, PRECISION_LABEL,
                                           Z_DIM, Z_ELEMENT_LABEL, Z_PLACES, element_colour, element_text,
                                           figure_patch)

PLACE_LABEL_MAX_VIEW_M = 90_000  # place names show once the view is under ~90 km across


@dataclass
class ElementArtists:
    element_id: str
    colour: str
    hatch: str
    artists: list = field(default_factory=list)
    label: object = None  # Text or None
    label_anchor: tuple | None = None
    legend_handle: object = None
    legend_text: str = ""
    districts: set = field(default_factory=set)
    places: list = field(default_factory=list)   # (place id, (x, y))
    symbols: list = field(default_factory=list)  # hzmap.model.elements.symbols.Symbol
    symbol_artists: list = field(default_factory=list)  # (scatter, place ids) per precision
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
        self._built: dict[str, list[ElementArtists]] = {}
        self.legend = None
        self.extra_legend: list = []  # [(title, [(handle, text)])] of the user layers shown
        self.hidden_elements: frozenset[str] = frozenset()
        self.show_places = True
        self._dim_patch = None
        self.dimmed: tuple[set, set] | None = None

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
        self._update_legend()

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
        for built in self._built.values():
            for ea in built:
                for art in ea.artists:
                    if art.axes is not None:
                        art.remove()
        self._built.clear()

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
                if ea.label is not None:
                    ea.label.set_text(ea.legend_text)
                for text, (pid, _) in zip((t for t, _ in ea.place_labels), ea.places):
                    text.set_text(self._place_name(pid))
        self._update_legend()

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
        out = []
        for i, el in enumerate(layout.elements):
            colour, hatch = element_colour(i), HATCHES[i % len(HATCHES)]
            ea = ElementArtists(el.id, colour, hatch, marker=ELEMENT_MARKERS[i % len(ELEMENT_MARKERS)])
            figure = element_figure(self.r.geo, el)
            if figure is not None:
                patches, ea.legend_handle = figure_patch(figure, el.kind, colour, hatch)
                for patch in patches:
                    self.ax.add_artist(patch)
                ea.artists.extend(patches)
                ea.label_anchor = figure.anchor
                if figure.kind == "districts":
                    ea.districts = set(el.districts)
            if el.places or el.geometry.type == "places":
                self._build_places(el, ea, with_legend=el.geometry.type == "places")
            self._make_label(el, ea)
            out.append(ea)
        return out

    def _build_places(self, el, ea: ElementArtists, with_legend: bool = True) -> None:
        by_precision: dict[str, list] = {}
        ids_by_precision: dict[str, list] = {}
        ea.symbols = element_symbols(self.ds, self.r.geo, el)
        for sym in ea.symbols:
            by_precision.setdefault(sym.precision, []).append(sym.xy)
            ids_by_precision.setdefault(sym.precision, []).append(sym.place)
            ea.places.append((sym.place, sym.xy))
        for prec, xys in by_precision.items():
            m = MARKERS[prec]
            marker = "s" if prec == "district" else ea.marker
            arr = np.array(xys)
            art = self.ax.scatter(arr[:, 0], arr[:, 1], s=46 * self._symbol_scale(), marker=marker, zorder=Z_PLACES,
                                  facecolors=ea.colour if m["filled"] else "white",
                                  edgecolors=ea.colour if not m["filled"] else "#222222",
                                  linewidths=1.6 if not m["filled"] else 0.8)
            ea.symbol_artists.append((art, ids_by_precision[prec]))
            ea.artists.append(art)
        halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]
        for pid, (x, y) in ea.places:
            text = self.ax.text(x, y, self._place_name(pid), ha="center", va="center", color="#222222",
                                fontsize=self.r.style.type.element_label * 0.85, zorder=Z_ELEMENT_LABEL - 0.2,
                                path_effects=halo)
            ea.artists.append(text)
            ea.place_labels.append((text, (x, y)))
        if with_legend:
            ea.legend_handle = Line2D([], [], marker=ea.marker, linestyle="none", markersize=7,
                                      markerfacecolor=ea.colour, markeredgecolor="#222222")

    def _place_name(self, pid: str) -> str:
        """The shortest of a place's names (labels must stay short on the map)."""
        p = self.ds.places[pid]
        if self.r.lang == "en":
            return p.name_en.split(" (")[0]
        return min([p.name, *[a for a in p.aliases if len(a) >= 2]], key=len)

    def _make_label(self, el, ea: ElementArtists) -> None:
        text = element_text(el, self.r.lang == "en")
        ea.legend_text = text
        if ea.label_anchor is None or el.geometry.type == "places":
            return  # a set of bases is named in the legend; each base carries its own label
        ea.label = self.ax.text(*ea.label_anchor, text, ha="center", va="center", color="#111111",
                                fontsize=self.r.style.type.element_label, fontweight="bold",
                                zorder=Z_ELEMENT_LABEL,
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
        self._update_legend()

    def _update_legend(self) -> None:
        if self.legend is not None:
            self.legend.remove()
            self.legend = None
        if self.layout_id is None and not self.extra_legend:
            return
        handles, texts = [], []
        precisions = set()
        for ea in self.elements():
            if ea.element_id in self.hidden_elements:
                continue
            if ea.legend_handle is not None:
                handles.append(ea.legend_handle)
                texts.append(ea.legend_text)
            precisions |= {s.precision for s in ea.symbols}
        if self.show_places:
            for prec in ("site", "approximate", "district"):
                if prec in precisions:
                    m = MARKERS[prec]
                    handles.append(Line2D([], [], marker=m["marker"], linestyle="none", markersize=7,
                                          markerfacecolor="#666666" if m["filled"] else "white",
                                          markeredgecolor="#222222" if m["filled"] else "#666666",
                                          markeredgewidth=1.4))
                    texts.append(PRECISION_LABEL[prec].split(" ", 1)[1] if self.r.lang == "en" else PRECISION_LABEL[prec])
        if self.layout_id is not None:
            layout = self.ds.layouts[self.layout_id]
            title = layout.name_en if self.r.lang == "en" else layout.name
        else:
            title = None
        headings = []
        for section_title, entries in self.extra_legend:  # a heading row, then the classes
            if len(entries) == 1 and entries[0][1] == section_title:  # one colour: one row says it all
                handles.append(entries[0][0])
                texts.append(section_title)
                continue
            if title is None and not texts:
                title = section_title
            else:
                headings.append(len(texts))
                handles.append(Line2D([], [], linestyle="none"))
                texts.append(section_title)
            for handle, text in entries:
                handles.append(handle)
                texts.append(text)
        self.legend = self.ax.legend(handles, texts, loc="lower right", title=title,
                                     fontsize=8.5 * self._symbol_scale(), title_fontsize=10 * self._symbol_scale(), framealpha=1.0,
                                     fancybox=False, edgecolor="#888888", borderpad=0.8)
        for i in headings:
            self.legend.get_texts()[i].set_fontweight("bold")
        self.legend.set_zorder(20)

    def _symbol_scale(self) -> float:
        """Presentation styles enlarge symbols and the legend (render/spotlight.py)."""
        return getattr(self.r.style, "symbol_scale", 1.0)

    # -- labels ----------------------------------------------------------------------------
    def label_items(self) -> list[tuple]:
        """(Text, anchor) of the shown elements' labels, for the renderer's placement."""
        return [(ea.label, ea.label_anchor) for ea in self.elements()
                if ea.label is not None and ea.element_id not in self.hidden_elements]

    def symbol_points(self) -> np.ndarray:
        """Map coordinates of the base symbols shown."""
        pts = [xy for ea in self.elements() if ea.element_id not in self.hidden_elements
               and self.show_places for _, xy in ea.places]
        return np.asarray(pts, dtype=float).reshape(-1, 2)

    def place_label_items(self, view_width_m: float) -> list[tuple]:
        """(Text, anchor) of place names, offset beside their symbols; none when zoomed out."""
        items = [(t, a) for ea in self.elements() if ea.element_id not in self.hidden_elements
                 and self.show_places for t, a in ea.place_labels]
        if view_width_m > PLACE_LABEL_MAX_VIEW_M:
            for t, _ in items:
                t.set_visible(False)
            return []
        return items

