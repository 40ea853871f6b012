"""hzmap benchmarks: medians (with min/max) over repeated runs, beside baselines from the same run.

    python benchmarks/run.py [--repeat N] [--quick] [--only GROUP,...] [--json FILE]

Figures: startup_s (separate process to the first drawn frame, offscreen), baseline_import_s
(importing the libraries alone), startup_ratio (the two, run by run); hover_ms and click_ms (a
Qt mouse event at real map coordinates to the outline blitted and the panel filled and painted:
the events each posts are handled before the clock stops, on a window left a second to settle
after it is shown), pan_ms (a full redraw after a pan), switch_ms (choosing another layout until
it is drawn), baseline_redraw_ms (geopandas plot of the same layers into a fresh figure),
export_png_s / export_pdf_s (an A4 300 DPI PNG and a PDF of 4+4+1+5, composed and written, in
this process), export_cli_s, export_cli_ratio, atlas_s and atlas_peak_mb (whole `hzmap export`
processes beside a process that only imports matplotlib's Figure and Agg, shapely, numpy and
pyproj: benchmarks/cli_bench.py), transition_fps (presentation mode), peak_mb; and for user
layers (benchmarks/layers_bench.py: 100,000 GCJ-02 points from a CSV, 20,000 polygons from a
GeoPackage, each added to a real window): layer_open_s (read, convert, place in districts),
layer_pan_ms (a full redraw of the app's canvas with the layer shown, city and zoomed in),
layer_hover_ms (the canvas's pick, hzmap.model.pick, through the view's layers), layer_peak_mb
(memory over the window's, with the libraries imported).

Processes are timed as on a machine where hzmap has run once: an untimed first run writes the
byte-code caches (a session's PYTHONDONTWRITEBYTECODE is lifted for it). --quick: 3 repeats and
no user layers (a few times faster); --only startup,cli,...: some groups.
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


def warm_startup() -> None:
    """One untimed start: byte-code and font caches written, as after a user's first start."""
    from benchmarks.cli_bench import warm_env

    env = dict(warm_env(), HZMAP_STARTUP_PROBE="1", QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-m", "hzmap"], cwd=ROOT, env=env, capture_output=True, timeout=120)


def time_startup(repeat: int) -> tuple[list[float], float]:
    from benchmarks.ready import seconds_to_ready

    env = dict(os.environ, HZMAP_STARTUP_PROBE="1", QT_QPA_PLATFORM="offscreen")
    times = [seconds_to_ready([sys.executable, "-m", "hzmap"], env=env, cwd=ROOT, failure="start-up probe failed")
             for _ in range(repeat)]
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
    from hzmap.model.geo.geodata import load_geodata, to_map
    from hzmap.model.view.viewstate import ViewState
    from hzmap.ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    fonts.register_matplotlib()
    geo = load_geodata()
    window = MainWindow(ViewState(geo), geo, load_dataset(check_excerpts=False))
    window.resize(1280, 840)
    window.show()
    canvas = window.canvas
    canvas.draw()

    def settle() -> None:
        """Every event the last action posted handled, so each action is timed with all of
        its own work (the inspector's repaint after a click) and none of the one before."""
        app.processEvents()
        app.sendPostedEvents()
        app.processEvents()

    end = time.perf_counter() + 1.0  # the window settles: the resize redraw, idle-time work
    while time.perf_counter() < end:
        settle()
        time.sleep(0.01)
    points = [canvas.data_to_widget(*to_map(lon, lat)) for lon, lat in
              ((120.21, 30.19), (119.95, 30.05), (120.45, 30.30), (119.30, 29.60))]
    hover, click, pan, switch = [], [], [], []
    for i in range(repeat):
        x, y = points[i % len(points)]
        t0 = time.perf_counter()
        QTest.mouseMove(canvas, QPoint(x, y))
        settle()
        hover.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        QTest.mouseClick(canvas, Qt.LeftButton, Qt.NoModifier, QPoint(x, y))
        settle()
        click.append((time.perf_counter() - t0) * 1000)
        assert window.info_panel.title.text(), "the click did not fill the panel"
    # A pan and a switch are each timed from the change to the end of the (single, idle-time)
    # redraw it causes.
    drawn = []
    cid = canvas.mpl_connect("draw_event", lambda _e: drawn.append(time.perf_counter()))
    for i in range(max(3, repeat // 2)):
        settle()
        drawn.clear()
        t0 = time.perf_counter()
        window.state.pan_by(1000 * (-1) ** i, 0)
        while not drawn and time.perf_counter() - t0 < 5:
            app.processEvents()
        pan.append((drawn[0] - t0) * 1000)
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

    from hzmap.model.geo.geodata import read_frames

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


GROUPS = ("startup", "interaction", "cli", "atlas", "redraw", "export", "transition", "layers")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--quick", action="store_true",
                        help="fewer repeats (3) and no user layers: a few minutes instead of ten")
    parser.add_argument("--only", help="comma-separated groups to run: " + ", ".join(GROUPS))
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
    groups = set(args.only.split(",")) if args.only else set(GROUPS) - ({"layers"} if args.quick else set())
    unknown = groups - set(GROUPS)
    if unknown:
        parser.error(f"unknown group(s): {', '.join(sorted(unknown))}")
    n = 3 if args.quick and args.repeat == parser.get_default("repeat") else args.repeat
    rows: list[tuple[str, dict, str]] = []
    singles: dict[str, tuple[float, str]] = {}
    peaks: dict[str, float] = {}
    if "startup" in groups:
        startup, imports = [], []
        warm_startup()
        for _ in range(n):  # interleaved, so both see the same load on a shared machine
            times, peaks["start-up process"] = time_startup(1)
            startup += times
            imports += time_imports(1)
        rows += [("startup_s", summary(startup), "target < 2.0 s"),
                 ("baseline_import_s", summary(imports), "libraries alone"),
                 ("startup_ratio", summary([a / b for a, b in zip(startup, imports)]),
                  "startup_s ÷ baseline_import_s, run by run; target <= 1.1")]
    if "interaction" in groups:
        inter, peaks["interactive session with the dataset, every layout and clicks"] = \
            interaction_in_child(max(n * 4, 20))
        rows += [("hover_ms", summary(inter["hover"]), "target median <= 16 ms, max <= 33 ms"),
                 ("click_ms", summary(inter["click"]), "target median <= 16 ms, max <= 33 ms"),
                 ("pan_ms", summary(inter["pan"]), "full redraw after a pan"),
                 ("switch_ms", summary(inter["switch"]), "layout switch, drawn; target max <= 120 ms")]
    # Whole processes first: a child forked from this process counts its copy of our memory
    # in its peak until it starts the new program, so they go before anything is loaded here.
    if "cli" in groups:
        from benchmarks.cli_bench import time_export_cli

        cli = time_export_cli(max(3, n))
        rows += [("export_cli_s", summary(cli["export_cli_s"]), "hzmap export --layout 4+4+1+5 --out map.png"),
                 ("baseline_export_import_s", summary(cli["baseline_export_import_s"]),
                  "matplotlib Figure + Agg, shapely, numpy, pyproj imported alone"),
                 ("baseline_bare_import_s", summary(cli["baseline_bare_import_s"]),
                  "import matplotlib, shapely, numpy, pyproj (no Figure, no renderer)"),
                 ("export_cli_ratio", summary(cli["export_cli_ratio"]),
                  "export process ÷ import process, run by run; target <= 1.5"),
                 ("export_cli_peak_mb", summary(cli["export_cli_peak_mb"]), "the export process's peak memory")]
    if "atlas" in groups:
        from benchmarks.cli_bench import time_atlas

        atlas = time_atlas(max(2, n // 2))
        rows += [("atlas_s", summary(atlas["atlas_s"]), "13-map atlas of 4+4+1+5, whole process; target <= 6 s"),
                 ("atlas_peak_mb", summary(atlas["atlas_peak_mb"]), "its peak memory; target <= 250 MB")]
    if "redraw" in groups:
        rows.append(("baseline_redraw_ms", summary(time_naive_redraw(n)), "geopandas plot into a fresh figure"))
    if "export" in groups:
        from benchmarks.export_bench import time_exports

        exports = time_exports(max(3, n // 2))
        rows += [("export_png_s", summary(exports["export_png_s"]), "A4 300 DPI PNG of 4+4+1+5; target <= 0.6 s"),
                 ("export_pdf_s", summary(exports["export_pdf_s"]), "PDF of 4+4+1+5; target <= 0.5 s")]
    if "transition" in groups:
        from benchmarks.presentation_bench import time_transition

        singles["transition_fps"] = (time_transition(), "presentation-mode transition frames per second; target >= 30")
    layers = None
    if "layers" in groups:
        layers = layers_in_child(max(2, n // 3))
        rows += [
            ("layer_open_s", summary(layers["times"]["layer_open_s"]), "100,000 points / 20,000 polygons; target <= 3 s"),
            ("layer_pan_ms", summary(layers["times"]["layer_pan_ms"]), "app canvas redraw with the layer; target <= 150 ms"),
            ("layer_hover_ms", summary(layers["times"]["layer_hover_ms"]), "hover hit-test; target <= 5 ms")]
        singles["layer_peak_mb"] = (layers["peak_mb"], "user layers: peak memory over the window's; by layer: "
                                    + ", ".join(f"{k} {v:.3g}" for k, v in layers["detail"].items()))
        singles["reader_peak_mb"] = (layers.get("reader_peak_mb", 0.0), "the reader process's peak memory "
                                     "(user files are read in a child process)")
    if peaks:
        singles["peak_mb"] = (max(peaks.values()), "; ".join(f"{k} {v:.1f} MB" for k, v in peaks.items())
                              + "; target < 300 MB")
    for name, s, note in rows:
        print(f"{name:24s} median {s['median']:9.3f}   min {s['min']:9.3f}   max {s['max']:9.3f}   ({note})")
    for name, (value, note) in singles.items():
        print(f"{name:24s} {value:9.1f}   ({note})")
    if args.json:
        data = {name: round(s["median"], 4) for name, s, _ in rows}
        data.update({name: round(value, 1) for name, (value, _) in singles.items()})
        if layers is not None:
            data["layer_detail"] = layers["detail"]
        data["detail"] = {name: s for name, s, _ in rows}
        args.json.write_text(json.dumps(data, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
