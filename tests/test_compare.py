"""Comparing layouts: the district table, its CSV, and the two maps zooming together."""
import csv

import pytest

from hzmap.model.dataset.compare import ExportError, district_role_table, to_csv

COLUMNS = ["st_core_belt_wings", "dt_4415", "open2018_platforms"]


@pytest.fixture(scope="module")
def rows(dataset):
    return district_role_table(dataset, COLUMNS)


def by_name(rows):
    return {r.name: r for r in rows}


def test_table_has_the_13_districts_in_file_order(rows, dataset):
    assert len(rows) == 13
    assert [r.district for r in rows] == list(dataset.districts)
    assert rows[0].name == "上城区"


def test_qiantang_roles(rows):
    q = by_name(rows)["钱塘区"]
    assert "两翼·钱塘区" in q.cells["st_core_belt_wings"]
    assert "一核" not in q.cells["st_core_belt_wings"]
    assert "自贸试验区引领区" in q.cells["dt_4415"]
    assert "大江东" in q.cells["open2018_platforms"]


def test_shangcheng_in_collaborative_innovation_group(rows):
    s = by_name(rows)["上城区"]
    assert "协同创新区" in s.cells["dt_4415"]
    assert "一核" in s.cells["st_core_belt_wings"]


def test_empty_cell_when_layout_does_not_name_district(rows):
    assert by_name(rows)["淳安县"].cells["st_core_belt_wings"] == ""
    assert "全域联动" in by_name(rows)["淳安县"].cells["dt_4415"]


def test_role_through_a_place_is_marked(dataset):
    rows = by_name(district_role_table(dataset, ["dt_platforms"]))
    cell = rows["萧山区"].cells["dt_platforms"]
    assert "空港智能物流枢纽（经由 杭州萧山国际机场）" in cell


def test_unknown_layout_is_an_error(dataset):
    with pytest.raises(KeyError, match="no_such_layout"):
        district_role_table(dataset, ["no_such_layout"])


def test_csv_round_trip_keeps_chinese_and_opens_in_excel(tmp_path, rows, dataset):
    path = tmp_path / "比较.csv"
    to_csv(rows, COLUMNS, path, dataset)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")          # BOM: Excel reads the file as UTF-8
    with open(path, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert len(table) == 14
    assert table[0][:3] == ["district_id", "区县", "District"]
    assert "4+4+1+5" in table[0][4]
    qiantang = next(r for r in table if r[0] == "qiantang")
    assert qiantang[1] == "钱塘区"
    assert "两翼·钱塘区" in qiantang[3]
    assert [p.name for p in tmp_path.iterdir()] == ["比较.csv"]   # no temp file left behind


def test_csv_overwrite_is_atomic_and_failure_keeps_old_file(tmp_path, rows, dataset, monkeypatch):
    path = tmp_path / "out.csv"
    path.write_text("old", encoding="utf-8")
    from hzmap.model.files import atomic
    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(ExportError, match="No space left"):
        to_csv(rows, COLUMNS, path, dataset)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_unwritable_path_names_path_and_reason(tmp_path, rows):
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    bad = blocker / "table.csv"              # a folder that is a file: cannot be written, even as root
    with pytest.raises(ExportError) as info:
        to_csv(rows, COLUMNS, bad)
    msg = str(info.value)
    assert str(bad) in msg
    assert "Not a directory" in msg or "Reason" in msg


# ---------------------------------------------------------------- the window

@pytest.fixture
def dialog(qtbot, geodata, dataset):
    from hzmap.model.session.session import Session
    from hzmap.model.view.viewstate import ViewState
    from hzmap.ui.map.compare_view import CompareDialog

    dlg = CompareDialog(Session(ViewState(geodata), dataset=dataset))
    qtbot.addWidget(dlg)
    dlg.resize(1200, 860)
    dlg.show()
    qtbot.waitExposed(dlg)
    for c in dlg.canvases:
        c.draw()
    yield dlg
    dlg.close()


def test_dialog_table_shows_default_columns(dialog):
    assert dialog.table.rowCount() == 13
    assert dialog.layout_ids == ["open2018_platforms", "st_core_belt_wings", "dt_4415"]  # 2018 -> 2024
    assert "2018" in dialog.table.horizontalHeaderItem(0).text()
    assert "两翼·钱塘区" in dialog.cell("qiantang", "st_core_belt_wings")
    assert "协同创新区" in dialog.cell("shangcheng", "dt_4415")
    assert dialog.cell("chunan", "st_core_belt_wings") == "—"


def test_ticking_a_layout_adds_a_column(dialog):
    from PySide6.QtCore import Qt

    item = next(dialog.columns.item(i) for i in range(dialog.columns.count())
                if dialog.columns.item(i).data(Qt.UserRole + 1) == "dt_platforms")
    item.setCheckState(Qt.Checked)
    assert dialog.table.columnCount() == 4
    assert "经由" in dialog.cell("xiaoshan", "dt_platforms")


def test_wheel_on_left_map_zooms_right_map_the_same(dialog):
    from matplotlib.backend_bases import MouseEvent

    left, right = dialog.canvases
    assert left.overlay.layout_id == "st_core_belt_wings"
    assert right.overlay.layout_id == "dt_4415"
    before = right.renderer_.limits()
    px, py = left.renderer_.ax.transData.transform(left.geo.district_label_points()["binjiang"].coords[0])
    left.callbacks.process("scroll_event", MouseEvent("scroll_event", left, px, py, step=3))
    l0, l1, m0, m1 = left.renderer_.limits()
    r0, r1, n0, n1 = right.renderer_.limits()
    assert (r1 - r0) < (before[1] - before[0]) * 0.6
    assert (r1 - r0) == pytest.approx(l1 - l0, rel=0.02)
    assert (r0 + r1) / 2 == pytest.approx((l0 + l1) / 2, abs=200)
    assert (n0 + n1) / 2 == pytest.approx((m0 + m1) / 2, abs=200)
    # a drag on the right map pans the left one too
    rx, ry = right.renderer_.ax.transData.transform(((r0 + r1) / 2, (n0 + n1) / 2))
    for name, dx in (("button_press_event", 0), ("motion_notify_event", 60), ("motion_notify_event", 120)):
        right.callbacks.process(name, MouseEvent(name, right, rx + dx, ry, button=1))
    right.callbacks.process("button_release_event", MouseEvent("button_release_event", right, rx + 120, ry, button=1))
    assert left.renderer_.limits()[0] == pytest.approx(right.renderer_.limits()[0], abs=200)
    assert left.renderer_.limits()[0] < l0 - 1000


def test_changing_a_map_layout_redraws_only_that_map(dialog):
    dialog.combos[1].setCurrentIndex(dialog.combos[1].findData("open2018_platforms"))
    assert dialog.canvases[1].overlay.layout_id == "open2018_platforms"
    assert dialog.canvases[0].overlay.layout_id == "st_core_belt_wings"


def test_selecting_a_table_row_selects_district_on_both_maps(dialog):
    dialog.table.selectRow(9)   # 钱塘区
    assert [s.district for s in dialog.states] == ["qiantang", "qiantang"]


def test_export_writes_csv_and_reports_errors(dialog, tmp_path, monkeypatch):
    from hzmap.ui.common import messages

    good = tmp_path / "t.csv"
    assert dialog.export_csv(good)
    assert len(good.read_text(encoding="utf-8-sig").splitlines()) == 14
    shown = []
    monkeypatch.setattr(messages, "critical", lambda parent, title, text: shown.append(text))
    bad = good / "nested.csv"
    assert not dialog.export_csv(bad)
    assert shown and str(bad) in shown[0]


def test_tools_menu_opens_compare_with_ctrl_shift_c(window):
    action = window.windows.compare_action
    assert action in window.menus["tools"].actions()
    assert action.shortcut().toString() == "Ctrl+Shift+C"
    action.trigger()
    assert window.windows.compare_dialog.isVisible()
    assert window.windows.compare_dialog.table.rowCount() == 13
    window.windows.compare_dialog.close()
