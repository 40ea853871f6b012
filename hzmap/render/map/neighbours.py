"""The names of the neighbouring cities at the map's edge, in each city's direction (a structure
diagram's convention: 湖州 at the top, 绍兴 to the east, 黄山/宣城 to the west). No Qt.

Each name sits just inside the frame where the line from Hangzhou's middle to the city's seat
(hzmap.model.geo.neighbours) leaves it: the middle of the part of the city the frame shows, so
that a frame set off to one side of the city (the fit view of a layout reaching out to the bay)
still names 绍兴 in the east. Names that would touch slide apart along the edge, and off the scale
bar; a name that finds no room clear of it is left out. The labels of the map keep clear of them
(MapRenderer.label_obstacles).
"""
from __future__ import annotations

import numpy as np
from matplotlib import patheffects

from hzmap.model.geo.neighbours import neighbour_cities

INK = "#6B6B6B"
SIZE_PT = 9.5
MARGIN_PT = 5.0


class EdgeNames:
    def __init__(self, ax, home=None) -> None:
        """`home`: Hangzhou's box (x0, y0, x1, y1, map metres), whose middle the directions
        start from; the frame's middle without it."""
        self.ax = ax
        self.home = home
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
        centre = self._origin(x0, y0, x1, y1)
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
            sx = ((x1 - hw) if d[0] > 0 else (x0 + hw)) - centre[0]
            sy = ((y1 - hh) if d[1] > 0 else (y0 + hh)) - centre[1]
            t = max(min(sx / d[0] if d[0] else np.inf, sy / d[1] if d[1] else np.inf), 0.0)
            placed.append([text, centre + d * t, hw, hh])
        fixed = []
        for artist in avoid:
            bb = artist.get_window_extent(renderer)
            fixed.append([None, np.array([(bb.x0 + bb.x1) / 2, (bb.y0 + bb.y1) / 2]), bb.width / 2, bb.height / 2])
        _slide_apart(placed, (x0, y0, x1, y1), fixed)
        shown = []
        for text, pos, hw, hh in placed:
            text.set_position(inv.transform(pos))
            # a name that found no room clear of the scale bar is left out
            clear = all(abs(pos[0] - f[1][0]) >= hw + f[2] or abs(pos[1] - f[1][1]) >= hh + f[3] for f in fixed)
            text.set_visible(clear)
            if clear:
                shown.append(text)
        return shown


    def _origin(self, x0, y0, x1, y1) -> np.ndarray:
        """Where the directions start (pixels): the middle of the part of Hangzhou's box in the
        frame, or the frame's middle."""
        middle = np.array([(x0 + x1) / 2, (y0 + y1) / 2])
        if self.home is None:
            return middle
        hx0, hy0 = self.ax.transData.transform(self.home[:2])
        hx1, hy1 = self.ax.transData.transform(self.home[2:])
        ix0, iy0 = max(x0, min(hx0, hx1)), max(y0, min(hy0, hy1))
        ix1, iy1 = min(x1, max(hx0, hx1)), min(y1, max(hy0, hy1))
        if ix0 >= ix1 or iy0 >= iy1:
            return middle
        return np.array([(ix0 + ix1) / 2, (iy0 + iy1) / 2])


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
                if b[0] is None:  # a fixed box: the name moves the whole way, to the side with room
                    lo, hi = (y0 + a[3], y1 - a[3]) if axis == 1 else (x0 + a[2], x1 - a[2])
                    past = b[1][axis] + sign * (b[3] + a[3] if axis == 1 else b[2] + a[2])
                    if not lo <= a[1][axis] - sign * need <= hi and lo <= past <= hi:
                        a[1][axis] = past  # (the box is in a corner: the name goes past it)
                    else:
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
