"""Choropleth classes of a numeric column, computed by mapclassify (imported on first use).

"natural breaks" is mapclassify's FisherJenks: the exact optimal (Jenks) classes, the same
every time, where mapclassify.NaturalBreaks runs k-means from random seeds and can differ
between two runs of the same table - a map that changes when reopened is not one to print.
FisherJenks costs k·n² without numba (not a dependency): over JENKS_SAMPLE values its breaks are
computed on that many values evenly spaced through the sorted data (deterministic, unlike
mapclassify's random FisherJenksSampled) and then applied to all values.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

SCHEMES = {
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


def classify(values, scheme: str = "quantiles", k: int = 5, breaks=None) -> Classes:
    """Classes of the finite values; NaN gets class -1. ValueError for a scheme, k or breaks
    that cannot be used (the message says why)."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown classification {scheme!r} (one of {', '.join(SCHEMES)})")
    import mapclassify

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
        result = mapclassify.UserDefined(data, b)
    else:
        k = max(1, min(int(k), MAX_CLASSES, np.unique(data).size))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Numba not installed": expected, see the docstring
            if scheme == "natural_breaks" and data.size > JENKS_SAMPLE:
                sample = np.sort(data)[np.linspace(0, data.size - 1, JENKS_SAMPLE).round().astype(int)]
                result = mapclassify.UserDefined(data, list(mapclassify.FisherJenks(sample, k=k).bins))
            else:
                result = getattr(mapclassify, SCHEMES[scheme])(data, k=k)
    yb = np.full(y.shape, -1, dtype=int)
    yb[ok] = result.yb
    return Classes(scheme, tuple(float(v) for v in result.bins), float(data.min()),
                   tuple(int(c) for c in result.counts), yb)
