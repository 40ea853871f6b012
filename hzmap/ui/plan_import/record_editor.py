"""The fields of one draft record as a form: what the planner corrects before accepting it.

The form shows the record's fields as text (hzmap.model.plan_import.fields says which, and
reads them back); `apply()` writes the changed ones into the record, which then counts as
edited. A value that cannot be read is refused with a message naming the field, and the record
is left as it was.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from hzmap.model.plan_import import fields as model
from hzmap.model.plan_import.review import ReviewError
from hzmap.ui.common.i18n import Texts, tr

LABELS = {"title": "标题 Title", "title_en": "英文标题 English title", "short_name": "简称 Short name",
          "short_name_en": "英文简称 English short name", "issuer": "发布单位 Issuer",
          "issued": "发布日期 Issued", "doc_number": "文号 Document number", "period": "期限 Period", "name": "名称 Name", "name_en": "英文名称 English name",
          "theme": "主题 Theme", "kind": "类型 Kind", "literal": "原文表述 Wording",
          "function": "功能 Function", "role_en": "英文说明 English role", "number": "编号 Number",
          "summary": "摘要 Summary", "lead_units": "牵头单位 Lead unit", "units": "责任单位 Units",
          "districts": "区县 Districts", "indicator": "指标 Indicator", "value": "数值 Value",
          "unit": "单位 Unit", "year": "年份 Year", "comparator": "比较 Comparator"}


class RecordEditor(QWidget):
    """`edited()` after apply() changed the record; `failed(message)` when it could not."""

    edited = Signal()
    failed = Signal(str)

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.record = None
        self.inputs: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.texts = Texts(session.state, self, then=self._retranslate_labels)

    @property
    def ds(self):
        """The session's dataset in use: the fields are read and checked against it."""
        return self.session.dataset

    def show_record(self, record) -> None:
        """Fill the form with `record`'s fields (None: an empty form)."""
        self.record = record
        while self.form.rowCount():
            self.form.removeRow(0)
        self.inputs.clear()
        self.labels.clear()
        if record is None:
            return
        for key, kind in model.FIELDS[record.kind]:
            text = model.field_text(record, key, self.ds)
            if kind in ("kind", "comparator"):
                widget = QComboBox()
                widget.addItems(model.choices(kind))
                widget.setCurrentText(text)
            else:
                widget = QLineEdit(text)
                widget.setCursorPosition(0)
                widget.returnPressed.connect(self.apply)
            widget.setObjectName(f"field_{key}")
            label = QLabel(tr(LABELS[key]))
            self.form.addRow(label, widget)
            self.inputs[key], self.labels[key] = widget, label

    def values(self) -> dict[str, str]:
        return {k: w.currentText() if isinstance(w, QComboBox) else w.text()
                for k, w in self.inputs.items()}

    def set_value(self, key: str, text: str) -> None:
        """Type into a field (tests, and the review's shortcuts)."""
        widget = self.inputs[key]
        widget.setCurrentText(text) if isinstance(widget, QComboBox) else widget.setText(text)

    def apply(self) -> bool:
        """Write the changed fields into the record. True when the record changed."""
        if self.record is None:
            return False
        try:
            changed = model.edit_fields(self.record, self.values(), self.ds)
        except ReviewError as exc:
            self.failed.emit(f"{self.record.label}: {exc}")
            return False
        if changed:
            self.edited.emit()
        return changed

    def _retranslate_labels(self) -> None:
        for key, label in self.labels.items():
            label.setText(tr(LABELS[key]))
