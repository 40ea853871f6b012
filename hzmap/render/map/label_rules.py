"""The rules a map's labels keep, as numbers: what "on its feature", "beside its symbol", "a short
leader" and "overlapping" mean. The placement (hzmap.render.map.labels) looks for positions that
keep them; the page check (hzmap.render.page.check) measures a drawn page against them. No Qt.

Everything is in display pixels unless a name says metres; sizes are given in points and scaled by
the figure's DPI, so a label lands in the same place at 96 and at 300 DPI.

- A label on an area (a district, a layout element's figure) is on it when the middle of its box
  lies inside the area and no other area of the same kind (another district; another element of
  the layout) holds more of the box (counted on a 5 × 3 grid of points over the box): a reader
  gives a label to the area it mostly lies on.
- A label naming a symbol (a place, a station) is beside it: clear of the symbol, at most
  BESIDE_PT from its edge.
- Otherwise a leader ties it: a straight line from the label's edge to a point of the area (or to
  the symbol), at most LEADER_MAX_PT long, crossing no other label.
- Labels never overlap one another, never cover a symbol and stay inside the map's frame.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

BESIDE_PT = 5.0        # the widest gap between a symbol and the label beside it
LEADER_MAX_PT = 54.0   # the longest leader
SYMBOL_R_PT = 4.5      # a base symbol's or a station's half-width, with a little air
GRID = (5, 3)          # the points a box is sampled at (across, down)
TOLERANCE_PX = 1.0     # boxes that touch within this do not count as overlapping


@dataclass(frozen=True, eq=False)
class Feature:
    """What a label names: an area (a shapely geometry in map metres, prepared) or a symbol (a
    point in map metres). `family` groups the areas a label could be mistaken for."""

    kind: str                    # "area" or "point"
    geom: object = None
    xy: tuple | None = None
    family: str = ""
    name: str = ""               # for the check's messages


def area_feature(geom, family: str, name: str = "") -> Feature:
    shapely.prepare(geom)
    return Feature("area", geom=geom, family=family, name=name)


def point_feature(xy, family: str, name: str = "") -> Feature:
    return Feature("point", xy=(float(xy[0]), float(xy[1])), family=family, name=name)


def pt_to_px(pt: float, dpi: float) -> float:
    return pt * dpi / 72.0


def quantised_size(width_px: float, height_px: float, dpi: float) -> tuple[float, float]:
    """A label's size in points, rounded up to a quarter point: the size the placement and the
    check both work with (so that another resolution's hinting changes no decision)."""
    k = dpi / 72.0
    return float(np.ceil(width_px / k * 4) / 4), float(np.ceil(height_px / k * 4) / 4)


def label_box(bbox, dpi: float) -> np.ndarray:
    """A drawn label's box (a matplotlib Bbox, pixels) as the rules see it: around the same
    middle, its size quantised (quantised_size), in pixels."""
    w, h = quantised_size(bbox.width, bbox.height, dpi)
    k = dpi / 72.0
    cx, cy = (bbox.x0 + bbox.x1) / 2, (bbox.y0 + bbox.y1) / 2
    return np.array([cx - w * k / 2, cy - h * k / 2, cx + w * k / 2, cy + h * k / 2])


# -- boxes ------------------------------------------------------------------------------------
def boxes_around(centres: np.ndarray, w: float, h: float) -> np.ndarray:
    """(n, 4) boxes x0, y0, x1, y1 of size w × h centred on `centres` (n, 2)."""
    c = np.asarray(centres, dtype=float).reshape(-1, 2)
    return np.column_stack([c[:, 0] - w / 2, c[:, 1] - h / 2, c[:, 0] + w / 2, c[:, 1] + h / 2])


def overlap_matrix(a: np.ndarray, b: np.ndarray, tol: float = TOLERANCE_PX) -> np.ndarray:
    """(n, m) whether box a[i] overlaps box b[j] by more than `tol` both ways."""
    a = np.asarray(a, dtype=float).reshape(-1, 4)
    b = np.asarray(b, dtype=float).reshape(-1, 4)
    return ((a[:, None, 0] < b[None, :, 2] - tol) & (b[None, :, 0] < a[:, None, 2] - tol)
            & (a[:, None, 1] < b[None, :, 3] - tol) & (b[None, :, 1] < a[:, None, 3] - tol))


def inside(boxes: np.ndarray, frame, tol: float = TOLERANCE_PX) -> np.ndarray:
    """Whether each box lies inside `frame` (x0, y0, x1, y1), within `tol`."""
    b = np.asarray(boxes, dtype=float).reshape(-1, 4)
    x0, y0, x1, y1 = frame
    return (b[:, 0] >= x0 - tol) & (b[:, 1] >= y0 - tol) & (b[:, 2] <= x1 + tol) & (b[:, 3] <= y1 + tol)


def segments_hit_boxes(seg: np.ndarray, boxes: np.ndarray, shrink: float = TOLERANCE_PX) -> np.ndarray:
    """(n, m) whether segment seg[i] (x0, y0, x1, y1) passes through box boxes[j] (shrunk by
    `shrink`, so a leader that ends on its own label's edge does not count). Liang–Barsky, on
    the segment's parameter t in [0, 1]."""
    s = np.asarray(seg, dtype=float).reshape(-1, 4)
    b = np.asarray(boxes, dtype=float).reshape(-1, 4)
    if not len(s) or not len(b):
        return np.zeros((len(s), len(b)), dtype=bool)
    x0, y0 = s[:, 0:1], s[:, 1:2]
    dx, dy = s[:, 2:3] - x0, s[:, 3:4] - y0
    bx0, by0, bx1, by1 = (b[:, 0] + shrink)[None], (b[:, 1] + shrink)[None], (b[:, 2] - shrink)[None], (b[:, 3] - shrink)[None]
    with np.errstate(divide="ignore", invalid="ignore"):
        tx0, tx1 = (bx0 - x0) / dx, (bx1 - x0) / dx
        ty0, ty1 = (by0 - y0) / dy, (by1 - y0) / dy
    # a segment parallel to an axis: inside the slab for every t, or for none
    flat_x = np.abs(dx) < 1e-12
    flat_y = np.abs(dy) < 1e-12
    in_x = (x0 > bx0) & (x0 < bx1)
    in_y = (y0 > by0) & (y0 < by1)
    lo_x = np.where(flat_x, np.where(in_x, -np.inf, np.inf), np.minimum(tx0, tx1))
    hi_x = np.where(flat_x, np.where(in_x, np.inf, -np.inf), np.maximum(tx0, tx1))
    lo_y = np.where(flat_y, np.where(in_y, -np.inf, np.inf), np.minimum(ty0, ty1))
    hi_y = np.where(flat_y, np.where(in_y, np.inf, -np.inf), np.maximum(ty0, ty1))
    lo = np.maximum(np.maximum(lo_x, lo_y), 0.0)
    hi = np.minimum(np.minimum(hi_x, hi_y), 1.0)
    return lo < hi


def segments_cross(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(n, m) whether segment a[i] crosses segment b[j] (x0, y0, x1, y1), touching ends aside."""
    a = np.asarray(a, dtype=float).reshape(-1, 4)
    b = np.asarray(b, dtype=float).reshape(-1, 4)
    if not len(a) or not len(b):
        return np.zeros((len(a), len(b)), dtype=bool)

    def side(px, py, qx, qy, rx, ry):  # the turn p -> q -> r
        return np.sign((qx - px) * (ry - py) - (qy - py) * (rx - px))

    p1x, p1y, p2x, p2y = (a[:, k:k + 1] for k in range(4))
    q1x, q1y, q2x, q2y = (b[None, :, k] for k in range(4))
    d1 = side(q1x, q1y, q2x, q2y, p1x, p1y)
    d2 = side(q1x, q1y, q2x, q2y, p2x, p2y)
    d3 = side(p1x, p1y, p2x, p2y, q1x, q1y)
    d4 = side(p1x, p1y, p2x, p2y, q2x, q2y)
    return (d1 * d2 < 0) & (d3 * d4 < 0)


def gap_to_box(xy, box) -> float:
    """The distance from a point to a box (0 inside)."""
    x, y = xy
    dx = max(box[0] - x, 0.0, x - box[2])
    dy = max(box[1] - y, 0.0, y - box[3])
    return float(np.hypot(dx, dy))


def edge_point(box, towards) -> tuple[float, float]:
    """Where the line from the box's centre to `towards` leaves the box."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    dx, dy = towards[0] - cx, towards[1] - cy
    w, h = box[2] - box[0], box[3] - box[1]
    scale = min((w / 2) / abs(dx) if dx else np.inf, (h / 2) / abs(dy) if dy else np.inf)
    scale = min(scale, 1.0)
    return (cx + dx * scale, cy + dy * scale)


# -- on the feature ---------------------------------------------------------------------------
def sample_points(boxes: np.ndarray) -> np.ndarray:
    """(n, 15, 2) points spread over each box (inset a little from its edge)."""
    b = np.asarray(boxes, dtype=float).reshape(-1, 4)
    fx = (np.arange(GRID[0]) + 0.5) / GRID[0]
    fy = (np.arange(GRID[1]) + 0.5) / GRID[1]
    gx, gy = np.meshgrid(fx, fy)
    gx, gy = gx.ravel(), gy.ravel()
    xs = b[:, None, 0] + (b[:, None, 2] - b[:, None, 0]) * gx[None, :]
    ys = b[:, None, 1] + (b[:, None, 3] - b[:, None, 1]) * gy[None, :]
    return np.stack([xs, ys], axis=-1)


def on_area(box, own: Feature, rivals, to_map) -> bool:
    """Whether a label box (pixels) lies on the area `own`, by the rule above. `to_map` turns
    (n, 2) pixels into map metres; `rivals` are the other areas of its family."""
    centre = to_map(np.array([[(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]]))[0]
    if not shapely.contains_xy(own.geom, centre[0], centre[1]):
        return False
    pts = to_map(sample_points(np.asarray(box)[None])[0])
    mine = int(shapely.contains_xy(own.geom, pts[:, 0], pts[:, 1]).sum())
    for rival in rivals:
        if rival is own or rival.geom is None:
            continue
        if int(shapely.contains_xy(rival.geom, pts[:, 0], pts[:, 1]).sum()) > mine:
            return False
    return True


def beside_point(box, xy_px, r: float, beside: float) -> bool:
    """Whether a label box is clear of a symbol of half-width r at xy_px, and near it."""
    sym = (xy_px[0] - r, xy_px[1] - r, xy_px[0] + r, xy_px[1] + r)
    if overlap_matrix(np.asarray(box)[None], np.asarray(sym)[None])[0, 0]:
        return False
    return gap_to_box(xy_px, box) <= r + beside
