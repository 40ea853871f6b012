"""Frame rate of presentation-mode transitions on this machine's software rendering (offscreen).

    python benchmarks/presentation_bench.py

`time_transition()` opens a 1920x1080 presentation of the 4+4+1+5 tour and steps through it with
the real animation (QVariantAnimation, 600 ms, ease in/out); the figure is the frames actually
painted per second during the transitions. `transition_details()` adds the time to render the
target frame before a transition starts and the cost of painting one cross-faded frame.
"""
from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _window(size=(1920, 1080)):
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from hzmap import fonts
    from hzmap.model.dataset import load_dataset
    from hzmap.model.geo.geodata import load_geodata
    from hzmap.model.tours.tour import default_tour
    from hzmap.model.session.session import Session
    from hzmap.model.view.viewstate import ViewState
    from hzmap.ui.common.fonts import register_qt
    from hzmap.ui.present.presentation import PresentationWindow

    register_qt(app)
    fonts.register_matplotlib()
    ds, geo = load_dataset(check_excerpts=False), load_geodata()
    win = PresentationWindow(Session(ViewState(geo), dataset=ds), default_tour(ds, geo, "dt_4415"), animate=True)
    win.resize(*size)
    win.show()
    _wait(0.3)
    return win


def _wait(seconds: float) -> None:
    from PySide6.QtCore import QCoreApplication

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QCoreApplication.processEvents()
        time.sleep(0.002)


def transition_details(steps: int = 3) -> dict:
    win = _window()
    fps, start_ms = [], []
    for i in range(1, steps + 1):
        t0 = time.perf_counter()
        win.go_to(i % len(win.tour.steps))
        start_ms.append((time.perf_counter() - t0) * 1000)
        _wait(0.8)
        fps.append(win.measured_fps or 0.0)
    canvas = win.canvas
    canvas.begin_transition(lambda: None)
    t0 = time.perf_counter()
    for k in range(20):
        canvas.show_transition(canvas.scene.renderer.limits(), k / 20)
        canvas.repaint()
    paint_ms = (time.perf_counter() - t0) / 20 * 1000
    canvas.end_transition()
    win.close()
    return {"fps": statistics.median(fps), "fps_all": fps, "start_ms": statistics.median(start_ms),
            "paint_frame_ms": paint_ms}


def time_transition() -> float:
    """Frames per second painted during a tour transition (median of three)."""
    return transition_details()["fps"]


if __name__ == "__main__":
    print(transition_details())
