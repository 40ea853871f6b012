"""The source documents in full, with every dataset item highlighted at its passage.

A contents tree beside the plan's clean text (hzmap.model.documents, on screen through
hzmap.ui.panels.document_text). Every excerpt the dataset quotes is highlighted; clicking one
selects its item through the view state (an element shows its layout and selects it; a place
shows a layout that draws it; a measure or target selects its first district). `open_at` is the
way back from the map: it scrolls to a passage and flashes it. Search runs in one document or
all, in Chinese or pinyin; "copy with citation" puts the selected passage (or the paragraph) on
the clipboard with its GB/T 7714 citation. The widget takes what it shows in __init__ and talks
to the rest of the app only through the state.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QSplitter, QToolTip, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from hzmap.model.dataset.status_text import period_text
from hzmap.model.documents import KINDS, Anchor
from hzmap.model.view.viewstate import Selection
from hzmap.ui.common.follow import follow
from hzmap.ui.common.i18n import Texts, tr, tr_data
from hzmap.ui.common.plan_status import status_words
from hzmap.ui.panels.document_text import DocumentText

TITLE = "原文 Source text"
SEARCH_HINT = "在原文中搜索（中文、拼音或首字母） Search the text (Chinese or pinyin)"
SCOPES = (("one", "本文 This document"), ("all", "全部文件 All documents"))
COPY = "复制并注明出处 Copy with citation"
COPIED = "已复制 Copied with citation"
MATCHES = "处匹配 matches"
NO_RESULTS = "无结果 no results"
LOST = "原文缺失此标题 heading lost in the source text"
CLICK_HINT = "点击在地图上选择 Click to select it on the map"
KIND_NAMES = {"place": "地点 place", "layout": "布局 layout", "element": "布局要素 element",
              "measure": "举措 measure", "target": "目标 target"}
COLOURS = {"anchor": "#fff1a8", "selected": "#ffc864", "hit": "#b9e0ff", "flash": "#ff8c42"}
FLASH_MS, FLASH_BLINKS = 220, 6
OFFSET = Qt.UserRole + 1


class DocumentReader(QWidget):
    item_clicked = Signal(str, str)   # (kind, id) of the highlight clicked
    copied = Signal(str)              # what "copy with citation" put on the clipboard

    def __init__(self, documents, dataset, state, parent=None) -> None:
        super().__init__(parent)
        self.docs, self.ds, self.state = documents, dataset, state
        self.doc_id: str | None = None
        self._hits: list = []
        self._flash: tuple[int, int] | None = None
        self._blinks = 0
        self._build()
        self.texts = Texts(state, self, then=self.retranslate)
        self.retranslate()
        follow(self, state.changed, self._on_view_changed)
        self.open_document(next(iter(documents)).plan_id)

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.doc_combo = QComboBox()
        for d in self.docs:
            self.doc_combo.addItem("", d.plan_id)
        self.doc_combo.currentIndexChanged.connect(
            lambda i: self.open_document(self.doc_combo.itemData(i)))
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.returnPressed.connect(self.run_search)
        self._debounce = QTimer(self, singleShot=True, interval=250, timeout=self.run_search)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.scope = QComboBox()
        for key, _ in SCOPES:
            self.scope.addItem("", key)
        self.scope.currentIndexChanged.connect(lambda _i: self.run_search())
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_with_citation)
        bar = QHBoxLayout()
        for w, stretch in ((self.doc_combo, 2), (self.search_edit, 3), (self.scope, 0), (self.copy_button, 0)):
            bar.addWidget(w, stretch)

        self.contents = QTreeWidget()
        self.contents.setHeaderHidden(True)
        self.contents.itemClicked.connect(self._on_contents_clicked)
        self.results = QListWidget()
        self.results.itemClicked.connect(
            lambda item: self.open_at(item.data(OFFSET)))
        left = QSplitter(Qt.Vertical)
        left.addWidget(self.contents)
        left.addWidget(self.results)
        self.results.hide()

        self.text = DocumentText()
        self.text.viewport().installEventFilter(self)  # a click on an excerpt, its tooltip
        self._flash_timer = QTimer(self, interval=FLASH_MS, timeout=self._blink)

        split = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(self.text)
        split.setStretchFactor(1, 3)
        self.status = QLabel()
        self.status.setObjectName("caption_status")   # set by the widget, not a UI string
        self.plan_status = QLabel()
        self.plan_status.setObjectName("caption_plan_status")   # data, not a UI string
        self.plan_status.setStyleSheet("color: #555;")
        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addWidget(self.plan_status)
        box.addWidget(split, 1)
        box.addWidget(self.status)

    def retranslate(self) -> None:
        self.setWindowTitle(tr(TITLE))
        for i, d in enumerate(self.docs):
            self.doc_combo.setItemText(i, tr_data(d.plan.short_name, d.plan.short_name_en))
        for i, (_key, label) in enumerate(SCOPES):
            self.scope.setItemText(i, tr(label))
        self.search_edit.setPlaceholderText(tr(SEARCH_HINT))
        self.copy_button.setText(tr(COPY))
        if self.doc_id is not None:
            self._fill_contents()
            self._show_results()
            self._show_plan_status()

    # -- one document -----------------------------------------------------------------------
    def open_document(self, doc_id: str) -> None:
        if doc_id == self.doc_id or doc_id not in self.docs.docs:
            return
        self.doc_id = doc = doc_id
        self.text.show_document(self.docs[doc])
        i = self.doc_combo.findData(doc)
        if i != self.doc_combo.currentIndex():
            self.doc_combo.blockSignals(True)
            self.doc_combo.setCurrentIndex(i)
            self.doc_combo.blockSignals(False)
        self._flash = None
        self._fill_contents()
        self._show_plan_status()
        self._refresh()

    def _show_plan_status(self) -> None:
        """The plan's title, period and status on the View's day, above its text."""
        plan = self.docs[self.doc_id].plan
        view = self.state.view
        period = period_text(plan, view.lang) if plan.id in self.ds.plans else ""
        words = status_words(self.ds, plan.id, view)
        self.plan_status.setText(" · ".join(x for x in (tr_data(plan.title, plan.title_en), period, words) if x))

    def _fill_contents(self) -> None:
        d = self.docs[self.doc_id]
        self.contents.clear()
        top = QTreeWidgetItem([tr_data(d.plan.title, d.plan.title_en)])
        top.setData(0, OFFSET, (self.doc_id, 0))
        self.contents.addTopLevelItem(top)

        def add(parent, h):
            item = QTreeWidgetItem([h.label])
            item.setData(0, OFFSET, (self.doc_id, h.start, h.end) if h.end > h.start else (self.doc_id, h.start))
            if h.lost:
                item.setForeground(0, QBrush(QColor("#888888")))
                item.setToolTip(0, tr(LOST))
            parent.addChild(item)
            for c in h.children:
                add(item, c)
        for h in d.contents:
            add(top, h)
        top.setExpanded(True)

    def _on_contents_clicked(self, item, _col=0) -> None:
        self.open_at(item.data(0, OFFSET))

    # -- highlights -------------------------------------------------------------------------
    def _selected_key(self):
        sel = self.state.selection
        return (sel.kind, sel.id) if sel is not None and sel.kind in KINDS else None

    def highlights(self) -> list[tuple[int, int, str]]:
        """(start, end, what) of every highlight shown: 'anchor', 'selected', 'hit', 'flash'."""
        chosen = self._selected_key()
        out = [(a.start, a.end, "selected" if a.key == chosen else "anchor")
               for a in self.docs.anchors_in(self.doc_id)]
        out += [(m.start, m.end, "hit") for m in self._hits if m.doc == self.doc_id]
        if self._flash is not None and self._blinks % 2 == 0:
            out.append((*self._flash, "flash"))
        return out

    def _refresh(self) -> None:
        self.text.highlight((start, end, COLOURS[what]) for start, end, what in self.highlights())

    def _on_view_changed(self, _view, fields) -> None:
        if "selection" in fields:
            self._refresh()
        if fields & {"as_of", "lapsed"} and self.doc_id is not None:
            self._show_plan_status()

    # -- from the map to the text ---------------------------------------------------------------
    def open_at(self, target) -> bool:
        """Scroll to a passage and flash it. `target`: an Anchor; (kind, id) of a dataset item
        or a Selection (its first excerpt); a source dict {doc, excerpt, section} as the
        inspector has it; or (doc, offset[, end]) (the paragraph at offset when no end)."""
        span = self._span(target)
        if span is None:
            return False
        doc, start, end = span
        self.open_document(doc)
        self.text.scroll_to(start)
        self._flash, self._blinks = (start, end), 0
        self._flash_timer.start()
        self._refresh()
        return True

    def _span(self, target) -> tuple[str, int, int] | None:
        if isinstance(target, Anchor):
            return target.doc, target.start, target.end
        if isinstance(target, Selection):
            target = (target.kind, target.id)
        if isinstance(target, dict) and "doc" in target and "excerpt" in target:
            d = self.docs.docs.get(target["doc"])
            span = d.locate(target["excerpt"], target.get("section", "")) if d else None
            return (target["doc"], *span) if span else None
        if isinstance(target, (tuple, list)) and target and target[0] in KINDS:
            anchors = self.docs.anchors_of(target[0], target[1])
            return self._span(anchors[0]) if anchors else None
        if isinstance(target, (tuple, list)) and target and target[0] in self.docs.docs:
            doc, start = target[0], int(target[1])
            if len(target) > 2:
                return doc, start, int(target[2])
            p = self.docs[doc].paragraph_at(start)
            return doc, p.start, p.end
        return None

    def _blink(self) -> None:
        self._blinks += 1
        if self._blinks >= FLASH_BLINKS:
            self._flash_timer.stop()
            self._flash = None
        self._refresh()

    # -- from the text to the map ---------------------------------------------------------------
    def offset_at(self, point: QPoint) -> int:
        """The document offset of the character under `point` (viewport coordinates)."""
        return self.text.offset_at(point)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.text.viewport():
            if event.type() == QEvent.MouseButtonRelease and event.button() == Qt.LeftButton \
                    and not self.text.textCursor().hasSelection():
                self.activate_at(self.offset_at(event.position().toPoint()))
            elif event.type() == QEvent.ToolTip:
                anchors = self.docs.anchors_at(self.doc_id, self.offset_at(event.pos()))
                if anchors:
                    lines = [f"{tr(KIND_NAMES[a.kind])}: {a.name}" for a in anchors]
                    QToolTip.showText(event.globalPos(), "\n".join(lines + [tr(CLICK_HINT)]), self.text)
                else:
                    QToolTip.hideText()
                return True
        return super().eventFilter(obj, event)

    def activate_at(self, offset: int) -> bool:
        anchors = self.docs.anchors_at(self.doc_id, offset)
        if not anchors:
            return False
        self.activate(anchors[0])
        return True

    def activate(self, anchor: Anchor) -> None:
        """Select the anchor's item through the state (and say which, for the inspector)."""
        kind, iid = anchor.kind, anchor.id
        self.item_clicked.emit(kind, iid)
        if kind == "element":
            lay, el = iid.split("/", 1)
            self.state.update(layout=lay, selection=Selection.element(lay, el))
        elif kind == "place":
            self._select_place(iid)
        elif kind == "layout":
            self.state.update(layout=iid)
        else:
            rec = (self.ds.measures if kind == "measure" else self.ds.targets)[iid]
            if rec.districts:
                self.state.select_district(rec.districts[0])
            elif rec.places:
                self._select_place(rec.places[0])

    def _select_place(self, pid: str) -> None:
        """A place is selected on a layout that draws it: the current one if it does."""
        drawers = [lay.id for lay, el in self.ds.elements()
                   if pid in el.places or any(pid in self.ds.places[p].parts for p in el.places)]
        layout = self.state.layout if self.state.layout in drawers or not drawers else drawers[0]
        self.state.update(layout=layout, selection=Selection.place(pid))

    # -- search and copy ------------------------------------------------------------------------
    def run_search(self) -> list:
        self._debounce.stop()
        query = self.search_edit.text()
        one = self.scope.currentData() == "one"
        self._hits = self.docs.search(query, doc=self.doc_id if one else None) if query.strip() else []
        self._show_results()
        self._refresh()
        return self._hits

    def _show_results(self) -> None:
        self.results.clear()
        query = self.search_edit.text().strip()
        self.results.setVisible(bool(query))
        for m in self._hits:
            d = self.docs[m.doc]
            item = QListWidgetItem(f"{tr_data(d.plan.short_name, d.plan.short_name_en)} §{m.section}  {m.snippet}")
            item.setData(OFFSET, (m.doc, m.start, m.end))
            self.results.addItem(item)
        if query:
            self.status.setText(f"{len(self._hits)} {tr(MATCHES)}" if self._hits else tr(NO_RESULTS))

    def copy_with_citation(self) -> str:
        """The selected passage (else the paragraph at the cursor) in quotes, then its citation."""
        d = self.docs[self.doc_id]
        cur = self.text.textCursor()
        if cur.hasSelection():
            start, end = self.text.offset_of(cur.selectionStart()), self.text.offset_of(cur.selectionEnd())
        else:
            at = self._flash[0] if self._flash else self.text.offset_of(cur.position())
            p = d.paragraph_at(at)
            start, end = p.start, p.end
        text = f"“{d.text[start:end].strip()}”\n{self.docs.cite(self.doc_id, start)}"
        QGuiApplication.clipboard().setText(text)
        self.status.setText(tr(COPIED))
        self.copied.emit(text)
        return text

