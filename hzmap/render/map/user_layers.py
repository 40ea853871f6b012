"""The artist that draws one user layer on a map axes, for the screen, exports and compare alike.

Shaped like glue's layer artists: the scene owns one UserLayerArtist per user layer and calls
update(layer_state) whenever that LayerState changes. Visibility and opacity are set on the
existing artists; a style change recolours and resizes them in place; nothing is rebuilt. Lines
are one LineCollection, areas and districts one PathCollection; points one PathCollection per
colour-and-size group (hzmap.render.map.point_groups: Agg stamps a shared marker, which keeps a pan
with 100,000 points within budget where one collection with a colour per point does not).
"""
from __future__ import annotations

import numpy as np
from matplotlib import patheffects
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from hzmap.model.layers.classify import classify
from hzmap.model.layers.columns import split_unit
from hzmap.model.layers.hittest import anchor_points
from hzmap.model.layers.points import coordinates
from hzmap.model.layers.style import DEFAULTS
from hzmap.render.map.layer_paint import (NO_DATA_COLOUR, category_colours, line_paths, polygon_paths,
                                      ramp_colours)
from hzmap.render.map.point_groups import SIZE_STEPS, PointGroups

MAX_CATEGORIES = 9     # more values share "other" (grey): more colours cannot be told apart
MAX_LABELS = 1000      # labels beyond this many would cover the map and slow every pan
AREA_FILL_ALPHA = 0.55  # areas coloured by category: the base map shows through
# The fill a layer gets unless its style says (style "fill"): a single-colour area layer is drawn
# as outlines, a choropleth or category fill is see-through, so the layout's colours and hatches
# under it stay readable.
# A district table draws under the layout (hzmap.render.map.scene.Z_TABLE), so it is opaque and
# its colours are the legend's, with the layout's fills and hatches over it.
DEFAULT_FILL = {("areas", "single"): 0.0, ("areas", "category"): AREA_FILL_ALPHA,
                ("areas", "choropleth"): 0.6, ("districts", "single"): 0.0,
                ("districts", "category"): 1.0, ("districts", "choropleth"): 1.0}
OUTLINE_WIDTH = 1.4
# Above this many areas outlines are left out: at city scale they merge into grey, and they
# double the redraw (20,000 polygons: ~240 ms with outlines, ~130 ms without, on a busy machine).
MAX_OUTLINED_AREAS = 2000
# Likewise for points: above this many, markers are drawn without their thin outline (at city
# scale they overlap into one mass; Agg fills 100,000 bare discs in ~60% of the time).
MAX_OUTLINED_POINTS = 20_000
FLAGGED_HATCH = "////"
# Above the layer's own zorder: its hatching and labels (the scene spaces layers LAYER_STEP
# apart, so one layer's parts never interleave with the next one's).
Z_FLAGGED, Z_LABELS = 0.002, 0.004
LAYER_STEP = 0.01
TABLE_STEP = 0.02


class UserLayerArtist:
    def __init__(self, ax, data, zorder: float = 20.0, lang: str = "zh", screen: bool = False) -> None:
        self.ax, self.data, self.zorder = ax, data, zorder
        self.lang = lang                   # the legend's words are in the map's language only
        # On screen, many areas are drawn as one compound path per colour (merge_by_colour)
        self._merge = screen and data.kind == "areas" and len(data) > MAX_OUTLINED_AREAS
        self._paths = None
        self.style: dict | None = None
        self.visible, self.opacity = True, 1.0
        self._rgba = None                  # face colours before opacity
        self._edge_rgba = None
        self._legend: tuple[str, list] = (data.name, [])
        self.labels: list = []
        self.flagged = None                # hatched overlay for districts whose value is in doubt
        self.main = None                   # lines and areas: one collection
        self.points = None                 # points: PointGroups, one collection per colour and size
        self.density = None                # points in the density view: DensityHexagons, made when asked
        kind = data.kind
        if kind == "points":
            self.points = PointGroups(ax, coordinates(data.geometry), zorder)
        elif kind == "lines":
            segments, self._owner = line_paths(data.geometry)
            self.main = LineCollection(segments, linewidths=1.5, zorder=zorder, capstyle="round")
            ax.add_collection(self.main, autolim=False)
        else:
            self._paths = polygon_paths(data.geometry)
            self.main = PathCollection(self._paths, linewidths=0.5, zorder=zorder)
            ax.add_collection(self.main, autolim=False)
            if kind == "districts":
                self.flagged = PathCollection([], facecolors="none", edgecolors="#555555", linewidths=0,
                                              hatch=FLAGGED_HATCH, zorder=zorder + Z_FLAGGED)
                ax.add_collection(self.flagged, autolim=False)

    # -- the scene's calls ---------------------------------------------------------------------
    def update(self, layer) -> None:
        """Follow `layer` (a LayerState). Visibility and opacity touch no colours' computation;
        a new style or name restyles the existing artists."""
        style = {**DEFAULTS, **dict(layer.style or {})}
        opacity = float(layer.opacity)
        if style != self.style or layer.name != self._name:
            self.opacity, self._name = opacity, layer.name
            self._apply_style(style, layer.name)
        elif opacity != self.opacity:
            self.opacity = opacity
            self._apply_opacity()
        if bool(layer.visible) != self.visible:
            self.visible = bool(layer.visible)
            for art in self.artists():
                art.set_visible(self.visible)

    def set_language(self, lang: str) -> None:
        """Say the legend's words in `lang` (the map's language)."""
        if lang != self.lang:
            self.lang = lang
            if self.style is not None:
                self._apply_style(self.style, self._name)

    def _say(self, zh: str, en: str) -> str:
        return en if self.lang == "en" else zh

    def set_zorder(self, zorder: float) -> None:
        """Move the layer in the drawing order (the layer list's order), parts and all."""
        if zorder == self.zorder:
            return
        self.zorder = zorder
        if self.main is not None:
            self.main.set_zorder(zorder)
        if self.points is not None:
            self.points.set_zorder(zorder)
        if self.density is not None:
            self.density.set_zorder(zorder)
        if self.flagged is not None:
            self.flagged.set_zorder(zorder + Z_FLAGGED)
        for t in self.labels:
            t.set_zorder(zorder + Z_LABELS)

    def artists(self) -> list:
        if self._density_on():
            groups = self.density.artists()
        else:
            groups = self.points.collections if self.points is not None else []
        return [a for a in (self.main, *groups, self.flagged, *self.labels) if a is not None]

    def _density_on(self) -> bool:
        return self.density is not None and self.style is not None and self.style["mode"] == "density"

    def legend_entries(self) -> tuple[str, list[tuple[object, str]]]:
        """(title, [(handle, label)]) for the map legend and exports."""
        return self._legend

    def remove(self) -> None:
        for art in (self.main, self.flagged, *self.labels):
            if art is not None:
                art.remove()
        for part in (self.points, self.density):
            if part is not None:
                part.remove()
        self.labels = []
        self.main = self.flagged = self.points = self.density = None

    _name = ""

    # -- style ------------------------------------------------------------------------------------
    def _title(self, column: str, unit, combine=None) -> str:
        if combine == "count":
            return self._say("行数", "rows per district")
        name, in_header = split_unit(column)
        unit = unit or in_header or self.data.units.get(column)
        how = {"sum": self._say("合计", "sum"), "mean": self._say("平均", "mean"),
               "median": self._say("中位数", "median")}.get(combine or "")
        name = f"{name}（{unit}）" if unit else name
        return f"{name} · {how}" if how else name

    def _apply_style(self, style: dict, name: str) -> None:
        data, n = self.data, len(self.data)
        mode, column = style["mode"], style["column"]
        if column is not None and column not in data.table.columns:
            mode = "single"
        base = to_rgba(style["colour"])
        rgba = np.tile(base, (n, 1))
        sizes = np.full(n, style["size"] ** 2)
        entries: list = []
        title = name or data.name
        flagged = np.zeros(n, dtype=bool)
        fill = self.fill_of(style, mode)
        if mode == "choropleth":
            values = data.feature_values(column, style["combine"])
            title = self._title(column, style["unit"], style["combine"])
            try:
                classes = classify(values, style["scheme"], style["k"], style["breaks"])
            except ValueError as exc:
                classes, entries = None, [(Patch(facecolor=NO_DATA_COLOUR),
                                           self._say(f"未分级：{exc}", f"not classified: {exc}"))]
                rgba = np.tile(to_rgba(NO_DATA_COLOUR), (n, 1))  # nothing to show: no colour wash
            if classes is not None:
                colours = ramp_colours(style["ramp"], classes.k)
                rgba = np.where(classes.yb[:, None] >= 0, colours[np.maximum(classes.yb, 0)],
                                to_rgba(NO_DATA_COLOUR))
                entries = [(self._handle(c, fill), f"{label} ({count})") for c, label, count
                           in zip(colours, classes.labels(), classes.counts) if count]
            if data.kind == "districts":
                vals = data.district_values(column, style["combine"])
                flags = np.array([vals[d].flag for d in data.district_ids], dtype=object)
                flagged = np.isin(flags, ["partial", "split", "several rows"])
                if np.isnan(values).any():
                    entries.append((Patch(facecolor=NO_DATA_COLOUR, edgecolor="#999999"), self._say("无数据", "no data")))
                if flagged.any():
                    entries.append((Patch(facecolor="none", edgecolor="#555555", hatch=FLAGGED_HATCH),
                                    self._say("见注：旧名或重名", "see note: old or repeated names")))
        elif mode == "category":
            labels = data.label_array(column)
            title = self._title(column, None)
            top = [v for v, _c in data.categories(column, limit=MAX_CATEGORIES)]
            colours = category_colours(len(top))
            idx = np.full(n, -1)
            for i, v in enumerate(top):  # a comparison per category, not a look-up per feature
                idx[labels == v] = i
            palette = np.array(colours + [to_rgba("#BBBBBB")])
            rgba = palette[idx]
            entries = [(self._handle(c, fill), v or self._say("（空）", "(empty)")) for c, v in zip(colours, top)]
            if (idx < 0).any():
                entries.append((self._handle(to_rgba("#BBBBBB"), fill), self._say("其他", "other")))
        elif mode == "density" and data.kind == "points":
            entries = self._apply_density(style, fill)
            cell = f"{self.density.bins.cell:,.0f}"
            title = f"{name or data.name} · " + self._say(f"每{cell}米六边形点数", f"points per {cell} m hexagon")
        elif mode == "size" and data.kind == "points":
            values = data.feature_values(column)
            title = self._title(column, style["unit"])
            lo, hi = style["size_range"]
            finite = values[np.isfinite(values)]
            if finite.size:
                vmin, vmax = float(finite.min()), float(finite.max())
                def scale(v):  # marker diameter: area grows with the value, in SIZE_STEPS steps
                    frac = np.sqrt(np.clip((v - vmin) / (vmax - vmin), 0, 1)) if vmax > vmin else 1.0
                    return lo + (hi - lo) * np.round(frac * (SIZE_STEPS - 1)) / (SIZE_STEPS - 1)

                sizes = np.where(np.isfinite(values), scale(values), lo) ** 2
                for v in dict.fromkeys([vmin, (vmin + vmax) / 2, vmax]):
                    entries.append((Line2D([], [], marker="o", linestyle="none", markersize=float(scale(v)),
                                           markerfacecolor=base, markeredgecolor=style["edge"]), f"{v:,.4g}"))
        if not entries:
            entries = [(self._handle(base, fill), name or data.name)]
        self._rgba = rgba
        self._fill = fill
        self._edge_rgba = to_rgba(style["edge"])
        if data.kind == "points" and mode == "density":
            self.points.set_visible(False)
        elif data.kind == "points":
            self.points.assign(rgba, sizes, self._edge_rgba, 0.0 if n > MAX_OUTLINED_POINTS else 0.4)
            self.points.set_visible(self.visible)
            if self.density is not None:
                self.density.set_visible(False)
        elif data.kind == "lines":
            self.main.set_linewidth(style["size"])
            self._rgba = rgba[self._owner] if len(self._owner) else rgba
        if self.flagged is not None:
            self.flagged.set_paths([p for p, f in zip(self.main.get_paths(), flagged) if f])
        self._legend = (title, entries)
        self.style = style
        self._apply_opacity()
        self._apply_labels(style)

    def _apply_density(self, style: dict, fill: float) -> list:
        """The points counted in hexagons (hzmap.render.map.density_paint); the legend in counts."""
        from hzmap.render.map.density_paint import DensityHexagons, legend_handle

        if self.density is None:
            self.density = DensityHexagons(self.ax, self.points.xy, self.zorder)
        rows = self.density.apply(style)
        self.density.set_visible(self.visible)
        return [(legend_handle(colour), label) for colour, label in rows]

    def fill_of(self, style: dict, mode: str) -> float:
        """The fill opacity of areas and districts (1 for points and lines)."""
        if self.data.kind not in ("areas", "districts"):
            return 1.0
        if style.get("fill") is not None:
            return float(style["fill"])
        return DEFAULT_FILL.get((self.data.kind, mode if mode != "size" else "single"), AREA_FILL_ALPHA)

    def _handle(self, colour, fill: float = 1.0):
        if self.data.kind == "points":
            return Line2D([], [], marker="o", linestyle="none", markersize=7, markerfacecolor=colour,
                          markeredgecolor=self.style["edge"] if self.style else "#333333")
        if self.data.kind == "lines":
            return Line2D([], [], color=colour, linewidth=2)
        rgba = to_rgba(colour)
        if fill <= 0:  # an outline, as it is drawn
            return Patch(facecolor="none", edgecolor=rgba, linewidth=OUTLINE_WIDTH)
        return Patch(facecolor=(*rgba[:3], rgba[3] * fill), edgecolor="#555555", linewidth=0.5)

    def _apply_opacity(self) -> None:
        if self.density is not None:
            self.density.set_opacity(self.opacity)
        if self.points is not None:
            self.points.set_opacity(self.opacity)
            for t in self.labels:
                t.set_alpha(self.opacity)
            return
        rgba = self._rgba.copy()
        rgba[:, 3] *= self.opacity
        edge = (*self._edge_rgba[:3], self._edge_rgba[3] * self.opacity)
        if self.data.kind == "areas" and len(self.data) > MAX_OUTLINED_AREAS:
            edge = "none"
        if self.data.kind == "lines":
            self.main.set_color(rgba)
        elif getattr(self, "_fill", 1.0) <= 0:  # outlines in the layer's colours, the layout shows
            self.main.set_facecolor("none")
            self.main.set_edgecolor(rgba)
            self.main.set_linewidth(OUTLINE_WIDTH)
        else:
            face = rgba.copy()
            face[:, 3] *= self._fill
            self.main.set_facecolor(face)
            self.main.set_edgecolor(edge)
            self.main.set_linewidth(0.5)
        if self._merge:
            self._merge_by_colour()
        for art in (self.flagged, *self.labels):
            if art is not None:
                art.set_alpha(self.opacity)

    def _merge_by_colour(self) -> None:
        """On screen, the many areas as one compound path per colour (layer_paint.merge_by_colour);
        exports draw every area as it is (`screen` is off there)."""
        from hzmap.render.map.layer_paint import merge_by_colour

        merge_by_colour(self.main, self._paths)

    def _apply_labels(self, style: dict) -> None:
        column = style["labels"]
        wanted = column if column in self.data.table.columns else None
        if getattr(self, "_label_key", None) == (wanted, style["label_size"]):
            return
        for t in self.labels:
            t.remove()
        self.labels = []
        self._label_key = (wanted, style["label_size"])
        if wanted is None:
            return
        texts = self.data.label_array(wanted)
        anchors = coordinates(anchor_points(self.data.geometry))
        halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]
        for (x, y), text in zip(anchors[:MAX_LABELS].tolist(), texts[:MAX_LABELS].tolist()):
            if text:
                self.labels.append(self.ax.text(x, y, f" {text}", fontsize=style["label_size"], ha="left",
                                                va="center", zorder=self.zorder + Z_LABELS, path_effects=halo,
                                                clip_on=True, visible=self.visible, alpha=self.opacity))


def legend_title_and_rows(artist: UserLayerArtist) -> tuple[str, list[str]]:
    """The legend's text only (tests and text exports)."""
    title, entries = artist.legend_entries()
    return title, [label for _h, label in entries]

