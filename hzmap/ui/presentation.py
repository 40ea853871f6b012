"""Presentation mode (F5): the map full screen for a meeting, a guided tour, spotlight and laser.

The window has its own Figure, MapRenderer (presentation type scale, projector theme) and
LayoutOverlay, so presenting never disturbs the explorer behind it. Only the map, its legend and a
slim caption bar show. A presenter clicker sends PageDown/PageUp, which step the tour like the
arrow keys. A step change renders the target frame once and then cross-fades and zooms the two
frames as images (about a millisecond per frame instead of a full redraw); when the measured rate
is below MIN_FPS the window cuts instead of animating.
"""
from __future__ import annotations

import time

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from PySide6.QtCore import QEasingCurve, QEvent, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QAction, QColor, QImage, QKeySequence, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hzmap.model.tours import Tour, default_tour
from hzmap.render.layout_overlay import LayoutOverlay
from hzmap.render.map_view import MapRenderer
from hzmap.render.spotlight import Spotlight, apply_high_contrast, presentation_style
from hzmap.ui.i18n import tr

TRANSITION_MS = 600
MIN_FPS = 30.0
NEXT_KEYS = {Qt.Key_Right, Qt.Key_Down, Qt.Key_PageDown, Qt.Key_Space}
PREV_KEYS = {Qt.Key_Left, Qt.Key_Up, Qt.Key_PageUp, Qt.Key_Backspace}
PRESENTER_KEYS = NEXT_KEYS | PREV_KEYS | {Qt.Key_Home, Qt.Key_End, Qt.Key_Escape, Qt.Key_S, Qt.Key_L, Qt.Key_H}


class PresentationCanvas(FigureCanvasQTAgg):
    """The map for the room: hover, spotlight and the laser pointer are blitted."""

    def __init__(self, geodata, dataset, lang: str = "zh", high_contrast: bool = True) -> None:
        super().__init__(Figure(figsize=(16, 9), dpi=100))
        self.geo = geodata
        self.renderer_ = MapRenderer(self.figure, geodata, style=presentation_style(),
                                     interactive=True, lang=lang)
        self.overlay = LayoutOverlay(self.renderer_, dataset)
        self.renderer_.overlay = self.overlay
        self.spotlight = Spotlight(self.renderer_)
        if high_contrast:
            apply_high_contrast(self.renderer_)
        self.laser = Line2D([], [], marker="o", markersize=16, color="#FF1A1A", alpha=0.85,
                            markeredgecolor="#FFFFFF", markeredgewidth=2, animated=True, zorder=30)
        self.renderer_.ax.add_line(self.laser)
        self.laser_on = False
        self.hover: str | None = None
        self._background = None
        self._frames: tuple[QImage, tuple, QImage, tuple] | None = None  # from, extent, to, extent
        self._shown_extent: tuple | None = None
        self.frames_painted = 0
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.NoFocus)  # keys go to the presentation window
        self.mpl_connect("draw_event", self._on_draw)
        self.mpl_connect("motion_notify_event", self._on_motion)

    # -- drawing ----------------------------------------------------------------------------
    def draw(self) -> None:
        self.renderer_.refresh_labels(self.get_renderer())
        super().draw()

    def _on_draw(self, _event) -> None:
        # Inside a paint: draw the pointer layers into the buffer, which is about to be shown.
        self._background = self.copy_from_bbox(self.figure.bbox)
        self._draw_pointer_layers()

    def _draw_pointer_layers(self) -> None:
        ax = self.renderer_.ax
        for artist in (*self.renderer_.highlight_artists(), self.laser):
            if artist.get_visible() and (artist is not self.laser or self.laser_on):
                ax.draw_artist(artist)

    def _blit(self) -> None:
        if self._background is None or self._frames is not None:
            return
        self.restore_region(self._background)
        self._draw_pointer_layers()
        self.blit(self.figure.bbox)

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
        before, before_extent = self.frame_image(), self.renderer_.limits()
        render_target()
        self.renderer_.refresh_labels(self.get_renderer())
        self.figure.draw(self.get_renderer())
        self._frames = (before, before_extent, self.frame_image(), self.renderer_.limits())

    def show_transition(self, extent: tuple, t: float) -> None:
        """Paint the frame for the intermediate `extent` (x0, x1, y0, y1) at progress t."""
        self._shown_extent = (extent, t)
        self.update()

    def end_transition(self) -> None:
        self._frames = None
        self._shown_extent = None
        self._background = None
        self.draw()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self._frames is None or self._shown_extent is None:
            super().paintEvent(event)
            return
        extent, t = self._shown_extent
        before, before_extent, after, after_extent = self._frames
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(to_hex(self.renderer_.fig.get_facecolor())))
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
        did = self.geo.district_at(event.xdata, event.ydata)
        if did != self.hover:
            self.hover = did
            self.renderer_.set_hover(did)
        if self.laser_on:
            self.laser.set_data([event.xdata], [event.ydata])
        self._blit()

    def set_laser(self, on: bool) -> None:
        self.laser_on = on
        self.setCursor(Qt.BlankCursor if on else Qt.ArrowCursor)
        self._blit()


class PresentationWindow(QWidget):
    """Full-screen map with a caption bar; keys step the tour, Esc leaves."""

    closed = Signal()

    def __init__(self, geodata, dataset, tour: Tour | None, lang: str = "zh",
                 animate: bool | None = None, parent=None) -> None:
        super().__init__(parent, Qt.Window)
        self.setObjectName("presentationWindow")
        self.ds, self.geo, self.lang = dataset, geodata, lang
        self.tour = tour or Tour(name="", steps=[])
        self.index = -1
        self.canvas = PresentationCanvas(geodata, dataset, lang)
        self.caption_bar = self._build_caption_bar()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.canvas, 1)
        box.addWidget(self.caption_bar)
        self.setFocusPolicy(Qt.StrongFocus)
        self.animate = animate  # None: decide from the measured frame rate
        self.measured_fps: float | None = None
        self._anim = QVariantAnimation(self, duration=TRANSITION_MS, startValue=0.0, endValue=1.0,
                                       easingCurve=QEasingCurve.InOutCubic)
        self._anim.valueChanged.connect(self._on_anim_value)
        self._anim.finished.connect(self._on_anim_finished)
        self._anim_from = self._anim_to = None
        self._anim_started = 0.0
        self._anim_frames0 = 0
        self.canvas.mpl_connect("button_press_event", self._on_press)
        self.retranslate()
        if self.tour.steps:
            self.go_to(0, animate=False)

    def _build_caption_bar(self) -> QWidget:
        bar = QWidget(objectName="captionBar")
        bar.setStyleSheet("#captionBar { background: #111; } QLabel { color: #F2F2F2; }")
        self.title_label = QLabel(objectName="captionTitle")
        self.title_label.setStyleSheet("font-size: 26px; font-weight: 700;")
        self.caption_label = QLabel(objectName="captionText", wordWrap=True)
        self.caption_label.setStyleSheet("font-size: 20px;")
        self.source_label = QLabel(objectName="captionSource")
        self.source_label.setStyleSheet("font-size: 15px; color: #B8B8B8;")
        self.counter_label = QLabel(objectName="stepCounter")
        self.counter_label.setStyleSheet("font-size: 22px; font-weight: 600;")
        self.keys_label = QLabel(objectName="keysHelp")
        self.keys_label.setStyleSheet("font-size: 13px; color: #9A9A9A;")
        side = QVBoxLayout()
        side.setSpacing(2)
        side.addWidget(self.counter_label, 0, Qt.AlignRight)
        side.addWidget(self.keys_label, 0, Qt.AlignRight)
        text = QVBoxLayout()
        text.setSpacing(2)
        for w in (self.title_label, self.caption_label, self.source_label):
            text.addWidget(w)
        row = QHBoxLayout(bar)
        row.setContentsMargins(18, 8, 18, 8)
        row.addLayout(text, 1)
        row.addLayout(side, 0)
        return bar

    def retranslate(self) -> None:
        """The window's own texts in the UI language in force (captions follow self.lang)."""
        self.setWindowTitle(tr("hzmap — 演示 Presentation"))
        self.keys_label.setText(tr("←→ 翻页  S 聚光  L 激光笔  H 高对比  Esc 退出"))
        self.caption_bar.setToolTip(tr("H 投影高对比主题 开/关 · S 或右键 聚光 · L 激光笔 · ←→ PageUp PageDown 翻页 · Esc 退出"))

    def set_language(self, lang: str) -> None:
        """Switch the map labels, legend and caption to `lang` while presenting."""
        from hzmap.render.spotlight import apply_language

        self.lang = lang
        apply_language(self.canvas.renderer_, lang)
        self.retranslate()
        self._update_caption()
        self.canvas.draw_idle()

    def toggle_high_contrast(self) -> bool:
        """H: the projector theme on or off; returns whether it is now on."""
        r = self.canvas.renderer_
        on = not getattr(r, "high_contrast", False)
        apply_high_contrast(r, on)
        self.canvas.draw_idle()
        return on

    # -- the tour ---------------------------------------------------------------------------
    @property
    def step(self):
        return self.tour.steps[self.index] if 0 <= self.index < len(self.tour.steps) else None

    def next(self) -> None:
        self.go_to(min(self.index + 1, len(self.tour.steps) - 1))

    def previous(self) -> None:
        self.go_to(max(self.index - 1, 0))

    def go_to(self, index: int, animate: bool | None = None) -> None:
        if not self.tour.steps or index == self.index and animate is None:
            return
        if self._anim.state() == QVariantAnimation.Running:
            self._anim.stop()
            self._on_anim_finished()
        self.index = index
        step = self.tour.steps[index]
        smooth = self.isVisible() and (self.animate is not False if animate is None else animate)
        if smooth:
            self._anim_from = self.canvas.renderer_.limits()
            self.canvas.begin_transition(lambda: self._apply(step))
            self._anim_to = self.canvas.renderer_.limits()
            self._anim_started, self._anim_frames0 = time.perf_counter(), self.canvas.frames_painted
            self._anim.start()
        else:
            self._apply(step)
            self.canvas.draw_idle()
        self._update_caption()

    def _apply(self, step) -> None:
        r, overlay, spot = self.canvas.renderer_, self.canvas.overlay, self.canvas.spotlight
        spot.clear()
        if overlay.layout_id != step.layout:
            overlay.show(step.layout)
        x0, y0, x1, y1 = step.extent
        r.view_name = "custom"
        r.set_limits(x0, x1, y0, y1)
        r.set_selection(step.selection)
        if step.spotlight_element and step.layout:
            spot.show_element(step.spotlight_element)
        elif step.spotlight_districts:
            spot.show_districts(step.spotlight_districts)

    def _on_anim_value(self, t) -> None:
        if self._anim_from is None:
            return
        a, b = self._anim_from, self._anim_to
        extent = tuple(p + (q - p) * t for p, q in zip(a, b))
        self.canvas.show_transition(extent, t)

    def _on_anim_finished(self) -> None:
        elapsed = time.perf_counter() - self._anim_started
        frames = self.canvas.frames_painted - self._anim_frames0
        if elapsed > 0.2 and frames:
            self.measured_fps = frames / elapsed
            if self.animate is None and self.measured_fps < MIN_FPS:
                self.animate = False  # too slow here: cut from now on
        self._anim_from = None
        self.canvas.end_transition()

    def _update_caption(self) -> None:
        step, lang = self.step, self.lang
        self.title_label.setText(step.title(lang) if step else "")
        self.caption_label.setText(step.caption(lang) if step else "")
        src = step.source(lang) if step else ""
        self.source_label.setText(("Source: " if lang == "en" else "出处：") + src if src else "")  # the tour's language
        self.counter_label.setText(f"{self.index + 1} / {len(self.tour.steps)}" if step else "")

    # -- spotlight, laser ------------------------------------------------------------------------
    def toggle_spotlight(self, district: str | None, group: bool = False) -> None:
        """Spotlight one district (again: back to the step's spotlight); with `group`, add or
        remove it from the districts in the light."""
        spot = self.canvas.spotlight
        if district is None:
            return
        current = set(spot.districts) if spot.active and spot.element is None else set()
        if group:
            current ^= {district}
        else:
            current = set() if current == {district} else {district}
        if current:
            spot.show_districts(current)
        elif self.step is not None:
            self._apply(self.step)
        else:
            spot.clear()
        self.canvas.draw_idle()

    def event(self, event) -> bool:
        # The explorer's own shortcuts (Esc clears its selection) must not take the presenter's keys.
        if event.type() == QEvent.ShortcutOverride and event.key() in PRESENTER_KEYS:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        key = event.key()
        if key in NEXT_KEYS:
            self.next()
        elif key in PREV_KEYS:
            self.previous()
        elif key == Qt.Key_Home:
            self.go_to(0)
        elif key == Qt.Key_End:
            self.go_to(len(self.tour.steps) - 1)
        elif key == Qt.Key_Escape:
            self.close()
        elif key == Qt.Key_S:
            self.toggle_spotlight(self.canvas.hover, group=bool(event.modifiers() & Qt.ShiftModifier))
        elif key == Qt.Key_L:
            self.canvas.set_laser(not self.canvas.laser_on)
        elif key == Qt.Key_H:
            self.toggle_high_contrast()
        else:
            super().keyPressEvent(event)

    def _on_press(self, event) -> None:
        if event.button == 3 and event.inaxes is not None:
            did = self.geo.district_at(event.xdata, event.ydata)
            self.toggle_spotlight(did, group=bool(event.key and "shift" in event.key))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._anim.stop()
        super().closeEvent(event)
        self.closed.emit()


# -- main window --------------------------------------------------------------------------------
def present(window, tour: Tour | None = None, full_screen: bool = True) -> PresentationWindow:
    """Open the presentation of `tour` (default: the current layout's tour) over `window`."""
    if tour is None and window.state.layout is not None:
        tour = default_tour(window.dataset, window.geo, window.state.layout)
    lang = getattr(window, "language", "zh")
    pres = PresentationWindow(window.geo, window.dataset, tour, lang=lang, parent=window)
    pres.setAttribute(Qt.WA_DeleteOnClose)
    if not tour or not tour.steps:  # no tour: present what the explorer shows
        x0, x1, y0, y1 = window.canvas.renderer_.limits()
        pres.canvas.overlay.show(window.state.layout)
        pres.canvas.renderer_.set_limits(x0, x1, y0, y1)
    window.presentation = pres
    pres.closed.connect(lambda: setattr(window, "presentation", None))
    pres.showFullScreen() if full_screen else pres.show()
    pres.activateWindow()
    pres.setFocus()
    return pres


def attach(window) -> None:
    from hzmap.ui import i18n, tour_editor

    window.presentation = None
    action = QAction(tr("演示模式 Presentation"), window, shortcut=QKeySequence(Qt.Key_F5))
    action.setObjectName("presentAction")
    action.triggered.connect(lambda: present(window, tour_editor.chosen_tour(window)))
    window.addAction(action)
    window.menus["view"].addAction(action)
    window.present_action = action
    tour_editor.attach(window)
    i18n.attach(window)
