"""The main window's layout dataset: loaded off the UI thread, a failure told honestly with a way to
retry, and the user's own datasets (a plan imported and saved, My datasets: removed, shared,
imported). A new dataset goes to the session (Session.set_dataset), which announces it to every
widget and open window; nothing here hands it out.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from hzmap.ui.common import errors
from hzmap.ui.common.follow import follow
from hzmap.ui.common.i18n import tr
from hzmap.ui.common.settings import data_dir, interactive
from hzmap.ui.window.dataset_loader import DatasetLoader
from hzmap.ui.common.messages import message_box


class DatasetController(QObject):
    """Owned by the main window (`window.datasets`); the Retry and Details actions sit in its view
    toolbar, shown only while the dataset could not be loaded."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window, self.session = window, window.session
        self.loader = DatasetLoader(data_dir(), self)
        self.loader.finished.connect(self._on_loaded)
        self.message: QMessageBox | None = None  # what is wrong with a dataset, while it is open
        self._load_failed = False
        self.plan_import = self.manager = self.datasets_action = None
        self.retry_action = window.make_action("重试 Retry", lambda: self.load(),
                                               tip="重新载入布局数据 / Load the layout dataset again")
        self.details_action = window.make_action("详情 Details", self.show_details,
                                                 tip="布局数据的问题 / What is wrong with the layout dataset")
        for act in (self.retry_action, self.details_action):
            window.toolbar.addAction(act)
            act.setVisible(False)
        follow(self, self.session.dataset_changed, self._on_dataset_changed)

    def _on_dataset_changed(self, *_args) -> None:
        """A dataset is in use: the failure to load one is over (a retry worked)."""
        self.retry_action.setVisible(False)
        self.details_action.setVisible(False)
        if self._load_failed and self.message is not None:
            self.message.close()
        self._load_failed = False

    # -- loading (off the UI thread), failing honestly, retrying ----------------------------------
    def load(self, wait: bool = False) -> None:
        """Load the layout dataset and the user's datasets; the chooser says it is loading."""
        self.window.layout_combo.show_failure(tr("（正在载入布局数据…）"))
        self.retry_action.setVisible(False)
        self.window.show_status(tr("正在载入布局数据… Loading the layout dataset…"), 0)
        if wait:
            self.loader.load_now()
        else:
            self.loader.start()

    def _on_loaded(self, result) -> None:
        self.window.statusBar().clearMessage()
        if result.error is not None:
            self.failed(result.error)
            return
        self.session.set_dataset(result.dataset, shipped=result.shipped)
        for path, exc in result.skipped.items():
            errors.log(f"{path}: {exc}")
        if result.skipped:
            self.user_datasets_failed(result.skipped)
        if interactive():
            self.window.project_actions.offer_recovery()

    def failed(self, error) -> None:
        """The dataset could not be loaded: the chooser says so and offers to retry, the full
        problem list goes to a file the message offers to open, the district map keeps working."""
        from hzmap.model.dataset import DatasetError

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
        self.window.layout_combo.show_failure(tr("布局数据未载入 — 见详情"))
        self.retry_action.setVisible(True)
        self.details_action.setVisible(True)
        self.window.show_status(tr("布局数据载入失败，仅显示区县底图 — layout dataset not loaded"), 0)
        # Not modal: the district map stays usable while the message is open.
        box = message_box(QMessageBox.Warning, tr("hzmap: 布局数据有误 Layout dataset problem"), text,
                          parent=self.window)
        box.setModal(False)
        if full_list is not None:
            button = box.addButton(tr("打开完整列表 Open the full list"), QMessageBox.ActionRole)
            button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(full_list))))
        box.addButton(QMessageBox.Close)
        self._load_failed = True
        self._replace_message(box)
        box.show()

    def show_details(self) -> None:
        if self.message is not None:
            self.message.show()
            self.message.raise_()

    def _replace_message(self, box: QMessageBox) -> None:
        if self.message is not None:
            self.message.close()
        self.message = box

    # -- the user's own datasets --------------------------------------------------------------------
    def reload_user_datasets(self) -> None:
        """Load the user's datasets again on the shipped one (after one was removed or
        imported); a broken one is left out and reported."""
        from hzmap.model.dataset.overlay import load_skipping_broken
        from hzmap.model.dataset.userdata import dataset_dirs

        dataset, skipped = load_skipping_broken(dataset_dirs(data_dir()), base=self.session.shipped)
        self.session.set_dataset(dataset)
        if skipped:
            self.user_datasets_failed(skipped)

    def user_datasets_failed(self, skipped: dict) -> None:
        """Some of the user's datasets did not load: say which and why; the rest are in use."""
        lines = []
        for path, exc in skipped.items():
            lines.append(f"{path}:")
            lines += [f"  {p}" for p in exc.problems[:8]]
        self.window.show_status(tr("部分我的数据集未能载入 Some of your datasets were not loaded") +
                                f": {', '.join(Path(p).name for p in skipped)}", 0)
        box = message_box(QMessageBox.Warning, tr("hzmap: 我的数据集有误 A dataset of yours has problems"),
                          "\n".join(lines), parent=self.window)
        box.setModal(False)
        self._replace_message(box)
        if interactive():
            box.show()

    def build_plan_import(self) -> None:
        """File › 导入规划 Import plan (a document drafted, reviewed, saved as a user dataset)
        and File › 我的数据集 My datasets (remove, share, import)."""
        from hzmap.ui.plan_import.import_action import PlanImport

        window = self.window
        self.plan_import = PlanImport(self.session, window.canvas, data_dir(), window)
        self.plan_import.message.connect(lambda text: window.show_status(text, 10000))
        self.plan_import.saved.connect(self._on_plan_saved)
        window.menus["file"].addAction(self.plan_import.action)
        window.addAction(self.plan_import.action)
        self.datasets_action = window.make_action(
            "我的数据集 My datasets…", self.open_manager, menu="file",
            tip="删除、分享或导入规划人员自己的数据集 Remove, share or import your own datasets")
        window.menus["file"].addSeparator()

    def _on_plan_saved(self, dataset, layout_id) -> None:
        self.session.set_dataset(dataset)
        if layout_id is not None:
            self.session.state.update(layout=layout_id, selection=None)  # show what was just saved

    def open_manager(self):
        from hzmap.ui.plan_import.dataset_manager import DatasetManager

        if self.manager is None:
            self.manager = DatasetManager(data_dir(), self.session.state, self.window)
            self.manager.changed.connect(self.reload_user_datasets)
            self.manager.message.connect(lambda text: self.window.show_status(text, 10000))
        self.manager.refresh()
        self.manager.show()
        self.manager.raise_()
        return self.manager
