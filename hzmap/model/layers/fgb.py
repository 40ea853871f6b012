"""A planner's FlatGeobuf file read by hand: its header and features. No Qt.

FlatGeobuf (flatgeobuf.org, BSD-2) is "fgb" and a version byte, a FlatBuffers header (name,
geometry type, columns, feature count, index node size, CRS), an optional packed Hilbert R-tree
(skipped: its size follows from the count and node size), then each feature as a 4-byte size and
a FlatBuffers table (a geometry of `ends`, `xy` and `parts`; properties as column number and
value). The few FlatBuffers tables are read here (`_Table`) rather than with the `flatbuffers`
package and code generated from the schema, or the `flatgeobuf` package (one release, 2024):
about 60 lines, every offset checked against the buffer. Only x and y are read.
"""
from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import shapely

from hzmap.model.layers.gisraw import MAX_FEATURES, GisReadError, RawLayer, column

_MAGIC = b"fgb\x03fgb"
_NAMES = {0: "Unknown", 1: "Point", 2: "LineString", 3: "Polygon", 4: "MultiPoint", 5: "MultiLineString",
          6: "MultiPolygon", 7: "GeometryCollection"}
#: column type -> (struct format, size) of a fixed-size value; the rest carry a uint32 length
_FIXED = {0: ("<b", 1), 1: ("<B", 1), 2: ("<?", 1), 3: ("<h", 2), 4: ("<H", 2), 5: ("<i", 4), 6: ("<I", 4),
          7: ("<q", 8), 8: ("<Q", 8), 9: ("<f", 4), 10: ("<d", 8)}
_NUMBERS = set(range(3, 11)) | {0, 1}
_U16, _U32, _I32 = (struct.Struct(f).unpack_from for f in ("<H", "<I", "<i"))


class _Table:
    """A FlatBuffers table at `pos` of `buf`: its fields by number (absent: the default)."""

    __slots__ = ("buf", "pos", "vt", "vt_size")

    def __init__(self, buf: bytes, pos: int) -> None:
        if pos < 0 or pos + 4 > len(buf):
            raise GisReadError("is damaged (a table lies outside the file)")
        self.buf, self.pos = buf, pos
        self.vt = pos - _I32(buf, pos)[0]
        if self.vt < 0:
            raise GisReadError("is damaged (a table's layout lies outside the file)")
        self.vt_size = _U16(buf, self.vt)[0]

    def _at(self, field: int) -> int:
        slot = 4 + 2 * field
        if slot + 2 > self.vt_size:
            return 0
        off = _U16(self.buf, self.vt + slot)[0]
        return self.pos + off if off else 0

    def scalar(self, field: int, fmt: str, default=0):
        at = self._at(field)
        return struct.unpack_from(fmt, self.buf, at)[0] if at else default

    def _target(self, field: int) -> int:
        at = self._at(field)
        return at + _U32(self.buf, at)[0] if at else 0

    def span(self, field: int, size: int) -> tuple[int, int]:
        """(where, how many) of a vector of `size`-byte items; (0, 0) when absent."""
        at = self._target(field)
        if not at:
            return 0, 0
        n = _U32(self.buf, at)[0]
        if at + 4 + n * size > len(self.buf):
            raise GisReadError("is damaged (a vector runs past the end of the file)")
        return at + 4, n

    def vector(self, field: int, dtype: str) -> np.ndarray | None:
        at, n = self.span(field, np.dtype(dtype).itemsize)
        return np.frombuffer(self.buf, dtype, n, at) if at else None

    def string(self, field: int) -> str | None:
        raw = self.vector(field, "u1")
        return None if raw is None else raw.tobytes().decode("utf-8", "replace")

    def table(self, field: int) -> _Table | None:
        at = self._target(field)
        return _Table(self.buf, at) if at else None

    def tables(self, field: int) -> list[_Table]:
        at = self._target(field)
        if not at:
            return []
        n = struct.unpack_from("<I", self.buf, at)[0]
        if at + 4 + 4 * n > len(self.buf):
            raise GisReadError("is damaged (a vector runs past the end of the file)")
        slots = [at + 4 + 4 * i for i in range(n)]
        return [_Table(self.buf, s + struct.unpack_from("<I", self.buf, s)[0]) for s in slots]


def _header(data: bytes) -> tuple[_Table, int]:
    if len(data) < 12 or data[:7] != _MAGIC:
        raise GisReadError("is not a FlatGeobuf file of version 3 (its first bytes are not fgb 3)")
    size = struct.unpack_from("<I", data, 8)[0]
    if size < 8 or 12 + size > len(data):
        raise GisReadError("is cut short (its header runs past the end of the file)")
    buf = data[12:12 + size]
    return _Table(buf, struct.unpack_from("<I", buf, 0)[0]), 12 + size


def _read(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise GisReadError(f"cannot be read ({exc.strerror or exc})") from None


def layers(path) -> list[tuple[str, str | None]]:
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
            head += fh.read(struct.unpack_from("<I", head, 8)[0] if len(head) == 12 else 0)
        header, _end = _header(head)
        return [(header.string(0) or Path(path).stem, _NAMES.get(header.scalar(2, "<B"), "Unknown"))]
    except (struct.error, IndexError, OSError) as exc:
        raise GisReadError(f"is damaged or cut short ({exc})") from None


def _index_size(count: int, node_size: int) -> int:
    if node_size == 0 or count == 0:
        return 0
    node_size = max(node_size, 2)
    n, nodes = count, count
    while n != 1:
        n = -(-n // node_size)
        nodes += n
    return nodes * 40


def _rings(xy: np.ndarray, ends) -> list[np.ndarray]:
    bounds = [0] + [int(e) for e in ends] if ends is not None and len(ends) else [0, len(xy)]
    return [xy[a:b] for a, b in zip(bounds[:-1], bounds[1:])]


def _geometry(g: _Table, kind: int):
    kind = g.scalar(6, "<B", kind) or kind
    if kind in (6, 7):
        parts = [_geometry(p, 3 if kind == 6 else 0) for p in g.tables(7)]
        return shapely.MultiPolygon(parts) if kind == 6 else shapely.GeometryCollection(parts)
    flat = g.vector(1, "<f8")
    xy = np.empty((0, 2)) if flat is None else flat.reshape(-1, 2)
    ends = g.vector(0, "<u4")
    if kind == 1:
        return shapely.Point(xy[0]) if len(xy) else shapely.Point()
    if kind == 4:
        return shapely.MultiPoint(xy)
    if kind == 2:
        return shapely.LineString(xy)
    if kind == 5:
        return shapely.MultiLineString(_rings(xy, ends))
    if kind == 3:
        rings = _rings(xy, ends)
        return shapely.Polygon(rings[0], rings[1:]) if len(xy) else shapely.Polygon()
    raise ValueError(f"geometry type {kind}")


def _areas(arr: np.ndarray, areas: list) -> list[int]:
    """Put the polygons `areas` (feature, xy, ends) into `arr`, made as one ragged array; the
    features whose rings are not closed rings of 4 points or more are returned (broken)."""
    coords, rings, polys, done, bad = [], [0], [0], [], []
    for i, flat, ends in areas:
        xy = np.empty((0, 2)) if flat is None else flat.reshape(-1, 2)
        bounds = [0, len(xy)] if ends is None or not len(ends) else [0, *ends.tolist()]
        if len(xy) and (bounds[-1] != len(xy) or any(b - a < 4 or (xy[a] != xy[b - 1]).any()
                                                      for a, b in zip(bounds[:-1], bounds[1:]))):
            bad.append(i)
            continue
        if len(xy):
            coords.append(xy)
            first = rings[-1]
            rings.extend([first + b for b in bounds[1:]])
        polys.append(len(rings) - 1)
        done.append(i)
    if done:
        offsets = (np.array(rings, dtype=np.int64), np.array(polys, dtype=np.int64))
        xy = np.concatenate(coords) if coords else np.empty((0, 2))
        arr[done] = shapely.from_ragged_array(shapely.GeometryType.POLYGON, np.ascontiguousarray(xy), offsets)
    return bad


def _properties(data: bytes, at: int, end: int, types: list[int], names: list[str]) -> dict:
    values: dict = {}
    fixed, unpack = _FIXED, struct.unpack_from
    while at + 2 <= end:
        col = unpack("<H", data, at)[0]
        at += 2
        if col >= len(types):
            raise ValueError(f"a property of column {col}, which the header does not have")
        kind = types[col]
        if kind in fixed:
            fmt, size = fixed[kind]
            values[names[col]] = unpack(fmt, data, at)[0]
            at += size
        else:
            n = unpack("<I", data, at)[0]
            blob = data[at + 4:at + 4 + n]
            at += 4 + n
            values[names[col]] = blob if kind == 14 else blob.decode("utf-8", "replace")
    return values


def _crs(header: _Table) -> str | None:
    crs = header.table(10)
    if crs is None:
        return None
    code, org, wkt = crs.scalar(1, "<i"), crs.string(0), crs.string(4)
    if code > 0:
        return f"{org or 'EPSG'}:{code}"
    return wkt.strip() if wkt and wkt.strip() else None


def read(path) -> RawLayer:
    data = _read(Path(path))
    try:
        return _read_all(data)
    except (struct.error, IndexError) as exc:
        raise GisReadError(f"is damaged or cut short ({exc})") from None


def _read_all(data: bytes) -> RawLayer:
    header, at = _header(data)
    kind = header.scalar(2, "<B")
    columns = header.tables(7)
    names = [c.string(0) or f"field{i + 1}" for i, c in enumerate(columns)]
    types = [c.scalar(1, "<B") for c in columns]
    count = header.scalar(8, "<Q")
    if count > MAX_FEATURES:
        raise GisReadError(f"says it has {count:,} features; hzmap reads at most {MAX_FEATURES:,}")
    at += _index_size(count, header.scalar(9, "<H", 16))
    geoms, broken, rows, points, areas = [], [], [], [], []
    unpack = struct.unpack_from
    while at + 4 <= len(data) and (not count or len(geoms) < count):
        size = unpack("<I", data, at)[0]
        if at + 4 + size > len(data):
            raise GisReadError(f"is cut short (feature {len(geoms) + 1} runs past the end of the file)")
        if len(geoms) >= MAX_FEATURES:
            raise GisReadError(f"has more than {MAX_FEATURES:,} features; hzmap reads at most that")
        feature = _Table(data, at + 4 + unpack("<I", data, at + 4)[0])
        at += 4 + size
        try:
            where, n = feature.span(1, 1)
            rows.append(_properties(data, where, where + n, types, names) if where else {})
        except (ValueError, struct.error):
            rows.append({})
        try:
            g = feature.table(0)
            if g is not None and kind == 1 and not g.scalar(6, "<B"):  # a point: made with the rest, at once
                where, n = g.span(1, 8)
                geoms.append(None)
                points.append((len(geoms) - 1, unpack("<2d", data, where) if n >= 2 else (np.nan, np.nan)))
            elif g is not None and kind == 3 and not g.scalar(6, "<B") and not g.span(7, 4)[1]:
                geoms.append(None)  # a polygon: made with the rest, at once (_areas)
                areas.append((len(geoms) - 1, g.vector(1, "<f8"), g.vector(0, "<u4")))
            else:
                geoms.append(None if g is None else _geometry(g, kind))
        except (ValueError, IndexError, struct.error, GisReadError, shapely.errors.GEOSException):
            geoms.append(None)
            broken.append(len(geoms))
    if count and len(geoms) < count:
        raise GisReadError(f"is cut short (it says {count:,} features and holds {len(geoms):,})")
    arr = np.empty(len(geoms), dtype=object)
    arr[:] = geoms
    if points:
        at_, xy = zip(*points)
        xy = np.array(xy, dtype=float)
        made = shapely.points(xy)
        made[np.isnan(xy).any(axis=1)] = shapely.Point()
        arr[list(at_)] = made
    for i in _areas(arr, areas):
        broken.append(i + 1)
    broken.sort()
    out, numeric = {}, []
    for name, kind_ in zip(names, types):
        values, is_number = column([r.get(name) for r in rows])
        out[name] = values
        if is_number or (kind_ in _NUMBERS and values.dtype.kind in "if"):
            numeric.append(name)
    return RawLayer(arr, np.array(broken, dtype=int), out, numeric, _crs(header))
