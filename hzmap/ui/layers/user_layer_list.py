"""The user's own layers in the layer dock: visibility, order, opacity, style, name, a copy kept
in the project, re-link and remove.

The list shows the View's user layers top-most first; each control makes one change of the view
state (ViewState.update_layer / move_layer, the session's remove_layer / embed_layer) and the list
rebuilds from the state, so what it shows is what is drawn. Asking for a file (add, re-link) is
the window's: the list emits `add_requested` and `relink_requested(layer_id)`, and `message(text)`
for what it could not do.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QGridLayout, QHBoxLayout, QInputDialog, QLabel,
                               QListWidget, QListWidgetItem, QPushButton, QSlider, QToolButton, QVBoxLayout,
                               QWidget)

from hzmap.model.layers import LayerError
from hzmap.model.layers.style import DEFAULTS
from hzmap.model.session.project import ProjectError
from hzmap.render.map.layer_paint import ramp_colours
from hzmap.ui.common.follow import follow
from hzmap.ui.common.i18n import Texts, tr
from hzmap.ui.layers.layer_style import LayerStyleEditor

ID_ROLE = Qt.UserRole + 10
KIND_TEXT = {"points": "点 points", "lines": "线 lines", "areas": "面 areas", "districts": "区县表 district table"}

# why a layer of the project has no data, as its row says it (Link.status: model/layers/persist.py)
NOT_READ_TEXT = {
    "missing": ("（文件缺失）(file missing)", "未找到文件，请重新链接 The file was not found: re-link it"),
    "refused": ("（未读取：在项目文件夹以外）(not read: outside the project's folder)",
                "文件在项目文件夹以外，您选择了不读取；可重新链接 The file is outside the project's folder "
                "and you chose not to read it: re-link it to read it"),
    "unreadable": ("（无法读取）(could not be read)",
                   "找到了文件但无法读取，请重新链接 The file was found but could not be read: re-link it"),
}


class UserLayerList(QWidget):
    add_requested = Signal()
    relink_requested = Signal(str)
    message = Signal(str)

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session, self.store = session, session.layers
        self.state = state = session.state
        self.texts = Texts(state, self, then=self._rebuild)
        t = self.texts
        title = QLabel()
        t.tr(title.setText, "我的图层 My layers")
        title.setStyleSheet("font-weight: 600;")
        self.add_button = QPushButton()
        t.tr(self.add_button.setText, "添加… Add…")
        self.add_button.clicked.connect(self.add_requested.emit)
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.add_button)
        self.list = QListWidget()
        self.list.setObjectName("userLayerList")
        self.list.setDragDropMode(QAbstractItemView.InternalMove)
        self.list.setDefaultDropAction(Qt.MoveAction)
        self._rebuilding = False
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.currentItemChanged.connect(lambda *_: self._on_current_changed())
        self.list.model().rowsMoved.connect(lambda *_: self._on_rows_moved())
        self.list.itemDoubleClicked.connect(lambda _item: self.rename())
        self.list.setMinimumHeight(80)
        self.list.setMaximumHeight(150)
        self.buttons = {}
        row = QGridLayout()
        row.setHorizontalSpacing(4)
        for i, (key, text, slot) in enumerate((
                ("up", "上移 Up", lambda: self.move(+1)), ("down", "下移 Down", lambda: self.move(-1)),
                ("rename", "重命名 Rename", self.rename), ("remove", "移除 Remove", self.remove),
                ("relink", "重新链接… Re-link…", self._on_relink))):
            if key in ("up", "down"):  # arrows: the dock is narrow; the words are in the tooltip
                button = QToolButton()
                button.setArrowType(Qt.UpArrow if key == "up" else Qt.DownArrow)
                t.tr(button.setToolTip, text)
            else:
                button = QPushButton()
                t.tr(button.setText, text)
            button.setObjectName(f"userLayer_{key}")
            button.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(button, 0 if i < 4 else 1, i if i < 4 else 0, 1, 1 if i < 4 else 4)
            self.buttons[key] = button
        self.opacity = QSlider(Qt.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.valueChanged.connect(self._on_opacity)
        opacity_label = QLabel()
        t.tr(opacity_label.setText, "不透明度 Opacity")
        opacity_row = QHBoxLayout()
        opacity_row.addWidget(opacity_label)
        opacity_row.addWidget(self.opacity, 1)
        self.embed = QCheckBox()
        self.embed.setObjectName("userLayerEmbed")
        t.tr(self.embed.setText, "项目内存副本 Copy in project")
        t.tr(self.embed.setToolTip, "在项目文件中保存图层副本，不依赖原文件也能打开 "
                                    "Keep a copy of the layer in the project file: it opens without the original file")
        self.embed.toggled.connect(self._on_embed)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #555;")
        self.style_editor = LayerStyleEditor(session)
        # the list and its controls show once there is a layer; before, only the hint and Add
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(self.list, 1)
        details.addLayout(row)
        details.addLayout(opacity_row)
        details.addWidget(self.embed)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(head)
        box.addWidget(self.details, 1)
        box.addWidget(self.info)
        box.addWidget(self.style_editor)
        follow(self, state.changed, self._on_view_changed)
        follow(self, session.layers.changed, self._on_layer_data_changed)  # counts, "file not found"
        self._rebuild()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(260, 360)

    # -- reading the state -------------------------------------------------------------------
    def layer_ids(self) -> list[str]:
        """The ids as listed: top-most first."""
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def select(self, layer_id: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(ID_ROLE) == layer_id:
                self.list.setCurrentRow(i)

    def _on_view_changed(self, _view, fields) -> None:
        if "layers" in fields:
            self._rebuild()

    def _on_layer_data_changed(self, _ids) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        current = self.current_id()
        users = list(reversed(self.state.view.user_layers()))
        self._rebuilding = True
        self.list.blockSignals(True)
        self.list.clear()
        for layer in users:
            data = self.store.get(layer)
            item = QListWidgetItem(layer.name or layer.id)
            item.setData(ID_ROLE, layer.id)
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsUserCheckable | Qt.ItemIsDragEnabled)
            item.setCheckState(Qt.Checked if layer.visible else Qt.Unchecked)
            item.setIcon(_swatch(layer))
            where = layer.source.label if layer.source is not None else ""
            if data is None:
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(QColor("#999999"))
                short, why = NOT_READ_TEXT.get(self._link_status(layer.id), NOT_READ_TEXT["missing"])
                item.setText(f"{layer.name or layer.id}  {tr(short)}")
                item.setToolTip(f"{where}\n{tr(why)}")
            else:
                item.setToolTip(f"{where}\n{tr(KIND_TEXT[data.kind])} · {len(data)}")
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._rebuilding = False
        if current in [lay.id for lay in users]:
            self.select(current)
        elif users:
            self.list.setCurrentRow(0)
        self.details.setVisible(bool(users))
        self.style_editor.setVisible(bool(users))
        self._on_current_changed()

    def _link_status(self, layer_id: str) -> str:
        link = self.session.layer_links.get(layer_id)
        return link.status if link is not None else "missing"

    def _on_current_changed(self) -> None:
        lid = self.current_id()
        layer = self.state.view.layer(lid) if lid is not None else None
        data = self.store.get(layer) if layer is not None else None
        ids = self.layer_ids()
        for key in ("rename", "remove"):
            self.buttons[key].setEnabled(layer is not None)
        self.buttons["up"].setEnabled(layer is not None and ids.index(lid) > 0)
        self.buttons["down"].setEnabled(layer is not None and ids.index(lid) < len(ids) - 1)
        self.buttons["relink"].setEnabled(layer is not None and (data is None or self.session.needs_relink(lid)))
        for w in (self.opacity, self.embed):
            w.blockSignals(True)
        self.opacity.setEnabled(layer is not None)
        self.opacity.setValue(round(100 * layer.opacity) if layer is not None else 100)
        self.embed.setEnabled(layer is not None and (data is not None or bool(layer.source.embed)))
        self.embed.setChecked(bool(layer is not None and layer.source.embed))
        for w in (self.opacity, self.embed):
            w.blockSignals(False)
        self.info.setText(self._describe(layer, data))
        self.style_editor.show_layer(lid)

    def _describe(self, layer, data) -> str:
        if layer is None:
            return tr("添加图层：文件 › 添加图层，或把文件拖到地图上 Add a layer: File › Add layer, or drop a file on the map")
        if data is None:
            return f"{layer.source.label}: {tr('未找到文件 file not found')}"
        text = f"{layer.source.label} · {tr(KIND_TEXT[data.kind])} · {len(data):,}"
        if data.coords not in (None, "wgs84"):
            text += f" · {data.coords.upper()} → WGS84"
        return text

    # -- controls -> state -------------------------------------------------------------------------
    def _on_item_changed(self, item: QListWidgetItem) -> None:
        self.state.set_layer_visible(item.data(ID_ROLE), item.checkState() == Qt.Checked)

    def _on_opacity(self, value: int) -> None:
        lid = self.current_id()
        if lid is not None:
            self.state.update_layer(lid, opacity=value / 100)

    def move(self, steps: int) -> None:
        """Move the current layer up (+1: drawn later, over the others) or down (-1)."""
        lid = self.current_id()
        ids = self.layer_ids()
        if lid is None:
            return
        target = ids.index(lid) - steps
        if 0 <= target < len(ids):
            self._move_to(lid, target)

    def _move_to(self, lid: str, row: int) -> None:
        """Draw `lid` where the layer listed at `row` is now."""
        layers = self.state.view.layers
        other = self.layer_ids()[row]
        self.state.move_layer(lid, next(i for i, lay in enumerate(layers) if lay.id == other))

    def _on_rows_moved(self) -> None:
        """A drag in the list: the state takes the order the list now shows."""
        if self._rebuilding:
            return
        wanted = list(reversed(self.layer_ids()))  # bottom first
        users = [lay.id for lay in self.state.view.user_layers()]
        if wanted == users:
            return
        slots = [i for i, lay in enumerate(self.state.view.layers) if lay.kind != "base"]
        layers = list(self.state.view.layers)
        by_id = {lay.id: lay for lay in layers}
        for slot, lid in zip(slots, wanted):
            layers[slot] = by_id[lid]
        self.state.update(layers=tuple(layers))

    def rename(self, name: str | None = None) -> None:
        lid = self.current_id()
        if lid is None:
            return
        layer = self.state.view.layer(lid)
        if name is None:
            name, ok = QInputDialog.getText(self, tr("重命名图层 Rename layer"), tr("名称 Name"), text=layer.name)
            if not ok:
                return
        if name.strip():
            self.state.update_layer(lid, name=name.strip())

    def remove(self) -> None:
        lid = self.current_id()
        if lid is not None:
            self.session.remove_layer(lid)

    def _on_relink(self) -> None:
        lid = self.current_id()
        if lid is not None:
            self.relink_requested.emit(lid)

    def _on_embed(self, on: bool) -> None:
        lid = self.current_id()
        if lid is None:
            return
        try:
            self.session.embed_layer(lid, on)
        except (LayerError, ProjectError) as exc:
            self.message.emit(f"{tr('无法在项目中保存副本 Cannot keep a copy in the project')}: {exc}")
            self._on_current_changed()  # the tick goes back to what the state holds


def _swatch(layer) -> QIcon:
    """The layer's colour, or its ramp's darker half for classes (the list doubles as a key)."""
    style = {**DEFAULTS, **dict(layer.style or {})}
    pix = QPixmap(12, 12)
    if style["mode"] == "choropleth":
        pix.fill(QColor.fromRgbF(*ramp_colours(style["ramp"], 3)[1]))
    else:
        pix.fill(QColor(style["colour"]))
    return QIcon(pix)
