"""Colours and shapes for user layers: ramps that survive greyscale printing and colour blindness,
a qualitative palette for categories, and shapely features as matplotlib paths in bulk.

Choropleth ramps are sequential and monotone in lightness (ColorBrewer's YlGnBu, Blues ...,
viridis and cividis reversed), sampled so that the darkest class is the largest value and each
class is clearly lighter than the next: they read in greyscale and for every common kind of
colour blindness (cividis is built for it). tests/test_user_layers_render.py checks the
lightness steps of every ramp in hzmap.model.layers.style.RAMPS.
"""
from __future__ import annotations

import numpy as np
import shapely
from matplotlib import colormaps
from matplotlib.colors import to_rgba
from matplotlib.path import Path

# Paul Tol's "muted" qualitative scheme: distinct for colour-blind readers; grey for "other".
CATEGORY_COLOURS = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677",
                    "#882255", "#AA4499"]
OTHER_COLOUR = "#BBBBBB"
NO_DATA_COLOUR = "#EEEEEE"
# name -> (matplotlib colormap, first and last sample): light to dark
_RAMPS = {
    "YlGnBu": ("YlGnBu", 0.12, 1.0), "Blues": ("Blues", 0.15, 1.0), "Greens": ("Greens", 0.15, 1.0),
    "OrRd": ("OrRd", 0.12, 1.0), "PuRd": ("PuRd", 0.12, 1.0), "Greys": ("Greys", 0.1, 0.95),
    "viridis": ("viridis_r", 0.0, 0.95), "cividis": ("cividis_r", 0.0, 1.0),
}


def ramp_colours(name: str, k: int) -> np.ndarray:
    """k RGBA colours of ramp `name`, lightest first."""
    cmap_name, lo, hi = _RAMPS.get(name, _RAMPS["YlGnBu"])
    return colormaps[cmap_name](np.linspace(lo, hi, max(1, k)) if k > 1 else [0.6 * hi + 0.4 * lo])


def lightness(rgba) -> np.ndarray:
    """CIE L* (0 black - 100 white) of sRGB colours: what a greyscale print keeps."""
    rgb = np.asarray(rgba, dtype=float)[..., :3]
    lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    y = lin @ np.array([0.2126, 0.7152, 0.0722])
    return np.where(y > 216 / 24389, 116 * np.cbrt(y) - 16, y * 24389 / 27)


def category_colours(n: int) -> list[tuple]:
    return [to_rgba(CATEGORY_COLOURS[i]) if i < len(CATEGORY_COLOURS) else to_rgba(OTHER_COLOUR)
            for i in range(n)]


def polygon_paths(geoms) -> list[Path]:
    """One compound Path per (Multi)Polygon, holes kept (even-odd rings), built in bulk: 20,000
    polygons take a fraction of a second where a loop over shapely parts takes seconds."""
    geoms = np.asarray(geoms, dtype=object)
    parts, owner = shapely.get_parts(geoms, return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    if coords.size == 0:
        return [Path(np.empty((0, 2))) for _ in geoms]
    codes = np.full(len(coords), Path.LINETO, dtype=Path.code_type)
    start = np.r_[0, np.flatnonzero(np.diff(ring_of)) + 1]
    codes[start] = Path.MOVETO
    codes[np.r_[start[1:] - 1, len(coords) - 1]] = Path.CLOSEPOLY
    feature_of = owner[ring_part[ring_of]]
    bounds = np.searchsorted(feature_of, np.arange(len(geoms) + 1))
    return [Path(coords[a:b], codes[a:b]) if b > a else Path(np.empty((0, 2)))
            for a, b in zip(bounds[:-1], bounds[1:])]


def line_paths(geoms) -> list[np.ndarray]:
    """Vertex arrays of every part of (Multi)LineStrings, and the feature of each, for a LineCollection."""
    parts, owner = shapely.get_parts(np.asarray(geoms, dtype=object), return_index=True)
    coords, part_of = shapely.get_coordinates(parts, return_index=True)
    bounds = np.searchsorted(part_of, np.arange(len(parts) + 1))
    return [coords[a:b] for a, b in zip(bounds[:-1], bounds[1:])], owner


def merge_by_colour(collection, paths: list) -> None:
    """`collection`'s areas (`paths`, as they are coloured now) as one compound path per fill and
    outline colour: Agg fills a few large paths two to three times faster than 20,000 small ones,
    which at city scale are a few pixels each. Where two areas of one colour overlap, the overlap
    is filled once."""
    faces = np.asarray(collection.get_facecolor(), dtype=float).reshape(-1, 4)
    edges = np.asarray(collection.get_edgecolor(), dtype=float).reshape(-1, 4)
    n = len(paths)
    faces, edges = (np.zeros((n, 4)) if not len(c) else np.broadcast_to(c, (n, 4)) if len(c) == 1 else c
                    for c in (faces, edges))  # ("none": no colour at all)
    groups, group_of = np.unique(np.hstack([faces, edges]), axis=0, return_inverse=True)
    group_of = group_of.ravel()
    collection.set_paths([Path.make_compound_path(*[paths[i] for i in np.flatnonzero(group_of == g)])
                          for g in range(len(groups))])
    # No colour at all stays "none": Agg would otherwise stroke (or fill) every area in a colour
    # that cannot be seen, which cost a third of the pan
    for colours, setter in ((groups[:, :4], collection.set_facecolor), (groups[:, 4:], collection.set_edgecolor)):
        setter("none" if not colours[:, 3].any() else colours)
