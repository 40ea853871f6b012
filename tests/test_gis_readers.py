"""hzmap's own GIS readers (hzmap.model.layers.gpkg, shp, geojson, kml, fgb) read what GDAL reads:
the same files, written by geopandas as a planner's GIS would, read by both give the same
geometries, attributes and CRS; and they need no GDAL at all."""
from __future__ import annotations

import datetime
import math
import struct
import sys

import numpy as np
import pytest
import shapely
from layer_files import INSIDE

from hzmap.model.geo.geodata import MAP_CRS, to_map
from hzmap.model.layers import LayerError, open_path, vector
from hzmap.model.layers.gisraw import GisReadError


def _frames():
    """Points, lines and areas with integer, real, text, boolean and date attributes, nulls, a
    feature with no geometry, a polygon with a hole and a multipolygon."""
    import geopandas as gpd

    lonlat = list(INSIDE.values())
    base = {"name": ["滨江", "西湖", "上城"], "count": [1, 2, 3], "share": [0.5, None, 2.25],
            "kind": ["a", None, "b"], "open": [True, False, True],
            "since": [datetime.date(2020, 1, 31), datetime.date(2021, 6, 1), datetime.date(2019, 12, 2)]}
    pts = gpd.GeoDataFrame(base, geometry=[shapely.Point(p) for p in lonlat[:2]] + [None], crs="EPSG:4326")
    lines = gpd.GeoDataFrame(base, geometry=[shapely.LineString(lonlat), shapely.LineString(lonlat[:2]),
                                             shapely.MultiLineString([lonlat[:2], lonlat[1:]])], crs="EPSG:4326")
    x, y = to_map(*INSIDE["xihu"])
    square = shapely.box(x - 500, y - 500, x + 500, y + 500)
    holed = square.difference(shapely.box(x - 100, y - 100, x + 100, y + 100))
    multi = shapely.MultiPolygon([shapely.box(x + 600, y, x + 900, y + 300),  # the second with a hole
                                  shapely.box(x + 1000, y, x + 1300, y + 300).difference(
                                      shapely.box(x + 1100, y + 100, x + 1200, y + 200))])
    areas = gpd.GeoDataFrame(base, geometry=[square, holed, multi], crs=MAP_CRS)
    return {"points": pts, "lines": lines, "areas": areas}


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gis")
    out = []
    for label, frame in _frames().items():
        for fmt, ext, driver in (("gpkg", "gpkg", "GPKG"), ("shp", "shp", None), ("geojson", "geojson", "GeoJSON"),
                                 ("fgb", "fgb", "FlatGeobuf"), ("kml", "kml", "KML")):
            path = folder / f"{label}.{ext}"
            if fmt == "kml":
                frame = frame.drop(columns=["since"]).to_crs("EPSG:4326")
            if fmt == "fgb" and label == "points":  # a feature without geometry: no spatial index
                frame.to_file(path, driver=driver, SPATIAL_INDEX="NO")
            elif driver:
                frame.to_file(path, driver=driver)
            else:
                frame.to_file(path, encoding="GBK" if label == "areas" else "UTF-8")
            out.append((path, fmt))
    return out


def _same_value(mine, theirs) -> bool:
    if theirs is None or (isinstance(theirs, float) and math.isnan(theirs)):
        return mine is None or (isinstance(mine, float) and math.isnan(mine))
    if isinstance(theirs, (float, np.floating)):
        return isinstance(mine, (int, float, np.number)) and math.isclose(float(mine), float(theirs))
    if isinstance(theirs, str) and len(theirs) >= 10 and theirs[4:5] == "-":  # a date, maybe with a time
        return str(mine)[:10] == theirs[:10]
    return mine == theirs or str(mine) == str(theirs)


@pytest.mark.parametrize("index", range(15))
def test_each_format_reads_as_gdal_reads_it(written, index):
    pyogrio = pytest.importorskip("pyogrio")
    import pyogrio.raw
    import pyproj

    path, fmt = written[index]
    raw = vector.READERS[fmt].read(path, *([path.stem] if fmt in ("gpkg", "kml") else []),
                                   **({"encoding": None} if fmt == "shp" else {}))
    kwargs = {"layer": "Layer #1"} if fmt == "kml" and "Layer #1" in str(pyogrio.list_layers(path)) else {}
    meta, _fids, wkb, fields = pyogrio.raw.read(str(path), force_2d=True, datetime_as_string=True, **kwargs)
    theirs = np.asarray(shapely.from_wkb(wkb), dtype=object)
    assert len(raw.geoms) == len(theirs) == 3
    for mine, other in zip(raw.geoms, theirs):
        if other is None:
            assert mine is None
        else:
            assert mine.geom_type == other.geom_type and shapely.equals_exact(mine, other, 1e-9), (mine, other)
    assert raw.broken.size == 0
    for name, values in zip(meta["fields"], fields):
        if name not in raw.columns:
            assert fmt == "kml" and name not in ("Name", "kind", "share", "count")  # LIBKML's extra fields
            continue
        mine = raw.columns[name]
        assert all(_same_value(m, t) for m, t in zip(mine.tolist(), list(values))), (name, mine, values)
        if np.asarray(values).dtype.kind in "if":
            assert name in raw.numeric
    assert vector._crs_name(pyproj.CRS(raw.crs)) == meta["crs"]


def test_every_format_is_read_with_gdal_blocked(written, geodata, monkeypatch):
    for name in ("pyogrio", "osgeo", "fiona"):
        monkeypatch.setitem(sys.modules, name, None)
    for path, fmt in written:
        data = open_path(path, geodata)
        assert len(data) == (2 if path.stem == "points" else 3) and data.kind == path.stem, (path, data.kind)


def test_a_gbk_dbf_named_by_its_cpg_and_by_its_code_page(tmp_path, geodata):
    from untrusted import gbk_shapefile

    shp = gbk_shapefile(tmp_path, cpg=True)
    assert shp.with_suffix(".cpg").read_text().strip().upper() in ("GBK", "CP936", "936")
    assert sorted(open_path(shp, geodata).table["名称"]) == ["滨江园区", "萧山项目"]
    shp.with_suffix(".cpg").unlink()
    dbf = shp.with_suffix(".dbf")
    data = bytearray(dbf.read_bytes())
    data[29] = 0x4D  # the code page byte: GBK
    dbf.write_bytes(bytes(data))
    read = open_path(shp, geodata)
    assert sorted(read.table["名称"]) == ["滨江园区", "萧山项目"] and not any("cpg" in n for n in read.notes)


def test_a_truncated_file_is_named_or_its_last_features_counted(written, geodata, tmp_path):
    sources = {fmt: p for p, fmt in written if p.stem == "areas"}
    fgb = tmp_path / "cut.fgb"
    fgb.write_bytes(sources["fgb"].read_bytes()[:-40])
    with pytest.raises(LayerError, match="cut short") as err:
        open_path(fgb, geodata)
    assert str(fgb) in str(err.value)
    shp = tmp_path / "cut.shp"
    shp.write_bytes(sources["shp"].read_bytes()[:-40])
    for ext in (".shx", ".dbf", ".prj", ".cpg"):
        if sources["shp"].with_suffix(ext).exists():
            shp.with_suffix(ext).write_bytes(sources["shp"].with_suffix(ext).read_bytes())
    data = open_path(shp, geodata)
    assert len(data) == 2 and any("broken geometry" in n and "feature 3" in n for n in data.notes)
    gpkg = tmp_path / "cut.gpkg"
    gpkg.write_bytes(sources["gpkg"].read_bytes()[:8192])
    with pytest.raises(LayerError) as err:
        open_path(gpkg, geodata)
    assert str(gpkg) in str(err.value)


def test_a_flatgeobuf_stating_a_huge_count_is_refused_at_once(written, tmp_path, geodata):
    from hzmap.model.layers import fgb

    source = next(p for p, f in written if f == "fgb" and p.stem == "points")
    data = bytearray(source.read_bytes())
    header = fgb._header(bytes(data))[0]
    at = 12 + header._at(8)  # features_count, a uint64 in the header table
    struct.pack_into("<Q", data, at, 10 ** 12)
    path = tmp_path / "huge.fgb"
    path.write_bytes(bytes(data))
    with pytest.raises(LayerError, match="hzmap reads at most") as err:
        open_path(path, geodata)
    assert str(path) in str(err.value)


def test_a_geojson_that_is_topojson_or_esri_json_says_to_save_it_as_geojson(tmp_path):
    from hzmap.model.layers import geojson

    topo = tmp_path / "t.geojson"
    topo.write_text('{"type": "Topology", "objects": {}, "arcs": []}')
    with pytest.raises(GisReadError, match="TopoJSON.*save it as GeoJSON"):
        geojson.read(topo)
    esri = tmp_path / "e.geojson"
    esri.write_text('{"geometryType": "esriGeometryPoint", "features": []}')
    with pytest.raises(GisReadError, match="Esri JSON.*save it as GeoJSON"):
        geojson.read(esri)


def _shapefile(folder, rings_per_record) -> "Path":
    """A polygon shapefile written byte by byte: rings as given (closed or not), no .dbf."""
    records = []
    for rings in rings_per_record:
        pts = [p for ring in rings for p in ring]
        parts, at = [], 0
        for ring in rings:
            parts.append(at)
            at += len(ring)
        body = struct.pack("<i4d2i", 5, 0, 0, 0, 0, len(rings), len(pts)) + struct.pack(f"<{len(parts)}i", *parts)
        body += b"".join(struct.pack("<2d", *p) for p in pts)
        records.append(body)
    shp, shx, at = [], [], 50
    for n, body in enumerate(records, start=1):
        shp.append(struct.pack(">2i", n, len(body) // 2) + body)
        shx.append(struct.pack(">2i", at, len(body) // 2))
        at += 4 + len(body) // 2

    def header(words):
        return struct.pack(">7i", 9994, 0, 0, 0, 0, 0, words) + struct.pack("<2i4d4d", 1000, 5, 0, 0, 0, 0, 0, 0, 0, 0)
    path = folder / "hand.shp"
    path.write_bytes(header(50 + sum(len(r) for r in shp) // 2) + b"".join(shp))
    path.with_suffix(".shx").write_bytes(header(50 + 4 * len(shx)) + b"".join(shx))
    return path


def test_shapefile_rings_left_open_are_closed_and_a_ring_of_two_points_is_broken(tmp_path):
    from hzmap.model.layers import shp

    x, y = to_map(*INSIDE["xihu"])
    clockwise = [(x, y), (x, y + 100), (x + 100, y + 100), (x + 100, y)]          # left open
    hole = [(x + 40, y + 40), (x + 60, y + 40), (x + 60, y + 60), (x + 40, y + 60)]  # anticlockwise, open
    raw = shp.read(_shapefile(tmp_path, [[clockwise, hole], [[(x, y), (x + 1, y)]], [clockwise]]), None)
    assert raw.geoms[0].geom_type == "Polygon" and len(raw.geoms[0].interiors) == 1
    assert raw.geoms[0].area == pytest.approx(100 * 100 - 20 * 20)
    assert raw.geoms[1] is None and list(raw.broken) == [2]
    assert raw.geoms[2].equals(shapely.box(x, y, x + 100, y + 100))


def test_a_flatgeobuf_of_polygons_with_holes_and_open_rings_reads_as_gdal_reads_it(tmp_path):
    """A layer of Polygons (not MultiPolygons) is made as one ragged array: rings and holes in
    place, a feature whose ring is not closed counted broken."""
    import geopandas as gpd
    pyogrio = pytest.importorskip("pyogrio")
    from hzmap.model.layers import fgb

    x, y = to_map(*INSIDE["xihu"])
    square = shapely.box(x - 500, y - 500, x + 500, y + 500)
    holed = square.difference(shapely.box(x - 100, y - 100, x + 100, y + 100)).difference(
        shapely.box(x + 200, y + 200, x + 300, y + 300))
    path = tmp_path / "parks.fgb"
    gpd.GeoDataFrame({"n": [1, 2, 3]}, geometry=[holed, square, holed], crs=MAP_CRS).to_file(path, driver="FlatGeobuf")
    raw = fgb.read(path)
    theirs = pyogrio.read_dataframe(path)
    assert [len(g.interiors) for g in raw.geoms] == [len(g.interiors) for g in theirs.geometry]
    assert all(shapely.equals_exact(a, b, 1e-9) for a, b in zip(raw.geoms, theirs.geometry))
    areas = [(0, np.array([0.0, 0, 1, 0, 1, 1, 0, 1]), None)]   # four points, the ring left open
    out = np.empty(1, dtype=object)
    assert fgb._areas(out, areas) == [0] and out[0] is None
