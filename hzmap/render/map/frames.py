"""Whole frames of the map kept as pixels, for the screen: a layout switch pastes one. No Qt.

A switch changes the layout's figures, symbols, names and legend, and where the districts'
names go. The district fills, the water, the boundaries and the landmarks stay, but the map
draws them between the layout's artists (a group's fill under the water, a belt under the
boundaries), so no picture of the map without its layout can be laid under a layout's artists
and give the pixels a full redraw gives. The whole frame can: what a full redraw drew for a
View (without its selection, which is blitted) at the canvas's size is kept by exactly that,
and a switch to a View whose frame is kept puts those pixels back instead of drawing the map.
The screen keeps the frame of each View it draws while only the layout changes, and draws the
other layouts' frames ahead in idle time (hzmap.ui.map.map_canvas); whatever else changes the
picture (a pan or zoom, a resize, the language, a layer, the base map's tiles, the dataset, an
annotation, the theme) forgets them all (hzmap.ui.common.blit_canvas).

`Pasting` stands kept pixels in for labels and the legend in a full redraw
(hzmap.render.map.sprites, legend_cache); a frame is kept only when every label and the legend
that can be pasted was, so that a kept frame is the one a full redraw would draw now.
"""
from __future__ import annotations

from dataclasses import replace

from hzmap.render.map.legend_cache import legend_key
from hzmap.render.map.sprites import LabelPaster

#: Bytes of frames kept: every layout's (13 frames of 4.3 MB) at a 1280 x 840 canvas; fewer at a
#: larger one, where the layouts past the cap draw at their switch, as before.
KEEP_BYTES = 64 << 20


def frame_key(view, renderer) -> tuple:
    """What a frame's pixels depend on besides what forgets them all: the View without its
    selection (drawn over the frame), and the canvas's size and resolution."""
    return (replace(view, selection=None), int(renderer.width), int(renderer.height), renderer.dpi)


def frame_bytes(renderer) -> int:
    return int(renderer.width) * int(renderer.height) * 4


def complete(scene) -> bool:
    """Whether a frame drawn now is final: no base map, or all its tiles in."""
    art = scene.basemap_artist
    return art is None or not art.get_visible() or (art.last is not None and art.last.complete)


def draw_ahead(scene, pasting: Pasting, view, spare, renderer):
    """`view`'s whole frame drawn on `spare` (a RendererAgg the size of the screen's
    `renderer`) with the scene's own artists, which show the View they showed before again
    when this returns: its region, or None when it would not be the one a redraw draws (a
    label or the legend without kept pixels, tiles missing)."""
    shown, r = scene.view, scene.renderer
    measured = r.text_extents
    scene.apply(view)
    try:
        r.refresh_labels(spare)
        hidden, whole = pasting.begin(spare)
        try:
            if whole:
                spare.clear()
                scene.fig.draw(spare)
        finally:
            pasting.end(hidden)
        return spare.copy_from_bbox(scene.fig.bbox) if whole and complete(scene) else None
    finally:
        scene.apply(shown)
        r.refresh_labels(renderer)
        r.text_extents = measured  # (the frame shown's labels: measured already)


class KeptFrames:
    """Frames (Agg buffer regions of the whole canvas) by frame_key, the last used last, within
    KEEP_BYTES. Views hold mappings, so keys are compared, not hashed: 13 frames or fewer."""

    def __init__(self, keep_bytes: int = KEEP_BYTES) -> None:
        self.keep_bytes = keep_bytes
        self._kept: list = []  # [(key, region, bytes)]
        self.nbytes = 0
        self.pasted = 0  # switches drawn from a kept frame (tests, benchmarks)

    def __len__(self) -> int:
        return len(self._kept)

    def clear(self) -> None:
        self._kept.clear()
        self.nbytes = 0

    def get(self, key):
        for i, (k, region, _size) in enumerate(self._kept):
            if k == key:
                self._kept.append(self._kept.pop(i))
                return region
        return None

    def has_room(self, renderer) -> bool:
        return self.nbytes + frame_bytes(renderer) <= self.keep_bytes

    def put(self, key, region, renderer) -> None:
        if self.get(key) is not None:
            self.nbytes -= self._kept.pop()[2]
        size = frame_bytes(renderer)
        self._kept.append((key, region, size))
        self.nbytes += size
        while self.nbytes > self.keep_bytes and len(self._kept) > 1:
            self.nbytes -= self._kept.pop(0)[2]


class Pasting:
    """Hides the labels and the legend whose pixels are kept, for one full redraw, and composites
    those pixels in their places in the drawing order (a LabelPaster at each label's zorder)."""

    def __init__(self, scene, sprites, legends) -> None:
        self.scene, self.sprites, self.legends = scene, sprites, legends
        self._pasters: dict = {}  # zorder -> LabelPaster

    def begin(self, renderer) -> tuple[list, bool]:
        """Set the redraw up: (the artists hidden for it, whether everything that can be pasted
        is: no label or legend drawn that a later redraw would paste)."""
        hidden, whole = [], True
        for text, extent in self.scene.renderer.label_extents(renderer, every=True):
            if not self.sprites.has(text, renderer, extent):
                whole = False  # drawn now; pasted once its pixels are made (in idle time)
                continue
            placed = self.sprites.placed(text, renderer, extent)
            if placed is None:  # (at the canvas's edge: always drawn)
                continue
            self._paster(text.get_zorder()).items.append(placed)
            text.set_visible(False)
            hidden.append(text)
        legend = self.scene.ax.get_legend()
        key = legend_key(legend, self.scene.fig)
        placed = self.legends.get(key)
        if placed is not None:
            self._paster(legend.get_zorder()).items.append(placed)
            legend.set_visible(False)
            hidden.append(legend)
        elif key is not None and key not in self.legends:
            whole = False  # drawn with the map the first time, kept alone in idle time after
        return hidden, whole

    def end(self, hidden: list) -> None:
        for artist in hidden:
            artist.set_visible(True)
        for paster in self._pasters.values():
            paster.set_visible(False)
            paster.items = []

    def _paster(self, z: float) -> LabelPaster:
        paster = self._pasters.get(z)
        if paster is None:
            paster = self._pasters[z] = LabelPaster(z)
            self.scene.ax.add_artist(paster)
        paster.set_visible(True)
        return paster
