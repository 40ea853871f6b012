"""The main window's other windows: export, compare, the tours dock and the presentation with its
presenter view, and the source documents.

Each window takes the session and follows it while it is open (a plan saved or a dataset removed
reaches an open export dialog, compare, presentation or presenter view by itself); this module
opens them, places them on the right screen and lets go of them when they close. The document
reader is built for one dataset's documents: it is built again when a new dataset arrives.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hzmap.ui.common.follow import follow
from hzmap.ui.common.i18n import tr
from hzmap.ui.common.memory import release_free_memory


class WindowsController:
    """Owned by the main window (`window.windows`)."""

    def __init__(self, window) -> None:
        self.window, self.session, self.state = window, window.session, window.state
        self.export_dialog = self.compare_dialog = self.presentation = self.presenter_view = None
        self.reader = None
        self.export_action = window.make_action("导出地图 Export…", self.open_export, "Ctrl+E", menu="file",
                                                tip="导出地图 / Export the map as PNG, SVG or PDF (Ctrl+E)")
        self.compare_action = window.make_action("比较布局 Compare layouts…", self.open_compare, "Ctrl+Shift+C",
                                                 menu="tools", tip="两个布局并排比较，并列出各区县的角色 (Ctrl+Shift+C)")
        self._build_tours()
        self._build_reader()
        follow(window, self.session.dataset_changed, self._on_dataset_changed)

    # -- export and compare ---------------------------------------------------------------------
    def open_export(self):
        from hzmap.ui.export.export_dialog import ExportDialog

        dialog = ExportDialog(self.session, self.window)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.exported.connect(lambda path: self.window.show_status(f"{tr('已导出 Exported:')} {path}"))
        dialog.destroyed.connect(lambda *_: QTimer.singleShot(0, release_free_memory))  # page buffers
        dialog.destroyed.connect(lambda *_: setattr(self, "export_dialog", None))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def open_compare(self):
        from hzmap.ui.map.compare_view import CompareDialog

        if self.compare_dialog is None:
            self.compare_dialog = CompareDialog(self.session, self.window)
        self.compare_dialog.show()
        self.compare_dialog.raise_()
        self.compare_dialog.activateWindow()
        return self.compare_dialog

    # -- tours and the presentation ---------------------------------------------------------------
    def _build_tours(self) -> None:
        from hzmap.ui.present.screens import PresentOnMenu
        from hzmap.ui.present.tour_editor import TourEditor

        window = self.window
        self.tour_editor = TourEditor(self.session, window)
        self.tour_editor.present_requested.connect(self.present)
        self.tour_dock = window.make_dock("导览 Tours", "tourDock", self.tour_editor, Qt.LeftDockWidgetArea)
        self.tour_dock.hide()  # opened from the View menu
        self.present_action = window.make_action("演示模式 Presentation",
                                                 lambda: self.present(self.tour_editor.chosen_tour()),
                                                 Qt.Key_F5, menu="view")
        self.present_action.setObjectName("presentAction")
        self.present_on_menu = PresentOnMenu(self.state, window)
        window.menus["view"].addMenu(self.present_on_menu)

    def present(self, tour=None, full_screen: bool = True):
        """Open the presentation of `tour` (default: the current layout's tour). With two or
        more screens the map goes full screen on the one chosen in 放映于 (by default one the
        main window is not on) and the main window's screen shows the presenter view; both follow
        one TourPlayer. With one screen the map covers it, as before."""
        from hzmap.model.tours.player import TourPlayer
        from hzmap.model.tours.tour import default_tour
        from hzmap.ui.present import screens
        from hzmap.ui.present.presentation import PresentationWindow

        window = self.window
        if tour is None and self.state.layout is not None:
            tour = default_tour(self.session.dataset, self.state.geo, self.state.layout)
        player = TourPlayer(tour)
        pres = PresentationWindow(self.session, tour, parent=window, player=player)
        pres.setAttribute(Qt.WA_DeleteOnClose)
        pres.closed.connect(self._on_presentation_closed)
        self.presentation = pres
        room = screens.presentation_screen(QGuiApplication.screens(), window.screen(),
                                           screens.remembered_screen()) if full_screen else None
        if room is None:
            pres.showFullScreen() if full_screen else pres.show()
        else:
            screens.show_on(pres, room)
        pres.activateWindow()
        pres.setFocus()
        if room is not None and room is not window.screen() and player.tour.steps:
            self._open_presenter_view(player, pres, room)
        return pres

    def _open_presenter_view(self, player, pres, room) -> None:
        from hzmap.ui.present import screens
        from hzmap.ui.present.presenter_view import PresenterView

        view = PresenterView(self.session, player, room_size=room.size(), parent=self.window)
        view.setAttribute(Qt.WA_DeleteOnClose)
        view.closed.connect(self._on_presenter_view_closed)
        pres.canvas.resized.connect(view.set_room_size)
        self.presenter_view = view
        screens.show_on(view, self.window.screen(), full_screen=False)
        view.activateWindow()  # the presenter's keyboard is here; the clicker works in either
        view.setFocus()

    def _on_presentation_closed(self) -> None:
        self.presentation = None
        QTimer.singleShot(0, release_free_memory)  # its frame buffers, once Qt has deleted it

    def _on_presenter_view_closed(self) -> None:
        self.presenter_view = None

    # -- the source documents -----------------------------------------------------------------
    def _build_reader(self) -> None:
        """View > 原文 Source documents: the plans in full, every item at its passage. The reader
        is made the first time it is shown (its documents load in ~30 ms)."""
        holder = QWidget()
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        # below the map, the width of the window: a plan's paragraphs read at their length while the
        # map and the inspector stay in view
        self.reader_dock = self.window.make_dock("原文 Source documents", "readerDock", holder,
                                                 Qt.BottomDockWidgetArea)
        self.reader_dock.hide()
        self.reader_dock.visibilityChanged.connect(lambda shown: shown and self._ensure_reader())
        self.reader_dock.visibilityChanged.connect(self._size_reader)

    def _size_reader(self, shown: bool) -> None:
        dock, window = self.reader_dock, self.window
        if shown and not dock.isFloating() and dock.height() < 200:
            QTimer.singleShot(0, lambda: window.resizeDocks([dock], [max(260, window.height() // 3)], Qt.Vertical))

    def _ensure_reader(self):
        if self.reader is None:
            from hzmap.model.documents import load_documents
            from hzmap.ui.panels.document_reader import DocumentReader

            dataset = self.session.dataset
            documents = load_documents(dataset, strict=False)
            self.reader = DocumentReader(documents, dataset, self.state)
            self.reader.copied.connect(lambda text: self.window.show_status(
                tr("已复制（含出处） Copied with citation"), 5000))
            self.reader_dock.widget().layout().addWidget(self.reader)
            if documents.errors:  # a document that could not be read: the others still show
                self.window.show_status("; ".join(documents.errors), 10000)
        return self.reader

    def _on_dataset_changed(self, *_args) -> None:
        """The documents of the new dataset's plans: the reader is built again when shown."""
        if self.reader is not None:
            self.reader.setParent(None)
            self.reader.deleteLater()
            self.reader = None
            if self.reader_dock.isVisible():
                self._ensure_reader()

    def open_source(self, source) -> None:
        """An inspector item's "在原文中查看 Open at source": the reader, at its passage."""
        self.reader_dock.show()
        self.reader_dock.raise_()
        if not self._ensure_reader().open_at(source):
            self.window.show_status(f"{source.get('cite', '')}: “{source.get('excerpt', '')}”", 10000)
