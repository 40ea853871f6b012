"""The review of an imported plan: the draft on one side, the document on the other.

The left side lists the draft (the plan record, each layout with its elements, the measures,
the targets), with what the planner should check marked ！ and listed under the list. Each
record can be accepted, edited (its fields, an element's districts and geometry, and the plan
it continues or supersedes) or rejected; "accept all unflagged" takes every pending record with nothing to check. The right
side shows the document with every excerpt highlighted; selecting a record scrolls to its
passage, and clicking an excerpt selects its record. Nothing is written here: Save asks the
import (hzmap.ui.plan_import.import_action) to write and validate the accepted records.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QScrollArea, QSplitter,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from hzmap.model.plan_import import ACCEPTED, EDITED, PENDING, REJECTED, review
from hzmap.ui.plan_import.draft_text import DraftText
from hzmap.ui.plan_import.element_geometry import ElementGeometry
from hzmap.ui.common.i18n import Texts, tr
from hzmap.ui.plan_import.record_editor import RecordEditor
from hzmap.ui.plan_import.succession_field import SuccessionField
from hzmap.ui.common.settings import interactive
from hzmap.ui.common import messages

STATUS = {PENDING: "待定 pending", ACCEPTED: "已接受 accepted", EDITED: "已修改 edited",
          REJECTED: "已拒绝 rejected"}
STATUS_COLOUR = {PENDING: "#444444", ACCEPTED: "#1E8449", EDITED: "#1F4E9E", REJECTED: "#999999"}
KIND_LABEL = {"plan": "规划", "layout": "布局", "element": "要素", "measure": "举措", "target": "目标"}
FLAG = "！"
NEEDS_PLACE = "待定位 needs a place"
#: the plan record's fields the header shows as found, for the planner to check and correct
FOUND = (("issuer", "发布单位 Issuer"), ("doc_number", "文号 Document number"),
         ("issued", "发布日期 Issued"), ("period", "期限 Period"))
REC_ROLE = Qt.UserRole


class DraftReview(QWidget):
    """`save_requested()` when the planner asks to save; `message(text)` for the status bar."""

    save_requested = Signal()
    message = Signal(str)
    closed = Signal()

    def __init__(self, draft, source_name: str, session, canvas, parent=None) -> None:
        super().__init__(parent, Qt.Window)
        self.setObjectName("draftReview")
        self.draft, self.source_name = draft, source_name
        self.records = list(draft.records())
        self.header = QLabel(wordWrap=True, objectName="reviewHeader")
        self.tree = QTreeWidget(objectName="draftRecords")
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda item, _old: self._show(self.record_of(item)))
        self.buttons = {key: QPushButton(objectName=f"review_{key}")
                        for key in ("accept", "edit", "reject", "unflagged", "save", "close")}
        for key, slot in (("accept", self.accept_current), ("edit", self.apply_edits),
                          ("reject", self.reject_current), ("unflagged", self.accept_unflagged),
                          ("save", self.request_save), ("close", self.close)):
            self.buttons[key].clicked.connect(lambda _c=False, s=slot: s())
        self.flags = QLabel(wordWrap=True, objectName="reviewFlags")
        self.flags.setStyleSheet("color: #B35400;")
        self.editor = RecordEditor(session)
        self.editor.failed.connect(self.message.emit)
        self.editor.edited.connect(self._refresh)
        self.succession = SuccessionField(session)   # the plan record: which plan it follows
        self.geometry = ElementGeometry(canvas, session)
        self.geometry.failed.connect(self.message.emit)
        self.geometry.changed.connect(self._on_geometry_changed)
        self.text = DraftText()
        self.text.set_document(draft.document.written, [(p.start, p.end) for r in self.records for p in r.passages])
        self.text.passage_clicked.connect(self._on_passage_clicked)
        self.summary = QLabel(objectName="reviewSummary")
        self._finished = False
        self._layout()
        self._fill_tree()
        self.texts = Texts(session.state, self, then=self.retranslate)
        self.retranslate()
        self.resize(1180, 860)

    def _layout(self) -> None:
        row = QHBoxLayout()
        for key in ("accept", "edit", "reject", "unflagged"):
            row.addWidget(self.buttons[key])
        details = QWidget()
        box = QVBoxLayout(details)
        for w in (self.flags, self.editor, self.succession, self.geometry):
            box.addWidget(w)
        box.addStretch(1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(details)
        left = QSplitter(Qt.Vertical)
        left.addWidget(self.tree)
        left.addWidget(scroll)
        left.setSizes([330, 470])
        side = QWidget()
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 0, 0, 0)
        side_box.addLayout(row)
        side_box.addWidget(left, 1)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(side)
        split.addWidget(self.text)
        split.setSizes([620, 560])
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.buttons["save"])
        bottom.addWidget(self.buttons["close"])
        outer = QVBoxLayout(self)
        outer.addWidget(self.header)
        outer.addWidget(split, 1)
        outer.addLayout(bottom)

    # -- the list of records ---------------------------------------------------------------------
    def _fill_tree(self) -> None:
        self.tree.clear()
        self._items: list[QTreeWidgetItem] = []
        d = self.draft
        self._add(self.tree, d.plan)
        for lay in d.layouts:
            parent = self._add(self.tree, lay)
            for el in lay.children:
                self._add(parent, el)
        self.groups = {}
        for key, recs in (("measures", d.measures), ("targets", d.targets)):
            if recs:
                group = QTreeWidgetItem(self.tree, [""])
                self.groups[key] = group
                for rec in recs:
                    self._add(group, rec)
        self.tree.expandAll()
        self.tree.setCurrentItem(self._items[0])

    def _add(self, parent, rec) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, ["", ""])
        item.setData(0, REC_ROLE, self.records.index(rec))
        self._items.append(item)
        return item

    def record_of(self, item):
        index = item.data(0, REC_ROLE) if item is not None else None
        return self.records[index] if index is not None else None

    def item_of(self, rec) -> QTreeWidgetItem:
        return self._items[[self.record_of(i) for i in self._items].index(rec)]

    def current(self):
        return self.record_of(self.tree.currentItem())

    def select(self, rec) -> None:
        self.tree.setCurrentItem(self.item_of(rec))

    def _refresh(self) -> None:
        """Status, flags and the save summary as they stand."""
        for item in self._items:
            rec = self.record_of(item)
            mark = FLAG if rec.flags and rec.status == PENDING else ""   # looked at once decided
            place = f" — {tr(NEEDS_PLACE)}" if rec.kind == "element" and rec.needs_place else ""
            item.setText(0, f"{mark}{tr(KIND_LABEL[rec.kind])} · {rec.label}{place}")
            item.setText(1, tr(STATUS[rec.status]))
            item.setForeground(1, QBrush(QColor(STATUS_COLOUR[rec.status])))
            item.setToolTip(0, "\n".join([*rec.flags, *rec.notes]))
            font = item.font(0)
            font.setStrikeOut(rec.status == REJECTED)
            item.setFont(0, font)
        for key, text in (("measures", "举措 Measures"), ("targets", "目标 Targets")):
            if key in self.groups:
                self.groups[key].setText(0, f"{tr(text)} ({len(getattr(self.draft, key))})")
        self._show_header()
        n = review.to_save(self.draft)
        self.summary.setText(tr("保存时写入：{layouts} 个布局（{elements} 个要素）、{measures} 项举措、{targets} 个目标").format(**n))
        self._show_flags(self.current())

    # -- one record ------------------------------------------------------------------------------
    def _show(self, rec) -> None:
        if rec is None:
            return
        self.editor.show_record(rec)
        self.succession.show_record(rec)
        self.geometry.setVisible(rec.kind == "element")
        self.geometry.show_record(rec)
        self.buttons["reject"].setEnabled(rec.kind != "plan")   # the plan record is always saved
        self._show_flags(rec)
        if rec.passages:
            self.text.show_passage(rec.passages[0].start, rec.passages[0].end)

    def _show_flags(self, rec) -> None:
        if rec is None:
            return
        lines = [html.escape(f"{FLAG}{f}") for f in [*rec.flags, *rec.problems()]]
        if not lines:
            lines = [html.escape(tr("无需核对 Nothing to check"))]
        # notes need no decision: shown apart, in grey
        lines += [f"<span style='color:#666666'>{html.escape(n)}</span>" for n in rec.notes]
        self.flags.setText("<br>".join(lines))

    def accept_current(self) -> None:
        """Accept the selected record (with the form's changes, if any)."""
        rec = self.current()
        if rec is None:
            return
        edited = self.editor.apply()
        edited = self.succession.apply() or edited
        if not edited and rec.status != EDITED:
            rec.accept()
        self._refresh()

    def apply_edits(self) -> None:
        self.editor.apply()
        self.succession.apply()
        self._refresh()

    def reject_current(self) -> None:
        rec = self.current()
        if rec is not None and rec.kind != "plan":
            rec.reject()
            self._refresh()

    def accept_unflagged(self) -> int:
        n = review.accept_unflagged(self.draft)
        self._refresh()
        self.message.emit(tr("已接受 {n} 条无需核对的记录").format(n=n))
        return n

    def request_save(self) -> None:
        """Save: what is typed in the form counts, then the import writes and validates."""
        self.apply_edits()
        self.save_requested.emit()

    def _on_geometry_changed(self) -> None:
        self._refresh()

    def _on_passage_clicked(self, start: int) -> None:
        for rec in self.records:
            if any(p.start == start for p in rec.passages):
                if rec is not self.current():
                    self.select(rec)
                return

    # -- language and closing ----------------------------------------------------------------------
    def _show_header(self) -> None:
        """The title, issuer, 文号, date and period found (the plan record: select it to correct
        them), and the notes about the whole document."""
        plan = self.draft.plan.data
        found = "  ·  ".join(f"{tr(label)}: {html.escape(str(plan.get(key) or '—'))}"
                             for key, label in FOUND)
        notes = "".join(f"<br>{html.escape(n)}" for n in self.draft.notes)
        self.header.setText(f"<b>{html.escape(self.draft.plan.label)}</b>  "
                            f"({html.escape(self.source_name)})<br>{found}{notes}")

    def retranslate(self) -> None:
        self.setWindowTitle(tr("审阅导入的规划 Review the imported plan") + f" — {self.source_name}")
        for key, text in (("accept", "接受 Accept"), ("edit", "应用修改 Apply edits"),
                          ("reject", "拒绝 Reject"), ("unflagged", "接受全部无需核对的 Accept all unflagged"),
                          ("save", "保存为我的数据 Save to my datasets"), ("close", "关闭 Close")):
            self.buttons[key].setText(tr(text))
        self._refresh()

    def finish(self) -> None:
        """The draft was saved: close without asking."""
        self._finished = True
        self.close()

    def ask_discard(self) -> bool:
        """Closing with decisions not saved: True to discard them (tests replace this)."""
        if not interactive():
            return True
        answer = messages.question(self, tr("放弃审阅 Discard the review"),
                                      tr("已接受、修改或拒绝的记录尚未保存。放弃吗？"),
                                      QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Cancel)
        return answer == QMessageBox.Discard

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        decided = any(r.status != PENDING for r in self.records)
        if decided and not self._finished and not self.ask_discard():
            event.ignore()
            return
        self.geometry.close_pick()
        self.closed.emit()
        super().closeEvent(event)
