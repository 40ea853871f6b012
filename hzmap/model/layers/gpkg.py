"""A planner's GeoPackage read with sqlite3: its layers, their features and CRS. No Qt.

A GeoPackage is an SQLite database: gpkg_contents lists its tables, gpkg_geometry_columns
names each one's geometry column and CRS (gpkg_spatial_ref_sys), and a geometry is a small
header ("GP", flags, srs id, an optional envelope) before standard WKB. The database is opened
read-only, with no extension loading and `trusted_schema` off (a view or trigger cannot call an
SQL function with side effects); a view that never ends is stopped by the reader process's
time budget (hzmap.model.layers.reading).
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

from hzmap.model.layers.gisraw import MAX_FEATURES, TYPE_NAMES, GisReadError, RawLayer, column, geometries

_ENVELOPE = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
_INTEGER = ("INT", "INTEGER", "MEDIUMINT", "SMALLINT", "TINYINT")
_REAL = ("REAL", "FLOAT", "DOUBLE")


def _connect(path: Path) -> sqlite3.Connection:
    try:
        db = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        db.execute("PRAGMA trusted_schema = OFF")
        db.execute("PRAGMA query_only = ON")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        raise GisReadError(f"not a readable SQLite database ({exc})") from None
    return db


def _quote(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def _tables(db) -> list[tuple[str, str | None, str | None, int | None]]:
    """(table, geometry type, geometry column, srs id) of each layer, as gpkg_contents lists them."""
    try:
        rows = db.execute("SELECT c.table_name, c.data_type, g.geometry_type_name, g.column_name, g.srs_id "
                          "FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name "
                          "WHERE c.data_type IN ('features', 'attributes', 'aspatial')").fetchall()
    except sqlite3.Error as exc:
        raise GisReadError(f"is not a GeoPackage: it has no layer list (gpkg_contents) ({exc})") from None
    out = []
    for table, kind, gtype, gcol, srs in rows:
        if kind == "features" and gcol is not None:
            out.append((str(table), TYPE_NAMES.get(str(gtype).upper(), "Unknown"), str(gcol), srs))
        else:
            out.append((str(table), None, None, None))
    return out


def layers(path) -> list[tuple[str, str | None]]:
    """(name, geometry type or None for a table) of each layer."""
    db = _connect(path)
    try:
        return [(t, g) for t, g, _c, _s in _tables(db)]
    finally:
        db.close()


def _crs(db, srs) -> str | None:
    if srs is None or srs in (0, -1):
        return None
    try:
        row = db.execute("SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys "
                         "WHERE srs_id = ?", (srs,)).fetchone()
    except sqlite3.Error as exc:
        raise GisReadError(f"its coordinate systems (gpkg_spatial_ref_sys) cannot be read ({exc})") from None
    if row is None:
        raise GisReadError(f"its layer names coordinate system {srs}, which it does not define")
    org, code, definition = row
    if str(org).upper() == "EPSG" and isinstance(code, int) and code > 0:
        return f"EPSG:{code}"
    if definition and str(definition).strip().lower() != "undefined":
        return str(definition)
    return None


def _wkb(blob) -> bytes | None:
    """The WKB inside a GeoPackage geometry blob (b'' when the blob is not one: counted broken)."""
    if blob is None:
        return None
    if not isinstance(blob, bytes) or len(blob) < 8 or blob[:2] != b"GP":
        return b""
    flags = blob[3]
    size = _ENVELOPE.get((flags >> 1) & 7)
    if size is None or flags & 0x20:  # an envelope code GeoPackage does not define, or an extended type
        return b""
    return blob[8 + size:]


def _typed(values: list, declared: str) -> tuple[np.ndarray, bool]:
    kind = declared.upper().split("(")[0].strip()
    if kind in _INTEGER or kind in _REAL:
        if all(v is None or isinstance(v, (int, float)) for v in values):
            if kind in _INTEGER and None not in values and all(isinstance(v, int) for v in values):
                return np.array(values, dtype=np.int64), True
            return np.array([np.nan if v is None else float(v) for v in values], dtype=float), True
    if kind == "BOOLEAN" and None not in values and all(v in (0, 1) for v in values):
        return np.array(values, dtype=bool), False
    if kind == "BLOB":
        out = np.empty(len(values), dtype=object)
        out[:] = values
        return out, False
    return column([v if v is None or isinstance(v, str) else str(v) for v in values])


def read(path, layer: str) -> RawLayer:
    db = _connect(path)
    try:
        found = [t for t in _tables(db) if t[0] == layer]
        if not found:
            raise GisReadError(f"has no layer {layer!r}")
        table, _gtype, gcol, srs = found[0]
        try:
            info = db.execute(f"PRAGMA table_info({_quote(table)})").fetchall()
        except sqlite3.Error as exc:
            raise GisReadError(f"layer {table!r} cannot be read ({exc})") from None
        if not info:
            raise GisReadError(f"layer {table!r} has no table or view of that name")
        fid = next((name for _c, name, kind, _n, _d, pk in info if pk == 1 and str(kind).upper() == "INTEGER"), None)
        fields = [(name, str(kind or "")) for _c, name, kind, _n, _d, _pk in info if name not in (gcol, fid)]
        names = [n for n, _k in fields] + ([gcol] if gcol else [])
        try:
            count = db.execute(f"SELECT count(*) FROM {_quote(table)}").fetchone()[0]
            if count > MAX_FEATURES:
                raise GisReadError(f"layer {table!r} has {count:,} features; hzmap reads at most {MAX_FEATURES:,}")
            rows = db.execute(f"SELECT {', '.join(map(_quote, names)) or 'NULL'} FROM {_quote(table)}").fetchall()
        except sqlite3.Error as exc:
            raise GisReadError(f"layer {table!r} cannot be read ({exc})") from None
        crs = _crs(db, srs) if gcol else None
    finally:
        db.close()
    columns, numeric = {}, []
    for i, (name, kind) in enumerate(fields):
        values, is_number = _typed([r[i] for r in rows], kind)
        columns[str(name)] = values
        if is_number:
            numeric.append(str(name))
    if gcol is None:
        return RawLayer(None, np.empty(0, dtype=int), columns, numeric, None)
    geoms, broken = geometries([_wkb(r[-1]) for r in rows])
    return RawLayer(geoms, broken, columns, numeric, crs)
