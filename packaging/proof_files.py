"""The planner's files the offline proof opens with the bundle (packaging/prove_bundle.py).

Written with the build machine's Python (geopandas, pyogrio, python-docx) into a folder inside the
copied bundle, one file per format hzmap reads: three sites in three districts, as points in
lon/lat (GeoPackage, GeoJSON, KML, an Excel sheet, a GBK-encoded CSV of the kind Chinese office
software writes), in CGCS2000 (FlatGeobuf) and in UTM metres with the CRS only in the .prj
(Shapefile: GDAL and PROJ must read the .prj and convert to the map's EPSG:4549), plus a district
table (CSV) for a choropleth, a plan as a Word document for the plan importer, and two offline
base maps: a GeoTIFF georeferenced in lon/lat and an MBTiles file of JPEG tiles.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: (name, lon, lat) of three sites and the district each lies in.
SITES = (("滨江站", 120.21, 30.19), ("西湖站", 120.10, 30.25), ("上城站", 120.17, 30.25))
SITE_DISTRICTS = {"滨江区": 1, "西湖区": 1, "上城区": 1}
DISTRICT_TABLE = (("区县", "企业数"), ("滨江区", 120), ("西湖区", 80), ("上城区", 95), ("拱墅区", 60),
                  ("萧山区", 140))
PLAN_TEXT = ROOT / "tests" / "data" / "plans" / "hz_chengxi_2021.txt"


def make(folder: Path) -> dict[str, Path]:
    """Write the files into `folder`; returns {kind: path}."""
    import geopandas as gpd
    import pandas as pd
    import pyogrio
    from shapely.geometry import Point

    folder.mkdir(parents=True, exist_ok=True)
    names = [s[0] for s in SITES]
    sites = gpd.GeoDataFrame({"name": names}, geometry=[Point(lon, lat) for _n, lon, lat in SITES],
                             crs="EPSG:4326")
    out = {"gpkg": folder / "sites.gpkg", "geojson": folder / "sites.geojson", "kml": folder / "sites.kml",
           "fgb": folder / "sites_cgcs2000.fgb", "shp": folder / "sites_utm.shp",
           "xlsx": folder / "projects.xlsx", "csv_gbk": folder / "sites_gbk.csv",
           "csv": folder / "firms_by_district.csv", "docx": folder / "plan.docx"}
    sites.to_file(out["gpkg"], layer="sites", driver="GPKG")
    sites.to_file(out["geojson"], driver="GeoJSON")
    sites.to_file(out["kml"], driver="KML")
    sites.to_crs("EPSG:4490").to_file(out["fgb"], driver="FlatGeobuf")
    sites.to_crs("EPSG:32651").to_file(out["shp"], encoding="UTF-8")
    table = pd.DataFrame({"项目": names, "经度": [s[1] for s in SITES], "纬度": [s[2] for s in SITES],
                          "投资（亿元）": [5.0, 7.5, 3.2]})
    pyogrio.write_dataframe(table, out["xlsx"], driver="XLSX", layer="重点项目")
    out["csv_gbk"].write_bytes(table.to_csv(index=False).encode("gbk"))
    rows = ["{},{}".format(*r) for r in DISTRICT_TABLE]
    out["csv"].write_text("\n".join(rows) + "\n", encoding="utf-8")
    _docx(PLAN_TEXT.read_text(encoding="utf-8"), out["docx"])
    out["geotiff"] = _geotiff(folder / "影像.tif")
    out["mbtiles"] = _mbtiles(folder / "tiles.mbtiles")
    return out


#: lon/lat box of the base maps: the urban districts
BASEMAP_BOX = (120.0, 30.1, 120.4, 30.4)


def _geotiff(path: Path) -> Path:
    """An RGB GeoTIFF of BASEMAP_BOX in 0.002° pixels, its georeference in GeoTIFF tags
    (ModelPixelScale, ModelTiepoint, GeoKeys for EPSG:4326), zlib-compressed."""
    import numpy as np
    import tifffile

    west, south, east, north = BASEMAP_BOX
    step = 0.002
    rows, cols = round((north - south) / step), round((east - west) / step)
    img = np.empty((rows, cols, 3), np.uint8)
    img[...] = (205, 225, 200)
    img[::25, :] = img[:, ::25] = (150, 170, 150)
    keys = [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326]
    tifffile.imwrite(path, img, photometric="rgb", compression="zlib",
                     extratags=[(33550, "d", 3, (step, step, 0.0)), (33922, "d", 6, (0, 0, 0, west, north, 0)),
                                (34735, "H", len(keys), keys)])
    return path


def _mbtiles(path: Path) -> Path:
    """An MBTiles file of JPEG tiles over BASEMAP_BOX at zooms 9-11, written as hzmap's download
    writes one."""
    import io

    from PIL import Image

    from hzmap.model.basemap.grid import tiles_in_lonlat_box
    from hzmap.model.basemap.mbtiles import MBTilesWriter

    writer = MBTilesWriter(path, {"name": "proof tiles", "format": "jpg", "attribution": "hzmap proof"})
    for z, x, y in tiles_in_lonlat_box(*BASEMAP_BOX, range(9, 12)):
        picture = Image.new("RGB", (256, 256), (190 + (x % 3) * 20, 200, 215 - (y % 3) * 20))
        data = io.BytesIO()
        picture.save(data, "JPEG", quality=80)
        writer.put(z, x, y, data.getvalue())
    return writer.commit()


def _docx(text: str, path: Path) -> None:
    import docx

    doc = docx.Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    doc.save(str(path))


def expected_layer(kind: str) -> dict:
    """What `hzmap layer --json` must report for the file of `kind`."""
    if kind == "csv":
        return {"kind": "districts", "matched": len(DISTRICT_TABLE) - 1}
    return {"kind": "points", "features": len(SITES), "per_district": SITE_DISTRICTS}
