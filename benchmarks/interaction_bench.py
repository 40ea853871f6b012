"""The window's interaction timings for benchmarks/run.py: hover, click, pan and layout switch,
each event traced.

The window is built as the app builds it (the app's Qt font, hzmap.ui.app.build_window, one
OpenBLAS thread, every layout built in idle time) and left to settle before anything is timed:
the dataset in, every layout built and frozen, no draw, resize or tiles pending, the labels'
pixels ready (the frame's, and every other layout's: hzmap.render.map.rehearsal), and then no
draw and no resize for half a second (`settle_window`).

- hover_ms / click_ms: a Qt mouse event at a district's label point (all 13 in turn) until every
  event it posted is handled (the outline blitted, the tooltip, the inspector filled and painted);
- pan_ms / switch_ms: a pan or another layout until its one full redraw is drawn (the switches
  go to four layouts in turn; the window opens on one of them, so three of the first four are
  a layout's first showing).

Beside each time the trace keeps what the event spent where (`Trace`): full figure draws (count
and ms), blits, the inspector, the canvas's paints, the tooltip, the pick, idle-time work (layout
builds, label pixels) and the cycle collector. `slowest()` lists the slowest events of a kind with
their traces, so a slow event says why it was slow.
"""
from __future__ import annotations

import gc
import time
from collections import Counter


class Trace:
    """Milliseconds and calls per piece of UI-thread work, per event."""

    def __init__(self) -> None:
        self.acc: Counter = Counter()
        self.calls: Counter = Counter()
        self._gc_t0 = 0.0

    def wrap(self, cls, name: str, key: str) -> None:
        fn = getattr(cls, name)
        acc, calls = self.acc, self.calls

        def timed(*a, **k):
            if not a[0].get_visible() if key == "text_draws" else False:
                return fn(*a, **k)  # a hidden text's draw does nothing: not counted
            t0 = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                acc[key] += (time.perf_counter() - t0) * 1000
                calls[key] += 1
        setattr(cls, name, timed)

    def _on_gc(self, phase, _info) -> None:
        if phase == "start":
            self._gc_t0 = time.perf_counter()
        else:
            self.acc["collector"] += (time.perf_counter() - self._gc_t0) * 1000
            self.calls["collector"] += 1

    def install(self) -> None:
        import matplotlib.axes
        import matplotlib.figure
        import matplotlib.text
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from hzmap.ui.common.blit_canvas import BlitCanvas
        from hzmap.ui.map.map_canvas import MapCanvas
        from hzmap.ui.panels.info_panel import InfoPanel

        for cls, name, key in ((matplotlib.figure.Figure, "draw", "figure_draw"), (BlitCanvas, "blit_overlays", "blit"),
                               (matplotlib.axes.Axes, "draw_artist", "artist_draws"),
                               (matplotlib.text.Text, "draw", "text_draws"),
                               (BlitCanvas, "pick_at", "pick"), (BlitCanvas, "_warm_sprites", "idle_labels"),
                               (FigureCanvasQTAgg, "paintEvent", "canvas_paint"),
                               (InfoPanel, "show_selection", "inspector"), (MapCanvas, "_tooltip", "tooltip"),
                               (MapCanvas, "_prebuild_step", "idle_layout_build"),
                               (MapCanvas, "_ahead_step", "idle_layouts_ready")):
            if hasattr(cls, name):  # (the code before this benchmark has no idle label work)
                self.wrap(cls, name, key)
        gc.callbacks.append(self._on_gc)

    def take(self) -> dict:
        """What was recorded since the last take: {key: (ms, calls)}."""
        out = {k: (round(self.acc[k], 2), self.calls[k]) for k in self.calls}
        self.acc.clear()
        self.calls.clear()
        return out


def settle_window(app, window, quiet: float = 0.5, timeout: float = 30.0) -> float:
    """Handle events until the window has nothing left to do (see the module's docstring);
    returns the seconds it took. Raises if it never settles."""
    canvas = window.canvas
    drawn = []
    cid = canvas.mpl_connect("draw_event", lambda _e: drawn.append(time.perf_counter()))
    t0 = time.perf_counter()
    calm_since, size = None, canvas.size()
    try:
        while time.perf_counter() - t0 < timeout:
            app.sendPostedEvents()
            app.processEvents()
            busy = (not _canvas_settled(canvas) or canvas._prebuild or not canvas._frozen
                    or canvas.size() != size or bool(drawn))
            drawn.clear()
            size = canvas.size()
            now = time.perf_counter()
            if busy:
                calm_since = None
            elif calm_since is None:
                calm_since = now
            elif now - calm_since >= quiet:
                return now - t0
            time.sleep(0.005)
    finally:
        canvas.mpl_disconnect(cid)
    raise RuntimeError(f"the window did not settle in {timeout:.0f} s")


def _canvas_settled(canvas) -> bool:
    if hasattr(canvas, "is_settled"):
        return canvas.is_settled()
    # the code before is_settled: the same, without the labels' pixels
    return (canvas._background is not None and not getattr(canvas, "_draw_pending", False)
            and not canvas._resize_timer.isActive() and not canvas._tiles_timer.isActive())


def build_window():
    """The app's window (its Qt font, its view state, session and recovery), 1280 x 840."""
    import os

    os.environ["HZMAP_IDLE_PREBUILD"] = "1"
    from hzmap import process

    process.one_blas_thread()
    process.import_drawing_before_qt()
    from PySide6.QtWidgets import QApplication

    from hzmap import fonts
    from hzmap.model.dataset import load_dataset
    from hzmap.model.geo.geodata import load_geodata
    from hzmap.ui.app import build_window as app_window
    from hzmap.ui.common.fonts import register_qt

    app = QApplication.instance() or QApplication([])
    register_qt(app)
    fonts.register_matplotlib()
    geo = load_geodata()
    window = app_window(geo, load_dataset(check_excerpts=False))
    window.resize(1280, 840)
    window.show()
    window.canvas.draw()
    return app, window, geo


def time_interaction(repeat: int) -> dict:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    app, window, geo = build_window()
    canvas = window.canvas
    trace = Trace()
    trace.install()
    settle_s = settle_window(app, window)
    trace.take()

    def handled() -> None:
        """Every event the action posted handled, so each action is timed with all of its own
        work (the inspector's repaint after a click) and none of the one before."""
        app.processEvents()
        app.sendPostedEvents()
        app.processEvents()

    anchors = geo.district_label_points()
    points = [canvas.data_to_widget(p.x, p.y) for p in anchors.values()]
    times: dict[str, list[float]] = {"hover": [], "click": [], "pan": [], "switch": []}
    traces: dict[str, list[dict]] = {k: [] for k in times}
    for i in range(repeat):
        x, y = points[(i * 5) % len(points)]  # every district in turn, neighbours apart
        t0 = time.perf_counter()
        QTest.mouseMove(canvas, QPoint(x, y))
        handled()
        times["hover"].append((time.perf_counter() - t0) * 1000)
        traces["hover"].append(trace.take())
        t0 = time.perf_counter()
        QTest.mouseClick(canvas, Qt.LeftButton, Qt.NoModifier, QPoint(x, y))
        handled()
        times["click"].append((time.perf_counter() - t0) * 1000)
        traces["click"].append(trace.take())
        assert window.info_panel.title.text() or window.state.selection is not None, "the click selected nothing"
    # A pan and a switch are each timed from the change to the end of the (single, idle-time)
    # redraw it causes; the window settles before each.
    drawn = []
    cid = canvas.mpl_connect("draw_event", lambda _e: drawn.append(time.perf_counter()))

    def until_drawn(t0: float) -> float:
        while not drawn and time.perf_counter() - t0 < 5:
            app.processEvents()
        return (drawn[0] - t0) * 1000

    for i in range(max(3, repeat // 2)):
        settle_window(app, window, quiet=0.1)
        trace.take()
        drawn.clear()
        t0 = time.perf_counter()
        window.state.pan_by(1000 * (-1) ** i, 0)
        times["pan"].append(until_drawn(t0))
        traces["pan"].append(trace.take())
    layouts = ["dt_4415", "st_core_belt_wings", None, "open2018_platforms"]
    for i in range(max(8, repeat)):
        settle_window(app, window, quiet=0.1)
        trace.take()
        drawn.clear()
        t0 = time.perf_counter()
        window.state.update(layout=layouts[i % len(layouts)])
        times["switch"].append(until_drawn(t0))
        traces["switch"].append(trace.take())
    canvas.mpl_disconnect(cid)
    window.session.close()
    window.close()
    return {"times": times, "traces": traces, "settle_s": settle_s}


def draws_per(traces: list[dict], key: str = "figure_draw") -> float:
    """Calls per event of a traced piece (full figure draws, artists drawn over the frame, texts
    drawn): counts that do not depend on the machine's load."""
    return sum(t.get(key, (0, 0))[1] for t in traces) / max(len(traces), 1)


def slowest(times: list[float], traces: list[dict], n: int = 3) -> list[str]:
    order = sorted(range(len(times)), key=lambda i: -times[i])[:n]
    lines = []
    for i in order:
        parts = ", ".join(f"{k} {ms:.1f} ms/{c}" for k, (ms, c) in sorted(traces[i].items(), key=lambda kv: -kv[1][0]))
        lines.append(f"#{i} {times[i]:.1f} ms: {parts or 'nothing traced'}")
    return lines
