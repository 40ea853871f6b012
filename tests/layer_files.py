"""Helpers that write real user files for the layer tests (geopandas / pyogrio, as a user's GIS would)."""
from __future__ import annotations

import numpy as np
import shapely

from hzmap.model.geo import chinacrs
from hzmap.model.geo.geodata import MAP_CRS

# WGS84 lon/lat well inside three districts
INSIDE = {"binjiang": (120.21, 30.19), "xihu": (120.10, 30.25), "shangcheng": (120.211, 30.246)}


def points_frame(lonlat=None, crs="EPSG:4326"):
    import geopandas as gpd

    lonlat = lonlat or list(INSIDE.values())
    return gpd.GeoDataFrame({"name": [f"p{i}" for i in range(len(lonlat))],
                             "kind": ["a", "b", "a"][: len(lonlat)],
                             "value": np.arange(1.0, len(lonlat) + 1)},
                            geometry=shapely.points(lonlat), crs=crs)


def areas_frame():
    """Three squares of 1 km around the INSIDE points, in map metres."""
    import geopandas as gpd

    from hzmap.model.geo.geodata import to_map

    centres = [to_map(*p) for p in INSIDE.values()]
    squares = [shapely.box(x - 500, y - 500, x + 500, y + 500) for x, y in centres]
    return gpd.GeoDataFrame({"park": ["A", "B", "C"], "area_ha": [100.0, 100.0, 100.0]},
                            geometry=squares, crs=MAP_CRS)


def write_csv(path, header, rows, encoding="utf-8"):
    lines = [",".join(header)] + [",".join("" if v is None else str(v) for v in r) for r in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def gcj_border_points(geo, want=12):
    """WGS84 points on land near the 钱塘江 in 西湖/上城/滨江 that land in another district or on
    the water when their GCJ-02 coordinates are read as WGS84: (wgs lon/lat, gcj lon/lat, district)."""
    from hzmap.model.geo.geodata import to_map

    lon, lat = np.meshgrid(np.arange(120.13, 120.26, 0.0025), np.arange(30.17, 30.25, 0.0025))
    wgs = np.column_stack([lon.ravel(), lat.ravel()])
    gcj = chinacrs.wgs84_to_gcj02(wgs)
    out = []
    for w, g in zip(wgs, gcj):
        d = geo.district_at(*to_map(*w))
        if d in ("xihu", "shangcheng", "binjiang") and geo.district_at(*to_map(*g)) != d:
            out.append((tuple(w), tuple(g), d))
    step = max(1, len(out) // want)
    return out[::step][:want]
