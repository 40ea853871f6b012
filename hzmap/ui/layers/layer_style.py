"""How one user layer is drawn: mode, column, classes, ramp, sizes, unit and labels.

Every control writes the layer's style in the view state (`ViewState.update_layer`), and the
controls show the style the state holds, so the map and the form never disagree. Which modes and
columns are offered depends on the layer's data (the LayerStore): size by value for points,
classes of numeric columns, categories of any column.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QColorDialog, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget)

from hzmap.model.layers.classify import MAX_CLASSES, SCHEME_LABELS
from hzmap.model.layers.style import DEFAULTS, RAMPS
from hzmap.render.map.layer_paint import ramp_colours
from hzmap.ui.common.follow import follow
from hzmap.ui.common.i18n import Texts, tr

MODE_LABELS = {"single": "单色 One colour", "category": "分类 By category", "size": "按值大小 Size by value",
               "choropleth": "分级设色 Classes of a number", "density": "密度 Density (points per hexagon)"}
#: Hexagon sizes offered for the density view, metres across (None: chosen from the layer's extent).
CELLS = (None, 250, 500, 1000, 2000, 5000, 10000)
COMBINE_LABELS = {None: "不合并 Keep apart", "count": "计数 Count rows", "sum": "相加 Sum", "mean": "平均 Mean",
                  "median": "中位数 Median"}
NONE = "（无）None"


def _ramp_icon(name: str) -> QIcon:
    pix = QPixmap(60, 12)
    pix.fill(Qt.white)
    painter = QPainter(pix)
    for i, c in enumerate(ramp_colours(name, 5)):
        painter.fillRect(i * 12, 0, 12, 12, QColor.fromRgbF(*c))
    painter.end()
    return QIcon(pix)


class LayerStyleEditor(QGroupBox):
    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.state = state = session.state
        self.store = session.layers
        self.layer_id: str | None = None
        self.texts = Texts(state, self, then=self._sync)
        self.texts.tr(self.setTitle, "样式 Style")
        self.mode = QComboBox()
        self.column = QComboBox()
        self.scheme = QComboBox()
        self.k = QSpinBox()
        self.k.setRange(2, MAX_CLASSES)
        self.breaks = QLineEdit()
        self.breaks.setObjectName("styleBreaks")
        self.texts.tr(self.breaks.setPlaceholderText, "如 10, 50, 100 e.g. 10, 50, 100")
        self.ramp = QComboBox()
        for name in RAMPS:
            self.ramp.addItem(_ramp_icon(name), name, name)
        self.colour = QPushButton()
        self.colour.setObjectName("styleColour")
        self.size = QDoubleSpinBox()
        self.size.setRange(0.5, 60)
        self.size.setSingleStep(0.5)
        self.size_lo, self.size_hi = QDoubleSpinBox(), QDoubleSpinBox()
        for spin in (self.size_lo, self.size_hi):
            spin.setRange(0.5, 60)
        self.unit = QLineEdit()
        self.unit.setMaxLength(40)
        self.combine = QComboBox()
        self.labels = QComboBox()
        self.cell = QComboBox()
        self.cell.setObjectName("styleCell")
        for combo in (self.mode, self.column, self.scheme, self.ramp, self.combine, self.labels, self.cell):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)  # the dock is narrow; the popup shows names in full
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.rows: dict[str, tuple[QLabel, QWidget]] = {}
        sizes = QWidget()
        size_row = QHBoxLayout(sizes)
        size_row.setContentsMargins(0, 0, 0, 0)
        size_row.addWidget(self.size_lo)
        size_row.addWidget(QLabel("–"))
        size_row.addWidget(self.size_hi)
        for key, label, widget in (("mode", "方式 Mode", self.mode), ("column", "字段 Column", self.column),
                                   ("scheme", "分级 Classes", self.scheme), ("k", "级数 Number", self.k),
                                   ("breaks", "断点 Breaks", self.breaks), ("ramp", "色带 Ramp", self.ramp),
                                   ("colour", "颜色 Colour", self.colour), ("size", "大小 Size", self.size),
                                   ("size_range", "大小范围 Sizes", sizes), ("unit", "单位 Unit", self.unit),
                                   ("combine", "重复行 Repeated rows", self.combine),
                                   ("cell", "六边形 Hexagon", self.cell),
                                   ("labels", "标注 Labels", self.labels)):
            name = QLabel()
            self.texts.tr(name.setText, label)
            form.addRow(name, widget)
            self.rows[key] = (name, widget)
        for combo in (self.mode, self.column, self.scheme, self.ramp, self.combine, self.labels, self.cell):
            combo.currentIndexChanged.connect(self._on_edited)
        for spin in (self.k, self.size, self.size_lo, self.size_hi):
            spin.valueChanged.connect(self._on_edited)
        self.breaks.editingFinished.connect(self._on_edited)
        self.unit.editingFinished.connect(self._on_edited)
        self.colour.clicked.connect(self._choose_colour)
        follow(self, state.changed, self._on_view_changed)
        self.show_layer(None)

    # -- which layer --------------------------------------------------------------------------
    def show_layer(self, layer_id: str | None) -> None:
        self.layer_id = layer_id
        self._sync()

    def _layer(self):
        return self.state.view.layer(self.layer_id) if self.layer_id is not None else None

    def _on_view_changed(self, _view, fields) -> None:
        if "layers" in fields:
            self._sync()

    # -- state -> controls ------------------------------------------------------------------------
    def _sync(self) -> None:
        layer = self._layer()
        data = self.store.get(layer) if layer is not None else None
        self.setEnabled(data is not None)
        widgets = [w for _n, w in self.rows.values()] + [self.size_lo, self.size_hi]
        for w in widgets:
            w.blockSignals(True)
        try:
            self._fill(layer, data)
        finally:
            for w in widgets:
                w.blockSignals(False)

    def _fill(self, layer, data) -> None:
        style = {**DEFAULTS, **dict(layer.style or {})} if layer is not None else dict(DEFAULTS)
        kind = data.kind if data is not None else None
        numeric = _numeric(data)
        modes = ["single", "category"] + (["size"] if kind == "points" and numeric else []) \
            + (["choropleth"] if numeric else []) + (["density"] if kind == "points" else [])
        _refill(self.mode, [(tr(MODE_LABELS[m]), m) for m in modes], style["mode"])
        columns = numeric if style["mode"] in ("size", "choropleth") else (data.columns() if data is not None else [])
        _refill(self.column, [(c, c) for c in columns], style["column"])
        _refill(self.scheme, [(tr(label), key) for key, label in SCHEME_LABELS.items()], style["scheme"])
        self.k.setValue(int(style["k"]))
        self.breaks.setText(", ".join(f"{b:g}" for b in style["breaks"]))
        _select(self.ramp, style["ramp"])
        self.colour.setStyleSheet(f"background: {style['colour']}; min-width: 48px;")
        self.colour.setToolTip(style["colour"])
        self.size.setValue(float(style["size"]))
        self.size_lo.setValue(float(style["size_range"][0]))
        self.size_hi.setValue(float(style["size_range"][1]))
        self.unit.setText(style["unit"] or "")
        _refill(self.combine, [(tr(label), key) for key, label in COMBINE_LABELS.items()], style["combine"])
        _refill(self.labels, [(tr(NONE), None)] + [(c, c) for c in (data.columns() if data is not None else [])],
                style["labels"])
        _refill(self.cell, [(tr("自动 Automatic") if c is None else f"{c:,} m", c) for c in CELLS], style["cell"])
        mode = style["mode"]
        classes = mode in ("choropleth", "density")
        shown = {"mode": True, "column": mode not in ("single", "density"), "scheme": classes,
                 "k": classes and style["scheme"] != "manual",
                 "breaks": classes and style["scheme"] == "manual",
                 "ramp": classes, "colour": mode in ("single", "size"),
                 "size": kind in ("points", "lines") and mode not in ("size", "density"), "size_range": mode == "size",
                 "unit": mode in ("choropleth", "size"), "combine": kind == "districts", "cell": mode == "density",
                 "labels": True}
        for key, (name, widget) in self.rows.items():
            name.setVisible(shown[key])
            widget.setVisible(shown[key])

    # -- controls -> state ---------------------------------------------------------------------------
    def _on_edited(self, *_args) -> None:
        layer = self._layer()
        if layer is None:
            return
        style = {**DEFAULTS, **dict(layer.style or {})}
        mode = self.mode.currentData() or "single"
        column = self.column.currentData()
        data = self.store.get(layer)
        if mode != style["mode"] and data is not None:  # a new mode: a column that suits it
            pool = _numeric(data) if mode in ("size", "choropleth") else data.columns()
            column = column if column in pool else (pool[0] if pool else None)
        if mode not in ("single", "density") and column is None:
            mode = "single"
        style.update(mode=mode, column=column if mode not in ("single", "density") else style["column"],
                     cell=self.cell.currentData() if mode == "density" else style["cell"],
                     scheme=self.scheme.currentData(), k=self.k.value(), ramp=self.ramp.currentData(),
                     size=self.size.value(), combine=self.combine.currentData(), labels=self.labels.currentData(),
                     size_range=[min(self.size_lo.value(), self.size_hi.value()),
                                 max(self.size_lo.value(), self.size_hi.value())],
                     unit=self.unit.text().strip() or None)
        if column != (layer.style or {}).get("column") and mode in ("size", "choropleth") and data is not None:
            style["unit"] = data.units.get(column)  # the new column's own unit
        breaks = _parse_breaks(self.breaks.text())
        self.breaks.setStyleSheet("" if breaks is not None else "background: #FFE0E0;")
        if breaks is not None:
            style["breaks"] = breaks
        if style["scheme"] == "manual" and not style["breaks"]:
            style["scheme"] = "quantiles"  # no breaks yet: keep showing classes until some are typed
            self.breaks.setStyleSheet("background: #FFF4D0;")
        self.state.update_layer(layer.id, style=style)

    def _choose_colour(self) -> None:
        layer = self._layer()
        if layer is None:
            return
        current = QColor({**DEFAULTS, **dict(layer.style or {})}["colour"])
        colour = QColorDialog.getColor(current, self, tr("图层颜色 Layer colour"))
        if colour.isValid():
            self.set_colour(colour.name())

    def set_colour(self, hex_colour: str) -> None:
        layer = self._layer()
        if layer is not None:
            self.state.update_layer(layer.id, style={**dict(layer.style or {}), "colour": hex_colour.upper()})


def _numeric(data) -> list[str]:
    """The numeric columns worth classing: a table's lon/lat columns are where, not what."""
    if data is None:
        return []
    src = data.source
    return [c for c in data.numeric if c not in (src.x_column, src.y_column)]


def _parse_breaks(text: str) -> list[float] | None:
    """'10, 50，100' -> [10.0, 50.0, 100.0]; None for text that is not numbers."""
    parts = [p for p in text.replace("，", ",").replace(";", ",").split(",") if p.strip()]
    try:
        values = sorted(float(p) for p in parts)
    except ValueError:
        return None
    return values if len(values) <= MAX_CLASSES else None


def _select(combo: QComboBox, value) -> None:
    i = next((j for j in range(combo.count()) if combo.itemData(j) == value), 0)
    combo.setCurrentIndex(i)


def _refill(combo: QComboBox, items, value) -> None:
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    _select(combo, value)
