"""Where a draft element lies: its districts (a checklist of the 13, prefilled from the draft)
and how it is drawn: as its districts, a point picked on the map, a band along the river between
two picked points, or a schematic corridor, arrow or ellipse through points clicked on the map.

The picking goes through MapPick on the main map; what the picked points mean (lon/lat, the
district a point lies in, the districts a band crosses) is the model's
(hzmap.model.plan_import.review). The main map shows the element as it stands after each change.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QGridLayout, QHBoxLayout,
                               QLabel, QPushButton, QVBoxLayout, QWidget)

from hzmap.model.plan_import import review
from hzmap.ui.common.i18n import Texts, tr, tr_data
from hzmap.ui.plan_import.map_pick import MapPick

GEOMETRY_LABELS = {"districts": "按区县填色 Districts", "point": "地图上的点 Point on the map",
                   "river_band": "沿江带 Band along the river",
                   "schematic": "示意形状 Schematic shape", "places": "地点符号 Place symbols",
                   "area": "已知范围 Known area"}
SHAPE_LABELS = {"corridor": "走廊 Corridor", "arrow": "箭头 Arrow", "ellipse": "椭圆 Ellipse"}
HINTS = {"point": "在地图上点击该要素的位置", "river_band": "在地图上依次点击沿江带的起点和终点",
         "schematic": "沿形状依次点击，双击、右键或回车结束"}
DISTRICT_COLUMNS = 3


class ElementGeometry(QWidget):
    """`changed()` after the element's districts or geometry changed; `failed(message)`."""

    changed = Signal()
    failed = Signal(str)

    def __init__(self, canvas, session, parent=None) -> None:
        super().__init__(parent)
        self.session, self.geo = session, session.state.geo
        self.record = None
        self.pick = MapPick(canvas, self)
        self.pick.picked.connect(self._on_picked)
        self.pick.cancelled.connect(self._on_pick_cancelled)
        self.pick.progress.connect(self._on_pick_progress)
        self.ticks: dict[str, QCheckBox] = {}
        self.district_grid = QGridLayout()
        for i, did in enumerate(session.dataset.districts):
            tick = QCheckBox(objectName=f"district_{did}")
            tick.toggled.connect(self._on_district_ticked)
            self.district_grid.addWidget(tick, i // DISTRICT_COLUMNS, i % DISTRICT_COLUMNS)
            self.ticks[did] = tick
        self.kind = QComboBox(objectName="geometryKind")
        for key in review.GEOMETRIES:
            self.kind.addItem("", key)
        self.shape = QComboBox(objectName="geometryShape")
        for key in review.SHAPES:
            self.shape.addItem("", key)
        self.width = QDoubleSpinBox(objectName="geometryWidth", decimals=1, singleStep=0.5,
                                    minimum=review.WIDTH_KM[0], maximum=review.WIDTH_KM[1], value=4.0)
        self.width.setSuffix(" km")
        self.buttons = {key: QPushButton(objectName=f"geometry_{key}") for key in ("pick", "finish", "cancel")}
        self.buttons["pick"].clicked.connect(self.start_pick)
        self.buttons["finish"].clicked.connect(self.pick.finish)
        self.buttons["cancel"].clicked.connect(self.pick.cancel)
        self.summary, self.hint = QLabel(), QLabel()
        for label in (self.summary, self.hint):
            label.setWordWrap(True)
        self.hint.setStyleSheet("color: #B35400;")
        grid = QGridLayout()
        self.captions = [QLabel() for _ in range(3)]
        for row, (caption, widget) in enumerate(zip(self.captions, (self.kind, self.shape, self.width))):
            grid.addWidget(caption, row, 0)
            grid.addWidget(widget, row, 1)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.districts_caption = QLabel()
        box.addWidget(self.districts_caption)
        box.addLayout(self.district_grid)
        box.addLayout(grid)
        box.addLayout(row)
        box.addWidget(self.summary)
        box.addWidget(self.hint)
        self.kind.currentIndexChanged.connect(self._on_kind_chosen)
        self.texts = Texts(session.state, self, then=self.retranslate)
        self.retranslate()

    @property
    def ds(self):
        return self.session.dataset

    # -- showing a record ----------------------------------------------------------------------
    def show_record(self, record) -> None:
        """Show an element's districts and geometry (None or another kind: clear the map)."""
        self.pick.cancel()
        self.record = record if record is not None and record.kind == "element" else None
        self._fill_districts()
        self._show_geometry()

    def _fill_districts(self) -> None:
        chosen = set(self.record.data.get("districts", [])) if self.record else set()
        for did, tick in self.ticks.items():
            d = self.ds.districts[did]
            tick.blockSignals(True)
            tick.setText(tr_data(d.name_zh, d.name_en))
            tick.setChecked(did in chosen)
            tick.setEnabled(self.record is not None)
            tick.blockSignals(False)

    def _show_geometry(self) -> None:
        data = self.record.data if self.record else {}
        kind = review.geometry_kind(data) if self.record else "districts"
        g = data.get("geometry") or {}
        self.kind.blockSignals(True)
        index = self.kind.findData(kind)
        if index < 0:   # places or area: shown, kept unless the planner picks another
            self.kind.addItem(tr(GEOMETRY_LABELS[kind]), kind)
            index = self.kind.count() - 1
        self.kind.setCurrentIndex(index)
        self.kind.blockSignals(False)
        if g.get("shape") in review.SHAPES and kind == "schematic":
            self.shape.setCurrentIndex(self.shape.findData(g["shape"]))
        if g.get("width_km"):
            self.width.setValue(float(g["width_km"]))
        self._update_controls()
        self.summary.setText(self._describe(kind, g))
        if self.record is None:
            self.pick.show_shape(None)
        else:
            self.pick.show_shape(review.preview_shape(data, self.geo, self.ds), review.picked_points(data))

    def _describe(self, kind: str, g: dict) -> str:
        if self.record is None:
            return ""
        if kind == "point":
            lon, lat = g["path"][0]
            return tr("点 Point") + f": {lon:.4f}, {lat:.4f}"
        if kind == "river_band":
            return tr("沿江带 Band") + f": {g['from'][0]:.3f},{g['from'][1]:.3f} → " \
                f"{g['to'][0]:.3f},{g['to'][1]:.3f}, {g['width_km']:g} km"
        if kind == "schematic":
            return tr(SHAPE_LABELS.get(g.get("shape"), "")) + f": {len(g.get('path', []))} " + tr("个点 points")
        n = len(self.record.data.get("districts", []))
        return tr("按 {n} 个区县填色").format(n=n)

    def _update_controls(self) -> None:
        kind = self.kind.currentData()
        on = self.record is not None
        picking = self.pick.active
        self.kind.setEnabled(on and not picking)
        self.shape.setEnabled(on and kind == "schematic")
        self.width.setEnabled(on and kind in ("point", "river_band", "schematic"))
        self.buttons["pick"].setEnabled(on and kind in HINTS and not picking)
        self.buttons["finish"].setEnabled(picking and self.pick.mode == "schematic")
        self.buttons["cancel"].setEnabled(picking)

    # -- the planner's changes -------------------------------------------------------------------
    def _on_district_ticked(self, _on: bool) -> None:
        self.set_districts([did for did, tick in self.ticks.items() if tick.isChecked()])

    def set_districts(self, districts: list[str]) -> None:
        if self.record is None:
            return
        review.set_districts(self.record, districts, self.ds)
        self._fill_districts()
        self._show_geometry()
        self.changed.emit()

    def _on_kind_chosen(self, _index: int) -> None:
        self._update_controls()
        if self.record is not None and self.kind.currentData() == "districts":
            review.use_districts(self.record)
            self._show_geometry()
            self.changed.emit()

    def start_pick(self) -> None:
        """Pick the element's point, band ends or shape on the main map (as chosen)."""
        mode = self.kind.currentData()
        if self.record is None or mode not in HINTS:
            return
        self.pick.start(mode)
        self.hint.setText(tr(HINTS[mode]))
        self._update_controls()

    def _on_pick_progress(self, n: int) -> None:
        if self.pick.mode in HINTS:
            self.hint.setText(f"{tr(HINTS[self.pick.mode])} ({n})")

    def _on_pick_cancelled(self) -> None:
        self.hint.setText("")
        self._update_controls()

    def _on_picked(self, mode: str, points: list) -> None:
        """A pick ended: the model turns the points into the element's geometry."""
        self.hint.setText("")
        rec, width = self.record, self.width.value()
        try:
            if mode == "point" and points:
                review.pick_point(rec, self.geo, self.ds, *points[0], width_km=width)
            elif mode == "river_band":
                if len(points) < 2:
                    raise review.ReviewError("a band needs both its ends picked on the map")
                review.pick_band(rec, self.geo, self.ds, points[0], points[1], width_km=width)
            elif mode == "schematic":
                review.pick_shape(rec, self.geo, self.ds, self.shape.currentData(), points, width)
        except review.ReviewError as exc:
            self._update_controls()
            self.failed.emit(f"{rec.label}: {exc}")
            return
        self._fill_districts()
        self._show_geometry()
        self.changed.emit()

    def close_pick(self) -> None:
        """The review is closing: the map goes back to normal."""
        self.pick.close()

    # -- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        for i in range(self.kind.count()):
            self.kind.setItemText(i, tr(GEOMETRY_LABELS[self.kind.itemData(i)]))
        for i in range(self.shape.count()):
            self.shape.setItemText(i, tr(SHAPE_LABELS[self.shape.itemData(i)]))
        for caption, text in zip(self.captions, ("画法 Drawn as", "形状 Shape", "宽度 Width")):
            caption.setText(tr(text))
        self.districts_caption.setText(tr("覆盖的区县 Districts it covers"))
        for key, text in (("pick", "在地图上选取 Pick on map"), ("finish", "完成 Finish"),
                          ("cancel", "取消选取 Cancel")):
            self.buttons[key].setText(tr(text))
        if self.record is not None:
            self._fill_districts()
            self._show_geometry()

