"""A planner's shapefile read with numpy: the .shp's geometries (where the .shx says each record
is), the .dbf's attributes (hzmap.model.layers.dbfrows) and the .prj's CRS. No Qt.

Written here rather than with pyshp (pure Python, well kept) because pyshp builds a Python
object per feature: 100,000 points took 2.0 s there, against a tenth of that with the records'
coordinates gathered by numpy. Only x and y are read (a Z or M is dropped, as hzmap draws in 2D).
A polygon's rings are grouped as the format says: an outer ring runs clockwise, the holes after
it anticlockwise (one that lies inside another outer of the same record goes to that one). A
record whose rings have fewer than 3 points, or that runs past the end of the file, is a broken
geometry: counted and named, not a reason to refuse the file.
"""
from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import shapely

from hzmap.model.layers import dbf, dbfrows, shp_areas
from hzmap.model.layers.gisraw import MAX_FEATURES, GisReadError, RawLayer, single

_POINT, _LINE, _POLYGON, _MULTIPOINT = (1, 11, 21), (3, 13, 23), (5, 15, 25), (8, 18, 28)
_NAMES = {1: "Point", 3: "LineString", 5: "Polygon", 8: "MultiPoint"}


def _read(path: Path, limit: int | None = None) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read() if limit is None else fh.read(limit)
    except OSError as exc:
        raise GisReadError(f"{path.name} cannot be read ({exc.strerror or exc})") from None


def _header(data: bytes, name: str) -> int:
    if len(data) < 100 or data[:4] != b"\x00\x00\x27\x0a":
        raise GisReadError(f"{name} is not a shapefile part (its header is missing or cut short)")
    return struct.unpack_from("<i", data, 32)[0]


def layers(path) -> list[tuple[str, str | None]]:
    path = Path(path)
    kind = _header(_read(path, 100), path.name)
    return [(path.stem, _NAMES.get(kind % 10 if kind != 31 else 31, "Unknown") if kind else "None")]


def _offsets(shx: Path, size: int) -> tuple[np.ndarray, np.ndarray]:
    data = _read(shx)
    _header(data, shx.name)
    count = (len(data) - 100) // 8
    if count > MAX_FEATURES:
        raise GisReadError(f"{shx.name} lists {count:,} features; hzmap reads at most {MAX_FEATURES:,}")
    index = np.frombuffer(data, dtype=">i4", count=2 * count, offset=100).reshape(-1, 2).astype(np.int64) * 2
    return index[:, 0], index[:, 1]


def _points(data: bytes, starts: np.ndarray) -> np.ndarray:
    """(n, 2) x, y of point records starting (after their 8-byte record header) at `starts`."""
    buf = np.frombuffer(data, dtype=np.uint8)
    at = (starts + 4)[:, None] + np.arange(16)
    return buf[at].copy().view("<f8").reshape(-1, 2)


def _rings(xy: np.ndarray, parts: np.ndarray):
    """The closed rings of one record's points (None if one has fewer than 3 points)."""
    bounds = list(parts) + [len(xy)]
    rings = []
    for a, b in zip(bounds[:-1], bounds[1:]):
        if not 0 <= a < b <= len(xy):
            return None
        ring = xy[a:b]
        if len(ring) < 3:
            return None
        if (ring[0] != ring[-1]).any():
            ring = np.vstack([ring, ring[:1]])
        if len(ring) < 4:
            return None
        rings.append(ring)
    return rings


def _area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1])) / 2


def _polygons(rings: list[np.ndarray]) -> list[list[np.ndarray]]:
    """Rings grouped into polygons [outer, hole, ...]: clockwise outers, holes after them."""
    polys: list[list[np.ndarray]] = []
    holes = []
    for ring in rings:
        if _area(ring) <= 0 or not polys:
            polys.append([ring])
        else:
            holes.append((len(polys) - 1, ring))
    if len(polys) > 1 and holes:
        outers = shapely.polygons([p[0] for p in polys])
        for i, (before, ring) in enumerate(holes):
            inside = np.flatnonzero(shapely.contains_xy(outers, ring[0, 0], ring[0, 1]))
            holes[i] = (int(inside[-1]) if inside.size else before, ring)
    for at, ring in holes:
        polys[at].append(ring)
    return polys


def _shape(data: bytes, start: int, length: int):
    """(geometry or None, broken) of the record whose content starts at `start`."""
    end = start + length
    if length < 4 or end > len(data):
        return None, length >= 4 or start < len(data)
    kind = struct.unpack_from("<i", data, start)[0]
    if kind == 0:
        return None, False
    if kind in _POINT:
        if length < 20:
            return None, True
        return shapely.Point(struct.unpack_from("<2d", data, start + 4)), False
    if kind in _MULTIPOINT:
        n = struct.unpack_from("<i", data, start + 36)[0] if length >= 40 else -1
        if n < 0 or start + 40 + 16 * n > end:
            return None, True
        return shapely.multipoints(np.frombuffer(data, "<f8", 2 * n, start + 40).reshape(-1, 2)), False
    if kind not in _LINE + _POLYGON or length < 44:
        return None, True
    nparts, npoints = struct.unpack_from("<2i", data, start + 36)
    at = start + 44 + 4 * nparts
    if nparts < 1 or npoints < 0 or at + 16 * npoints > end:
        return None, True
    parts = np.frombuffer(data, "<i4", nparts, start + 44)
    xy = np.frombuffer(data, "<f8", 2 * npoints, at).reshape(-1, 2)
    if kind in _LINE:
        bounds = list(parts) + [npoints]
        if any(not 0 <= a < b - 1 < npoints for a, b in zip(bounds[:-1], bounds[1:])):
            return None, True
        return shapely.multilinestrings([xy[a:b] for a, b in zip(bounds[:-1], bounds[1:])]), False
    rings = _rings(xy, parts)
    if rings is None:
        return None, True
    return _polygons(rings), False


def _geometries(shp: Path, shx: Path) -> tuple[np.ndarray, np.ndarray]:
    data = _read(shp)
    _header(data, shp.name)
    offsets, lengths = _offsets(shx, len(data))
    n = len(offsets)
    geoms = np.full(n, None, dtype=object)
    broken = np.zeros(n, dtype=bool)
    starts = offsets + 8
    if n and (starts + lengths <= len(data)).all() and (lengths >= 20).all():
        kinds = np.frombuffer(data, dtype=np.uint8)[(starts[:, None] + np.arange(4))].copy().view("<i4").ravel()
        if np.isin(kinds, _POINT).all():  # a point layer: all at once
            geoms[:] = shapely.points(_points(data, starts))
            return geoms, broken
    areas: list[shp_areas.Record] = []
    unpack = struct.unpack_from
    for i, (start, length) in enumerate(zip(starts.tolist(), lengths.tolist())):
        if 44 <= length and start + length <= len(data) and unpack("<i", data, start)[0] in _POLYGON:
            nparts, npoints = unpack("<2i", data, start + 36)
            at = start + 44 + 4 * nparts
            if nparts >= 1 and npoints >= 0 and at + 16 * npoints <= start + length:
                areas.append((i, start + 44, nparts, at, npoints))  # made with the others, at once
                continue
        geoms[i], broken[i] = _shape(data, start, length)
    done, made, bad, later = shp_areas.made(data, areas)
    if done:
        geoms[done] = made
    broken[bad] = True
    for i, *_rest in later:  # several outer rings and holes: each hole to the outer holding it
        polys, broken[i] = _shape(data, int(starts[i]), int(lengths[i]))
        geoms[i] = shapely.MultiPolygon([shapely.Polygon(p[0], p[1:]) for p in polys]) if polys else None
    return single(geoms), broken


def _codec(encoding: str | None) -> str | None:
    return {"UTF-8": "utf-8", "GB18030": "gb18030"}.get(encoding or "", encoding)


def read(path, encoding: str | None) -> RawLayer:
    """The shapefile `path` (.shp, with its .shx; the .dbf and .prj when they are there)."""
    path = Path(path)
    shx = dbf.sidecar(path, ".shx")
    if shx is None:
        raise GisReadError(f"{path.stem}.shx is missing beside {path.name}")
    geoms, broken = _geometries(path, shx)
    columns, numeric = {}, []
    table = dbf.sidecar(path, ".dbf")
    if table is not None:
        columns, numeric, deleted = dbfrows.records(table, _codec(encoding) or dbfrows.text_encoding(path), len(geoms))
        if deleted.any():
            keep = ~deleted
            geoms, broken = geoms[keep], broken[keep]
    prj = dbf.sidecar(path, ".prj")
    crs = None
    if prj is not None:
        text = _read(prj, 1 << 20).decode("utf-8", "replace").strip()
        crs = text or None
    return RawLayer(geoms, np.flatnonzero(broken) + 1, columns, numeric, crs)
