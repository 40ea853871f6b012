"""The landmarks of geodata/hangzhou.gpkg: West Lake, the main railway stations, the airport and
the metro stations, all from OpenStreetMap (ODbL, geodata/osm/, geodata/SOURCES.md).

Called by geodata/build_geodata.py; reads only the extracts kept in geodata/osm/ (cut from the
nationwide files by geodata/osm/trim_omap.py), so the build needs no network. OpenStreetMap is
in WGS84, as the map's other sources are after conversion, so nothing is shifted here.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import MultiPoint, Point

OSM = Path(__file__).resolve().parent / "osm"
WESTLAKE = OSM / "westlake.geojson"
STATIONS = OSM / "hangzhou_stations.geojson"
RUNWAYS = OSM / "hangzhou_runways.geojson"

#: OSM name -> (id, label, English label) of the city's four passenger railway hubs. Of the
#: extract's other named `train` points, 钱塘江 and 南星桥 are freight or closed stations, and the
#: rest of the city's stations (余杭, 富阳, 桐庐, 建德, 千岛湖, ...) have no name in it.
MAIN_STATIONS = {
    "杭州东": ("hangzhou_east", "杭州东站", "Hangzhou East"),
    "杭州西": ("hangzhou_west", "杭州西站", "Hangzhou West"),
    "杭州": ("hangzhou_station", "杭州站", "Hangzhou Station"),
    "杭州南": ("hangzhou_south", "杭州南站", "Hangzhou South"),
}
#: The airport: runways of at least this length (a general-aviation strip near 千岛湖 is 1.2 km)
#: within this distance (degrees) of the terminal area.
AIRPORT = ("xiaoshan_airport", "萧山国际机场", "Xiaoshan Airport", (120.43, 30.235))
MIN_RUNWAY_M = 2000.0
#: Metro stations with the same name closer than this (metres) are one station (OSM has a
#: point per line at interchanges and sometimes per platform).
SAME_STATION_M = 800.0


def _features(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)["features"]


def west_lake(to_map):
    """West Lake (OSM relation 2308774) as a map-metre polygon, islands as holes."""
    feats = [f for f in _features(WESTLAKE) if f["properties"].get("name") == "西湖"]
    if len(feats) != 1:
        raise SystemExit(f"{WESTLAKE}: expected one feature named 西湖, found {len(feats)}")
    geom = shapely.geometry.shape(feats[0]["geometry"])
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    return to_map(geom)


def _pinyin(name: str) -> str:
    from pypinyin import lazy_pinyin

    words = lazy_pinyin(name)
    return "".join(words).capitalize() if words else name


def landmarks(to_map, outline_map) -> list[tuple[str, str, str, str, Point]]:
    """(id, name_zh, name_en, kind, point) rows: kind `rail_main`, `airport` or `metro`."""
    rows = []
    stations = _features(STATIONS)
    found = {}
    for f in stations:
        p = f["properties"]
        if p.get("station") == "train" and p.get("name") in MAIN_STATIONS:
            found[p["name"]] = Point(f["geometry"]["coordinates"])
    missing = sorted(set(MAIN_STATIONS) - set(found))
    if missing:
        raise SystemExit(f"{STATIONS}: no train station named {', '.join(missing)}")
    for name, (sid, zh, en) in MAIN_STATIONS.items():
        rows.append((sid, zh, en, "rail_main", to_map(found[name])))

    aid, zh, en, near = AIRPORT
    runways = [shapely.geometry.shape(f["geometry"]) for f in _features(RUNWAYS)]
    runways = [to_map(r) for r in runways if r.distance(Point(near)) < 0.05]
    runways = [r for r in runways if r.length >= MIN_RUNWAY_M]
    if len(runways) < 2:
        raise SystemExit(f"{RUNWAYS}: expected the airport's two runways, found {len(runways)}")
    rows.append((aid, zh, en, "airport", shapely.union_all(runways).centroid))

    metro: dict[str, list[Point]] = {}
    for f in stations:
        p = f["properties"]
        if p.get("station") != "subway" or not p.get("name"):
            continue
        pt = to_map(Point(f["geometry"]["coordinates"]))
        if not outline_map.contains(pt):
            continue
        metro.setdefault(p["name"], []).append(pt)
    for name in sorted(metro, key=lambda n: (metro[n][0].x, metro[n][0].y)):
        for i, group in enumerate(_groups(metro[name])):
            centre = MultiPoint(group).centroid
            suffix = f"_{i + 1}" if i else ""
            rows.append((f"metro_{_pinyin(name).lower()}{suffix}", name, _pinyin(name), "metro",
                         Point(round(centre.x, 2), round(centre.y, 2))))
    return rows


def _groups(points: list[Point]) -> list[list[Point]]:
    """Points of one name, grouped so each group lies within SAME_STATION_M of its first."""
    groups: list[list[Point]] = []
    for p in points:
        for g in groups:
            if math.dist((g[0].x, g[0].y), (p.x, p.y)) < SAME_STATION_M:
                g.append(p)
                break
        else:
            groups.append([p])
    return groups


def summary(rows) -> dict:
    kinds = [r[3] for r in rows]
    return {k: kinds.count(k) for k in dict.fromkeys(kinds)} | {
        "bounds": [round(v) for v in np.asarray(shapely.total_bounds([r[4] for r in rows]))]}
