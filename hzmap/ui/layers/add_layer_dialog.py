"""File › 添加图层 Add layer…: choose how a file is read, read it, see what was made of it.

The dialog starts from what hzmap.model.layers.inspect_file proposed (the sheet or layer, the
lon/lat or district column, the coordinate system with the reason for the guess) and lets the
user change each. "Read" opens the file with those choices and lists what came of every row:
the notes (rows without coordinates, features outside Hangzhou), and for a district table each
name once with its rows: matched, joined through a former name (and to what), split, parts of
districts, totals and unmatched, so no row is dropped unseen. When the file's fields or its fit
to the district boundaries say its lon/lat are GCJ-02 or BD-09 where it says WGS84 or nothing,
the dialog says so with the evidence and offers the conversion (never makes it unasked). A
district table with several rows per district asks how to combine them (count, sum, mean,
median) and which column. "Add to map" then hands the LayerData (`data`) and its first style
(`style()`) to the window. Every problem is shown in the dialog with the file's name; nothing is
added until the user says so. Reading runs off the window's thread with a Cancel
(hzmap.ui.common.background).
"""
from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QPushButton, QTreeWidget, QVBoxLayout)

from hzmap.model.layers import LayerError, inspect_file, open_layer
from hzmap.model.layers.errors import human_size
from hzmap.model.layers.reading import ReadCancelled
from hzmap.model.layers.source import format_label
from hzmap.ui.common import background
from hzmap.ui.common.i18n import tr
from hzmap.ui.layers.add_layer_report import fill_report, report_texts

COORDS = (("wgs84", "WGS84（GPS、天地图等）WGS84 (GPS, most GIS files)"),
          ("gcj02", "GCJ-02（高德、腾讯）GCJ-02 (Amap, Tencent)"),
          ("bd09", "BD-09（百度）BD-09 (Baidu)"))
AS_STATED = "按文件所述 As the file states"
COMBINE = ((None, "不合并 Keep apart"), ("count", "计数 Count rows"), ("sum", "求和 Sum"),
           ("mean", "平均 Mean"), ("median", "中位数 Median"))
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
        self.crs_question = QLabel()
        self.crs_question.setObjectName("addLayerCrsQuestion")
        self.crs_question.setWordWrap(True)
        self.crs_question.setStyleSheet("background: #FFF4D6; padding: 6px; border: 1px solid #E0C070;")
        self.convert_button = QPushButton()
        self.convert_button.setObjectName("addLayerConvert")
        self.convert_button.clicked.connect(self._on_convert)
        self._proposal = None
        self.values_label = QLabel()
        self.combine = QComboBox()
        self.combine.setObjectName("addLayerCombine")
        for key, label in COMBINE:
            self.combine.addItem(tr(label), key)
        self.value_column = QComboBox()
        self.value_column.setMinimumContentsLength(14)
        self.value_column.setObjectName("addLayerValueColumn")
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
        box.addWidget(self.crs_question)
        box.addWidget(self.convert_button, 0, Qt.AlignLeft)
        values = QHBoxLayout()
        self.combine_label, self.column_label = QLabel(tr("合并方式 Combine:")), QLabel(tr("数值列 Column:"))
        for widget in (self.values_label, self.combine_label, self.combine, self.column_label):
            values.addWidget(widget)
        values.addWidget(self.value_column, 1)
        box.addLayout(values)
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
        for widget in (self.crs_question, self.convert_button, *self._value_widgets()):
            widget.setVisible(False)
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
        fill_report(self.report, data, self.geo)
        self._show_crs_question(data)
        self._show_values(data)

    def report_texts(self, kind: str | None = None) -> list[str]:
        """The report's lines (of one kind: "note", a join status, ...), for tests and copying."""
        return report_texts(self.report, kind)

    # -- the coordinate system, when the file's fields or its fit say another ----------------------------
    def _show_crs_question(self, data) -> None:
        check = getattr(data, "crs_check", None)
        proposal = check.proposal if check is not None else None
        self.crs_question.setVisible(proposal is not None)
        self.convert_button.setVisible(proposal is not None)
        if proposal is None:
            return
        name = {"gcj02": "GCJ-02", "bd09": "BD-09", "wgs84": "WGS84"}[proposal]
        evidence = "<br>".join(f"• {escape(e)}" for e in check.evidence())
        self.crs_question.setText(
            f"<b>{tr('这个文件看来是 This file looks like')} {name}</b> · "
            + tr("按文件所述读取，约偏离 {m} m Read as the file says, it sits about {m} m off").format(
                m=f"{check.shift_m:,.0f}") + f"<br>{evidence}")
        self.convert_button.setText(tr("按此转换 Convert from") + f" {name}")
        self._proposal = proposal

    def _on_convert(self) -> None:
        _select(self.coords, self._proposal)  # the choice is the planner's, shown in the form
        self.guess.setText(tr("坐标系：按证据选择 Coordinates: chosen from the evidence") + f" ({self._proposal})")
        self.read()

    # -- several rows per district: how to combine them --------------------------------------------------
    def _show_values(self, data) -> None:
        from hzmap.model.layers.style import default_style

        shown = data.kind == "districts" and bool(data.numeric or data.join.is_listing())
        per = data.join.rows_per_district() if shown else {}
        several = bool(per) and max(per.values()) > 1  # only then is there anything to combine
        for widget in self._value_widgets():
            widget.setVisible(shown and (several or widget in (self.column_label, self.value_column)))
        if not shown:
            return
        style = default_style(data)
        for combo in (self.combine, self.value_column):
            combo.blockSignals(True)
        self.value_column.clear()
        for c in data.numeric:
            self.value_column.addItem(c, c)
        _select(self.value_column, style["column"])
        _select(self.combine, style["combine"])
        for combo in (self.combine, self.value_column):
            combo.blockSignals(False)
        self.values_label.setText(tr("每区行数 Rows per district:") + " " + (
            f"{min(per.values())}–{max(per.values())}" if per else "0"))

    def _value_widgets(self) -> tuple:
        return (self.values_label, self.combine_label, self.combine, self.column_label, self.value_column)

    def style(self) -> dict | None:
        """The layer's first style with the dialog's column and combination, or None (default)."""
        if self.data is None or self.data.kind != "districts" or self.combine.isHidden():
            return None
        from hzmap.model.layers.style import default_style

        style = default_style(self.data)
        combine = self.combine.currentData()
        column = self.value_column.currentData() or style["column"] or self.data.join.column
        style.update(mode="choropleth", column=column, combine=combine,
                     unit=None if combine == "count" else self.data.units.get(column))
        return style


def _select(combo: QComboBox, value) -> None:
    i = next((j for j in range(combo.count()) if combo.itemData(j) == value), 0)
    combo.setCurrentIndex(i)
