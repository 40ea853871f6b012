"""The base map on a plain matplotlib Figure: districts, water, labels, selection and hover.

The Scene (hzmap.render.map.scene) owns one and tells it what to show; the screen, the export and
the presentation all draw through a Scene. Artists are made once and updated in place; a click
changes the outline artist's path, it never replots the city.
"""
from __future__ import annotations

import numpy as np
import shapely
from matplotlib import patheffects
from matplotlib.backend_bases import FigureCanvasBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch
from matplotlib.path import Path

from hzmap.model.geo.extent import fit_to_shape
from hzmap.model.geo.geodata import GeoData
from hzmap.model.geo.views import view_extent
from hzmap.render.map import labels as labelling
from hzmap.render.map import style as st
from hzmap.render.map.geometry import line_segments, polygon_path
from hzmap.render.map.landmarks import Landmarks
from hzmap.render.map.legend_place import legend_box, place_legend
from hzmap.render.map.placement_memo import placement_key

Z_FILL, Z_WATER, Z_BOUNDARY, Z_HOVER, Z_SELECT, Z_LABEL = 1, 3, 4, 6, 7, 9
Z_PLACE_RING = 12
PLACE_RING_SIZE = 16.1  # points across: the export's ring (scatter s=260 -> sqrt(260))
LABEL_PAD_PX = 2.0  # the gap kept around labels, in pixels at 100 dpi
FILL_ALPHA_OVER_BASEMAP, WATER_ALPHA_OVER_BASEMAP = 0.18, 0.45


class MapRenderer:
    def __init__(self, fig: Figure, geodata: GeoData, style: st.MapStyle | None = None,
                 interactive: bool = False, lang: str = "zh") -> None:
        self.fig = fig
        self.geo = geodata
        self.style = style or st.MapStyle()
        self.lang = lang
        self.view_name = "city"
        self.overlay = None  # a LayoutOverlay when a layout is shown
        self.high_contrast = False  # the projector theme (render/spotlight.py)
        self.text_extents = None  # label boxes since the last placement (for redrawing over outlines)
        self.label_key_mode = False  # an exported page numbers the labels that find no room
        self.label_key: list[tuple[str, str]] = []  # (number, name) of those labels
        self.label_records: list = []  # the labels as placed (hzmap.render.map.label_layout)
        self.key_texts: list = []  # the numbers' Texts
        self.label_obstacles: list = []  # artists on the map labels keep clear of (a page's notes)
        self.symbol_sources: list = []  # callables giving more symbols labels keep clear of (map metres)
        self.edge_names = None  # the neighbouring cities' names of a structure diagram (neighbours.py)
        self._path_extents: dict = {}  # id(path) -> (path, its extent in map metres)
        self.placement_memo = None  # the screen's placements kept by their inputs (placement_memo.py)
        if type(fig.canvas) is FigureCanvasBase:  # a plain Figure: draw with Agg, as glue does
            FigureCanvasAgg(fig)
        fig.set_facecolor(st.LAND_OUTSIDE)
        self.ax = fig.add_axes((0, 0, 1, 1))
        self.ax.set_axis_off()
        self._requested = (0.0, 1.0, 0.0, 1.0)  # the extent asked for; fitted to the axes' shape
        self.paths: dict[str, Path] = {did: polygon_path(f.geometry) for did, f in geodata.districts.items()}
        self.base_colours = self._base_colours()
        self.layers: dict[str, list] = {}
        self._draw_districts()
        self._draw_water()
        self.landmarks = Landmarks(self.ax, geodata.landmarks, self.style.type.district_label * 0.75, lang)
        self.layers["landmarks"] = self.landmarks.artists
        self._make_highlights(interactive)
        self._make_labels()
        self.set_view("city")

    # -- drawing -----------------------------------------------------------------
    def _base_colours(self) -> dict[str, tuple]:
        ids = list(self.geo.districts)
        geoms = [self.geo.districts[i].geometry for i in ids]
        left, right = shapely.STRtree(geoms).query(geoms, predicate="dwithin", distance=50)
        adjacency = {a: set() for a in ids}
        for i, j in zip(left, right):
            if i != j:
                adjacency[ids[i]].add(ids[j])
        order = sorted(ids, key=lambda d: -len(adjacency[d]))
        colours = st.colour_districts(adjacency, order)
        return {d: st.lighten(colours[d], self.style.fill_lightness) for d in ids}

    def _draw_districts(self) -> None:
        s = self.style
        self.fills: dict[str, PathPatch] = {}
        for did, path in self.paths.items():
            patch = PathPatch(path, facecolor=self.base_colours[did], edgecolor="none", zorder=Z_FILL)
            self.ax.add_artist(patch)
            self.fills[did] = patch
        boundaries = LineCollection(
            [seg for f in self.geo.districts.values() for seg in line_segments(f.geometry.boundary)],
            colors=st.BOUNDARY, linewidths=s.boundary_width, zorder=Z_BOUNDARY)
        outline = LineCollection(
            line_segments(self.geo.outline.boundary),
            colors=st.OUTLINE, linewidths=s.outline_width, zorder=Z_BOUNDARY)
        self.ax.add_collection(boundaries)
        self.ax.add_collection(outline)
        self.layers["districts"] = list(self.fills.values())
        self.layers["boundaries"] = [boundaries, outline]

    def _draw_water(self) -> None:
        artists = []
        for feature in self.geo.water_areas:
            patch = PathPatch(polygon_path(feature.geometry), facecolor=st.WATER_FILL, edgecolor="none", zorder=Z_WATER)
            self.ax.add_artist(patch)
            artists.append(patch)
        # The merged course repeats its three named stretches: draw the stretches only.
        lines = LineCollection([seg for f in self.geo.water_lines if f["kind"] != "course"
                                for seg in line_segments(f.geometry)],
                               colors=st.WATER_LINE, linewidths=self.style.water_line_width, zorder=Z_WATER)
        self.ax.add_collection(lines)
        artists.append(lines)
        self.layers["water"] = artists

    def _make_highlights(self, interactive: bool) -> None:
        s = self.style
        empty = Path(np.zeros((1, 2)))
        self.hover_patch = PathPatch(empty, facecolor=(1, 1, 1, 0.28), edgecolor=st.HOVER_EDGE,
                                     linewidth=s.hover_width, zorder=Z_HOVER, visible=False,
                                     animated=interactive)
        self.select_patch = PathPatch(empty, facecolor="none", edgecolor=st.SELECT_EDGE,
                                      linewidth=s.select_width, zorder=Z_SELECT, visible=False,
                                      animated=interactive, joinstyle="round")
        self.select_patch.set_path_effects([patheffects.withStroke(linewidth=s.select_width + 2.4,
                                                                   foreground=st.HALO)])
        # The selected place: a ring around its symbol, on screen and in exports alike.
        self.place_ring = Line2D([], [], linestyle="none", marker="o", markersize=PLACE_RING_SIZE,
                                 markerfacecolor="none", markeredgecolor=st.SELECT_EDGE,
                                 markeredgewidth=2.2, zorder=Z_PLACE_RING, visible=False,
                                 animated=interactive)
        self.place_ring.set_path_effects([patheffects.withStroke(linewidth=4.4, foreground=st.HALO)])
        self.ax.add_artist(self.hover_patch)
        self.ax.add_artist(self.select_patch)
        self.ax.add_line(self.place_ring)

    def highlight_artists(self) -> list:
        """Artists drawn on top by blitting in the interactive canvas."""
        return [self.hover_patch, self.select_patch, self.place_ring]

    def set_place(self, xy: tuple[float, float] | None) -> None:
        """Ring the selected place at map point `xy` (None hides the ring)."""
        if xy is None:
            self.place_ring.set_visible(False)
        else:
            self.place_ring.set_data([xy[0]], [xy[1]])
            self.place_ring.set_visible(True)

    def window_extent(self, artist, renderer):
        """An artist's box on screen. An outline's (a district has a thousand vertices or more)
        is worked out once per path in map metres and then only moved to the current view."""
        if isinstance(artist, PathPatch):
            transform = artist.get_transform()
            if transform.is_affine:
                path = artist.get_path()
                hit = self._path_extents.get(id(path))
                if hit is None or hit[0] is not path:
                    if len(self._path_extents) > 64:
                        self._path_extents.clear()
                    hit = self._path_extents[id(path)] = (path, path.get_extents())
                return hit[1].transformed(transform)
        return artist.get_window_extent(renderer)

    def labels_over_highlights(self, renderer) -> list:
        """Visible labels that a highlight outline crosses, to be drawn again above it, each
        with its window extent: [(text, extent)]."""
        boxes = [self.window_extent(a, renderer) for a in self.highlight_artists() if a.get_visible()]
        if not boxes:
            return []
        return [(t, e) for t, e in self.label_extents(renderer) if any(b.overlaps(e) for b in boxes)]

    def label_extents(self, renderer, every: bool = False) -> list:
        """[(text, window extent)] of the visible district and layout labels, and with `every`
        the stations' names and the symbols' counts too (kept as pixels for a full redraw; a
        hover's outline does not raise them); labels only move on a full draw, so they are
        measured once per frame."""
        if self.text_extents is None:
            texts = list(self.labels.values())
            if self.overlay is not None:
                texts += [ea.label for ea in self.overlay.elements() if ea.label is not None]
                texts += [t for ea in self.overlay.elements() for t, _ in ea.place_labels]
            texts += self.key_texts
            own = len(texts)
            texts += [t for t, _ in self.landmarks.labels]
            texts += [t for t, _ in self.overlay.counts] if self.overlay is not None else []
            self.text_extents = [(t, t.get_window_extent(renderer), i < own) for i, t in enumerate(texts)
                                  if t.get_visible() and t.get_text() and t.axes is not None]
        return [(t, e) for t, e, own in self.text_extents if own or every]

    def _make_labels(self) -> None:
        d = self.geo.districts
        points = self.geo.district_label_points()
        # Small districts first: they have the least room and most need their anchor.
        self.label_order = sorted(d, key=lambda i: d[i]["area_km2"])
        self.label_anchor = {did: (points[did].x, points[did].y) for did in d}
        halo = [patheffects.withStroke(linewidth=3, foreground=st.HALO)]
        self.labels: dict = {}
        for did in self.label_order:
            self.labels[did] = self.ax.text(*self.label_anchor[did], self.district_name(did),
                                            ha="center", va="center", color=st.TEXT,
                                            fontsize=self.style.type.district_label,
                                            zorder=Z_LABEL, path_effects=halo)
        self.leaders = LineCollection([], colors=st.TEXT, linewidths=0.6, zorder=Z_LABEL - 1)
        self.ax.add_collection(self.leaders)
        self.layers["labels"] = [*self.labels.values(), self.leaders]

    def district_name(self, did: str) -> str:
        row = self.geo.districts[did]
        return row["name_en"].replace(" District", "") if self.lang == "en" else row["name_zh"]

    # -- view ----------------------------------------------------------------------
    def set_view(self, name: str) -> None:
        self.view_name = name
        x0, y0, x1, y1 = view_extent(self.geo, name)
        self.set_limits(x0, x1, y0, y1)

    def set_limits(self, x0: float, x1: float, y0: float, y1: float) -> None:
        """Show at least this extent, widened in one direction to keep metres square on screen."""
        self._requested = (x0, x1, y0, y1)
        self.fit_to_axes()

    def fit_to_axes(self) -> None:
        """Re-fit the requested extent to the axes' current pixel shape (after a resize)."""
        bbox = self.ax.get_window_extent()
        x0, x1, y0, y1 = fit_to_shape(self._requested, bbox.height / bbox.width if bbox.width > 0 else 1.0)
        self.ax.set_xlim(x0, x1)
        self.ax.set_ylim(y0, y1)

    @property
    def requested(self) -> tuple[float, float, float, float]:
        """The extent asked for, before it was widened to the axes' shape."""
        return self._requested

    def limits(self) -> tuple[float, float, float, float]:
        (x0, x1), (y0, y1) = self.ax.get_xlim(), self.ax.get_ylim()
        return x0, x1, y0, y1

    def metres_per_px(self) -> float:
        x0, x1, _, _ = self.limits()
        return (x1 - x0) / max(self.ax.bbox.width, 1)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.landmarks.set_language(lang)
        for did, text in self.labels.items():
            text.set_text(self.district_name(did))

    # -- selection -----------------------------------------------------------------
    def set_selection(self, did: str | None) -> None:
        self._outline(self.select_patch, did)

    def set_selection_shape(self, path: Path | None) -> None:
        """Outline any shape (a layout element's footprint) as the selection."""
        if path is None:
            self.select_patch.set_visible(False)
        else:
            self.select_patch.set_path(path)
            self.select_patch.set_visible(True)

    def set_hover(self, did: str | None) -> None:
        self._outline(self.hover_patch, did)

    def _outline(self, patch: PathPatch, did: str | None) -> None:
        if did is None:
            patch.set_visible(False)
        else:
            patch.set_path(self.paths[did])
            patch.set_visible(True)

    def set_under_basemap(self, on: bool) -> None:
        """Over a base map the district fills and the water let it show through."""
        for patch in self.fills.values():
            patch.set_alpha(FILL_ALPHA_OVER_BASEMAP if on else None)
        for artist in self.layers["water"]:
            artist.set_alpha(WATER_ALPHA_OVER_BASEMAP if on else None)

    def set_layer_visible(self, name: str, visible: bool) -> None:
        for artist in self.layers.get(name, []):
            artist.set_visible(visible)

    # -- labels --------------------------------------------------------------------
    def refresh_labels(self, renderer=None) -> None:
        """Place labels for the current extent and figure size; call before drawing
        (hzmap.render.map.label_layout). Labels avoid the legend, which first moves to the
        corner that hides no district's name."""
        from hzmap.render.map import label_layout

        self.fit_to_axes()
        self.text_extents = None
        renderer = renderer or self.fig.canvas.get_renderer()
        size = self.style.type.district_label_urban if self.view_name == "urban" else self.style.type.district_label
        if self.overlay is not None:
            self.overlay.spread_symbols()
        items, symbols = label_layout.collect(self, size)
        obstacles = []
        legend = self.ax.get_legend()
        if legend is not None:
            legend._hz_box = None  # (place_legend gives its box when it moves it)
        if legend is not None and self.layers_visible("labels"):  # the corner that hides no name
            anchors = [it.anchor for it in items if it.text in self._district_texts]
            place_legend(self.ax, legend, self.ax.transData.transform(np.array(anchors).reshape(-1, 2)), renderer,
                         margin_px=8 * self.fig.dpi / 100,
                         label_px=(size * 1.6 * self.fig.dpi / 72, size * 0.7 * self.fig.dpi / 72))
        edge = self.edge_names.update(self.lang, renderer, self.label_obstacles) \
            if self.edge_names is not None else []
        if legend is not None and legend.get_visible():
            obstacles.append(legend_box(self.ax, legend, renderer))
        for artist in [*self.label_obstacles, *edge]:
            if artist.get_visible():
                bb = artist.get_window_extent(renderer)
                obstacles.append((bb.x0, bb.y0, bb.x1, bb.y1))
        memo = self.placement_memo
        key = placement_key(self, items, symbols, obstacles) if memo is not None else None
        if key is None or not memo.restore(self, key):
            label_layout.place_all(self, items, symbols, obstacles, renderer)
            if key is not None:
                memo.keep(self, key, items)

    def label_pad_px(self) -> float:
        """The gap kept around labels, in the figure's pixels: twice as many at 200% or in a
        200 dpi export, so labels land in the same places whatever the resolution."""
        return LABEL_PAD_PX * self.fig.dpi / 100

    def layers_visible(self, name: str) -> bool:
        artists = self.layers.get(name, [])
        return bool(artists) and artists[-1].get_visible()

    def label_boxes(self, renderer=None) -> dict[str, labelling.Box]:
        """Display boxes of every visible label, district and element (for overlap checks)."""
        renderer = renderer or self.fig.canvas.get_renderer()
        out = {}
        texts = dict(self.labels)
        if self.overlay is not None:
            texts.update({f"element:{ea.element_id}": ea.label for ea in self.overlay.elements()
                          if ea.label is not None})
        for did, text in texts.items():
            if text.get_visible():
                bb = text.get_window_extent(renderer)
                out[did] = labelling.Box(bb.x0, bb.y0, bb.x1, bb.y1)
        return out

