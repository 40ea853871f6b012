"""File › 底图 Base map: choose what lies under the layout.

Offline first: a GeoTIFF, an MBTiles file or a folder of XYZ tiles, read on this computer.
Online only when chosen: 天地图 (vector, imagery, terrain, each with its annotation), OSM, 高德
(GCJ-02) or a custom XYZ/WMTS URL template; the dialog says which server tiles will come from.
A service's key is entered here once and kept in this computer's settings, never in the project;
a key typed into a URL is moved there. The attribution and the 审图号 printed on exports are the
provider's, as the planner enters them. The choice is opened before the dialog closes, so a file
with no georeference or a missing key is reported here, not on the map.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QSlider, QVBoxLayout)

from hzmap.model.basemap.persist import basemap_layer
from hzmap.model.basemap.presets import PRESETS, preset
from hzmap.model.basemap.registry import key_name
from hzmap.model.basemap.source import BasemapError, BasemapSource, host, split_key
from hzmap.ui.basemap import keys
from hzmap.ui.common.i18n import Texts, tr

FILE_KINDS = {"geotiff": ("GeoTIFF (*.tif *.tiff)", "GeoTIFF 影像 GeoTIFF image…"),
              "mbtiles": ("MBTiles (*.mbtiles)", "MBTiles 文件 MBTiles file…"),
              "folder": (None, "瓦片文件夹 Folder of XYZ tiles…")}


class BasemapDialog(QDialog):
    download_requested = Signal()

    def __init__(self, state, registry, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("basemapDialog")
        self.state, self.registry = state, registry
        self.texts = Texts(state, self)
        self.texts.tr(self.setWindowTitle, "底图 Base map")
        self.choice = QComboBox(objectName="basemapChoice")
        self.choice.addItem(tr("无底图 No base map"), "none")
        for pid, (label, _make) in PRESETS.items():
            self.choice.addItem(tr(label), pid)
        self.choice.addItem(tr("自定义瓦片服务 Custom XYZ/WMTS URL"), "custom")
        for kind, (_filter, label) in FILE_KINDS.items():
            self.choice.addItem(tr(label), kind)
        self.url = QLineEdit(objectName="basemapUrl", placeholderText="https://…/{z}/{x}/{y}.png")
        self.path = QLineEdit(objectName="basemapPath")
        browse = QPushButton(tr("浏览… Browse…"))
        browse.clicked.connect(self._browse)
        self.path_row = path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.crs = QComboBox(objectName="basemapCrs")
        self.crs.addItem("WGS84 / CGCS2000", "wgs84")
        self.crs.addItem(tr("GCJ-02（高德、腾讯）"), "gcj02")
        self.key = QLineEdit(objectName="basemapKey", echoMode=QLineEdit.Password)
        self.credit = QLineEdit(objectName="basemapCredit")
        self.review = QLineEdit(objectName="basemapReview", placeholderText=tr("如 GS(2024)0568号"))
        self.dim = QSlider(Qt.Horizontal, objectName="basemapDim", minimum=0, maximum=80)
        self.note = QLabel(objectName="basemapNote", wordWrap=True)
        self.form = QFormLayout()
        for label, field in (("来源 Source", self.choice), ("网址模板 URL template", self.url),
                             ("文件 File", path_row), ("瓦片坐标系 Tile datum", self.crs), ("密钥 Key", self.key),
                             ("署名 Attribution", self.credit), ("审图号 Approval no.", self.review),
                             ("淡化 Dim", self.dim)):
            self.form.addRow(tr(label), field)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.download_button = buttons.addButton(tr("下载此区域… Download this area…"), QDialogButtonBox.ActionRole)
        self.download_button.clicked.connect(self._download)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.note)
        box.addWidget(buttons)
        self.choice.currentIndexChanged.connect(self._on_choice)
        self.url.textChanged.connect(self._update_note)
        self._load(state.view.basemap())

    # -- the current base map into the fields -------------------------------------------------
    def _load(self, layer) -> None:
        src = layer.source if layer is not None else None
        if src is None:
            value = "none"
        elif src.provider in PRESETS:
            value = src.provider
        else:
            value = "custom" if src.online else src.kind
        self.choice.setCurrentIndex(max(0, self.choice.findData(value)))
        self._on_choice()
        if src is not None:
            self.url.setText(src.url or "")
            self.path.setText(str(src.path) if src.path else "")
            self.crs.setCurrentIndex(max(0, self.crs.findData(src.crs)))
            self.credit.setText(src.attribution)
            self.review.setText(src.review_number)
            self.dim.setValue(int(round(100 * float((layer.style or {}).get("dim", 0.0)))))

    def _on_choice(self) -> None:
        value = self.choice.currentData()
        online = value in PRESETS or value == "custom"
        src = preset(value) if value in PRESETS else None
        self.form.setRowVisible(self.url, value == "custom")
        self.form.setRowVisible(self.path_row, value in FILE_KINDS)
        self.form.setRowVisible(self.crs, value in ("custom", "mbtiles", "folder"))
        self.form.setRowVisible(self.key, value == "custom" or (src is not None and src.needs_key))
        for field in (self.credit, self.review, self.dim):
            self.form.setRowVisible(field, value != "none")
        if src is not None:
            src = self._preset_source(value)
            self.credit.setText(src.attribution)
            self.review.setText(src.review_number or keys.review_number(value))
            self.key.setText(keys.saved_key(key_name(src)) if src.needs_key else "")
        self.download_button.setEnabled(online)
        self._update_note()

    def _update_note(self) -> None:
        value = self.choice.currentData()
        if value in PRESETS or value == "custom":
            src = self._preset_source(value) if value in PRESETS else None
            url = src.url if src is not None else self.url.text().strip()
            subs = src.subdomains if src is not None else ""
            where = host(url.replace("{s}", subs[:1])) or "?"
            self.texts.tr(self.note.setText, "在线底图：瓦片将通过互联网从 {host} 获取（仅在显示时）。"
                          "离线使用请先“下载此区域”。 Online: tiles are fetched from {host} while shown; "
                          "download the area to work offline.", host=where)
        else:
            self.note.setText(tr("离线底图：只读取本机文件。 Offline: only the file on this computer is read."))

    def _preset_source(self, pid: str) -> BasemapSource:
        """The preset, or the current base map when it is that provider's (kept as it is)."""
        layer = self.state.view.basemap()
        if layer is not None and layer.source.provider == pid and layer.source.online:
            return layer.source
        return preset(pid)

    def _browse(self) -> None:
        kind = self.choice.currentData()
        if kind == "folder":
            path = QFileDialog.getExistingDirectory(self, tr("瓦片文件夹 Folder of XYZ tiles"))
        else:
            path, _ = QFileDialog.getOpenFileName(self, tr("底图 Base map"), "", FILE_KINDS.get(kind, ("",))[0] or "")
        if path:
            self.path.setText(path)

    # -- the fields into a base map ----------------------------------------------------------
    def source(self) -> BasemapSource | None:
        """The base map the fields describe (BasemapError when they describe none)."""
        value = self.choice.currentData()
        if value == "none":
            return None
        extra = dict(attribution=self.credit.text().strip()[:300], review_number=self.review.text().strip()[:80])
        if value in PRESETS:
            return replace(self._preset_source(value), **extra)
        if value == "custom":
            template, typed_key = split_key(self.url.text().strip())
            if typed_key:
                self.key.setText(typed_key)
                self.url.setText(template)
            return BasemapSource("wmts" if "{TileMatrix}" in template else "xyz", url=template,
                                 crs=self.crs.currentData(), name=host(template), **extra)
        text = self.path.text().strip()
        if not text:
            raise BasemapError(tr("请选择文件 Choose a file"))
        if value == "mbtiles":
            from hzmap.model.basemap.mbtiles import mbtiles_source

            src = mbtiles_source(text, self.crs.currentData())
            return replace(src, attribution=extra["attribution"] or src.attribution,
                           review_number=extra["review_number"] or src.review_number)
        return BasemapSource(value, path=Path(text).absolute(), crs=self.crs.currentData(),
                             name=Path(text).name, **extra)

    def accept(self) -> None:
        try:
            src = self.source()
            if src is not None:
                if src.needs_key or (src.online and self.key.text().strip()):
                    keys.save_key(self.registry, key_name(src), self.key.text())
                if src.provider in PRESETS:
                    keys.save_review_number(src.provider, src.review_number)
                self.registry.allow(src)  # chosen here: a project's file refused on opening may be read
                self.registry.open(src)  # a bad file or a missing key is told here
        except BasemapError as exc:
            self.note.setText(str(exc))
            self.note.setStyleSheet("color: #B00020;")
            return
        rest = tuple(lay for lay in self.state.view.layers if lay.kind != "basemap")
        layers = ((basemap_layer(src, dim=self.dim.value() / 100),) if src is not None else ()) + rest
        self.state.update(layers=layers)
        super().accept()

    def _download(self) -> None:
        self.accept()
        if self.result() == QDialog.Accepted:
            self.download_requested.emit()
