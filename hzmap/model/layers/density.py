"""Points counted in hexagons of a fixed size on the ground: the density view of a point layer.

A firm registry or a POI dump of a million points is one dark mass at city scale; counted per
hexagon of, say, 1 km, it shows where the points are dense, and the legend reads in points per
hexagon. The hexagons are fixed in map metres (not in pixels), so the counts mean the same on
screen, in an export and after a zoom, and a pan redraws the same few thousand hexagons
instead of a million markers. No Qt, no matplotlib.

The lattice is matplotlib's hexbin's (two offset rectangular lattices, each point to the
nearer centre), with pointy-top hexagons `cell` metres across their flat sides.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: Cell sizes offered and chosen from (metres across a hexagon's flat sides).
NICE_CELLS = (100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000)
CELLS_ACROSS = 70  # an automatic cell: about this many hexagons across the layer's extent
MIN_CELL, MAX_CELL = 50.0, 50000.0


@dataclass(frozen=True)
class Hexbins:
    cell: float              # metres across a hexagon's flat sides
    centres: np.ndarray      # (m, 2) map metres of every hexagon holding a point
    counts: np.ndarray       # (m,) points in each

    def hexagon(self) -> np.ndarray:
        """(6, 2) the vertices of one hexagon around (0, 0), in metres."""
        r = self.cell / np.sqrt(3.0)  # centre to vertex
        a = np.radians(np.arange(6) * 60.0 + 30.0)
        return np.column_stack([r * np.cos(a), r * np.sin(a)])


def auto_cell(xy: np.ndarray) -> float:
    """A round cell size giving about CELLS_ACROSS hexagons across the points' extent."""
    finite = xy[np.isfinite(xy).all(axis=1)] if len(xy) else xy
    if not len(finite):
        return 1000.0
    span = float(max(np.ptp(finite[:, 0]), np.ptp(finite[:, 1]), 1.0))
    want = span / CELLS_ACROSS
    return float(min(NICE_CELLS, key=lambda c: abs(np.log(c / want))))


def hexbin(xy: np.ndarray, cell: float | None = None) -> Hexbins:
    """Count the points (n, 2) in hexagons `cell` metres across (None: auto_cell)."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    xy = xy[np.isfinite(xy).all(axis=1)]
    cell = float(np.clip(cell, MIN_CELL, MAX_CELL)) if cell else auto_cell(xy)
    if not len(xy):
        return Hexbins(cell, np.empty((0, 2)), np.empty(0, dtype=int))
    # pointy-top hexagons: columns `cell` apart, rows 1.5 r apart, every other row shifted by
    # half a column; lattice 1 holds the even rows, lattice 2 the odd ones
    r = cell / np.sqrt(3.0)
    sx, sy = cell, 3.0 * r
    x0, y0 = np.floor(xy.min(axis=0) / [sx, sy]) * [sx, sy] - [sx, sy]
    ix1 = np.round((xy[:, 0] - x0) / sx)
    iy1 = np.round((xy[:, 1] - y0) / sy)
    ix2 = np.floor((xy[:, 0] - x0) / sx)
    iy2 = np.floor((xy[:, 1] - y0) / sy)
    d1 = (xy[:, 0] - x0 - ix1 * sx) ** 2 + ((xy[:, 1] - y0 - iy1 * sy) ** 2)
    d2 = (xy[:, 0] - x0 - (ix2 + 0.5) * sx) ** 2 + ((xy[:, 1] - y0 - (iy2 + 0.5) * sy) ** 2)
    first = d1 <= d2
    cx = np.where(first, ix1 * sx, (ix2 + 0.5) * sx) + x0
    cy = np.where(first, iy1 * sy, (iy2 + 0.5) * sy) + y0
    # one integer key per hexagon: rows and columns in half steps
    col = np.round((cx - x0) / (0.5 * sx)).astype(np.int64)
    row = np.round((cy - y0) / (0.5 * sy)).astype(np.int64)
    keys = row * (int(col.max()) + 2) + col
    uniq, first_of, counts = np.unique(keys, return_index=True, return_counts=True)
    return Hexbins(cell, np.column_stack([cx[first_of], cy[first_of]]), counts)
