"""The map on a plain matplotlib Figure: districts, water, labels, selection and hover.

One renderer serves the screen and the export alike. Artists are made once and updated in
place; a click changes the outline artist's path, it never replots the city.
"""
from __future__ import annotations

import numpy as np
from matplotlib import patheffects
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.path import Path

from hzmap.model.geodata import GeoData
from hzmap.model.views import view_extent
from hzmap.render import labels as labelling
from hzmap.render import style as st
from hzmap.render.geometry import line_segments, polygon_path

Z_FILL, Z_WATER, Z_BOUNDARY, Z_OVERLAY, Z_HOVER, Z_SELECT, Z_LABEL = 1, 3, 4, 5, 6, 7, 9


class MapRenderer:
    def __init__(self, fig: Figure, geodata: GeoData, style: st.MapStyle | None = None,
                 interactive: bool = False, lang: str = "zh") -> None:
        self.fig = fig
        self.geo = geodata
        self.style = style or st.MapStyle()
        self.lang = lang
        self.view_name = "city"
        fig.set_facecolor(st.LAND_OUTSIDE)
        self.ax = fig.add_axes((0, 0, 1, 1))
        self.ax.set_axis_off()
        self.ax.set_aspect("equal", adjustable="datalim")
        self.paths: dict[str, Path] = {did: polygon_path(g) for did, g in geodata.districts.geometry.items()}
        self.base_colours = self._base_colours()
        self.layers: dict[str, list] = {}
        self._draw_districts()
        self._draw_water()
        self._make_overlays(interactive)
        self._make_labels()
        self.set_view("city")

    # -- drawing -----------------------------------------------------------------
    def _base_colours(self) -> dict[str, tuple]:
        geoms = self.geo.districts.geometry
        ids = list(geoms.index)
        adjacency = {a: {b for b in ids if b != a and geoms[a].buffer(50).intersects(geoms[b])} for a in ids}
        order = sorted(ids, key=lambda d: -len(adjacency[d]))
        colours = st.colour_districts(adjacency, order)
        return {d: st.lighten(colours[d], self.style.fill_lightness) for d in ids}

    def _draw_districts(self) -> None:
        s = self.style
        self.fills: dict[str, PathPatch] = {}
        for did, path in self.paths.items():
            patch = PathPatch(path, facecolor=self.base_colours[did], edgecolor="none", zorder=Z_FILL)
            self.ax.add_patch(patch)
            self.fills[did] = patch
        boundaries = LineCollection(
            [seg for g in self.geo.districts.geometry for seg in line_segments(g.boundary)],
            colors=st.BOUNDARY, linewidths=s.boundary_width, zorder=Z_BOUNDARY)
        outline = LineCollection(
            [seg for g in self.geo.outline.geometry for seg in line_segments(g.boundary)],
            colors=st.OUTLINE, linewidths=s.outline_width, zorder=Z_BOUNDARY)
        self.ax.add_collection(boundaries)
        self.ax.add_collection(outline)
        self.layers["districts"] = list(self.fills.values())
        self.layers["boundaries"] = [boundaries, outline]

    def _draw_water(self) -> None:
        artists = []
        for geom in self.geo.water_areas.geometry:
            patch = PathPatch(polygon_path(geom), facecolor=st.WATER_FILL, edgecolor="none", zorder=Z_WATER)
            self.ax.add_patch(patch)
            artists.append(patch)
        lines = LineCollection([seg for g in self.geo.water_lines.geometry for seg in line_segments(g)],
                               colors=st.WATER_LINE, linewidths=self.style.water_line_width, zorder=Z_WATER)
        self.ax.add_collection(lines)
        artists.append(lines)
        self.layers["water"] = artists

    def _make_overlays(self, interactive: bool) -> None:
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
        self.ax.add_patch(self.hover_patch)
        self.ax.add_patch(self.select_patch)

    def overlay_artists(self) -> list:
        """Artists drawn on top by blitting in the interactive canvas."""
        return [self.hover_patch, self.select_patch]

    def _make_labels(self) -> None:
        d = self.geo.districts
        points = self.geo.district_label_points()
        # Small districts first: they have the least room and most need their anchor.
        self.label_order = sorted(d.index, key=lambda i: d.loc[i, "area_km2"])
        self.label_anchor = {did: (points[did].x, points[did].y) for did in d.index}
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
        row = self.geo.districts.loc[did]
        return row["name_en"].replace(" District", "") if self.lang == "en" else row["name_zh"]

    # -- view ----------------------------------------------------------------------
    def set_view(self, name: str) -> None:
        self.view_name = name
        x0, y0, x1, y1 = view_extent(self.geo, name)
        self.set_limits(x0, x1, y0, y1)

    def set_limits(self, x0: float, x1: float, y0: float, y1: float) -> None:
        self.ax.set_xlim(x0, x1)
        self.ax.set_ylim(y0, y1)

    def limits(self) -> tuple[float, float, float, float]:
        (x0, x1), (y0, y1) = self.ax.get_xlim(), self.ax.get_ylim()
        return x0, x1, y0, y1

    def zoom_at(self, x: float, y: float, factor: float) -> None:
        """Zoom by `factor` (>1 zooms in) keeping the point (x, y) fixed on screen."""
        x0, x1, y0, y1 = self.limits()
        width = (x1 - x0) / factor
        if width < 800 and factor > 1:  # closer than ~1 km across shows nothing useful
            return
        if width > 1_200_000 and factor < 1:
            return
        self.view_name = "custom"
        self.set_limits(x - (x - x0) / factor, x + (x1 - x) / factor,
                        y - (y - y0) / factor, y + (y1 - y) / factor)

    def pan_by(self, dx: float, dy: float) -> None:
        x0, x1, y0, y1 = self.limits()
        self.view_name = "custom"
        self.set_limits(x0 + dx, x1 + dx, y0 + dy, y1 + dy)

    # -- selection -----------------------------------------------------------------
    def set_selection(self, did: str | None) -> None:
        self._outline(self.select_patch, did)

    def set_hover(self, did: str | None) -> None:
        self._outline(self.hover_patch, did)

    def _outline(self, patch: PathPatch, did: str | None) -> None:
        if did is None:
            patch.set_visible(False)
        else:
            patch.set_path(self.paths[did])
            patch.set_visible(True)

    def set_layer_visible(self, name: str, visible: bool) -> None:
        for artist in self.layers.get(name, []):
            artist.set_visible(visible)

    # -- labels --------------------------------------------------------------------
    def refresh_labels(self, renderer=None) -> None:
        """Place district labels for the current extent and figure size; call before drawing."""
        if not self.layers_visible("labels"):
            return
        self.ax.apply_aspect()
        renderer = renderer or self.fig.canvas.get_renderer()
        size = self.style.type.district_label_urban if self.view_name == "urban" else self.style.type.district_label
        to_px = self.ax.transData
        area = labelling.Box(*self.ax.bbox.extents)
        sizes, anchors = [], []
        for did in self.label_order:
            text = self.labels[did]
            text.set_fontsize(size)
            text.set_position(self.label_anchor[did])
            bb = text.get_window_extent(renderer)
            sizes.append((bb.width, bb.height))
            anchors.append(to_px.transform(self.label_anchor[did]))
        positions = labelling.place(sizes, np.asarray(anchors), area)
        inv = to_px.inverted()
        leaders = []
        for did, pos, anchor, (w, h) in zip(self.label_order, positions, anchors, sizes):
            text = self.labels[did]
            text.set_visible(pos is not None)
            if pos is None:
                continue
            text.set_position(inv.transform(pos))
            if np.hypot(pos[0] - anchor[0], pos[1] - anchor[1]) > max(w, h) * 0.7:
                leaders.append([inv.transform(anchor), inv.transform(_edge_point(pos, anchor, w, h))])
        self.leaders.set_segments(leaders)

    def layers_visible(self, name: str) -> bool:
        artists = self.layers.get(name, [])
        return bool(artists) and artists[-1].get_visible()

    def label_boxes(self, renderer=None) -> dict[str, labelling.Box]:
        """Display boxes of the visible district labels (for overlap checks)."""
        renderer = renderer or self.fig.canvas.get_renderer()
        out = {}
        for did, text in self.labels.items():
            if text.get_visible():
                bb = text.get_window_extent(renderer)
                out[did] = labelling.Box(bb.x0, bb.y0, bb.x1, bb.y1)
        return out


def _edge_point(centre, anchor, w, h):
    """Where the leader line meets the label's box, so it doesn't cross the text."""
    cx, cy = centre
    dx, dy = anchor[0] - cx, anchor[1] - cy
    scale = min((w / 2) / abs(dx) if dx else np.inf, (h / 2) / abs(dy) if dy else np.inf)
    return (cx + dx * scale, cy + dy * scale)
