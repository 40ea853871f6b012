"""A million points in the window, for benchmarks/run.py (group "million"), in a process of its own:

    million_open_s        inspect + open + the hit-test index, a 45 MB CSV of 1,000,000 GCJ-02
                          points (the Add layer dialog's work); target <= 5 s
    million_peak_mb       the process's peak memory (the window, its dataset and the layer); and
                          over the window's before the layer was opened; target <= 800 MB
    million_pan_ms        a pan or zoom redraw of the app's canvas with the layer in the density
                          view it opens in, city and zoomed in; target <= 150 ms
    million_dots_pan_ms   the same with the layer drawn as dots (reported)
    million_hover_ms      the canvas's pick through the layer at random places; target <= 5 ms
    million_export_s      an A4 300 DPI PNG of the density view, composed and written; target <= 3 s

    python benchmarks/million_bench.py [--repeat N]      (prints the figures as JSON)
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

N = 1_000_000


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _current_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2 ** 20


def write_points(path: Path, geo, n: int = N) -> Path:
    """`n` GCJ-02 points inside the city, a few dense clusters over a sparse spread (seeded), with
    a name, a category and a value: what a firm registry looks like."""
    import pyproj
    import shapely

    from hzmap.model.geo import chinacrs
    from hzmap.model.geo.geodata import MAP_CRS

    rng = np.random.default_rng(5)
    x0, y0, x1, y1 = geo.bounds
    centres = rng.uniform([x0, y0], [x1, y1], (40, 2))
    spread = np.column_stack([rng.uniform(x0, x1, 3 * n), rng.uniform(y0, y1, 3 * n)])
    clustered = centres[rng.integers(0, 40, 3 * n)] + rng.normal(0, 3000, (3 * n, 2))
    xy = np.where((rng.random(3 * n) < 0.7)[:, None], clustered, spread)
    xy = xy[shapely.contains_xy(geo.outline, xy[:, 0], xy[:, 1])][:n]
    lon, lat = pyproj.Transformer.from_crs(MAP_CRS, "EPSG:4326", always_xy=True).transform(xy[:, 0], xy[:, 1])
    gcj = chinacrs.wgs84_to_gcj02(np.column_stack([lon, lat]))
    kinds = np.array(["制造", "服务", "研发", "物流", "文旅", "零售"])[rng.integers(0, 6, len(gcj))]
    values = rng.lognormal(3, 1, len(gcj))
    with path.open("w", encoding="utf-8") as fh:
        fh.write("名称,经度,纬度,行业,注册资本\n")
        fh.writelines(f"企业{i},{g0:.6f},{g1:.6f},{k},{v:.1f}\n" for i, ((g0, g1), k, v) in enumerate(zip(gcj, kinds, values)))
    return path


def time_million(repeat: int) -> dict:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from benchmarks.interaction_bench import build_window, settle_window
    from benchmarks.layers_bench import hit_test_ms, pan_until_drawn
    from hzmap.model.geo.extent import Extent
    from hzmap.model.geo.gazetteer import load_gazetteer
    from hzmap.model.layers import inspect_file, open_layer

    app, window, geo = build_window()
    settle_window(app, window)
    gaz = load_gazetteer()
    canvas, state = window.canvas, window.state
    out: dict[str, list[float]] = {k: [] for k in ("million_open_s", "million_pan_ms", "million_dots_pan_ms",
                                                    "million_hover_ms", "million_export_s")}
    with tempfile.TemporaryDirectory() as tmp:
        csv = Path(tmp) / "企业名录.csv"
        # written by a process of its own: its arrays are not this one's peak memory
        subprocess.run([sys.executable, __file__, "--write", str(csv)], check=True, timeout=600)
        window_mb = _current_mb()
        data = None
        for _ in range(max(1, repeat // 2)):
            data = None  # the previous one's memory goes first
            t0 = time.perf_counter()
            info = inspect_file(csv, gazetteer=gaz, size_limit=None)
            data = open_layer(info.source, geo, gaz, size_limit=None)
            data.index
            out["million_open_s"].append(time.perf_counter() - t0)
        layer = window.session.add_layer(data)
        assert layer.style["mode"] == "density", layer.style
        x0, y0, x1, y1 = geo.bounds
        w, h = x1 - x0, y1 - y0
        frames = [Extent(x0, x1, y0, y1), Extent(x0 + w * 0.3, x0 + w * 0.7, y0 + h * 0.4, y0 + h * 0.8),
                  Extent(x0 + w * 0.55, x0 + w * 0.7, y0 + h * 0.55, y0 + h * 0.7)]
        for key, style in (("million_pan_ms", layer.style), ("million_dots_pan_ms", {**layer.style, "mode": "single"})):
            state.update_layer(layer.id, style=style)
            state.set_preset("city")
            canvas.draw()
            for i in range(repeat * 3):
                out[key].append(pan_until_drawn(app, window, frames[i % 3]))
        state.update_layer(layer.id, style=layer.style)
        state.set_preset("city")
        canvas.draw()
        out["million_hover_ms"] += hit_test_ms(canvas, (x0, x1, y0, y1), 200 * repeat)
        out["million_export_s"] = _exports(window, max(2, repeat // 2), Path(tmp))
    peak = _rss_mb()
    window.session.close()
    window.close()
    return {"times": out, "peak_mb": peak, "window_mb": window_mb, "features": len(data)}


def _exports(window, repeat: int, folder: Path) -> list[float]:
    from hzmap.render.page.compose import ExportSpec, compose
    from hzmap.render.page.export_io import save

    times = []
    for i in range(repeat):
        t0 = time.perf_counter()
        spec = ExportSpec(view=window.state.view, dpi=300, layers=window.session.layers)
        save(compose(spec, window.geo, window.dataset).figure, folder / f"m{i}.png", "png")
        times.append(time.perf_counter() - t0)
    return times


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--write" in argv:
        from hzmap.model.geo.geodata import load_geodata

        write_points(Path(argv[argv.index("--write") + 1]), load_geodata())
        return 0
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    print(json.dumps(time_million(repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
