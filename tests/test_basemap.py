"""Base maps land where the map puts their coordinates: tiles from a server this test starts on
127.0.0.1 (XYZ, WMTS, a GCJ-02 service), the same view again from an MBTiles download with the
server stopped, and a GeoTIFF made here. A red mark drawn by the server at a known lon/lat must
come out within one pixel of where the map draws that coordinate."""
from dataclasses import replace

import numpy as np
import pytest
from matplotlib.figure import Figure

from hzmap.model.basemap.persist import basemap_layer
from hzmap.model.basemap.picture import Basemap
from hzmap.model.basemap.registry import BasemapRegistry
from hzmap.model.basemap.source import BasemapSource
from hzmap.model.geo.extent import Extent
from hzmap.model.geo.geodata import to_map
from hzmap.model.view.viewstate import View
from hzmap.render.map.scene import Scene
from tile_server import MARK, NOTE, TileServer

ROUTES = {
    "xyz": ("xyz", "/xyz/{z}/{x}/{y}.png", "wgs84"),
    "wmts": ("wmts", "/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=vec&TILEMATRIXSET=w"
                     "&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}", "wgs84"),
    "gcj02": ("xyz", "/gcj/{z}/{x}/{y}.png", "gcj02"),
}


@pytest.fixture
def server():
    with TileServer() as srv:
        yield srv


def _source(server, route, **kw):
    kind, path, crs = ROUTES[route]
    return BasemapSource(kind, url=server.base + path, crs=crs, name=f"test {route}", **kw)


def _extent_around(lonlat, half_m, aspect=0.75):
    x, y = to_map(*lonlat)
    return Extent(x - half_m * 1.1, x + half_m * 0.9, y - half_m * aspect * 0.8, y + half_m * aspect * 1.2)


def _drawn(view, geo, registry, size=(8, 6), dpi=100):
    """The picture of `view` as a plain Figure draws it (base layers hidden, so only the base
    map shows), and its Axes."""
    layers = tuple(replace(lay, visible=False) if lay.kind == "base" else lay for lay in view.layers)
    fig = Figure(figsize=size, dpi=dpi)
    scene = Scene(fig, geo, basemaps=registry, wait_tiles=True)
    scene.apply(replace(view, layers=layers))
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int), scene


def _centroid(rgb, colour):
    r, g, b = (rgb[..., i] for i in range(3))
    if colour == "red":
        hit = (r > 180) & (g < 110) & (b < 110)
    else:
        hit = (b > 180) & (r < 110) & (g < 110)
    rows, cols = np.nonzero(hit)
    assert len(rows) >= 4, f"no {colour} mark drawn"
    return cols.mean() + 0.5, rows.mean() + 0.5


def _where_the_map_puts(scene, rgb, lonlat):
    x, y = scene.ax.transData.transform(to_map(*lonlat))
    return x, rgb.shape[0] - y


@pytest.mark.parametrize("route", list(ROUTES))
@pytest.mark.parametrize("half_m", [2500, 16000])
def test_the_mark_is_drawn_where_the_map_puts_its_coordinate(geodata, server, route, half_m):
    view = View(extent=_extent_around(MARK, half_m), preset="custom",
                layers=(basemap_layer(_source(server, route)),) + View(extent=Extent(0, 1, 0, 1)).layers)
    rgb, scene = _drawn(view, geodata, BasemapRegistry(cache=False))
    got = _centroid(rgb, "red")
    want = _where_the_map_puts(scene, rgb, MARK)
    assert np.hypot(got[0] - want[0], got[1] - want[1]) <= 1.0, (got, want)
    assert scene.basemap_artist.last.complete and not scene.basemap_artist.last.problems


def test_gcj02_tiles_left_unshifted_would_be_half_a_kilometre_off(geodata, server):
    """The shift is real: the GCJ-02 route read as WGS84 puts the mark ~500 m away."""
    wrong = replace(_source(server, "gcj02"), crs="wgs84")
    view = View(extent=_extent_around(MARK, 2500), preset="custom",
                layers=(basemap_layer(wrong),) + View(extent=Extent(0, 1, 0, 1)).layers)
    rgb, scene = _drawn(view, geodata, BasemapRegistry(cache=False))
    got, want = _centroid(rgb, "red"), _where_the_map_puts(scene, rgb, MARK)
    metres = np.hypot(got[0] - want[0], got[1] - want[1]) * scene.renderer.metres_per_px()
    assert 350 < metres < 700, metres


def test_an_annotation_layer_is_drawn_over_its_map(geodata, server):
    src = replace(_source(server, "xyz"), overlay=server.base + "/notes/{z}/{x}/{y}.png")
    view = View(extent=_extent_around(NOTE, 6000), preset="custom",
                layers=(basemap_layer(src),) + View(extent=Extent(0, 1, 0, 1)).layers)
    rgb, scene = _drawn(view, geodata, BasemapRegistry(cache=False))
    got, want = _centroid(rgb, "blue"), _where_the_map_puts(scene, rgb, NOTE)
    assert np.hypot(got[0] - want[0], got[1] - want[1]) <= 1.0
    assert (rgb[5, 5] > 200).all()  # the map under the notes shows between them


def test_the_screen_draws_at_once_and_again_when_tiles_arrive(server):
    import threading

    import time

    arrived = threading.Event()
    slow = BasemapSource("xyz", url=server.base + "/slow/{z}/{x}/{y}.png")
    basemap = Basemap(slow, on_arrival=arrived.set, cache=False)
    ext = tuple(_extent_around(MARK, 4000))
    basemap.picture(tuple(_extent_around(NOTE, 4000)), 40, 30, wait=False)  # imports, proj set-up
    t0 = time.perf_counter()
    first = basemap.picture(ext, 400, 300, wait=False)  # returns before any tile is fetched
    assert time.perf_counter() - t0 < 0.4
    assert not first.complete and (first.rgba[..., 3] == 0).all()
    assert arrived.wait(20)
    for _ in range(200):
        pic = basemap.picture(ext, 400, 300, wait=False)
        if pic.complete:
            break
        arrived.clear()
        arrived.wait(1)
    assert pic.complete and (pic.rgba[..., 3] == 255).all()
    basemap.close()


def test_a_tile_that_lands_while_the_picture_is_made_keeps_it_from_being_called_complete(server):
    # (a picture called complete is never redrawn: a tile it missed would stay a hole on screen)
    basemap = Basemap(BasemapSource("xyz", url=server.base + "/slow/{z}/{x}/{y}.png"), cache=False)
    ext = tuple(_extent_around(MARK, 4000))
    layer = basemap.layers[0]
    keys = basemap._tile_keys(ext, 400, 300)
    layer.fetch_now(keys, deadline=20)
    late = keys[-1]
    tile = layer._memory.pop(late)            # not yet in memory when the picture takes its tiles
    layer._pool.shutdown()
    layer._pool = None                        # (nothing else in flight)
    taken = layer.tiles

    def tiles_then_the_late_one_lands(window, **kw):
        have = taken(window, **kw)
        layer._keep(late, tile)
        return have

    layer.tiles = tiles_then_the_late_one_lands
    assert not basemap.picture(ext, 400, 300, wait=False).complete
    layer.tiles = taken
    again = basemap.picture(ext, 400, 300, wait=False)
    assert again.complete and (again.rgba[..., 3] == 255).all()


def test_a_dimmed_base_map_is_paler_and_exports_credit_it(geodata, dataset, server):
    from hzmap.render.page.compose import ExportSpec, source_text

    src = replace(_source(server, "xyz"), attribution="测试底图", review_number="GS(2099)0001号")
    base = View(extent=_extent_around(MARK, 4000), preset="custom",
                layers=(basemap_layer(src),) + View(extent=Extent(0, 1, 0, 1)).layers)
    registry = BasemapRegistry(cache=False)
    plain, _ = _drawn(base, geodata, registry)
    dim = replace(base, layers=(basemap_layer(src, dim=0.6),) + base.layers[1:])
    dimmed, scene = _drawn(dim, geodata, registry)
    assert dimmed.mean() > plain.mean() + 5
    text = source_text(ExportSpec(view=base), dataset)
    assert "底图: 测试底图, 审图号: GS(2099)0001号" in text
    hidden = replace(base, layers=(replace(base.layers[0], visible=False),) + base.layers[1:])
    assert "测试底图" not in source_text(ExportSpec(view=hidden), dataset)


def test_after_download_the_same_view_works_with_the_server_stopped(geodata, tmp_path):
    import shapely

    from hzmap.model.basemap.download import offline_source, plan_download, run_download

    srv = TileServer().start()
    online = _source(srv, "xyz")
    ext = _extent_around(MARK, 4000)
    view = View(extent=ext, preset="custom",
                layers=(basemap_layer(online),) + View(extent=Extent(0, 1, 0, 1)).layers)
    before, scene = _drawn(view, geodata, BasemapRegistry(cache=False))
    z = scene.basemap_artist.last.zoom
    x0, x1, y0, y1 = ext
    plan = plan_download(online, shapely.box(x0, y0, x1, y1).buffer(2000), z - 1, z)
    assert 0 < plan.count < 200 and plan.estimated_bytes > plan.count * 1000
    done = []
    result = run_download(plan, tmp_path / "area.mbtiles", progress=lambda d, t: done.append(d))
    srv.stop()
    assert result.path is not None and result.written == plan.count and done[-1] == plan.count
    offline = View(extent=ext, preset="custom",
                   layers=(basemap_layer(offline_source(online, result.path)),) + view.layers[1:])
    after, scene2 = _drawn(offline, geodata, BasemapRegistry(cache=False))
    assert scene2.basemap_artist.last.problems == []
    assert (np.abs(after - before) > 8).any(axis=2).mean() < 0.001
    assert np.hypot(*np.subtract(_centroid(after, "red"), _where_the_map_puts(scene2, after, MARK))) <= 1.0


def test_a_cancelled_download_leaves_no_file(tmp_path, server):
    import threading

    import shapely

    from hzmap.model.basemap.download import plan_download, run_download

    x, y = to_map(*MARK)
    plan = plan_download(_source(server, "xyz"), shapely.box(x - 9000, y - 9000, x + 9000, y + 9000), 12, 15)
    cancel = threading.Event()
    result = run_download(plan, tmp_path / "x.mbtiles", cancel=cancel,
                          progress=lambda d, t: cancel.set() if d >= 3 else None)
    assert result.cancelled and result.path is None
    assert not list(tmp_path.iterdir())
    assert len(server.requests) < 20


def test_providers_that_forbid_bulk_download_are_refused_and_limits_hold():
    import shapely

    from hzmap.model.basemap.download import DownloadError, plan_download
    from hzmap.model.basemap.presets import preset

    area = shapely.box(*to_map(120.0, 30.1), *to_map(120.4, 30.4))
    with pytest.raises(DownloadError, match="do not allow"):
        plan_download(preset("osm"), area, 10, 12)
    with pytest.raises(DownloadError, match="at most 10,000 tiles"):
        plan_download(preset("tianditu-img"), area, 10, 17)
    plan = plan_download(preset("tianditu-img"), area, 10, 12)
    assert 20 < plan.count < 200  # counted before anything is fetched


def test_a_geotiff_lands_where_its_georeference_says(geodata, tmp_path):
    tifffile = pytest.importorskip("tifffile")
    # 0.001° pixels in EPSG:4326 (about 100 m), a red 5-pixel square whose centre (the centre
    # of pixel 100, 80) is MARK
    step, c, r = 0.001, 100, 80
    lon0, lat0 = MARK[0] - (c + 0.5) * step, MARK[1] + (r + 0.5) * step
    img = np.full((160, 200, 3), 230, np.uint8)
    img[r - 2:r + 3, c - 2:c + 3] = (255, 0, 0)
    keys = [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326]
    path = tmp_path / "影像.tif"
    tifffile.imwrite(path, img, photometric="rgb", compression="zlib",
                     extratags=[(33550, "d", 3, (step, step, 0.0)), (33922, "d", 6, (0, 0, 0, lon0, lat0, 0)),
                                (34735, "H", len(keys), keys)])
    src = BasemapSource("geotiff", path=path)
    view = View(extent=_extent_around(MARK, 4000), preset="custom",
                layers=(basemap_layer(src),) + View(extent=Extent(0, 1, 0, 1)).layers)
    rgb, scene = _drawn(view, geodata, BasemapRegistry())
    got, want = _centroid(rgb, "red"), _where_the_map_puts(scene, rgb, MARK)
    assert np.hypot(got[0] - want[0], got[1] - want[1]) <= 1.0, (got, want)
    bx0, bx1, by0, by1 = scene.basemap_artist.basemap.raster.bounds()
    assert bx0 < to_map(*MARK)[0] < bx1 and by0 < to_map(*MARK)[1] < by1


def test_a_folder_of_xyz_tiles_lands_where_the_map_puts_it(geodata, tmp_path):
    """folder/{z}/{x}/{y}.png, as QGIS and gdal2tiles write them, read from disk only."""
    from hzmap.model.basemap.grid import window_for
    from hzmap.model.basemap.parse import source_from_text
    from tile_server import tile_png

    ext = _extent_around(MARK, 2500)
    for z in range(12, 16):
        win = window_for(tuple(ext), z)
        for (tz, tx, ty) in win.tiles():
            path = tmp_path / "tiles" / str(tz) / str(tx) / f"{ty}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(tile_png(tz, tx, ty))
    src = source_from_text(str(tmp_path / "tiles"))
    assert src.kind == "folder"
    view = View(extent=ext, preset="custom", layers=(basemap_layer(src),) + View(extent=Extent(0, 1, 0, 1)).layers)
    rgb, scene = _drawn(view, geodata, BasemapRegistry())
    got, want = _centroid(rgb, "red"), _where_the_map_puts(scene, rgb, MARK)
    assert np.hypot(got[0] - want[0], got[1] - want[1]) <= 1.0
