"""The interactive map: wheel zooms at the cursor, drag pans, hover and click go to the state.

The canvas draws whatever the view state holds (one Scene.apply and one redraw per change) and
turns mouse events into state changes: what is under the pointer, and what the hover says, is
the model's pick (hzmap.model.pick, through BlitCanvas.pick_at), so the handlers only pass map
coordinates in. Selection and hover are blitted.
"""
from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QToolTip

from hzmap import process
from hzmap.model.view.viewstate import ViewState
from hzmap.render.map.rehearsal import keep_label, keep_legend, rehearse
from hzmap.ui.common.blit_canvas import BlitCanvas
from hzmap.ui.common.follow import follow

CLICK_TOLERANCE_PX = 4  # logical pixels, like the other distances the hand makes
WHEEL_STEP = 1.25
#: Fields whose change needs only the blitted outlines redrawn, not the map.
BLIT_ONLY = frozenset({"selection"})
#: Fields whose change is a layout switch: the frame kept for the View it gives is pasted.
SWITCH = frozenset({"layout", "hidden_elements", "show_places", "selection"})


#: Input that puts off the idle preparation of other layouts until it has rested QUIET_S: a
#: hover or a pan must never wait behind a layout's label placement.
_INPUT = frozenset({QEvent.MouseMove, QEvent.MouseButtonPress, QEvent.MouseButtonRelease, QEvent.Wheel,
                    QEvent.KeyPress})
QUIET_S = 0.3


class MapCanvas(BlitCanvas):
    """The map of `state` (by default the session's; compare gives each of its maps its own),
    drawn with the session's dataset and user layers."""

    def __init__(self, session, state: ViewState | None = None, parent=None) -> None:
        super().__init__(session, parent=parent)
        self.state = state if state is not None else session.state
        self._press = None  # (x_px, y_px) while the left button is down
        self._dragging = False
        self._tip_for = None  # the Selection the tooltip shown is about
        self._prebuild: list[str] = []  # layouts to build in idle time
        self._ahead = None  # (frame, the pieces left of making the other layouts ready)
        self._frozen = False  # gc.freeze() done for this dataset
        #: An editing tool (the annotation tools) sees mouse events first: its on_press/
        #: on_motion/on_release(event) return True when they consumed the event.
        self.tool = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.mpl_connect("motion_notify_event", self._on_motion)
        self.mpl_connect("button_press_event", self._on_press)
        self.mpl_connect("button_release_event", self._on_release)
        self.mpl_connect("scroll_event", self._on_scroll)
        self.mpl_connect("figure_leave_event", self._on_leave)
        follow(self, self.state.changed, self._on_view_changed)
        follow(self, self.state.hover_changed, self._on_hover_changed)
        self.scene.apply(self.state.view)

    @property
    def dataset(self):
        return self.session.dataset

    def _on_dataset_changed(self, dataset, _shipped=None) -> None:
        """The layout dataset arrived or a new one replaced it: the old one's artists go, and
        the layouts are built ahead in idle time."""
        if self._frozen:  # the old dataset's objects may be collected again
            process.thaw()
            self._frozen = False
        super()._on_dataset_changed(dataset)
        # (HZMAP_IDLE_PREBUILD=0: the tests' windows, whose waits stay their own)
        if os.environ.get("HZMAP_IDLE_PREBUILD", "1") != "0":
            self._prebuild = [lid for lid in dataset.layouts if lid != self.state.layout]
            QTimer.singleShot(0, self._prebuild_step)

    def _prebuild_step(self) -> None:
        """Build one more layout's artists (2-25 ms) when the window is idle, so that the first
        switch to any layout only shows what is built; then take what now lives as long as the
        window out of the cycle collector's full passes (see _freeze_long_lived)."""
        overlay = self.scene.overlay
        while self._prebuild and overlay is not None:
            if overlay.prebuild(self._prebuild.pop(0)):
                QTimer.singleShot(0, self._prebuild_step)  # one layout an idle turn
                return
        if overlay is not None and not self._frozen:
            self._freeze_long_lived()
            if self._warm == []:  # the frame's own labels are kept already: the others' next
                self._frame_warm(self._frame)

    def _freeze_long_lived(self) -> None:
        """The geodata, the dataset and every layout's artists live as long as the window: out
        of the cycle collector's full passes with them (hzmap.process.freeze_long_lived)."""
        process.freeze_long_lived()
        self._frozen = True

    # -- the other layouts, ready before they show -------------------------------------------
    def _frame_warm(self, frame: int) -> None:
        """The frame's own labels are kept: make every other layout's labels and legend ready
        for this frame's extent and size, one piece an idle turn (hzmap.render.map.rehearsal),
        so that a layout's first showing pastes them as every later one does."""
        if self._prebuild or not self._frozen or os.environ.get("HZMAP_IDLE_PREBUILD", "1") == "0":
            return  # (the layouts are still being built; _prebuild_step comes back here)
        self._ahead = (frame, self._pieces())
        self._ahead_busy = True
        QTimer.singleShot(0, lambda: self._ahead_step(frame))

    def event(self, event) -> bool:
        if event.type() in _INPUT:
            self._last_input = time.monotonic()
        return super().event(event)

    def _ahead_step(self, frame: int) -> None:
        if self._ahead is None or self._ahead[0] != frame:
            return  # a newer frame started its own
        rest = QUIET_S - (time.monotonic() - getattr(self, "_last_input", 0.0))
        if rest > 0:  # the planner is moving the pointer or panning: a piece (up to 35 ms) waits
            QTimer.singleShot(int(rest * 1000) + 1, lambda: self._ahead_step(frame))
            return
        if frame != self._frame or self._background is None or getattr(self, "_draw_pending", False):
            self._ahead, self._ahead_busy = None, False  # a redraw is coming: it starts again
            return
        if next(self._ahead[1], None) is None:
            self._ahead, self._ahead_busy = None, False
            return
        QTimer.singleShot(0, lambda: self._ahead_step(frame))

    def _pieces(self):
        """Yields after each piece of work: a layout's placement, a label's pixels, a legend's,
        its whole frame (hzmap.render.map.frames). Stops when what it made fills three-quarters
        of either pixel cache (at a large window every layout's may not fit: the layouts after
        that draw their labels the first time they show, as before); frames stop when theirs is
        full."""
        renderer = self.get_renderer()
        marks = (self.sprites.kept.made, self.legends.made)
        if self.keep_frame_ahead(self.state.view):  # (its first showing drew its legend)
            yield True
        for layout in [None, *self.dataset.layouts]:
            if layout == self.state.layout:
                continue
            if not (self.sprites.kept.within(marks[0]) and self.legends.within(marks[1])):
                return
            # (a placement made before is put back, and kept pixels are not made again)
            done = rehearse(self.scene, self.state.proposed(layout=layout, selection=None), renderer)
            yield True
            for text, state, extent in done.labels:
                if keep_label(self.sprites, text, state, extent, renderer):
                    yield True
            if done.legend is not None and keep_legend(self.sprites, self.legends, done.legend, self.figure,
                                                       renderer):
                yield True
            if self.keep_frame_ahead(self.state.proposed(layout=layout, selection=None)):
                yield True

    # -- state -> map ------------------------------------------------------------------
    def _on_view_changed(self, view, fields) -> None:
        changed = self.scene.apply(view)
        if not changed:
            return
        if changed <= BLIT_ONLY:
            self.blit_overlays()
        elif changed <= SWITCH:
            self.draw_for_switch()
        else:
            self.draw_idle()

    def _on_hover_changed(self, did) -> None:
        self.scene.renderer.set_hover(did)
        self.blit_overlays()

    # -- mouse -------------------------------------------------------------------------
    def _on_leave(self, _event) -> None:
        self.state.hover = None

    def _on_motion(self, event) -> None:
        if self.tool is not None and self.tool.on_motion(event):
            return
        if self._press is not None and event.x is not None:
            x_px, y_px = self._press
            if self._dragging or abs(event.x - x_px) + abs(event.y - y_px) > self.px(CLICK_TOLERANCE_PX):
                self._dragging = True
                self._pan_to(event)
                return
        if event.inaxes is None:
            self.state.hover = None
            return
        before = self.state.hover
        picked = self.pick_at(event.xdata, event.ydata)
        self.state.hover = picked.district
        if picked.selection != self._tip_for or picked.district != before:  # else it stays put
            self._tooltip(event, picked.text)
        self._tip_for = picked.selection

    def _tooltip(self, event, text: str) -> None:
        if not text:
            QToolTip.hideText()
            return
        QToolTip.showText(self.global_point(event), text, self)

    def _on_press(self, event) -> None:
        if self.tool is not None and self.tool.on_press(event):
            return
        if event.button == 1 and event.inaxes is not None:
            self._press = (event.x, event.y)
            self._dragging = False

    def _on_release(self, event) -> None:
        if self.tool is not None and self.tool.on_release(event):
            return
        if event.button != 1 or self._press is None:
            return
        dragged, self._press = self._dragging, None
        self._dragging = False
        if dragged:
            return
        if event.inaxes is None:
            self.state.clear_selection()
            return
        self.state.update(selection=self.pick_at(event.xdata, event.ydata).selection)

    def _pan_to(self, event) -> None:
        ax = self.scene.ax
        x_px, y_px = self._press
        inv = ax.transData.inverted()
        (x0, y0), (x1, y1) = inv.transform([(x_px, y_px), (event.x, event.y)])
        self._press = (event.x, event.y)
        self.state.pan_by(x0 - x1, y0 - y1, current=self.scene.renderer.limits())

    def _on_scroll(self, event) -> None:
        if event.inaxes is None:
            return
        self.state.zoom_at(event.xdata, event.ydata, WHEEL_STEP ** event.step,
                           current=self.scene.renderer.limits())
