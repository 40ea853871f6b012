"""hzmap in a process of its own, for tests whose set-up is fixed when Qt starts (two screens,
200% scaling) or that run the app's own event loop (`hzmap FILE`). Prints one JSON line with
what a user would see; the tests read it.

    python tests/app_probe.py open FILE        # hzmap FILE, through the command line
    python tests/app_probe.py dpi OUT_PREFIX   # the map and the presentation, grabbed as PNG
    python tests/app_probe.py screens          # F5 with two or more screens
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _app():
    from PySide6.QtWidgets import QApplication

    from hzmap import fonts
    from hzmap.ui.common.fonts import register_qt

    app = QApplication.instance() or QApplication(sys.argv[:1])
    register_qt(app)
    fonts.register_matplotlib()
    return app


def _window(size=(1200, 760)):
    from PySide6.QtTest import QTest

    from hzmap.model.dataset import load_dataset
    from hzmap.model.geo.geodata import load_geodata
    from hzmap.ui.app import build_window

    win = build_window(load_geodata(), load_dataset(check_excerpts=False))
    win.move(40, 40)
    win.resize(*size)
    win.show()
    QTest.qWaitForWindowExposed(win)
    return win


def _wait(predicate, timeout=10.0):
    from PySide6.QtTest import QTest

    end = time.monotonic() + timeout
    while not predicate() and time.monotonic() < end:
        QTest.qWait(20)
    return predicate()


def open_file(path: str) -> int:
    """`hzmap FILE` as the launcher runs it; reports once the project is open, then quits."""
    from PySide6.QtCore import QTimer

    from hzmap.cli.main import main

    app = _app()
    deadline = time.monotonic() + 30

    def poll():
        win = next((w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow"), None)
        if win is not None and win.session.path is not None:
            view = win.state.view
            print(json.dumps({"title": win.windowTitle(), "layout": view.layout, "preset": view.preset,
                              "extent": list(view.extent), "combo": win.layout_combo.currentData(),
                              "annotations": [a.text for a in win.session.annotations]}), flush=True)
            win.project_actions.ask_save_changes = lambda: "discard"
            app.quit()
        elif time.monotonic() > deadline:
            print(json.dumps({"error": "the project did not open"}), flush=True)
            app.quit()
        else:
            QTimer.singleShot(50, poll)

    QTimer.singleShot(0, poll)
    return main([path])


def dpi(prefix: str) -> int:
    """The map canvas and the presentation, at whatever scale Qt runs at, as PNGs."""
    from hzmap.ui.common.icons import app_icon
    from hzmap.ui.present.presentation import PresentationWindow

    _app()
    win = _window()
    win.state.update(layout="st_core_belt_wings")
    win.state.select_district("binjiang")
    win.canvas.setFixedSize(640, 480)
    pres = PresentationWindow(win.session, None, parent=win)
    pres.resize(960, 600)
    pres.show()
    _wait(lambda: pres.canvas.get_width_height() == (960, 600 - pres.caption_bar.height()))
    ratio = win.canvas.devicePixelRatioF()
    for name, canvas in (("map", win.canvas), ("presentation", pres.canvas)):
        canvas.draw()
        canvas.grab().save(f"{prefix}_{name}.png")
    icon = app_icon().pixmap(32, 32)
    print(json.dumps({"ratio": ratio, "figure_dpi": win.canvas.figure.dpi,
                      "icon": [icon.width(), icon.height(), icon.devicePixelRatio()],
                      "window_icon": not win.windowIcon().isNull()}), flush=True)
    pres.close()
    win.close()
    return 0


def screens() -> int:
    """F5 with two screens: where each window goes, what the presenter sees, and that the
    clicker's keys from either window move both."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    _app()
    win = _window()
    win.state.update(layout="dt_4415")
    out = {"screens": [s.name() for s in QGuiApplication.screens()], "main": win.screen().name()}
    pres = win.windows.present()
    pres.animate = False
    view = win.windows.presenter_view
    _wait(lambda: view is not None and not view.next_picture.pixmap().isNull())
    name = lambda w: w.screen().name()  # noqa: E731
    out.update(room=name(pres), room_full_screen=pres.isFullScreen(), room_geometry=pres.geometry().getRect(),
               presenter=name(view) if view else None)

    def seen():
        return {"room": pres.counter_label.text(), "room_title": pres.title_label.text(),
                "presenter": view.counter_label.text(), "now": view.title_label.text(),
                "next": view.next_title.text(), "notes": view.notes.toPlainText()[:40],
                "next_picture": list(view.next_picture.pixmap().size().toTuple())}
    out["start"] = seen()
    QTest.keyClick(view, Qt.Key_Right)            # the presenter's keyboard
    out["after_presenter_key"] = seen()
    QTest.keyClick(pres, Qt.Key_PageDown)         # a clicker aimed at the room's window
    out["after_room_key"] = seen()
    QTest.keyClick(view, Qt.Key_Escape)
    _wait(lambda: win.windows.presentation is None)
    out["ended"] = win.windows.presentation is None and win.windows.presenter_view is None
    # chosen in 放映于: the main window's own screen; the map covers it, no presenter view
    from hzmap.ui.present import screens as screen_choice
    main_index = QGuiApplication.screens().index(win.screen())
    screen_choice.remember_screen(screen_choice.screen_key(main_index, win.screen()))
    pres = win.windows.present()
    QTest.qWaitForWindowExposed(pres)
    out["chosen_main"] = {"room": name(pres), "presenter": win.windows.presenter_view is not None}
    pres.close()
    print(json.dumps(out, ensure_ascii=False), flush=True)
    win.project_actions.ask_save_changes = lambda: "discard"
    win.close()
    return 0


if __name__ == "__main__":
    what, *args = sys.argv[1:]
    sys.exit({"open": open_file, "dpi": dpi, "screens": screens}[what](*args))
