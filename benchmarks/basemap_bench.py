"""Base map timings: the 4+4+1+5 layout on a cached imagery base map at 主城区.

A tile server on 127.0.0.1 (tests/tile_server.py) serves imagery-like JPEG tiles (20-30 KB,
as 天地图's 影像) on the 天地图 WMTS pattern with its annotation layer; the tiles are fetched
once into hzmap's disk cache before anything is timed ("cached imagery base map").

    basemap_pan_ms      a pan or a wheel zoom at 主城区 in the main window (1280x840, offscreen)
                        until its one redraw is drawn, tiles in memory (target median <= 150 ms)
    basemap_hover_ms    a Qt mouse move at real map coordinates to the outline blitted (one frame)
    basemap_export_s    A4 300 DPI PNG of the same view, composed and written, each with a fresh
                        registry: tiles read from the disk cache and decoded (target <= 2.5 s)
    baseline_pan_ms, baseline_hover_ms, baseline_export_s   the same without the base map, in
                        the same run (the machine is shared: the ratio says what the base map adds)

    python benchmarks/basemap_bench.py [--repeat N] [--json]
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WMTS = ("/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}&STYLE=default&TILEMATRIXSET=w"
        "&FORMAT=tiles&TILEMATRIX={{TileMatrix}}&TILEROW={{TileRow}}&TILECOL={{TileCol}}&tk={{tk}}")


def _source(base: str):
    from dataclasses import replace

    from hzmap.model.basemap.presets import preset

    return replace(preset("tianditu-img"), url=base + WMTS.format(layer="img"),
                   overlay=base + WMTS.format(layer="cia"), subdomains="")


def stats(values: list[float]) -> dict:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"median": statistics.median(values), "p95": p95, "max": max(values), "min": min(values),
            "n": len(values)}


def run(repeat: int) -> dict:
    from dataclasses import replace

    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from hzmap import fonts
    from hzmap.model.basemap.persist import basemap_layer
    from hzmap.model.basemap.registry import BasemapRegistry, registry_for
    from hzmap.model.dataset import load_dataset
    from hzmap.model.geo.geodata import load_geodata, to_map
    from hzmap.model.view.viewstate import ViewState
    from hzmap.render.page.compose import ExportSpec, compose
    from hzmap.render.page.export_io import save
    from hzmap.ui.window.main_window import MainWindow
    from tile_server import TileServer

    app = QApplication.instance() or QApplication([])
    fonts.register_matplotlib()
    geo, ds = load_geodata(), load_dataset(check_excerpts=False)
    out = {"basemap_pan_ms": [], "basemap_hover_ms": [], "basemap_export_s": [],
           "baseline_pan_ms": [], "baseline_hover_ms": [], "baseline_export_s": []}
    with tempfile.TemporaryDirectory() as tmp, TileServer() as srv:
        os.environ["HZMAP_CACHE_DIR"] = tmp
        source = _source(srv.base)
        window = MainWindow(ViewState(geo), geo, ds)
        registry_for(window.session.layers).keys["tianditu"] = "bench"
        window.resize(1280, 840)
        window.show()
        state, canvas = window.state, window.canvas
        state.set_preset("urban")
        state.update(layout="dt_4415", layers=(basemap_layer(source),) + state.view.layers)

        def settle(seconds: float = 0.0) -> None:
            end = time.perf_counter() + seconds
            while True:
                app.processEvents()
                app.sendPostedEvents()
                if time.perf_counter() >= end:
                    return
                time.sleep(0.01)

        # fill the caches: the screen's tiles, and the export's (fetched into the disk cache)
        canvas.draw()
        art = canvas.scene.basemap_artist
        t0 = time.perf_counter()
        while (art.last is None or not art.last.complete) and time.perf_counter() - t0 < 60:
            settle(0.1)
        base_view = state.view
        spec = ExportSpec(view=base_view, preset="a4-landscape", basemaps=BasemapRegistry(keys={"tianditu": "b"}))
        save(compose(spec, geo, ds).figure, Path(tmp) / "warm.png")
        x0, x1, y0, y1 = base_view.extent
        w = x1 - x0
        moves = [("pan", (w * 0.06, 0)), ("pan", (-w * 0.06, 0)), ("zoom", 1.25), ("zoom", 1 / 1.25)]
        # warm: every view in the cycle once, so its tiles are in memory (the "cached" case)
        for _kind, arg in moves * 2:
            state.pan_by(*arg) if _kind == "pan" else state.zoom_at((x0 + x1) / 2, (y0 + y1) / 2, arg)
            canvas.draw()
            settle(0.3)
            canvas.draw()
        drawn = []
        cid = canvas.mpl_connect("draw_event", lambda _e: drawn.append(time.perf_counter()))
        with_basemap = state.view.layers
        for name, layers in (("basemap_pan_ms", with_basemap), ("baseline_pan_ms", with_basemap[1:])) * repeat:
            state.update(layers=layers)
            canvas.draw()
            for i in range(4):
                kind, arg = moves[i % 4]
                settle()
                drawn.clear()
                t0 = time.perf_counter()
                state.pan_by(*arg) if kind == "pan" else state.zoom_at((x0 + x1) / 2, (y0 + y1) / 2, arg)
                while not drawn and time.perf_counter() - t0 < 5:
                    app.processEvents()
                out[name].append((drawn[0] - t0) * 1000)
        state.update(layers=with_basemap)
        canvas.mpl_disconnect(cid)
        state.set_extent(base_view.extent)
        canvas.draw()
        settle(0.5)
        points = [canvas.data_to_widget(*to_map(lon, lat)) for lon, lat in
                  ((120.21, 30.19), (120.10, 30.25), (120.17, 30.29), (120.27, 30.18))]
        for name, layers in (("basemap_hover_ms", with_basemap), ("baseline_hover_ms", with_basemap[1:])) * repeat:
            state.update(layers=layers)
            canvas.draw()
            settle(0.2)
            for i in range(4):
                x, y = points[i % len(points)]
                t0 = time.perf_counter()
                QTest.mouseMove(canvas, QPoint(x, y))
                settle()
                out[name].append((time.perf_counter() - t0) * 1000)
        state.update(layers=with_basemap)
        plain = replace(spec, view=replace(base_view, layers=base_view.layers[1:]), basemaps=None)
        for _ in range(repeat):
            spec = replace(spec, basemaps=BasemapRegistry(keys={"tianditu": "b"}))  # memory empty
            t0 = time.perf_counter()
            page = compose(spec, geo, ds)
            save(page.figure, Path(tmp) / "map.png", title=page.title)
            out["basemap_export_s"].append(time.perf_counter() - t0)
            assert page.scene.basemap_artist.last.complete and not page.scene.basemap_artist.last.problems
            t0 = time.perf_counter()
            page = compose(plain, geo, ds)
            save(page.figure, Path(tmp) / "plain.png", title=page.title)
            out["baseline_export_s"].append(time.perf_counter() - t0)
        window.session.close()
        window.close()
    return {k: stats(v) for k, v in out.items()}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 5
    res = run(repeat)
    if "--json" in argv:
        print(json.dumps(res))
        return 0
    for key, s in res.items():
        unit = "s" if key.endswith("_s") else "ms"
        print(f"{key:18s} median {s['median']:8.3f} {unit}   p95 {s['p95']:8.3f}   max {s['max']:8.3f}   n={s['n']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
