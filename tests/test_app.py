"""The main window as a user meets it: real districts clicked at real map coordinates."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from hzmap.model.geo.geodata import to_map

ROOT = Path(__file__).resolve().parents[1]
BINJIANG = (120.205, 30.185)     # 滨江区: 江南大道 / 长河 area
RIVER = (120.160, 30.205)        # 钱塘江 between 西湖区 and 滨江区, near 六和塔
XIAOSHAN = (120.27, 30.16)       # 萧山区 urban area
OUTSIDE = (120.60, 29.85)        # Shaoxing, inside the city view but outside Hangzhou


def click_lonlat(win, lon, lat, qtbot):
    x, y = win.canvas.data_to_widget(*to_map(lon, lat))
    QTest.mouseClick(win.canvas, Qt.LeftButton, Qt.NoModifier, QPoint(x, y))


def test_title_begins_with_hzmap(window):
    assert window.windowTitle().startswith("hzmap")


def test_click_binjiang_selects_it_and_fills_panel(window, qtbot):
    window.state.set_preset("urban")
    window.canvas.draw()
    click_lonlat(window, *BINJIANG, qtbot)
    assert window.state.district == "binjiang"
    panel = window.info_panel
    assert panel.title.text() == "滨江区"
    assert panel.subtitle.text() == "Binjiang District"
    assert "330108" in panel.fields["adcode"].text()
    assert "km²" in panel.fields["area"].text()
    area = float(panel.fields["area"].text().split()[0].replace(",", ""))
    assert 65 < area < 78
    assert window.canvas.renderer_.select_patch.get_visible()


def test_click_on_river_or_outside_clears_selection(window, qtbot):
    window.state.set_preset("urban")
    window.canvas.draw()
    click_lonlat(window, *BINJIANG, qtbot)
    assert window.state.district == "binjiang"
    click_lonlat(window, *RIVER, qtbot)
    assert window.state.selection is None
    assert not window.info_panel.title.isVisible()
    click_lonlat(window, *XIAOSHAN, qtbot)
    assert window.state.district == "xiaoshan"
    window.state.set_preset("city")
    window.canvas.draw()
    click_lonlat(window, *OUTSIDE, qtbot)
    assert window.state.selection is None


def test_escape_clears_selection(window, qtbot):
    window.state.select_district("qiantang")
    window.activateWindow()
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key_Escape)
    assert window.state.selection is None


def test_hover_names_district_in_status_bar(window, qtbot):
    window.state.set_preset("urban")
    window.canvas.draw()
    x, y = window.canvas.data_to_widget(*to_map(*BINJIANG))
    QTest.mouseMove(window.canvas, QPoint(x, y))
    qtbot.waitUntil(lambda: window.state.hover == "binjiang", timeout=2000)
    assert "滨江区" in window.hover_label.text()
    assert window.canvas.renderer_.hover_patch.get_visible()


def test_wheel_zooms_at_cursor_and_drag_pans(window, qtbot):
    from matplotlib.backend_bases import MouseEvent

    canvas = window.canvas
    r = canvas.renderer_
    x, y = to_map(*BINJIANG)
    px, py = r.ax.transData.transform((x, y))
    width_before = r.limits()[1] - r.limits()[0]
    event = MouseEvent("scroll_event", canvas, px, py, step=2)
    canvas.callbacks.process("scroll_event", event)
    x0, x1, y0, y1 = r.limits()
    assert (x1 - x0) < width_before * 0.7
    # the point under the cursor stays under the cursor
    assert r.ax.transData.transform((x, y)) == pytest.approx((px, py), abs=1.5)
    assert window.state.preset == "custom"
    # drag 100 px to the right: the map moves with the mouse
    before = r.ax.transData.transform((x, y))
    for name, dx in (("button_press_event", 0), ("motion_notify_event", 50), ("motion_notify_event", 100)):
        ev = MouseEvent(name, canvas, px + dx, py, button=1)
        canvas.callbacks.process(name, ev)
    canvas.callbacks.process("button_release_event",
                             MouseEvent("button_release_event", canvas, px + 100, py, button=1))
    after = r.ax.transData.transform((x, y))
    assert after[0] - before[0] == pytest.approx(100, abs=2)
    assert window.state.selection is None  # a drag is not a click


def test_view_presets(window, geodata):
    r = window.canvas.renderer_
    window.view_actions["urban"].trigger()
    x0, x1, y0, y1 = r.limits()
    bx, by = to_map(*BINJIANG)
    assert x0 < bx < x1 and y0 < by < y1
    urban_width = x1 - x0
    assert urban_width < 80_000
    window.reset_action.trigger()
    x0, x1, y0, y1 = r.limits()
    assert x1 - x0 > 200_000  # the whole city is ~230 km across
    assert window.state.preset == "city"


def test_missing_geodata_gives_message_not_traceback(tmp_path):
    missing = tmp_path / "nowhere.gpkg"
    env = dict(os.environ, HZMAP_GEODATA=str(missing), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-m", "hzmap"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    assert str(missing) in proc.stderr
    assert "Traceback" not in proc.stderr


def test_corrupt_geodata_gives_message_not_traceback(tmp_path):
    bad = tmp_path / "broken.gpkg"
    bad.write_bytes(b"this is not a geopackage")
    env = dict(os.environ, HZMAP_GEODATA=str(bad), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-m", "hzmap"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    assert "broken.gpkg" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_broken_dataset_is_reported_and_the_map_keeps_working(open_window, geodata, tmp_path, monkeypatch):
    import shutil

    from hzmap.paths import data_root
    from hzmap.ui import app

    broken = tmp_path / "geodata"
    shutil.copytree(data_root() / "dataset", broken / "dataset")
    shutil.copy(data_root() / "districts.csv", broken / "districts.csv")
    (broken / "dataset" / "layouts" / "dt2024_4415.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("HZMAP_DATASET", str(broken))
    win = open_window(geodata)
    app._load_dataset(win)
    assert win.dataset is None
    assert win.datasets.message.isVisible()
    assert "layouts/dt2024_4415.yaml" in win.datasets.message.text()
    assert win.layout_combo.currentText() == "布局数据未载入 — 见详情"      # not "loading…" forever
    assert win.datasets.retry_action.isVisible() and win.datasets.details_action.isVisible()
    from hzmap.ui.common import errors
    assert "dt2024_4415.yaml" in errors.log_path().read_text(encoding="utf-8")  # and in the log
    win.state.set_preset("urban")
    win.canvas.draw()
    click_lonlat(win, *BINJIANG, None)  # the district map still answers
    assert win.state.district == "binjiang"
    from hzmap.render.page.compose import ExportSpec, compose
    from hzmap.render.page.export_io import save
    page = compose(ExportSpec(view=win.state.view, preset="16:9", dpi=96), geodata, None)
    assert save(page.figure, tmp_path / "still.png").stat().st_size > 10_000  # exports still work
    # the file is mended: Retry loads it, and the layouts are there
    (broken / "dataset" / "layouts" / "dt2024_4415.yaml").write_text(
        (data_root() / "dataset" / "layouts" / "dt2024_4415.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    win.datasets.message.close()
    win.datasets.load(wait=True)
    assert win.dataset is not None and "dt_4415" in win.dataset.layouts
    assert win.layout_combo.isEnabled() and not win.datasets.retry_action.isVisible()


def test_the_dataset_loads_off_the_ui_thread(open_window, geodata, qtbot):
    win = open_window(geodata)
    with qtbot.waitSignal(win.datasets.loader.finished, timeout=20_000):
        win.datasets.load()                         # returns at once; the map keeps answering
        assert win.layout_combo.currentText().startswith("（正在载入")
    assert win.dataset is not None and len(win.dataset.layouts) >= 11

