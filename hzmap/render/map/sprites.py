"""Labels as cached pixels, for the screen: pasted over a blitted outline and into full redraws.

Drawing a label with its halo lays its glyphs out, turns them into paths and strokes and fills
them: 0.5-1.5 ms a label, about half of a full redraw of the map (20-40 labels) and most of a
hover that crosses five or six of them. A label's pixels depend only on what it says and how
(text, type, colours, halo) and where its box falls within a pixel, so they are drawn once into
a spare transparent buffer and kept by exactly that: a blit composites them over the outline,
and a full redraw composites them in the label's place in the drawing order (`LabelPaster`, an
artist at the label's zorder) instead of drawing the label, when the label stands where it
stood (a layout switch, a hover's frame) or moved by whole pixels (a drag). Labels without kept
pixels are drawn as ever and their pixels made in idle time.

The compositing is the "over" that Agg itself does for a straight-alpha buffer, in integers,
so a pasted label matches one drawn in place to within a level or two of rounding
(tests/test_sprites.py). It is only used on screen: exports draw every artist as they always did.
"""
from __future__ import annotations

from collections import OrderedDict

import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import RendererAgg

#: Around a label's text box, in points: its halo and anti-aliasing reach past it.
HALO_PAD_PT = 3.0
CLEAR = (255, 255, 255, 0)  # what RendererAgg.clear() fills with
KEEP = 1200  # labels' pixels kept: every layout's labels at a view or two
KEEP_BYTES = 24 << 20  # and no more bytes of them than this (a large window's labels are large)


def _composite(buf: np.ndarray, x0: int, top: int, pixels: np.ndarray) -> None:
    h, w = pixels.shape[:2]
    dst = buf[top:top + h, x0:x0 + w]
    alpha = pixels[..., 3:4].astype(np.uint16)
    blended = (pixels[..., :3].astype(np.uint16) * alpha
               + dst[..., :3].astype(np.uint16) * (255 - alpha) + 127) // 255
    dst[..., :3] = blended.astype(np.uint8)
    dst[..., 3] = np.maximum(dst[..., 3], pixels[..., 3])


class KeptPixels:
    """Pixels kept by a key, the last used last, within `keep` entries and `keep_bytes` bytes of
    pixels (an entry's pixels are its third item; None keeps a key that has none)."""

    def __init__(self, keep: int, keep_bytes: int) -> None:
        self.keep, self.keep_bytes = keep, keep_bytes
        self._kept: OrderedDict = OrderedDict()
        self.nbytes = 0
        self.made = (0, 0)  # entries kept so far, and their bytes

    def __contains__(self, key) -> bool:
        return key in self._kept

    def get(self, key):
        """The entry for `key` (now the last used), or None."""
        if key not in self._kept:
            return None
        self._kept.move_to_end(key)
        return self._kept[key]

    def put(self, key, entry) -> None:
        if key in self._kept:
            self.nbytes -= _size(self._kept[key])
        self._kept[key] = entry
        self._kept.move_to_end(key)
        self.nbytes += _size(entry)
        self.made = (self.made[0] + 1, self.made[1] + _size(entry))
        while len(self._kept) > self.keep or (self.nbytes > self.keep_bytes and len(self._kept) > 1):
            self.nbytes -= _size(self._kept.popitem(last=False)[1])

    def clear(self) -> None:
        self._kept.clear()
        self.nbytes = 0

    def within(self, mark: tuple) -> bool:
        """Whether what was kept since `mark` (self.made then) is under three-quarters of the
        caps: work done ahead stops there, so that it never pushes out what it made itself or
        what the frame shown pastes (what is pasted stays longest)."""
        return (self.made[0] - mark[0] < self.keep * 3 // 4
                and self.made[1] - mark[1] < self.keep_bytes * 3 // 4)


def _size(entry) -> int:
    return entry[2].nbytes if isinstance(entry, tuple) and len(entry) == 3 else 0


class TextSprites:
    def __init__(self) -> None:
        self._spare: RendererAgg | None = None
        #: look -> (dx, dtop, pixels), or None (not on the canvas)
        self.kept = KeptPixels(KEEP, KEEP_BYTES)

    def clear(self) -> None:
        """Forget every label's pixels (the figure's size or resolution changed)."""
        self.kept.clear()

    @staticmethod
    def _look(text, renderer, extent) -> tuple:
        """What a label's pixels depend on, and where its box falls within a pixel."""
        return (text.get_text(), hash(text.get_fontproperties()), repr(text.get_color()), text.get_alpha(),
                text.get_rotation(), text.get_horizontalalignment(), text.get_verticalalignment(),
                tuple(id(pe) for pe in text.get_path_effects()), round(extent.width, 3), round(extent.height, 3),
                round(extent.x0 % 1.0, 4), round(extent.y1 % 1.0, 4), renderer.dpi,
                int(renderer.width), int(renderer.height))

    def has(self, text, renderer, extent) -> bool:
        return self._look(text, renderer, extent) in self.kept

    def prepare(self, text, renderer, extent) -> None:
        """Keep `text`'s pixels ready for a paste (done ahead, in idle time, one label at a time)."""
        if text.axes is None:  # taken off the map since it was measured (its layout went)
            return
        look = self._look(text, renderer, extent)
        if look not in self.kept:
            self.kept.put(look, self._render(text, renderer, extent))

    def placed(self, text, renderer, extent):
        """(x0, top, pixels) of `text` at `extent`, or None when it is not (wholly) on the canvas."""
        if text.axes is None:
            return None
        self.prepare(text, renderer, extent)
        kept = self.kept.get(self._look(text, renderer, extent))  # (what is pasted stays longest)
        if kept is None:
            return None
        dx, dtop, pixels = kept
        x0, top = int(np.floor(extent.x0)) + dx, int(np.floor(renderer.height - extent.y1)) + dtop
        h, w = pixels.shape[:2]
        if x0 < 0 or top < 0 or x0 + w > int(renderer.width) or top + h > int(renderer.height):
            return None  # kept where it was wholly inside; moved by whole pixels past an edge since
        return x0, top, pixels

    def paste(self, text, renderer, extent) -> tuple[float, float, float, float] | None:
        """Composite `text` (whose window extent is `extent`) onto `renderer`'s buffer; returns
        the display box (x0, y0, x1, y1) it covers, or None when nothing of it is on the canvas."""
        placed = self.placed(text, renderer, extent)
        if placed is None:
            return None
        x0, top, pixels = placed
        buf = np.asarray(renderer.buffer_rgba())
        _composite(buf, x0, top, pixels)
        h, w = pixels.shape[:2]
        return (x0, buf.shape[0] - top - h, x0 + w, buf.shape[0] - top)

    def alone(self, artist, renderer, extent):
        """(x0, top, pixels) of `artist` drawn alone where it stands (the legend), or None when
        its box leaves the canvas."""
        kept = self._render(artist, renderer, extent)
        if kept is None:
            return None
        dx, dtop, pixels = kept
        return int(np.floor(extent.x0)) + dx, int(np.floor(renderer.height - extent.y1)) + dtop, pixels

    def _render(self, text, renderer, extent):
        """The label alone on a transparent buffer the size of the canvas, cut to its box and
        kept relative to the pixel its box starts in; None when the box leaves the canvas."""
        width, height = int(renderer.width), int(renderer.height)
        if self._spare is None or (self._spare.width, self._spare.height, self._spare.dpi) != \
                (renderer.width, renderer.height, renderer.dpi):
            self._spare = RendererAgg(width, height, renderer.dpi)
            self._spare.clear()
        spare = self._spare
        visible = text.get_visible()
        text.set_visible(True)
        try:
            text.draw(spare)
        finally:
            text.set_visible(visible)
        buf = np.asarray(spare.buffer_rgba())
        pad = HALO_PAD_PT * renderer.dpi / 72
        x0, x1 = int(np.floor(extent.x0 - pad)), int(np.ceil(extent.x1 + pad)) + 1
        top, bottom = int(np.floor(height - extent.y1 - pad)), int(np.ceil(height - extent.y0 + pad)) + 1
        inside = x0 >= 0 and top >= 0 and x1 <= width and bottom <= height
        pixels = buf[top:bottom, x0:x1].copy() if inside else None
        # Wipe what was drawn (with room to spare) rather than the whole buffer: a full clear
        # of a large canvas costs more than the label.
        wx0, wx1 = max(int(extent.x0 - 3 * pad), 0), min(int(extent.x1 + 3 * pad) + 1, width)
        wy0, wy1 = max(int(height - extent.y1 - 3 * pad), 0), min(int(height - extent.y0 + 3 * pad) + 1, height)
        buf[wy0:wy1, wx0:wx1] = CLEAR
        if pixels is None:
            return None
        return x0 - int(np.floor(extent.x0)), top - int(np.floor(height - extent.y1)), pixels


class LabelPaster(Artist):
    """Stands in for labels in a full redraw: drawn at their zorder, it composites their kept
    pixels into the frame being drawn."""

    def __init__(self, zorder: float) -> None:
        super().__init__()
        self.set_zorder(zorder)
        self.set_visible(False)
        self.items: list = []  # (x0, top, pixels)

    def draw(self, renderer) -> None:
        if not self.get_visible() or not self.items:
            return
        buf = np.asarray(renderer.buffer_rgba())
        for x0, top, pixels in self.items:
            _composite(buf, x0, top, pixels)
