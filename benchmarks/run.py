"""hzmap benchmarks: median, 95th percentile and max over repeated runs, beside baselines from the
same run, each with the machine's load average when it was taken.

    python benchmarks/run.py [--repeat N] [--quick] [--only GROUP,...] [--json FILE] [--hog]

--hog keeps one core busy with another process for the whole run (a machine doing something
else too). The interaction group (benchmarks/interaction_bench.py) builds the window as the app
does and waits until it has settled; it also prints the full figure draws per hover and click
(which do not depend on the load) and the slowest events with where their time went.

Figures: startup_s (separate process to the first drawn frame, offscreen), baseline_import_s
(importing the libraries alone), startup_ratio (the two, run by run); hover_ms and click_ms (a
Qt mouse event at a district's label point to the outline blitted and the panel filled and
painted: the events each posts are handled before the clock stops), pan_ms (a full redraw after a pan), switch_ms (choosing another layout until
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
import math
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


def p95(values: list[float]) -> float:
    """The 95th percentile, nearest rank (of 20 values, the 19th smallest)."""
    ranked = sorted(values)
    return ranked[max(math.ceil(0.95 * len(ranked)) - 1, 0)]


def summary(values: list[float]) -> dict:
    return {"median": statistics.median(values), "p95": p95(values), "min": min(values),
            "max": max(values), "n": len(values), "load": round(os.getloadavg()[0], 2)}


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
                          capture_output=True, text=True, timeout=900)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("{")), None)
    if line is None:
        raise SystemExit(f"interaction run failed:\n{proc.stderr[-2000:]}")
    data = json.loads(line)
    return data, data["peak_mb"]


def start_hog():
    """A process that keeps one core busy for the whole run (--hog): the figures then say what a
    user gets on a machine that is doing something else too."""
    return subprocess.Popen([sys.executable, "-c", "while 1: pass"])


def layers_in_child(repeat: int) -> dict:
    """User layers in a window of their own process (their memory is not the session's)."""
    proc = subprocess.run([sys.executable, __file__, "--layers-child", str(repeat)], cwd=ROOT,
                          capture_output=True, text=True, timeout=1200)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("{")), None)
    if line is None:
        raise SystemExit(f"layer run failed:\n{proc.stderr[-2000:]}")
    return json.loads(line)


def million_in_child(repeat: int) -> dict:
    """A million points in a window of their own process (benchmarks/million_bench.py)."""
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "million_bench.py"), "--repeat", str(repeat)],
                          cwd=ROOT, capture_output=True, text=True, timeout=1800)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("{")), None)
    if line is None:
        raise SystemExit(f"million-point run failed:\n{proc.stderr[-2000:]}")
    return json.loads(line)


GROUPS = ("startup", "interaction", "cli", "atlas", "redraw", "export", "transition", "layers", "million")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--quick", action="store_true",
                        help="fewer repeats (3) and no user layers: a few minutes instead of ten")
    parser.add_argument("--only", help="comma-separated groups to run: " + ", ".join(GROUPS))
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    parser.add_argument("--hog", action="store_true", help="keep one core busy with another process meanwhile")
    parser.add_argument("--interaction-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--layers-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.interaction_child:
        from benchmarks.interaction_bench import time_interaction

        data = time_interaction(args.interaction_child)
        data["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(data))
        return 0
    if args.layers_child:
        from benchmarks.layers_bench import time_in_window

        print(json.dumps(time_in_window(args.layers_child)))
        return 0
    groups = set(args.only.split(",")) if args.only else set(GROUPS) - ({"layers", "million"} if args.quick else set())
    unknown = groups - set(GROUPS)
    if unknown:
        parser.error(f"unknown group(s): {', '.join(sorted(unknown))}")
    n = 3 if args.quick and args.repeat == parser.get_default("repeat") else args.repeat
    hog = start_hog() if args.hog else None
    try:
        return run_groups(args, groups, n)
    finally:
        if hog is not None:
            hog.kill()
            hog.wait()


def run_groups(args, groups: set, n: int) -> int:
    print(f"load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
          f"{' (and a process keeping one core busy)' if args.hog else ''}", flush=True)
    traced: list[str] = []
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
        from benchmarks.interaction_bench import draws_per, slowest

        data, peaks["interactive session with the dataset, every layout and clicks"] = \
            interaction_in_child(max(n * 4, 20))
        inter, tr = data["times"], data["traces"]
        rows += [("hover_ms", summary(inter["hover"]), "target median <= 16 ms, max <= 33 ms; "
                  f"full draws per hover {draws_per(tr['hover']):.2f}"),
                 ("click_ms", summary(inter["click"]), "target median <= 16 ms, max <= 33 ms; "
                  f"full draws per click {draws_per(tr['click']):.2f}"),
                 ("pan_ms", summary(inter["pan"]), "full redraw after a pan"),
                 ("switch_ms", summary(inter["switch"]), "layout switch, drawn; target max <= 120 ms")]
        traced.append(f"the window settled in {data['settle_s']:.1f} s before the first hover")
        for kind in ("hover", "click", "switch"):
            traced.append(f"per {kind}: " + ", ".join(f"{draws_per(tr[kind], key):.2f} {what}" for key, what in (
                ("figure_draw", "full draws"), ("artist_draws", "artists blitted"), ("text_draws", "texts drawn"))))
        for kind in ("hover", "click", "switch"):
            traced += [f"slowest {kind}: {line}" for line in slowest(inter[kind], tr[kind])]
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
    if "million" in groups:
        m = million_in_child(max(2, n // 2))
        notes = {"million_open_s": "1,000,000 GCJ-02 points, 45 MB CSV: inspect, open, index; target <= 5 s",
                 "million_pan_ms": "redraw in the density view it opens in; target <= 150 ms",
                 "million_dots_pan_ms": "the same drawn as dots (reported)",
                 "million_hover_ms": "the canvas's pick through the layer; target <= 5 ms",
                 "million_export_s": "A4 300 DPI PNG of the density view; target <= 3 s"}
        rows += [(k, summary(v), notes[k]) for k, v in m["times"].items()]
        singles["million_peak_mb"] = (m["peak_mb"], f"the process's peak with the window ({m['window_mb']:.0f} MB "
                                      "before the layer) and the layer; target <= 800 MB")
    if peaks:
        singles["peak_mb"] = (max(peaks.values()), "; ".join(f"{k} {v:.1f} MB" for k, v in peaks.items())
                              + "; target < 300 MB")
    for name, s, note in rows:
        print(f"{name:20s} median {s['median']:9.3f}  p95 {s['p95']:9.3f}  max {s['max']:9.3f}  "
              f"min {s['min']:9.3f}  n {s['n']:3d}  load {s['load']:5.2f}  ({note})")
    for name, (value, note) in singles.items():
        print(f"{name:20s} {value:9.1f}   ({note})")
    for line in traced:
        print(line)
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
