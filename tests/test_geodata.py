"""The shipped geodata: real boundaries in the right place, and hit-testing on them (no Qt)."""

from __future__ import annotations

import csv
import importlib.util
import itertools
import time

import numpy as np
import pytest
import shapely
from pyproj import Transformer

from hzmap.model.geo.geodata import MAP_CRS, GeodataError, load_geodata, read_frames, to_map
from hzmap.paths import data_root

GEODATA = data_root()

# Areas (km²) computed in an equal-area projection from the source boundaries
# (shared/reference/geodata-sources.md).
REFERENCE_AREAS = {
    "shangcheng": 120.2, "gongshu": 98.7, "xihu": 311.4, "binjiang": 71.1,
    "xiaoshan": 997.8, "yuhang": 945.5, "linping": 284.8, "qiantang": 522.3,
    "fuyang": 1826.6, "linan": 3110.6, "tonglu": 1836.5, "chunan": 4423.0, "jiande": 2326.0,
}


def _build_module():
    """geodata/build_geodata.py, for its GCJ-02 formula (no build-time packages needed)."""
    spec = importlib.util.spec_from_file_location("build_geodata", GEODATA / "build_geodata.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_thirteen_units_match_the_attribute_table(geodata):
    with (GEODATA / "districts.csv").open(encoding="utf-8") as fh:
        table = {r["id"]: r for r in csv.DictReader(fh)}
    d = geodata.districts
    assert sorted(d) == sorted(table)
    for did, row in table.items():
        assert d[did]["adcode"] == row["adcode"]
        assert d[did]["name_zh"] == row["name_zh"]
        assert d[did]["name_en"] == row["name_en"]
        assert d[did]["type"] == row["type"]
    assert d["binjiang"]["name_zh"] == "滨江区" and d["chunan"]["adcode"] == "330127"


def test_geopackage_opens_as_ordinary_gis_layers(geodata):
    """What QGIS or geopandas users see: four layers in the map CRS with the same rows."""
    frames = read_frames()
    assert frames["districts"].crs == MAP_CRS
    assert sorted(frames["districts"].index) == sorted(geodata.districts)
    assert {"qiantang_course", "xinanjiang", "fuchunjiang", "qiantangjiang"} <= set(frames["water_lines"]["id"])


def test_areas_match_the_reference_figures(geodata):
    for did, ref in REFERENCE_AREAS.items():
        assert geodata.districts[did]["area_km2"] == pytest.approx(ref, rel=0.03), did
        # The stored attribute agrees with the geometry (GK distortion near 120°E is tiny).
        assert geodata.districts[did].geometry.area / 1e6 == pytest.approx(ref, rel=0.03), did


def test_units_tile_the_city_without_overlaps(geodata):
    geoms = {did: f.geometry for did, f in geodata.districts.items()}
    for a, b in itertools.combinations(geoms, 2):
        assert geoms[a].intersection(geoms[b]).area < 1e4, (a, b)  # < 0.01 km²
    outline = geodata.outline
    union = shapely.union_all(list(geoms.values()))
    assert union.symmetric_difference(outline).area < 1e5  # < 0.1 km² of 16,875
    assert outline.area / 1e6 == pytest.approx(16874.7, rel=0.01)


def _shared_boundary_points(geodata, a, b, step=100.0):
    d = geodata.districts
    shared = d[a].geometry.boundary.intersection(d[b].geometry.boundary)
    parts = [p for p in shapely.get_parts(shapely.line_merge(shared)) if p.length > 0]
    assert sum(p.length for p in parts) > 5000, (a, b)
    return np.concatenate([shapely.line_interpolate_point(p, np.arange(0, p.length, step)) for p in parts])


def _as_raw_gcj02(points):
    """Where the points were in the source's GCJ-02 coordinates, before conversion."""
    gcj = _build_module().wgs84_to_gcj02
    inv = Transformer.from_crs(MAP_CRS, "EPSG:4326", always_xy=True)
    fwd = Transformer.from_crs("EPSG:4326", MAP_CRS, always_xy=True)
    xy = shapely.get_coordinates(points)
    lonlat = gcj(np.column_stack(inv.transform(xy[:, 0], xy[:, 1])))
    return shapely.points(np.column_stack(fwd.transform(lonlat[:, 0], lonlat[:, 1])))


@pytest.mark.parametrize("a,b", [("xihu", "binjiang"), ("shangcheng", "xiaoshan")])
def test_river_boundaries_follow_the_river(geodata, a, b):
    """Amap boundaries (converted) and GSHHG/WDBII water are independent sources: they must agree."""
    river = shapely.union_all([f.geometry for f in geodata.water_lines if f["kind"] == "main"])
    pts = _shared_boundary_points(geodata, a, b)
    converted = float(np.median(shapely.distance(pts, river)))
    raw = float(np.median(shapely.distance(_as_raw_gcj02(pts), river)))
    assert converted < 1000.0
    # Left in GCJ-02 the boundary would sit ~0.4-0.5 km off the river here.
    assert raw > converted + 150.0, (converted, raw)


def test_gcj02_inverse_round_trips():
    bg = _build_module()
    wgs = np.array([[120.21, 30.19], [119.04, 29.61], [118.4, 29.4], [120.7, 30.3]])
    back = bg.gcj02_to_wgs84(bg.wgs84_to_gcj02(wgs))
    assert np.abs(back - wgs).max() < 1e-8  # ~1 mm
    offset = bg.wgs84_to_gcj02(wgs[:1]) - wgs[:1]
    assert 0.003 < np.hypot(*offset[0]) < 0.008  # the ~0.5 km "Mars" shift around Hangzhou


@pytest.mark.parametrize(
    "lon,lat,expected",
    [
        (120.21, 30.19, "binjiang"),     # 滨江 interior, near 物联网小镇
        (119.06, 29.61, "chunan"),       # 千岛湖镇 on land (east part of town)
        (120.10, 30.25, "xihu"),         # 西湖区, west of the lake
        (120.211, 30.246, "shangcheng"), # 钱江新城
        (120.432, 30.237, "xiaoshan"),   # 萧山国际机场
        (120.55, 30.33, "qiantang"),     # 大江东, reclaimed land GSHHG still shows as sea
        (119.697, 29.81, "tonglu"),      # 桐庐城区, north bank
    ],
)
def test_district_at_real_places(geodata, lon, lat, expected):
    assert geodata.district_at(*to_map(lon, lat)) == expected


@pytest.mark.parametrize(
    "lon,lat,water",
    [
        (120.16, 30.205, "qiantangjiang"),  # mid-river between 西湖 and 滨江
        (120.222, 30.242, "qiantangjiang"),  # between 钱江新城 and 钱江世纪城
        (118.90, 29.55, "qiandaohu"),
    ],
)
def test_water_is_not_a_district(geodata, lon, lat, water):
    x, y = to_map(lon, lat)
    assert geodata.water_at(x, y) == water
    assert geodata.district_at(x, y) is None


@pytest.mark.parametrize("lon,lat", [(121.5, 30.5), (117.5, 29.5), (120.0, 31.2)])
def test_outside_the_city_is_none(geodata, lon, lat):
    assert geodata.district_at(*to_map(lon, lat)) is None
    assert geodata.district_at(None, None) is None


def test_district_at_is_fast(geodata):
    rng = np.random.default_rng(0)
    x0, y0, x1, y1 = geodata.bounds
    pts = np.column_stack([rng.uniform(x0, x1, 2000), rng.uniform(y0, y1, 2000)])
    geodata.district_at(*pts[0])
    t = time.perf_counter()
    for x, y in pts:
        geodata.district_at(x, y)
    assert (time.perf_counter() - t) / len(pts) < 1e-3


def test_label_points_sit_on_land_in_their_district(geodata):
    points = geodata.district_label_points()
    assert sorted(points) == sorted(geodata.districts)
    for did, p in points.items():
        assert geodata.district_at(p.x, p.y) == did


def test_main_river_runs_through_the_reference_places(geodata):
    river = geodata.main_river()
    assert river.geom_type == "LineString"
    for lonlat in [(119.480, 29.553), (119.697, 29.800), (119.955, 30.046), (120.145, 30.093),
                   (120.140, 30.197), (120.222, 30.242), (120.290, 30.290)]:
        assert river.distance(shapely.Point(*to_map(*lonlat))) < 2500, lonlat  # towns on the bank
    # The line starts where WDBII leaves 千岛湖, a few km from the (approximate) dam point.
    assert shapely.Point(river.coords[0]).distance(shapely.Point(*to_map(119.221, 29.516))) < 5000
    # Upstream first: the dam end is west of the mouth.
    assert river.coords[0][0] < river.coords[-1][0]


def test_to_map_uses_the_gauss_kruger_grid():
    x, y = to_map(120.0, 30.0)  # on the central meridian
    assert x == pytest.approx(500000.0, abs=0.01)
    assert y == pytest.approx(3320113.4, abs=1)  # GRS80 meridian arc to 30°N


def test_missing_file_names_the_path(tmp_path):
    missing = tmp_path / "nowhere.gpkg"
    with pytest.raises(GeodataError, match="not found") as info:
        load_geodata(missing)
    assert str(missing) in str(info.value)


def test_not_a_geopackage_names_the_path(tmp_path):
    bogus = tmp_path / "hangzhou.gpkg"
    bogus.write_text("id,name\n1,x\n", encoding="utf-8")
    with pytest.raises(GeodataError, match="not a GeoPackage") as info:
        load_geodata(bogus)
    assert str(bogus) in str(info.value)


@pytest.fixture(scope="module")
def frames():
    return read_frames()


def test_missing_layer_and_wrong_count_are_reported(tmp_path, frames):
    partial = tmp_path / "partial.gpkg"
    frames["districts"].iloc[:5].to_file(partial, layer="districts", driver="GPKG")
    with pytest.raises(GeodataError, match="missing layer") as info:
        load_geodata(partial)
    assert str(partial) in str(info.value) and "water_areas" in str(info.value)
    for name in ("outline", "water_lines", "water_areas"):
        frames[name].to_file(partial, layer=name, driver="GPKG")
    with pytest.raises(GeodataError, match="5 rows, expected 13"):
        load_geodata(partial)


def test_missing_column_is_reported(tmp_path, frames):
    broken = tmp_path / "broken.gpkg"
    frames["districts"].drop(columns=["adcode"]).to_file(broken, layer="districts", driver="GPKG")
    for name in ("outline", "water_lines", "water_areas"):
        frames[name].to_file(broken, layer=name, driver="GPKG")
    with pytest.raises(GeodataError, match="adcode") as info:
        load_geodata(broken)
    assert "districts" in str(info.value)


def test_gpkg_is_small():
    assert (GEODATA / "hangzhou.gpkg").stat().st_size < 3 * 1024 * 1024


def test_damaged_geometry_is_reported(tmp_path):
    import shutil
    import sqlite3

    damaged = tmp_path / "damaged.gpkg"
    shutil.copy(GEODATA / "hangzhou.gpkg", damaged)
    con = sqlite3.connect(damaged)
    for (trigger,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        con.execute(f'DROP TRIGGER "{trigger}"')  # the spatial-index triggers need SpatiaLite
    con.execute("UPDATE water_areas SET geom = X'47500003E6100000DEADBEEF' WHERE fid = 1")
    con.commit()
    con.close()
    with pytest.raises(GeodataError, match="water_areas") as info:
        load_geodata(damaged)
    assert str(damaged) in str(info.value)
