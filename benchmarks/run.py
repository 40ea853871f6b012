"""hzmap benchmarks: medians (with min/max) over repeated runs, beside baselines from the same run.

    python benchmarks/run.py [--repeat N] [--json FILE]

Figures: startup_s (separate process to the first drawn frame, offscreen), baseline_import_s
(importing the libraries alone), hover_ms and click_ms (a Qt mouse event at real map coordinates
to the outline blitted and the panel filled), pan_ms (a full redraw after a pan), switch_ms
(choosing another layout until it is drawn), baseline_redraw_ms (geopandas plot of the same
layers into a fresh figure), export_png_s / export_pdf_s (an A4 300 DPI PNG and a PDF of
4+4+1+5, composed and written), transition_fps (presentation mode), peak_mb; and for user
layers (benchmarks/layers_bench.py: 100,000 GCJ-02 points from a CSV, 20,000 polygons from a
GeoPackage, each added to a real window): layer_open_s (read, convert, place in districts),
layer_pan_ms (a full redraw of the app's canvas with the layer shown, city and zoomed in),
layer_hover_ms (the canvas's hit-test through the view's layers), layer_peak_mb (memory over the
window's, with the libraries imported).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for `hzmap` from a checkout and `benchmarks.*`
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# What the app must import before its first frame (the layout dataset's pydantic/yaml/pypinyin
# load after it; geopandas is not used at run time).
IMPORTS = ("import PySide6.QtWidgets, matplotlib.figure, matplotlib.backends.backend_qtagg, "
           "shapely, psygnal")


def summary(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def time_startup(repeat: int) -> tuple[list[float], float]:
    env = dict(os.environ, HZMAP_STARTUP_PROBE="1", QT_QPA_PLATFORM="offscreen")
    times = []
    for _ in range(repeat):
        # From launching the process to the app reporting its first drawn frame (the clock
        # stops when that line arrives, not when the process has finished tearing down).
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "hzmap"], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        elapsed = None
        for line in proc.stdout:
            if line.startswith("HZMAP_READY"):
                elapsed = time.perf_counter() - t0
                break
        _, err = proc.communicate(timeout=120)
        if elapsed is None:
            raise SystemExit(f"start-up probe failed:\n{err[-2000:]}")
        times.append(elapsed)
    child_peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return times, child_peak_mb


def time_imports(repeat: int) -> list[float]:
    """Launch to the libraries imported, measured the same way as start-up."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", IMPORTS + "; print('IMPORTED', flush=True)"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        proc.stdout.readline()
        times.append(time.perf_counter() - t0)
        proc.communicate(timeout=60)
    return times


def time_interaction(repeat: int) -> dict[str, list[float]]:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from hzmap import fonts
    from hzmap.model.dataset import load_dataset
    from hzmap.model.geodata import load_geodata, to_map
    from hzmap.model.viewstate import ViewState
    from hzmap.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    fonts.register_matplotlib()
    geo = load_geodata()
    window = MainWindow(ViewState(geo), geo, load_dataset(check_excerpts=False))
    window.resize(1280, 840)
    window.show()
    canvas = window.canvas
    canvas.draw()
    app.processEvents()
    points = [canvas.data_to_widget(*to_map(lon, lat)) for lon, lat in
              ((120.21, 30.19), (119.95, 30.05), (120.45, 30.30), (119.30, 29.60))]
    hover, click, pan, switch = [], [], [], []
    for i in range(repeat):
        x, y = points[i % len(points)]
        t0 = time.perf_counter()
        QTest.mouseMove(canvas, QPoint(x, y))
        app.processEvents()
        hover.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        QTest.mouseClick(canvas, Qt.LeftButton, Qt.NoModifier, QPoint(x, y))
        app.processEvents()
        click.append((time.perf_counter() - t0) * 1000)
        assert window.info_panel.title.text(), "the click did not fill the panel"
    for i in range(max(3, repeat // 2)):
        window.state.pan_by(1000 * (-1) ** i, 0)
        t0 = time.perf_counter()
        canvas.draw()
        app.processEvents()
        pan.append((time.perf_counter() - t0) * 1000)
    # A switch is timed from the choice to the end of the (single, idle-time) redraw it causes.
    drawn = []
    cid = canvas.mpl_connect("draw_event", lambda _e: drawn.append(time.perf_counter()))
    layouts = ["dt_4415", "st_core_belt_wings", None, "open2018_platforms"]
    for i in range(max(8, repeat)):
        drawn.clear()
        t0 = time.perf_counter()
        window.state.update(layout=layouts[i % len(layouts)])
        while not drawn and time.perf_counter() - t0 < 5:
            app.processEvents()
        switch.append((drawn[0] - t0) * 1000)
    canvas.mpl_disconnect(cid)
    window.close()
    return {"hover": hover, "click": click, "pan": pan, "switch": switch}


def time_naive_redraw(repeat: int) -> list[float]:
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    from hzmap.model.geodata import read_frames

    frames = read_frames()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fig = Figure(figsize=(12.8, 7.6), dpi=100)
        ax = fig.add_subplot()
        frames["districts"].plot(ax=ax, column="name_en", edgecolor="#555")
        frames["water_areas"].plot(ax=ax, color="#A9CFEA")
        frames["water_lines"].plot(ax=ax, color="#6FA8D6")
        fig.canvas.draw()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def interaction_in_child(repeat: int) -> tuple[dict, float]:
    """Run the interactive session in its own process, so its peak memory is the app's alone."""
    proc = subprocess.run([sys.executable, __file__, "--interaction-child", str(repeat)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("{")), None)
    if line is None:
        raise SystemExit(f"interaction run failed:\n{proc.stderr[-2000:]}")
    data = json.loads(line)
    return data["times"], data["peak_mb"]


def layers_in_child(repeat: int) -> dict:
    """User layers in a window of their own process (their memory is not the session's)."""
    proc = subprocess.run([sys.executable, __file__, "--layers-child", str(repeat)], cwd=ROOT,
                          capture_output=True, text=True, timeout=1200)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("{")), None)
    if line is None:
        raise SystemExit(f"layer run failed:\n{proc.stderr[-2000:]}")
    return json.loads(line)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    parser.add_argument("--interaction-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--layers-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.interaction_child:
        times = time_interaction(args.interaction_child)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"times": times, "peak_mb": peak}))
        return 0
    if args.layers_child:
        from benchmarks.layers_bench import time_in_window

        print(json.dumps(time_in_window(args.layers_child)))
        return 0
    startup, child_peak = time_startup(args.repeat)
    imports = time_imports(args.repeat)
    inter, own_peak = interaction_in_child(max(args.repeat * 4, 20))
    naive = time_naive_redraw(args.repeat)
    from benchmarks.export_bench import time_exports
    from benchmarks.presentation_bench import time_transition

    exports = time_exports(max(3, args.repeat // 2))
    fps = time_transition()
    layers = layers_in_child(max(2, args.repeat // 3))
    rows = [
        ("startup_s", summary(startup), "target < 2.0 s"),
        ("baseline_import_s", summary(imports), "libraries alone"),
        ("hover_ms", summary(inter["hover"]), "target < 50 ms"),
        ("click_ms", summary(inter["click"]), "target < 50 ms"),
        ("pan_ms", summary(inter["pan"]), "full redraw after a pan"),
        ("switch_ms", summary(inter["switch"]), "layout switch, drawn; target < 200 ms"),
        ("baseline_redraw_ms", summary(naive), "geopandas plot into a fresh figure"),
        ("export_png_s", summary(exports["export_png_s"]), "A4 300 DPI PNG of 4+4+1+5; target < 2 s"),
        ("export_pdf_s", summary(exports["export_pdf_s"]), "PDF of 4+4+1+5; target < 2 s"),
        ("layer_open_s", summary(layers["times"]["layer_open_s"]), "100,000 points / 20,000 polygons; target <= 3 s"),
        ("layer_pan_ms", summary(layers["times"]["layer_pan_ms"]), "app canvas redraw with the layer; target <= 150 ms"),
        ("layer_hover_ms", summary(layers["times"]["layer_hover_ms"]), "hover hit-test; target <= 5 ms"),
    ]
    for name, s, note in rows:
        print(f"{name:20s} median {s['median']:9.3f}   min {s['min']:9.3f}   max {s['max']:9.3f}   ({note})")
    print(f"{'transition_fps':20s} {fps:9.1f}   (presentation-mode transition frames per second; target >= 30)")
    print(f"{'layer_peak_mb':20s} {layers['peak_mb']:9.1f}   (user layers: peak memory over the window's; "
          "by layer: " + ", ".join(f"{k} {v:.3g}" for k, v in layers["detail"].items()) + ")")
    peak = max(child_peak, own_peak)
    print(f"{'peak_mb':20s} {peak:9.1f}   (start-up process {child_peak:.1f} MB; interactive session "
          f"with the dataset, every layout and clicks {own_peak:.1f} MB; target < 300 MB)")
    if args.json:
        data = {name: round(s["median"], 4) for name, s, _ in rows}
        data["peak_mb"] = round(peak, 1)
        data["transition_fps"] = round(fps, 1)
        data["layer_peak_mb"] = round(layers["peak_mb"], 1)
        data["layer_detail"] = layers["detail"]
        data["detail"] = {name: s for name, s, _ in rows}
        args.json.write_text(json.dumps(data, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
