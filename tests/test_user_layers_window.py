"""User layers in the window, driven as a user would: File › Add layer's dialog, the layer list's
controls, hover and click at real map coordinates, projects with a moved file or a kept copy,
and files that cannot be read."""
import shutil

import numpy as np
import pytest

from layer_files import INSIDE, gcj_border_points, write_csv
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QToolTip

from hzmap.model.geo.extent import fit
from hzmap.model.geo.geodata import to_map


def add_through_dialog(win, path, **choices):
    """File › Add layer on `path`: the dialog, optional changes, Read, Add to map."""
    assert win.layers.add(path)
    dialog = win.layers.actions.dialog
    for combo_name, value in choices.items():
        combo = getattr(dialog, combo_name)
        combo.setCurrentIndex(combo.findData(value))
    assert dialog.read(), dialog.error.text()
    dialog.add_button.click()
    return win.state.view.user_layers()[-1] if win.state.view.user_layers() else None


def store(win):
    return win.session.layers


def hover_map(win, x, y):
    """The pointer moves over map point (x, y): one move event at its pixel (QTest's cursor
    moves are offset by the offscreen window's frame)."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    px, py = win.canvas.data_to_widget(x, y)
    local = QPointF(px, py)
    event = QMouseEvent(QEvent.MouseMove, local, win.canvas.mapToGlobal(local), Qt.NoButton, Qt.NoButton,
                        Qt.NoModifier)
    QApplication.sendEvent(win.canvas, event)


def click_map(win, qtbot, x, y):
    px, py = win.canvas.data_to_widget(x, y)
    qtbot.mouseClick(win.canvas, Qt.LeftButton, pos=QPoint(px, py))


# -- adding a file ------------------------------------------------------------------------------
def test_gcj02_points_added_through_the_dialog_land_where_they_are_and_a_click_shows_them(window, qtbot,
                                                                                         geodata, tmp_path):
    points = gcj_border_points(geodata)
    path = write_csv(tmp_path / "高德项目.csv", ["名称", "gcj_lng", "gcj_lat", "备注"],
                     [(f"项目{i}", *gcj, f"note {i}") for i, (_w, gcj, _d) in enumerate(points)])
    window.layers.add(path)
    dialog = window.layers.actions.dialog
    assert dialog.coords.currentData() == "gcj02" and "gcj" in dialog.guess.text().lower()
    dialog.coords.setCurrentIndex(dialog.coords.findData("wgs84"))  # read as if WGS84: off
    assert dialog.read()
    off = list(dialog.data.feature_districts)
    dialog.coords.setCurrentIndex(dialog.coords.findData("gcj02"))
    assert dialog.data is None  # a new choice: read again
    assert dialog.read()
    dialog.add_button.click()
    layer = window.state.view.user_layers()[-1]
    data = store(window).get(layer)
    expected = [d for _w, _g, d in points]
    assert list(data.feature_districts) == expected and off != expected
    assert layer.source.coords == "gcj02"
    (lon, lat), _gcj, district = points[2]
    x, y = to_map(lon, lat)
    window.state.set_extent(fit((x - 3000, y - 3000, x + 3000, y + 3000), margin=0))  # as a user zooms in
    hover_map(window, x, y)
    assert "项目2" in QToolTip.text() and "note 2" in QToolTip.text()
    click_map(window, qtbot, x, y)
    assert window.state.selection.kind == "feature" and window.state.view.feature == (layer.id, 4)
    texts = [i.text(0) for i in window.info_panel.inspector.items_of_kind("attribute")]
    assert "名称: 项目2" in texts and "备注: note 2" in texts
    assert geodata.districts[district]["name_zh"] in window.info_panel.subtitle.text()
    assert window.canvas.renderer_.place_ring.get_visible()  # the feature is ringed


def test_a_district_table_shows_its_join_note_and_unmatched_row_and_the_inspector_its_values(
        window, qtbot, geodata, tmp_path):
    path = write_csv(tmp_path / "服务贸易.csv", ["区县", "服务贸易进出口额（亿元）"],
                     [("滨江", 120), ("Xihu", 80), ("330105", 60), ("萧山区", 90), ("江干区", 50),
                      ("滨江去", 7), ("合计", 407)])
    window.layers.add(path)
    dialog = window.layers.actions.dialog
    assert dialog.kind.currentData() == "districts" and dialog.join_column.currentData() == "区县"
    assert dialog.read()
    notes = " ".join(dialog.report_texts("note"))
    assert "江干区 → 上城区、钱塘区" in notes
    unmatched = dialog.report_texts("unmatched")
    assert any("滨江去" in t and "滨江区" in t for t in unmatched)  # the typo, with the suggestion
    assert any("江干区" in t for t in dialog.report_texts("split"))
    assert any("合计" in t for t in dialog.report_texts("total"))
    dialog.add_button.click()
    click_map(window, qtbot, *to_map(*INSIDE["binjiang"]))
    values = [i.text(0) for i in window.info_panel.inspector.items_of_kind("layer_value")]
    assert values == ["服务贸易进出口额（亿元）: 120"]
    click_map(window, qtbot, *to_map(120.30, 30.30))  # 钱塘区: only 江干区's row covers part of it
    values = [i.text(0) for i in window.info_panel.inspector.items_of_kind("layer_value")]
    assert values[0].startswith("服务贸易进出口额（亿元）: –") and "split" in values[0]


# -- the layer list ---------------------------------------------------------------------------------
def test_the_layer_lists_controls_change_the_state_and_the_drawing(window, tmp_path):
    a = add_through_dialog(window, write_csv(tmp_path / "a.csv", ["lng", "lat", "类别", "投资"],
                                             [(*v, "ab"[i % 2], i + 1) for i, v in enumerate(INSIDE.values())]))
    b = add_through_dialog(window, write_csv(tmp_path / "b.csv", ["lng", "lat"], [INSIDE["xihu"]]))
    panel, scene = window.layers.user_list, window.canvas.scene
    assert panel.layer_ids() == [b.id, a.id]  # top-most first
    panel.select(a.id)
    panel.list.item(1).setCheckState(Qt.Unchecked)
    assert not window.state.view.layer(a.id).visible and not scene.user_artists[a.id].visible
    panel.list.item(1).setCheckState(Qt.Checked)
    panel.opacity.setValue(40)
    assert window.state.view.layer(a.id).opacity == 0.4 and scene.user_artists[a.id].opacity == 0.4
    panel.buttons["up"].click()
    assert [lay.id for lay in window.state.view.user_layers()] == [b.id, a.id]  # a drawn last
    assert scene.user_artists[a.id].zorder > scene.user_artists[b.id].zorder
    assert panel.layer_ids() == [a.id, b.id] and panel.current_id() == a.id
    panel.list.model().moveRow(QModelIndex(), 1, QModelIndex(), 0)  # dragging b back on top
    assert [lay.id for lay in window.state.view.user_layers()] == [a.id, b.id]
    panel.select(a.id)
    panel.rename("重点项目")
    assert window.state.view.layer(a.id).name == "重点项目"
    editor = panel.style_editor
    editor.mode.setCurrentIndex(editor.mode.findData("category"))
    assert window.state.view.layer(a.id).style["mode"] == "category"
    assert window.state.view.layer(a.id).style["column"] is not None
    editor.column.setCurrentIndex(editor.column.findData("类别"))
    legend = [t.get_text() for t in window.canvas.renderer_.ax.get_legend().get_texts()]
    assert "类别" in legend and "a" in legend and "b" in legend
    editor.mode.setCurrentIndex(editor.mode.findData("choropleth"))
    editor.scheme.setCurrentIndex(editor.scheme.findData("equal_interval"))
    editor.k.setValue(3)
    style = window.state.view.layer(a.id).style
    assert (style["mode"], style["column"], style["scheme"], style["k"]) == ("choropleth", "投资", "equal_interval", 3)
    assert len(scene.user_artists[a.id].legend_entries()[1]) == 3
    editor.labels.setCurrentIndex(editor.labels.findData("类别"))
    assert [t.get_text().strip() for t in scene.user_artists[a.id].labels] == ["a", "b", "a"]
    panel.remove()
    assert window.state.view.layer(a.id) is None and a.id not in scene.user_artists
    assert panel.layer_ids() == [b.id]


# -- projects -------------------------------------------------------------------------------------------
@pytest.fixture
def project(tmp_path):
    (tmp_path / "proj" / "data").mkdir(parents=True)
    csv = write_csv(tmp_path / "proj" / "data" / "points.csv", ["name", "lng", "lat"],
                    [(k, *v) for k, v in INSIDE.items()])
    return tmp_path / "proj" / "p.hzmap", csv


def test_a_project_with_a_moved_file_offers_to_relink_it_and_keeps_its_settings(window, project, tmp_path):
    path, csv = project
    layer = add_through_dialog(window, csv)
    window.state.update_layer(layer.id, opacity=0.5)
    assert window.project_actions.save_to(path)
    moved = tmp_path / "moved.csv"
    shutil.move(csv, moved)
    window.project_actions.new_project()
    assert not window.state.view.user_layers()
    assert window.project_actions.open(path)
    kept = window.state.view.user_layers()[0]
    assert kept.opacity == 0.5 and kept.id not in window.canvas.scene.user_artists
    box = window.layers.actions.relink_box
    assert box is not None and box.isVisible() and "points" in box.text()
    assert "(file missing)" in window.layers.user_list.list.item(0).text()
    assert window.layers.user_list.buttons["relink"].isEnabled()
    window.layers.actions.ask_layer_path = lambda *a: str(moved)
    relink = next(b for b in box.buttons() if "Re-link" in b.text())
    relink.click()
    assert kept.id in window.canvas.scene.user_artists
    assert window.state.view.user_layers()[0].opacity == 0.5
    assert "(file missing)" not in window.layers.user_list.list.item(0).text()


def test_a_project_with_an_embedded_copy_draws_it_when_the_file_is_gone(window, project):
    path, csv = project
    layer = add_through_dialog(window, csv)
    window.layers.user_list.select(layer.id)
    window.layers.user_list.embed.setChecked(True)
    assert window.state.view.layer(layer.id).source.embed
    assert window.project_actions.save_to(path)
    csv.unlink()
    window.project_actions.new_project()
    assert window.project_actions.open(path)
    kept = window.state.view.user_layers()[0]
    assert len(window.canvas.scene.user_artists[kept.id].data) == 3
    assert window.layers.user_list.embed.isChecked()


# -- bad input ----------------------------------------------------------------------------------------
def test_a_file_that_cannot_be_read_is_named_and_nothing_else_changes(window, tmp_path, monkeypatch):
    good = add_through_dialog(window, write_csv(tmp_path / "good.csv", ["lng", "lat"], [INSIDE["xihu"]]))
    broken = tmp_path / "坏文件.csv"
    broken.write_bytes(b"\x00\x01\x02" * 100)
    assert not window.layers.add(broken)
    assert str(broken) in window.statusBar().currentMessage()
    empty = write_csv(tmp_path / "no_columns.csv", ["a", "b"], [("x", "y")])
    assert not window.layers.add(empty)
    assert "no usable column" in window.statusBar().currentMessage()
    far = write_csv(tmp_path / "far.csv", ["lng", "lat"], [(116.4, 39.9)])  # Beijing
    window.layers.add(far)
    dialog = window.layers.actions.dialog
    assert not dialog.read() and "outside Hangzhou" in dialog.error.text() and str(far) in dialog.error.text()
    dialog.reject()
    import hzmap.ui.layers.layer_actions as actions

    real = actions.inspect_file
    monkeypatch.setattr(actions, "inspect_file",
                        lambda p, size_limit=10, **kw: real(p, size_limit=size_limit, **kw))
    window.layers.actions.ask_large_file = lambda path, size: False
    assert not window.layers.add(write_csv(tmp_path / "big.csv", ["lng", "lat"], [INSIDE["xihu"]] * 20))
    assert "big.csv" in window.statusBar().currentMessage()
    assert [lay.id for lay in window.state.view.user_layers()] == [good.id]
    assert good.id in window.canvas.scene.user_artists
    assert np.isfinite(window.canvas.renderer_.limits()).all()


def test_compare_draws_the_same_user_layers_and_follows_the_layer_list(window, tmp_path):
    a = add_through_dialog(window, write_csv(tmp_path / "a.csv", ["lng", "lat"], list(INSIDE.values())))
    compare = window.windows.open_compare()
    for canvas in compare.canvases:
        assert len(canvas.scene.user_artists[a.id].data) == 3
    b = add_through_dialog(window, write_csv(tmp_path / "b.csv", ["lng", "lat"], [INSIDE["xihu"]]))
    window.layers.user_list.select(a.id)
    window.layers.user_list.list.currentItem().setCheckState(Qt.Unchecked)
    for canvas in compare.canvases:
        assert b.id in canvas.scene.user_artists and not canvas.scene.user_artists[a.id].visible
    compare.close()
