"""Ctrl+F search: one box for districts, places, layouts, elements and measures.

Results list under the box as you type (Chinese, pinyin initials "bj", full pinyin, English, ids),
a layout's, element's or measure's with its plan's status (set aside as the View's "as of" day says);
Enter takes the highlighted (first) row, a click takes any row. Choosing a result is one change of
the view state (hzmap.model.view.jump says which).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListWidget, QListWidgetItem

from hzmap.model.dataset import search
from hzmap.model.view.jump import jump_for
from hzmap.ui.common.follow import follow
from hzmap.ui.common.i18n import Texts, tr
from hzmap.ui.common.plan_status import DIMMED, dimmed, hidden, status_words

KIND_ZH = {"district": "区县", "place": "地点", "layout": "布局", "element": "布局要素", "measure": "举措"}
NO_RESULTS = "无结果 no results"
MAX_ROWS = 12
HIT_ROLE = Qt.UserRole + 1


class SearchBox(QLineEdit):
    """The search field with its result popup. `choose(hit)` is what a click or Enter does;
    `message(text)` carries what the status bar should say about it."""

    message = Signal(str)
    done = Signal()  # Esc on an empty box: give the focus back to the map

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.state = session.state
        self.texts = Texts(self.state, self)
        self.setObjectName("searchBox")
        self.texts.tr(self.setPlaceholderText, "搜索 区县/地点/要素/举措 (Ctrl+F)")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self.setMaximumWidth(420)
        self.popup = QListWidget(self)   # a child, so it goes with the box
        self.popup.setObjectName("searchResults")
        self.popup.setWindowFlags(Qt.ToolTip | Qt.FramelessWindowHint)
        self.popup.setAttribute(Qt.WA_ShowWithoutActivating)
        self.popup.setFocusPolicy(Qt.NoFocus)
        self.popup.setSelectionMode(QAbstractItemView.SingleSelection)
        self.popup.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.popup.setWordWrap(False)
        self.popup.setStyleSheet("QListWidget { border: 1px solid #888; background: white; }"
                                 "QListWidget::item { padding: 3px 6px; }"
                                 "QListWidget::item:selected { background: #dbe8f7; color: black; }")
        self.popup.itemClicked.connect(self._on_item_clicked)
        self.hits: list = []
        self.textChanged.connect(self._on_text_changed)
        self._hide_timer = QTimer(self, singleShot=True, interval=200)
        self._hide_timer.timeout.connect(self._hide_unless_focused)
        follow(self, session.dataset_changed, self._on_dataset_changed)
        follow(self, self.state.changed, self._on_view_changed)

    @property
    def ds(self):
        return self.session.dataset

    def _on_dataset_changed(self, *_args) -> None:
        """Search the new dataset (a plan saved, a user dataset removed) from now on."""
        self.hits = []
        self.popup.hide()
        if self.text().strip():
            self._on_text_changed(self.text())

    def _on_view_changed(self, _view, fields) -> None:
        """Another "as of" day: the results' statuses are that day's (and some may go)."""
        if fields & {"as_of", "lapsed"} and self.text().strip():
            was_shown = self.popup.isVisible()
            self._on_text_changed(self.text())
            self.popup.setVisible(was_shown)

    # -- results ----------------------------------------------------------------------
    def _on_text_changed(self, text: str) -> None:
        self.popup.clear()
        view = self.state.view
        self.hits = [h for h in (search(self.ds, text, limit=MAX_ROWS) if text.strip() else [])
                     if not hidden(self.ds, h.plan, view)]
        if not text.strip():
            self.popup.hide()
            return
        if not self.hits:
            item = QListWidgetItem(tr(NO_RESULTS))
            item.setFlags(Qt.NoItemFlags)
            self.popup.addItem(item)
        for hit in self.hits:
            detail = hit.detail if len(hit.detail) <= 70 else hit.detail[:69] + "…"
            words = status_words(self.ds, hit.plan, view)      # the plan's status on the View's day
            item = QListWidgetItem(f"［{tr(KIND_ZH.get(hit.kind, hit.kind))}］{hit.label}"
                                   f"{' · ' + words if words else ''}\n      {detail}")
            item.setToolTip(f"{hit.label}\n{hit.detail}" + (f"\n{words}" if words else ""))
            item.setData(HIT_ROLE, hit)
            if dimmed(self.ds, hit.plan, view):
                item.setForeground(DIMMED)
            self.popup.addItem(item)
        if self.hits:
            self.popup.setCurrentRow(0)
        self._show_popup()

    def _show_popup(self) -> None:
        rows = self.popup.count()
        height = sum(self.popup.sizeHintForRow(i) for i in range(min(rows, 8))) + 4
        self.popup.resize(max(self.width(), 480), height)
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        self.popup.raise_()

    def results(self) -> list[str]:
        """The rows as shown (for tests and screenshots)."""
        return [self.popup.item(i).text() for i in range(self.popup.count())]

    # -- choosing ---------------------------------------------------------------------
    def _on_item_clicked(self, item) -> None:
        hit = item.data(HIT_ROLE)
        if hit is not None:
            self.choose(hit)

    def choose(self, hit) -> None:
        state = self.state
        jump = jump_for(self.ds, state.geo, hit, state.layout, city=state.preset_extent("city"))
        state.update(**jump.changes)
        if jump.message:
            self.message.emit(f"{tr('全市性举措 City-wide:')} {hit.label} — {jump.message}")
        else:
            self.message.emit(f"{tr(KIND_ZH.get(hit.kind, ''))}: {hit.label}")
        self.popup.hide()

    def choose_current(self) -> bool:
        item = self.popup.currentItem() if self.popup.isVisible() else None
        if item is None or item.data(HIT_ROLE) is None:
            if self.hits:
                self.choose(self.hits[0])
                return True
            return False
        self.choose(item.data(HIT_ROLE))
        return True

    # -- keys and focus -------------------------------------------------------------------
    def event(self, e) -> bool:
        # Esc clears the typed text (or closes the list) before the window's "clear selection"
        # shortcut sees it; in an empty box it is the window's, as everywhere in it.
        if e.type() == QEvent.ShortcutOverride and e.key() == Qt.Key_Escape \
                and (self.text() or self.popup.isVisible()):
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e) -> None:  # noqa: N802 (Qt name)
        key = e.key()
        if key in (Qt.Key_Return, Qt.Key_Enter):
            self.choose_current()
        elif key == Qt.Key_Escape:
            if self.text():
                self.clear()
            else:
                self.popup.hide()
                self.done.emit()
        elif key in (Qt.Key_Down, Qt.Key_Up) and self.popup.isVisible() and self.hits:
            step = 1 if key == Qt.Key_Down else -1
            row = max(0, min(self.popup.currentRow() + step, self.popup.count() - 1))
            self.popup.setCurrentRow(row)
        else:
            super().keyPressEvent(e)

    def focusInEvent(self, e) -> None:  # noqa: N802 (Qt name)
        super().focusInEvent(e)
        self._hide_timer.stop()

    def focusOutEvent(self, e) -> None:  # noqa: N802 (Qt name)
        super().focusOutEvent(e)
        self._hide_timer.start()   # later, so a click on a result still lands

    def _hide_unless_focused(self) -> None:
        if not self.hasFocus():
            self.popup.hide()

    def focus_search(self) -> None:
        self.setFocus(Qt.ShortcutFocusReason)
        self.selectAll()
        if self.text().strip():
            self._show_popup()
