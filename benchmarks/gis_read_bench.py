"""Reading speed of GIS files (hzmap.model.layers.vector.read_vector, in this process): 100,000
points and 20,000 polygons (octagons of 150-600 m) spread over the city, each as GeoPackage,
Shapefile, GeoJSON and FlatGeobuf (KML: 20,000 points), written with geopandas.

    python benchmarks/gis_read_bench.py [--repeat N] [--json]

Prints median / p95 / max seconds per file, with the load average before and after.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

N_POINTS, N_POLYGONS, N_KML = 100_000, 20_000, 20_000


def write_files(folder: Path) -> dict[str, tuple[Path, str]]:
    import geopandas as gpd
    import shapely

    from hzmap.model.geo.geodata import MAP_CRS

    rng = np.random.default_rng(11)
    lon = rng.uniform(119.9, 120.5, N_POINTS)
    lat = rng.uniform(30.0, 30.5, N_POINTS)
    cats = np.array(["制造", "服务", "研发", "物流", "文旅"])
    pts = gpd.GeoDataFrame({"name": [f"site{i}" for i in range(N_POINTS)],
                            "category": cats[rng.integers(0, 5, N_POINTS)],
                            "value": rng.lognormal(3, 1, N_POINTS), "n": rng.integers(0, 1000, N_POINTS)},
                           geometry=shapely.points(np.column_stack([lon, lat])), crs="EPSG:4326")
    cx = rng.uniform(200_000, 260_000, N_POLYGONS)
    cy = rng.uniform(3_330_000, 3_380_000, N_POLYGONS)
    r = rng.uniform(150, 600, N_POLYGONS)
    a = np.linspace(0, 2 * np.pi, 9)[:-1]
    rings = np.stack([cx[:, None] + r[:, None] * np.cos(a), cy[:, None] + r[:, None] * np.sin(a)], axis=-1)
    polys = gpd.GeoDataFrame({"name": [f"zone{i}" for i in range(N_POLYGONS)],
                              "area": np.pi * r ** 2, "kind": cats[rng.integers(0, 5, N_POLYGONS)]},
                             geometry=shapely.polygons(rings), crs=MAP_CRS)
    out = {}
    for label, frame in (("points", pts), ("polygons", polys)):
        for fmt, ext, driver in (("gpkg", "gpkg", "GPKG"), ("shp", "shp", None), ("geojson", "geojson", "GeoJSON"),
                                 ("fgb", "fgb", "FlatGeobuf")):
            path = folder / f"{label}.{ext}"
            frame.to_file(path, driver=driver) if driver else frame.to_file(path, encoding="UTF-8")
            out[f"{label}.{ext}"] = (path, fmt)
    kml = folder / "points.kml"
    pts.iloc[:N_KML].to_file(kml, driver="KML")
    out["points20k.kml"] = (kml, "kml")
    return out


def run(repeat: int) -> dict:
    try:  # GDAL restricted as in the reader process (while hzmap read GIS files with it)
        from hzmap.model.layers.gdal import ENVIRONMENT
        os.environ.update(ENVIRONMENT)
    except ImportError:
        pass
    from hzmap.model.layers.vector import read_vector

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        files = write_files(Path(tmp))
        read_vector(*files["points.gpkg"])  # imports
        for name, (path, fmt) in files.items():
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                read_vector(path, fmt)
                times.append(time.perf_counter() - t0)
            times.sort()
            p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
            results[name] = (statistics.median(times), p95, times[-1])
    return results


def main(argv=None) -> None:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    load0 = os.getloadavg()
    res = run(args.repeat)
    load1 = os.getloadavg()
    if args.json:
        print(json.dumps({"results": res, "load": [load0, load1]}))
        return
    print(f"load average before {load0[0]:.2f} {load0[1]:.2f} {load0[2]:.2f}, after {load1[0]:.2f} {load1[1]:.2f} {load1[2]:.2f}")
    for name, (med, p95, mx) in res.items():
        print(f"{name:20s} {med:6.3f} / {p95:6.3f} / {mx:6.3f} s")


if __name__ == "__main__":
    main()
