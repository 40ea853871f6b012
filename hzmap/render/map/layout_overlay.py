"""A plan's layout drawn over the base map, in the conventions of 空间布局示意图.

District groups are coloured fills with a hatch each (so they stay apart in greyscale print), the
core is a strong fill with a halo, a belt is a translucent band along the river, wings and
corridors are schematic shapes marked 示意, and bases are symbols whose fill says how well the
location is known (filled: site; hollow: approximate; square: district only).

Artists for a layout are built the first time it is shown (or ahead of that, in the window's
idle time: prebuild) and kept, so switching back and forth only toggles visibility.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from matplotlib import patheffects
from matplotlib.lines import Line2D
from matplotlib.patches import Ellipse, Patch, PathPatch
from shapely.geometry import LineString, Point
from shapely.ops import substring

from hzmap.model.geo.geodata import to_map
from hzmap.model.view.hittest import element_symbols
from hzmap.render.map.geometry import polygon_path

Z_GROUP, Z_BAND, Z_SCHEMATIC, Z_DIM, Z_PLACES, Z_ELEMENT_LABEL = 2, 3.5, 4.5, 5.5, 8, 9.5

# Paul Tol "bright" then the distinct ones of "muted" (both colour-blind safe), with a hatch and a
# marker shape each so elements stay apart in greyscale print too.
ELEMENT_COLOURS = ["#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#332288",
                   "#999933", "#882255", "#44AA99", "#BBBBBB"]
HATCHES = ["", "//", "..", "xx", "\\\\", "oo", "++", "--", "||", "**", "OO"]
# Squares are kept for district-only locations, so element shapes avoid them.
ELEMENT_MARKERS = ["o", "^", "D", "v", "p", "h", "<", ">", "*", "d", "8"]
PLACE_LABEL_MAX_VIEW_M = 90_000  # place names show once the view is under ~90 km across
KIND_STYLE = {"core": dict(alpha=0.58), "group": dict(alpha=0.48), "zone": dict(alpha=0.45),
              "platform": dict(alpha=0.45)}
MARKERS = {"site": dict(marker="o", filled=True), "approximate": dict(marker="o", filled=False),
           "district": dict(marker="s", filled=False)}
PRECISION_LABEL = {"site": "位置确切 site", "approximate": "大致位置 approximate",
                   "district": "仅知所在区县 district only"}
NEUTRAL_FILL = (0.93, 0.93, 0.92)
SCHEMATIC_MARK = "（示意）"


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
    symbols: list = field(default_factory=list)  # hzmap.model.view.hittest.Symbol
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
        self._union_cache: dict[tuple, object] = {}
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
                ea.legend_text = _element_text(el, en)
                if ea.label is not None:
                    ea.label.set_text(ea.legend_text)
                for text, (pid, _) in zip((t for t, _ in ea.place_labels), ea.places):
                    text.set_text(self._place_name(pid))
        self._update_legend()

    def element_colours(self) -> dict[str, str]:
        return {ea.element_id: ea.colour for ea in self.elements()}

    def district_colours(self) -> dict[str, str]:
        """District id -> colour of the first district-group element covering it."""
        out = {}
        for ea in self.elements():
            if ea.districts and ea.element_id not in self.hidden_elements:
                for d in ea.districts:
                    out.setdefault(d, ea.colour)
        return out

    def symbols(self) -> list:
        """The base symbols shown (hzmap.model.view.hittest.Symbol), for hit-testing."""
        if not self.show_places:
            return []
        return [sym for ea in self.elements() if ea.element_id not in self.hidden_elements
                for sym in ea.symbols]

    def set_dimmed(self, keep: tuple[set, set] | None) -> None:
        """Fade the districts and place symbols outside `keep` = (district ids, place ids)."""
        if self._dim_patch is not None:
            self._dim_patch.remove()
            self._dim_patch = None
        keep_districts, keep_places = keep if keep is not None else (None, None)
        if keep is not None:
            faded = [d for d in self.r.geo.districts if d not in keep_districts]
            if faded:
                self._dim_patch = PathPatch(polygon_path(self._union(faded)), facecolor=(1, 1, 1, 0.72),
                                            edgecolor="none", zorder=Z_DIM)
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
            kind = el.geometry.type
            builder = getattr(self, f"_build_{kind}")
            builder(el, ea)
            if el.places and kind != "places":
                self._build_places(el, ea, with_legend=False)
            self._make_label(el, ea)
            out.append(ea)
        return out

    def _union(self, districts) -> object:
        key = tuple(sorted(districts))
        if key not in self._union_cache:
            districts = self.r.geo.districts
            self._union_cache[key] = shapely.union_all([districts[d].geometry for d in key]).buffer(0)
        return self._union_cache[key]

    def _build_districts(self, el, ea: ElementArtists) -> None:
        if not el.districts:
            return
        geom = self._union(el.districts)
        kstyle = KIND_STYLE.get(el.kind, dict(alpha=0.5))
        patch = PathPatch(polygon_path(geom), facecolor=_rgba(ea.colour, kstyle["alpha"]),
                          edgecolor=ea.colour, hatch=ea.hatch, linewidth=1.2, zorder=Z_GROUP)
        if el.kind == "core":
            patch.set_linewidth(2.6)
            patch.set_path_effects([patheffects.withStroke(linewidth=6, foreground=_rgba(ea.colour, 0.35))])
        self.ax.add_artist(patch)
        ea.artists.append(patch)
        ea.districts = set(el.districts)
        ea.label_anchor = _label_point(geom)
        ea.legend_handle = Patch(facecolor=_rgba(ea.colour, kstyle["alpha"]), edgecolor=ea.colour,
                                 hatch=ea.hatch, linewidth=1.2)

    def _build_river_band(self, el, ea: ElementArtists) -> None:
        river = self.r.geo.main_river()
        a = river.project(Point(*to_map(*el.geometry.from_)))
        b = river.project(Point(*to_map(*el.geometry.to)))
        course = substring(river, min(a, b), max(a, b))
        band = course.buffer(el.geometry.width_km * 500, cap_style="round")
        patch = PathPatch(polygon_path(band), facecolor=_rgba(ea.colour, 0.38), edgecolor=ea.colour,
                          linewidth=1.0, linestyle=(0, (5, 3)), zorder=Z_BAND)
        self.ax.add_artist(patch)
        ea.artists.append(patch)
        mid = course.interpolate(0.5, normalized=True)
        ea.label_anchor = (mid.x, mid.y)
        ea.legend_handle = Patch(facecolor=_rgba(ea.colour, 0.38), edgecolor=ea.colour, linestyle="--")

    def _build_schematic(self, el, ea: ElementArtists) -> None:
        g = el.geometry
        pts = np.array([to_map(lon, lat) for lon, lat in g.path])
        width = (g.width_km or 6) * 1000
        style = dict(facecolor=_rgba(ea.colour, 0.30), edgecolor=ea.colour, linewidth=1.4,
                     linestyle=(0, (6, 3)), hatch="//", zorder=Z_SCHEMATIC)
        if g.shape == "arrow" and len(pts) >= 2:
            patch = PathPatch(polygon_path(_arrow_shape(pts, width)), **style)
            mid = LineString(pts).interpolate(0.5, normalized=True)
            anchor = (mid.x, mid.y)
        elif g.shape == "ellipse" or len(pts) == 1:
            (x0, y0), (x1, y1) = pts.min(axis=0), pts.max(axis=0)
            patch = Ellipse(((x0 + x1) / 2, (y0 + y1) / 2), (x1 - x0) + width, (y1 - y0) + width, **style)
            anchor = ((x0 + x1) / 2, (y0 + y1) / 2)
        else:
            shape = LineString(pts).buffer(width / 2, cap_style="round", join_style="round")
            patch = PathPatch(polygon_path(shape), **style)
            mid = LineString(pts).interpolate(0.5, normalized=True)
            anchor = (mid.x, mid.y)
        self.ax.add_artist(patch)
        ea.artists.append(patch)
        ea.label_anchor = anchor
        ea.legend_handle = Patch(facecolor=_rgba(ea.colour, 0.30), edgecolor=ea.colour,
                                 hatch="//", linestyle="--")

    def _build_area(self, el, ea: ElementArtists) -> None:
        rings = [[to_map(lon, lat) for lon, lat in ring] for ring in el.geometry.coordinates]
        geom = shapely.Polygon(rings[0], rings[1:])
        patch = PathPatch(polygon_path(geom), facecolor=_rgba(ea.colour, 0.45), edgecolor=ea.colour,
                          hatch=ea.hatch, linewidth=1.2, zorder=Z_GROUP + 0.5)
        self.ax.add_artist(patch)
        ea.artists.append(patch)
        ea.label_anchor = _label_point(geom)
        ea.legend_handle = Patch(facecolor=_rgba(ea.colour, 0.45), edgecolor=ea.colour, hatch=ea.hatch)

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
        text = _element_text(el, self.r.lang == "en")
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


def element_colour(index: int) -> str:
    """The colour of a layout's element by its place in the layout (legend, layer panel)."""
    return ELEMENT_COLOURS[index % len(ELEMENT_COLOURS)]


def _element_text(el, en: bool) -> str:
    name = (el.name_en or el.name) if en else el.name
    return name + ((" (schematic)" if en else SCHEMATIC_MARK) if el.geometry.type == "schematic" else "")


def _rgba(hex_colour: str, alpha: float) -> tuple:
    h = hex_colour.lstrip("#")
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)) + (alpha,)


def _label_point(geom) -> tuple[float, float]:
    p = shapely.get_parts(geom)
    biggest = max(p, key=lambda g: g.area) if len(p) else geom
    pt = shapely.ops.polylabel(biggest, tolerance=200) if biggest.geom_type == "Polygon" else biggest.representative_point()
    return (pt.x, pt.y)


def _arrow_shape(pts: np.ndarray, width: float):
    """A broad arrow along a path: a shaft half the width, a head at the last point."""
    line = LineString(pts)
    head_len = min(width * 1.6, line.length * 0.4)
    shaft = substring(line, 0, line.length - head_len).buffer(width / 4, cap_style="flat", join_style="round")
    tip = np.array(pts[-1])
    base_pt = line.interpolate(line.length - head_len)
    base = np.array([base_pt.x, base_pt.y])
    d = (tip - base) / max(np.hypot(*(tip - base)), 1e-9)
    n = np.array([-d[1], d[0]])
    head = shapely.Polygon([base + n * width * 0.75, tip, base - n * width * 0.75])
    return shapely.union_all([shaft, head])
