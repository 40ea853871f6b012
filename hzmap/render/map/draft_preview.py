"""The draft element being reviewed, drawn over the main map. No Qt.

Two artists: the element's footprint as it stands (districts, band, shape: a dashed orange
outline over a light fill, above the layout and below labels) and the points being picked
(a rubber band that follows the mouse). The footprint is part of the map, redrawn when it
changes; the rubber band is `animated` and blitted by the canvas on every mouse move, never
cached with the map. Exports and the presentation build their own scenes and never show either.
"""
from __future__ import annotations

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch
from matplotlib.path import Path

from hzmap.render.map.geometry import polygon_path

COLOUR = "#D35400"
Z_PREVIEW = 13   # above every layout artist, below the selection outline and labels


class DraftPreview:
    def __init__(self, ax) -> None:
        self.ax = ax
        self.patch = PathPatch(Path(np.empty((0, 2))), facecolor=(0.83, 0.33, 0.0, 0.22),
                               edgecolor=COLOUR, linewidth=2.4, linestyle=(0, (6, 3)),
                               zorder=Z_PREVIEW, visible=False)
        self.patch.set_gid("draft-preview")
        ax.add_artist(self.patch)
        self.vertices = Line2D([], [], linestyle="none", marker="o", markersize=7, color=COLOUR,
                               markeredgecolor="white", markeredgewidth=1.2, zorder=Z_PREVIEW + 0.5,
                               visible=False)
        ax.add_line(self.vertices)
        self.band = Line2D([], [], color=COLOUR, linewidth=1.6, linestyle=(0, (4, 3)), marker="o",
                           markersize=6, markerfacecolor="white", zorder=Z_PREVIEW + 1,
                           animated=True, visible=False)
        ax.add_line(self.band)

    def show_shape(self, shape, vertices=()) -> bool:
        """Draw `shape` (shapely, map metres; None or empty hides it) and mark the points it
        was picked from (seen at any zoom). Returns whether anything is shown."""
        visible = shape is not None and not shape.is_empty and shape.area > 0
        if visible:
            self.patch.set_path(polygon_path(shape))
        self.patch.set_visible(visible)
        pts = np.asarray(list(vertices), dtype=float).reshape(-1, 2)
        self.vertices.set_data(pts[:, 0], pts[:, 1])
        self.vertices.set_visible(len(pts) > 0)
        return visible or len(pts) > 0

    def show_points(self, points) -> None:
        """The points picked so far (and where the mouse is), joined by a dashed line."""
        pts = np.asarray(list(points), dtype=float).reshape(-1, 2)
        self.band.set_data(pts[:, 0], pts[:, 1])
        self.band.set_visible(len(pts) > 0)

    def clear(self) -> None:
        for artist in (self.patch, self.vertices, self.band):
            artist.set_visible(False)

    @property
    def shown(self) -> bool:
        return self.patch.get_visible() or self.vertices.get_visible()

    def remove(self) -> None:
        for artist in (self.patch, self.vertices, self.band):
            if artist.axes is not None:
                artist.remove()
