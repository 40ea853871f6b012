"""Where each label goes: on its feature, or tied to it by a short leader, clear of every other
label and symbol (the rules: hzmap.render.map.label_rules).

A greedy placement of our own rather than adjustText: it runs on every zoom, so it must be fast
(a few ms for dozens of labels) and deterministic (the export must match the screen). Labels are
placed in the order given, most important first. For each, and for each of its names in turn (the
whole name first, then any shorter one the dataset gives):

1. on the feature: an area's label tries its anchor, then points of a grid inside the area,
   nearest the anchor first; a symbol's label tries the eight places around the symbol;
2. with a leader: places around the anchor (or the symbol) at growing distances up to the longest
   leader, whose leader crosses no label or symbol, and whose label lies on no other area of its
   family (a longer leader before a name over a neighbour; only where there is none, the first
   such place, or on a page with a key a number).

The first position whose box is free (inside the frame, over no label, symbol, leader or legend)
and keeps the rule wins. Boxes are tested against everything placed at once, in numpy; only the
free candidates of an area are tested against the areas themselves (shapely, on prepared
geometries). A label that finds no place returns None: the caller hides it or numbers it.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from matplotlib.transforms import Affine2D

from hzmap.render.map import label_rules as rules
from hzmap.render.map.label_rules import Feature

# The eight places around a symbol, in order of preference: right, upper right, lower right,
# left, upper left, lower left, above, below (x, y unit offsets).
AROUND = ((1, 0), (1, 1), (1, -1), (-1, 0), (-1, 1), (-1, -1), (0, 1), (0, -1))
LEADER_STEPS = (0.3, 0.55, 0.8, 1.0)   # leader lengths tried, as shares of the longest
_SIZES: dict = {}                      # (words, type, dpi) -> (width, height) in pixels
DIRECTIONS = 16
MAX_GRID = 4000                        # interior points tried for one area, at most
GRID_BATCH = 96                        # tested together


@dataclass
class Box:
    """A label's box in display pixels (tests and the highlight redraw use it)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: "Box") -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def inside(self, outer: "Box") -> bool:
        return self.x0 >= outer.x0 and self.x1 <= outer.x1 and self.y0 >= outer.y0 and self.y1 <= outer.y1

    def shifted(self, dx: float, dy: float) -> "Box":
        return Box(self.x0 + dx, self.y0 + dy, self.x1 + dx, self.y1 + dy)


def boxes_overlap(boxes: list[Box]) -> list[tuple[int, int]]:
    """Pairs of indices whose boxes overlap (used by tests and checks)."""
    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])]


@dataclass(eq=False)
class LabelItem:
    """A label to place: its Text, what it names, and where a leader to it would end (map
    metres: a point inside the area, or the symbol)."""

    text: object
    feature: Feature
    anchor: tuple
    names: tuple = ()            # texts to try in turn; () keeps the Text's own
    fallback: str = "hide"       # "key": numbered when it finds no place; "hide"
    key_name: str = ""           # the name the key gives it (one line)
    rivals: tuple = ()           # the other areas of its family
    leader_share: float = 1.0    # the longest leader it may have, as a share of the longest


@dataclass
class Placement:
    centre: tuple[float, float]
    box: np.ndarray                           # x0, y0, x1, y1 in pixels
    leader: tuple | None = None               # (x0, y0, x1, y1) pixels: feature end first


class Placer:
    """Places labels one after another on one map; what is placed becomes an obstacle."""

    def __init__(self, ax, renderer, obstacles=(), symbols=(), symbol_r: float = 6.0, pad: float = 2.0) -> None:
        """`obstacles` (boxes), `symbols` (points), `symbol_r` and `pad` in display pixels, as
        place() returns its placements. Inside, everything is in points: the same page at 100
        and at 200 dpi (a window at 200%) makes the same choices."""
        self.ax, self.renderer = ax, renderer
        self.k = k = ax.figure.dpi / 72.0
        self.frame = tuple(np.asarray(ax.bbox.extents) / k)
        self.to_px = ax.transData + Affine2D().scale(1 / k)  # map metres -> points
        self._inv = self.to_px.inverted()
        self.pad = pad / k
        self.r = symbol_r / k
        self.beside = rules.BESIDE_PT
        self.leader_max = rules.LEADER_MAX_PT
        self.boxes = np.asarray(list(obstacles), dtype=float).reshape(-1, 4) / k
        self.symbols = np.asarray(symbols, dtype=float).reshape(-1, 2) / k
        self.symbol_boxes = np.column_stack([self.symbols - self.r, self.symbols + self.r])
        self.leaders = np.zeros((0, 4))
        (vx0, vx1), (vy0, vy1) = ax.get_xlim(), ax.get_ylim()
        self.view = (min(vx0, vx1), min(vy0, vy1), max(vx0, vx1), max(vy0, vy1))
        self.m_per_px = abs(vx1 - vx0) / max(ax.bbox.width / k, 1.0)  # metres per point

    def measure(self, text) -> tuple[float, float]:
        """A Text's size in points (rounded up to a quarter point, so that the hinting of another
        resolution changes nothing), measured once for its words, type and the figure's dpi
        (laying text out is most of a placement's cost; the same labels come back each redraw)."""
        key = (text.get_text(), text.get_fontsize(), text.get_fontweight(), text.get_fontfamily()[0],
               text.get_linespacing(), self.ax.figure.dpi)
        size = _SIZES.get(key)
        if size is None:
            bb = text.get_window_extent(self.renderer)
            size = _SIZES[key] = rules.quantised_size(bb.width, bb.height, self.ax.figure.dpi)
            if len(_SIZES) > 4000:
                _SIZES.clear()
        return size

    def to_map(self, px: np.ndarray) -> np.ndarray:
        return self._inv.transform(np.asarray(px, dtype=float).reshape(-1, 2))

    # -- one label ------------------------------------------------------------------------
    def place(self, item: LabelItem, names=None) -> Placement | None:
        """Put `item` where the rules allow, trying its names in turn; sets the Text's text to
        the name that fits. None when no name fits anywhere."""
        text = item.text
        for name in (names if names is not None else (item.names or (text.get_text(),))):
            text.set_text(name)
            text.set_visible(True)  # a hidden Text measures as a 1-pixel box
            w, h = self.measure(text)
            found = self._on_feature(item, w, h) or self._with_leader(item, w, h)
            if found is not None:
                self._take(found)
                k = self.k  # back to display pixels
                return Placement((found.centre[0] * k, found.centre[1] * k), found.box * k,
                                 tuple(np.asarray(found.leader) * k) if found.leader is not None else None)
        return None

    def _take(self, p: Placement) -> None:
        pad = self.pad
        self.boxes = np.vstack([self.boxes, p.box + (-pad, -pad, pad, pad)])
        if p.leader is not None:
            self.leaders = np.vstack([self.leaders, np.asarray(p.leader, dtype=float)[None]])

    def _free(self, centres: np.ndarray, w: float, h: float) -> np.ndarray:
        """Which candidate centres give a box inside the frame, over no label, symbol or leader
        (each test only on the candidates the cheaper ones left)."""
        boxes = rules.boxes_around(centres, w, h)
        ok = rules.inside(boxes, self.frame, tol=0.0)
        for others in (self.boxes, self.symbol_boxes):
            idx = np.flatnonzero(ok)
            if len(others) and len(idx):
                ok[idx] = ~rules.overlap_matrix(boxes[idx], others, tol=0.0).any(axis=1)
        idx = np.flatnonzero(ok)
        if len(self.leaders) and len(idx):
            ok[idx] = ~rules.segments_hit_boxes(self.leaders, boxes[idx], shrink=0.0).any(axis=0)
        return ok

    # -- on the feature -------------------------------------------------------------------
    def _on_feature(self, item: LabelItem, w: float, h: float) -> Placement | None:
        if item.feature.kind == "point":
            return self._beside(item, w, h)
        anchor = self.to_px.transform(item.anchor)
        found = self._first_on_area(anchor[None], item, w, h)
        if found is not None:
            return found
        grid = self._grid(item.feature, anchor, h)
        for start in range(0, len(grid), GRID_BATCH):  # nearest the anchor first
            found = self._first_on_area(grid[start:start + GRID_BATCH], item, w, h)
            if found is not None:
                return found
        return None

    def _first_on_area(self, centres: np.ndarray, item: LabelItem, w: float, h: float) -> Placement | None:
        ok = self._free(centres, w, h)
        for i in np.flatnonzero(ok):
            box = rules.boxes_around(centres[i], w, h)[0]
            if rules.on_area(box, item.feature, item.rivals, self.to_map):
                return Placement(tuple(centres[i]), box)
        return None

    def _grid(self, feature: Feature, anchor_px, h: float) -> np.ndarray:
        """Points inside the area and the view, nearest the anchor first (pixels)."""
        fx0, fy0, fx1, fy1 = feature.geom.bounds
        vx0, vy0, vx1, vy1 = self.view
        x0, y0, x1, y1 = max(fx0, vx0), max(fy0, vy0), min(fx1, vx1), min(fy1, vy1)
        if x0 >= x1 or y0 >= y1:
            return np.zeros((0, 2))
        step = max(h * 0.5, 2.0) * self.m_per_px
        n = (x1 - x0) / step * (y1 - y0) / step
        if n > MAX_GRID:
            step *= np.sqrt(n / MAX_GRID)
        xs, ys = np.meshgrid(np.arange(x0 + step / 2, x1, step), np.arange(y0 + step / 2, y1, step))
        xs, ys = xs.ravel(), ys.ravel()
        keep = shapely.contains_xy(feature.geom, xs, ys)
        px = self.to_px.transform(np.column_stack([xs[keep], ys[keep]]))
        order = np.argsort(np.hypot(*(px - anchor_px).T), kind="stable")
        return px[order]

    def _beside(self, item: LabelItem, w: float, h: float) -> Placement | None:
        x, y = self.to_px.transform(item.feature.xy)
        r, g = self.r, self.pad
        offsets = np.array([(dx * (r + g + w / 2) if dy == 0 else dx * (r * 0.7 + g + w / 2),
                             dy * (r + g + h / 2) if dx == 0 else dy * (r * 0.7 + g + h / 2))
                            for dx, dy in AROUND])
        offsets[6:, 0] = 0.0
        centres = np.array([x, y]) + offsets
        ok = self._free(centres, w, h)
        for i in np.flatnonzero(ok):
            box = rules.boxes_around(centres[i], w, h)[0]
            if rules.beside_point(box, (x, y), r, self.beside):
                return Placement(tuple(centres[i]), box)
        return None

    # -- with a leader --------------------------------------------------------------------
    def _with_leader(self, item: LabelItem, w: float, h: float) -> Placement | None:
        """Around the symbol, or around the area's anchor and its farthest points each way (a
        small district's label may have room only on one side), shorter leaders first."""
        point = item.feature.kind == "point"
        anchor = np.asarray(self.to_px.transform(item.feature.xy if point else item.anchor), dtype=float)
        starts = [anchor]
        if not point:
            grid = self._grid(item.feature, anchor, h)
            if len(grid):
                starts += [grid[np.argmin(grid[:, 0])], grid[np.argmax(grid[:, 0])],
                           grid[np.argmin(grid[:, 1])], grid[np.argmax(grid[:, 1])]]
        angles = np.arange(DIRECTIONS) * 2 * np.pi / DIRECTIONS
        u = np.column_stack([np.cos(angles), np.sin(angles)])
        with np.errstate(divide="ignore"):
            half = np.minimum(w / 2 / np.abs(u[:, 0]), h / 2 / np.abs(u[:, 1]))  # centre to edge
        gap0 = self.r if point else 0.0
        fallback = None
        for share in LEADER_STEPS:
            length = self.leader_max * share
            if length <= gap0 + self.pad or share > item.leader_share:
                continue
            for start in starts:
                found, other = self._leader_from(start, u, half, length, gap0, point, w, h, item)
                if found is not None:
                    return found
                fallback = fallback or other
        # Only a place on another area of its family is left: a page with a key numbers the label
        # instead (a name over another district reads as that district's); the screen shows it.
        return fallback if item.fallback != "key" else None

    def _on_rival(self, centres: np.ndarray, item: LabelItem) -> np.ndarray:
        """Which label centres lie on another area of the item's family (拱墅区's name over 西湖区
        reads as a name of 西湖区, leader or not)."""
        out = np.zeros(len(centres), dtype=bool)
        if not len(centres) or not item.rivals:
            return out
        xy = self.to_map(centres)
        for rival in item.rivals:
            if rival is not item.feature and rival.geom is not None:
                out |= shapely.contains_xy(rival.geom, xy[:, 0], xy[:, 1])
        return out

    def _leader_from(self, start, u, half, length, gap0, point, w, h, item):
        """(a placement whose label lies on no other area of its family, or None; the first
        placement the rules allow, or None)."""
        centres = start + u * (half[:, None] + length)
        ok = self._free(centres, w, h)
        if not ok.any():
            return None, None
        idx = np.flatnonzero(ok)
        boxes = rules.boxes_around(centres[idx], w, h)
        ends = np.array([rules.edge_point(b, start) for b in boxes])
        begins = start + (ends - start) * (gap0 / np.maximum(np.hypot(*(ends - start).T), 1e-9))[:, None]
        segs = np.column_stack([begins, ends])
        clear = np.ones(len(idx), dtype=bool)
        if len(self.boxes):
            clear &= ~rules.segments_hit_boxes(segs, self.boxes).any(axis=1)
        if len(self.leaders):  # no two leaders cross
            clear &= ~rules.segments_cross(segs, self.leaders).any(axis=1)
        if len(self.symbol_boxes):
            hits = rules.segments_hit_boxes(segs, self.symbol_boxes)
            if point:  # the leader leaves its own symbol
                hits &= ~(np.hypot(*(self.symbols - start).T) < 0.5)[None, :]
            clear &= ~hits.any(axis=1)
        clear = np.flatnonzero(clear)
        if not len(clear):
            return None, None
        first = Placement(tuple(centres[idx[clear[0]]]), boxes[clear[0]], tuple(segs[clear[0]]))
        for k in clear[~self._on_rival(centres[idx[clear]], item)][:1]:
            return Placement(tuple(centres[idx[k]]), boxes[k], tuple(segs[k])), first
        return None, first
