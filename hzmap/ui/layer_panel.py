"""The layer panel: choose the layout, and toggle base layers, each element and the bases."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from hzmap.model.state import AppState
from hzmap.ui.i18n import tr, tr_data

BASE_LAYERS = (("districts", "区县填色 District fills"), ("boundaries", "区县界线 Boundaries"),
               ("water", "水系 Water"), ("labels", "区县名称 District names"))
NO_LAYOUT = "无（仅区县）"


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


def fill_layout_combo(combo: QComboBox, dataset) -> None:
    combo.clear()
    for lid, label in layout_choices(dataset):
        combo.addItem(label, lid)


class LayerPanel(QWidget):
    """Emits `layer_toggled(kind, id, visible)`; kind is 'base', 'element' or 'places'."""

    layer_toggled = Signal(str, str, bool)

    def __init__(self, state: AppState, dataset, parent=None) -> None:
        super().__init__(parent)
        self.state = state
        self.ds = dataset
        self.combo = QComboBox()
        self.combo.setObjectName("layerPanelLayoutCombo")
        self.combo.setMinimumContentsLength(14)
        self.combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        fill_layout_combo(self.combo, dataset)
        self.combo.currentIndexChanged.connect(self._on_combo_changed)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.itemChanged.connect(self._on_item_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.combo)
        layout.addWidget(self.tree, 1)
        state.layout_changed.connect(self._on_layout_changed)
        self._colours: dict[str, str] = {}
        self._rebuild()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(260, 480)

    def set_element_colours(self, colours: dict[str, str]) -> None:
        """Swatches beside the elements, so the panel doubles as a legend."""
        self._colours = colours
        self._rebuild()

    def _on_combo_changed(self, index: int) -> None:
        self.state.layout = self.combo.itemData(index)

    def _on_layout_changed(self, layout_id) -> None:
        show_data(self.combo, layout_id)
        self._rebuild()

    def _rebuild(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        base = QTreeWidgetItem(self.tree, [tr("底图 Base map")])
        for key, label in BASE_LAYERS:
            self._check_item(base, tr(label), ("base", key))
        layout_id = self.state.layout
        if layout_id is not None and layout_id in self.ds.layouts:
            lay = self.ds.layouts[layout_id]
            top = QTreeWidgetItem(self.tree, [tr_data(f"{lay.name}（{lay.name_en}）", lay.name_en)])
            for el in lay.elements:
                text = tr_data(el.name, el.name_en) + (tr("（示意）") if el.geometry.type == "schematic" else "")
                item = self._check_item(top, text, ("element", el.id))
                item.setToolTip(0, f"{el.name_en}\n{el.role_en}")
                colour = self._colours.get(el.id)
                if colour:
                    pix = QPixmap(12, 12)
                    pix.fill(QColor(colour))
                    item.setIcon(0, QIcon(pix))
            self._check_item(top, tr("基地与地点符号 Bases and places"), ("places", "places"))
        self.tree.expandAll()
        self.tree.blockSignals(False)

    def _check_item(self, parent, text: str, key: tuple[str, str]) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
        item.setCheckState(0, Qt.Checked)
        item.setData(0, Qt.UserRole, key)
        return item

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        key = item.data(0, Qt.UserRole)
        if key:
            self.layer_toggled.emit(key[0], key[1], item.checkState(0) == Qt.Checked)

    def item_for(self, kind: str, key: str) -> QTreeWidgetItem | None:
        for item in self.tree.findItems("*", Qt.MatchWildcard | Qt.MatchRecursive):
            if item.data(0, Qt.UserRole) == (kind, key):
                return item
        return None
