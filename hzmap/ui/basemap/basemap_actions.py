"""The base map's menu entries (File › 底图 Base map…, 下载底图区域 Download base map area…) and
the dialogs they open. The main window adds the actions to its menus and connects `changed`
to its pictures' refresh; the open base maps are the session's (LayerStore.basemaps), so the
screen, exports and the presentation read the same tiles."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from hzmap.model.basemap.registry import registry_for
from hzmap.ui.basemap import keys
from hzmap.ui.common.follow import follow
from hzmap.ui.common.i18n import Texts, tr


class BasemapActions(QObject):
    changed = Signal()       # a key or the base map changed: pictures open it again
    message = Signal(str)

    def __init__(self, state, session, parent=None, shown_extent=None) -> None:
        super().__init__(parent)
        self.state, self.session = state, session
        self.shown_extent = shown_extent  # () -> (x0, x1, y0, y1) the screen shows (wider than asked)
        self.registry = registry_for(session.layers)
        keys.load_keys(self.registry)
        self.texts = Texts(state, self)
        self.dialog = self.download_dialog = None
        self.choose_action = QAction(parent)
        self.choose_action.setObjectName("basemapAction")
        self.texts.tr(self.choose_action.setText, "底图… Base map…")
        self.texts.tr(self.choose_action.setToolTip, "在布局下放置影像、地形或矢量底图 Put imagery, terrain or a map "
                                                      "under the layout")
        self.choose_action.triggered.connect(lambda _c=False: self.choose())
        self.download_action = QAction(parent)
        self.download_action.setObjectName("basemapDownloadAction")
        self.texts.tr(self.download_action.setText, "下载底图区域… Download base map area…")
        self.download_action.triggered.connect(lambda _c=False: self.download())
        follow(self, state.changed, self._on_view_changed)
        self._on_view_changed(state.view, frozenset({"layers"}))

    def _on_view_changed(self, view, fields) -> None:
        if "layers" in fields:
            layer = view.basemap()
            self.download_action.setEnabled(layer is not None and layer.source.online)
            self.registry.keep_only([layer.source] if layer is not None else [])

    def choose(self):
        from hzmap.ui.basemap.basemap_dialog import BasemapDialog

        self.dialog = BasemapDialog(self.state, self.registry, self.parent())
        self.dialog.accepted.connect(self.changed.emit)
        self.dialog.download_requested.connect(self.download)
        self.dialog.show()
        return self.dialog

    def download(self):
        from hzmap.ui.basemap.download_dialog import DownloadDialog

        if self.state.view.basemap() is None or not self.state.view.basemap().source.online:
            self.message.emit(tr("先选择在线底图 Choose an online base map first"))
            return None
        extent = self.shown_extent() if self.shown_extent is not None else tuple(self.state.view.extent)
        self.download_dialog = DownloadDialog(self.state, self.registry, self.parent(), extent=extent)
        self.download_dialog.show()
        return self.download_dialog
