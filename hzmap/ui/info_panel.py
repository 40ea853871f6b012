"""The side panel: facts about the selected district, and what every plan says about it."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from hzmap.model.geodata import GeoData
from hzmap.model.state import AppState
from hzmap.ui.i18n import tr, tr_data

TYPE_EN = {"区": "district", "县": "county", "县级市": "county-level city"}
KIND_ZH = {"park": "园区", "base": "基地", "hub": "枢纽", "town": "小镇", "zone": "片区",
           "district_area": "区域", "venue": "场馆", "port": "港口", "campus": "校园", "other": "地点"}


class InfoPanel(QWidget):
    def __init__(self, state: AppState, geodata: GeoData, parent=None) -> None:
        super().__init__(parent)
        self.state = state
        self.geo = geodata
        self.inspector = None  # an Inspector once the dataset is in (imported then: it pulls in the loader)
        self.title = QLabel()
        self.title.setObjectName("districtTitle")
        self.title.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #555;")
        self.subtitle.setWordWrap(True)
        self.hint = QLabel(tr("点击地图上的区县或基地符号查看详情\nClick a district or a base symbol on the map"))
        self.hint.setAlignment(Qt.AlignCenter)
        self.hint.setStyleSheet("color: #777;")
        self.form = QFormLayout()
        self.fields = {key: QLabel() for key in ("type", "adcode", "area")}
        for key, label in (("type", "类型"), ("adcode", "行政区划代码"), ("area", "面积")):
            self.fields[key].setTextInteractionFlags(Qt.TextSelectableByMouse)
            self.form.addRow(tr(label), self.fields[key])
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.hint)
        self.box.addWidget(self.title)
        self.box.addWidget(self.subtitle)
        self.box.addLayout(self.form)
        self._stretch_index = self.box.count()
        self.box.addStretch(1)
        state.selection_changed.connect(self._on_selection_changed)
        state.place_changed.connect(self._on_place_changed)
        self._on_selection_changed(state.selection)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(400, 600)

    def set_dataset(self, dataset) -> None:
        from hzmap.ui.inspector import Inspector

        self.inspector = Inspector(dataset, self)
        self.box.takeAt(self._stretch_index)  # the inspector takes the spare height
        self.box.addWidget(self.inspector, 1)
        if self.state.selection is not None:
            self._on_selection_changed(self.state.selection)

    def _show_facts(self, shown: bool) -> None:
        for w in (self.title, self.subtitle, *self.fields.values()):
            w.setVisible(shown)
        for i in range(self.form.rowCount()):
            self.form.itemAt(i, QFormLayout.LabelRole).widget().setVisible(shown)

    def _on_selection_changed(self, did) -> None:
        if did is None and self.state.place is not None:
            return  # a place is shown instead
        self.hint.setVisible(did is None)
        self._show_facts(did is not None)
        if self.inspector is not None:
            self.inspector.show_district(did)
        if did is None:
            return
        row = self.geo.districts[did]
        self.title.setText(tr_data(row["name_zh"], row["name_en"]))
        self.subtitle.setText(tr_data(row["name_en"], row["name_zh"]))
        self.fields["type"].setText(tr_data(f"{row['type']} ({TYPE_EN.get(row['type'], '')})", TYPE_EN.get(row["type"])))
        self.fields["adcode"].setText(str(row["adcode"]))
        self.fields["area"].setText(f"{row['area_km2']:,.1f} km²")

    def _on_place_changed(self, pid) -> None:
        if pid is None:
            if self.state.selection is None:
                self._on_selection_changed(None)
            return
        if self.inspector is None:
            return
        place = self.inspector.ds.places[pid]
        self.hint.hide()
        self._show_facts(False)
        self.title.setText(tr_data(place.name, place.name_en))
        self.subtitle.setText(tr_data(f"{place.name_en}（{KIND_ZH.get(place.kind, place.kind)}）", f"{place.name} ({place.kind})"))
        self.title.show()
        self.subtitle.show()
        self.inspector.show_place(pid)
