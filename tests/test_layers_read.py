"""Opening users' files as layers: every format, Chinese coordinate systems, bad input."""
import os
import zipfile

import numpy as np
import pytest
import shapely
from layer_files import INSIDE, areas_frame, gcj_border_points, points_frame, write_csv

from hzmap.model.geo import chinacrs
from hzmap.model.geo.geodata import to_map
from hzmap.model.layers import LargeFileError, LayerError, inspect_file, open_layer, open_path


@pytest.fixture(scope="module")
def gis_files(tmp_path_factory):
    """One file per GIS format, written with geopandas: the three INSIDE points (areas for gpkg)."""
    d = tmp_path_factory.mktemp("gis")
    pts = points_frame()
    files = {}
    files["gpkg"] = d / "parks.gpkg"
    areas_frame().to_file(files["gpkg"], layer="parks", driver="GPKG")
    pts.to_file(files["gpkg"], layer="sites", driver="GPKG")
    files["shp"] = d / "sites.shp"
    pts.to_file(files["shp"])
    files["shpzip"] = d / "sites.zip"
    with zipfile.ZipFile(files["shpzip"], "w") as z:
        for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
            if (d / f"sites{ext}").exists():
                z.write(d / f"sites{ext}", f"sites{ext}")
    files["geojson"] = d / "sites.geojson"
    pts.to_file(files["geojson"], driver="GeoJSON")
    files["kml"] = d / "sites.kml"
    pts.to_file(files["kml"], driver="KML")
    files["fgb"] = d / "sites.fgb"
    pts.to_crs("EPSG:3857").to_file(files["fgb"], driver="FlatGeobuf")  # a CRS that is not lon/lat
    return files


@pytest.mark.parametrize("fmt", ["gpkg", "shp", "shpzip", "geojson", "kml", "fgb"])
def test_every_gis_format_lands_in_its_districts(geodata, gis_files, fmt):
    data = open_path(gis_files[fmt], geodata)
    expected = ["binjiang", "xihu", "shangcheng"]
    assert len(data) == 3
    column = {"gpkg": "park", "kml": "Name"}.get(fmt, "name")  # KML calls it Name
    names = data.feature_labels(column)  # FlatGeobuf reorders features
    assert dict(zip(names, data.feature_districts)) == dict(zip(["A", "B", "C"] if fmt == "gpkg" else
                                                                 ["p0", "p1", "p2"], expected))
    counts = data.district_counts()
    assert counts["binjiang"] == 1 and counts[None] == 0 and len(counts) == 14
    if fmt == "gpkg":  # the first of two layers, and a note saying so
        assert data.kind == "areas" and data.source.sublayer == "parks"
        assert any("2 layers" in n for n in data.notes)
    else:
        assert data.kind == "points"
        x, y = to_map(*INSIDE["binjiang"])
        first = data.geometry[names.index("p0")]
        assert np.hypot(first.x - x, first.y - y) < 0.5


def test_a_named_layer_of_a_geopackage(geodata, gis_files):
    data = open_path(gis_files["gpkg"], geodata, sublayer="sites")
    assert data.kind == "points" and data.sublayers == ["parks", "sites"]
    with pytest.raises(LayerError, match="has no layer 'roads'"):
        open_path(gis_files["gpkg"], geodata, sublayer="roads")


def test_csv_in_gcj02_lands_right_only_after_conversion(geodata, tmp_path):
    pts = gcj_border_points(geodata)
    assert len(pts) >= 8
    rows = [(f"site{i}", f"{g[0]:.7f}", f"{g[1]:.7f}") for i, (_w, g, _d) in enumerate(pts)]
    path = write_csv(tmp_path / "projects.csv", ["name", "gcj_lng", "gcj_lat"], rows)
    info = inspect_file(path)
    assert info.source.coords == "gcj02" and "gcj_lng" in info.guess.reason
    data = open_layer(info.source, geodata)
    truth = [d for _w, _g, d in pts]
    assert [geodata.district_at(g.x, g.y) for g in data.geometry] == truth
    assert list(data.feature_districts) == truth
    assert data.coords == "gcj02" and "GCJ-02" in data.crs_used
    # read as WGS84 (no conversion) every one of them lands elsewhere: another district or the river
    raw = open_path(path, geodata, coords="wgs84")
    assert all(geodata.district_at(g.x, g.y) != d for g, d in zip(raw.geometry, truth))


@pytest.mark.parametrize("header,name,system", [
    (["名称", "经度", "纬度"], "百度坐标.csv", "bd09"),
    (["name", "lng_amap", "lat_amap"], "sites.csv", "gcj02"),
    (["name", "longitude", "latitude"], "sites_gaode.csv", "gcj02"),
    (["name", "x", "y"], "sites.csv", None),
])
def test_header_and_file_name_hints_preselect_the_system(tmp_path, header, name, system):
    lon, lat = chinacrs.from_wgs84([INSIDE["xihu"]], system or "wgs84")[0]
    path = write_csv(tmp_path / name, header, [("a", lon, lat)])
    info = inspect_file(path)
    assert info.kind == "points"
    assert info.guess.system == system
    assert info.source.coords == (system or "wgs84")
    assert (name in info.guess.reason or header[1] in info.guess.reason) if system else "assuming WGS84" in info.guess.reason


def test_bd09_table_converts(geodata, tmp_path):
    bd = chinacrs.from_wgs84(list(INSIDE.values()), "bd09")
    path = write_csv(tmp_path / "baidu.csv", ["name", "lng", "lat"], [(k, *v) for k, v in zip(INSIDE, bd)])
    data = open_path(path, geodata)
    assert data.coords == "bd09" and list(data.feature_districts) == list(INSIDE)


def test_xlsx_table_with_a_title_row_and_gbk_csv(geodata, tmp_path):
    import pandas as pd
    import pyogrio

    df = pd.DataFrame({"项目": ["甲", "乙"], "经度": [120.21, 120.10], "纬度": [30.19, 30.25], "投资": [5, 7]})
    xlsx = tmp_path / "projects.xlsx"
    pyogrio.write_dataframe(df, xlsx, driver="XLSX", layer="重点项目")
    data = open_path(xlsx, geodata)
    assert data.kind == "points" and data.source.sublayer == "重点项目"
    assert list(data.feature_districts) == ["binjiang", "xihu"]
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("重点项目表\n项目,经度,纬度\n甲,120.21,30.19\n".encode("gbk"))
    data = open_path(gbk, geodata)
    assert data.attributes(3)["项目"] == "甲"
    assert any("GB18030" in n for n in data.notes) and any("row 2" in n for n in data.notes)


def test_rows_without_coordinates_and_outside_hangzhou_are_counted(geodata, tmp_path):
    rows = [("a", 120.21, 30.19), ("b", "", ""), ("c", 121.47, 31.23), ("d", 116.4, 39.9)]
    data = open_path(write_csv(tmp_path / "p.csv", ["name", "lon", "lat"], rows), geodata)
    assert len(data) == 3
    assert data.outside == 2 and data.district_counts()[None] == 2
    assert any("1 row(s) have no usable coordinates" in n and "row 3" in n for n in data.notes)
    assert any("2 of 3 feature(s) lie outside Hangzhou" in n for n in data.notes)


def test_hit_testing_points_and_areas(geodata, gis_files):
    pts = open_path(gis_files["geojson"], geodata)
    x, y = pts.geometry[1].x, pts.geometry[1].y
    hit = pts.hit(x + 30, y, tolerance=50)
    assert hit.attributes["name"] == "p1" and hit.row == 2
    assert pts.hit(x + 300, y, tolerance=50) is None
    areas = open_path(gis_files["gpkg"], geodata)
    assert areas.hit(x + 300, y).attributes["park"] == "B"  # inside the 1 km square
    assert areas.hit(x + 600, y) is None


@pytest.mark.parametrize("case,match", [
    ("missing", "was not found"),
    ("folder", "is a folder"),
    ("fifo", "not a regular file"),
    ("garbage", "is not a GeoPackage: its content is binary data"),
    ("nocolumn", "has no usable column"),
    ("empty", "is empty"),
    ("outside", r"all 2 feature\(s\) lie outside Hangzhou"),
    ("swapped", "swap the longitude and latitude"),
    ("mixed", "mixes kinds of geometry"),
    ("nogeom", "none has a geometry"),
    ("format", "not a format hzmap reads"),
])
def test_bad_input_gets_a_message_naming_the_file(geodata, tmp_path, case, match):
    import geopandas as gpd

    path = tmp_path / f"{case}.csv"
    if case == "folder":
        path.mkdir()
    elif case == "fifo":
        os.mkfifo(path)
    elif case == "garbage":
        path = tmp_path / "garbage.gpkg"
        path.write_bytes(b"\x00\x01 not a geopackage" * 100)
    elif case == "nocolumn":
        write_csv(path, ["名称", "备注"], [("a", "b"), ("c", "d")])
    elif case == "empty":
        path.write_text("\n\n")
    elif case == "outside":
        write_csv(path, ["name", "lon", "lat"], [("sh", 121.47, 31.23), ("bj", 116.4, 39.9)])
    elif case == "swapped":
        write_csv(path, ["name", "lon", "lat"], [("a", 30.19, 120.21), ("b", 30.25, 120.10)])
    elif case == "mixed":
        path = tmp_path / "mixed.geojson"
        gpd.GeoDataFrame({"n": [1, 2]}, geometry=[shapely.Point(120.2, 30.2), shapely.box(120.1, 30.1, 120.2, 30.2)],
                         crs="EPSG:4326").to_file(path, driver="GeoJSON")
    elif case == "nogeom":
        path = tmp_path / "nogeom.geojson"
        path.write_text('{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"a":1}}]}')
    elif case == "format":
        path = tmp_path / "notes.docx"
        path.write_text("x")
    with pytest.raises(LayerError, match=match) as err:
        open_path(path, geodata)
    assert str(path) in str(err.value)


def test_a_large_file_reports_its_size_before_loading(geodata, gis_files):
    from hzmap.model.layers import file_size

    size = file_size(gis_files["shp"])
    assert size > os.path.getsize(gis_files["shp"])  # .dbf and .shx counted too
    with pytest.raises(LargeFileError) as err:
        open_path(gis_files["shp"], geodata, size_limit=100)
    assert err.value.size == size and "over" in str(err.value)
    assert inspect_file(gis_files["shp"], size_limit=100).large


def test_opening_a_file_is_what_imports_geopandas():
    import subprocess
    import sys

    code = ("import sys; import hzmap.model.layers, hzmap.model.layers.persist, hzmap.render.map.user_layers, hzmap.cli.main;"
            "hzmap.cli.main.build_parser();"
            "print(sorted(m for m in ('pandas', 'geopandas', 'pyogrio', 'mapclassify', 'python_calamine') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr


def test_a_line_layer_reads_hits_and_draws(geodata, tmp_path):
    import geopandas as gpd
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from hzmap.model.layers.style import default_style
    from hzmap.model.view.viewstate import LayerState
    from hzmap.render.map.user_layers import UserLayerArtist

    a, b = INSIDE["xihu"], INSIDE["binjiang"]
    path = tmp_path / "metro.geojson"
    gpd.GeoDataFrame({"line": ["M1"]}, geometry=[shapely.LineString([a, b])], crs="EPSG:4326").to_file(path)
    data = open_path(path, geodata)
    assert data.kind == "lines" and data.feature_districts[0] is not None
    mid = shapely.line_interpolate_point(data.geometry[0], 0.5, normalized=True)
    assert data.hit(mid.x + 40, mid.y, tolerance=100).attributes["line"] == "M1"
    assert data.hit(mid.x + 400, mid.y, tolerance=100) is None
    fig = Figure()
    FigureCanvasAgg(fig)
    art = UserLayerArtist(fig.add_subplot(), data)
    art.update(LayerState("m", kind="user", name="地铁", style=default_style(data), source=data.source))
    assert art.legend_entries() == ("地铁", [(art.legend_entries()[1][0][0], "地铁")])
    assert len(art.main.get_segments()) == 1


def test_a_table_longer_than_a_chunk_keeps_every_row_number_blank_rows_and_short_rows(tmp_path):
    """Large tables are turned into columns a chunk at a time (hzmap.model.layers.tables): the
    rows and their numbers in the file are the same as for a small one."""
    from hzmap.model.layers import tables

    n = tables.CHUNK_ROWS + 500
    lines = ["name,lng,lat,kind"]
    for i in range(n):
        if i == tables.CHUNK_ROWS - 1:
            lines.append("")            # a blank line at the end of the first chunk
        if i == tables.CHUNK_ROWS + 3:
            lines.append(",,,")         # a row of empty cells in the second
        lines.append(f"p{i},120.{i % 1000:03d},30.2,{'abc'[i % 3]}" if i != 7 else "p7,120.5")  # one short row
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    t = tables.read_table(path, "csv")
    frame = t.frame
    assert len(frame) == n
    index = list(frame.index)
    assert index[:3] == [2, 3, 4] and index[-1] == n + 3  # the header is row 1; two blank rows skipped
    assert index[tables.CHUNK_ROWS - 1] == tables.CHUNK_ROWS + 2  # after the blank line
    assert frame["name"].get(index[-1]) == f"p{n - 1}"
    assert frame["kind"].get(9) == "" and frame["lat"].get(9) == ""  # p7's missing cells are empty
    assert "2 blank row(s) skipped" in " ".join(t.notes)
    kinds = frame["kind"].values
    assert kinds[0] is kinds[3]  # a column of few values shares its strings
