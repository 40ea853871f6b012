"""What each GIS format's reader hands back (RawLayer), and what they share: WKB to shapely,
attribute columns typed from their values. No Qt.

The readers (gpkg.py, shapefile.py, geojson.py, kml.py, fgb.py) are hzmap's own, on sqlite3,
numpy, json and lxml: GDAL (84 MB of the offline bundle with PROJ's database) is not needed to
read the five formats hzmap opens. A reader raises GisReadError for a file it cannot read;
hzmap.model.layers.vector turns it into a LayerError naming the file.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

import numpy as np
import shapely

#: geometry type names as GDAL gives them (sublayer lists show them)
TYPE_NAMES = {"POINT": "Point", "LINESTRING": "LineString", "POLYGON": "Polygon", "MULTIPOINT": "MultiPoint",
              "MULTILINESTRING": "MultiLineString", "MULTIPOLYGON": "MultiPolygon",
              "GEOMETRYCOLLECTION": "GeometryCollection", "GEOMETRY": "Unknown"}
#: features in a file at most (a stated count beyond it is refused before anything is read)
MAX_FEATURES = 20_000_000


class GisReadError(ValueError):
    """A GIS file that cannot be read; the text says why (without the file's name)."""


@dataclass
class RawLayer:
    geoms: np.ndarray | None          # shapely geometries, 2D, None where a feature has none;
    #                                   None: a table without geometries
    broken: np.ndarray                # 1-based numbers of the features whose geometry is unreadable
    columns: dict[str, np.ndarray]    # attribute name -> values, one per feature
    numeric: list[str]                # the columns the file types as numbers
    crs: str | None                   # the CRS the file states (EPSG:n or WKT), None: none
    urls: list[str] = field(default_factory=list)  # web resources the file names (never fetched)


def geometries(wkb: list) -> tuple[np.ndarray, np.ndarray]:
    """(2D shapely geometries, 1-based numbers of the broken ones) of a list of WKB (None: no
    geometry). A WKB that cannot be read (a ring of one point, cut short) is None and counted."""
    blobs = np.empty(len(wkb), dtype=object)
    blobs[:] = wkb
    geoms = np.asarray(shapely.from_wkb(blobs, on_invalid="ignore"), dtype=object)
    had = np.fromiter((w is not None for w in wkb), dtype=bool, count=len(wkb))
    broken = np.flatnonzero(had & shapely.is_missing(geoms)) + 1
    if geoms.size and shapely.has_z(geoms).any():
        geoms = np.asarray(shapely.force_2d(geoms), dtype=object)
    return geoms, broken


def single(geoms: np.ndarray) -> np.ndarray:
    """Multi-geometries of one part as that part (a shapefile or FlatGeobuf polygon layer read
    as GDAL reads it: Polygon where there is one, MultiPolygon where there are more)."""
    present = ~shapely.is_missing(geoms)
    multi = present & np.isin(shapely.get_type_id(geoms), (4, 5, 6)) & (shapely.get_num_geometries(geoms) == 1)
    if multi.any():
        geoms = geoms.copy()
        geoms[multi] = shapely.get_geometry(geoms[multi], 0)
    return geoms


def _text(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def column(values: list) -> tuple[np.ndarray, bool]:
    """(array, numeric) of one attribute's values as read (None: null), typed as GDAL types a
    GeoJSON property: integers, reals (integers among them), booleans, else text."""
    kinds = {type(v) for v in values if v is not None}
    if kinds and kinds <= {int, bool} and kinds != {int, bool}:
        if kinds == {bool}:
            if None not in values:
                return np.array(values, dtype=bool), False
        elif all(v is None or -(1 << 63) <= v < (1 << 63) for v in values):
            if None not in values:
                return np.array(values, dtype=np.int64), True
            return np.array([np.nan if v is None else v for v in values], dtype=float), True
    if kinds and kinds <= {int, float}:
        return np.array([np.nan if v is None else float(v) for v in values], dtype=float), True
    out = np.empty(len(values), dtype=object)
    out[:] = [None if v is None else _text(v) for v in values]
    return out, False
