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
    # half a column; lattice 1 holds the even rows, lattice 2 the odd ones. A hexagon is one
    # integer key, its column and row in half steps; the points are keyed a chunk at a time, so
    # a million points need one array of keys beside them, not a dozen temporaries.
    r = cell / np.sqrt(3.0)
    sx, sy = cell, 3.0 * r
    x0, y0 = np.floor(xy.min(axis=0) / [sx, sy]) * [sx, sy] - [sx, sy]
    width = int(np.ceil((xy[:, 0].max() - x0) / (0.5 * sx))) + 4  # more half columns than any key's
    keys = np.concatenate([_keys(xy[i:i + CHUNK], x0, y0, sx, sy, width) for i in range(0, len(xy), CHUNK)])
    uniq, counts = np.unique(keys, return_counts=True)
    row, col = np.divmod(uniq, width)
    return Hexbins(cell, np.column_stack([col * (0.5 * sx) + x0, row * (0.5 * sy) + y0]), counts)


CHUNK = 1 << 17


def _keys(xy: np.ndarray, x0: float, y0: float, sx: float, sy: float, width: int) -> np.ndarray:
    """Each point's hexagon as row * width + column, in half steps of the two lattices."""
    x, y = xy[:, 0] - x0, xy[:, 1] - y0
    ix1, iy1 = np.round(x / sx), np.round(y / sy)
    ix2, iy2 = np.floor(x / sx), np.floor(y / sy)
    first = (x - ix1 * sx) ** 2 + (y - iy1 * sy) ** 2 <= (x - (ix2 + 0.5) * sx) ** 2 + (y - (iy2 + 0.5) * sy) ** 2
    col = np.where(first, 2 * ix1, 2 * ix2 + 1).astype(np.int64)
    row = np.where(first, 2 * iy1, 2 * iy2 + 1).astype(np.int64)
    return row * width + col
