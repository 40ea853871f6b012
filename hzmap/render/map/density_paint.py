"""A point layer drawn as its density: hexagons coloured by how many points each holds.

The counts come from hzmap.model.layers.density (hexagons fixed in map metres); their classes
from hzmap.model.layers.classify, as a choropleth's, in the layer's ramp, so the legend reads in
points per hexagon. One PolyCollection stamps one hexagon at every occupied centre: a few
thousand paths where the points would be a million markers.
"""
from __future__ import annotations

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.patches import RegularPolygon
from matplotlib.transforms import AffineDeltaTransform

from hzmap.model.layers.classify import classify
from hzmap.model.layers.density import Hexbins, hexbin
from hzmap.render.map.layer_paint import ramp_colours

DENSITY_ALPHA = 0.85  # the districts' boundaries and names show through a little


class DensityHexagons:
    """The hexagons of one point layer on `ax`, at `zorder`."""

    def __init__(self, ax, xy: np.ndarray, zorder: float) -> None:
        self.ax, self.xy, self.zorder = ax, xy, zorder
        self.bins: Hexbins | None = None
        self._cell = None  # the cell the style asked for (None: automatic)
        self.collection: PolyCollection | None = None
        self._rgba = np.empty((0, 4))

    def apply(self, style: dict) -> list:
        """Count (again, when the cell changed) and colour the hexagons for `style`; returns the
        legend rows [(colour, label)]."""
        cell = style.get("cell") or None
        if self.bins is None or cell != self._cell:
            self.bins, self._cell = hexbin(self.xy, cell), cell
            self._build()
        counts = self.bins.counts.astype(float)
        if not len(counts):
            self._rgba = np.empty((0, 4))
            return []
        try:
            classes = classify(counts, style["scheme"], style["k"], style["breaks"])
        except ValueError:
            classes = classify(counts, "quantiles", 1, [])
        colours = ramp_colours(style["ramp"], classes.k)
        self._rgba = colours[np.clip(classes.yb, 0, classes.k - 1)].copy()
        self._rgba[:, 3] = DENSITY_ALPHA
        return [(colours[i], f"{label}") for i, (label, count)
                in enumerate(zip(classes.labels(), classes.counts)) if count]

    def _build(self) -> None:
        if self.collection is not None:
            self.collection.remove()
        hexagon = self.bins.hexagon()
        # as matplotlib's hexbin: the hexagon in data units, moved to each centre by the data's
        # scale alone (AffineDeltaTransform), so it keeps its size in metres at every zoom
        self.collection = PolyCollection([hexagon], offsets=self.bins.centres,
                                         offset_transform=AffineDeltaTransform(self.ax.transData),
                                         edgecolors="none", linewidths=0, zorder=self.zorder)
        self.ax.add_collection(self.collection, autolim=False)

    def set_opacity(self, opacity: float) -> None:
        if self.collection is not None:
            rgba = self._rgba.copy()
            rgba[:, 3] *= opacity
            self.collection.set_facecolor(rgba)

    def set_visible(self, visible: bool) -> None:
        if self.collection is not None:
            self.collection.set_visible(visible)

    def set_zorder(self, zorder: float) -> None:
        self.zorder = zorder
        if self.collection is not None:
            self.collection.set_zorder(zorder)

    def artists(self) -> list:
        return [self.collection] if self.collection is not None else []

    def remove(self) -> None:
        if self.collection is not None:
            self.collection.remove()
        self.collection = None


def legend_handle(colour):
    """A hexagon in the legend, as on the map."""
    return RegularPolygon((0, 0), 6, radius=1.0, facecolor=colour, edgecolor="none")
