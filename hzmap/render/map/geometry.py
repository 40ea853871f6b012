"""Shapely geometries as matplotlib paths (polygons keep their holes)."""
from __future__ import annotations

import numpy as np
import shapely
from matplotlib.path import Path


def _ring_codes(n: int) -> np.ndarray:
    codes = np.full(n, Path.LINETO, dtype=Path.code_type)
    codes[0] = Path.MOVETO
    codes[-1] = Path.CLOSEPOLY
    return codes


def polygon_path(geom) -> Path:
    """A compound path for a Polygon or MultiPolygon (holes drawn as holes: even-odd rings)."""
    verts, codes = [], []
    for poly in shapely.get_parts(geom):
        if poly.is_empty or poly.geom_type != "Polygon":
            continue
        for ring in (poly.exterior, *poly.interiors):
            xy = np.asarray(ring.coords)
            if len(xy) < 3:
                continue
            verts.append(xy)
            codes.append(_ring_codes(len(xy)))
    if not verts:
        return Path(np.empty((0, 2)))
    return Path(np.concatenate(verts), np.concatenate(codes))


def line_segments(geom) -> list[np.ndarray]:
    """The vertex arrays of a (Multi)LineString, for a LineCollection."""
    out = []
    for part in shapely.get_parts(geom):
        if part.geom_type == "LineString" and not part.is_empty:
            out.append(np.asarray(part.coords)[:, :2])
        elif part.geom_type in ("Polygon",):
            out.append(np.asarray(part.exterior.coords)[:, :2])
    return out
