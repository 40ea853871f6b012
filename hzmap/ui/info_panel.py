"""The side panel: facts about the selected district."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from hzmap.model.geodata import GeoData
from hzmap.model.state import AppState

TYPE_EN = {"区": "district", "县": "county", "县级市": "county-level city"}


class InfoPanel(QWidget):
    def __init__(self, state: AppState, geodata: GeoData, parent=None) -> None:
        super().__init__(parent)
        self.geo = geodata
        self.title = QLabel()
        self.title.setObjectName("districtTitle")
        self.title.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #555;")
        self.hint = QLabel("点击地图上的区县查看详情\nClick a district on the map")
        self.hint.setAlignment(Qt.AlignCenter)
        self.hint.setStyleSheet("color: #777;")
        self.form = QFormLayout()
        self.fields = {key: QLabel() for key in ("type", "adcode", "area")}
        for key, label in (("type", "类型"), ("adcode", "行政区划代码"), ("area", "面积")):
            self.fields[key].setTextInteractionFlags(Qt.TextSelectableByMouse)
            self.form.addRow(label, self.fields[key])
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(self.form)
        layout.addStretch(1)
        state.selection_changed.connect(self._on_selection_changed)
        self._on_selection_changed(state.selection)

    def _on_selection_changed(self, did) -> None:
        shown = did is not None
        self.hint.setVisible(not shown)
        for w in (self.title, self.subtitle, *self.fields.values()):
            w.setVisible(shown)
        for i in range(self.form.rowCount()):
            self.form.itemAt(i, QFormLayout.LabelRole).widget().setVisible(shown)
        if not shown:
            return
        row = self.geo.districts[did]
        self.title.setText(row["name_zh"])
        self.subtitle.setText(row["name_en"])
        self.fields["type"].setText(f"{row['type']} ({TYPE_EN.get(row['type'], '')})")
        self.fields["adcode"].setText(str(row["adcode"]))
        self.fields["area"].setText(f"{row['area_km2']:,.1f} km²")
