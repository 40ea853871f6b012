"""File > 导出地图 Export… (Ctrl+E): what the map shows as a finished map.

The dialog exports what the map shows: the session's view state, dataset, user layers and
annotations (never the widgets), followed while it is open, so a plan saved in the review window
or a dataset removed in My datasets is in the preview at once. It shows a preview rendered by the
same composition as the file (hzmap.render.page.compose, at a lower DPI), remembers its last
settings, and reports a failed export in a message box without closing: the app keeps running and
an earlier file of the same name is untouched.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from hzmap.render.page.compose import DPI_RANGE, PRESETS, ExportSpec, compose
from hzmap.render.page.export_io import SIDE_PX_RANGE, ExportError, save
from hzmap.ui.common.follow import follow
from hzmap.ui.common.i18n import tr
from hzmap.ui.common.messages import message_box
from hzmap.ui.common.settings import settings
from hzmap.ui.export.tile_fetch import fetch_tiles

CUSTOM = "custom"
FORMATS = (("png", "PNG 图片"), ("pdf", "PDF 矢量 vector"), ("svg", "SVG 矢量 vector"))
# the layout's map style (hzmap.render.map.diagram_style), remembered for each layout
MAP_STYLES = (("standard", "标准 Standard"), ("structure", "规划结构图 Structure diagram"))
PREVIEW_PX = 460




class ExportDialog(QDialog):
    """Emits `exported(path)` after a file is written."""

    exported = Signal(str)

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("导出地图 Export map"))
        self.session = session
        self.geo = session.state.geo
        self._style_layout = None
        self.title_edit = QLineEdit()
        self.format_combo = QComboBox()
        for key, text in FORMATS:
            self.format_combo.addItem(tr(text), key)
        self.style_combo = QComboBox()
        self.style_combo.setObjectName("exportStyle")
        for key, text in MAP_STYLES:
            self.style_combo.addItem(tr(text), key)
        self.preset_combo = QComboBox()
        for key, (*_, label) in PRESETS.items():
            self.preset_combo.addItem(tr(label), key)
        self.preset_combo.addItem(tr("自定义 Custom"), CUSTOM)
        self.width_spin, self.height_spin = QSpinBox(), QSpinBox()
        for spin in (self.width_spin, self.height_spin):
            spin.setRange(*SIDE_PX_RANGE)
            spin.setSuffix(" px")
        self.dpi_spin = QSpinBox()
        self.dpi_spin.setRange(*DPI_RANGE)
        self.dpi_spin.setSuffix(" DPI")
        self.inset_check = QCheckBox(tr("全市位置小图 Overview inset (when zoomed in)"))
        self.path_edit = QLineEdit()
        browse = QPushButton(tr("浏览… Browse"))
        browse.clicked.connect(self._browse)
        self.preview = QLabel(alignment=Qt.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_PX, int(PREVIEW_PX * 0.72))
        self.preview.setObjectName("exportPreview")

        form = QFormLayout()
        form.addRow(tr("标题 Title"), self.title_edit)
        form.addRow(tr("格式 Format"), self.format_combo)
        form.addRow(tr("样式 Style"), self.style_combo)
        form.addRow(tr("尺寸 Size"), self.preset_combo)
        size_row = QHBoxLayout()
        size_row.addWidget(self.width_spin)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height_spin)
        size_row.addWidget(self.dpi_spin)
        size_box = QWidget()
        size_box.setLayout(size_row)
        form.addRow("", size_box)
        form.addRow("", self.inset_check)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        path_box = QWidget()
        path_box.setLayout(path_row)
        form.addRow(tr("文件 File"), path_box)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.export_button = buttons.addButton(tr("导出 Export"), QDialogButtonBox.AcceptRole)
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.update_preview)
        self._restore_style()
        self._auto_title = self._resolved_title()  # the title while the user types none
        self.title_edit.setText(self._auto_title)
        self._restore()
        self.style_combo.currentIndexChanged.connect(self._on_style_changed)
        for signal in (self.title_edit.textChanged, self.preset_combo.currentIndexChanged,
                       self.width_spin.valueChanged, self.height_spin.valueChanged,
                       self.dpi_spin.valueChanged, self.inset_check.toggled):
            signal.connect(lambda *_: self._timer.start())
        self.preset_combo.currentIndexChanged.connect(self._on_preset_changed)
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)
        self._on_preset_changed()
        self.update_preview()
        for signal in (session.state.changed, session.dataset_changed, session.layers.changed,
                       session.annotations.history_changed):
            follow(self, signal, self._on_shown_changed)

    # -- what is exported ----------------------------------------------------------------------
    @property
    def ds(self):
        return self.session.dataset

    @property
    def base(self) -> ExportSpec:
        """What the map shows now, on the default page."""
        s = self.session
        return ExportSpec(view=s.state.view, annotations=list(s.annotations), layers=s.layers)

    def _on_shown_changed(self, *_args) -> None:
        """The map, its dataset or its layers changed while the dialog is open: a title the user
        did not type follows the layout shown (and so does the file name made from it), the
        style is the one last used for that layout, and the preview is drawn again."""
        if self.session.state.layout != self._style_layout:
            self._restore_style()
        self._follow_title()

    def _resolved_title(self) -> str:
        return replace(self.base, diagram=self.style_combo.currentData()).resolved_title(self.ds)

    def _on_style_changed(self, *_) -> None:
        """A structure diagram says so in its title (示意图): a title the user did not type
        follows the style."""
        self._follow_title()

    def _follow_title(self) -> None:
        """A title the user did not type becomes the one the layout and style make (and the file
        name made from it follows); the preview is drawn again."""
        title = self._resolved_title()
        if self.title_edit.text() == self._auto_title and title != self._auto_title:
            path = Path(self.path_edit.text())
            if path.stem == _file_stem(self._auto_title):
                self.path_edit.setText(str(path.with_name(_file_stem(title) + path.suffix)))
            self.title_edit.setText(title)
        self._auto_title = title
        self._timer.start()

    # -- settings --------------------------------------------------------------------------
    def _style_key(self) -> str:
        layout = self.session.state.layout
        return f"export/style/{layout}" if layout else "export/style"

    def _restore_style(self) -> None:
        """The style last used for the layout shown (or for exports without one)."""
        self._style_layout = self.session.state.layout
        self.style_combo.blockSignals(True)
        self._select(self.style_combo, settings().value(self._style_key(), "standard"))
        self.style_combo.blockSignals(False)
    def _restore(self) -> None:
        s = settings()
        self._select(self.format_combo, s.value("export/format", "png"))
        self._select(self.preset_combo, s.value("export/preset", "a4-landscape"))
        self.width_spin.setValue(int(s.value("export/width", 1920)))
        self.height_spin.setValue(int(s.value("export/height", 1080)))
        self.dpi_spin.setValue(int(s.value("export/dpi", 300)))
        self.inset_check.setChecked(str(s.value("export/inset", "true")).lower() == "true")
        folder = s.value("export/folder", str(Path.home()))
        name = _file_stem(self.title_edit.text())
        self.path_edit.setText(str(Path(folder) / f"{name}.{self.format_combo.currentData()}"))

    def _remember(self) -> None:
        s = settings()
        s.setValue("export/format", self.format_combo.currentData())
        s.setValue("export/preset", self.preset_combo.currentData())
        s.setValue("export/width", self.width_spin.value())
        s.setValue("export/height", self.height_spin.value())
        s.setValue("export/dpi", self.dpi_spin.value())
        s.setValue("export/inset", "true" if self.inset_check.isChecked() else "false")
        s.setValue(self._style_key(), self.style_combo.currentData())
        s.setValue("export/folder", str(Path(self.path_edit.text()).expanduser().parent))
        s.sync()

    @staticmethod
    def _select(combo: QComboBox, key) -> None:
        i = combo.findData(key)
        if i >= 0:
            combo.setCurrentIndex(i)

    # -- handlers -------------------------------------------------------------------------------
    def _on_preset_changed(self, *_) -> None:
        key = self.preset_combo.currentData()
        custom = key == CUSTOM
        self.width_spin.setEnabled(custom)
        self.height_spin.setEnabled(custom)
        if not custom:
            w, h, dpi, _ = PRESETS[key]
            for spin, value in ((self.width_spin, round(w * dpi)), (self.height_spin, round(h * dpi)),
                                (self.dpi_spin, dpi)):
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)

    def _on_format_changed(self, *_) -> None:
        path = Path(self.path_edit.text())
        if path.suffix.lower() in (".png", ".svg", ".pdf"):
            self.path_edit.setText(str(path.with_suffix("." + self.format_combo.currentData())))

    def _browse(self) -> None:
        fmt = self.format_combo.currentData()
        path, _ = QFileDialog.getSaveFileName(self, tr("导出到 Export to"), self.path_edit.text(),
                                              f"{fmt.upper()} (*.{fmt})")
        if path:
            self.path_edit.setText(path)

    def spec(self) -> ExportSpec:
        key = self.preset_combo.currentData()
        custom = key == CUSTOM
        return replace(self.base, title=self.title_edit.text().strip() or None,
                       preset=None if custom else key,
                       width_px=self.width_spin.value() if custom else None,
                       height_px=self.height_spin.value() if custom else None,
                       dpi=self.dpi_spin.value(), inset=self.inset_check.isChecked(),
                       diagram=self.style_combo.currentData())

    def update_preview(self) -> None:
        """Render the same composition at a small DPI and show it."""
        spec = self.spec()
        try:
            w_in, _, _ = spec.size()
        except ExportError as e:
            self.preview.setText(str(e))
            return
        ratio = self.devicePixelRatioF()  # at 200% scaling: twice the pixels, not a blurred upscale
        # the preview draws the base map tiles it has; the file waits for all of them
        fig = compose(replace(spec, wait_tiles=False), self.geo, self.ds, preview_dpi=PREVIEW_PX * ratio / w_in).figure
        fig.canvas.draw()
        buf = fig.canvas.buffer_rgba()
        h, w = buf.shape[:2]
        image = QImage(bytes(buf), w, h, 4 * w, QImage.Format_RGBA8888).copy()
        image.setDevicePixelRatio(ratio)
        self.preview.setPixmap(QPixmap.fromImage(image))
        self.preview_size = (round(w / ratio), round(h / ratio))  # logical pixels

    def export(self) -> bool:
        """Write the file; on failure say why in a message box and keep the dialog open. The
        base map's tiles are fetched first off the window's thread, with a Cancel (which
        writes nothing), and the page is then drawn from memory."""
        path = self.path_edit.text().strip()
        fmt = self.format_combo.currentData()
        self.setCursor(Qt.WaitCursor)
        try:
            page = compose(replace(self.spec(), wait_tiles=False), self.geo, self.ds)
            tiles = fetch_tiles(self, page.scene.basemap_artist)
            if tiles is None:
                self.unsetCursor()
                return False
            save(page.figure, path, fmt, title=page.title)
        except ExportError as e:
            self.unsetCursor()
            box = message_box(QMessageBox.Critical, tr("导出失败 Export failed"), str(e), parent=self)
            box.setObjectName("exportError")
            self.error_box = box
            box.open()
            return False
        self.unsetCursor()
        self._remember()
        self.exported.emit(path)
        if tiles:  # written, but some tiles never came: said where the planner will see it
            box = message_box(QMessageBox.Warning, tr("底图不完整 Base map incomplete"),
                              tr("已导出，但底图有缺失的瓦片： Exported, but base-map tiles are missing:")
                              + "\n" + "\n".join(tiles), parent=self.parentWidget())
            box.setObjectName("exportTilesMissing")
            self.tiles_box = box
            box.open()
        self.accept()
        return True


def _file_stem(title: str) -> str:
    """A file name made from a title: what no file system takes, left out."""
    return "".join(c for c in title if c not in '\\/:*?"<>|').strip() or "hzmap"
