"""Filters by plan, sector tag and responsible unit; the map dims what has nothing matching."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout

from hzmap.model.view.filters import facets, matching
from hzmap.model.view.viewstate import Filters
from hzmap.ui.common.follow import follow
from hzmap.ui.common.i18n import Texts, tr, tr_data
from hzmap.ui.common.layout_combo import show_data

ANY = "（全部）"


class FilterBar(QGroupBox):
    """The facets of the session's dataset (again when a new one arrives) as three choices."""

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.state = state = session.state
        # the summary is built from data: again in the new language
        self.texts = Texts(state, self, then=lambda: self._on_filters_changed(self.state.filters))
        self.texts.tr(self.setTitle, "筛选 Filters")
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        labels = {"plan": "规划 Plan", "sector": "领域 Sector", "unit": "责任单位 Unit"}
        for key in ("plan", "sector", "unit"):
            combo = QComboBox()
            combo.setObjectName(f"filter_{key}")
            combo.addItem("", None)
            self.texts.tr(lambda text, c=combo: c.setItemText(0, text), ANY)
            combo.setMinimumContentsLength(10)
            # long unit names must not widen the dock: the popup still shows them in full
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(self._on_changed)
            label = QLabel()
            self.texts.tr(label.setText, labels[key])
            form.addRow(label, combo)
            self.combos[key] = combo
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #555;")
        clear = QPushButton()
        self.texts.tr(clear.setText, "清除筛选 Clear")
        clear.clicked.connect(self.clear)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.summary)
        box.addWidget(clear)
        self._fill()
        follow(self, state.changed, self._on_view_changed)
        follow(self, session.dataset_changed, self._on_dataset_changed)

    @property
    def ds(self):
        return self.session.dataset

    def _on_view_changed(self, view, fields) -> None:
        if "filters" in fields:
            self._on_filters_changed(view.filters)

    def _on_dataset_changed(self, *_args) -> None:
        """Offer the new dataset's plans, sectors and units (a plan saved, one removed)."""
        self._fill()
        self._on_filters_changed(self.state.filters)

    def _fill(self) -> None:
        values = facets(self.ds)
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for v in values[key]:
                combo.addItem(self.ds.plans[v].short_name if key == "plan" else v, v)
            combo.setCurrentIndex(max(0, combo.findData(getattr(self.state.filters, key))))
            combo.blockSignals(False)

    def _on_changed(self, _index: int) -> None:
        self.state.update(filters=Filters(**{k: c.currentData() for k, c in self.combos.items()}))

    def clear(self) -> None:
        self.state.update(filters=Filters())

    def _on_filters_changed(self, filters: Filters) -> None:
        for key, combo in self.combos.items():
            show_data(combo, getattr(filters, key))
        if not filters.active():
            self.summary.setText("")
            return
        districts, places = matching(self.ds, filters)
        names = tr_data("、", ", ").join(tr_data(self.ds.districts[d].short_name, self.ds.districts[d].name_en)
                                          for d in self.ds.districts if d in districts)
        self.summary.setText(tr("匹配 {districts} 个区县、{places} 处地点：{names}（全市性举措不计入）").format(
            districts=len(districts), places=len(places), names=names or tr("无")))
