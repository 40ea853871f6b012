"""Adding and re-linking user layers: File › 添加图层 Add layer…, a file dropped on the window or
named on the command line, and the files a project could not find.

The session does the work (hzmap.model.session.session: add_layer, relink_layer); this module asks the
user (which file, how to read it, whether to load a very large one) and reports. Every problem
is a message naming the file, in the status bar and a non-modal box: the app keeps running and
nothing the user set up changes. Every question goes through an `ask_*` method, so tests can
answer it (like ProjectActions). Files are read off the window's thread (hzmap.ui.common.
background): the window keeps drawing, and Cancel stops the read.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from hzmap.model.layers import FILE_FILTER, LayerError, inspect_file
from hzmap.model.layers.errors import human_size
from hzmap.model.layers import reading
from hzmap.model.layers.reading import ReadCancelled
from hzmap.ui.common import background
from hzmap.ui.common.i18n import Texts, tr
from hzmap.ui.common.settings import interactive
from hzmap.ui.common import messages
from hzmap.ui.common.messages import message_box

MESSAGE_MS = 15_000


class LayerActions(QObject):
    """`message(text)` is for the window's status bar; `added(layer_id)` after a layer is on the map."""

    message = Signal(str)
    added = Signal(str)

    def __init__(self, session, window) -> None:
        super().__init__(window)
        self.session, self.window = session, window
        self.geo = session.state.geo
        self.texts = Texts(session.state, self)
        self.add_action = QAction(self)
        self.texts.tr(self.add_action.setText, "添加图层… Add layer…")
        self.texts.tr(self.add_action.setToolTip, "添加您自己的数据：GeoPackage、Shapefile、GeoJSON、KML、CSV、Excel "
                                                  "Add your own data (Ctrl+Shift+L)")
        self.add_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.add_action.triggered.connect(lambda _c=False: self.choose())
        self.dialog = None          # the Add layer dialog while it is open
        self.error_box = None       # the last problem shown
        self.relink_box = None      # the offer to re-link files a project could not find
        self._queue: list[Path] = []
        session.layers_need_relink.connect(self.offer_relink)

    # -- adding ------------------------------------------------------------------------------
    def choose(self) -> bool:
        reading.warm_up()  # the reader process starts while the planner chooses the file
        path = self.ask_layer_path(tr("添加图层 Add layer"))
        return self.add(path) if path else False

    def add(self, path) -> bool:
        """Open the Add layer dialog on `path` (after the one open now, if any)."""
        from hzmap.ui.layers.add_layer_dialog import AddLayerDialog

        path = Path(path)
        if self.dialog is not None:
            self._queue.append(path)
            return True
        reading = f"{tr('正在读取 Reading')} {path.name}…"
        gazetteer = None

        def inspect(cancel, **more):
            nonlocal gazetteer
            gazetteer = gazetteer or self.session.gazetteer()
            if cancel.is_set():
                raise ReadCancelled(path, "reading was cancelled")
            return inspect_file(path, gazetteer=gazetteer, cancel=cancel, **more)
        try:
            info = background.run(self.window, reading, inspect)
            if info.large:
                if not self.ask_large_file(path, info.size):
                    self.message.emit(f"{tr('未载入 Not loaded:')} {path} ({human_size(info.size)})")
                    return self._next()
                info = background.run(self.window, reading, lambda c: inspect(c, size_limit=None))
        except (ReadCancelled, background.Cancelled):
            self.message.emit(f"{tr('已取消读取 Reading cancelled:')} {path}")
            return self._next()
        except LayerError as exc:
            self.show_error(str(exc))
            return self._next()
        dialog = AddLayerDialog(info, self.geo, gazetteer, self.window)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self._on_accepted(d))
        dialog.finished.connect(lambda _r: self._on_finished())
        self.dialog = dialog
        dialog.open()
        return True

    def _on_accepted(self, dialog) -> None:
        data = dialog.data
        if data is None:
            return
        layer = self.session.add_layer(data, style=dialog.style())
        n = len(data.table) if data.kind == "districts" else len(data)
        notes = f" · {tr('{n} 条说明 notes').format(n=len(data.notes))}" if data.notes else ""
        self.message.emit(f"{tr('已添加图层 Layer added:')} {layer.name} ({n:,}){notes}")
        self.added.emit(layer.id)

    def _on_finished(self) -> None:
        self.dialog = None
        self._next()

    def _next(self) -> bool:
        if self._queue:
            self.add(self._queue.pop(0))
        return False

    # -- files a project could not find ---------------------------------------------------------
    def relink(self, layer_id: str, path=None) -> bool:
        """Read layer `layer_id` from another file (asked for when `path` is None)."""
        layer = self.session.state.view.layer(layer_id)
        if layer is None:
            return False
        if path is None:
            path = self.ask_layer_path(tr("重新链接 Re-link") + f" — {layer.name}", layer.source.path)
            if not path:
                return False
        try:
            data = background.run(self.window, f"{tr('正在读取 Reading')} {Path(path).name}…",
                                  lambda c: self.session.read_relinked(layer_id, path, cancel=c))
            self.session.relink_layer(layer_id, path, data=data)
        except (ReadCancelled, background.Cancelled):
            self.message.emit(f"{tr('已取消读取 Reading cancelled:')} {path}")
            return False
        except LayerError as exc:
            self.show_error(str(exc))
            return False
        self.message.emit(f"{tr('已重新链接 Re-linked:')} {layer.name} → {path}")
        return True

    def offer_relink(self, missing: dict) -> None:
        """A project opened with layers whose files were not found ({layer id: why}): say which,
        keep their settings, and offer to find the files (not modal: the map stays usable)."""
        view = self.session.state.view
        layer_ids = [lid for lid in missing if view.layer(lid) is not None]
        names = [view.layer(lid).name for lid in layer_ids]
        if not names:
            return
        for why in missing.values():
            print(f"hzmap: {why}", file=sys.stderr)
        if self.relink_box is not None:
            self.relink_box.close()
        box = message_box(QMessageBox.Warning, tr("hzmap: 图层文件未找到 Layer files not found"),
                          tr("以下图层的文件未找到，其设置已保留：\nThe files of these layers were not found; "
                             "their settings are kept:") + "\n\n" + "\n".join(f"• {n}" for n in names),
                          parent=self.window)
        box.setDetailedText("\n".join(missing[lid] for lid in layer_ids))
        button = box.addButton(tr("重新链接… Re-link…"), QMessageBox.ActionRole)
        box.addButton(tr("稍后 Later"), QMessageBox.RejectRole)
        button.clicked.connect(lambda _c=False, ids=list(layer_ids): [self.relink(i) for i in ids])
        box.setModal(False)
        box.setObjectName("relinkBox")
        box.show()
        self.relink_box = box

    # -- telling and asking (tests replace the ask_* methods) ------------------------------------------
    def show_error(self, text: str) -> None:
        """A problem with a user's file: the status bar and a non-modal box; the app goes on."""
        print(f"hzmap: {text}", file=sys.stderr)
        self.message.emit(text)
        if not interactive():
            return
        if self.error_box is not None:
            self.error_box.close()
        box = message_box(QMessageBox.Warning, tr("hzmap: 无法添加图层 Cannot add the layer"), text,
                          parent=self.window)
        box.setModal(False)
        box.show()
        self.error_box = box

    def ask_large_file(self, path: Path, size: int) -> bool:
        if not interactive():
            return False
        answer = messages.question(
            self.window, tr("hzmap: 大文件 Large file"),
            tr("{name} 有 {size}，载入可能较慢并占用大量内存。仍要载入吗？\n"
               "{name} is {size}; loading it may take long and use much memory. Load it anyway?").format(
                name=path.name, size=human_size(size)),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def ask_layer_path(self, title: str, start=None) -> str:
        folder = str(Path(start).parent) if start else ""
        path, _ = QFileDialog.getOpenFileName(self.window, title, folder,
                                              tr("数据文件 Data files") + f" ({FILE_FILTER});;" + tr("所有文件 All files") + " (*)")
        return path
