"""Where the map's legend sits on screen: the corner of the map that hides no district's name.

The legend starts in the lower right. In a window that is not maximised, or at the urban view,
that corner holds 滨江, 萧山 and 钱塘; a legend there would cover their names (or push them out
of sight). Before labels are placed, each corner is tried and the first that covers no district
label anchor is kept; when none is free (a layout's legend with a user layer's classes is tall),
the legend's type is made smaller in two steps and the corners tried again, and at the end the
corner covering the fewest is kept. A legend anchored outside the map (an export's side
column) is left where its page put it.
"""
from __future__ import annotations

import numpy as np

CORNERS = ("lower right", "upper right", "upper left", "lower left")
SHRINK = (1.0, 0.85, 0.72)  # type sizes tried, as a share of the legend's own


def anchored_in(ax, legend) -> bool:
    """True when the legend is placed in the map axes (not in a page's column)."""
    return tuple(np.round(legend.get_bbox_to_anchor().bounds, 3)) == tuple(np.round(ax.bbox.bounds, 3))


def place_legend(ax, legend, anchors_px: np.ndarray, renderer, margin_px: float = 14.0,
                 label_px: tuple[float, float] = (40.0, 12.0)) -> str | None:
    """Move `legend` to the corner covering the fewest of `anchors_px` (pixel positions of the
    labels that must stay readable; a label about 2·label_px around its anchor must fit beside
    the legend); returns the corner, or None when the legend is not the map's."""
    if legend is None or not legend.get_visible() or not anchored_in(ax, legend):
        return None
    anchors = np.asarray(anchors_px, dtype=float).reshape(-1, 2)
    texts = [legend.get_title(), *legend.get_texts()]
    if not hasattr(legend, "_hz_sizes"):
        legend._hz_sizes = [t.get_fontsize() for t in texts]
    best = None
    for scale in SHRINK:
        for t, size in zip(texts, legend._hz_sizes):
            t.set_fontsize(size * scale)
        for corner in CORNERS:
            legend.set_loc(corner)
            bb = legend.get_window_extent(renderer)
            mx, my = margin_px + label_px[0], margin_px + label_px[1]
            inside = ((anchors[:, 0] > bb.x0 - mx) & (anchors[:, 0] < bb.x1 + mx)
                      & (anchors[:, 1] > bb.y0 - my) & (anchors[:, 1] < bb.y1 + my))
            n = int(inside.sum())
            if best is None or n < best[0]:
                best = (n, corner, scale)
            if n == 0:
                return corner
    n, corner, scale = best
    for t, size in zip(texts, legend._hz_sizes):
        t.set_fontsize(size * scale)
    legend.set_loc(corner)
    return corner
