"""Shared test set-up: Agg for matplotlib, offscreen Qt, settings in a temp dir."""
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
# The window builds every layout's artists in idle time after the dataset arrives; in tests
# that work would land inside their waits (tests/test_fast_paths.py turns it back on).
os.environ.setdefault("HZMAP_IDLE_PREBUILD", "0")
# Parsed YAML is kept between runs (hzmap.model.dataset.parsecache): here in a folder of this
# test process's own, not the user's cache.
os.environ.setdefault("HZMAP_CACHE_DIR", tempfile.mkdtemp(prefix="hzmap-test-cache-"))

import matplotlib  # noqa: E402

matplotlib.use("Agg")

import pytest  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory, monkeypatch):
    """Keep QSettings, logs and recovery files out of the user's home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HZMAP_CONFIG_DIR", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    yield


@pytest.fixture(scope="session")
def geodata():
    """The shipped geodata, loaded once for the whole run (nothing mutates it), with the map's
    font registered for matplotlib, as the app does before it draws."""
    from hzmap import fonts
    from hzmap.model.geo.geodata import load_geodata

    fonts.register_matplotlib()
    return load_geodata()


@pytest.fixture(scope="session")
def dataset():
    """The shipped layout dataset (excerpts are checked by the dataset tests themselves)."""
    from hzmap.model.dataset import load_dataset

    return load_dataset(check_excerpts=False)


@pytest.fixture(scope="session")
def data(geodata, dataset):
    """(geodata, dataset), for drawing tests."""
    return geodata, dataset


@pytest.fixture
def open_window(qtbot):
    """open_window(geodata, dataset=None, size=(1200, 800), restore=False): a shown main window,
    closed after the test (napari's make_napari_viewer pattern). With `restore` it starts where
    the last one left off, as the app's does; `size=None` keeps the size it chose."""
    from hzmap import fonts
    from hzmap.ui.app import build_window

    fonts.register_matplotlib()
    windows = []

    def make(geodata, dataset=None, size=(1200, 800), restore=False):
        # as the app builds it: state, session, recovery
        win = build_window(geodata, dataset, restore=restore)
        qtbot.addWidget(win)
        if size:
            win.resize(*size)
        win.show()
        qtbot.waitExposed(win)
        windows.append(win)
        return win

    yield make
    for win in windows:
        shown = win.windows  # the window's controller of its other windows
        for other in (shown.presentation, shown.presenter_view) if shown is not None else ():
            if other is not None and other.isVisible():
                other.close()
        search = getattr(win, "search_box", None)
        if search is not None:
            search.popup.hide()  # a top-level popup: it would outlive the window
        if not win.isVisible():  # the test closed it (and a restored one remembered that close)
            continue
        if win.project_actions is not None:  # a test's unsaved annotations are not the user's work
            win.project_actions.ask_save_changes = lambda: "discard"
        win.close()
    from hzmap.ui.common import i18n
    i18n.install("zh")  # the translator is application-wide: the next test starts in Chinese


@pytest.fixture
def window(open_window, data):
    """The main window as a user first sees it, with the shipped geodata and layout dataset,
    1200 x 800 and drawn; closed after the test (with its presentation and presenter view)."""
    win = open_window(*data)
    win.canvas.draw()
    return win


@pytest.fixture
def settled(qtbot):
    """settled(canvas): wait until a map canvas has drawn all it was asked to, with no resize
    waiting to redraw it and no redraw pending: a condition, where a fixed wait would guess."""
    def wait(canvas, timeout: int = 5000) -> None:
        from PySide6.QtWidgets import QApplication

        def idle() -> bool:  # (_draw_pending: matplotlib's flag for a draw_idle not yet done)
            QApplication.sendPostedEvents()  # a layout waiting in the queue may resize the map
            resizing = getattr(canvas, "_resize_timer", None)
            return not (resizing is not None and resizing.isActive()) and not canvas._draw_pending
        qtbot.waitUntil(idle, timeout=timeout)
    return wait


def window_ready(win) -> bool:
    """Every layout of the window is built and its labels, legend and frame made ready."""
    canvas = win.canvas
    return canvas._frozen and not canvas._prebuild and canvas.is_settled()


@pytest.fixture
def ready_window(open_window, geodata, dataset, qtbot, monkeypatch):
    """The window as a user meets it after a moment: every layout built and made ready."""
    monkeypatch.setenv("HZMAP_IDLE_PREBUILD", "1")
    win = open_window(geodata, dataset)
    win.canvas.draw()
    qtbot.waitUntil(lambda: window_ready(win), timeout=30000)
    yield win
    import gc

    gc.unfreeze()
