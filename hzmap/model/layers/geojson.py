"""A planner's GeoJSON read with json and shapely. No Qt.

A FeatureCollection, one Feature or one bare geometry. Its CRS is WGS84 lon/lat (RFC 7946), or
the old-style "crs" member's name (urn:ogc:def:crs:EPSG::4549); a "crs" that links to a web
resource is not fetched, the file is read as WGS84 and the link is reported (RawLayer.urls).
Properties become columns typed from their values (integers, reals, true/false, else text;
an object or a list is kept as its JSON text). A geometry GEOS cannot build (a ring of one
point) is a broken geometry, counted, not a reason to refuse the file. TopoJSON and ArcGIS's
Esri JSON, which GDAL also read, are refused with a message saying to save the file as GeoJSON.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import shapely

from hzmap.model.layers.gisraw import MAX_FEATURES, GisReadError, RawLayer, column

_GEOMETRIES = {"Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon",
               "GeometryCollection"}


def _load(path: Path):
    try:
        with open(path, "rb") as fh:
            return json.loads(fh.read())
    except (ValueError, RecursionError) as exc:
        text = str(exc) if not isinstance(exc, RecursionError) else "nested too deeply"
        raise GisReadError(f"is not valid JSON ({text[:160]})") from None
    except OSError as exc:
        raise GisReadError(f"cannot be read ({exc.strerror or exc})") from None


def _features(doc) -> list:
    if not isinstance(doc, dict):
        raise GisReadError("is JSON but not GeoJSON (it is not an object)")
    kind = doc.get("type")
    if kind == "FeatureCollection":
        features = doc.get("features")
        if not isinstance(features, list):
            raise GisReadError("is a FeatureCollection without a list of features")
        return features
    if kind == "Feature":
        return [doc]
    if kind in _GEOMETRIES:
        return [{"type": "Feature", "geometry": doc, "properties": {}}]
    if kind == "Topology":
        raise GisReadError("is TopoJSON, which hzmap does not read: save it as GeoJSON (in QGIS or mapshaper)")
    if "features" in doc and ("geometryType" in doc or "spatialReference" in doc):
        raise GisReadError("is Esri JSON (ArcGIS's own), which hzmap does not read: save it as GeoJSON")
    raise GisReadError(f"is JSON but not GeoJSON (its type is {str(kind)[:40]!r}, not FeatureCollection)")


def _crs(doc, urls: list[str]) -> str:
    crs = doc.get("crs") if isinstance(doc, dict) else None
    if not isinstance(crs, dict):
        return "EPSG:4326"
    props = crs.get("properties") if isinstance(crs.get("properties"), dict) else {}
    if crs.get("type") == "name" and isinstance(props.get("name"), str):
        name = props["name"].strip()
        if name.upper().endswith(("CRS84", "CRS:84")):
            return "EPSG:4326"
        return name
    if crs.get("type") == "link" and isinstance(props.get("href"), str):
        urls.append(props["href"][:200])
    return "EPSG:4326"


def _point_xy(geoms: list) -> np.ndarray | None:
    """(n, 2) coordinates when every geometry is a plain 2- or 3-number Point, else None."""
    try:
        xy = np.array([g["coordinates"][:2] for g in geoms if g["type"] == "Point"], dtype=float)
    except (TypeError, KeyError, ValueError, IndexError):
        return None
    return xy if xy.shape == (len(geoms), 2) else None


def _areas(geoms: list) -> np.ndarray | None:
    """Polygons and multipolygons made at once (a ragged array), when every geometry is one with
    closed rings of at least 4 positions of the same dimension; else None (GEOS's GeoJSON reader
    then reads each, and says which it cannot)."""
    coords, rings, polys, multis, single = [], [0], [0], [0], []
    try:
        for g in geoms:
            kind = g["type"]
            parts = [g["coordinates"]] if kind == "Polygon" else g["coordinates"] if kind == "MultiPolygon" else None
            if parts is None:
                return None
            single.append(kind == "Polygon")
            for poly in parts:
                for ring in poly:
                    if len(ring) < 4 or ring[0] != ring[-1]:
                        return None
                    coords.extend(ring)
                    rings.append(rings[-1] + len(ring))
                polys.append(polys[-1] + len(poly))
            multis.append(multis[-1] + len(parts))
        xy = np.array(coords, dtype=float)
    except (TypeError, KeyError, ValueError, AttributeError, IndexError):
        return None
    if xy.ndim != 2 or xy.shape[1] < 2 or not np.isfinite(xy[:, :2]).all():
        return None
    offsets = tuple(np.array(o, dtype=np.int64) for o in (rings, polys, multis))
    made = shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, np.ascontiguousarray(xy[:, :2]), offsets)
    one = np.array(single, dtype=bool) & (shapely.get_num_geometries(made) == 1)
    made[one] = shapely.get_geometry(made[one], 0)
    return made


def _geometries(raw: list) -> tuple[np.ndarray, np.ndarray]:
    n = len(raw)
    geoms = np.full(n, None, dtype=object)
    present = [i for i, g in enumerate(raw) if g is not None]
    bad = [i for i in present if not isinstance(raw[i], dict)]
    good = [i for i in present if isinstance(raw[i], dict)]
    if good:
        xy = _point_xy([raw[i] for i in good])
        areas = _areas([raw[i] for i in good]) if xy is None else None
        if xy is not None:
            geoms[good] = shapely.points(xy)
        elif areas is not None:
            geoms[good] = areas
        else:
            text = np.array([json.dumps(raw[i]) for i in good], dtype=object)
            geoms[good] = shapely.from_geojson(text, on_invalid="ignore")
            if shapely.has_z(geoms[good]).any():
                geoms[good] = shapely.force_2d(geoms[good])
    missing = [i for i in good if geoms[i] is None]
    return geoms, np.array(sorted(bad + missing), dtype=int) + 1


def layers(path) -> list[tuple[str, str | None]]:
    """One layer, named as the file (read when the layer is: parsing it twice would double the
    time of a large file)."""
    return [(Path(path).stem, "Unknown")]


def read(path) -> RawLayer:
    doc = _load(Path(path))
    features = _features(doc)
    if len(features) > MAX_FEATURES:
        raise GisReadError(f"has {len(features):,} features; hzmap reads at most {MAX_FEATURES:,}")
    urls: list[str] = []
    crs = _crs(doc, urls)
    raw, props = [], []
    for f in features:
        f = f if isinstance(f, dict) else {}
        raw.append(f.get("geometry"))
        p = f.get("properties")
        props.append(p if isinstance(p, dict) else {})
    names = list(dict.fromkeys(k for p in props for k in p))
    columns, numeric = {}, []
    for name in names:
        values, is_number = column([p.get(name) for p in props])
        columns[str(name)] = values
        if is_number:
            numeric.append(str(name))
    geoms, broken = _geometries(raw)
    return RawLayer(geoms, broken, columns, numeric, crs, urls)
