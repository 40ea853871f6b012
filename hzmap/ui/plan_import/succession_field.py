"""The imported plan's place in a succession: the plan it continues (十四五 → 十五五 of the same
office, a three-year action plan → its successor) or supersedes, asked for in the review.

The plans of the session's dataset are listed, those whose title is the imported plan's but for
its period or draft mark first and marked 建议 (hzmap.model.dataset.succession); the best one is
chosen when the plan record names none, and the record is flagged until the planner decides.
`apply()` writes `continues` / `supersedes` into the plan record, which then counts as edited.
"""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from hzmap.model.dataset.succession import likely_predecessors
from hzmap.ui.common.i18n import Texts, tr, tr_data

RELATIONS = (("continues", "接续 Continues (carries it on)"), ("supersedes", "取代 Supersedes (replaces it)"))
NONE = "（无 None）"
SUGGESTED = "建议 suggested"
ASK = "是否接续或取代已有规划？建议：{name}（{relation}）。请在下方确认 Does it follow a plan? Confirm below"


class SuccessionField(QWidget):
    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("succession")
        self.session = session
        self.record = None
        self.plan = QComboBox(objectName="succession_plan")
        self.relation = QComboBox(objectName="succession_relation")
        for key, _ in RELATIONS:
            self.relation.addItem("", key)
        self.plan_label, self.relation_label = QLabel(), QLabel()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.plan_label, self.plan)
        form.addRow(self.relation_label, self.relation)
        self.texts = Texts(session.state, self, then=self._retranslate)
        self._retranslate()
        self.hide()

    def show_record(self, record) -> None:
        """Show the plan record's predecessor (a suggestion when it names none); hidden for
        other records."""
        self.record = record if record is not None and record.kind == "plan" else None
        self.setVisible(self.record is not None)
        if self.record is None:
            return
        data = self.record.data
        ds = self.session.dataset
        suggestions = likely_predecessors(ds, data) if ds is not None else []
        named = [(p, rel) for rel in ("continues", "supersedes") for p in data.get(rel) or ()]
        chosen = named[0] if named else ((suggestions[0].plan, suggestions[0].relation)
                                         if suggestions else (None, "continues"))
        suggested = {s.plan for s in suggestions}
        self.plan.blockSignals(True)
        self.plan.clear()
        self.plan.addItem(tr(NONE), None)
        others = [p for p in (ds.plans.values() if ds is not None else ()) if p.id != data.get("id")]
        for p in sorted(others, key=lambda p: (p.id not in suggested, p.id)):
            mark = f" — {tr(SUGGESTED)}" if p.id in suggested else ""
            self.plan.addItem(f"{tr_data(p.short_name, p.short_name_en)}（{p.id}）{mark}", p.id)
        self.plan.setCurrentIndex(max(0, self.plan.findData(chosen[0])))
        self.plan.blockSignals(False)
        self.relation.setCurrentIndex(max(0, self.relation.findData(chosen[1])))
        flag = self._flag()
        if suggestions and not named and flag not in self.record.flags:
            self.record.flags.append(flag.format(
                name=ds.plans[suggestions[0].plan].short_name,
                relation=tr(dict(RELATIONS)[suggestions[0].relation]).split(" (")[0]))

    @staticmethod
    def _flag() -> str:
        return tr(ASK)

    def chosen(self) -> tuple[str | None, str]:
        return self.plan.currentData(), self.relation.currentData()

    def apply(self) -> bool:
        """Write the choice into the plan record. True when the record changed."""
        if self.record is None:
            return False
        plan, relation = self.chosen()
        want = {"continues": [plan] if plan and relation == "continues" else [],
                "supersedes": [plan] if plan and relation == "supersedes" else []}
        have = {k: list(self.record.data.get(k) or []) for k in want}
        decided = [f for f in self.record.flags if not f.startswith(tr(ASK).split("{")[0])]
        if want == have:
            self.record.flags[:] = decided
            return False
        self.record.edit(**{k: v for k, v in want.items()})
        self.record.flags[:] = decided
        return True

    def _retranslate(self) -> None:
        self.plan_label.setText(tr("接续或取代 Follows"))
        self.relation_label.setText(tr("关系 Relation"))
        for i, (_key, text) in enumerate(RELATIONS):
            self.relation.setItemText(i, tr(text))
        if self.record is not None:
            self.show_record(self.record)
