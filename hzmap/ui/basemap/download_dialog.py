"""“下载此区域 Download this area”: the online base map's tiles of the view or a district, over a
zoom range, into an MBTiles file the project then points to, so the map works unplugged.

The tile count and the estimated size are shown before anything is fetched (and refused above
the provider's limit); the download runs on a worker thread (hzmap.model.basemap.download:
two connections, a few tiles a second, the server's Retry-After obeyed), with a progress bar
and a cancel that leaves no half file.
"""
from __future__ import annotations

import threading

import shapely
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QProgressBar, QRadioButton, QSpinBox, QVBoxLayout)

from hzmap.model.basemap import grid
from hzmap.model.basemap.download import DownloadError, offline_source, plan_download, run_download
from hzmap.model.basemap.persist import basemap_layer
from hzmap.model.basemap.registry import key_name
from hzmap.model.files.safeio import size_text
from hzmap.ui.common.i18n import Texts, tr

SCREEN_PX = 1600  # the zoom offered first is the one a large screen shows the view at


class DownloadDialog(QDialog):
    progressed = Signal(int, int)
    finished_download = Signal(object)  # DownloadResult, or an Exception

    def __init__(self, state, registry, parent=None, extent=None) -> None:
        super().__init__(parent)
        self.setObjectName("basemapDownloadDialog")
        self.state, self.registry, self.geo = state, registry, state.geo
        self.extent = tuple(extent) if extent is not None else tuple(state.view.extent)  # what is on screen
        layer = state.view.basemap()
        self.source = layer.source if layer is not None else None
        self.plan = None
        self.cancel_event = threading.Event()
        self.result_value = None
        self.texts = Texts(state, self)
        self.texts.tr(self.setWindowTitle, "下载底图区域 Download base map area")
        self.view_radio = QRadioButton(tr("当前视图 Current view"), checked=True)
        self.district_radio = QRadioButton(tr("区县 District"))
        group = QButtonGroup(self)
        group.addButton(self.view_radio)
        group.addButton(self.district_radio)
        self.district = QComboBox(objectName="downloadDistrict")
        for did, f in self.geo.districts.items():
            self.district.addItem(f["name_zh"], did)
        lo, hi = (self.source.min_zoom, self.source.max_zoom) if self.source else (0, 18)
        start = grid.zoom_for(self.extent, SCREEN_PX, lo, hi) if self.source else lo
        self.zmin = QSpinBox(minimum=lo, maximum=hi, value=max(lo, start - 1), objectName="downloadZmin")
        self.zmax = QSpinBox(minimum=lo, maximum=hi, value=min(hi, start + 2), objectName="downloadZmax")
        self.summary = QLabel(objectName="downloadSummary", wordWrap=True)
        self.bar = QProgressBar(objectName="downloadProgress", visible=False)
        area = QHBoxLayout()
        for w in (self.view_radio, self.district_radio, self.district):
            area.addWidget(w)
        zooms = QHBoxLayout()
        for w in (self.zmin, QLabel("–"), self.zmax):
            zooms.addWidget(w)
        form = QFormLayout()
        form.addRow(tr("区域 Area"), area)
        form.addRow(tr("缩放级别 Zoom levels"), zooms)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.start_button = self.buttons.addButton(tr("下载… Download…"), QDialogButtonBox.AcceptRole)
        self.start_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.summary)
        box.addWidget(self.bar)
        box.addWidget(self.buttons)
        for signal in (self.view_radio.toggled, self.district.currentIndexChanged,
                       self.zmin.valueChanged, self.zmax.valueChanged):
            signal.connect(self.update_plan)
        self.progressed.connect(self._on_progress)
        self.finished_download.connect(self._on_finished)
        self.update_plan()

    def area(self):
        if self.view_radio.isChecked():
            x0, x1, y0, y1 = self.extent
            return shapely.box(x0, y0, x1, y1), tr("当前视图 current view")
        did = self.district.currentData()
        return self.geo.districts[did].geometry, self.district.currentText()

    def update_plan(self) -> None:
        """Count the tiles and estimate the size before anything is fetched."""
        self.plan = None
        if self.source is None or not self.source.online:
            self.summary.setText(tr("当前底图不是在线服务，无需下载。 The base map is not an online service."))
            self.start_button.setEnabled(False)
            return
        area, where = self.area()
        try:
            self.plan = plan_download(self.source, area, self.zmin.value(), max(self.zmin.value(), self.zmax.value()))
        except DownloadError as exc:
            self.summary.setText(str(exc))
        else:
            self.texts.tr(self.summary.setText, "{where}：{n} 个瓦片，约 {size}。 {n} tiles, about {size}.",
                          where=where, n=f"{self.plan.count:,}", size=size_text(self.plan.estimated_bytes))
        self.start_button.setEnabled(self.plan is not None and self.plan.count > 0)

    def start(self, path: str | None = None) -> None:
        if self.plan is None:
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("保存为 Save as"), f"{self.source.label}.mbtiles",
                                                  "MBTiles (*.mbtiles)")
        if not path:
            return
        if not path.lower().endswith(".mbtiles"):
            path += ".mbtiles"
        self.start_button.setEnabled(False)
        self.bar.setRange(0, self.plan.count)
        self.bar.setValue(0)
        self.bar.setVisible(True)
        key = self.registry.keys.get(key_name(self.source))
        plan, cancel = self.plan, self.cancel_event

        def work() -> None:
            try:
                result = run_download(plan, path, key, progress=self.progressed.emit, cancel=cancel)
            except Exception as exc:  # a full disk, a refused file: told in the dialog
                result = exc
            self.finished_download.emit(result)

        self.worker = threading.Thread(target=work, name="hzmap-basemap-download", daemon=True)
        self.worker.start()

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setValue(done)
        self.texts.tr(self.summary.setText, "已下载 {done}/{total} Downloaded {done}/{total}",
                      done=f"{done:,}", total=f"{total:,}")

    def _on_finished(self, result) -> None:
        self.result_value = result
        self.bar.setVisible(False)
        if isinstance(result, Exception):
            self.summary.setText(str(result))
            return
        if result.path is None:
            self.summary.setText(result.problem or tr("已取消，未写入文件。 Cancelled; nothing was written."))
            return
        layer = self.state.view.basemap()
        offline = offline_source(self.source, result.path)
        rest = tuple(lay for lay in self.state.view.layers if lay.kind != "basemap")
        dim = float((layer.style or {}).get("dim", 0.0)) if layer is not None else 0.0
        self.state.update(layers=(basemap_layer(offline, dim=dim),) + rest)
        failed = f"（{result.failed} 个失败 failed）" if result.failed else ""
        self.texts.tr(self.summary.setText, "已保存 {path}，底图已改用此离线文件。{failed} Saved; the base map now "
                      "reads this offline file.", path=str(result.path), failed=failed)
        self.buttons.button(QDialogButtonBox.Cancel).setText(tr("关闭 Close"))

    def reject(self) -> None:
        worker = getattr(self, "worker", None)
        if worker is not None and worker.is_alive():
            self.cancel_event.set()  # the worker stops within a tile and removes its part file
            return
        super().reject()
