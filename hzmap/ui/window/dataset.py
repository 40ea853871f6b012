"""The main window's layout dataset: loaded off the UI thread, a failure told honestly with a
way to retry, and a new dataset (a plan saved, a user dataset removed or imported) handed to
every widget that holds one, in this one place. A part of MainWindow (hzmap.ui.window.main_window)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from hzmap.ui.common import errors
from hzmap.ui.common.i18n import tr
from hzmap.ui.common.settings import interactive


class DatasetMixin:
    """MainWindow's dataset methods; the attributes they use are set in MainWindow.__init__."""

    # -- a new dataset for every widget that holds one ------------------------------------------------
    def reload_user_datasets(self) -> None:
        """Load the user's datasets again on the shipped one (after one was removed or
        imported); a broken one is left out and reported."""
        from hzmap.model.dataset.overlay import load_skipping_broken
        from hzmap.model.dataset.userdata import dataset_dirs
        from hzmap.ui.common.settings import data_dir

        dataset, skipped = load_skipping_broken(dataset_dirs(data_dir()), base=self.shipped_dataset)
        self.replace_dataset(dataset)
        if skipped:
            self.user_datasets_failed(skipped)

    def replace_dataset(self, dataset) -> None:
        """Install a new dataset (a plan saved, a user dataset removed or imported) in every
        widget that holds one, in this one place. The layout shown stays if it still exists;
        a selection or filter that names something gone is cleared first, in one change."""
        from hzmap.model.view.filters import facets
        from hzmap.model.view.viewstate import Filters

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
        from hzmap.ui.common.settings import data_dir

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
