"""The layout chooser: a view of `state.layout`, in the toolbar, the layer panel and compare,
listing the layouts of the session's dataset (again when a new one arrives)."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from hzmap.model.view.viewstate import ViewState
from hzmap.ui.common.follow import follow
from hzmap.ui.common.i18n import Texts, tr, tr_data

NO_LAYOUT = "无（仅区县）"
LOADING = "（正在载入布局数据…）"


def layout_choices(dataset) -> list[tuple[str | None, str]]:
    """(layout id, label) for the chooser: 无 first, then every layout grouped by plan."""
    out: list[tuple[str | None, str]] = [(None, tr(NO_LAYOUT))]
    for plan_id, plan in dataset.plans.items():
        for lay in dataset.layouts.values():
            if lay.plan == plan_id:
                out.append((lay.id, f"{tr_data(lay.name, lay.name_en)} — {tr_data(plan.short_name, plan.short_name_en)}"))
    return out


def show_data(combo: QComboBox, value) -> None:
    """Show the entry holding `value` without emitting a change (the state already has it)."""
    index = combo.findData(value)
    if index >= 0 and index != combo.currentIndex():
        combo.blockSignals(True)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)


class LayoutCombo(QComboBox):
    """The layout chooser (toolbar, layer panel, compare): a view of `state.layout` (by default
    the session's; each map of compare has its own)."""

    def __init__(self, session, state: ViewState | None = None, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.state = state = state if state is not None else session.state
        self.setMinimumContentsLength(14)
        self.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.currentIndexChanged.connect(self._on_index_changed)
        follow(self, state.changed, self._on_view_changed)
        follow(self, session.dataset_changed, self._on_dataset_changed)
        self.texts = Texts(state, self, then=self._on_language_changed)
        self._fill()

    @property
    def dataset(self):
        return self.session.dataset

    def _on_dataset_changed(self, *_args) -> None:
        self._fill()

    def show_failure(self, text: str) -> None:
        """The dataset could not be loaded: say so in the chooser."""
        self.blockSignals(True)
        self.clear()
        self.addItem(text, None)
        self.setEnabled(False)
        self.blockSignals(False)

    def _fill(self) -> None:
        self.blockSignals(True)
        self.clear()
        if self.dataset is None:
            self.addItem(tr(LOADING), None)
            self.setEnabled(False)
        else:
            for lid, label in layout_choices(self.dataset):
                self.addItem(label, lid)
            self.setEnabled(True)
            self.setCurrentIndex(max(0, self.findData(self.state.layout)))
        self.blockSignals(False)

    def _on_index_changed(self, index: int) -> None:
        if self.dataset is not None:
            self.state.update(layout=self.itemData(index))

    def _on_view_changed(self, view, fields) -> None:
        if "layout" in fields:
            show_data(self, view.layout)

    def _on_language_changed(self) -> None:
        if self.dataset is not None:
            self._fill()  # labels are built from data in the language in force
