"""A copy of a layer kept inside the project file, for a project that must travel without its data.

The copy is GeoJSON text of every row of the layer (rows that were not drawn too, with no
geometry, so reopening lists them again), its geometry already in map metres rounded to the
centimetre, and an "hzmap" member saying the kind, the columns and where it came from. District
tables are kept as rows without geometry and joined again when read. The copy is bounded
(MAX_EMBED_BYTES): a project file stays small enough to open quickly and mail.
"""
from __future__ import annotations

import datetime as dt
import json
import math

import numpy as np
import shapely

from hzmap.model.geo.geodata import MAP_CRS
from hzmap.model.layers.errors import LayerError, human_size
from hzmap.model.layers.points import PointArray
from hzmap.model.layers.source import LayerSource

MAX_EMBED_BYTES = 5 * 1024 * 1024
_ROW = "hzmap:row"
_SMALLEST = '{"type":"Feature","geometry":null,"properties":{"hzmap:row":0}},'  # a row's least text


def _json_value(v):
    if v is None:
        return None
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        try:
            v = v.item()
        except (ValueError, TypeError):
            pass
    if isinstance(v, float):
        return None if not math.isfinite(v) else v
    if isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, (dt.date, dt.datetime, dt.time)):
        return v.isoformat()
    if v != v:  # pandas NaT / NA
        return None
    return str(v)


def embed_payload(data, limit: int = MAX_EMBED_BYTES) -> str:
    """The layer as GeoJSON text; LayerError if it is over `limit` bytes."""
    table = data.table
    if len(table) * len(_SMALLEST) > limit:  # no copy could be this small: said before any is made
        raise _too_large(data, limit)
    columns = [str(c) for c in table.columns]
    geom_by_row = {}
    if data.kind != "districts":
        geoms = data.geometry
        if isinstance(geoms, PointArray):
            rounded = shapely.points(np.round(geoms.xy, 2))
        else:
            rounded = shapely.transform(geoms, lambda xy: np.round(xy, 2))
        geom_by_row = dict(zip(data.rows.tolist(), shapely.to_geojson(rounded).tolist()))
    parts, size = [], 0
    for row, values in zip(table.index.tolist(), table.itertuples(index=False, name=None)):
        props = {c: _json_value(v) for c, v in zip(columns, values)}
        props[_ROW] = int(row)
        geom = geom_by_row.get(row, "null")
        text = f'{{"type":"Feature","geometry":{geom},"properties":{json.dumps(props, ensure_ascii=False)}}}'
        size += len(text.encode("utf-8")) + 1
        if size > limit:
            raise _too_large(data, limit)
        parts.append(text)
    head = {"kind": data.kind, "crs": MAP_CRS, "columns": columns, "name": data.name,
            "crs_used": data.crs_used, "coords": data.coords, "units": data.units,
            "notes": [n for n in data.notes if "outside Hangzhou" not in n]}
    return ('{"type":"FeatureCollection","hzmap":' + json.dumps(head, ensure_ascii=False)
            + ',"features":[' + ",".join(parts) + "]}")


def _too_large(data, limit: int) -> LayerError:
    return LayerError(data.source.path, f"is too large to keep a copy in the project "
                                        f"(over {human_size(limit)}); keep it as a linked file")


def read_embedded(source: LayerSource, geo, gazetteer):
    """The LayerData kept in `source.embedded`; LayerError if the copy is damaged."""
    from hzmap.model.layers import build
    from hzmap.model.layers.data import KINDS, LayerData
    from hzmap.model.layers.tables import Table

    where = source.path or "the project's copy"
    text = source.embedded
    if len(text) > 2 * MAX_EMBED_BYTES:
        raise LayerError(where, "the copy kept in the project is larger than hzmap writes; not read")
    try:
        fc = json.loads(text)
        head = fc["hzmap"]
        kind, columns = head["kind"], [str(c) for c in head["columns"]]
        feats = fc["features"]
        if kind not in KINDS or not isinstance(feats, list):
            raise ValueError(f"kind {kind!r}")
        rows = [int(f["properties"][_ROW]) for f in feats]
        records = [[f["properties"].get(c) for c in columns] for f in feats]
        geoms = [f.get("geometry") for f in feats]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise LayerError(where, f"the copy kept in the project is damaged ({exc})") from None
    from hzmap.model.layers.frame import Frame

    frame = Frame(columns, records, rows)
    notes = [str(n) for n in head.get("notes") or ()]
    if kind == "districts":
        table = Table(columns, frame, header_row=1, notes=notes)
        data = build.districts_from_table(source, table, geo, gazetteer)
    else:
        has = np.array([g is not None for g in geoms], dtype=bool)
        try:
            shapes = shapely.from_geojson([json.dumps(g) for g, h in zip(geoms, has) if h])
        except shapely.errors.GEOSException as exc:
            raise LayerError(where, f"the copy kept in the project has a damaged geometry ({exc})") from None
        data = LayerData(source, kind, np.asarray(shapes, dtype=object), np.asarray(rows)[has], frame,
                         str(head.get("name") or "layer"), crs_stated=MAP_CRS,
                         crs_used=f"copy kept in the project; read as {head.get('crs_used', '?')}",
                         coords=head.get("coords"), notes=notes, units=dict(head.get("units") or {}),
                         numeric=build.numeric_columns(frame))
        data = build.place_features(data, geo, where)
    return data
