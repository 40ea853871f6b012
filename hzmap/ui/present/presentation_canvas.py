"""The room's map: a blitting canvas in the presentation style, with hover, spotlight and a
laser pointer blitted, and a step change shown as a cross-fade and zoom of two rendered frames
(about a millisecond per frame instead of a full redraw).
"""
from __future__ import annotations

from matplotlib.colors import to_hex
from matplotlib.lines import Line2D
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter

from hzmap.render.map.spotlight import Spotlight, apply_high_contrast, presentation_style
from hzmap.ui.common.blit_canvas import BlitCanvas


class PresentationCanvas(BlitCanvas):
    """The map for the room: hover, spotlight and the laser pointer are blitted."""

    resized = Signal(int, int)  # logical width, height: the presenter's pictures take this shape

    def __init__(self, session, high_contrast: bool = True) -> None:
        super().__init__(session, style=presentation_style(), figsize=(16, 9))
        self.spotlight = Spotlight(self.scene.renderer)
        if high_contrast:
            apply_high_contrast(self.scene.renderer)
        self.laser = Line2D([], [], marker="o", markersize=16, color="#FF1A1A", alpha=0.85,
                            markeredgecolor="#FFFFFF", markeredgewidth=2, animated=True, zorder=30,
                            visible=False)
        self.scene.ax.add_line(self.laser)
        self.transient.append(self.laser)
        self.laser_on = False
        self.hover: str | None = None
        self._frames: tuple[QImage, tuple, QImage, tuple] | None = None  # from, extent, to, extent
        self._shown_extent: tuple | None = None
        self.frames_painted = 0
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.NoFocus)  # keys go to the presentation window
        self.mpl_connect("motion_notify_event", self._on_motion)

    def _on_dataset_changed(self, dataset, _shipped=None) -> None:
        self.spotlight.clear()  # its shapes were the old dataset's
        self.spotlight = Spotlight(self.scene.renderer)
        super()._on_dataset_changed(dataset)

    def blit_overlays(self) -> None:
        if self._frames is None:  # not while a transition paints its own frames
            super().blit_overlays()

    def frame_image(self) -> QImage:
        """The last rendered frame (Agg buffer) as a QImage the painter can scale."""
        buf = self.buffer_rgba()
        h, w = buf.shape[:2]
        return QImage(bytes(buf), w, h, 4 * w, QImage.Format_RGBA8888).copy()

    def begin_transition(self, render_target) -> None:
        """Keep the current frame, render the target (`render_target()` sets it up), and paint
        cross-fades between the two until `end_transition`."""
        if not hasattr(self, "renderer"):  # nothing drawn yet
            self.draw()
        r = self.scene.renderer
        before, before_extent = self.frame_image(), r.limits()
        render_target()
        r.refresh_labels(self.get_renderer())
        self.figure.draw(self.get_renderer())
        self._frames = (before, before_extent, self.frame_image(), r.limits())

    def show_transition(self, extent: tuple, t: float) -> None:
        """Paint the frame for the intermediate `extent` (x0, x1, y0, y1) at progress t."""
        self._shown_extent = (extent, t)
        self.update()

    def end_transition(self) -> None:
        self._frames = None
        self._shown_extent = None
        self._background = None
        self.draw()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self.resized.emit(event.size().width(), event.size().height())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self._frames is None or self._shown_extent is None:
            super().paintEvent(event)
            return
        extent, t = self._shown_extent
        before, before_extent, after, after_extent = self._frames
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(to_hex(self.figure.get_facecolor())))
        # The target underneath at full strength, the old frame fading out on top: no gaps
        # where one frame does not reach while zooming out.
        for image, img_extent, opacity in ((after, after_extent, 1.0), (before, before_extent, 1.0 - t)):
            painter.setOpacity(opacity)
            painter.drawImage(self._target_rect(img_extent, extent), image)
        painter.end()
        self.frames_painted += 1

    def _target_rect(self, img_extent, view) -> QRectF:
        """Where an image rendered for `img_extent` lands when the view shows `view`."""
        (ix0, ix1, iy0, iy1), (vx0, vx1, vy0, vy1) = img_extent, view
        w, h = self.width(), self.height()
        sx, sy = w / (vx1 - vx0), h / (vy1 - vy0)
        return QRectF((ix0 - vx0) * sx, (vy1 - iy1) * sy, (ix1 - ix0) * sx, (iy1 - iy0) * sy)

    # -- pointer ------------------------------------------------------------------------------
    def _on_motion(self, event) -> None:
        if event.inaxes is None:
            return
        did = self.pick_at(event.xdata, event.ydata).district
        if did != self.hover:
            self.hover = did
            self.scene.renderer.set_hover(did)
        if self.laser_on:
            self.laser.set_data([event.xdata], [event.ydata])
        self.blit_overlays()

    def set_laser(self, on: bool) -> None:
        self.laser_on = on
        self.laser.set_visible(on)
        self.setCursor(Qt.BlankCursor if on else Qt.ArrowCursor)
        self.blit_overlays()
