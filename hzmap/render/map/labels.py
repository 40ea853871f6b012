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
