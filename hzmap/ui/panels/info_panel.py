"""The side panel: facts about what is selected, and what every plan says about it.

With user layers shown, a district's values in the district tables (with how each was joined)
and its count of features come first; a selected feature of a user layer shows its attributes.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from hzmap.model.dataset.lang import joined
from hzmap.model.layers.lookup import district_values, feature_info
from hzmap.ui.common.follow import follow
from hzmap.ui.common.i18n import Texts, tr, tr_data

TYPE_EN = {"区": "district", "县": "county", "县级市": "county-level city"}
KIND_ZH = {"park": "园区", "base": "基地", "hub": "枢纽", "town": "小镇", "zone": "片区",
           "district_area": "区域", "venue": "场馆", "port": "港口", "campus": "校园", "other": "地点"}
FACTS = (("type", "类型"), ("adcode", "行政区划代码"), ("area", "面积"))
HINT = "点击地图上的区县或基地符号查看详情\nClick a district or a base symbol on the map"


class InfoPanel(QWidget):
    """The selection's facts and the inspector (once the dataset is in), from the session's
    dataset and user layers. Emits `open_source(source)` for an item's "open at source"."""

    open_source = Signal(object)

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.state = state = session.state
        self.geo = state.geo
        self.layers = session.layers
        self._layers_key = _layers_key(state.view)
        self.texts = Texts(state, self, then=self._on_language_changed)
        self.inspector = None  # an Inspector once the dataset is in (imported then: it pulls in the loader)
        self.title = QLabel()
        self.title.setObjectName("districtTitle")
        self.title.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #555;")
        for label in (self.title, self.subtitle):  # a long name wraps; it never widens the dock
            label.setWordWrap(True)               # (and so never resizes the map under the user)
            label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.hint = QLabel(objectName="selectionHint", wordWrap=True)
        self._hint_source = HINT
        self.hint.setText(tr(HINT))
        self.hint.setAlignment(Qt.AlignCenter)
        self.hint.setStyleSheet("color: #777;")
        self.form = QFormLayout()
        self.fields = {key: QLabel() for key, _ in FACTS}
        for key, label in FACTS:
            self.fields[key].setTextInteractionFlags(Qt.TextSelectableByMouse)
            name = QLabel()
            self.texts.tr(name.setText, label)
            self.form.addRow(name, self.fields[key])
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.hint)
        self.box.addWidget(self.title)
        self.box.addWidget(self.subtitle)
        self.box.addLayout(self.form)
        self._stretch_index = self.box.count()
        self.box.addStretch(1)
        follow(self, state.changed, self._on_view_changed)
        follow(self, session.dataset_changed, self._on_dataset_changed)
        follow(self, session.layers.changed, self._on_layer_data_changed)
        if session.dataset is not None:
            self._on_dataset_changed(session.dataset)
        else:
            self.show_selection()

    def set_hint(self, source: str | None = None) -> None:
        """What to click, shown while nothing is selected (its source text, translated here);
        None: the usual hint."""
        self._hint_source = source or HINT
        self.hint.setText(tr(self._hint_source))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(400, 600)

    def _on_dataset_changed(self, _dataset, _shipped=None) -> None:
        """The dataset arrived, or a new one replaced it: the selection is shown from it."""
        from hzmap.ui.panels.inspector import Inspector

        if self.inspector is None:
            self.inspector = Inspector(self.session, self)
            self.inspector.open_source.connect(self.open_source)
            self.box.takeAt(self._stretch_index)  # the inspector takes the spare height
            self.box.addWidget(self.inspector, 1)
        self.show_selection()
        if os.environ.get("HZMAP_IDLE_PREBUILD", "1") != "0":  # (0: the tests' windows)
            self.inspector.prepare_profiles()

    def _on_layer_data_changed(self, _ids) -> None:
        sel = self.state.selection
        if sel is not None and sel.kind in ("district", "feature") and self.state.view.user_layers():
            self.show_selection()  # values read from the layers' data

    def _on_language_changed(self) -> None:
        self.hint.setText(tr(self._hint_source))
        self.show_selection()  # built from data in the language in force

    def _on_view_changed(self, view, fields) -> None:
        if fields & {"selection", "as_of", "lapsed"}:   # the plans' statuses are the new day's
            self.show_selection()
        elif "layers" in fields and view.selection is not None and view.selection.kind in ("district", "feature"):
            key = _layers_key(view)
            if key != self._layers_key:  # not for an opacity drag or a new colour: values only
                self._layers_key = key
                self.show_selection()

    def _show_facts(self, shown: bool) -> None:
        for w in (self.title, self.subtitle, *self.fields.values()):
            w.setVisible(shown)
        for i in range(self.form.rowCount()):
            self.form.itemAt(i, QFormLayout.LabelRole).widget().setVisible(shown)

    def show_selection(self) -> None:
        sel = self.state.selection
        self.hint.setVisible(sel is None)
        self._show_facts(sel is not None and sel.kind == "district")
        if sel is None:
            self.title.hide()
            self.subtitle.hide()
            if self.inspector is not None:
                self.inspector.show_district(None)
        elif sel.kind == "district":
            self._show_district(sel.id)
        elif sel.kind == "feature":
            self._show_feature(*self.state.view.feature)
        elif self.inspector is not None:
            self.title.show()
            self.subtitle.show()
            if sel.kind == "place":
                self._show_place(sel.id)
            else:
                self._show_element(*self.state.view.element)

    def _show_district(self, did: str) -> None:
        row = self.geo.districts[did]
        self.title.setText(tr_data(row["name_zh"], row["name_en"]))
        self.subtitle.setText(tr_data(row["name_en"], row["name_zh"]))
        self.fields["type"].setText(tr_data(f"{row['type']} ({TYPE_EN.get(row['type'], '')})", TYPE_EN.get(row["type"])))
        self.fields["adcode"].setText(str(row["adcode"]))
        self.fields["area"].setText(f"{row['area_km2']:,.1f} km²")
        if self.inspector is not None:
            self.inspector.show_district(did)
            if self.state.view.user_layers():
                self.inspector.add_layer_values(district_values(self.state.view, self.layers, did))

    def _show_feature(self, layer_id: str, row: int) -> None:
        info = feature_info(self.state.view, self.layers, layer_id, row)
        self.title.show()
        self.subtitle.show()
        if info is None:
            self.title.setText(self.state.view.layer(layer_id).name if self.state.view.layer(layer_id) else layer_id)
            self.subtitle.setText("")
            if self.inspector is not None:
                self.inspector.show_district(None)
            return
        where = ""
        if info.district is not None:
            d = self.geo.districts[info.district]
            where = " · " + tr_data(d["name_zh"], d["name_en"])
        self.title.setText(info.layer_name)
        self.subtitle.setText(f"{tr('第 {n} 行').format(n=info.row)}{where}")
        if self.inspector is not None:
            self.inspector.show_feature(info)

    def _show_place(self, pid: str) -> None:
        place = self.inspector.ds.places[pid]
        self.title.setText(tr_data(place.name, place.name_en))
        self.subtitle.setText(tr_data(joined(place.name_en, f"（{KIND_ZH.get(place.kind, place.kind)}）", sep=""),
                                      f"{place.name} ({place.kind})"))
        self.inspector.show_place(pid)

    def _show_element(self, layout_id: str, element_id: str) -> None:
        ds = self.inspector.ds
        layout = ds.layouts.get(layout_id)
        el = next((e for e in layout.elements if e.id == element_id), None) if layout else None
        if el is None:
            self.inspector.show_district(None)
            return
        self.title.setText(tr_data(el.name, el.name_en))
        self.subtitle.setText(tr_data(f"{layout.name} · {el.name_en}", f"{layout.name_en} · {el.name}"))
        self.inspector.show_element(layout_id, element_id)


def _layers_key(view) -> tuple:
    """What of the user layers the panel shows depends on: which are shown, their names, columns
    and files."""
    return tuple((lay.id, lay.name, lay.visible, lay.source, (lay.style or {}).get("column"),
                  (lay.style or {}).get("combine"), (lay.style or {}).get("unit"))
                 for lay in view.user_layers())
