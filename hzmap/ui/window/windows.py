"""The windows the main window opens: export, compare, the presentation with its presenter
view, and the source documents. A part of MainWindow (hzmap.ui.window.main_window)."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hzmap.ui.common.i18n import tr
from hzmap.ui.common.memory import release_free_memory


class WindowsMixin:
    """MainWindow's methods that open other windows; the attributes they use are set in
    MainWindow.__init__."""

    # -- windows opened from here ----------------------------------------------------------------
    def open_export(self):
        from hzmap.ui.export.export_dialog import ExportDialog

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
        from hzmap.ui.map.compare_view import CompareDialog

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
        from hzmap.model.tours.player import TourPlayer
        from hzmap.model.tours.tour import default_tour
        from hzmap.ui.present import screens
        from hzmap.ui.present.presentation import PresentationWindow

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
        from hzmap.ui.present import screens
        from hzmap.ui.present.presenter_view import PresenterView

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
        # below the map, the width of the window: a plan's paragraphs read at their length while the
        # map and the inspector stay in view
        self.reader_dock = self._dock("原文 Source documents", "readerDock", holder, Qt.BottomDockWidgetArea)
        self.reader_dock.hide()
        self.reader_dock.visibilityChanged.connect(lambda shown: shown and self._ensure_reader())
        self.reader_dock.visibilityChanged.connect(self._size_reader)

    def _size_reader(self, shown: bool) -> None:
        if shown and not self.reader_dock.isFloating() and self.reader_dock.height() < 200:
            QTimer.singleShot(0, lambda: self.resizeDocks([self.reader_dock], [max(260, self.height() // 3)],
                                                          Qt.Vertical))

    def _ensure_reader(self):
        if self.reader is None:
            from hzmap.model.documents import load_documents
            from hzmap.ui.panels.document_reader import DocumentReader

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
