"""Many points drawn fast: one PathCollection per colour-and-size group.

A PathCollection whose markers share one colour and one size is drawn by Agg's marker path: the
marker is rasterised once and stamped, and markers outside the view cost almost nothing, so
100,000 points redraw in tens of milliseconds. With a colour or size per point Agg rasterises
every marker anew (about a second for 100,000). Styles give few groups (a category, a class, one
of SIZE_STEPS sizes), so a layer is a handful of collections, each updated in place.
"""
from __future__ import annotations

import numpy as np

SIZE_STEPS = 8  # size-by-value is drawn in this many sizes (the legend shows three)


class PointGroups:
    def __init__(self, ax, xy: np.ndarray, zorder: float, marker: str = "o") -> None:
        self.ax, self.xy, self.zorder, self.marker = ax, np.asarray(xy, dtype=float), zorder, marker
        self.collections: list = []
        self._colours = np.empty((0, 4))
        self.visible, self.opacity = True, 1.0

    def assign(self, rgba: np.ndarray, sizes: np.ndarray, edge, linewidth: float = 0.4) -> None:
        """Colour (n, 4) and marker area (n,) of every point; groups are reused where they exist."""
        key = np.column_stack([np.asarray(rgba, dtype=float), np.asarray(sizes, dtype=float)])
        groups, group_of = np.unique(key, axis=0, return_inverse=True)
        group_of = group_of.ravel()
        order = np.argsort(group_of, kind="stable")
        bounds = np.searchsorted(group_of[order], np.arange(len(groups) + 1))
        while len(self.collections) > len(groups):
            self.collections.pop().remove()
        for i, g in enumerate(groups):
            offsets = self.xy[order[bounds[i]:bounds[i + 1]]]
            if i < len(self.collections):
                coll = self.collections[i]
                coll.set_offsets(offsets)
                coll.set_sizes([g[4]])
            else:
                coll = self.ax.scatter(offsets[:, 0], offsets[:, 1], s=g[4], marker=self.marker,
                                       zorder=self.zorder + i * 1e-4)
                self.collections.append(coll)
            coll.set_edgecolor(edge)
            coll.set_linewidth(linewidth)
            coll.set_visible(self.visible)
        self._colours = groups[:, :4]
        self._edge = edge
        self.set_opacity(self.opacity)

    def set_zorder(self, zorder: float) -> None:
        self.zorder = zorder
        for i, coll in enumerate(self.collections):
            coll.set_zorder(zorder + i * 1e-4)

    def set_opacity(self, opacity: float) -> None:
        self.opacity = opacity
        for coll, colour in zip(self.collections, self._colours):
            coll.set_facecolor((*colour[:3], colour[3] * opacity))
            coll.set_edgecolor((*self._edge[:3], self._edge[3] * opacity))

    def set_visible(self, visible: bool) -> None:
        self.visible = visible
        for coll in self.collections:
            coll.set_visible(visible)

    def remove(self) -> None:
        for coll in self.collections:
            coll.remove()
        self.collections = []
