"""The main window: map in the centre, district panel at the side, view presets on the toolbar."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QToolBar

from hzmap.model.geodata import GeoData
from hzmap.model.state import AppState
from hzmap.ui.info_panel import InfoPanel
from hzmap.ui.map_canvas import MapCanvas

APP_TITLE = "hzmap — 杭州政策空间布局图"


class MainWindow(QMainWindow):
    def __init__(self, state: AppState, geodata: GeoData) -> None:
        super().__init__()
        self.state = state
        self.geo = geodata
        self.setWindowTitle(APP_TITLE)
        self.resize(1280, 840)
        self.canvas = MapCanvas(state, geodata, self)
        self.setCentralWidget(self.canvas)
        self.info_panel = InfoPanel(state, geodata, self)
        dock = QDockWidget("区县信息", self)
        dock.setObjectName("infoDock")
        dock.setWidget(self.info_panel)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable)
        dock.setMinimumWidth(280)
        self.addDockWidget(Qt.RightDockWidgetArea, dock)
        self._build_toolbar()
        self.hover_label = QLabel()
        self.statusBar().addWidget(self.hover_label, 1)
        state.hover_changed.connect(self._on_hover_changed)
        state.view_changed.connect(self._on_view_changed)
        clear = QAction("清除选择", self, shortcut=QKeySequence(Qt.Key_Escape))
        clear.triggered.connect(lambda: setattr(self.state, "selection", None))
        self.addAction(clear)

    def _build_toolbar(self) -> None:
        bar = QToolBar("视图", self)
        bar.setObjectName("viewToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        group = QActionGroup(self)
        self.view_actions = {}
        for name, text, tip, key in (("city", "全市", "Whole city", "Ctrl+1"),
                                     ("urban", "主城区", "Urban core", "Ctrl+2")):
            action = QAction(text, self, checkable=True, shortcut=QKeySequence(key))
            action.setToolTip(f"{text} / {tip} ({key})")
            action.triggered.connect(lambda _c=False, n=name: setattr(self.state, "view", n))
            group.addAction(action)
            bar.addAction(action)
            self.view_actions[name] = action
        self.view_actions["city"].setChecked(True)
        reset = QAction("重置视图", self, shortcut=QKeySequence("Ctrl+0"))
        reset.setToolTip("重置视图 / Reset view (Ctrl+0)")
        reset.triggered.connect(lambda: setattr(self.state, "view", "city"))
        bar.addAction(reset)
        self.reset_action = reset

    def _on_hover_changed(self, did) -> None:
        if did is None:
            self.hover_label.clear()
            return
        row = self.geo.districts[did]
        self.hover_label.setText(f"{row['name_zh']}  {row['name_en']}")

    def _on_view_changed(self, name: str) -> None:
        for key, action in self.view_actions.items():
            action.setChecked(key == name)
