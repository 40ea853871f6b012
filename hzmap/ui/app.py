"""Start the desktop app: fonts, data, window. Bad data gives a message, not a traceback."""
from __future__ import annotations

import os
import sys
import time

from hzmap import process

_T0 = time.perf_counter()


def run(argv: list[str] | None = None, files: list | None = None) -> int:
    """The window; `files` (projects or data files) open once the dataset is in. A geodata file
    that cannot be read is named (on stderr and in a message box) and its GeodataError raised."""
    process.collector_off_until_first_frame()
    process.import_drawing_before_qt()
    from PySide6.QtWidgets import QApplication

    from hzmap import fonts
    from hzmap.model.geo.geodata import GeodataError, load_geodata
    from hzmap.ui.common.fonts import register_qt
    from hzmap.ui.common.icons import app_icon

    app = QApplication.instance() or QApplication(sys.argv[:1] + list(argv or []))
    app.setDesktopFileName("hzmap")  # the launcher and MIME type in resources/desktop
    app.setWindowIcon(app_icon())
    app.setApplicationName("hzmap")
    app.setOrganizationName("hzmap")
    register_qt(app)
    fonts.register_matplotlib()
    try:
        geodata = load_geodata(os.environ.get("HZMAP_GEODATA") or None)
    except GeodataError as exc:
        message = f"hzmap cannot start: {exc}"
        print(message, file=sys.stderr)
        if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            from hzmap.ui.common import messages
            messages.critical(None, "hzmap", message)
        raise

    from hzmap.ui.common import errors
    window = build_window(geodata, restore=True)
    errors.install(window.canvas)
    for path in files or ():
        window.open_path(path)
    probe = os.environ.get("HZMAP_STARTUP_PROBE")
    if probe:  # the start-up benchmark and the bundle's proof (hzmap.ui.window.probe)
        from hzmap.ui.window import probe as probes

        probes.report_first_frame(window, app, _T0, quit_after=probe != probes.FILES)
        if probe == probes.FILES:
            window.files_probe = probes.FilesProbe(window, app, len(files or ()))
    window.show()
    # The district map is usable at once; the layout dataset follows right after the first frame.
    _after_first_frame(window, lambda: (process.collector_on_after_first_frame(),
                                        _load_dataset(window, wait=False)))
    return app.exec()


def build_window(geodata, dataset=None, restore: bool = False):
    """The view state (in the language chosen last time), the session with its own recovery
    file, and the window over them: the first frame is already in the right language. With
    `restore` (the app; tests ask for it) the window starts where the user left off
    (hzmap.ui.window.startup) and remembers where that is when it closes; files opened afterwards
    (the command line, a drop) win over it."""
    from hzmap.model.session.recovery import Recovery
    from hzmap.model.session.session import Session
    from hzmap.model.view.viewstate import ViewState
    from hzmap.ui.common import i18n
    from hzmap.ui.window import startup
    from hzmap.ui.window.main_window import MainWindow
    from hzmap.ui.common.settings import recovery_dir

    lang = i18n.saved_language()
    i18n.install(lang)
    state = ViewState(geodata)
    state.update(lang=lang)
    first = startup.restore_view(state) if restore else False
    try:
        recovery = Recovery(recovery_dir())
    except OSError as exc:  # a read-only home: run without a recovery file, and say so
        print(f"hzmap: no recovery file: {exc}", file=sys.stderr)
        recovery = None
    window = MainWindow(state, geodata, dataset, Session(state, recovery))
    if restore:
        startup.restore_window(window)
        window.closing.connect(lambda: startup.remember(window))
        if first:
            window.show_hint(startup.FIRST_START_HINT)
    return window


def _after_first_frame(window, action) -> None:
    from PySide6.QtCore import QTimer

    def on_draw(_event):
        window.canvas.mpl_disconnect(cid)
        QTimer.singleShot(0, action)
    cid = window.canvas.mpl_connect("draw_event", on_draw)


def _load_dataset(window, wait: bool = True) -> None:
    """The layout dataset and the user's own datasets: in a worker thread when the app starts
    (the map keeps answering), on this thread when asked to wait (tests, scripts)."""
    window.datasets.load(wait=wait)
