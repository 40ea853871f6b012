"""Label placement that keeps labels apart in the dense urban core.

A greedy placement of our own rather than adjustText: it runs on every zoom, so it must be fast
(a few ms for dozens of labels) and deterministic (the export must match the screen). Each label
tries its anchor first, then a ring of candidate offsets at growing distances; the first position
whose box is free and inside the axes wins. A label moved far from its anchor gets a leader line.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Candidate directions, in order of preference: right, left, up, down, then diagonals.
_DIRECTIONS = [(0, 0), (1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1)]
_RINGS = (0.75, 1.5, 2.4, 3.4)


@dataclass
class Box:
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


def place(sizes: list[tuple[float, float]], anchors: np.ndarray, area: Box,
          obstacles: list[Box] | None = None, pad: float = 2.0) -> list[tuple[float, float] | None]:
    """Centre positions (display px) for labels of the given sizes, or None where none fits.

    `anchors` are display coordinates; labels are placed in the given order (put the most
    important first). `obstacles` are boxes labels must avoid (e.g. labels placed earlier).
    """
    placed: list[Box] = list(obstacles or [])
    out: list[tuple[float, float] | None] = []
    for (w, h), (ax, ay) in zip(sizes, anchors):
        base = Box(ax - w / 2 - pad, ay - h / 2 - pad, ax + w / 2 + pad, ay + h / 2 + pad)
        found = None
        if not base.inside(area) and not _near(area, ax, ay):
            out.append(None)
            continue
        for ring in (0.0, *_RINGS):
            for dx, dy in (_DIRECTIONS[:1] if ring == 0 else _DIRECTIONS[1:]):
                sx = dx * ring * (w / 2 + h / 2)
                sy = dy * ring * h * 1.1
                cand = base.shifted(sx, sy)
                if cand.inside(area) and not any(cand.overlaps(p) for p in placed):
                    found = (ax + sx, ay + sy)
                    placed.append(cand)
                    break
            if found:
                break
        out.append(found)
    return out


def _near(area: Box, x: float, y: float) -> bool:
    return area.x0 <= x <= area.x1 and area.y0 <= y <= area.y1


def boxes_overlap(boxes: list[Box]) -> list[tuple[int, int]]:
    """Pairs of indices whose boxes overlap (used by tests and checks)."""
    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])]


def edge_point(centre, anchor, w, h):
    """Where the leader line meets the label's box, so it doesn't cross the text."""
    cx, cy = centre
    dx, dy = anchor[0] - cx, anchor[1] - cy
    scale = min((w / 2) / abs(dx) if dx else np.inf, (h / 2) / abs(dy) if dy else np.inf)
    return (cx + dx * scale, cy + dy * scale)


def place_texts(items, renderer, to_px, area: Box, obstacles: list[Box], pad: float,
                beside=frozenset(), gap: float = 0.0) -> list:
    """Place matplotlib Texts: `items` are (Text, anchor in data coordinates), most important
    first. Each Text is moved to its place or hidden where none fits; returns the leader lines
    (data coordinates) of labels moved far from their anchors.

    The Texts whose id is in `beside` name a symbol at their anchor: they start to its right, a
    `gap` (pixels) from its centre, may move to its other side, and are hidden rather than
    drawn far away with a leader.
    """
    sizes, anchors, starts = [], [], []
    for text, anchor in items:
        text.set_position(anchor)
        text.set_visible(True)  # a hidden Text measures as a 1-pixel box; placing decides again
        bb = text.get_window_extent(renderer)
        sizes.append((bb.width, bb.height))
        ax, ay = to_px.transform(anchor)
        anchors.append((ax, ay))
        starts.append((ax + bb.width / 2 + gap + pad, ay) if id(text) in beside else (ax, ay))
    positions = place(sizes, np.asarray(starts, dtype=float).reshape(-1, 2), area, obstacles, pad=pad)
    inv = to_px.inverted()
    leaders = []
    for (text, _), pos, start, anchor, (w, h) in zip(items, positions, starts, anchors, sizes):
        moved = np.hypot(pos[0] - start[0], pos[1] - start[1]) if pos is not None else 0.0
        if id(text) in beside:
            text.set_visible(pos is not None and moved <= w + h + 2 * (gap + pad))
        else:
            text.set_visible(pos is not None)
        if not text.get_visible():
            continue
        text.set_position(inv.transform(pos))
        if id(text) not in beside and moved > max(w, h) * 0.7:
            leaders.append([inv.transform(anchor), inv.transform(edge_point(pos, anchor, w, h))])
    return leaders
