"""Turning what a reader returned (a table, a GIS layer, a copy kept in the project) into
LayerData: lon/lat converted to map metres, features placed in districts, rows joined, and
every row that cannot be drawn counted in a note - never dropped silently."""
from __future__ import annotations

import functools
from dataclasses import replace

import numpy as np
import shapely

from hzmap.model.geo import chinacrs
from hzmap.model.geo.geodata import MAP_CRS
from hzmap.model.layers.columns import cells_of, is_numeric_column, numbers, split_unit
from hzmap.model.layers.data import LayerData
from hzmap.model.layers.errors import LayerError, no_usable_column
from hzmap.model.layers.hittest import anchor_points, district_of
from hzmap.model.layers.join import join_rows
from hzmap.model.layers.points import PointArray
from hzmap.model.layers.source import LayerSource, layer_name

_HANGZHOU_LONLAT = (118.3, 29.1, 120.8, 30.6)  # the city's box, with a margin


@functools.lru_cache(maxsize=1)
def _to_map():
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4326", MAP_CRS, always_xy=True)


def lonlat_to_map(lonlat: np.ndarray, system: str) -> np.ndarray:
    """(n, 2) lon/lat in `system` -> (n, 2) map metres."""
    wgs = chinacrs.to_wgs84(lonlat, system)
    x, y = _to_map().transform(wgs[:, 0], wgs[:, 1])
    return np.column_stack([x, y])


def _units(columns, default, numeric=()) -> dict:
    """Each column's unit: from its header ('额（亿元）'), else a numeric column takes the
    table's '单位：' line."""
    out = {}
    for c in columns:
        unit = split_unit(c)[1] or (default if c in numeric else None)
        if unit:
            out[c] = unit
    return out


def _table_units(table, numeric) -> dict:
    """The units the table reader found per column (a table kept in a project: from the headers)."""
    return dict(table.units) if getattr(table, "units", None) else _units(table.frame.columns, table.unit, numeric)


def numeric_columns(frame) -> list:
    return [c for c in frame.columns if is_numeric_column(frame[c], numbers(frame[c]))]


def _listed(rows, limit: int = 20) -> str:
    rows = [str(r) for r in rows]
    return ", ".join(rows[:limit]) + (" …" if len(rows) > limit else "")


def place_features(data: LayerData, geo, path) -> LayerData:
    """Put each feature in its district; LayerError if none is in Hangzhou, a note if some aren't."""
    if geo is None:
        return data
    districts = district_of(anchor_points(data.geometry), geo)
    outside = districts == None  # noqa: E711 (elementwise on an object array)
    data.feature_districts = districts
    data.district_ids = tuple(geo.districts)
    data.outside = int(outside.sum())
    if data.outside == len(districts):
        hint = ""
        if data.source.is_table and data.coords is not None:
            hint = (" - are the longitude and latitude columns the right way round, "
                    "and is the coordinate system right?")
        raise LayerError(path, f"all {len(districts)} feature(s) lie outside Hangzhou{hint}")
    if data.outside:
        data.notes.append(f"{data.outside} of {len(districts)} feature(s) lie outside Hangzhou's 13 districts "
                          f"(row/feature {_listed(data.rows[outside])})")
    return data


def _stated(source: LayerSource, crs_stated: str) -> str:
    if crs_stated == "none":
        return "nothing"
    if source.format == "geojson" and crs_stated in ("EPSG:4326", "OGC:CRS84"):
        return "GeoJSON, WGS84 by definition"
    if source.format in ("shp", "shpzip"):
        return f"its .prj says {crs_stated}"
    return f"the file says {crs_stated}"


def check_system(data: LayerData, geo, stated: str, chosen: bool) -> LayerData:
    """Weigh what the file says against its fields and its fit to the district boundaries
    (hzmap.model.layers.crs_check); the note proposes a conversion, never makes one."""
    from hzmap.model.layers import crs_check

    read_as = data.coords or "wgs84"
    data.crs_check = crs_check.check(data.geometry, geo, data.columns(), read_as, stated, chosen)
    note = data.crs_check.note()
    if note:
        data.notes.insert(0, note)
    return data


def _geographic(read) -> bool:
    if read.crs_stated == "none":
        return "lon/lat" in read.crs_used
    try:
        import pyproj

        return pyproj.CRS.from_user_input(read.crs_stated).is_geographic
    except Exception:  # noqa: BLE001 - a CRS pyproj cannot read was refused by the reader already
        return False


def _vector_as_table(source: LayerSource, read, geo, gazetteer) -> LayerData:
    """A GIS file joined by a column of its attributes (--join): a district table of its rows."""
    from hzmap.model.layers.tables import Table

    frame = read.table
    note = f"joined to the districts by its column {source.join_column!r}; its own geometry is not drawn"
    table = Table(list(frame.columns), frame, header_row=1, notes=[*read.notes, note])
    if gazetteer is None:
        from hzmap.model.geo.gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    return districts_from_table(source, table, geo, gazetteer)


def from_vector(source: LayerSource, read, geo, gazetteer=None) -> LayerData:
    from hzmap.model.layers.vector import geometry_family

    source = replace(source, sublayer=read.sublayer)  # reopening reads the same layer
    if source.join_column is not None:
        return _vector_as_table(source, read, geo, gazetteer)
    table, geoms = read.table, read.geoms
    rows = np.asarray(table.index, dtype=int)
    kind, keep, notes = geometry_family(source.path, geoms, rows)
    data = LayerData(source, kind, geoms[keep], rows[keep], table, layer_name(source),
                     crs_stated=read.crs_stated, crs_used=read.crs_used,
                     coords=source.coords if source.coords not in (None, "wgs84") else None,
                     notes=[*read.notes, *notes], units=_units(table.columns, None),
                     numeric=read.numeric or numeric_columns(table),
                     sublayers=read.sublayers)
    data = place_features(data, geo, source.path)
    if _geographic(read):
        check_system(data, geo, _stated(source, read.crs_stated), source.coords_guess == "chosen")
    return data


def _looks_like_map_metres(x: np.ndarray, y: np.ndarray) -> bool:
    from hzmap.model.layers.vector import _MAP_METRES

    ok = np.isfinite(x) & np.isfinite(y)
    return bool(ok.any()) and bool(((x[ok] > _MAP_METRES[0]) & (x[ok] < _MAP_METRES[2])
                                    & (y[ok] > _MAP_METRES[1]) & (y[ok] < _MAP_METRES[3])).all())


def _points_from_table(source: LayerSource, table) -> LayerData:
    frame, path = table.frame, source.path
    for c in (source.x_column, source.y_column):
        if c not in frame.columns:
            raise LayerError(path, f"has no column {c!r} (columns: {', '.join(frame.columns[:12])})")
    x = table.numbers(source.x_column)
    y = table.numbers(source.y_column)
    ok = np.isfinite(x) & np.isfinite(y)
    rows = np.asarray(frame.index, dtype=int)
    notes = list(table.notes)
    if not ok.any():
        raise LayerError(path, f"columns {source.x_column!r} and {source.y_column!r} hold no coordinates")
    if not ok.all():
        notes.append(f"{int((~ok).sum())} row(s) have no usable coordinates and are not drawn "
                     f"(row {_listed(rows[~ok])})")
    if _looks_like_map_metres(x, y):
        xy, coords, used = np.column_stack([x[ok], y[ok]]), None, f"{MAP_CRS} map metres (x/y values fit the map's)"
    else:
        system = source.coords or "wgs84"
        lon, lat = x[ok], y[ok]
        x0, y0, x1, y1 = _HANGZHOU_LONLAT
        inside = (lon > x0) & (lon < x1) & (lat > y0) & (lat < y1)
        swapped = (lat > x0) & (lat < x1) & (lon > y0) & (lon < y1)
        if not inside.any() and swapped.any():
            raise LayerError(path, f"column {source.x_column!r} holds latitudes and {source.y_column!r} "
                                   "longitudes: swap the longitude and latitude columns")
        if not ((np.abs(lon) <= 180) & (np.abs(lat) <= 90)).all():
            raise LayerError(path, f"columns {source.x_column!r}/{source.y_column!r} are not longitude/latitude "
                                   f"(values such as {lon[0]:g}, {lat[0]:g})")
        xy, coords = lonlat_to_map(np.column_stack([lon, lat]), system), system
        used = (f"{chinacrs.SYSTEMS[system]} lon/lat, converted to the map's {MAP_CRS} metres"
                + ("" if system == "wgs84" else " (through WGS84)"))
    pts = PointArray(xy)  # no Point objects: 16 bytes a point
    numeric = table.numeric_columns()
    data = LayerData(source, "points", pts, rows[ok], frame, layer_name(source), crs_stated="none",
                     crs_used=used, coords=coords, notes=notes, units=_table_units(table, numeric),
                     numeric=numeric, sublayers=list(table.sheets))
    if coords is not None:
        from hzmap.model.layers.columns import CoordGuess

        data.guess = CoordGuess(coords, source.coords_guess or "chosen")
    return data


def districts_from_table(source: LayerSource, table, geo, gazetteer) -> LayerData:
    frame = table.frame
    if source.join_column not in frame.columns:
        raise LayerError(source.path, f"has no column {source.join_column!r}")
    if geo is None:
        raise ValueError("a district table needs the geodata")
    names = {d: f["name_zh"] for d, f in geo.districts.items()}
    cells = cells_of(frame, source.join_column)
    join = join_rows(source.join_column, cells if isinstance(cells, list) else cells.tolist(),
                     np.asarray(frame.index), gazetteer, names)
    ids = tuple(geo.districts)
    geoms = np.asarray([geo.districts[d].geometry for d in ids], dtype=object)
    counts = join.counts()
    if counts["matched"] + counts["former"] + counts["split"] == 0:
        raise LayerError(source.path, f"column {source.join_column!r} names no district of Hangzhou "
                                      f"(first values: {', '.join(r.text for r in join.rows[:5])})")
    numeric = [c for c in table.numeric_columns() if c != source.join_column]
    data = LayerData(source, "districts", geoms, np.full(len(ids), -1), frame, layer_name(source),
                     crs_stated="none", crs_used=f"joined to the 13 districts by {source.join_column!r}",
                     notes=[*table.notes, *join.notes], units=_table_units(table, numeric),
                     numeric=numeric,
                     sublayers=list(table.sheets), join=join, district_ids=ids)
    data._numbers.update({("array", c): v for c, v in getattr(table, "_parsed", {}).items()})
    return data


def from_table(source: LayerSource, table, geo, gazetteer) -> LayerData:
    source = replace(source, sublayer=table.sheet)
    if source.x_column is not None and source.y_column is not None:
        data = place_features(_points_from_table(source, table), geo, source.path)
        if data.coords is not None:
            told = source.coords_guess not in ("", None) and not source.coords_guess.startswith("no ")
            stated = source.coords_guess if told and source.coords_guess != "chosen" else "nothing"
            check_system(data, geo, stated, source.coords_guess == "chosen")
        return data
    if source.join_column is not None:
        return districts_from_table(source, table, geo, gazetteer)
    raise no_usable_column(source.path, table.columns)

