"""Which annotation is under a point of the map (the pick of districts, places and features is
hzmap.model.pick). No Qt: the annotation tools pass map coordinates in and act on what comes
back (napari's `Shapes._get_value`).
"""
from __future__ import annotations

import math

GRAB_PT = 6.0  # how near (points) a line or a point must be to be hit


def _text_box_pt(text: str, size: float) -> tuple[float, float]:
    """Width and height in points of a text at `size` (CJK one em wide, Latin about half)."""
    lines = text.split("\n") or [""]
    width = max(sum(1.0 if ord(c) > 0x2E80 else 0.6 for c in line) for line in lines) * size
    return width + 4, len(lines) * size * 1.25 + 4


def _near_segment(px, py, ax, ay, bx, by) -> float:
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def annotation_hit(a, x: float, y: float, metres_per_pt: float) -> bool:
    """Whether map point (x, y) is on annotation `a` drawn at `metres_per_pt` metres a point."""
    m = metres_per_pt
    size = a.style.size
    if a.kind in ("text", "callout"):
        (tx, ty) = a.points[0]
        w, h = _text_box_pt(a.text, size)
        if abs(x - tx) <= w * m / 2 and abs(y - ty) <= h * m / 2:
            return True
        if a.kind == "callout":
            return _near_segment(x, y, *a.points[0], *a.points[1]) <= GRAB_PT * m
        return False
    if a.kind == "marker":
        (mx, my) = a.points[0]
        if math.hypot(x - mx, y - my) <= (size / 2 + GRAB_PT / 2) * m:
            return True
        if a.text:  # the label, left-aligned just right of the symbol
            w, h = _text_box_pt(a.text, max(size, 9.0))
            left = mx + (size * 0.6 + 3) * m
            return left <= x <= left + w * m and abs(y - my) <= h * m / 2
        return False
    if a.kind == "line":
        reach = (size / 2 + GRAB_PT) * m
        pts = a.points
        return any(_near_segment(x, y, *pts[i], *pts[i + 1]) <= reach for i in range(len(pts) - 1))
    return False


def annotation_at(annotations, x: float, y: float, metres_per_pt: float) -> str | None:
    """The id of the topmost annotation at (x, y) (the last drawn wins)."""
    for a in reversed(list(annotations)):
        if annotation_hit(a, x, y, metres_per_pt):
            return a.id
    return None
