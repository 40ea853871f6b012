"""The 导览 Tours dock: build a tour from saved views of the explorer, reorder, rename, present.

Tours live in the session (Session.tours, saved in the project file); the editor changes them
and tells the session (`tours_edited`). The chooser's first entry is the current layout's default
tour, generated from its elements. "演示" asks for a presentation through `present_requested`.
Each step has a caption (shown to the room) and speaker notes (shown only in the presenter view
and on the deck's notes pages); the notes are written in the language the UI is in.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QInputDialog, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from hzmap.model.session.session import Session
from hzmap.model.tours.tour import Tour, TourStep
from hzmap.model.view.viewstate import View
from hzmap.ui.common.i18n import Texts, tr


def current_step(view: View, geo, dataset) -> TourStep:
    """What the explorer shows now, as a tour step."""
    x0, x1, y0, y1 = view.extent
    did = view.district
    layout = dataset.layouts.get(view.layout) if view.layout and dataset is not None else None
    if did is not None:
        title_zh, title_en = geo.districts[did]["name_zh"], geo.districts[did]["name_en"]
    elif layout is not None:
        title_zh, title_en = layout.name, layout.name_en
    else:
        title_zh, title_en = "杭州市", "Hangzhou"
    return TourStep(extent=(float(x0), float(y0), float(x1), float(y1)), layout=view.layout, selection=did,
                    spotlight_districts=[did] if did else [], title_zh=title_zh, title_en=title_en)


class TourEditor(QWidget):
    """Emits `present_requested(tour or None)`: None presents the current layout's default tour."""

    present_requested = Signal(object)

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.state = state = session.state
        self.combo = QComboBox(objectName="tourCombo")
        self.steps = QListWidget(objectName="tourSteps")
        self.steps.setDragDropMode(QListWidget.InternalMove)
        self.steps.model().rowsMoved.connect(self._on_rows_moved)
        self.steps.itemChanged.connect(self._on_item_renamed)
        self.steps.currentRowChanged.connect(self._on_row_changed)
        self.caption = QLineEdit(objectName="stepCaption")
        self.caption.editingFinished.connect(self._on_caption_edited)
        self.notes = QPlainTextEdit(objectName="stepNotes")
        self.notes.setMaximumHeight(110)
        self.notes.textChanged.connect(self._on_notes_edited)
        # Notes change with every key; the session hears of them once typing pauses.
        self._notes_timer = QTimer(self, singleShot=True, interval=400)
        self._notes_timer.timeout.connect(self._tell_session)
        self.buttons = {}
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.combo)
        row = QHBoxLayout()
        for key in ("new", "rename", "add", "up", "down", "delete", "present"):
            self.buttons[key] = QPushButton(objectName=f"tour_{key}")
            row.addWidget(self.buttons[key])
        box.addLayout(row)
        box.addWidget(self.steps, 1)
        box.addWidget(self.caption)
        box.addWidget(self.notes)
        self.buttons["new"].clicked.connect(self.new_tour)
        self.buttons["rename"].clicked.connect(lambda: self.rename_tour())
        self.buttons["add"].clicked.connect(self.add_current_view)
        self.buttons["up"].clicked.connect(lambda: self.move_step(-1))
        self.buttons["down"].clicked.connect(lambda: self.move_step(+1))
        self.buttons["delete"].clicked.connect(self.delete_step)
        self.buttons["present"].clicked.connect(self._present)
        self.combo.currentIndexChanged.connect(lambda _i: self._fill_steps())
        self._editing = False  # our own edit: the session's tours_changed needs no refill
        session.tours_changed.connect(self._on_tours_changed)
        self.texts = Texts(state, self, then=self.retranslate)
        self.retranslate()

    @property
    def ds(self):
        """The session's dataset: steps added name its layouts."""
        return self.session.dataset

    def _on_tours_changed(self) -> None:
        if not self._editing:  # a project was opened or recovered
            self._fill_combo()

    def _tell_session(self) -> None:
        self._editing = True
        try:
            self.session.tours_edited()
        finally:
            self._editing = False

    @property
    def tours(self) -> list[Tour]:
        return self.session.tours

    def retranslate(self) -> None:
        for key, text, tip in (("new", "新建", "新建导览 New tour"), ("rename", "改名", "重命名导览 Rename tour"),
                               ("add", "+视图", "添加当前视图为一步 Add the current view as a step"),
                               ("up", "↑", "上移 Move up"), ("down", "↓", "下移 Move down"),
                               ("delete", "删除", "删除此步 Delete step"), ("present", "演示", "演示此导览 (F5) Present")):
            self.buttons[key].setText(tr(text))
            self.buttons[key].setToolTip(tr(tip))
        self.caption.setPlaceholderText(tr("此步的说明文字 Caption of this step"))
        self.notes.setPlaceholderText(tr("演讲者备注：只在演讲者视图中显示 Speaker notes: shown only in the presenter view"))
        self._fill_combo()

    # -- model ------------------------------------------------------------------------------
    @property
    def tour(self) -> Tour | None:
        i = self.combo.currentIndex() - 1
        return self.tours[i] if 0 <= i < len(self.tours) else None

    def new_tour(self, name: str | None = None) -> Tour:
        if not name:
            name = f"{tr('导览')} {len(self.tours) + 1}"
        tour = Tour(name=name, layout=self.state.layout)
        self.tours.append(tour)
        self._edited(select=len(self.tours))
        return tour

    def add_current_view(self) -> TourStep:
        tour = self.tour or self.new_tour()
        step = current_step(self.state.view, self.state.geo, self.ds)
        tour.steps.append(step)
        self._edited()
        self._fill_steps(select=len(tour.steps) - 1)
        return step

    def move_step(self, delta: int) -> None:
        tour, row = self.tour, self.steps.currentRow()
        if tour is None or not 0 <= row + delta < len(tour.steps) or row < 0:
            return
        tour.steps.insert(row + delta, tour.steps.pop(row))
        self._edited()
        self._fill_steps(select=row + delta)

    def delete_step(self) -> None:
        tour, row = self.tour, self.steps.currentRow()
        if tour is not None and 0 <= row < len(tour.steps):
            del tour.steps[row]
            self._edited()
            self._fill_steps(select=min(row, len(tour.steps) - 1))

    def rename_tour(self, name: str | None = None) -> None:
        tour = self.tour
        if tour is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, tr("重命名导览 Rename tour"), tr("名称 Name"), text=tour.name)
            if not ok:
                return
        tour.name = name
        self._edited(select=self.combo.currentIndex())

    def _edited(self, select: int | None = None) -> None:
        """Tell the session (unsaved changes, the project file); keep the chooser's choice."""
        keep = self.combo.currentIndex() if select is None else select
        self._tell_session()
        self._fill_combo(select=keep)

    # -- widgets ------------------------------------------------------------------------------
    def _fill_combo(self, select: int | None = None) -> None:
        keep = self.combo.currentIndex() if select is None else select
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(tr("默认导览（当前布局的要素）Default tour"))
        for tour in self.tours:
            self.combo.addItem(tour.name)
        self.combo.setCurrentIndex(max(0, min(keep, self.combo.count() - 1)))
        self.combo.blockSignals(False)
        self._fill_steps()

    def _fill_steps(self, select: int | None = None) -> None:
        tour = self.tour
        self.steps.blockSignals(True)
        self.steps.clear()
        for step in tour.steps if tour else []:
            item = QListWidgetItem(step.title_zh or step.title_en)
            item.setFlags(item.flags() | Qt.ItemIsEditable)
            self.steps.addItem(item)
        self.steps.blockSignals(False)
        for key in ("rename", "up", "down", "delete"):
            self.buttons[key].setEnabled(tour is not None)
        if select is not None and select >= 0:
            self.steps.setCurrentRow(select)
        self._on_row_changed(self.steps.currentRow())

    def _on_rows_moved(self, _parent, start, _end, _dest, row) -> None:
        tour = self.tour
        if tour is not None:
            tour.steps.insert(row - 1 if row > start else row, tour.steps.pop(start))
            self._tell_session()

    def _on_item_renamed(self, item) -> None:
        tour = self.tour
        if tour is not None:
            step = tour.steps[self.steps.row(item)]
            step.title_zh = step.title_en = item.text()
            self._tell_session()

    def _on_row_changed(self, row: int) -> None:
        if self._notes_timer.isActive():  # notes typed for the step left behind
            self._notes_timer.stop()
            self._tell_session()
        step = self._step(row)
        self.caption.setEnabled(step is not None)
        self.caption.setText(step.caption_zh if step else "")
        self.notes.setEnabled(step is not None)
        self.notes.blockSignals(True)
        self.notes.setPlainText(step.notes(self.state.lang) if step else "")
        self.notes.blockSignals(False)

    def _step(self, row: int) -> TourStep | None:
        tour = self.tour
        return tour.steps[row] if tour is not None and 0 <= row < len(tour.steps) else None

    def _on_notes_edited(self) -> None:
        step = self._step(self.steps.currentRow())
        if step is None:
            return
        field = "notes_en" if self.state.lang == "en" else "notes_zh"
        setattr(step, field, self.notes.toPlainText())
        self._notes_timer.start()

    def _on_caption_edited(self) -> None:
        tour, row = self.tour, self.steps.currentRow()
        if tour is not None and 0 <= row < len(tour.steps) and tour.steps[row].caption_zh != self.caption.text():
            tour.steps[row].caption_zh = tour.steps[row].caption_en = self.caption.text()
            self._tell_session()

    def _present(self) -> None:
        self.present_requested.emit(self.chosen_tour())

    def chosen_tour(self) -> Tour | None:
        """The tour picked in the dock (None: the current layout's default tour)."""
        tour = self.tour
        return tour if tour is not None and tour.steps else None
