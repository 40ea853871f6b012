"""Bad base maps and bad servers: a clear message naming the file or service, bounded time, and
a map that keeps working. The servers are started by the test on 127.0.0.1."""
import sqlite3
import time

import numpy as np
import pytest

from hzmap.model.basemap import fetch as http
from hzmap.model.basemap.mbtiles import MBTilesError, MBTilesReader, mbtiles_source
from hzmap.model.basemap.picture import Basemap
from hzmap.model.basemap.raster import GeoTiffError, open_geotiff
from hzmap.model.basemap.source import BasemapError, BasemapSource, split_key
from hzmap.model.geo.geodata import to_map
from tile_server import KEY, MARK, TileServer


@pytest.fixture(scope="module")
def server():
    with TileServer() as srv:
        yield srv


def _ext():
    x, y = to_map(*MARK)
    return (x - 3000, x + 3000, y - 2000, y + 2000)


def _picture(server, route, **http_options):
    src = BasemapSource("xyz", url=f"{server.base}/{route}/{{z}}/{{x}}/{{y}}.png", name=route)
    basemap = Basemap(src, cache=False, **http_options)
    t0 = time.perf_counter()
    pic = basemap.picture(_ext(), 300, 200, wait=True, deadline=8)
    basemap.close()
    return pic, time.perf_counter() - t0


def test_a_tile_that_is_not_an_image(server):
    pic, _ = _picture(server, "html")
    assert (pic.rgba[..., 3] == 0).all()  # nothing drawn, nothing broken
    assert any("not an image" in p and "maintenance" in p for p in pic.problems), pic.problems
    with pytest.raises(http.FetchError) as err:
        http.fetch(f"{server.base}/html/1/1/1.png")
    assert err.value.kind == "not-image"


@pytest.mark.parametrize("route", ["huge", "hugelen"])
def test_a_50_mb_tile_is_cut_off_at_the_cap(server, route):
    t0 = time.perf_counter()
    with pytest.raises(http.FetchError) as err:
        http.fetch(f"{server.base}/{route}/1/1/1.png")
    assert err.value.kind == "too-large" and "bytes" in str(err.value)
    assert time.perf_counter() - t0 < 10
    pic, seconds = _picture(server, route)
    assert any("bytes" in p for p in pic.problems) and (pic.rgba[..., 3] == 0).all()


def test_a_server_that_never_answers_costs_a_bounded_time(server):
    t0 = time.perf_counter()
    with pytest.raises(http.FetchError) as err:
        http.fetch(f"{server.base}/silent/1/1/1.png", timeout=1.0, deadline=2.0)
    assert err.value.kind == "timeout" and time.perf_counter() - t0 < 5
    pic, seconds = _picture(server, "silent", timeout=1.0, deadline=2.0)
    assert seconds < 15 and any("did not answer" in p or "within" in p for p in pic.problems), pic.problems
    # the screen never waits: a picture is made at once while the loader waits
    src = BasemapSource("xyz", url=f"{server.base}/silent/{{z}}/{{x}}/{{y}}.png")
    basemap = Basemap(src, cache=False, timeout=1.0, deadline=2.0)
    basemap.picture(_ext(), 30, 20)  # imports and set-up
    t0 = time.perf_counter()
    basemap.picture(_ext(), 300, 200, wait=False)
    assert time.perf_counter() - t0 < 0.5
    basemap.close()


def test_a_wrong_key_gets_a_message_that_says_so_and_no_more_requests(server):
    src = BasemapSource("xyz", url=f"{server.base}/key/{{z}}/{{x}}/{{y}}.png?tk={{tk}}", name="天地图 test")
    with pytest.raises(BasemapError, match="needs a key"):
        Basemap(src, cache=False)
    basemap = Basemap(src, key="wrong", cache=False, workers=1)
    pic = basemap.picture(_ext(), 300, 200, wait=True)
    assert basemap.layers[0].blocked is not None
    [problem] = pic.problems
    assert "HTTP 403" in problem and "key is wrong" in problem and "wrong" not in problem.split("tk=")[1][:6]
    before = len(server.requests)
    basemap.picture(tuple(v + 10 for v in _ext()), 300, 200, wait=True)
    assert len(server.requests) == before  # a refused key is not tried tile after tile
    good = Basemap(src, key=KEY, cache=False).picture(_ext(), 300, 200, wait=True)
    assert good.problems == [] and (good.rgba[..., 3] == 255).all()


def test_a_key_written_into_a_url_is_taken_out():
    template, key = split_key("https://t0.tianditu.gov.cn/img_w/wmts?LAYER=img&tk=0123abcd&TILEMATRIX={TileMatrix}")
    assert key == "0123abcd" and "tk={tk}" in template and "0123abcd" not in template
    assert http.redact("http://x/1/2/3.png?tk=secret&a=1") == "http://x/1/2/3.png?tk=***&a=1"


@pytest.mark.parametrize("template,why", [
    ("file:///etc/passwd?{z}{x}{y}", "not an http"),
    ("http://example.org/tiles.png", "lacks the tile placeholders"),
    ("http://example.org/{z}/{x}/{y}/{evil}", "unknown placeholder"),
])
def test_templates_that_cannot_be_tile_services_are_refused(template, why):
    with pytest.raises(BasemapError, match=why):
        BasemapSource("xyz", url=template)


def test_a_geotiff_with_no_georeference(tmp_path):
    tifffile = pytest.importorskip("tifffile")
    path = tmp_path / "scan.tif"
    tifffile.imwrite(path, np.zeros((40, 60, 3), np.uint8), photometric="rgb")
    with pytest.raises(GeoTiffError, match="no georeference") as err:
        open_geotiff(path)
    assert str(path) in str(err.value)


def test_a_geotiff_with_a_user_defined_crs_and_files_that_are_not_tiffs(tmp_path):
    tifffile = pytest.importorskip("tifffile")
    keys = [1, 1, 0, 1, 3072, 0, 1, 32767]
    path = tmp_path / "local.tif"
    tifffile.imwrite(path, np.zeros((4, 4), np.uint8),
                     extratags=[(33550, "d", 3, (1.0, 1.0, 0.0)), (33922, "d", 6, (0, 0, 0, 0, 0, 0)),
                                (34735, "H", len(keys), keys)])
    with pytest.raises(GeoTiffError, match="EPSG code"):
        open_geotiff(path)
    fake = tmp_path / "fake.tif"
    fake.write_bytes(b"II*\x00" + b"\xff" * 50)
    with pytest.raises(GeoTiffError, match="fake.tif"):
        open_geotiff(fake)
    with pytest.raises(GeoTiffError, match="not a regular file"):
        open_geotiff(tmp_path)


def test_a_corrupt_mbtiles_file(tmp_path):
    garbage = tmp_path / "garbage.mbtiles"
    garbage.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(MBTilesError, match="not an MBTiles file"):
        MBTilesReader(garbage)
    wrong = tmp_path / "other.mbtiles"
    con = sqlite3.connect(wrong)
    con.execute("CREATE TABLE notes (x)")
    con.commit()
    con.close()
    with pytest.raises(MBTilesError, match="no 'tiles' table"):
        mbtiles_source(wrong)
    # a real file damaged in the middle: refused on open or reported per tile, never a crash
    good = tmp_path / "good.mbtiles"
    con = sqlite3.connect(good)
    con.executescript("CREATE TABLE metadata (name, value); CREATE TABLE tiles (zoom_level, tile_column, "
                      "tile_row, tile_data);")
    from hzmap.model.basemap.grid import window_for

    win = window_for(_ext(), 12)  # tiles where the picture will look, padded to make pages
    con.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                    [(12, x, (1 << 12) - 1 - y, b"\x89PNG\r\n\x1a\n" + bytes([x % 251]) * 5000)
                     for x in range(win.tx0 - 20, win.tx1 + 20) for y in range(win.ty0 - 20, win.ty1 + 20)])
    con.commit()
    con.close()
    data = bytearray(good.read_bytes())
    data[len(data) // 2:len(data) // 2 + 4096] = b"\xde\xad" * 2048
    good.write_bytes(bytes(data))
    try:
        basemap = Basemap(mbtiles_source(good))
    except MBTilesError as exc:
        assert "good.mbtiles" in str(exc)
    else:
        pic = basemap.picture(_ext(), 200, 150, wait=True)
        assert pic.problems and all("good.mbtiles" in p or "tile" in p for p in pic.problems)
