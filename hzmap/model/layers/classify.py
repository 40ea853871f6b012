"""Choropleth classes of a numeric column: quantiles, Fisher-Jenks natural breaks, equal
intervals and manual breaks, as mapclassify defines them, in numpy.

mapclassify was the library for this, but importing it brings scipy and scikit-learn (2.5 s of
an export's 1.8 s, and 200 MB of the install) for four short formulas; they are written here to
give mapclassify's results exactly (tests/test_layers_join.py compares them with mapclassify
where it is installed). A value falls in class i when bins[i-1] < value <= bins[i].

"natural breaks" is Fisher-Jenks: the exact optimal (Jenks) classes, the same every time (a
k-means "natural breaks" from random seeds can differ between two runs of the same table, and a
map that changes when reopened is not one to print). Its dynamic programme is mapclassify's, in
float32 as there, with the inner loop over candidate class starts vectorised; over JENKS_SAMPLE
values the breaks are computed on that many values evenly spaced through the sorted data
(deterministic) and then applied to all values.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SCHEMES = {  # our name -> mapclassify's, whose definition each follows
    "quantiles": "Quantiles",
    "natural_breaks": "FisherJenks",
    "equal_interval": "EqualInterval",
    "manual": "UserDefined",
}
SCHEME_LABELS = {"quantiles": "分位数 quantiles", "natural_breaks": "自然断点 natural breaks",
                 "equal_interval": "等间距 equal interval", "manual": "手动 manual breaks"}
MAX_CLASSES = 9
JENKS_SAMPLE = 400


@dataclass(frozen=True)
class Classes:
    scheme: str
    bins: tuple[float, ...]        # upper bound of each class (mapclassify's bins)
    lower: float                   # the smallest value
    counts: tuple[int, ...]        # values per class
    yb: np.ndarray                 # class of each value; -1 for NaN

    @property
    def k(self) -> int:
        return len(self.bins)

    def labels(self, fmt=None) -> list[str]:
        """'lo – hi' per class, the legend's text."""
        fmt = fmt or _format
        edges = (self.lower, *self.bins)
        return [f"{fmt(a)} – {fmt(b)}" for a, b in zip(edges[:-1], edges[1:])]


def _format(v: float) -> str:
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    if abs(v) >= 1 or v == 0:
        return f"{v:.2f}".rstrip("0").rstrip(".")
    return f"{v:.3g}"


def _quantiles(y: np.ndarray, k: int) -> np.ndarray:
    w = 100.0 / k
    p = np.arange(w, 100 + w, w)
    if p[-1] > 100.0:
        p[-1] = 100.0
    return np.unique(np.percentile(y, p[:k] if len(p) > k else p))


def _equal_interval(y: np.ndarray, k: int) -> np.ndarray:
    lo, hi = float(y.min()), float(y.max())
    width = (hi - lo) / k
    cuts = np.arange(lo + width, hi + width, width) if width else np.array([hi])
    cuts = cuts[:k].copy()
    cuts[-1] = hi
    return cuts


def _fisher_jenks(values: np.ndarray, k: int) -> np.ndarray:
    """Upper bounds of the k optimal classes of sorted `values` (mapclassify's
    _fisher_jenks_means, its float32 arithmetic and its choice among equal variances kept)."""
    n = len(values)
    vals = values.astype(np.float32)
    start = np.zeros((n + 1, k + 1), dtype=np.int64)
    cost = np.zeros((n + 1, k + 1), dtype=np.float32)
    start[1, 1:] = 1
    cost[2:, 1:] = np.inf
    for last in range(2, n + 1):
        seg = vals[last - 1::-1]                    # values[last-1], values[last-2], ..., values[0]
        s1 = np.cumsum(seg, dtype=np.float32)       # m = 1 .. last: the class is values[last-m:last]
        s2 = np.cumsum(seg * seg, dtype=np.float32)
        w = np.arange(1, last + 1, dtype=np.float32)
        var = s2 - (s1 * s1) / w
        m = np.arange(1, last)                      # a class before this one: i4 = last - m >= 1
        before = last - m
        for j in range(2, k + 1):
            cand = (var[m - 1] + cost[before, j - 1]).astype(np.float32)
            best = cand.min()
            if cost[last, j] >= best:
                pick = int(m[np.flatnonzero(cand == best)[-1]])  # the last m reaching it, as the loop did
                start[last, j] = last - pick + 1
                cost[last, j] = best
        start[last, 1] = 1
        cost[last, 1] = var[-1]
    out = np.zeros(k + 1, dtype=values.dtype)
    out[k] = values[n - 1]
    out[0] = values[0]
    idx = n
    for c in range(k, 1, -1):
        pivot = start[idx, c]
        out[c - 1] = values[int(pivot - 2)]
        idx = int(pivot - 1)
    return out[1:]


def _bins_of(x: np.ndarray, bins: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Class of each value (bins[i-1] < v <= bins[i]) and the count of each class."""
    yb = np.searchsorted(bins, x, side="left")
    yb[yb >= len(bins)] = 0  # above every bound (mapclassify's bin1d puts it in class 0)
    return yb, np.bincount(yb, minlength=len(bins))


def classify(values, scheme: str = "quantiles", k: int = 5, breaks=None) -> Classes:
    """Classes of the finite values; NaN gets class -1. ValueError for a scheme, k or breaks
    that cannot be used (the message says why)."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown classification {scheme!r} (one of {', '.join(SCHEMES)})")
    y = np.asarray(values, dtype=float)
    ok = np.isfinite(y)
    data = y[ok]
    if data.size == 0:
        raise ValueError("no numbers to classify")
    if scheme == "manual":
        b = sorted(float(v) for v in (breaks or ()))
        if not b:
            raise ValueError("manual classes need at least one break")
        if b[-1] < data.max():
            b.append(float(data.max()))
        bins = np.array(b)
    else:
        k = max(1, min(int(k), MAX_CLASSES, np.unique(data).size))
        if scheme == "quantiles":
            bins = _quantiles(data, k)
        elif scheme == "equal_interval":
            bins = _equal_interval(data, k)
        else:
            ordered = np.sort(data)
            if ordered.size > JENKS_SAMPLE:
                ordered = ordered[np.linspace(0, ordered.size - 1, JENKS_SAMPLE).round().astype(int)]
            bins = _fisher_jenks(ordered, k)
            if scheme == "natural_breaks" and data.size > JENKS_SAMPLE and bins[-1] < data.max():
                bins = np.append(bins, data.max())
    classes, counts = _bins_of(data, bins)
    yb = np.full(y.shape, -1, dtype=int)
    yb[ok] = classes
    return Classes(scheme, tuple(float(v) for v in bins), float(data.min()),
                   tuple(int(c) for c in counts), yb)
