"""Presenting with a projector: the presenter view beside the room's map, one step index for
both, speaker notes from the 导览 dock, and the screen the map goes to."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hzmap.model.tours.player import TourPlayer
from hzmap.model.tours.tour import Tour, TourStep

PROBE = Path(__file__).with_name("app_probe.py")
TWO_SCREENS = {"windowFrameMargins": False, "screens": [
    {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    {"name": "projector", "x": 1280, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96,
     "dpr": 1}]}
STEPS_4415 = ["自贸试验区引领区(4)", "协同创新区联动(4)", "临空经济示范区支撑(1)", "全域联动(5)"]


# -- the player: one step index --------------------------------------------------------------
def test_player_moves_within_the_tour_and_says_so_once():
    tour = Tour(name="t", steps=[TourStep(extent=(0, 0, 1, 1), title_zh=str(i)) for i in range(3)])
    now = [100.0]
    player = TourPlayer(tour, clock=lambda: now[0])
    moved, ended = [], []
    player.moved.connect(moved.append)
    player.ended.connect(lambda: ended.append(True))
    assert player.index == 0 and player.next_step.title_zh == "1"
    assert player.next() and player.next() and not player.next()  # the last step stays
    assert player.previous() and player.first() and not player.previous()
    assert player.last() and player.next_step is None
    assert moved == [1, 2, 1, 0, 2]
    now[0] = 165.0
    assert player.elapsed() == 65.0
    player.restart_clock()
    assert player.elapsed() == 0.0
    player.end()
    player.end()
    assert ended == [True] and not player.go_to(0)  # ended once; an ended presentation stays put
    assert TourPlayer(None).step is None and not TourPlayer(None).next()


def test_presentation_screen_is_one_the_main_window_is_not_on():
    from hzmap.ui.present.screens import presentation_screen

    class Screen:
        def __init__(self, name):
            self._name = name

        def name(self):
            return self._name

    laptop, projector, tv = Screen("eDP-1"), Screen("HDMI-1"), Screen("DP-2")
    assert presentation_screen([laptop], laptop) is None                    # one screen: as before
    assert presentation_screen([laptop, projector], laptop) is projector
    assert presentation_screen([projector, laptop], laptop) is projector
    assert presentation_screen([laptop, projector, tv], laptop, "DP-2") is tv  # the remembered one
    assert presentation_screen([laptop, projector], laptop, "eDP-1") is laptop  # chosen: even this one
    assert presentation_screen([laptop, projector], laptop, "gone") is projector


# -- in one process: the presenter view beside the room's window ------------------------------
@pytest.fixture
def presenting(window, qtbot):
    """The room's window and the presenter view over one player, wired as MainWindow.present
    does with two screens (here both on the one offscreen screen)."""
    from hzmap.model.tours.tour import default_tour
    from hzmap.ui.present.presentation import PresentationWindow
    from hzmap.ui.present.presenter_view import PresenterView

    window.state.update(layout="dt_4415")
    player = TourPlayer(default_tour(window.dataset, window.geo, "dt_4415"))
    pres = PresentationWindow(window.session, player.tour, animate=False, parent=window, player=player)
    view = PresenterView(window.session, player, parent=window)
    pres.canvas.resized.connect(view.set_room_size)
    pres.resize(1440, 900)  # a projector's shape: the caption's second line is a small change
    pres.show()
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view.next_picture.pixmap().isNull(), timeout=5000)
    yield pres, view, player
    for w in (pres, view):
        if w.isVisible():
            w.close()


def test_presenter_view_shows_the_step_its_notes_and_the_next_step(presenting, qtbot):
    pres, view, player = presenting
    assert view.counter_label.text() == "1 / 4" and view.title_label.text() == STEPS_4415[0]
    assert view.caption_label.text() == pres.caption_label.text() != ""
    assert view.source_label.text() == pres.source_label.text()
    assert view.source_label.text().startswith("出处：数字贸易强市三年行动计划 §一（有效期 2024-05-24 至 2026-12-31，")
    assert view.next_title.text() == STEPS_4415[1]
    # no notes written: the document's own words for the element, as on the deck's notes
    assert view.notes.toPlainText().startswith("原文 (数字贸易强市三年行动计划 §一)")
    assert "自贸试验区" in view.notes.toPlainText()
    assert view.time_label.text().startswith("0:00:0")
    now, nxt = (v.pixmap().toImage() for v in (view.current_picture, view.next_picture))
    assert now.width() == nxt.width() > 200 and now != nxt   # two different maps
    # the pictures have the room's shape (the room's caption bar is not part of the map)
    room_w, room_h = pres.canvas.width(), pres.canvas.height()
    assert view.next_picture.height() / view.next_picture.width() == pytest.approx(room_h / room_w, abs=0.02)


def test_advancing_from_either_window_moves_both(presenting, qtbot):
    pres, view, player = presenting
    QTest.keyClick(view, Qt.Key_Right)          # the laptop's keyboard
    assert pres.counter_label.text() == view.counter_label.text() == "2 / 4"
    assert pres.title_label.text() == view.title_label.text() == STEPS_4415[1]
    assert pres.canvas.spotlight.element == "collab_innovation"
    QTest.keyClick(pres, Qt.Key_PageDown)       # a clicker aimed at the room's window
    assert pres.counter_label.text() == view.counter_label.text() == "3 / 4"
    assert view.next_title.text() == STEPS_4415[3]
    view.buttons["previous"].click()
    assert pres.counter_label.text() == "2 / 4" and player.index == 1
    QTest.keyClick(pres, Qt.Key_End)
    assert view.counter_label.text() == "4 / 4" and view.next_title.text() == "（导览结束）End of tour"
    assert not view.buttons["next"].isEnabled()
    QTest.keyClick(view, Qt.Key_Home)
    assert pres.counter_label.text() == "1 / 4"


def test_pictures_are_drawn_once_per_step(presenting, qtbot):
    pres, view, player = presenting
    drawn = view.thumbnails.drawn
    for key in (Qt.Key_Right, Qt.Key_Left, Qt.Key_Right, Qt.Key_Left):
        shown = view.current_picture.pixmap().cacheKey()
        QTest.keyClick(view, key)
        qtbot.waitUntil(lambda: view.current_picture.pixmap().cacheKey() != shown)  # the next turn
    # forward draws step 3 once; going back and forth again comes from the cache
    assert view.thumbnails.drawn == drawn + 1


def test_escape_or_closing_either_window_ends_both(presenting, qtbot):
    pres, view, player = presenting
    QTest.keyClick(view, Qt.Key_Escape)
    assert not pres.isVisible() and not view.isVisible() and not player.running


def test_projector_theme_reaches_the_presenters_pictures(presenting, qtbot):
    pres, view, player = presenting
    before = view.current_picture.pixmap().toImage()
    QTest.keyClick(pres, Qt.Key_H)
    assert not player.high_contrast and not pres.canvas.renderer_.high_contrast
    qtbot.waitUntil(lambda: view.current_picture.pixmap().toImage() != before, timeout=3000)


def test_presenter_view_in_english(presenting, qtbot):
    import re

    pres, view, player = presenting
    view.parent().state.update(lang="en")
    try:
        texts = [view.windowTitle(), view.title_label.text(), view.next_title.text(), view.source_label.text()]
        texts += [b.text() for b in view.buttons.values()]
        assert not [t for t in texts if re.search(r"[\u3400-\u9fff]", t)]
        assert view.buttons["next"].text() == "Next ▶" and view.source_label.text().startswith("Source: ")
    finally:
        view.parent().state.update(lang="zh")


# -- speaker notes: the 导览 dock, the project, the presenter view ------------------------------
def test_notes_written_in_the_tour_dock_are_saved_and_shown_to_the_presenter(window, qtbot, tmp_path):
    from hzmap.model.tours.tour import step_from_dict

    window.state.update(layout="dt_4415")
    editor = window.windows.tour_editor
    window.state.select_district("binjiang")
    editor.buttons["add"].click()
    window.state.select_district("xihu")
    editor.buttons["add"].click()
    editor.steps.setCurrentRow(0)
    assert editor.notes.isEnabled() and editor.notes.placeholderText().startswith("演讲者备注")
    editor.notes.setPlainText("先讲滨江的数字经济\n再提物联网小镇")
    editor.steps.setCurrentRow(1)                      # moving on keeps the first step's notes
    assert editor.notes.toPlainText() == ""
    editor.notes.setPlainText("西湖：文化")
    qtbot.waitUntil(lambda: window.isWindowModified(), timeout=2000)  # the session heard of it
    path = tmp_path / "talk.hzmap"
    assert window.project_actions.save_to(path)
    saved = json.loads(path.read_text(encoding="utf-8"))["tours"][0]["steps"]
    assert [step_from_dict(s).notes_zh for s in saved] == ["先讲滨江的数字经济\n再提物联网小镇", "西湖：文化"]
    window.session.tours.clear()
    assert window.project_actions.open(path)
    editor.steps.setCurrentRow(0)
    assert editor.notes.toPlainText() == "先讲滨江的数字经济\n再提物联网小镇"

    from hzmap.ui.present.presenter_view import PresenterView
    player = TourPlayer(window.session.tours[0])
    view = PresenterView(window.session, player, parent=window)
    view.show()
    assert view.notes.toPlainText() == "先讲滨江的数字经济\n再提物联网小镇"
    player.next()
    assert view.notes.toPlainText() == "西湖：文化"
    view.close()


def test_present_on_menu_lists_the_screens_and_remembers_the_choice(window, qtbot):
    from hzmap.ui.present import screens

    window.state.update(layout="dt_4415")
    menu = window.windows.present_on_menu
    assert menu in [a.menu() for a in window.menus["view"].actions()]
    assert menu.title() == "放映于 Present on"
    menu.rebuild()
    acts = [a for a in menu.actions() if not a.isSeparator()]
    assert acts[0].text().startswith("自动") and acts[0].isChecked()
    assert acts[1].text().startswith("屏幕 Screen 1:")
    acts[1].trigger()
    assert screens.remembered_screen() == screens.screen_key(0, window.screen())
    menu.rebuild()
    assert [a.isChecked() for a in menu.actions() if not a.isSeparator()][:2] == [False, True]
    # one screen: F5 covers it as before, with no presenter view
    pres = window.windows.present()
    assert pres.isFullScreen() and window.windows.presenter_view is None
    pres.close()


# -- two screens: a process of its own (the screens are fixed when Qt starts) --------------------
def _probe(env_extra, tmp_path):
    env = dict(os.environ, **env_extra)
    r = subprocess.run([sys.executable, str(PROBE), "screens"], capture_output=True, text=True, env=env,
                       timeout=120, cwd=tmp_path)
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("{")]
    assert r.returncode == 0 and lines, r.stderr[-3000:]
    return json.loads(lines[-1])


def _check_two_screens(out, room_screen):
    assert out["main"] == out["screens"][0] and out["room"] == room_screen
    assert out["room_full_screen"] and out["presenter"] == out["main"]
    start, after_view, after_room = out["start"], out["after_presenter_key"], out["after_room_key"]
    assert (start["room"], start["presenter"], start["now"], start["next"]) == \
           ("1 / 4", "1 / 4", STEPS_4415[0], STEPS_4415[1])
    assert start["notes"].startswith("原文") and start["next_picture"][0] > 200
    assert (after_view["room"], after_view["presenter"], after_view["room_title"]) == ("2 / 4", "2 / 4", STEPS_4415[1])
    assert (after_room["room"], after_room["presenter"], after_room["next"]) == ("3 / 4", "3 / 4", STEPS_4415[3])
    assert out["ended"]
    assert out["chosen_main"] == {"room": out["main"], "presenter": False}


def test_f5_with_two_screens_puts_the_map_on_the_other_one(tmp_path):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(TWO_SCREENS))
    out = _probe({"QT_QPA_PLATFORM": f"offscreen:configfile={config}"}, tmp_path)
    assert out["screens"] == ["laptop", "projector"]
    _check_two_screens(out, "projector")
    assert out["room_geometry"] == [1280, 0, 1920, 1080]


XORG_DUMMY = Path("/usr/lib/xorg/modules/drivers/dummy_drv.so")
XORG_CONF = """Section "Device"
    Identifier "dummy"
    Driver "dummy"
    VideoRam 256000
EndSection
Section "Screen"
    Identifier "screen"
    Device "dummy"
    DefaultDepth 24
    SubSection "Display"
        Depth 24
        Virtual 3200 1080
    EndSubSection
EndSection
"""
MODES = {"laptop": ["1280x800_60", "83.50", "1280", "1352", "1480", "1680", "800", "803", "809", "831", "-hsync",
                    "+vsync"],
         "projector": ["1920x1080_60", "173.00", "1920", "2048", "2248", "2576", "1080", "1083", "1088", "1120",
                       "-hsync", "+vsync"]}  # cvt's modelines


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("Xorg") and shutil.which("xrandr") and XORG_DUMMY.exists()),
                    reason="needs Xorg with the dummy driver (xserver-xorg-video-dummy) and xrandr")
def test_f5_with_two_screens_on_a_real_x_server(tmp_path):
    """The same on an X server with two monitors side by side, 1280×800 and 1920×1080, and a
    window manager. (Xvfb's Xinerama puts every screen at 0,0, and Qt 6 reads monitors from
    RandR only, so the dummy driver's RandR outputs stand in for a laptop and a projector.)"""
    conf = tmp_path / "dummy.conf"
    conf.write_text(XORG_CONF)
    read, write = os.pipe()
    xorg = subprocess.Popen(["Xorg", "-displayfd", str(write), "-config", str(conf), "-noreset", "-nolisten", "tcp",
                             "-logfile", str(tmp_path / "xorg.log")], pass_fds=(write,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    wm = None
    try:
        with os.fdopen(read) as fh:
            display = fh.readline().strip()
        if not display:
            pytest.skip("Xorg did not start (it may need more rights here)")
        env = dict(os.environ, DISPLAY=f":{display}")
        laptop, projector = MODES["laptop"][0], MODES["projector"][0]
        for args in (["--newmode", *MODES["laptop"]], ["--newmode", *MODES["projector"]],
                     ["--addmode", "DUMMY0", laptop], ["--addmode", "DUMMY1", projector],
                     ["--output", "DUMMY0", "--mode", laptop, "--pos", "0x0", "--primary",
                      "--output", "DUMMY1", "--mode", projector, "--pos", "1280x0"]):
            subprocess.run(["xrandr", *args], env=env, check=True, capture_output=True, timeout=30)
        if shutil.which("openbox"):
            wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out = _probe({"DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb"}, tmp_path)
    finally:
        for proc in (wm, xorg):
            if proc is not None:
                proc.terminate()
                proc.wait(10)
    assert out["screens"] == ["DUMMY0", "DUMMY1"]
    _check_two_screens(out, "DUMMY1")
    assert out["room_geometry"] == [1280, 0, 1920, 1080]
