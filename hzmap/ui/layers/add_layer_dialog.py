"""File › 添加图层 Add layer…: choose how a file is read, read it, see what was made of it.

The dialog starts from what hzmap.model.layers.inspect_file proposed (the sheet or layer, the
lon/lat or district column, the coordinate system with the reason for the guess) and lets the
user change each. "Read" opens the file with those choices and lists what came of every row:
the notes (rows without coordinates, features outside Hangzhou), and for a district table the
rows matched, joined through a pre-2021 name (and to what), split, and unmatched, so no row is
dropped unseen. "Add to map" then hands the LayerData to the window (`data`). Every problem is
shown in the dialog with the file's name; nothing is added until the user says so. Reading runs
off the window's thread with a Cancel (hzmap.ui.common.background).
"""
from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout)

from hzmap.model.layers import LayerError, inspect_file, open_layer
from hzmap.model.layers.errors import human_size
from hzmap.model.layers.reading import ReadCancelled
from hzmap.model.layers.source import format_label
from hzmap.ui.common import background
from hzmap.ui.common.i18n import tr

COORDS = (("wgs84", "WGS84（GPS、天地图等）WGS84 (GPS, most GIS files)"),
          ("gcj02", "GCJ-02（高德、腾讯）GCJ-02 (Amap, Tencent)"),
          ("bd09", "BD-09（百度）BD-09 (Baidu)"))
AS_STATED = "按文件所述 As the file states"
STATUS_TITLES = (("matched", "匹配 Matched"), ("former", "经旧区名匹配 Joined through a pre-2021 name"),
                 ("split", "旧区现分属多区（不拆分、不绘制）Now several districts (not split, not drawn)"),
                 ("area", "片区、非整区（不绘制）Areas, not whole districts (not drawn)"),
                 ("total", "合计行（不绘制）Total rows (not drawn)"),
                 ("unmatched", "未匹配 Unmatched"))
KIND_CHOICES = (("points", "坐标点 Points from lon/lat"), ("districts", "区县表 District table"))


class AddLayerDialog(QDialog):
    def __init__(self, info, geo, gazetteer, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("addLayerDialog")
        self.setWindowTitle(tr("添加图层 Add layer"))
        self.info, self.geo, self.gazetteer = info, geo, gazetteer
        self.data = None  # the LayerData read with the current choices
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.sublayer = QComboBox()
        self.kind = QComboBox()
        for key, label in KIND_CHOICES:
            self.kind.addItem(tr(label), key)
        self.x_column, self.y_column, self.join_column = QComboBox(), QComboBox(), QComboBox()
        self.coords = QComboBox()
        self.coords.setObjectName("addLayerCoords")
        self.guess = QLabel()
        self.guess.setWordWrap(True)
        self.guess.setStyleSheet("color: #555;")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B00020;")
        self.error.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.report = QTreeWidget()
        self.report.setObjectName("addLayerReport")
        self.report.setHeaderHidden(True)
        self.report.setMinimumHeight(200)
        self.form = QFormLayout()
        self.rows = {}
        for key, label, widget in (("sublayer", "工作表/图层 Sheet or layer", self.sublayer),
                                   ("kind", "读作 Read as", self.kind),
                                   ("x", "经度列 Longitude (x) column", self.x_column),
                                   ("y", "纬度列 Latitude (y) column", self.y_column),
                                   ("join", "区县名称列 District column", self.join_column),
                                   ("coords", "坐标系 Coordinate system", self.coords)):
            name = QLabel(tr(label))
            self.form.addRow(name, widget)
            self.rows[key] = (name, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.read_button = QPushButton(tr("读取 Read"))
        self.read_button.setObjectName("addLayerRead")
        self.add_button = QPushButton(tr("添加到地图 Add to map"))
        self.add_button.setObjectName("addLayerAdd")
        self.buttons.addButton(self.read_button, QDialogButtonBox.ActionRole)
        self.buttons.addButton(self.add_button, QDialogButtonBox.AcceptRole)
        self.buttons.button(QDialogButtonBox.Cancel).setText(tr("取消 Cancel"))
        self.read_button.clicked.connect(self.read)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.file_label)
        box.addLayout(self.form)
        box.addWidget(self.guess)
        box.addWidget(self.error)
        box.addWidget(self.report, 1)
        box.addWidget(self.buttons)
        self.resize(620, 560)
        self._fill(info)
        self.sublayer.currentIndexChanged.connect(self._on_sublayer)
        for combo in (self.kind, self.x_column, self.y_column, self.join_column, self.coords):
            combo.currentIndexChanged.connect(self._on_choice)

    # -- the proposal ---------------------------------------------------------------------------
    def _fill(self, info) -> None:
        src = info.source
        self.info = info
        for combo in (self.sublayer, self.kind, self.x_column, self.y_column, self.join_column, self.coords):
            combo.blockSignals(True)
        self.file_label.setText(f"<b>{escape(src.path.name)}</b> · {format_label(src.format)} · "
                                f"{human_size(info.size)}")
        self.sublayer.clear()
        for name in info.sublayers:
            self.sublayer.addItem(name, name)
        _select(self.sublayer, src.sublayer)
        table = src.is_table
        _select(self.kind, info.kind or "points")
        for combo, value in ((self.x_column, src.x_column), (self.y_column, src.y_column),
                             (self.join_column, src.join_column)):
            combo.clear()
            for c in info.columns:
                combo.addItem(c, c)
            _select(combo, value)
        self.coords.clear()
        if not table:
            self.coords.addItem(tr(AS_STATED), None)
        for key, label in COORDS:
            if table or key != "wgs84":
                self.coords.addItem(tr(label), key)
        _select(self.coords, src.coords if table else (src.coords if src.coords != "wgs84" else None))
        self.guess.setText(self._guess_text(info))
        for combo in (self.sublayer, self.kind, self.x_column, self.y_column, self.join_column, self.coords):
            combo.blockSignals(False)
        self._show_rows()
        self._forget()

    def _guess_text(self, info) -> str:
        g = info.guess
        if g is None:
            return tr("坐标系：按文件所述 Coordinates: as the file states") if not info.source.is_table else ""
        if g.system is None:
            return tr("坐标系未知：按 WGS84 读取，请核对 No hint of the coordinate system: read as WGS84, "
                      "please check") + f" ({g.reason})"
        return tr("推测坐标系 Guessed coordinate system:") + f" {g.system.upper()} — {g.reason}"

    def _show_rows(self) -> None:
        table = self.info.source.is_table
        points = table and self.kind.currentData() == "points"
        shown = {"sublayer": len(self.info.sublayers) > 1, "kind": table, "x": points, "y": points,
                 "join": table and not points, "coords": not table or points}
        for key, (name, widget) in self.rows.items():
            name.setVisible(shown[key])
            widget.setVisible(shown[key])
        self.guess.setVisible(shown["coords"] and bool(self.guess.text()))

    def source(self):
        """The LayerSource the choices make."""
        src = self.info.source
        if not src.is_table:
            coords = self.coords.currentData()
            return replace(src, coords=coords, coords_guess=src.coords_guess if coords == src.coords else "chosen")
        if self.kind.currentData() == "districts":
            return replace(src, x_column=None, y_column=None, join_column=self.join_column.currentData(),
                           coords=None)
        coords = self.coords.currentData()
        guessed = self.info.guess.system if self.info.guess is not None else None
        return replace(src, x_column=self.x_column.currentData(), y_column=self.y_column.currentData(),
                       coords=coords, coords_guess=src.coords_guess if coords == (guessed or "wgs84") else "chosen")

    # -- the user's choices ---------------------------------------------------------------------------
    def _on_sublayer(self, _index: int) -> None:
        name = self.sublayer.currentData()
        path = self.info.source.path
        try:
            self._fill(background.run(self, self._reading(), lambda c: inspect_file(path, name, self.gazetteer,
                                                                                 size_limit=None, cancel=c)))
        except background.Cancelled:
            self._forget()
            self.error.setText(tr("已取消读取 Reading cancelled"))
        except LayerError as exc:
            self._forget()
            self.error.setText(str(exc))

    def _on_choice(self, _index: int) -> None:
        self._show_rows()
        self._forget()

    def _forget(self) -> None:
        """The choices changed: what was read no longer holds."""
        self.data = None
        self.report.clear()
        self.error.setText("")
        self.add_button.setEnabled(False)
        self.read_button.setDefault(True)

    # -- reading ----------------------------------------------------------------------------------------
    def read(self) -> bool:
        """Open the file with the choices made; show what came of it, or the problem."""
        self._forget()
        source = self.source()
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            data = background.run(self, self._reading(), lambda c: open_layer(source, self.geo, self.gazetteer,
                                                                              size_limit=None, cancel=c))
        except (ReadCancelled, background.Cancelled):
            self.error.setText(tr("已取消读取 Reading cancelled"))
            return False
        except LayerError as exc:
            self.error.setText(str(exc))
            return False
        except ValueError as exc:  # a choice the reader cannot use (a column that is not there)
            self.error.setText(f"{self.info.source.path}: {exc}")
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.data = data
        self._report(data)
        self.add_button.setEnabled(True)
        self.add_button.setDefault(True)
        return True

    def _reading(self) -> str:
        return f"{tr('正在读取 Reading')} {self.info.source.path.name}…"

    def accept(self) -> None:
        if self.data is None and not self.read():
            return
        super().accept()

    def _report(self, data) -> None:
        self.report.clear()
        kinds = {"points": tr("点 points"), "lines": tr("线 lines"), "areas": tr("面 areas"),
                 "districts": tr("区县表 district table")}
        n = len(data.table) if data.kind == "districts" else len(data)
        head = _item(self.report, f"{kinds[data.kind]} · {n:,} · {data.crs_used}", bold=True)
        head.setData(0, Qt.UserRole, "summary")
        if data.notes:
            notes = _item(self.report, tr("说明 Notes") + f" ({len(data.notes)})", bold=True)
            for note in data.notes:
                _item(notes, note).setData(0, Qt.UserRole, "note")
        names = {d: f["name_zh"] for d, f in self.geo.districts.items()}
        if data.kind == "districts":
            for status, title in STATUS_TITLES:
                rows = data.join.with_status(status)
                if not rows:
                    continue
                section = _item(self.report, f"{tr(title)} ({len(rows)})", bold=True)
                section.setData(0, Qt.UserRole, status)
                for r in rows:
                    target = f" → {'、'.join(names.get(d, d) for d in r.districts)}" if r.districts else ""
                    note = f"  [{r.note}]" if r.note else ""
                    _item(section, f"{tr('行 row')} {r.row}: {r.text or tr('（空）(empty)')}{target}{note}") \
                        .setData(0, Qt.UserRole, status)
                section.setExpanded(status != "matched" or len(rows) <= 13)
        else:
            counts = data.district_counts()
            section = _item(self.report, tr("各区县要素数 Features per district"), bold=True)
            for did, count in counts.items():
                if did is not None and count:
                    _item(section, f"{names[did]}: {count:,}")
            if counts.get(None):
                _item(section, f"{tr('杭州以外 Outside Hangzhou')}: {counts[None]:,}").setData(0, Qt.UserRole, "outside")
            section.setExpanded(True)
        if data.notes:
            notes.setExpanded(True)

    def report_texts(self, kind: str | None = None) -> list[str]:
        """The report's lines (of one kind: "note", a join status, ...), for tests and copying."""
        out = []

        def walk(item):
            if kind is None or item.data(0, Qt.UserRole) == kind:
                out.append(item.text(0))
            for i in range(item.childCount()):
                walk(item.child(i))
        for i in range(self.report.topLevelItemCount()):
            walk(self.report.topLevelItem(i))
        return out


def _item(parent, text: str, bold: bool = False) -> QTreeWidgetItem:
    item = QTreeWidgetItem(parent, [text])
    item.setToolTip(0, text)
    if bold:
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
    return item


def _select(combo: QComboBox, value) -> None:
    i = next((j for j in range(combo.count()) if combo.itemData(j) == value), 0)
    combo.setCurrentIndex(i)
