"""The layout chooser: a view of `state.layout`, in the toolbar, the layer panel and compare,
listing the layouts of the session's dataset (again when a new one arrives), grouped by their
plan's status on the View's day and marked with it (“已于 2025-12-31 到期”), each followed by the
layouts that replaced it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from hzmap.model.view.viewstate import ViewState
from hzmap.ui.common.follow import follow
from hzmap.ui.common.i18n import Texts, tr, tr_data
from hzmap.ui.common.plan_status import DIMMED, dimmed, hidden, status_short, status_words

NO_LAYOUT = "无（仅区县）"
LOADING = "（正在载入布局数据…）"
ROLE = Qt.UserRole + 1   # "heading", "layout" or "successor"


def layout_choices(dataset, view=None) -> list[tuple[str | None, str, str]]:
    """(layout id, label, role) for the chooser: 无 first, then the layouts grouped by their
    plan's status on the View's day (in force, not yet, ended or replaced, drafts), each marked
    with it. Role "heading" is a group's title (not choosable), "layout" a layout, "successor"
    a layout that continues or replaced the one above it ("what replaced this"). With the View's
    "as of" day and `lapsed` "hide", the layouts not in force then are left out."""
    from hzmap.model.dataset.lifecycle import layout_groups, successor_layouts
    from hzmap.model.view.filters import day_of

    out: list[tuple[str | None, str, str]] = [(None, tr(NO_LAYOUT), "layout")]
    for group, items in layout_groups(dataset, day_of(view) if view is not None else day_of_today()):
        entries = []
        for lid, _st in items:
            lay = dataset.layouts[lid]
            if view is not None and hidden(dataset, lay.plan, view) and lid != view.layout:
                continue
            plan = dataset.plans[lay.plan]
            tag = status_short(dataset, lay.plan, view) if view is not None else ""
            tag = (f" ({tag})" if view.lang == "en" else f"（{tag}）") if tag else ""
            entries.append((lid, f"{tr_data(lay.name, lay.name_en)}{tag} — "
                                 f"{tr_data(plan.short_name, plan.short_name_en)}", "layout"))
            for succ in successor_layouts(dataset, lid):
                nxt = dataset.layouts[succ]
                entries.append((succ, f"    → {tr('后续')}: {tr_data(nxt.name, nxt.name_en)}", "successor"))
        if entries:
            out.append((None, tr_data(group[1], group[2]), "heading"))
            out += entries
    return out


def day_of_today():
    from hzmap.model import clock

    return clock.today()


def show_data(combo: QComboBox, value) -> None:
    """Show the entry holding `value` without emitting a change (the state already has it); in
    the layout chooser, the layout's own entry, not a "what replaced this" line."""
    index = next((i for i in range(combo.count()) if combo.itemData(i) == value
                  and combo.itemData(i, ROLE) in (None, "layout")), combo.findData(value))
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
            view = self.state.view
            model = self.model()
            for lid, label, role in layout_choices(self.dataset, view):
                self.addItem(label, lid)
                i = self.count() - 1
                self.setItemData(i, role, ROLE)
                lay = self.dataset.layouts.get(lid) if lid else None
                if role == "heading":
                    item = model.item(i)
                    item.setFlags(Qt.NoItemFlags)
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                elif lay is not None:
                    self.setItemData(i, status_words(self.dataset, lay.plan, view), Qt.ToolTipRole)
                    if dimmed(self.dataset, lay.plan, view) and role == "layout":
                        self.setItemData(i, DIMMED, Qt.ForegroundRole)
            self.setEnabled(True)
            show_data(self, self.state.layout)
            if self.currentIndex() < 0 or self.itemData(self.currentIndex(), ROLE) == "heading":
                self.setCurrentIndex(0)
        self.blockSignals(False)

    def _on_index_changed(self, index: int) -> None:
        role = self.itemData(index, ROLE)
        if self.dataset is not None and role != "heading":
            self.state.update(layout=self.itemData(index))
            if role == "successor":   # show the layout's own entry, with its status
                show_data(self, self.itemData(index))

    def _on_view_changed(self, view, fields) -> None:
        if fields & {"as_of", "lapsed"} and self.dataset is not None:
            self._fill()   # the statuses are the new day's; set-aside layouts dim or go
        elif "layout" in fields:
            show_data(self, view.layout)
            if view.as_of is not None and view.lapsed == "hide":
                self._fill()   # a hidden layout stays listed only while it is shown

    def _on_language_changed(self) -> None:
        if self.dataset is not None:
            self._fill()  # labels are built from data in the language in force
