"""Compare layouts: two maps side by side with pan and zoom kept in step, and a district table.

Planners use it to see what changed for each district between the 2018, 2021 and 2024 plans;
"across plans" lines the selected district up across every plan that gives it a role.
Each map is a MapCanvas with its own ViewState (so each shows its own layout and hover roles);
the two states keep the same extent and selection, and a click on a district selects it on both
maps and in the table. Both maps show the explorer's user layers (the session's view state and
layer store), as they are drawn on the main map, and the session's dataset: a plan saved or a
user dataset removed while the dialog is open is in its maps, choosers and table at once. The
table (districts x chosen layouts) comes from hzmap.model.dataset.compare and exports to CSV for
Excel.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFileDialog, QHBoxLayout,
                               QHeaderView, QLabel, QListWidget, QListWidgetItem, QMessageBox,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from hzmap.model.dataset.compare import (ExportError, chronological, column_title, district_role_table,
                                         layouts_across_plans, to_csv)
from hzmap.model.view.viewstate import ViewState
from hzmap.ui.common.follow import follow
from hzmap.ui.common.i18n import tr
from hzmap.ui.common.layout_combo import LayoutCombo
from hzmap.ui.map.map_canvas import MapCanvas
from hzmap.ui.common import messages

DEFAULT_MAPS = ("st_core_belt_wings", "dt_4415")
DEFAULT_COLUMNS = ("st_core_belt_wings", "dt_4415", "open2018_platforms")
LAYOUT_ROLE = Qt.UserRole + 1


class CompareDialog(QDialog):
    def __init__(self, session, parent=None, maps=DEFAULT_MAPS, columns=DEFAULT_COLUMNS) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("比较布局 Compare layouts — hzmap"))
        self.setObjectName("compareDialog")
        self.session = session
        self.geo = geodata = session.state.geo
        self.resize(1240, 880)
        base = session.state.view  # the explorer's: its language, extent and user layers
        self.states = [ViewState(geodata, base), ViewState(geodata, base)]
        self.canvases: list[MapCanvas] = []
        self.combos: list[QComboBox] = []
        self._syncing = False
        maps_row = QSplitter(Qt.Horizontal)
        for i, lid in enumerate(maps):
            maps_row.addWidget(self._map_pane(i, lid))
        maps_row.setSizes([10_000, 10_000])  # equal halves, whatever the heads ask for
        maps_row.setChildrenCollapsible(False)

        self.columns = QListWidget()
        self.columns.setObjectName("compareColumns")
        self.columns.setToolTip(tr("勾选要在表中比较的布局 Tick the layouts to compare in the table"))
        self._fill_columns(columns)
        self.columns.itemChanged.connect(lambda _item: self.refresh_table())
        self.table = QTableWidget()
        self.table.setObjectName("compareTable")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.itemSelectionChanged.connect(self._on_table_row)
        self.export_button = QPushButton(tr("导出 CSV…"))
        self.export_button.setToolTip(tr("把区县表导出为 CSV（UTF-8，Excel 可直接打开）"))
        self.export_button.clicked.connect(self._on_export_clicked)
        self.across_button = QPushButton(tr("该区县历年 Across plans"))
        self.across_button.setObjectName("compareAcross")
        self.across_button.setToolTip(tr("按年份列出所选区县在各规划中的角色 Line the selected district "
                                         "up across the plans, oldest first"))
        self.across_button.clicked.connect(lambda _c=False: self.line_up(self.states[0].view.district))
        self.across_button.setEnabled(False)
        self.status = QLabel()
        self.status.setStyleSheet("color: #555;")

        side = QVBoxLayout()
        side.addWidget(QLabel(tr("表格列 Columns:")))
        side.addWidget(self.columns, 1)
        side.addWidget(self.across_button)
        side.addWidget(self.export_button)
        table_row = QHBoxLayout()
        table_row.addWidget(self.table, 1)
        table_row.addLayout(side)
        bottom = QWidget()
        bottom_box = QVBoxLayout(bottom)
        bottom_box.setContentsMargins(0, 0, 0, 0)
        bottom_box.addLayout(table_row)
        bottom_box.addWidget(self.status)
        self.columns.setMaximumWidth(300)
        split = QSplitter(Qt.Vertical)
        split.addWidget(maps_row)
        split.addWidget(bottom)
        split.setSizes([520, 360])
        box = QVBoxLayout(self)
        box.addWidget(split)
        self.refresh_table()
        self.across_button.setEnabled(self.states[0].view.district is not None)
        follow(self, session.state.changed, self._on_followed_changed)
        follow(self, session.dataset_changed, self._on_dataset_changed)

    @property
    def ds(self):
        return self.session.dataset

    def _fill_columns(self, ticked) -> None:
        """A row per layout of the dataset, 2018 first; `ticked` ones are in the table."""
        ds = self.ds
        self.columns.blockSignals(True)
        self.columns.clear()
        for lid in chronological(ds, list(ds.layouts)):   # columns read 2018 -> 2024
            item = QListWidgetItem(column_title(ds, lid))
            item.setData(LAYOUT_ROLE, lid)
            item.setToolTip(column_title(ds, lid))
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if lid in ticked else Qt.Unchecked)
            self.columns.addItem(item)
        self.columns.blockSignals(False)

    def _on_dataset_changed(self, dataset, _shipped=None) -> None:
        """A plan saved or a user dataset removed: a map whose layout is gone shows none, the
        column list is the new dataset's (ticks kept) and the table is made again."""
        for state in self.states:
            if state.layout is not None and state.layout not in dataset.layouts:
                state.update(layout=None)
        self._fill_columns(set(self.chosen_columns()))
        self.refresh_table()

    def _on_followed_changed(self, view, fields) -> None:
        """The explorer's layer list or language changed: both maps (and their choosers) follow."""
        for state in self.states:
            changes = {"lang": view.lang} if "lang" in fields else {}
            if "layers" in fields:
                base = tuple(lay for lay in state.view.layers if lay.kind == "base")
                changes["layers"] = base + view.user_layers()
            if changes:
                state.update(**changes)

    # -- maps ------------------------------------------------------------------------------
    def _map_pane(self, i: int, layout_id: str | None) -> QWidget:
        pane = QWidget()
        state = self.states[i]
        state.update(layout=layout_id if layout_id in self.ds.layouts else None, selection=None)
        combo = LayoutCombo(self.session, state)
        combo.setObjectName(f"compareLayout{i}")
        canvas = MapCanvas(self.session, state, pane)
        state.changed.connect(lambda view, fields, src=i: self._on_view_changed(src, view, fields))
        self.canvases.append(canvas)
        self.combos.append(combo)
        head = QHBoxLayout()
        head.addWidget(QLabel(tr("左图 Left:") if i == 0 else tr("右图 Right:")))
        head.addWidget(combo, 1)
        for view, text in (("city", tr("全市")), ("urban", tr("主城区"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, v=view: self.set_view(v))
            head.addWidget(button)
        lay = QVBoxLayout(pane)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(head)
        lay.addWidget(canvas, 1)
        return pane

    def set_view(self, name: str) -> None:
        for state in self.states:
            state.set_preset(name)

    def _on_view_changed(self, src: int, view, fields) -> None:
        """Keep the other map on the same extent and selection."""
        if self._syncing or not fields & {"extent", "selection"}:
            return
        self._syncing = True
        try:
            for k, other in enumerate(self.states):
                if k != src:
                    other.update(extent=view.extent, preset=view.preset, selection=view.selection)
        finally:
            self._syncing = False
        if "selection" in fields:
            self._on_selection_changed(view.district)

    def line_up(self, district_id: str | None) -> list[str]:
        """Tick the layouts that give the district a role, oldest plan first (2018 → 2021 →
        2024), so its row reads its story across the plans; returns them."""
        if district_id is None or district_id not in self.ds.districts:
            return []
        across = layouts_across_plans(self.ds, district_id)
        self._fill_columns(set(across))
        self.refresh_table()
        self._on_selection_changed(district_id)
        years = [column_title(self.ds, lid).rsplit(" ", 1)[-1].rstrip("）") for lid in across]
        self.status.setText(f"{self.ds.districts[district_id].name_zh}: {len(across)} "
                            f"{tr('个布局')} {' → '.join(dict.fromkeys(years))}")
        return across

    def _on_selection_changed(self, did) -> None:
        self.across_button.setEnabled(did is not None)
        rows = [r.district for r in self.rows]
        if did in rows and self.table.currentRow() != rows.index(did):
            self.table.selectRow(rows.index(did))
        elif did is None:
            self.table.clearSelection()

    def _on_table_row(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows) and self.table.selectedItems():
            self.states[0].select_district(self.rows[row].district)

    # -- table ------------------------------------------------------------------------------
    def chosen_columns(self) -> list[str]:
        return [self.columns.item(i).data(LAYOUT_ROLE) for i in range(self.columns.count())
                if self.columns.item(i).checkState() == Qt.Checked]

    def refresh_table(self) -> None:
        self.layout_ids = self.chosen_columns()
        self.rows = district_role_table(self.ds, self.layout_ids)
        t = self.table
        t.clear()
        t.setRowCount(len(self.rows))
        t.setColumnCount(len(self.layout_ids))
        t.setHorizontalHeaderLabels([column_title(self.ds, lid).replace("（", "\n（", 1)
                                     for lid in self.layout_ids])
        t.setVerticalHeaderLabels([r.name for r in self.rows])
        for i, r in enumerate(self.rows):
            for j, lid in enumerate(self.layout_ids):
                text = r.cells[lid].replace("；", "\n")
                item = QTableWidgetItem(text or "—")
                item.setToolTip(f"{r.name} · {column_title(self.ds, lid)}\n{text or tr('（本布局未涉及）')}")
                if not text:
                    item.setForeground(Qt.gray)
                t.setItem(i, j, item)
        t.resizeRowsToContents()
        self.export_button.setEnabled(bool(self.layout_ids))

    def cell(self, district_id: str, layout_id: str) -> str:
        """The text shown for a district and layout (for tests)."""
        i = [r.district for r in self.rows].index(district_id)
        return self.table.item(i, self.layout_ids.index(layout_id)).text()

    # -- export -------------------------------------------------------------------------------
    def _on_export_clicked(self) -> None:
        start = str(Path.home() / tr("hzmap_布局比较.csv"))
        path, _ = QFileDialog.getSaveFileName(self, tr("导出区县比较表 Export CSV"), start, "CSV (*.csv)")
        if path:
            if not path.lower().endswith(".csv"):
                path += ".csv"
            self.export_csv(path)

    def export_csv(self, path) -> bool:
        try:
            written = to_csv(self.rows, self.layout_ids, path, self.ds)
        except ExportError as exc:
            messages.critical(self, tr("导出失败 Export failed"), str(exc))
            self.status.setText(f"{tr('导出失败:')} {path}")
            return False
        self.status.setText(f"{tr('已导出 Exported:')} {written}")
        return True
