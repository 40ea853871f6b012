"""The names of the neighbouring cities at the map's edge, in each city's direction (a structure
diagram's convention: 湖州 at the top, 绍兴 to the east, 黄山/宣城 to the west). No Qt.

Each name sits just inside the frame where the line from the frame's middle to the city's seat
(hzmap.model.geo.neighbours) leaves it; names that would touch slide apart along the edge. The
labels of the map keep clear of them (MapRenderer.label_obstacles).
"""
from __future__ import annotations

import numpy as np
from matplotlib import patheffects

from hzmap.model.geo.neighbours import neighbour_cities

INK = "#6B6B6B"
SIZE_PT = 9.5
MARGIN_PT = 5.0


class EdgeNames:
    def __init__(self, ax) -> None:
        self.ax = ax
        halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]
        self.cities = neighbour_cities()
        self.texts = [ax.text(0, 0, c.name_zh, color=INK, fontsize=SIZE_PT, ha="center", va="center",
                              zorder=9.4, path_effects=halo, visible=False, clip_on=False)
                      for c in self.cities]
        self.shown = False

    def set_visible(self, on: bool) -> None:
        self.shown = on
        for t in self.texts:
            t.set_visible(on)

    def update(self, lang: str, renderer, avoid=()) -> list:
        """Put each name at the edge for the current frame, clear of the artists in `avoid`
        (the scale bar); returns the Texts shown."""
        if not self.shown or not self.texts:
            return []
        ax = self.ax
        dpi = ax.figure.dpi
        x0, y0, x1, y1 = ax.bbox.extents
        centre = np.array([(x0 + x1) / 2, (y0 + y1) / 2])
        margin = MARGIN_PT * dpi / 72
        inv = ax.transData.inverted()
        placed = []
        for city, text in zip(self.cities, self.texts):
            text.set_text(city.name(lang))
            bb = text.get_window_extent(renderer)
            hw, hh = bb.width / 2 + margin, bb.height / 2 + margin
            d = ax.transData.transform(city.xy) - centre
            if not np.any(d):
                text.set_visible(False)
                continue
            # where the ray leaves the frame shrunk by the name's half size
            sx = (x1 - x0) / 2 - hw
            sy = (y1 - y0) / 2 - hh
            t = min(sx / abs(d[0]) if d[0] else np.inf, sy / abs(d[1]) if d[1] else np.inf)
            placed.append([text, centre + d * t, hw, hh])
        fixed = []
        for artist in avoid:
            bb = artist.get_window_extent(renderer)
            fixed.append([None, np.array([(bb.x0 + bb.x1) / 2, (bb.y0 + bb.y1) / 2]), bb.width / 2, bb.height / 2])
        _slide_apart(placed, (x0, y0, x1, y1), fixed)
        for text, pos, _, _ in placed:
            text.set_position(inv.transform(pos))
            text.set_visible(True)
        return [p[0] for p in placed]


def _slide_apart(placed: list, frame, fixed=()) -> None:
    """Names whose boxes touch are moved along their edge, away from each other and from the
    `fixed` boxes (which do not move)."""
    x0, y0, x1, y1 = frame
    everything = placed + list(fixed)
    for _ in range(8):
        moved = False
        for i in range(len(placed)):
            for j in range(i + 1, len(everything)):
                a, b = everything[i], everything[j]
                dx = b[1][0] - a[1][0]
                dy = b[1][1] - a[1][1]
                need_x = a[2] + b[2] - abs(dx)
                need_y = a[3] + b[3] - abs(dy)
                if need_x <= 0 or need_y <= 0:
                    continue
                on_side = abs(a[1][0] - x0 - a[2]) < 1 or abs(x1 - a[2] - a[1][0]) < 1
                axis = 1 if on_side else 0  # along a side edge: move up/down; top or bottom: sideways
                need = need_y if axis == 1 else need_x
                sign = np.sign((dy if axis == 1 else dx) or 1.0)
                if b[0] is None:  # a fixed box: the name moves the whole way
                    a[1][axis] -= sign * need
                else:
                    a[1][axis] -= sign * need / 2
                    b[1][axis] += sign * need / 2
                moved = True
        for p in placed:  # back inside the frame
            p[1][0] = min(max(p[1][0], x0 + p[2]), x1 - p[2])
            p[1][1] = min(max(p[1][1], y0 + p[3]), y1 - p[3])
        if not moved:
            break
