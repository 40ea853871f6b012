"""Labels as cached pixels, for drawing them again over a blitted outline. No Qt.

A hover or a selection outline crosses district and layout labels, which are drawn again above
it so the names stay readable. Drawing a label with its halo lays its glyphs out and turns
them into paths each time (0.5-1.5 ms a label; a large district crosses five or six). The
labels only move when the whole map is drawn, so each is drawn once per frame into a spare
transparent buffer and kept as pixels; every later blit of that frame composites the pixels
(a few microseconds). `clear()` at every full draw.

The compositing is the "over" that Agg itself does for a straight-alpha buffer, in integers,
so a pasted label matches one drawn in place to within a level of rounding. It is only used on
screen: exports draw every artist as they always did.
"""
from __future__ import annotations

import numpy as np
from matplotlib.backends.backend_agg import RendererAgg

#: Around a label's text box, in points: its halo and anti-aliasing reach past it.
HALO_PAD_PT = 3.0
CLEAR = (255, 255, 255, 0)  # what RendererAgg.clear() fills with


class TextSprites:
    def __init__(self) -> None:
        self._spare: RendererAgg | None = None
        self._sprites: dict[int, tuple] = {}  # id(text) -> (text, x0, top, pixels) or (text, None, ...)

    def clear(self) -> None:
        """A new frame: labels may have moved, changed or been hidden."""
        self._sprites.clear()

    def has(self, text) -> bool:
        entry = self._sprites.get(id(text))
        return entry is not None and entry[0] is text

    def prepare(self, text, renderer, extent) -> None:
        """Keep `text`'s pixels ready for a paste (done ahead, in idle time, one label at a time)."""
        if not self.has(text):
            self._sprites[id(text)] = (text, *self._render(text, renderer, extent))

    def paste(self, text, renderer, extent) -> tuple[float, float, float, float] | None:
        """Composite `text` (whose window extent is `extent`) onto `renderer`'s buffer; returns
        the display box (x0, y0, x1, y1) it covers, or None when nothing of it is on the canvas."""
        self.prepare(text, renderer, extent)
        _, x0, top, pixels = self._sprites[id(text)]
        if pixels is None:
            return None
        buf = np.asarray(renderer.buffer_rgba())
        h, w = pixels.shape[:2]
        dst = buf[top:top + h, x0:x0 + w]
        alpha = pixels[..., 3:4].astype(np.uint16)
        blended = (pixels[..., :3].astype(np.uint16) * alpha
                   + dst[..., :3].astype(np.uint16) * (255 - alpha) + 127) // 255
        dst[..., :3] = blended.astype(np.uint8)
        dst[..., 3] = np.maximum(dst[..., 3], pixels[..., 3])
        height = buf.shape[0]
        return (x0, height - top - h, x0 + w, height - top)

    def _render(self, text, renderer, extent):
        """The label alone on a transparent buffer the size of the canvas, cut to its box."""
        width, height = int(renderer.width), int(renderer.height)
        if self._spare is None or (self._spare.width, self._spare.height, self._spare.dpi) != \
                (renderer.width, renderer.height, renderer.dpi):
            self._spare = RendererAgg(width, height, renderer.dpi)
            self._spare.clear()
        spare = self._spare
        text.draw(spare)
        buf = np.asarray(spare.buffer_rgba())
        pad = HALO_PAD_PT * renderer.dpi / 72
        x0, x1 = max(int(extent.x0 - pad), 0), min(int(extent.x1 + pad) + 1, width)
        top, bottom = max(int(height - extent.y1 - pad), 0), min(int(height - extent.y0 + pad) + 1, height)
        pixels = buf[top:bottom, x0:x1].copy() if x1 > x0 and bottom > top else None
        # Wipe what was drawn (with room to spare) rather than the whole buffer: a full clear
        # of a large canvas costs more than the label.
        wx0, wx1 = max(int(extent.x0 - 3 * pad), 0), min(int(extent.x1 + 3 * pad) + 1, width)
        wy0, wy1 = max(int(height - extent.y1 - 3 * pad), 0), min(int(height - extent.y0 + 3 * pad) + 1, height)
        buf[wy0:wy1, wx0:wx1] = CLEAR
        if pixels is None:
            return None, None, None
        return x0, top, pixels
