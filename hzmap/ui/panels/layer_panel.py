"""The layer panel: choose the layout, and toggle base layers, each element and the bases.

Every tick shows a field of the view state and every click changes that field, so the tick and
the drawing cannot disagree: switching layouts and back keeps what was switched off.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from hzmap.model.dataset.lang import with_english
from hzmap.render.map.layout_style import element_colour
from hzmap.ui.common.follow import follow
from hzmap.ui.common.i18n import Texts, tr, tr_data
from hzmap.ui.common.layout_combo import LayoutCombo

KEY_ROLE = Qt.UserRole

BASE_LAYER_NAMES = {"districts": "区县填色 District fills", "boundaries": "区县界线 Boundaries",
                    "water": "水系 Water", "labels": "区县名称 District names",
                    "landmarks": "车站与机场 Stations and airport"}


def _basemap_entry(view):
    layer = view.basemap()
    return (layer.name, layer.source.servers) if layer is not None else None


class LayerPanel(QWidget):
    basemap_requested = Signal()  # the base map entry was double-clicked: open its dialog

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.state = state = session.state
        self.combo = LayoutCombo(session)
        self.combo.setObjectName("layerPanelLayoutCombo")
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.itemDoubleClicked.connect(
            lambda item, _c: self.basemap_requested.emit() if item.data(0, KEY_ROLE) == ("layer", "basemap") else None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.combo)
        layout.addWidget(self.tree, 1)
        follow(self, state.changed, self._on_view_changed)
        follow(self, session.dataset_changed, self._on_dataset_changed)
        self.texts = Texts(state, self, then=self._rebuild)
        self._rebuild()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(260, 480)

    @property
    def ds(self):
        return self.session.dataset

    def _on_dataset_changed(self, *_args) -> None:
        self._rebuild()  # what the new dataset has

    def _on_view_changed(self, view, fields) -> None:
        if "layout" in fields or ("layers" in fields and self._basemap_entry != _basemap_entry(view)):
            self._rebuild()
        elif fields & {"layers", "hidden_elements", "show_places"}:
            self._sync_ticks()

    # -- the tree ---------------------------------------------------------------------------
    def _rebuild(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        base = QTreeWidgetItem(self.tree, [tr("底图 Base map")])
        self._basemap_entry = _basemap_entry(self.state.view)
        for layer in self.state.view.layers:
            if layer.kind == "basemap":
                item = self._check_item(base, f"{tr('影像/瓦片 Imagery/tiles')}: {layer.name}", ("layer", layer.id))
                item.setToolTip(0, tr("双击更改底图 Double-click to change the base map"))
                if layer.source.online:  # where tiles come from once it is ticked (a project opens it off)
                    note = QTreeWidgetItem(item, [tr("在线底图 {host}：开启后才会联网 Online base map: turned on, "
                                                     "it fetches tiles from {host}").format(host=layer.source.servers)])
                    note.setFlags(Qt.ItemIsEnabled)
                    note.setForeground(0, QColor("#666666"))
            elif layer.kind == "base":
                self._check_item(base, tr(BASE_LAYER_NAMES[layer.id]), ("layer", layer.id))
        layout_id = self.state.layout
        if layout_id is not None and layout_id in self.ds.layouts:
            lay = self.ds.layouts[layout_id]
            top = QTreeWidgetItem(self.tree, [tr_data(with_english(lay.name, lay.name_en), lay.name_en)])
            for i, el in enumerate(lay.elements):
                text = tr_data(el.name, el.name_en) + (tr("（示意）") if el.geometry.type == "schematic" else "")
                item = self._check_item(top, text, ("element", el.id))
                item.setToolTip(0, f"{el.name_en}\n{el.role_en}")
                pix = QPixmap(12, 12)  # the element's colour: the panel doubles as a legend
                pix.fill(QColor(element_colour(i)))
                item.setIcon(0, QIcon(pix))
            self._check_item(top, tr("基地与地点符号 Bases and places"), ("places", "places"))
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self._sync_ticks()

    def _check_item(self, parent, text: str, key: tuple[str, str]) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
        item.setData(0, KEY_ROLE, key)
        return item

    def _ticked(self, key: tuple[str, str]) -> bool:
        view, (kind, name) = self.state.view, key
        if kind == "layer":
            return view.layer_visible(name)
        if kind == "element":
            return view.element_visible(view.layout, name)
        return view.show_places

    def _sync_ticks(self) -> None:
        self.tree.blockSignals(True)
        for item in self._items():
            key = item.data(0, KEY_ROLE)
            item.setCheckState(0, Qt.Checked if self._ticked(key) else Qt.Unchecked)
        self.tree.blockSignals(False)

    def _items(self) -> list[QTreeWidgetItem]:
        return [i for i in self.tree.findItems("*", Qt.MatchWildcard | Qt.MatchRecursive) if i.data(0, KEY_ROLE)]

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        key = item.data(0, KEY_ROLE)
        if not key:
            return
        on = item.checkState(0) == Qt.Checked
        kind, name = key
        if kind == "layer":
            self.state.set_layer_visible(name, on)
        elif kind == "element":
            self.state.set_element_visible(self.state.layout, name, on)
        else:
            self.state.update(show_places=on)

    def item_for(self, kind: str, key: str) -> QTreeWidgetItem | None:
        kind = "layer" if kind == "base" else kind
        return next((i for i in self._items() if i.data(0, KEY_ROLE) == (kind, key)), None)
