"""Soak: 5,000 random user actions on the main window (fixed seed). No exception escapes, the
UI stays consistent with the state, and memory stays flat."""
import math
import os
import random

import pytest

pytest.importorskip("PySide6")
from matplotlib.backend_bases import MouseEvent  # noqa: E402

from hzmap.model.annotations import make  # noqa: E402
from hzmap.model.dataset import load_dataset  # noqa: E402
from hzmap.model.geodata import load_geodata  # noqa: E402
from hzmap.model.state import AppState, Filters  # noqa: E402

N_ACTIONS = int(os.environ.get("HZMAP_SOAK_ACTIONS", "5000"))
QUERIES = ["滨江", "bj", "qt", "钱塘", "物联网", "机场", "数字贸易", "xyz", "一核", "会展", "fy"]


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def test_random_actions(qtbot):
    from hzmap import fonts
    from hzmap.model.filters import facets
    from hzmap.ui.main_window import MainWindow

    fonts.register_matplotlib()
    geo = load_geodata()
    ds = load_dataset(check_excerpts=False)
    win = MainWindow(AppState(), geo, ds)
    qtbot.addWidget(win)
    win.resize(900, 600)
    win.show()
    qtbot.waitExposed(win)
    canvas, state = win.canvas, win.state
    layouts = [None, *ds.layouts]
    values = facets(ds)
    rng = random.Random(20261122)

    def point():
        x0, x1, y0, y1 = canvas.renderer_.limits()
        return rng.uniform(x0, x1), rng.uniform(y0, y1)

    def mouse(name, x, y, **kw):
        px, py = canvas.renderer_.ax.transData.transform((x, y))
        canvas.callbacks.process(name, MouseEvent(name, canvas, px, py, **kw))

    def hover():
        mouse("motion_notify_event", *point())

    def click():
        x, y = point()
        mouse("button_press_event", x, y, button=1)
        mouse("button_release_event", x, y, button=1)

    def zoom():
        mouse("scroll_event", *point(), step=rng.choice([-2, -1, 1, 2]))

    def pan():
        x, y = point()
        mouse("button_press_event", x, y, button=1)
        mouse("motion_notify_event", x + rng.uniform(-5000, 5000), y + rng.uniform(-5000, 5000), button=1)
        mouse("button_release_event", x, y, button=1)

    def switch():
        state.layout = rng.choice(layouts)

    def filter_():
        key = rng.choice(["plan", "sector", "unit", None])
        state.filters = Filters() if key is None else Filters(**{key: rng.choice(values[key])})

    def search():
        win.search_box.setText(rng.choice(QUERIES))
        win.search_box.choose_current()

    def select():
        state.selection = rng.choice([None, *geo.districts])

    def annotate():
        x, y = point()
        win.annotations.add(make(rng.choice(["marker", "text"]), [(x, y)], text="会议要点"))

    def undo():
        (win.annotations.undo if rng.random() < 0.7 else win.annotations.redo)()

    def view():
        state.view = rng.choice(["city", "urban"])

    actions = [hover] * 6 + [click] * 3 + [zoom] * 2 + [pan, switch, filter_, search, select, annotate, undo, view]
    baseline = None
    for i in range(N_ACTIONS):
        rng.choice(actions)()
        if i % 50 == 0:
            qtbot.wait(1)  # let queued redraws happen, as between real user actions
        if i == 300:
            baseline = rss_mb()
        if i % 250 == 0:
            check_consistent(win, geo, ds)
    qtbot.wait(10)
    check_consistent(win, geo, ds)
    grown = rss_mb() - baseline
    assert grown < 30, f"memory grew by {grown:.1f} MB over {N_ACTIONS} actions"


def check_consistent(win, geo, ds):
    state = win.state
    assert state.layout is None or state.layout in ds.layouts
    assert win.layout_combo.currentData() == state.layout
    assert state.selection is None or state.selection in geo.districts
    if state.selection is not None and state.place is None:
        assert win.info_panel.title.text() == geo.districts[state.selection]["name_zh"]
    x0, x1, y0, y1 = win.canvas.renderer_.limits()
    assert all(math.isfinite(v) for v in (x0, x1, y0, y1)) and x1 > x0 and y1 > y0
    shown = {ea.element_id for ea in win.canvas.overlay.elements()}
    expected = {el.id for el in ds.layouts[state.layout].elements} if state.layout else set()
    assert shown == expected
