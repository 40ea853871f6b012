"""The "fit the layout" view (适配布局): the extent that frames what a layout draws, beside the whole
city (全市) and the urban core (主城区). No Qt.

What a layout draws is each shown element's figure and its base symbols (element_footprint, less
the discs around the symbols: a symbol is a point); the frame is their bounds with a margin, at
least MIN_SPAN_M across so a layout of one place is still shown in its surroundings.
"""
from __future__ import annotations

import shapely

from hzmap.model.elements.shape import element_figure
from hzmap.model.elements.symbols import element_symbols

MARGIN = 0.08            # of the larger side, on each side
MIN_SPAN_M = 18_000.0    # the frame is at least this wide and high


def layout_extent(ds, geo, layout_id: str | None, hidden=frozenset()) -> tuple[float, float, float, float] | None:
    """(xmin, ymin, xmax, ymax) in map metres framing the layout's shown elements, or None when
    there is no layout or it draws nothing."""
    if ds is None or layout_id is None or layout_id not in ds.layouts:
        return None
    parts = []
    for el in ds.layouts[layout_id].elements:
        if el.id in hidden:
            continue
        figure = element_figure(geo, el)
        if figure is not None:
            parts.append(figure.polygon)
        parts += [shapely.Point(s.xy) for s in element_symbols(ds, geo, el)]
    if not parts:
        return None
    x0, y0, x1, y1 = shapely.union_all(parts).bounds
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_w = max(x1 - x0, MIN_SPAN_M) / 2
    half_h = max(y1 - y0, MIN_SPAN_M) / 2
    m = MARGIN * 2 * max(half_w, half_h)
    return cx - half_w - m, cy - half_h - m, cx + half_w + m, cy + half_h + m
