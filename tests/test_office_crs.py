"""Coordinate systems a planner never has to know: files from Amap, DataV and Baidu that say WGS84
or nothing are recognised by their fields and by how they fit the district boundaries; hzmap
says so and proposes the conversion, and never shifts a layer silently."""
import json

import numpy as np
import pytest
import shapely
from office_files import (amap_vertices_csv, baidu_places_csv, bankuai_shapefile, datav_geojson)

from hzmap.model.layers import open_path
from hzmap.model.layers.crs_check import signature


@pytest.fixture(scope="module")
def files(geodata, tmp_path_factory):
    d = tmp_path_factory.mktemp("crs")
    (d / "shp").mkdir()
    return {"datav": datav_geojson(geodata, d / "330100_full.json"),
            "shp": bankuai_shapefile(geodata, d / "shp"),
            "amap": amap_vertices_csv(geodata, d / "杭州区县边界点.csv"),
            "baidu": baidu_places_csv(geodata, d / "高校名单.csv")}


def _own_district_share(data, geodata):
    """Share of the DataV features whose inside point lies in the district the feature names."""
    names = {f["name_zh"]: d for d, f in geodata.districts.items()}
    inside = shapely.point_on_surface(data.geometry)
    hits = [geodata.district_at(p.x, p.y) == names[n] for p, n in zip(inside, data.table["name"].tolist())]
    return np.mean(hits)


def test_datav_geojson_is_recognised_and_the_conversion_proposed_not_made(files, geodata):
    data = open_path(files["datav"], geodata)
    check = data.crs_check
    assert check.read_as == "wgs84" and check.proposal == "gcj02"
    assert "acroutes" in check.signature[1] and check.geometry_tells
    assert check.fits["wgs84"].median_m > 250 and check.fits["gcj02"].median_m < 20
    assert 400 < check.shift_m < 700
    note = data.notes[0]
    assert "GCJ-02" in note and "--crs gcj02" in note and "Not converted" in note
    # not shifted: read as the file says, every polygon sits off by the offset
    assert data.coords is None


def test_datav_geojson_lands_on_its_districts_once_gcj02_is_chosen(files, geodata):
    data = open_path(files["datav"], geodata, coords="gcj02")
    check = data.crs_check
    assert check.proposal is None and check.fits["gcj02"].median_m < 20
    assert "converted from GCJ-02" in data.notes[0] and "m after" in data.notes[0]
    assert _own_district_share(data, geodata) == 1.0


def test_shapefile_whose_prj_says_wgs84_but_holds_gcj02(files, geodata):
    data = open_path(files["shp"], geodata)
    assert data.crs_check.proposal == "gcj02" and data.crs_check.signature is None
    assert ".prj says" in data.notes[0] and "--crs gcj02" in data.notes[0]
    fixed = open_path(files["shp"], geodata, coords="gcj02")
    assert fixed.crs_check.fits["gcj02"].median_m < 20 and fixed.crs_check.proposal is None


def test_amap_vertices_table_is_told_by_its_geometry(files, geodata):
    data = open_path(files["amap"], geodata)
    check = data.crs_check
    assert data.kind == "points" and check.signature is None
    assert check.proposal == "gcj02" and check.fits["gcj02"].share > 0.9 and check.fits["wgs84"].share < 0.2


def test_baidu_place_list_is_told_by_its_fields(files, geodata):
    data = open_path(files["baidu"], geodata)
    check = data.crs_check
    assert check.proposal == "bd09" and "Baidu" in check.signature[1] and not check.geometry_tells
    assert check.shift_m > 800
    fixed = open_path(files["baidu"], geodata, coords="bd09")
    assert fixed.outside == 0 and fixed.crs_check.proposal is None


def test_a_wgs84_file_that_fits_gets_no_proposal(geodata, tmp_path):
    import geopandas as gpd

    frame = gpd.GeoDataFrame({"name": [f["name_zh"] for f in geodata.districts.values()]},
                             geometry=[f.geometry for f in geodata.districts.values()], crs="EPSG:4549")
    path = tmp_path / "districts.geojson"
    frame.to_crs("EPSG:4326").to_file(path, driver="GeoJSON")
    data = open_path(path, geodata)
    assert data.crs_check.likely == "wgs84" and data.crs_check.proposal is None
    assert not any("GCJ" in n for n in data.notes)


def test_a_list_that_says_nothing_is_read_as_wgs84_with_a_note(geodata, tmp_path):
    path = tmp_path / "sites.csv"
    path.write_text("name,lng,lat\na,120.21,30.19\nb,120.10,30.25\nc,120.30,30.42\n", encoding="utf-8")
    data = open_path(path, geodata)
    assert data.crs_check.likely is None and data.coords == "wgs84"
    assert any("does not say" in n and "--crs gcj02" in n for n in data.notes)


@pytest.mark.parametrize("columns,system", [
    (["adcode", "name", "center", "centroid", "childrenNum", "level", "parent", "acroutes"], "gcj02"),
    (["name", "location", "pname", "cityname", "adname", "typecode"], "gcj02"),
    (["name", "lat", "lng", "uid", "street_id", "detail_info"], "bd09"),
    (["name", "lng", "lat", "adcode"], None),           # an adcode alone says nothing
])
def test_provider_signatures(columns, system):
    found = signature(columns)
    assert (found[0] if found else None) == system


def test_cli_proposes_crs_and_reports_offsets_in_json(files, capsys):
    from hzmap.cli.main import main

    assert main(["layer", str(files["datav"]), "--json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["crs_check"]["proposal"] == "gcj02" and rep["crs_check"]["fits"]["gcj02"]["median_m"] < 20
    assert main(["layer", str(files["datav"]), "--crs", "gcj02"]) == 0
    out = capsys.readouterr().out
    assert "converted from GCJ-02" in out


def test_zipped_shapefile_from_a_download_folder(geodata, tmp_path):
    """The same shapefile zipped in its folder, as a download comes: read, and the same proposal."""
    zipped = bankuai_shapefile(geodata, tmp_path, zipped=True)
    data = open_path(zipped, geodata)
    assert data.kind == "areas" and len(data) > 100
    assert data.crs_check.proposal == "gcj02"
