"""Cut the Hangzhou part out of OMap-GeoDB's nationwide OpenStreetMap extracts.

OMap-GeoDB (github.com/OpenQGIS/OMap-GeoDB) publishes China's railway and metro stations and its
airport ways as zipped shapefiles made from OpenStreetMap (ODbL, 2025-02). The nationwide files
are 10-25 MB unpacked; hzmap keeps only the rows inside the city, as GeoJSON, beside this
script (geodata/SOURCES.md):

    python geodata/osm/trim_omap.py Railway-station_oData.zip aeroways_oData.zip

writes geodata/osm/hangzhou_stations.geojson (every station point within 1 km of the city
outline, named or not, with the source's `name` and `station` columns) and
geodata/osm/hangzhou_runways.geojson (the `aeroway=runway` lines touching the city, with `ref`).
Build time only: needs geopandas and pyogrio (pip install -e ".[build]").
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
GPKG = HERE.parent / "hangzhou.gpkg"


def _outline_wgs84():
    import geopandas as gpd

    return gpd.read_file(GPKG, layer="outline").to_crs("EPSG:4326").geometry.iloc[0]


def _write(frame, path: Path, columns: list[str]) -> None:
    """Plain GeoJSON with 7 decimals (1 cm), one feature a line, rows in the source's order."""
    lines = []
    for _, row in frame.iterrows():
        props = {c: (None if row[c] is None or row[c] != row[c] else str(row[c])) for c in columns}
        geom = json.loads(json.dumps(row.geometry.__geo_interface__), parse_float=lambda s: round(float(s), 7))
        lines.append(json.dumps({"type": "Feature", "properties": props, "geometry": geom},
                                ensure_ascii=False, separators=(",", ":")))
    path.write_text('{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n",
                    encoding="utf-8")


def trim(stations_zip: Path, aeroways_zip: Path) -> dict:
    import geopandas as gpd

    outline = _outline_wgs84()
    near = outline.buffer(0.01)  # about 1 km
    stations = gpd.read_file(f"zip://{stations_zip}", bbox=near.bounds)
    stations = stations[stations.within(near)]
    _write(stations, HERE / "hangzhou_stations.geojson", ["name", "station"])
    ways = gpd.read_file(f"zip://{aeroways_zip}", bbox=outline.bounds)
    runways = ways[(ways["aeroway"] == "runway") & ways.intersects(outline)]
    _write(runways, HERE / "hangzhou_runways.geojson", ["aeroway", "ref"])
    return {"stations": len(stations), "named": int(stations["name"].notna().sum()), "runways": len(runways)}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stations_zip", type=Path, help="oData-railway-station/Railway-station_oData.zip")
    parser.add_argument("aeroways_zip", type=Path, help="oData-aeroways/aeroways_oData.zip")
    args = parser.parse_args(argv)
    print(trim(args.stations_zip, args.aeroways_zip))


if __name__ == "__main__":
    main()
