"""File › 我的数据集 My datasets: the planner's own datasets (imported plans, shared folders).

Lists them with their plans, removes one (after asking), exports one as a zip to share, and
imports a shared folder or zip (hzmap.model.dataset.userdata checks it: no paths outside the
folder, no links, bounded sizes, and it must validate against the datasets in use). After each
change `changed()` asks the window to load the datasets again. Dialogs go through `ask_*` and
`show_*` methods so tests can answer them.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QMessageBox, QPushButton, QVBoxLayout)

from hzmap.model.dataset import DatasetError
from hzmap.model.dataset import userdata
from hzmap.ui.common.i18n import Texts, tr
from hzmap.ui.common.settings import interactive
from hzmap.ui.common import messages

NAME_ROLE = Qt.UserRole
BUTTONS = (("remove", "删除… Remove…"), ("export", "导出为 zip… Export as zip…"),
           ("import_folder", "导入文件夹… Import folder…"), ("import_zip", "导入 zip… Import zip…"),
           ("close", "关闭 Close"))


class DatasetManager(QDialog):
    """`changed()` after a dataset was removed or imported; `message(text)` for the status bar."""

    changed = Signal()
    message = Signal(str)

    def __init__(self, user_data, state, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("datasetManager")
        self.user_data = user_data
        self.intro = QLabel(wordWrap=True)
        self.list = QListWidget(objectName="userDatasets")
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.buttons = {key: QPushButton(objectName=f"datasets_{key}") for key, _ in BUTTONS}
        for key, slot in (("remove", self.remove_current), ("export", self.export_current),
                          ("import_folder", lambda: self.import_shared("folder")),
                          ("import_zip", lambda: self.import_shared("zip")), ("close", self.close)):
            self.buttons[key].clicked.connect(lambda _c=False, s=slot: s())
        row = QHBoxLayout()
        for key, _ in BUTTONS:
            row.addWidget(self.buttons[key])
        box = QVBoxLayout(self)
        box.addWidget(self.intro)
        box.addWidget(self.list, 1)
        box.addLayout(row)
        self.resize(760, 420)
        self.texts = Texts(state, self, then=lambda: (self.retranslate(), self.refresh()))
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for ud in userdata.list_datasets(self.user_data):
            titles = "；".join(t for t in ud.titles if t) or tr("（无法读取 plans.yaml unreadable）")
            item = QListWidgetItem(f"{ud.name}\n    {titles}\n    {ud.path}")
            item.setData(NAME_ROLE, ud.name)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def names(self) -> list[str]:
        return [self.list.item(i).data(NAME_ROLE) for i in range(self.list.count())]

    def select(self, name: str) -> None:
        self.list.setCurrentRow(self.names().index(name))

    def current_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(NAME_ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        chosen = self.current_name() is not None
        self.buttons["remove"].setEnabled(chosen)
        self.buttons["export"].setEnabled(chosen)

    # -- actions ---------------------------------------------------------------------------------
    def remove_current(self) -> bool:
        name = self.current_name()
        if name is None or not self.ask_remove(name):
            return False
        try:
            userdata.remove_dataset(self.user_data, name)
        except (userdata.UserDataError, OSError) as exc:
            self.show_error(tr("无法删除 Cannot remove"), f"{name}: {exc}")
            return False
        self.refresh()
        self.changed.emit()
        self.message.emit(f"{tr('已删除 Removed')} {name}")
        return True

    def export_current(self) -> bool:
        name = self.current_name()
        target = self.ask_zip_target(name) if name is not None else None
        if not target:
            return False
        try:
            written = userdata.export_zip(userdata.root_of(self.user_data) / name, target)
        except (userdata.UserDataError, OSError) as exc:
            self.show_error(tr("无法导出 Cannot export"), f"{target}: {getattr(exc, 'strerror', None) or exc}")
            return False
        self.message.emit(f"{tr('已导出 Exported:')} {written}")
        return True

    def import_shared(self, kind: str, source=None) -> bool:
        """Import a shared folder or zip (asked for unless `source` is given)."""
        source = source or self.ask_import_source(kind)
        if not source:
            return False
        try:
            folder = userdata.import_shared(source, self.user_data)
        except DatasetError as exc:
            self.show_error(tr("无法导入 Cannot import"), f"{source}:\n" + "\n".join(exc.problems[:20]))
            return False
        except (userdata.UserDataError, OSError) as exc:
            self.show_error(tr("无法导入 Cannot import"), str(exc))
            return False
        self.refresh()
        self.select(folder.name)
        self.changed.emit()
        self.message.emit(f"{tr('已导入 Imported')} {folder.name}")
        return True

    # -- dialogs (tests replace these) -----------------------------------------------------------
    def ask_remove(self, name: str) -> bool:
        if not interactive():
            return False
        answer = messages.question(self, tr("删除数据集 Remove dataset"),
                                      tr("删除我的数据集 {name}？其中的规划将从地图上移除。\n"
                                         "Remove the dataset {name}? Its plans leave the map.").format(name=name),
                                      QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def ask_zip_target(self, name: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, tr("导出数据集 Export dataset"), f"{name}.zip", "zip (*.zip)")
        return path

    def ask_import_source(self, kind: str) -> str:
        if kind == "folder":
            return QFileDialog.getExistingDirectory(self, tr("导入数据集文件夹 Import a dataset folder"))
        path, _ = QFileDialog.getOpenFileName(self, tr("导入数据集 zip Import a dataset zip"), "", "zip (*.zip)")
        return path

    def show_error(self, title: str, text: str) -> None:
        print(f"hzmap: {text}", file=sys.stderr)
        self.message.emit(text.splitlines()[0] if text else title)
        if interactive():
            messages.warning(self, f"hzmap: {title}", text)

    # -- language ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(tr("我的数据集 My datasets"))
        self.intro.setText(tr("导入的规划保存在这里，与软件自带的数据分开。可删除、导出为 zip 分享，或导入同事分享的文件夹或 zip。"))
        for key, text in BUTTONS:
            self.buttons[key].setText(tr(text))
