"""Like a desktop app: hzmap starts where the user left off (a newcomer sees 一核一带两翼多基地),
`hzmap FILE.hzmap` and a drop on the window open a project, and the window has its icon."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtWidgets import QApplication

from hzmap.model.session import annotations as ann
from hzmap.model.session.project import Project, save_project

PROBE = Path(__file__).with_name("app_probe.py")
EXTENT = (480000.0, 520000.0, 3330000.0, 3360000.0)


@pytest.fixture
def start(open_window, data):
    """start(): a window built as the app builds it, starting where the last one left off."""
    return lambda size=None: open_window(*data, size=size, restore=True)


def sample_project(path):
    notes = [ann.make("text", [(500100.5, 3340200.25)], "钱江新城 CBD", id="a1"),
             ann.make("marker", [(499000, 3339000)], "", id="a2")]
    save_project(path, Project(view="custom", extent=EXTENT, layout="dt_4415", annotations=notes))
    return path


def test_a_first_start_shows_core_belt_wings_on_the_urban_core_and_what_to_click(start, data):
    geo, ds = data
    win = start()
    assert win.state.layout == "st_core_belt_wings" and win.state.preset == "urban"
    assert tuple(win.state.view.extent) == tuple(win.state.preset_extent("urban"))
    assert win.layout_combo.currentData() == "st_core_belt_wings"
    assert win.view_actions["urban"].isChecked()
    assert win.canvas.scene.describe()["layout"] == "st_core_belt_wings"
    hint = win.info_panel.hint
    assert hint.isVisible() and hint.text().startswith("点击一核、一带、两翼或基地")
    win.state.select_district("binjiang")           # the first click: the usual hint returns
    win.state.clear_selection()
    assert hint.text().startswith("点击地图上的区县")


def test_a_second_start_restores_what_the_first_left(start, qtbot):
    first = start(size=(1400, 900))
    first.state.update(layout="dt_4415")
    first.state.set_extent(EXTENT)
    first.state.update(lang="en")
    first.windows.tour_dock.show()
    first.addDockWidget(Qt.RightDockWidgetArea, first.layers.dock)
    geometry = first.saveGeometry()
    first.close()
    assert not first.isVisible()

    second = start()
    assert second.state.layout == "dt_4415" and second.state.preset == "custom"
    assert tuple(second.state.view.extent) == pytest.approx(EXTENT, abs=0.5)
    assert second.state.lang == "en" and second.windowTitle().startswith("hzmap — Hangzhou")
    # the window's place and size are kept (the offscreen screen, 800×600, clamps a restored
    # window to itself, so the size itself is checked on a real screen, not here)
    from hzmap.ui.window import startup
    from hzmap.ui.common.settings import settings
    assert settings().value(startup.KEYS["geometry"]) == geometry
    # the docks built when the dataset arrived are put back after their default placement
    qtbot.waitUntil(lambda: second.windows.tour_dock.isVisible(), timeout=2000)
    assert second.dockWidgetArea(second.layers.dock) == Qt.RightDockWidgetArea
    assert second.info_panel.hint.text().startswith("Click a district")  # no first-start hint


def test_a_preset_view_is_restored_as_the_preset_and_bad_values_are_dropped(start):
    from hzmap.ui.window import startup
    from hzmap.ui.common.settings import settings

    first = start()
    first.state.set_preset("city")
    first.state.update(layout=None)
    first.close()
    second = start()
    assert second.state.layout is None and second.state.preset == "city"
    s = settings()
    s.setValue(startup.KEYS["layout"], "no_such_layout")
    s.setValue(startup.KEYS["preset"], "custom")
    s.setValue(startup.KEYS["extent"], "nan,1,2,3")
    s.setValue(startup.KEYS["state"], b"garbage")
    s.sync()
    third = start()                                  # starts, on what it can show
    assert third.state.layout is None and third.state.preset == "city"
    assert third.layers.dock.isVisible()


def test_two_windows_closing_one_after_the_other_leave_the_last_ones_view(start):
    from hzmap.ui.window import startup
    from hzmap.ui.common.settings import settings

    a, b = start(), start()
    a.state.update(layout="dt_4415")
    b.state.set_extent(EXTENT)
    a.close()
    b.close()
    s = settings()
    assert s.status() == s.Status.NoError
    assert s.value(startup.KEYS["layout"]) == "st_core_belt_wings" and s.value(startup.KEYS["preset"]) == "custom"
    assert start().state.view.extent == pytest.approx(EXTENT, abs=0.5)


def test_dropping_a_project_on_the_window_opens_it(open_window, data, tmp_path, qtbot):
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    win = open_window(*data)
    path = sample_project(tmp_path / "区县汇报.hzmap")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(win.rect().center(), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(win, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(win.rect().center()), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(win, drop)
    assert win.windowTitle().endswith("区县汇报.hzmap[*]")  # [*]: the unsaved-changes mark
    assert win.state.layout == "dt_4415" and win.layout_combo.currentData() == "dt_4415"
    assert [a.text for a in win.session.annotations] == ["钱江新城 CBD", ""]
    # something that is not a local file is not taken
    web = QMimeData()
    web.setUrls([QUrl("https://example.com/plan.hzmap")])
    enter = QDragEnterEvent(win.rect().center(), Qt.CopyAction, web, Qt.LeftButton, Qt.NoModifier)
    enter.setAccepted(False)
    QApplication.sendEvent(win, enter)
    assert not enter.isAccepted()


def test_hzmap_file_opens_the_project_over_the_remembered_view(tmp_path):
    """`hzmap plan.hzmap` as a double-click runs it: the app's own start, event loop and all."""
    from hzmap.ui.window import startup
    from hzmap.ui.common.settings import settings

    s = settings()                                   # last time: 4+4+1+5... no, 无 on the whole city
    s.setValue(startup.KEYS["layout"], startup.NO_LAYOUT)
    s.setValue(startup.KEYS["preset"], "city")
    s.sync()
    path = sample_project(tmp_path / "plan.hzmap")
    r = subprocess.run([sys.executable, str(PROBE), "open", str(path)], capture_output=True, text=True,
                       timeout=120, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), cwd=tmp_path)
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("{")]
    assert r.returncode == 0 and lines, r.stderr[-3000:]
    seen = json.loads(lines[-1])
    assert seen["title"].startswith("hzmap") and seen["title"].endswith("plan.hzmap[*]")
    assert seen["layout"] == seen["combo"] == "dt_4415"
    assert seen["preset"] == "custom" and seen["extent"] == pytest.approx(list(EXTENT))
    assert seen["annotations"] == ["钱江新城 CBD", ""]


def test_the_window_has_hzmaps_icon_sharp_at_any_size(open_window, data):
    from hzmap.ui.common.icons import app_icon

    win = open_window(*data)
    assert not win.windowIcon().isNull()
    big = app_icon().pixmap(512, 512).toImage()
    assert big.width() == 512 and big.pixelColor(256, 256).alpha() > 0  # drawn, not an empty square


def test_a_window_saved_on_a_larger_screen_comes_back_inside_this_one(start):
    """At 200% scaling a 1920×1080 screen is 960×540: the geometry saved at 100% does not fit,
    Qt refuses it, and the window must still not be larger than the screen."""
    from PySide6.QtCore import QByteArray

    from hzmap.ui.common.settings import settings
    from hzmap.ui.window import startup
    settings().setValue(startup.KEYS["layout"], "-")
    settings().setValue(startup.KEYS["geometry"], QByteArray(b"saved by a window on another screen"))
    win = start()
    area = win.screen().availableGeometry()
    assert win.width() <= area.width() and win.height() <= area.height()
    assert area.contains(win.geometry().topLeft())
    win.resize(area.width() * 2, area.height() * 2)   # and one asked to be larger still
    startup.clamp_to_screen(win)
    assert win.width() <= area.width() and win.height() <= area.height()
