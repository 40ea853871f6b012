"""Map extents in map metres (EPSG:4549): fitting, padding, zooming, panning and sanity. No Qt.

One `Extent` convention everywhere a view is stored or passed: (x0, x1, y0, y1), as matplotlib's
axis limits. Shapely-style bounds (xmin, ymin, xmax, ymax) convert with `Extent.from_bounds`.
"""
from __future__ import annotations

import math
from typing import NamedTuple

MIN_SPAN_M = 800.0          # closer than ~1 km across shows nothing useful
MAX_SPAN_M = 1_200_000.0    # wider than ~1,200 km is no longer a map of Hangzhou
#: A generous box around Hangzhou (EPSG:4549 metres): a view or a drawn point outside it is
#: not a mistake hzmap should try to draw (1e200 m hangs Agg; ±1e308 overflows the axes).
SANE_BOX = (-1_000_000.0, 1_500_000.0, 2_000_000.0, 4_800_000.0)  # x0, x1, y0, y1


class Extent(NamedTuple):
    x0: float
    x1: float
    y0: float
    y1: float

    @classmethod
    def from_bounds(cls, bounds) -> "Extent":
        """From shapely-style (xmin, ymin, xmax, ymax)."""
        xmin, ymin, xmax, ymax = bounds
        return cls(float(xmin), float(xmax), float(ymin), float(ymax))

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0, self.x1, self.y1)

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def centre(self) -> tuple[float, float]:
        return ((self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2)


def fit(bounds, margin: float = 0.0, min_span: float = 0.0) -> Extent:
    """An extent around shapely-style `bounds`: each side at least `min_span`, then padded by
    `margin` times the larger side on every side. The one way hzmap frames something."""
    xmin, ymin, xmax, ymax = (float(v) for v in bounds)
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    w, h = max(xmax - xmin, min_span), max(ymax - ymin, min_span)
    pad = max(w, h) * margin
    return Extent(cx - w / 2 - pad, cx + w / 2 + pad, cy - h / 2 - pad, cy + h / 2 + pad)


def fit_to_shape(extent, height_over_width: float) -> Extent:
    """At least `extent`, widened in one direction so that metres are square in a box of that
    shape (what every picture does with the extent it is asked for)."""
    x0, x1, y0, y1 = extent
    cx, cy, w, h = (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0
    if height_over_width <= 0 or not math.isfinite(height_over_width):
        height_over_width = 1.0
    if h / w > height_over_width:
        w = h / height_over_width
    else:
        h = w * height_over_width
    return Extent(cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2)


def zoom(extent, x: float, y: float, factor: float) -> Extent | None:
    """Zoom by `factor` (>1 zooms in) keeping (x, y) fixed; None when past the zoom limits."""
    x0, x1, y0, y1 = extent
    width = (x1 - x0) / factor
    if (width < MIN_SPAN_M and factor > 1) or (width > MAX_SPAN_M and factor < 1):
        return None
    return Extent(x - (x - x0) / factor, x + (x1 - x) / factor,
                  y - (y - y0) / factor, y + (y1 - y) / factor)


def pan(extent, dx: float, dy: float) -> Extent:
    x0, x1, y0, y1 = extent
    return Extent(x0 + dx, x1 + dx, y0 + dy, y1 + dy)


def problem(extent) -> str | None:
    """Why `extent` cannot be shown (not finite, inverted, too small or large, far from
    Hangzhou), or None when it is fine."""
    try:
        x0, x1, y0, y1 = (float(v) for v in extent)
    except (TypeError, ValueError):
        return f"extent {extent!r} is not four numbers (x0, x1, y0, y1)"
    if not all(math.isfinite(v) for v in (x0, x1, y0, y1)):
        return f"extent {extent!r} has a value that is not a finite number"
    if x1 <= x0 or y1 <= y0:
        return f"extent {extent!r} is empty or inverted"
    span = max(x1 - x0, y1 - y0)
    if span < MIN_SPAN_M / 2 or span > MAX_SPAN_M * 2:
        return (f"extent {span:.3g} m across is outside what hzmap shows "
                f"({MIN_SPAN_M / 2:g} m to {MAX_SPAN_M * 2 / 1000:g} km)")
    if not point_is_sane((x0 + x1) / 2, (y0 + y1) / 2):
        return "extent is centred far outside Hangzhou"
    return None


def point_is_sane(x: float, y: float) -> bool:
    """Whether a map point lies in the generous box around Hangzhou."""
    bx0, bx1, by0, by1 = SANE_BOX
    return math.isfinite(x) and math.isfinite(y) and bx0 <= x <= bx1 and by0 <= y <= by1
