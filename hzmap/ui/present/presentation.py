"""Presentation mode (F5): the map full screen for a meeting, a guided tour, spotlight and laser.

The window has its own canvas and Scene (hzmap.ui.present.presentation_canvas: presentation type
scale, projector theme), given Views made from the explorer's state and the tour's steps, so
presenting never disturbs the explorer behind it. Only the map, its legend and a slim caption bar
show. A presenter clicker sends PageDown/PageUp, which step the tour like the arrow keys
(hzmap.ui.present.keys). A step change is a cross-fade and zoom of two rendered frames; when the
measured rate is below MIN_FPS the window cuts instead of animating.

The step shown is the player's (hzmap.model.tours.player.TourPlayer): the keys ask the player to
move and the window follows its `moved`, so a presenter view on the other screen, subscribed to
the same player, always shows the same step.
"""
from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import QEasingCurve, Qt, QVariantAnimation, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hzmap.model.tours.player import TourPlayer, room_view
from hzmap.model.tours.source_line import source_with_status
from hzmap.model.tours.tour import Tour
from hzmap.model.view.viewstate import View
from hzmap.render.map.spotlight import apply_high_contrast
from hzmap.render.page.step_picture import spotlight_step
from hzmap.ui.common.i18n import Texts
from hzmap.ui.present.keys import claim_presenter_key, step_key
from hzmap.ui.present.presentation_canvas import PresentationCanvas

TRANSITION_MS = 600
MIN_FPS = 30.0
DIM_LEVELS = (0.0, 0.3, 0.55)  # D: the base map under no, a light or a strong white veil


class PresentationWindow(QWidget):
    """Full-screen map with a caption bar; keys step the tour, Esc leaves. It shows the
    session's dataset and user layers, and follows them while it is open."""

    closed = Signal()

    def __init__(self, session, tour: Tour | None, animate: bool | None = None, parent=None,
                 player: TourPlayer | None = None) -> None:
        super().__init__(parent, Qt.Window)
        self.setObjectName("presentationWindow")
        self.session = session
        self.state = state = session.state  # the explorer's: the language, and what to show without a tour
        self.geo = state.geo
        self.texts = Texts(state, self)
        self.player = player if player is not None else TourPlayer(tour)
        self.index = -1  # the step this window shows (the player's, once it has followed)
        self._animate_request: bool | None = None
        self.canvas = PresentationCanvas(session, high_contrast=self.player.high_contrast)
        self.canvas.scene.apply(self._base_view())
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
        self.texts.tr(self.setWindowTitle, "hzmap — 演示 Presentation")
        self.texts.tr(self.keys_label.setText, "←→ 翻页  S 聚光  L 激光笔  H 高对比  D 底图淡化  Esc 退出")
        self.texts.tr(self.caption_bar.setToolTip,
                      "H 投影高对比主题 开/关 · S 或右键 聚光 · L 激光笔 · D 底图淡化 · ←→ PageUp PageDown 翻页 · Esc 退出")
        state.changed.connect(self._on_view_changed)
        session.dataset_changed.connect(self._on_dataset_changed)  # after the canvas's own
        self.player.moved.connect(self._on_moved)
        self.player.theme_changed.connect(self._on_theme_changed)
        self.player.ended.connect(self._on_ended)
        if self.tour.steps:
            self.go_to(self.player.index, animate=False)

    @property
    def tour(self) -> Tour:
        return self.player.tour

    @property
    def lang(self) -> str:
        return self.state.lang

    @property
    def ds(self):
        return self.session.dataset

    def _base_view(self) -> View:
        """What the room sees without a tour: the explorer's view, selection cleared."""
        return room_view(self.state.view, None)

    def view_for(self, step) -> View:
        return room_view(self.state.view, step, self.ds)

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

    def _on_view_changed(self, view, fields) -> None:
        """The explorer's language or layers changed while presenting: labels, legend, caption
        and the user's layers follow. Without a tour the room sees what the explorer shows."""
        if not self.tour.steps:
            self.canvas.scene.apply(self._base_view())
        elif fields & {"lang", "layers"}:
            self.canvas.scene.apply(replace(self.canvas.scene.view, lang=view.lang, layers=view.layers))
        elif "as_of" in fields:        # the source line's plan status: the caption only
            self._update_caption()
            return
        else:
            return
        self._update_caption()
        self.canvas.draw_idle()

    def _on_dataset_changed(self, _dataset, _shipped=None) -> None:
        """A plan saved or a user dataset removed while presenting (the canvas has the new
        dataset already): the step shown is shown again from it."""
        if self.step is not None:
            self._apply(self.step)
        else:
            self.canvas.scene.apply(self._base_view())
        self._update_caption()
        self.canvas.draw_idle()
    def toggle_high_contrast(self) -> bool:
        """H: the projector theme on or off (the player's, so the presenter's thumbnails
        follow); returns whether it is now on."""
        self.player.set_high_contrast(not self.player.high_contrast)
        return self.player.high_contrast

    def cycle_basemap_dim(self) -> float | None:
        """D: the base map paler, paler still, then as it is, so the layout stays the subject.
        The dimming is the base map's (kept with the project, drawn the same in exports)."""
        layer = self.state.view.basemap()
        if layer is None:
            return None
        now = float((layer.style or {}).get("dim", 0.0))
        dim = next((d for d in DIM_LEVELS if d > now + 1e-6), 0.0)
        self.state.update_layer(layer.id, style={**dict(layer.style or {}), "dim": dim})
        return dim

    def _on_theme_changed(self, on: bool) -> None:
        apply_high_contrast(self.canvas.scene.renderer, on)
        self.canvas.draw_idle()

    # -- the tour ---------------------------------------------------------------------------
    @property
    def step(self):
        return self.tour.steps[self.index] if 0 <= self.index < len(self.tour.steps) else None

    def next(self) -> None:
        self.player.next()

    def previous(self) -> None:
        self.player.previous()

    def go_to(self, index: int, animate: bool | None = None) -> None:
        """Ask the player for step `index`; `animate` (None: as the window decides) applies to
        this move. The window shows it when the player says it moved."""
        if not self.tour.steps:
            return
        self._animate_request = animate
        try:
            if not self.player.go_to(index, force=animate is not None) and self.index != self.player.index:
                self._on_moved(self.player.index)  # the player was already there: catch up
        finally:
            self._animate_request = None

    def _on_moved(self, index: int) -> None:
        animate = self._animate_request
        if self._anim.state() == QVariantAnimation.Running:
            self._anim.stop()
            self._on_anim_finished()
        self.index = index
        step = self.tour.steps[index]
        smooth = self.isVisible() and (self.animate is not False if animate is None else animate)
        if smooth:
            self._anim_from = self.canvas.scene.renderer.limits()
            self.canvas.begin_transition(lambda: self._apply(step))
            self._anim_to = self.canvas.scene.renderer.limits()
            self._anim_started, self._anim_frames0 = time.perf_counter(), self.canvas.frames_painted
            self._anim.start()
        else:
            self._apply(step)
            self.canvas.draw_idle()
        self._update_caption()

    def _apply(self, step) -> None:
        self.canvas.spotlight.clear()
        self.canvas.scene.apply(self.view_for(step))
        spotlight_step(self.canvas.spotlight, step)

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
        src = source_with_status(self.ds, step, lang, self.state.view.as_of) if step else ""
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
        return claim_presenter_key(event) or super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        key = event.key()
        if step_key(self.player, key):
            pass
        elif key == Qt.Key_Escape:
            self.close()
        elif key == Qt.Key_S:
            self.toggle_spotlight(self.canvas.hover, group=bool(event.modifiers() & Qt.ShiftModifier))
        elif key == Qt.Key_L:
            self.canvas.set_laser(not self.canvas.laser_on)
        elif key == Qt.Key_H:
            self.toggle_high_contrast()
        elif key == Qt.Key_D:
            self.cycle_basemap_dim()
        else:
            super().keyPressEvent(event)

    def _on_press(self, event) -> None:
        if event.button == 3 and event.inaxes is not None:
            did = self.canvas.pick_at(event.xdata, event.ydata).district
            self.toggle_spotlight(did, group=bool(event.key and "shift" in event.key))

    def _on_ended(self) -> None:
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._anim.stop()
        self.state.changed.disconnect(self._on_view_changed)  # the window goes; the session stays
        self.session.dataset_changed.disconnect(self._on_dataset_changed)
        for signal, slot in ((self.player.moved, self._on_moved), (self.player.ended, self._on_ended),
                             (self.player.theme_changed, self._on_theme_changed)):
            signal.disconnect(slot)
        super().closeEvent(event)
        self.player.end()  # the presenter view closes with the room's window
        self.closed.emit()
