"""Annotation tools on the main map: text, callout, marker, line, select/move, delete, undo/redo.

The tools act through the canvas's `tool` hook (they see mouse events first) and change only
the session's AnnotationSet; the AnnotationLayer redraws what changed. Selecting and moving is
hzmap.ui.map.annotation_drag (hit-testing is the model's). The main window puts the toolbar and
the actions in its menus, and asks `cancel()` first when Esc is pressed.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QInputDialog, QMenu, QToolBar, QToolButton

from hzmap.model.session import annotations as model
from hzmap.model.session.annotations import AnnotationSet
from hzmap.render.map.annotations import AnnotationLayer
from hzmap.ui.common.i18n import Texts, tr
from hzmap.ui.common.settings import interactive
from hzmap.ui.map.annotation_drag import AnnotationDrag

MODES = (("select", "选择/移动", "Select and move (drag); double-click edits text"),
         ("text", "文字", "Text note: click where it goes"),
         ("callout", "标注", "Callout: press on the point, drag to where the text goes"),
         ("marker", "标记", "Marker: click to place"),
         ("line", "折线", "Line: click each vertex; double-click, right-click or Enter finishes"))
COLOURS = (("#C0392B", "红 Red"), ("#1F4E9E", "蓝 Blue"), ("#1E8449", "绿 Green"),
           ("#7D3C98", "紫 Purple"), ("#1E1E1E", "黑 Black"))


def _swatch(colour: str) -> QIcon:
    pix = QPixmap(14, 14)
    pix.fill(QColor(colour))
    return QIcon(pix)


class AnnotationTools(QObject):
    """`window` is the top-level window the tools work in: dialogs open over it, and its Esc
    asks `cancel()` first (the tools take Esc while something is being drawn). `message(text)`
    is for the window's status bar."""

    message = Signal(str)

    def __init__(self, canvas, annotations: AnnotationSet, window) -> None:
        super().__init__(window)
        self.window = window
        self.canvas = canvas
        self.annotations = annotations
        # "Undo <step>" is not in the catalogue: built again after a language change
        self.texts = Texts(canvas.state, self, then=self._on_history_changed)
        self.layer = AnnotationLayer(canvas.scene.ax, annotations, canvas.draw_idle)
        self.mode = "select"
        self.colour = COLOURS[0][0]
        self.drag = AnnotationDrag(self)  # select and move, in the select mode
        self._pending = []    # callout press point, or the line's vertices so far
        self._preview = None  # rubber-band Line2D while drawing a line or callout
        self.ask_text = self._ask_text  # replaced in tests
        self._build_actions()
        canvas.tool = self
        canvas.mpl_connect("key_press_event", self._on_key)

    # -- actions ---------------------------------------------------------------------
    def _build_actions(self) -> None:
        t = self.texts
        bar = QToolBar(self.window)
        t.tr(bar.setWindowTitle, "注释 Annotations")
        bar.setObjectName("annotationToolbar")
        self.toolbar = bar
        group = QActionGroup(self)
        self.mode_actions: dict[str, QAction] = {}
        for mode, text, tip in MODES:
            act = QAction(self, checkable=True)
            t.tr(act.setText, text)
            t.tr(act.setToolTip, f"{text} / {tip}")
            act.triggered.connect(lambda _c=False, m=mode: self.set_mode(m))
            group.addAction(act)
            bar.addAction(act)
            self.mode_actions[mode] = act
        self.mode_actions["select"].setChecked(True)
        colour_button = QToolButton(bar)
        t.tr(colour_button.setText, "颜色")
        t.tr(colour_button.setToolTip, "颜色 / Colour of new and selected annotations")
        colour_button.setPopupMode(QToolButton.InstantPopup)
        colour_button.setIcon(_swatch(self.colour))
        colour_button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        menu = QMenu(colour_button)
        for colour, name in COLOURS:
            act = menu.addAction(_swatch(colour), "", lambda c=colour: self.set_colour(c))
            t.tr(act.setText, name)
        colour_button.setMenu(menu)
        self.colour_button = colour_button
        bar.addWidget(colour_button)
        self.delete_action = QAction(self, shortcut=QKeySequence(QKeySequence.Delete))
        t.tr(self.delete_action.setText, "删除 Delete")
        t.tr(self.delete_action.setToolTip, "删除所选注释 / Delete the selected annotation (Del)")
        self.delete_action.triggered.connect(self.delete_selected)
        bar.addAction(self.delete_action)
        self.undo_action = QAction(self, shortcut=QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.redo)
        bar.addSeparator()
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        #: For the window's Edit menu (with a separator before delete).
        self.edit_actions = [self.undo_action, self.redo_action, None, self.delete_action]
        self.annotations.history_changed.connect(self._on_history_changed)
        self._on_history_changed()

    def _on_history_changed(self) -> None:
        a = self.annotations
        self.undo_action.setEnabled(a.can_undo())
        self.redo_action.setEnabled(a.can_redo())
        # The step's name is data from the history; only "Undo"/"Redo" is translated. The
        # tooltips are set too: a language switch fixes them, and they must follow the text.
        for action, text, step in ((self.undo_action, tr("撤销 Undo"), a.undo_label()),
                                   (self.redo_action, tr("重做 Redo"), a.redo_label())):
            action.setText(f"{text} {step}".rstrip())
            action.setToolTip(action.text())
        self.delete_action.setEnabled(self.layer.selected is not None)

    def set_mode(self, mode: str) -> None:
        self._finish_pending(keep=mode != self.mode)
        self.mode = mode
        self.mode_actions[mode].setChecked(True)
        self.canvas.setCursor(Qt.ArrowCursor if mode == "select" else Qt.CrossCursor)
        if mode != "select":
            self.select(None)

    def set_colour(self, colour: str) -> None:
        self.colour = colour
        self.colour_button.setIcon(_swatch(colour))
        if self.layer.selected is not None:
            self.annotations.edit(self.layer.selected, colour=colour)

    def select(self, aid: str | None) -> None:
        self.layer.select(aid)
        self.delete_action.setEnabled(aid is not None)

    def delete_selected(self) -> None:
        aid = self.layer.selected
        if aid is not None and aid in self.annotations:
            self.annotations.delete(aid)
            self.select(None)

    def undo(self) -> None:
        self._finish_pending(keep=False)
        self.annotations.undo()

    def redo(self) -> None:
        self.annotations.redo()

    # -- text entry --------------------------------------------------------------------
    def _ask_text(self, title: str, initial: str = "") -> str | None:
        if not interactive():
            return None
        text, ok = QInputDialog.getMultiLineText(self.window, title, tr("文字 Text:"), initial)
        return text if ok else None

    def edit_text(self, aid: str) -> None:
        a = self.annotations[aid]
        text = self.ask_text(tr("编辑注释 Edit annotation"), a.text)
        if text is None or text == a.text:
            return
        if not text.strip() and a.kind in ("text", "callout"):
            return  # a note with no text would vanish; delete is the way to remove it
        self.annotations.edit(aid, text=text.strip())

    # -- mouse (called by the canvas first; True = consumed) ----------------------------
    def on_press(self, event) -> bool:
        if self.mode == "select":
            return self.drag.press(event)
        if event.inaxes is None or event.xdata is None:
            return True
        if event.button == 3 and self.mode == "line":
            self._finish_pending(keep=True)
            return True
        if event.button != 1:
            return False
        xy = (event.xdata, event.ydata)
        if self.mode == "line":
            if event.dblclick:
                self._finish_pending(keep=True)
            else:
                self._pending.append(xy)
                self._show_preview(self._pending + [xy])
        elif self.mode == "callout":
            self._pending = [xy, (event.x, event.y)]
        return True

    def on_motion(self, event) -> bool:
        if self.mode == "select":
            return self.drag.motion(event)
        if event.xdata is None:
            return True
        xy = (event.xdata, event.ydata)
        if self.mode == "line" and self._pending:
            self._show_preview(self._pending + [xy])
        elif self.mode == "callout" and self._pending:
            self._show_preview([self._pending[0], xy])
        return True

    def on_release(self, event) -> bool:
        if self.mode == "select":
            return self.drag.release(event)
        if event.button != 1 or self.mode == "line":
            return True
        if self.mode == "callout":
            if not self._pending:
                return True
            tip, (px, py) = self._pending
            self._pending = []
            self._clear_preview()
            if event.xdata is None or math.hypot(event.x - px, event.y - py) < 12:
                # a click, not a drag: put the text up and to the right of the point
                inv = self.canvas.scene.ax.transData.inverted()
                where = tuple(inv.transform((px + 60, py + 45)))
            else:
                where = (event.xdata, event.ydata)
            text = self.ask_text(tr("新标注 New callout"))
            if text and text.strip():
                self._add(model.make("callout", [where, tip], text.strip(), self.colour))
            return True
        if event.xdata is None:
            return True
        xy = (event.xdata, event.ydata)
        if self.mode == "text":
            text = self.ask_text(tr("新文字注释 New text note"))
            if text and text.strip():
                self._add(model.make("text", [xy], text.strip(), self.colour))
        elif self.mode == "marker":
            self._add(model.make("marker", [xy], "", self.colour))
        return True

    def _add(self, ann) -> None:
        try:
            ann = self.annotations.add(ann)
        except model.AnnotationLimit as exc:
            self.message.emit(f"{tr('注释未添加 Annotation not added')}: {exc}")
            return
        self.select(ann.id)

    def _on_key(self, event) -> None:
        if event.key in ("enter", "return") and self.mode == "line":
            self._finish_pending(keep=True)
        elif event.key == "escape":
            self.cancel()

    def busy(self) -> bool:
        """A line or callout is half drawn, or an annotation is being dragged."""
        return bool(self._pending) or self._preview is not None or self.drag.active

    def cancel(self) -> bool:
        """Esc: drop the half-drawn line or callout; a drag puts the annotation back. Returns
        whether there was something to cancel (else Esc means "clear the selection")."""
        busy = self.busy()
        self.drag.cancel()
        self._finish_pending(keep=False)
        return busy

    # -- drawing in progress ------------------------------------------------------------
    def _show_preview(self, points) -> None:
        from matplotlib.lines import Line2D

        xs, ys = zip(*points)
        if self._preview is None:
            # animated: never part of the cached map, blitted over it on every mouse move
            self._preview = Line2D(xs, ys, color=self.colour, linewidth=1.5, linestyle=(0, (4, 3)),
                                   marker="o", markersize=4, zorder=16, animated=True)
            self.canvas.scene.ax.add_line(self._preview)
            self.canvas.transient.append(self._preview)
        self._preview.set_data(xs, ys)
        self.canvas.blit_overlays()

    def _clear_preview(self) -> None:
        if self._preview is not None:
            transient = self.canvas.transient
            if self._preview in transient:
                transient.remove(self._preview)
            self._preview.remove()
            self._preview = None
            self.canvas.blit_overlays()  # the cached map never had it: restoring it is enough

    def _finish_pending(self, keep: bool) -> None:
        """End a line being drawn: add it if asked and it has two distinct points."""
        points = []
        for p in self._pending if self.mode == "line" else []:
            if not points or math.dist(p, points[-1]) > 1e-6:
                points.append(p)
        self._pending = []
        self._clear_preview()
        if keep and len(points) >= 2:
            self._add(model.make("line", points, "", self.colour))
