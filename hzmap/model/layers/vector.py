"""GIS files (GeoPackage, Shapefile, zipped Shapefile, GeoJSON, KML, FlatGeobuf) as features in
the map CRS, read by hzmap's own readers (gpkg.py on sqlite3, shp.py and dbfrows.py on numpy,
geojson.py on json, kml.py on lxml, fgb.py by hand; gisraw.py for what they share) into shapely
geometries and a Frame of attributes (hzmap.model.layers.frame), as tables are: no GDAL (84 MB
of the offline bundle with PROJ's database), no pandas and no geopandas. These run in the reader
process (hzmap.model.layers.reading), each file's content is checked against its format first
(sniff.py), and a zip is unpacked by hzmap into plain files (archive.py).

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
from hzmap.model.layers import archive, dbf, fgb, geojson, gpkg, kml, shp, sniff
from hzmap.model.layers.errors import LayerError, regular_file
from hzmap.model.layers.gisraw import GisReadError

#: format -> its reader (each with layers(path) and read(...) -> gisraw.RawLayer)
READERS = {"gpkg": gpkg, "shp": shp, "geojson": geojson, "kml": kml, "fgb": fgb}

FAMILIES = {"Point": "points", "MultiPoint": "points", "LineString": "lines",
            "MultiLineString": "lines", "LinearRing": "lines", "Polygon": "areas", "MultiPolygon": "areas"}
# lon/lat of China, and map metres (EPSG:4549) of the wider Hangzhou region, for files with no CRS
_CHINA_LONLAT = (73.0, 3.0, 136.0, 54.0)
_MAP_METRES = (200_000.0, 3_100_000.0, 600_000.0, 3_500_000.0)


@dataclass
class VectorRead:
    geoms: np.ndarray              # shapely geometries in MAP_CRS, 2D (None where a feature has none)
    table: object                  # Frame of the attributes, index = feature number in the file (1-based)
    numeric: list[str]             # the attribute columns the file types as numbers
    sublayer: str | None
    sublayers: list[str]
    crs_stated: str                # "EPSG:4326", or "none"
    crs_used: str                  # what the coordinates were read as, in words
    notes: list[str] = field(default_factory=list)


def _errors():
    import sqlite3
    import struct

    return (GisReadError, sqlite3.Error, struct.error, OSError, ValueError, IndexError, RuntimeError)


def _problem(exc, gis: archive.GisFile, workdir, path) -> str:
    """What went wrong, naming the member of a zip it is about."""
    text = _reason(exc)
    if gis.path != path and workdir is not None:
        text = f"'{gis.path.relative_to(workdir).as_posix()}' {text}"
    return text


def _layers_of(path, gis: archive.GisFile, workdir) -> list[tuple[str, str | None]]:
    try:
        sniff.check(gis.path, gis.fmt)
    except LayerError as exc:
        if gis.path == path:
            raise
        raise LayerError(path, f"'{gis.path.relative_to(workdir).as_posix()}' {exc.problem}") from None
    if gis.fmt == "shp" and dbf.sidecar(gis.path, ".shx") is None:
        raise LayerError(path, f"{gis.path.stem}.shx is missing beside {gis.path.name}: a shapefile "
                               "needs its .shp, .shx and .dbf (and .prj for its coordinate system)")
    try:
        return READERS[gis.fmt].layers(gis.path)
    except _errors() as exc:
        raise LayerError(path, f"cannot be read as a GIS file: {_problem(exc, gis, workdir, path)}") from None


def _sublayers(path, fmt, workdir):
    """([(name, geometry type)], {name: (GisFile, its layer name)}) of a GIS file or zip."""
    files = archive.gis_files(path, fmt, workdir)
    if len(files) == 1:
        layers = _layers_of(path, files[0], workdir)
        return layers, {n: (files[0], n) for n, _t in layers}
    layers, where = [], {}
    for gis in files:
        inner = _layers_of(path, gis, workdir)
        if inner:
            layers.append((gis.name, inner[0][1]))
            where[gis.name] = (gis, inner[0][0])
    return layers, where


def list_sublayers(path, fmt: str | None = None, workdir=None) -> list[tuple[str, str | None]]:
    """(name, geometry type) of each layer of a GIS file (of each GIS file in a zip)."""
    from hzmap.model.layers.source import detect_format

    regular_file(path)
    return _sublayers(path, fmt or detect_format(path), workdir)[0]


def _reason(exc) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:300]


def _within(bounds, box) -> bool:
    x0, y0, x1, y1 = bounds
    return box[0] <= x0 and x1 <= box[2] and box[1] <= y0 and y1 <= box[3]


def read_vector(path, fmt: str, sublayer: str | None = None, coords: str | None = None,
                workdir=None) -> VectorRead:
    """The features of one layer of a GIS file, in the map CRS. `workdir`: a folder to unpack a
    zipped file into (the caller removes it)."""
    path = regular_file(path)
    layers, where = _sublayers(path, fmt, workdir)
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
    gis, inner = where[sublayer]
    encoding = None
    if gis.fmt == "shp":
        encoding, found = dbf.encoding_of(gis.path)
        notes += dbf.missing_parts(gis.path) + found
    found = _features(path, gis, inner, encoding, workdir)
    if found is None:
        raise LayerError(path, f"layer {sublayer!r} has no geometries (is it a plain table?)")
    geoms, table, numeric, stated, broken, urls = found
    if urls:
        notes.append(f"the file names web resources ({', '.join(sorted(set(urls))[:3])}); hzmap fetches "
                     "nothing for a file, so they were not read")
    if broken.size:
        notes.append(f"{broken.size} feature(s) have a broken geometry (such as a ring of one point), read as "
                     f"none (feature "
                     f"{', '.join(map(str, broken[:20]))}{' …' if broken.size > 20 else ''})")
    crs_stated = _crs_name(stated) if stated is not None else "none"
    filled = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    if stated is None and filled.size:
        bounds = shapely.total_bounds(filled)
        if _within(bounds, _CHINA_LONLAT):
            stated, how = _crs(path, "EPSG:4326"), "lon/lat WGS84 (the file states no CRS; its numbers are lon/lat)"
        elif _within(bounds, _MAP_METRES):
            stated, how = _crs(path, MAP_CRS), f"{MAP_CRS} map metres (the file states no CRS; its numbers fit the map's)"
        else:
            raise LayerError(path, "states no coordinate system, and its coordinates are neither lon/lat "
                                   "nor the map's metres (add a .prj or save it with a CRS)")
        notes.append(f"read as {how}")
    else:
        how = crs_stated if crs_stated == MAP_CRS else f"{crs_stated}, converted to the map's {MAP_CRS} metres"
    if coords not in (None, "wgs84"):
        if stated is None or not stated.is_geographic:
            raise LayerError(path, f"is in {crs_stated} (projected); {coords.upper()} applies to lon/lat only")
        geoms = shapely.transform(geoms, lambda xy: chinacrs.to_wgs84(xy, coords))
        how = (f"{chinacrs.SYSTEMS[coords]} lon/lat (the file states {crs_stated}), converted to "
               f"the map's {MAP_CRS} metres through WGS84")
        stated = _crs(path, "EPSG:4326")
    if stated is not None:
        geoms = _to_map(path, geoms, stated, crs_stated)
    return VectorRead(geoms, table, numeric, sublayer, names, crs_stated, how, notes)


def _crs_name(crs) -> str:
    """EPSG:4549 for a CRS an authority names (a .prj's ESRI WKT too), else its name."""
    try:
        found = crs.to_authority(min_confidence=70)
    except Exception:  # noqa: BLE001 - pyproj could not match it: its name says enough
        found = None
    return f"{found[0]}:{found[1]}" if found else (crs.name or "a coordinate system of its own")


def _crs(path, text):
    """The CRS a file states (pyproj), or None when it states none."""
    if not text:
        return None
    import pyproj

    try:
        crs = pyproj.CRS.from_user_input(text)
        name = _crs_name(crs) if not text.upper().startswith("EPSG:") else text
        # a .prj's ESRI WKT of an EPSG system: that system, as GDAL identifies it (and PROJ
        # builds its transformation ten times faster from the code than from the WKT)
        return pyproj.CRS.from_user_input(name) if name != text and name.startswith("EPSG:") else crs
    except pyproj.exceptions.CRSError as exc:
        raise LayerError(path, f"its coordinate system cannot be read: {_reason(exc)}") from None


def _to_map(path, geoms: np.ndarray, crs, crs_stated: str) -> np.ndarray:
    """`geoms` from `crs` into the map's, the way geopandas' to_crs does it (PROJ, x then y)."""
    import pyproj

    try:
        transformer = pyproj.Transformer.from_crs(crs, MAP_CRS, always_xy=True)
        present = ~shapely.is_missing(geoms)
        out = geoms.copy()
        xy = shapely.get_coordinates(geoms[present])
        x, y = transformer.transform(xy[:, 0], xy[:, 1], errcheck=False)
        out[present] = shapely.set_coordinates(geoms[present].copy(), np.column_stack([x, y]))
        return out
    except Exception as exc:  # noqa: BLE001 - pyproj cannot use the stated CRS
        raise LayerError(path, f"its coordinate system {crs_stated} cannot be converted: {_reason(exc)}") from None


def _features(path, gis, inner, encoding, workdir):
    """(geometries, a Frame of the attributes with index = feature number from 1, the columns
    the file types as numbers, the CRS it states, the numbers of features whose geometry could
    not be read, the web resources it names), or None without geometries. A broken geometry (a
    ring of one point) is left out and counted, not a reason to refuse the file."""
    import gc

    from hzmap.model.layers.frame import Frame

    collecting = gc.isenabled()
    gc.disable()  # a read makes millions of objects and no cycle: the collector would walk them all
    try:
        if gis.fmt in ("gpkg", "kml"):
            raw = READERS[gis.fmt].read(gis.path, inner)
        elif gis.fmt == "shp":
            raw = shp.read(gis.path, encoding)
        else:
            raw = READERS[gis.fmt].read(gis.path)
    except _errors() as exc:
        raise LayerError(path, f"cannot be read: {_problem(exc, gis, workdir, path)}") from None
    finally:
        if collecting:
            gc.enable()
    if raw.geoms is None:
        return None
    table = Frame.from_columns(raw.columns, range(1, len(raw.geoms) + 1))
    return raw.geoms, table, raw.numeric, _crs(path, raw.crs), raw.broken, raw.urls


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
