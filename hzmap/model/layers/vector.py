"""GIS files (GeoPackage, Shapefile, zipped Shapefile, GeoJSON, KML, FlatGeobuf) as features in
the map CRS, read with geopandas + pyogrio (imported here, when a file is opened).

The CRS the file states is used. A file that states none is taken as lon/lat WGS84 or as map
metres when its coordinates can only be that, with a note saying so. Lon/lat copied from Amap or
Baidu are in GCJ-02 / BD-09 although the file says WGS84: `coords` converts them first.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely

from hzmap.model.geo import chinacrs
from hzmap.model.geo.geodata import MAP_CRS
from hzmap.model.layers.errors import LayerError, regular_file

FAMILIES = {"Point": "points", "MultiPoint": "points", "LineString": "lines",
            "MultiLineString": "lines", "LinearRing": "lines", "Polygon": "areas", "MultiPolygon": "areas"}
# lon/lat of China, and map metres (EPSG:4549) of the wider Hangzhou region, for files with no CRS
_CHINA_LONLAT = (73.0, 3.0, 136.0, 54.0)
_MAP_METRES = (200_000.0, 3_100_000.0, 600_000.0, 3_500_000.0)


@dataclass
class VectorRead:
    frame: object                  # GeoDataFrame in MAP_CRS, index = feature number in the file (1-based)
    sublayer: str | None
    sublayers: list[str]
    crs_stated: str                # "EPSG:4326", or "none"
    crs_used: str                  # what the coordinates were read as, in words
    notes: list[str] = field(default_factory=list)


def _errors():
    import pyogrio.errors as pe

    return (pe.DataSourceError, pe.DataLayerError, pe.CRSError, pe.FeatureError, pe.GeometryError,
            pe.FieldError, OSError, ValueError, RuntimeError)


def list_sublayers(path) -> list[tuple[str, str | None]]:
    """(name, geometry type) of each layer of a GIS file."""
    import pyogrio

    try:
        return [(str(n), None if t is None else str(t)) for n, t in pyogrio.list_layers(str(path))]
    except _errors() as exc:
        raise LayerError(path, f"cannot be read as a GIS file: {_reason(exc)}") from None


def _reason(exc) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:300]


def _within(bounds, box) -> bool:
    x0, y0, x1, y1 = bounds
    return box[0] <= x0 and x1 <= box[2] and box[1] <= y0 and y1 <= box[3]


def read_vector(path, fmt: str, sublayer: str | None = None, coords: str | None = None) -> VectorRead:
    import geopandas as gpd

    regular_file(path)
    layers = list_sublayers(path)
    names = [n for n, _t in layers]
    notes: list[str] = []
    if not layers:
        raise LayerError(path, "has no layers")
    if sublayer is None:
        with_geom = [n for n, t in layers if t is not None] or names
        sublayer = with_geom[0]
        if len(layers) > 1:
            notes.append(f"the file has {len(layers)} layers ({', '.join(names)}); showing {sublayer!r}")
    elif sublayer not in names:
        raise LayerError(path, f"has no layer {sublayer!r} (layers: {', '.join(names)})")
    try:
        frame = gpd.read_file(str(path), layer=sublayer, engine="pyogrio")
    except _errors() as exc:
        raise LayerError(path, f"cannot be read: {_reason(exc)}") from None
    if not isinstance(frame, gpd.GeoDataFrame) or frame.geometry.name not in frame:
        raise LayerError(path, f"layer {sublayer!r} has no geometries (is it a plain table?)")
    frame.index = np.arange(1, len(frame) + 1)
    frame.index.name = "feature"
    geoms = shapely.force_2d(np.asarray(frame.geometry.values, dtype=object))
    stated = frame.crs
    crs_stated = stated.to_string() if stated is not None else "none"
    filled = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    if stated is None and filled.size:
        bounds = shapely.total_bounds(filled)
        if _within(bounds, _CHINA_LONLAT):
            stated, how = "EPSG:4326", "lon/lat WGS84 (the file states no CRS; its numbers are lon/lat)"
        elif _within(bounds, _MAP_METRES):
            stated, how = MAP_CRS, f"{MAP_CRS} map metres (the file states no CRS; its numbers fit the map's)"
        else:
            raise LayerError(path, "states no coordinate system, and its coordinates are neither lon/lat "
                                   "nor the map's metres (add a .prj or save it with a CRS)")
        notes.append(f"read as {how}")
    else:
        how = crs_stated if crs_stated == MAP_CRS else f"{crs_stated}, converted to the map's {MAP_CRS} metres"
    if coords not in (None, "wgs84"):
        import pyproj

        crs = pyproj.CRS.from_user_input(stated) if stated is not None else None
        if crs is None or not crs.is_geographic:
            raise LayerError(path, f"is in {crs_stated} (projected); {coords.upper()} applies to lon/lat only")
        lonlat = shapely.transform(geoms, lambda xy: chinacrs.to_wgs84(xy, coords))
        geoms = lonlat
        how = (f"{chinacrs.SYSTEMS[coords]} lon/lat (the file states {crs_stated}), converted to "
               f"the map's {MAP_CRS} metres through WGS84")
        stated = "EPSG:4326"
    frame = gpd.GeoDataFrame(frame.drop(columns=frame.geometry.name), geometry=geoms, crs=stated)
    if stated is not None:
        try:
            frame = frame.to_crs(MAP_CRS)
        except Exception as exc:  # pyproj cannot use the stated CRS
            raise LayerError(path, f"its coordinate system {crs_stated} cannot be converted: {_reason(exc)}") from None
    return VectorRead(frame, sublayer, names, crs_stated, how, notes)


def geometry_family(path, geoms: np.ndarray, rows) -> tuple[str, np.ndarray, list[str]]:
    """("points" | "lines" | "areas", mask of drawable features, notes); LayerError for a layer
    with no geometry or with several kinds (a layer draws one kind)."""
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    types = shapely.get_type_id(geoms)
    names = np.array(["Point", "LineString", "LinearRing", "Polygon", "MultiPoint", "MultiLineString",
                      "MultiPolygon", "GeometryCollection"], dtype=object)
    fam = np.array([FAMILIES.get(names[t], "collection") if t >= 0 else "" for t in types], dtype=object)
    fam[missing] = ""
    present = {f: int(np.count_nonzero(fam == f)) for f in ("points", "lines", "areas", "collection")}
    present = {f: n for f, n in present.items() if n}
    if not present:
        raise LayerError(path, f"has {len(geoms)} feature(s) and none has a geometry")
    if len(present) > 1 or "collection" in present:
        kinds = ", ".join(f"{n} {f if f != 'collection' else 'geometry collections'}" for f, n in present.items())
        raise LayerError(path, f"mixes kinds of geometry ({kinds}); a layer shows one kind: "
                               "split the file, or choose one of its layers")
    notes = []
    if missing.any():
        listed = ", ".join(str(r) for r in np.asarray(rows)[missing][:20])
        notes.append(f"{int(missing.sum())} feature(s) have no geometry and are not drawn "
                     f"(feature/row {listed}{' …' if missing.sum() > 20 else ''})")
    return next(iter(present)), ~missing, notes
