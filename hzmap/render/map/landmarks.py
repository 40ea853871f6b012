"""The landmarks a planner looks for first: the main railway stations and the airport, labelled,
and metro stations as small dots once the map is zoomed in. No Qt.

They come from the geodata's `landmarks` layer (OpenStreetMap, geodata/SOURCES.md) and make the
base layer "landmarks". Their labels are placed with the map's other labels
(hzmap.render.map.labels), last: a layout's and a district's label is placed first and a
landmark's name gives way, hidden where it finds no room. The station and airport symbols are
obstacles for every label, so no label covers them.
"""
from __future__ import annotations

import numpy as np
from matplotlib import patheffects
from matplotlib.lines import Line2D
from matplotlib.path import Path

from hzmap.render.map import style as st

#: Above the layout's fills, bands and the filter's dimming (5.5), below its base symbols (8).
Z_LANDMARK, Z_LANDMARK_LABEL = 5.6, 8.9
#: Metro dots show once the view is narrower than this (the 主城区 view on a wide window is
#: about 70 km across; at that scale 226 dots merge into lines).
METRO_MAX_VIEW_M = 45_000
LANDMARK_INK = "#2B2B2B"
METRO_DOT = "#6A5A8C"
LABELLED = ("rail_main", "airport")


def _plane() -> Path:
    """An aircraft seen from above, nose up-right: the usual airport symbol."""
    half = [(0.0, 1.0), (0.11, 0.86), (0.11, 0.32), (1.0, -0.12), (1.0, -0.3), (0.11, -0.08),
            (0.11, -0.62), (0.38, -0.84), (0.38, -0.98), (0.0, -0.86)]
    pts = half + [(-x, y) for x, y in reversed(half[1:-1])] + [half[0]]
    xy = np.asarray(pts)
    c, s = np.cos(np.radians(-45)), np.sin(np.radians(-45))
    xy = xy @ np.array([[c, s], [-s, c]])
    return Path(xy, closed=True)


PLANE = _plane()


class Landmarks:
    """The artists of the base layer "landmarks" on one map Axes."""

    def __init__(self, ax, features, label_size: float, lang: str = "zh") -> None:
        self.ax = ax
        self.features = [f for f in features if f["kind"] in (*LABELLED, "metro")]
        self.lang = lang
        halo = [patheffects.withStroke(linewidth=2.6, foreground=st.HALO)]
        metro = self._xy("metro")
        self.metro = Line2D(metro[:, 0], metro[:, 1], linestyle="none", marker="o", markersize=3.0,
                            markerfacecolor=METRO_DOT, markeredgecolor="white", markeredgewidth=0.5,
                            zorder=Z_LANDMARK, visible=False)
        rail = self._xy("rail_main")
        # ⊙: a white disc ringed in ink with an ink centre, apart from the layouts' symbols,
        # which are filled or hollow in an element's colour
        self.rail = Line2D(rail[:, 0], rail[:, 1], linestyle="none", marker="o", markersize=8.5,
                           markerfacecolor="white", markeredgecolor=LANDMARK_INK, markeredgewidth=1.6,
                           zorder=Z_LANDMARK)
        self.rail_centre = Line2D(rail[:, 0], rail[:, 1], linestyle="none", marker="o", markersize=3.2,
                                  markerfacecolor=LANDMARK_INK, markeredgecolor="none", zorder=Z_LANDMARK + 0.01)
        air = self._xy("airport")
        self.airport = Line2D(air[:, 0], air[:, 1], linestyle="none", marker=PLANE, markersize=13,
                              markerfacecolor=LANDMARK_INK, markeredgecolor="white", markeredgewidth=0.7,
                              zorder=Z_LANDMARK)
        for art in (self.metro, self.rail, self.rail_centre, self.airport):
            ax.add_line(art)
        self.labels = []
        for f in self.features:
            if f["kind"] in LABELLED:
                text = ax.text(f.geometry.x, f.geometry.y, self._name(f), ha="center", va="center",
                               color=LANDMARK_INK, fontsize=label_size, zorder=Z_LANDMARK_LABEL,
                               path_effects=halo)
                self.labels.append((text, (f.geometry.x, f.geometry.y)))

    def _xy(self, kind: str) -> np.ndarray:
        pts = [(f.geometry.x, f.geometry.y) for f in self.features if f["kind"] == kind]
        return np.asarray(pts, dtype=float).reshape(-1, 2)

    def _name(self, feature) -> str:
        return feature["name_en"] if self.lang == "en" else feature["name_zh"]

    @property
    def artists(self) -> list:
        """The layer's artists, the main symbols last (MapRenderer.layers_visible reads it)."""
        return [self.metro, *(t for t, _ in self.labels), self.rail_centre, self.airport, self.rail]

    def set_language(self, lang: str) -> None:
        self.lang = lang
        named = [f for f in self.features if f["kind"] in LABELLED]
        for (text, _), f in zip(self.labels, named):
            text.set_text(self._name(f))

    def symbol_points(self) -> np.ndarray:
        """Map coordinates of the labelled symbols (obstacles for every label)."""
        return np.vstack([self._xy("rail_main"), self._xy("airport")])

    def update_for_view(self, shown: bool, view_width_m: float, label_size: float) -> list[tuple]:
        """Show the metro dots at close zoom; the (Text, anchor) labels to place, or none."""
        self.metro.set_visible(shown and view_width_m < METRO_MAX_VIEW_M)
        if not shown:
            return []
        for text, _ in self.labels:
            text.set_fontsize(label_size)
        return list(self.labels)
