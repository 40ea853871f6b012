"""The base symbols of a layout's elements: one shape per element, and a fill that says how well
the place's location is known. No Qt.

Each element keeps its own shape (● ▲ ◆ ▼, a pentagon …) whatever the precision, so ▲ and ◀ never turn into
squares; the precision is shown by the fill:

- site (位置确切): filled in the element's colour, with a dark edge;
- approximate (大致位置): hollow, edged in the element's colour;
- district only (仅知所在区县): hollow with a dot in the middle.

The legend's handles are made from the same styles (`legend_handle`), so a legend row looks like
the symbols the map draws.
"""
from __future__ import annotations

import numpy as np
from matplotlib.legend_handler import HandlerTuple
from matplotlib.lines import Line2D

PRECISIONS = ("site", "approximate", "district")
SYMBOL_AREA = 46.0     # scatter size (points²) of a symbol
DOT_AREA = 5.0         # the district-only symbol's middle dot
EDGE = "#222222"
LEGEND_SIZE = 7.0      # marker size (points) in the legend: sqrt(SYMBOL_AREA)
PRECISION_TEXT = {"zh": {"site": "位置确切", "approximate": "大致位置", "district": "仅知所在区县"},
                  "en": {"site": "site known", "approximate": "approximate location",
                         "district": "district only"}}


def style(precision: str, colour: str) -> dict:
    """Face, edge and edge width of a symbol of that precision."""
    if precision == "site":
        return dict(facecolor=colour, edgecolor=EDGE, linewidth=0.8)
    return dict(facecolor="white", edgecolor=colour, linewidth=1.6)


def draw(ax, xy: np.ndarray, marker: str, precision: str, colour: str, zorder: float, scale: float = 1.0) -> list:
    """The scatter(s) of symbols at `xy` (n, 2): the shape, and the dot of a district-only one."""
    s = style(precision, colour)
    shape = ax.scatter(xy[:, 0], xy[:, 1], s=SYMBOL_AREA * scale, marker=marker, zorder=zorder,
                       facecolors=s["facecolor"], edgecolors=s["edgecolor"], linewidths=s["linewidth"])
    out = [shape]
    if precision == "district":
        out.append(ax.scatter(xy[:, 0], xy[:, 1], s=DOT_AREA * scale, marker="o", zorder=zorder + 0.01,
                              facecolors=colour, edgecolors="none", linewidths=0))
    return out


def legend_handle(marker: str, precision: str, colour: str, size: float = LEGEND_SIZE):
    """A legend handle drawn as the map draws that symbol."""
    s = style(precision, colour)
    shape = Line2D([], [], marker=marker, linestyle="none", markersize=size, markerfacecolor=s["facecolor"],
                   markeredgecolor=s["edgecolor"], markeredgewidth=s["linewidth"])
    if precision != "district":
        return shape
    dot = Line2D([], [], marker="o", linestyle="none", markersize=size * np.sqrt(DOT_AREA / SYMBOL_AREA),
                 markerfacecolor=colour, markeredgecolor="none")
    return (shape, dot)


def element_handle(marker: str, precisions, colour: str, size: float = LEGEND_SIZE):
    """An element's legend handle: its symbol in each precision the map shows, side by side."""
    handles = [legend_handle(marker, p, colour, size) for p in PRECISIONS if p in precisions]
    return handles[0] if len(handles) == 1 else SideBySide(handles)


class SideBySide(tuple):
    """Several symbols in one legend row (each may itself be a symbol and its dot)."""


class HandlerSideBySide(HandlerTuple):
    """Draws a SideBySide in a legend row: each symbol in its own share of the handle box, a
    symbol with a dot drawn on top of each other."""

    def __init__(self, **kw) -> None:
        super().__init__(ndivide=None, pad=0.4, **kw)

    def create_artists(self, legend, orig_handle, xdescent, ydescent, width, height, fontsize, trans):
        n = len(orig_handle)
        out = []
        for i, handle in enumerate(orig_handle):
            parts = handle if isinstance(handle, tuple) else (handle,)
            share = width / n
            for part in parts:
                handler = legend.get_legend_handler(legend.get_legend_handler_map(), part)
                out += handler.create_artists(legend, part, xdescent - i * share, ydescent, share, height,
                                              fontsize, trans)
        return out


HANDLER_MAP = {SideBySide: HandlerSideBySide(), tuple: HandlerTuple(ndivide=1)}
