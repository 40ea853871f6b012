"""A tour step as the room sees it, drawn small for the presenter view. No Qt.

The thumbnail is a Scene on its own Agg figure, given the same View the presentation shows
(hzmap.model.tours.player.room_view), in the presentation style with the step's spotlight and the
projector theme. The figure has the room's shape in inches and a low dpi, so the picture is the
room's frame scaled down: labels sit where the audience will see them. Each picture is drawn
once and kept, so stepping back and forth costs nothing.
"""
from __future__ import annotations

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from hzmap.render.map.scene import Scene
from hzmap.render.map.spotlight import Spotlight, apply_high_contrast, presentation_style

ROOM_IN = (16.0, 9.0)   # the room's canvas in inches (pixels / 100) until it is known
CACHE_SIZE = 64


def spotlight_step(spot: Spotlight, step) -> None:
    """Light what the step points at: its element (when its layout is shown), else its
    districts, else nothing."""
    spot.clear()
    if step is None:
        return
    overlay = spot.r.overlay
    if step.spotlight_element and step.layout and overlay is not None and overlay.layout_id == step.layout:
        spot.show_element(step.spotlight_element)
    elif step.spotlight_districts:
        spot.show_districts(step.spotlight_districts)


class StepThumbnails:
    """Pictures of steps, `width_px` wide, in the shape of the room's canvas."""

    def __init__(self, geo, ds, width_px: int = 480, room_in: tuple[float, float] = ROOM_IN, layers=None) -> None:
        self.geo, self.ds, self.layers = geo, ds, layers
        self.width_px = int(width_px)
        self.room_in = (float(room_in[0]), float(room_in[1]))
        self._scene: Scene | None = None
        self._spot: Spotlight | None = None
        self._cache: dict = {}
        self.drawn = 0  # pictures actually rendered (the rest came from the cache)

    def resize(self, width_px: int, room_in: tuple[float, float]) -> None:
        """A new picture width or room shape: the kept pictures no longer fit."""
        width_px, room_in = int(width_px), (float(room_in[0]), float(room_in[1]))
        if (width_px, room_in) != (self.width_px, self.room_in) and width_px > 0 and min(room_in) > 0:
            self.width_px, self.room_in = width_px, room_in
            self._scene = self._spot = None
            self._cache.clear()

    def _build(self) -> Scene:
        w_in, h_in = self.room_in
        fig = Figure(figsize=(w_in, h_in), dpi=self.width_px / w_in)
        FigureCanvasAgg(fig)
        self._scene = Scene(fig, self.geo, self.ds, style=presentation_style(), layers=self.layers)
        self._spot = Spotlight(self._scene.renderer)
        return self._scene

    def picture(self, view, step, high_contrast: bool = True) -> np.ndarray:
        """The step shown as `view` (the room's View of it), as an RGBA array (h, w, 4)."""
        key = (repr(view), step.spotlight_element if step else None,
               tuple(step.spotlight_districts) if step else (), bool(high_contrast))
        if key in self._cache:
            return self._cache[key]
        scene = self._scene or self._build()
        r = scene.renderer
        scene.apply(view)
        spotlight_step(self._spot, step)
        if r.high_contrast != high_contrast:
            apply_high_contrast(r, high_contrast)
        canvas = scene.fig.canvas
        r.refresh_labels(canvas.get_renderer())
        canvas.draw()
        image = np.asarray(canvas.buffer_rgba()).copy()
        if len(self._cache) >= CACHE_SIZE:
            self._cache.pop(next(iter(self._cache)))
        self._cache[key] = image
        self.drawn += 1
        return image
