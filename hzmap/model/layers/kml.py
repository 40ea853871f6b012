"""A planner's KML read with lxml: its folders as layers, its placemarks as features. No Qt.

As GDAL's KML driver reads it: each Folder (or the Document, for placemarks outside any folder)
holding placemarks is a layer named by its <name>; a placemark's columns are Name, Description
and its ExtendedData (SchemaData/SimpleData typed by the Schema's SimpleField, and Data/value);
coordinates are WGS84 lon/lat. The parser resolves no entity, loads no DTD and reaches no
network (sniff.py has already refused a KML with a document type declaration), and lxml's limits
on depth and text size stand (no huge_tree).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely

from hzmap.model.layers.gisraw import MAX_FEATURES, GisReadError, RawLayer, column

_INTS = {"int", "uint", "short", "ushort"}
_REALS = {"float", "double"}
_KINDS = ("Point", "LineString", "LinearRing", "Polygon", "MultiGeometry")


_LOCAL: dict = {}  # tag -> its local name (a file uses a few dozen tags)


def _local(el) -> str:
    tag = el.tag
    try:
        return _LOCAL[tag]
    except KeyError:
        name = _LOCAL[tag] = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
        return name
    except TypeError:  # an unhashable tag: not an element
        return ""


def _tree(path: Path):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             remove_comments=True, remove_pis=True)
    try:
        return etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as exc:
        raise GisReadError(f"is not well-formed XML ({str(exc)[:160]})") from None
    except OSError as exc:
        raise GisReadError(f"cannot be read ({exc.strerror or exc})") from None


def _child(el, name):
    return next((c for c in el if _local(c) == name), None)


def _name(el) -> str | None:
    found = _child(el, "name")
    return (found.text or "").strip() if found is not None else None


def _groups(root) -> list[tuple[str, list]]:
    """(layer name, its placemarks) in the order of the file."""
    groups: dict[int, tuple[object, list]] = {}
    for mark in root.iter("{*}Placemark"):
        holder = mark.getparent()
        while holder is not None and _local(holder) not in ("Folder", "Document"):
            holder = holder.getparent()
        groups.setdefault(id(holder), (holder, []))[1].append(mark)
    out, seen = [], set()
    for n, (holder, marks) in enumerate(groups.values(), start=1):
        name = (_name(holder) if holder is not None else None) or f"Layer #{n}"
        while name in seen:
            name += "_"
        seen.add(name)
        out.append((name, marks))
    return out


def layers(path) -> list[tuple[str, str | None]]:
    return [(name, "Unknown") for name, _m in _groups(_tree(Path(path)))]


def _coords(el) -> np.ndarray:
    text = el.text if el is not None else None
    if not text or not text.strip():
        raise ValueError("no coordinates")
    rows = [t.split(",") for t in text.split()]
    return np.array([(float(r[0]), float(r[1])) for r in rows], dtype=float)


def _geometry(el):
    kind = _local(el)
    if kind == "Point":
        return shapely.Point(_coords(_child(el, "coordinates"))[0])
    if kind in ("LineString", "LinearRing"):
        return shapely.LineString(_coords(_child(el, "coordinates")))
    if kind == "Polygon":
        rings = []
        for part in ("outerBoundaryIs", "innerBoundaryIs"):
            for boundary in (c for c in el if _local(c) == part):
                ring = _child(boundary, "LinearRing")
                rings.append(_coords(_child(ring, "coordinates")) if ring is not None else None)
        if not rings or rings[0] is None:
            raise ValueError("a polygon without an outer boundary")
        return shapely.Polygon(rings[0], [r for r in rings[1:] if r is not None])
    parts = [_geometry(c) for c in el if _local(c) in _KINDS]
    kinds = {p.geom_type for p in parts}
    if kinds == {"Point"}:
        return shapely.MultiPoint(parts)
    if kinds == {"LineString"}:
        return shapely.MultiLineString(parts)
    if kinds == {"Polygon"}:
        return shapely.MultiPolygon(parts)
    return shapely.GeometryCollection(parts)


def _schema_types(root) -> dict[str, str]:
    types = {}
    for el in root.iter("{*}SimpleField"):
        if el.get("name"):
            types[el.get("name")] = (el.get("type") or "string").lower()
    return types


def _typed(text: str | None, kind: str):
    if text is None:
        return None
    try:
        if kind in _INTS:
            return int(text.strip())
        if kind in _REALS:
            return float(text.strip())
        if kind == "bool":
            return text.strip().lower() in ("1", "true")
    except ValueError:
        return text
    return text


def _attributes(mark, types: dict[str, str]) -> dict:
    out = {"Name": _name(mark), "Description": None}
    desc = _child(mark, "description")
    if desc is not None:
        out["Description"] = desc.text
    data = _child(mark, "ExtendedData")
    for el in data.iter() if data is not None else ():
        kind = _local(el)
        if kind == "SimpleData" and el.get("name"):
            out[el.get("name")] = _typed(el.text, types.get(el.get("name"), "string"))
        elif kind == "Data" and el.get("name"):
            value = _child(el, "value")
            out[el.get("name")] = value.text if value is not None else None
    return out


def read(path, layer: str) -> RawLayer:
    root = _tree(Path(path))
    found = dict(_groups(root))
    if layer not in found:
        raise GisReadError(f"has no layer {layer!r}")
    marks = found[layer]
    if len(marks) > MAX_FEATURES:
        raise GisReadError(f"has {len(marks):,} placemarks; hzmap reads at most {MAX_FEATURES:,}")
    types = _schema_types(root)
    geoms = np.full(len(marks), None, dtype=object)
    broken, rows, points = [], [], []
    for i, mark in enumerate(marks):
        rows.append(_attributes(mark, types))
        el = next((c for c in mark if _local(c) in _KINDS), None)
        if el is None:
            continue
        try:
            if _local(el) == "Point":  # made with the others, at once
                points.append((i, _coords(_child(el, "coordinates"))[0]))
            else:
                geoms[i] = _geometry(el)
        except (ValueError, IndexError, TypeError, shapely.errors.GEOSException):
            broken.append(i + 1)
    if points:
        at, xy = zip(*points)
        geoms[list(at)] = shapely.points(np.array(xy, dtype=float))
    names = list(dict.fromkeys(k for r in rows for k in r))
    columns, numeric = {}, []
    for name in names:
        values, is_number = column([r.get(name) for r in rows])
        columns[name] = values
        if is_number:
            numeric.append(name)
    return RawLayer(geoms, np.array(broken, dtype=int), columns, numeric, "EPSG:4326")
