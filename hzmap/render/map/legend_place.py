"""Where the map's legend sits on screen: the corner of the map that hides no district's name.

The legend starts in the lower right. In a window that is not maximised, or at the whole-city
view, that corner holds 萧山 and 钱塘; a legend there would cover their names (or push them out
of sight). Before labels are placed, each corner is tried and the first that covers no district
label anchor (and the fewest, if none is free) is kept. A legend anchored outside the map (an
export's side column) is left where its page put it.
"""
from __future__ import annotations

import numpy as np

CORNERS = ("lower right", "upper right", "upper left", "lower left")


def anchored_in(ax, legend) -> bool:
    """True when the legend is placed in the map axes (not in a page's column)."""
    return tuple(np.round(legend.get_bbox_to_anchor().bounds, 3)) == tuple(np.round(ax.bbox.bounds, 3))


def place_legend(ax, legend, anchors_px: np.ndarray, renderer, margin_px: float = 14.0) -> str | None:
    """Move `legend` to the corner covering the fewest of `anchors_px` (pixel positions of the
    labels that must stay readable); returns the corner, or None when the legend is not the map's."""
    if legend is None or not legend.get_visible() or not anchored_in(ax, legend):
        return None
    anchors = np.asarray(anchors_px, dtype=float).reshape(-1, 2)
    best, best_n = None, None
    for corner in CORNERS:
        legend.set_loc(corner)
        bb = legend.get_window_extent(renderer)
        inside = ((anchors[:, 0] > bb.x0 - margin_px) & (anchors[:, 0] < bb.x1 + margin_px)
                  & (anchors[:, 1] > bb.y0 - margin_px) & (anchors[:, 1] < bb.y1 + margin_px))
        n = int(inside.sum())
        if best_n is None or n < best_n:
            best, best_n = corner, n
        if n == 0:
            break
    legend.set_loc(best)
    return best
