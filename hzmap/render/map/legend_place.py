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
    ax0, ay0, ax1, ay1 = ax.bbox.extents
    for scale in SHRINK:
        for t, size in zip(texts, legend._hz_sizes):
            t.set_fontsize(size * scale)
        # measured once per size and map size, in the lower right; the other corners are the
        # same box moved (laying a legend out takes milliseconds, and it comes back each redraw)
        legend.set_loc("lower right")
        key = (scale, tuple(np.round(ax.bbox.extents, 1)))
        cache = legend.__dict__.setdefault("_hz_boxes", {})
        if key not in cache:
            cache[key] = legend.get_window_extent(renderer).frozen()
        lr = cache[key]
        gap_x, gap_y = ax1 - lr.x1, lr.y0 - ay0
        boxes = {"lower right": (lr.x0, lr.y0, lr.x1, lr.y1),
                 "upper right": (lr.x0, ay1 - gap_y - lr.height, lr.x1, ay1 - gap_y),
                 "upper left": (ax0 + gap_x, ay1 - gap_y - lr.height, ax0 + gap_x + lr.width, ay1 - gap_y),
                 "lower left": (ax0 + gap_x, lr.y0, ax0 + gap_x + lr.width, lr.y1)}
        for corner in CORNERS:
            x0, y0, x1, y1 = boxes[corner]
            mx, my = margin_px + label_px[0], margin_px + label_px[1]
            inside = ((anchors[:, 0] > x0 - mx) & (anchors[:, 0] < x1 + mx)
                      & (anchors[:, 1] > y0 - my) & (anchors[:, 1] < y1 + my))
            n = int(inside.sum())
            if best is None or n < best[0]:
                best = (n, corner, scale)
            if n == 0:
                legend.set_loc(corner)
                legend._hz_box = boxes[corner]
                return corner
    n, corner, scale = best
    for t, size in zip(texts, legend._hz_sizes):
        t.set_fontsize(size * scale)
    legend.set_loc(corner)
    legend._hz_box = None  # (measured again where it is needed)
    return corner


def legend_box(ax, legend, renderer) -> tuple[float, float, float, float]:
    """The legend's box in pixels: the one place_legend chose, or measured."""
    box = getattr(legend, "_hz_box", None)
    if box is not None and anchored_in(ax, legend):
        return box
    bb = legend.get_window_extent(renderer)
    return (bb.x0, bb.y0, bb.x1, bb.y1)
