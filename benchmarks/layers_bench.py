"""User-layer timings for benchmarks/run.py: synthetic layers spread over the city, 100,000
points (a CSV in GCJ-02, as copied from Amap) and 20,000 polygons (a GeoPackage).

    layer_open_s    open_layer on each file: read, convert, place in districts (target <= 3 s)
    layer_pan_ms    a pan/zoom redraw of the base map with the layer shown (in the window: from the
                    change of extent to its one redraw), 1280x840 at 100 dpi, at
                    the whole city and two zoomed views (<= 150 ms)
    layer_hover_ms  one hover hit-test (<= 5 ms); in the window, the canvas's whole pick (base
                    symbols, the layers' features, the district and its hover text)
    layer_peak_mb   the process's peak resident memory over the baseline after imports

    python benchmarks/layers_bench.py [--repeat N] [--json] [--window | --office]

`run` draws the layer alone over a MapRenderer on Agg; `time_in_window` (--window, and what
benchmarks/run.py reports) adds each layer to a real main window through its session, so a pan
redraws the app's canvas with the scene, the legend and the blitting, and a hover asks the canvas.
"""
from __future__ import annotations

import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

N_POINTS, N_POLYGONS = 100_000, 20_000


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _reader_peak_mb() -> float:
    """The peak resident memory of the reader process the files were read in (0 when unknown):
    hzmap reads a user's file in a child process (hzmap.model.layers.reading)."""
    from hzmap.model.layers import reading

    pid = reading.worker().pid
    try:
        with open(f"/proc/{pid}/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM")) / 1024.0
    except (OSError, StopIteration, TypeError):
        return 0.0


def write_layers(folder: Path, geo) -> tuple[Path, Path]:
    """Points and polygons at random places inside the city (seeded)."""
    import geopandas as gpd
    import pyproj
    import shapely

    from hzmap.model.geo import chinacrs
    from hzmap.model.geo.geodata import MAP_CRS

    rng = np.random.default_rng(11)
    x0, y0, x1, y1 = geo.bounds
    xy = np.column_stack([rng.uniform(x0, x1, 3 * N_POINTS), rng.uniform(y0, y1, 3 * N_POINTS)])
    inside = shapely.contains_xy(geo.outline, xy[:, 0], xy[:, 1])
    xy = xy[inside]
    pts = xy[:N_POINTS]
    to_ll = pyproj.Transformer.from_crs(MAP_CRS, "EPSG:4326", always_xy=True)
    lon, lat = to_ll.transform(pts[:, 0], pts[:, 1])
    gcj = chinacrs.wgs84_to_gcj02(np.column_stack([lon, lat]))
    csv = folder / "amap_points.csv"
    cats = np.array(["制造", "服务", "研发", "物流", "文旅"])
    with csv.open("w", encoding="utf-8") as fh:
        fh.write("name,gcj_lng,gcj_lat,category,value\n")
        for i, ((g0, g1), c, v) in enumerate(zip(gcj, cats[rng.integers(0, 5, len(gcj))],
                                                 rng.lognormal(3, 1, len(gcj)))):
            fh.write(f"site{i},{g0:.6f},{g1:.6f},{c},{v:.2f}\n")
    centres = xy[N_POINTS:N_POINTS + N_POLYGONS]
    r = rng.uniform(150, 600, len(centres))
    angles = np.linspace(0, 2 * np.pi, 9)[:-1]
    rings = centres[:, None, :] + r[:, None, None] * np.stack([np.cos(angles), np.sin(angles)], -1)[None]
    polys = shapely.polygons(np.concatenate([rings, rings[:, :1]], axis=1))
    gpkg = folder / "parcels.gpkg"
    gpd.GeoDataFrame({"id": np.arange(len(polys)), "use": cats[rng.integers(0, 5, len(polys))],
                      "area_ha": shapely.area(polys) / 1e4}, geometry=polys, crs=MAP_CRS).to_file(gpkg, driver="GPKG")
    return csv, gpkg


def base_map(fig, geo):
    """The app's base map (districts, water, labels) under the layer, so a pan redraws what the
    screen redraws; a bare axes if the renderer's API has moved on."""
    try:
        from hzmap import fonts
        from hzmap.render.map.map_view import MapRenderer

        fonts.register_matplotlib()
        return MapRenderer(fig, geo).ax
    except Exception as exc:  # noqa: BLE001 - the benchmark still measures the layer alone
        print(f"(no base map: {exc})", file=sys.stderr)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        return ax


def run(repeat: int) -> dict:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from hzmap.model.geo.geodata import load_geodata
    from hzmap.model.geo.gazetteer import load_gazetteer
    from hzmap.model.layers import inspect_file, open_layer
    from hzmap.model.layers.hittest import tolerance_m
    from hzmap.model.layers.style import default_style
    from hzmap.model.view.viewstate import LayerState
    from hzmap.render.map.user_layers import UserLayerArtist

    geo, gaz = load_geodata(), load_gazetteer()
    out: dict[str, list[float]] = {"layer_open_s": [], "layer_pan_ms": [], "layer_hover_ms": []}
    detail: dict[str, list[float]] = {}  # per layer: open, pan at the whole city, pan zoomed in
    with tempfile.TemporaryDirectory() as tmp:
        csv, gpkg = write_layers(Path(tmp), geo)
        import geopandas  # noqa: F401  (imported by the first open in the app too; timed apart)
        base_mb = _rss_mb()
        layers = {}
        for name, path in (("points", csv), ("polygons", gpkg)):
            for _ in range(repeat):
                t0 = time.perf_counter()
                source = inspect_file(path, gazetteer=gaz).source
                data = open_layer(source, geo, gaz)
                data.index  # the hit-test tree, built on first hover otherwise
                out["layer_open_s"].append(time.perf_counter() - t0)
                detail.setdefault(f"{name}_open_s", []).append(out["layer_open_s"][-1])
            layers[name] = data
        fig = Figure(figsize=(12.8, 8.4), dpi=100)
        FigureCanvasAgg(fig)
        ax = base_map(fig, geo)
        x0, y0, x1, y1 = geo.bounds
        for name, data in layers.items():
            art = UserLayerArtist(ax, data, zorder=20)
            style = {**default_style(data), "mode": "category", "column": "category" if name == "points" else "use"}
            art.update(LayerState(name, kind="user", name=name, style=style, source=data.source))
            w, h = x1 - x0, y1 - y0
            frames = [(x0, x1, y0, y1), (x0 + w * 0.3, x0 + w * 0.7, y0 + h * 0.4, y0 + h * 0.8),
                      (x0 + w * 0.6, x0 + w * 0.65, y0 + h * 0.6, y0 + h * 0.65)]
            fig.canvas.draw()  # first draw: caches
            for i in range(repeat * 3):
                fx0, fx1, fy0, fy1 = frames[i % 3]
                ax.set_xlim(fx0, fx1)
                ax.set_ylim(fy0, fy1)
                t0 = time.perf_counter()
                fig.canvas.draw()
                out["layer_pan_ms"].append((time.perf_counter() - t0) * 1000)
                which = "city" if i % 3 == 0 else "zoomed"
                detail.setdefault(f"{name}_pan_{which}_ms", []).append(out["layer_pan_ms"][-1])
            art.remove()
            rng = np.random.default_rng(3)
            tol = tolerance_m(x1 - x0, 1280)
            for x, y in zip(rng.uniform(x0, x1, 200 * repeat), rng.uniform(y0, y1, 200 * repeat)):
                t0 = time.perf_counter()
                data.hit(x, y, tol)
                out["layer_hover_ms"].append((time.perf_counter() - t0) * 1000)
        peak = _rss_mb() - base_mb
    return {"times": out, "peak_mb": peak, "reader_peak_mb": _reader_peak_mb(),
            "counts": {k: len(v) for k, v in layers.items()},
            "detail": {k: statistics.median(v) for k, v in detail.items()}}


def hit_test_ms(canvas, bounds, n: int) -> list[float]:
    """Milliseconds of the canvas's hit-test at `n` points spread over `bounds` (x0, x1, y0, y1),
    the same points in every run."""
    x0, x1, y0, y1 = bounds
    rng, out = np.random.default_rng(3), []
    for x, y in zip(rng.uniform(x0, x1, n), rng.uniform(y0, y1, n)):
        t0 = time.perf_counter()
        canvas.pick_at(x, y)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def pan_until_drawn(app, window, extent) -> float:
    """Milliseconds from a change of the view's extent to the end of the one full redraw it
    causes (the app draws in idle time), on a window settled before it. Calling canvas.draw()
    after the change would time two redraws: that one and the idle one already asked for."""
    from benchmarks.interaction_bench import settle_window

    settle_window(app, window, quiet=0.1)
    canvas, drawn = window.canvas, []
    cid = canvas.mpl_connect("draw_event", lambda _e: drawn.append(time.perf_counter()))
    try:
        t0 = time.perf_counter()
        window.state.set_extent(extent)
        canvas.draw_idle()  # (no second draw: one is pending at most; this one if the extent was the same)
        while not drawn and time.perf_counter() - t0 < 10:
            app.processEvents()
        return (drawn[0] - t0) * 1000
    finally:
        canvas.mpl_disconnect(cid)


def time_in_window(repeat: int) -> dict:
    """The layers on the app's own canvas: a MainWindow (offscreen Qt), each layer added through
    the session, styled by category, then panned and zoomed (state changes, full redraws) and
    hovered (the canvas's pick, hzmap.model.pick, through the view's layers)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from hzmap import fonts
    from hzmap.model.dataset import load_dataset
    from hzmap.model.geo.extent import Extent
    from hzmap.model.geo.gazetteer import load_gazetteer
    from hzmap.model.geo.geodata import load_geodata
    from hzmap.model.layers import inspect_file, open_layer
    from hzmap.model.view.viewstate import ViewState
    from hzmap.ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    fonts.register_matplotlib()
    geo, gaz = load_geodata(), load_gazetteer()
    window = MainWindow(ViewState(geo), geo, load_dataset(check_excerpts=False))
    window.resize(1280, 840)
    window.show()
    canvas, state = window.canvas, window.state
    canvas.draw()
    end = time.perf_counter() + 1.0  # the window settles (its idle-time work done), as before a
    while time.perf_counter() < end:  # user could open a layer
        app.processEvents()
        time.sleep(0.01)
    out: dict[str, list[float]] = {"layer_open_s": [], "layer_pan_ms": [], "layer_hover_ms": []}
    detail: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        csv, gpkg = write_layers(Path(tmp), geo)
        import geopandas  # noqa: F401  (the first open in the app imports them; timed apart)
        base_mb = _rss_mb()
        for name, path, column in (("points", csv, "category"), ("polygons", gpkg, "use")):
            for _ in range(repeat):
                t0 = time.perf_counter()
                data = open_layer(inspect_file(path, gazetteer=gaz).source, geo, gaz)
                data.index
                out["layer_open_s"].append(time.perf_counter() - t0)
                detail.setdefault(f"{name}_open_s", []).append(out["layer_open_s"][-1])
            layer = window.session.add_layer(data)
            state.update_layer(layer.id, style={**layer.style, "mode": "category", "column": column})
            state.set_preset("city")
            canvas.draw()
            app.processEvents()
            x0, y0, x1, y1 = geo.bounds
            w, h = x1 - x0, y1 - y0
            frames = [Extent(x0, x1, y0, y1), Extent(x0 + w * 0.3, x0 + w * 0.7, y0 + h * 0.4, y0 + h * 0.8),
                      Extent(x0 + w * 0.6, x0 + w * 0.65, y0 + h * 0.6, y0 + h * 0.65)]
            for i in range(repeat * 3):
                out["layer_pan_ms"].append(pan_until_drawn(app, window, frames[i % 3]))
                which = "city" if i % 3 == 0 else "zoomed"
                detail.setdefault(f"{name}_pan_{which}_ms", []).append(out["layer_pan_ms"][-1])
            state.set_preset("city")
            canvas.draw()
            out["layer_hover_ms"] += hit_test_ms(canvas, (x0, x1, y0, y1), 200 * repeat)
            window.session.remove_layer(layer.id)
        peak = _rss_mb() - base_mb
    reader = _reader_peak_mb()
    window.session.close()
    window.close()
    return {"times": out, "peak_mb": peak, "reader_peak_mb": reader,
            "detail": {k: statistics.median(v) for k, v in detail.items()}}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    if "--office" in argv:  # real-sized office tables: benchmarks/office_bench.py
        from benchmarks import office_bench

        res = office_bench.run(repeat)
        print(json.dumps(res)) if "--json" in argv else office_bench.report(res)
        return 0
    res = time_in_window(repeat) if "--window" in argv else run(repeat)
    if "--json" in argv:
        print(json.dumps(res))
        return 0
    notes = {"layer_open_s": "s, target <= 3", "layer_pan_ms": "ms, target <= 150", "layer_hover_ms": "ms, target <= 5"}
    for key, values in res["times"].items():
        print(f"{key:16s} median {statistics.median(values):9.3f}   min {min(values):9.3f}   "
              f"max {max(values):9.3f}   ({notes[key]}, n={len(values)})")
    print(f"{'layer_peak_mb':16s} {res['peak_mb']:9.1f}   (peak RSS over the baseline after imports; "
          f"features: {res.get('counts', (N_POINTS, N_POLYGONS))})")
    print(f"{'reader_peak_mb':16s} {res['reader_peak_mb']:9.1f}   (the reader process's peak RSS)")
    print("  medians by layer: " + ", ".join(f"{k} {v:.3g}" for k, v in res["detail"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
