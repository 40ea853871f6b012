"""Files of the shapes Hangzhou's offices hand a planner, built here from the shipped geodata.

Each function writes one file as its source writes it (the field names, the encoding, the
header rows, the coordinate system) without copying any real file:

    datav_geojson       DataV.GeoAtlas's 330100_full.json: 13 districts, properties adcode,
                        name, center, centroid, childrenNum, level, parent, subFeatureIndex,
                        acroutes; GCJ-02 lon/lat and no "crs" member
    bankuai_shapefile   ~130 板块 areas tiling the urban districts, GCJ-02 lon/lat with a .prj
                        that says WGS84 (as exported from a DataV/Amap download); also zipped
    amap_vertices_csv   district boundary vertices as copied from Amap's district API: name,
                        adcode, seq, lng, lat in GCJ-02 (no system named anywhere)
    baidu_places_csv    a Baidu Place API result list: name, lat, lng (BD-09), address,
                        province, city, area, street_id, telephone, detail, uid
    listings_csv        ~15,000 scraped flats: Region in pre-2021 names (下城, 江干 ...), Block,
                        Floor, Size, Price, UnitPrice, Year, Followers
    population_2016_gbk a 2016 statistical table in GBK: title, 单位 line, padded names
                        (全  市, 上 城 区), 临安市, 富阳市, the zones of the time
    census_2020_xlsx    the 2020 census table: a title, two header rows with merged cells
                        (人口 over 2020年 and 2010年), a unit row, 全市 first

The data are synthetic: positions come from geodata/hangzhou.gpkg and numbers from a seeded
random generator; only the shapes of the files follow the real ones.
"""
from __future__ import annotations

import functools
import json
import zipfile

import numpy as np
import shapely

from hzmap.model.geo import chinacrs
from hzmap.model.geo.geodata import MAP_CRS

URBAN = ("shangcheng", "gongshu", "xihu", "binjiang", "xiaoshan", "yuhang", "linping", "qiantang")


@functools.lru_cache(maxsize=1)
def _back():
    from pyproj import Transformer

    return Transformer.from_crs(MAP_CRS, "EPSG:4326", always_xy=True)


def _to_lonlat(xy: np.ndarray, system: str = "wgs84") -> np.ndarray:
    lon, lat = _back().transform(xy[:, 0], xy[:, 1])
    return chinacrs.from_wgs84(np.column_stack([lon, lat]), system)


def _geom_lonlat(geom, system: str):
    return shapely.transform(geom, lambda xy: _to_lonlat(xy, system))


def datav_geojson(geo, path, simplify_m: float = 30.0):
    feats = []
    for i, (did, f) in enumerate(geo.districts.items()):
        g = shapely.simplify(f.geometry, simplify_m)
        ll = _geom_lonlat(g, "gcj02")
        c = _to_lonlat(np.array([[g.centroid.x, g.centroid.y]]), "gcj02")[0]
        feats.append({"type": "Feature", "properties": {
            "adcode": int(f["adcode"]), "name": f["name_zh"], "center": [round(c[0], 6), round(c[1], 6)],
            "centroid": [round(c[0], 6), round(c[1], 6)], "childrenNum": 0, "level": "district",
            "parent": {"adcode": 330100}, "subFeatureIndex": i, "acroutes": [100000, 330000, 330100]},
            "geometry": json.loads(shapely.to_geojson(shapely.set_precision(ll, 1e-6)))})
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False),
                    encoding="utf-8")
    return path


def _cells(geo, n: int, seed: int = 5):
    """~n areas tiling the urban districts (Voronoi cells clipped to each district)."""
    rng = np.random.default_rng(seed)
    polys, owners = [], []
    area = {d: geo.districts[d].geometry.area for d in URBAN}
    total = sum(area.values())
    for did in URBAN:
        poly = geo.districts[did].geometry
        k = max(3, round(n * area[did] / total))
        x0, y0, x1, y1 = poly.bounds
        pts = []
        while len(pts) < k:
            x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
            if poly.contains(shapely.Point(x, y)):
                pts.append((x, y))
        cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=poly))
        for c in cells:
            part = shapely.intersection(c, poly)
            if not part.is_empty and part.area > 1e4:
                polys.append(part)
                owners.append(did)
    return polys, owners


def bankuai_shapefile(geo, folder, zipped: bool = False):
    import geopandas as gpd

    polys, owners = _cells(geo, 130)
    ll = [_geom_lonlat(p, "gcj02") for p in polys]
    names = {d: f["name_zh"] for d, f in geo.districts.items()}
    frame = gpd.GeoDataFrame({"BKMC": [f"{names[d][:2]}板块{i + 1}" for i, d in enumerate(owners)],
                              "QX": [names[d] for d in owners], "MJ": [p.area / 1e6 for p in polys]},
                             geometry=ll, crs="EPSG:4326")  # the .prj says WGS84; the numbers are GCJ-02
    shp = folder / "板块.shp"
    frame.to_file(shp, encoding="utf-8")
    if not zipped:
        return shp
    out = folder / "板块.zip"
    with zipfile.ZipFile(out, "w") as z:
        for part in folder.glob("板块.*"):
            if part.suffix != ".zip":
                z.write(part, f"板块/{part.name}")
    return out


def amap_vertices_csv(geo, path, districts=("xihu", "binjiang", "shangcheng")):
    lines = ["name,adcode,seq,lng,lat"]
    for did in districts:
        f = geo.districts[did]
        ring = shapely.get_coordinates(shapely.get_parts(f.geometry)[0].exterior)
        for i, (lng, lat) in enumerate(_to_lonlat(ring, "gcj02")):
            lines.append(f"{f['name_zh']},{f['adcode']},{i},{lng:.6f},{lat:.6f}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def baidu_places_csv(geo, path, n: int = 60):
    rng = np.random.default_rng(9)
    names = {d: f["name_zh"] for d, f in geo.districts.items()}
    rows = ["name,lat,lng,address,province,city,area,street_id,telephone,detail,uid"]
    for i in range(n):
        did = ("xihu", "qiantang", "yuhang", "binjiang")[i % 4]
        poly = geo.districts[did].geometry
        while True:
            p = shapely.Point(rng.uniform(*poly.bounds[::2]), rng.uniform(*poly.bounds[1::2]))
            if poly.contains(p) and geo.water_at(p.x, p.y) is None:
                break
        lng, lat = _to_lonlat(np.array([[p.x, p.y]]), "bd09")[0]
        uid = f"{rng.integers(1 << 60):x}"
        rows.append(f"大学{i + 1},{lat:.6f},{lng:.6f},{names[did]}某路{i + 1}号,浙江省,杭州市,{names[did]},"
                    f"{uid[:24]},0571-8{i:07d},1,{uid}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


# pre-2021 districts and how many flats a scrape finds in each
_REGIONS = {"下城": 1848, "江干": 1700, "拱墅": 1300, "西湖": 2100, "上城": 900, "滨江": 1500,
            "萧山": 2200, "余杭": 2600, "富阳": 400, "临安": 235}
_BLOCKS = {"下城": ["武林", "朝晖"], "江干": ["钱江新城", "下沙", "九堡"], "西湖": ["紫金港", "转塘"],
           "余杭": ["未来科技城", "良渚", "临平新城"], "萧山": ["钱江世纪城", "湘湖"]}


def listings_csv(path):
    rng = np.random.default_rng(21)
    rows = ["Title,Region,Block,Floor,Size,Price,UnitPrice,Year,Followers"]
    i = 0
    for region, n in _REGIONS.items():
        blocks = _BLOCKS.get(region, [region + "城区"])
        base = {"上城": 60000, "西湖": 55000, "滨江": 58000}.get(region, 35000)
        for _ in range(n):
            size = float(rng.uniform(40, 180))
            unit = float(rng.normal(base, base * 0.15))
            i += 1
            rows.append(f"房源{i},{region},{blocks[i % len(blocks)]},{int(rng.integers(1, 33))},{size:.1f},"
                        f"{unit * size / 1e4:.0f},{unit:.0f},{int(rng.integers(1995, 2021))},{int(rng.integers(0, 400))}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


POP_2016 = [  # (name as printed, 年末户籍人口 万人)
    ("全  市", 736.0), ("市  区", 564.0), ("上 城 区", 33.6), ("下 城 区", 41.3), ("江 干 区", 43.5),
    ("拱 墅 区", 35.9), ("西 湖 区", 67.3), ("滨 江 区", 21.0), ("萧 山 区", 125.6), ("余 杭 区", 99.5),
    ("富阳市", 65.7), ("临安市", 53.6), ("桐 庐 县", 41.1), ("淳 安 县", 45.8), ("建 德 市", 51.0),
    ("杭州经济技术开发区", 10.2), ("西湖风景名胜区", 1.1), ("大江东产业集聚区", 20.3),
]


def population_2016_gbk(path):
    rows = ["2016年杭州市各区、县（市）户籍人口和户数,,,,", "单位：万人,,,,",
            "地区,年末户籍人口,男,女,户数（万户）"]
    for name, pop in POP_2016:
        rows.append(f"{name},{pop:.2f},{pop * 0.505:.2f},{pop * 0.495:.2f},{pop / 2.7:.2f}")
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("gbk"))
    return path


CENSUS_2020 = [  # (地区, 人口 2020, 人口 2010)
    ("全市", 11936010, 8700373), ("上城区", 1323567, 1004838), ("拱墅区", 1121240, 939497),
    ("西湖区", 1145152, 820017), ("滨江区", 503859, 319027), ("萧山区", 2011258, 1511290),
    ("余杭区", 1226634, 869416), ("临平区", 1175539, 716800), ("钱塘区", 769150, 551480),
    ("富阳区", 835107, 717000), ("临安区", 642222, 566665), ("桐庐县", 454779, 406566),
    ("淳安县", 329460, 336840), ("建德市", 442633, 430750),
]


def census_2020_xlsx(path):
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("表1")
    sheet.merge_range(0, 0, 0, 4, "表1-2 各区、县（市）常住人口")
    sheet.merge_range(1, 0, 3, 0, "地区")          # 地区 spans the two header rows and the unit row
    sheet.merge_range(1, 1, 1, 2, "人口")          # 人口 over 2020年 and 2010年
    sheet.merge_range(1, 3, 1, 4, "比重")
    for j, text in enumerate(["2020年", "2010年", "2020年", "2010年"], 1):
        sheet.write(2, j, text)
    sheet.merge_range(3, 1, 3, 2, "人")            # the unit row: 人 over both 人口 columns
    sheet.merge_range(3, 3, 3, 4, "%")
    total20, total10 = CENSUS_2020[0][1], CENSUS_2020[0][2]
    for i, (name, p20, p10) in enumerate(CENSUS_2020, 4):
        sheet.write(i, 0, name)
        sheet.write_number(i, 1, p20)
        sheet.write_number(i, 2, p10)
        sheet.write_number(i, 3, round(100 * p20 / total20, 2))
        sheet.write_number(i, 4, round(100 * p10 / total10, 2))
    book.close()
    return path
