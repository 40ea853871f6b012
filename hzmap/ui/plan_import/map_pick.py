"""Picking points on the main map for the element under review: one point, a band's two ends,
or the path of a schematic shape.

While a pick is under way this object is the canvas's `tool` (it sees mouse events first) and
gives the hook back to whoever had it (the annotation tools) when the pick ends. A left click
adds a point; a shape ends with a double click, a right click, Enter or `finish()`; Esc cancels.
The wheel still zooms. Points are passed on in map metres: converting them and finding their
districts is the model's job (hzmap.model.plan_import.review).
"""
from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt, Signal

from hzmap.render.map.draft_preview import DraftPreview

POINTS_NEEDED = {"point": 1, "river_band": 2, "schematic": None}   # None: until finished
SAME_POINT_PX = 4


class MapPick(QObject):
    """`picked(mode, points)` when a pick ends with its points; `cancelled()` otherwise;
    `progress(n)` after each point."""

    picked = Signal(str, list)
    cancelled = Signal()
    progress = Signal(int)

    def __init__(self, canvas, parent=None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.preview = DraftPreview(canvas.scene.ax)
        self.mode: str | None = None
        self.points: list[tuple[float, float]] = []
        self._previous_tool = None
        canvas.installEventFilter(self)

    @property
    def active(self) -> bool:
        return self.mode is not None

    # -- starting and ending ---------------------------------------------------------------
    def start(self, mode: str) -> None:
        if mode not in POINTS_NEEDED:
            raise ValueError(f"unknown pick mode {mode!r}")
        if self.mode is None:
            self._previous_tool = self.canvas.tool
            self.canvas.tool = self
        self.mode, self.points = mode, []
        self.canvas.setCursor(Qt.CrossCursor)
        self.canvas.setFocus()
        self._show_band([])

    def finish(self) -> None:
        """End the pick with the points so far (a shape's path)."""
        if self.mode is None:
            return
        mode, points = self.mode, list(self.points)
        self._stop()
        self.picked.emit(mode, points)

    def cancel(self) -> None:
        if self.mode is None:
            return
        self._stop()
        self.cancelled.emit()

    def _stop(self) -> None:
        if self.canvas.tool is self:
            self.canvas.tool = self._previous_tool
        self._previous_tool = None
        self.mode, self.points = None, []
        self.canvas.unsetCursor()
        self._show_band([])

    # -- what the map shows ----------------------------------------------------------------
    def show_shape(self, shape, points=()) -> None:
        """The element as it stands (shapely, map metres) with the points picked for it, or
        None to hide it."""
        was = self.preview.shown
        if self.preview.show_shape(shape, points) or was:
            self.canvas.draw_idle()

    def _show_band(self, points) -> None:
        self.preview.show_points(points)
        transient = self.canvas.transient
        if points and self.preview.band not in transient:
            transient.append(self.preview.band)
        elif not points and self.preview.band in transient:
            transient.remove(self.preview.band)
        self.canvas.blit_overlays()

    def close(self) -> None:
        """The review window closed: give the tool back and take the preview off the map."""
        self.cancel()
        self.canvas.removeEventFilter(self)
        self.preview.remove()
        self.canvas.draw_idle()

    # -- mouse and keys (the canvas calls these first; True = consumed) ----------------------
    def on_press(self, event) -> bool:
        if self.mode is None:
            return False
        if event.button == 3 and self.mode == "schematic":
            self.finish()
            return True
        if event.button != 1 or event.inaxes is None or event.xdata is None:
            return event.button == 1
        if event.dblclick and self.mode == "schematic":
            self.finish()
            return True
        self.add_point(event.xdata, event.ydata)
        return True

    def add_point(self, x: float, y: float) -> None:
        """One click at map point (x, y) (the mouse handler, and tests with real coordinates).
        A click on the last point again (the first half of a double click) adds nothing."""
        if self.points and math.dist(self.points[-1], (x, y)) <= SAME_POINT_PX * self._metres_per_px():
            return
        self.points.append((float(x), float(y)))
        self.progress.emit(len(self.points))
        needed = POINTS_NEEDED[self.mode]
        if needed is not None and len(self.points) >= needed:
            self.finish()
        else:
            self._show_band(self.points)

    def _metres_per_px(self) -> float:
        return self.canvas.scene.renderer.metres_per_px()

    def on_motion(self, event) -> bool:
        if self.mode is not None and self.points and event.xdata is not None:
            self._show_band(self.points + [(event.xdata, event.ydata)])
        return False   # hover and tooltips go on as usual

    def on_release(self, event) -> bool:
        return self.mode is not None and event.button == 1

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        # Esc is the window's "clear selection" shortcut: while picking it cancels the pick,
        # so take it before the shortcut fires (key events reach the focused canvas first).
        if self.mode is None or event.type() not in (QEvent.ShortcutOverride, QEvent.KeyPress):
            return False
        if event.key() == Qt.Key_Escape:
            event.accept()
            if event.type() == QEvent.ShortcutOverride:
                self.cancel()
            return True
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and event.type() == QEvent.KeyPress \
                and self.mode == "schematic":
            self.finish()
            return True
        return False
