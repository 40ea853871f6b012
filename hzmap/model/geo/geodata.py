"""The map's geodata: Hangzhou's 13 county-level units, the city outline, its water and landmarks.

Reads geodata/hangzhou.gpkg (built by geodata/build_geodata.py, sources in
geodata/SOURCES.md). Everything is stored in the map CRS, so nothing is reprojected at
load time; hit-testing uses prepared geometries so a mouse move costs microseconds.

The app reads the GeoPackage with the standard library's sqlite3 and shapely's WKB decoder
rather than geopandas: importing pandas and geopandas costs 0.7-1.3 s, a third or more of the
2-second start-up budget, and the app needs nothing from them. `read_frames()` gives
GeoDataFrames (geopandas imported on demand) for scripts, tests and benchmarks. No Qt here.

The file is read through hzmap.model.files.safeio (a regular file, bounded) and handed to SQLite as
bytes (`Connection.deserialize`): no URI is parsed, so a '#', '?' or '%41' in the path means
just that file, and nothing (not even a journal) can be created or written beside it. Every
geometry is checked on load, so a Point or an empty outline is refused here, naming the record,
rather than crashing the label placer or the axes later.
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, Point
from shapely.ops import polylabel

from hzmap.model.files.safeio import FileProblem, read_bytes
from hzmap.paths import data_root

MAP_CRS = "EPSG:4549"  # CGCS2000 / 3-degree Gauss-Kruger CM 120E, metres
MAP_EPSG = 4549
DEFAULT_GPKG = data_root() / "hangzhou.gpkg"
N_DISTRICTS = 13
MAX_GPKG_BYTES = 64 * 1024 * 1024  # the shipped file is under 1 MB
#: Map metres beyond this are no place on Earth in a Gauss-Kruger grid (and hang Agg).
MAX_COORD = 1e7
#: geometry types a layer's records may have
_KINDS = {"districts": ("Polygon", "MultiPolygon"), "outline": ("Polygon", "MultiPolygon"),
          "water_areas": ("Polygon", "MultiPolygon"),
          "water_lines": ("LineString", "MultiLineString"), "landmarks": ("Point",)}

LAYERS: dict[str, tuple[str, ...]] = {
    "districts": ("id", "adcode", "name_zh", "name_en", "type", "area_km2"),
    "outline": (),
    "water_lines": ("id", "name_zh", "name_en", "kind"),
    "water_areas": ("id", "name_zh", "name_en", "kind"),
    "landmarks": ("id", "name_zh", "name_en", "kind"),
}
#: Layers a GeoPackage may lack (one built before they were added): read as empty.
OPTIONAL_LAYERS = ("landmarks",)
#: Kinds of landmark: the main railway stations, the airport and metro stations (OpenStreetMap).
LANDMARK_KINDS = ("rail_main", "airport", "metro")
MAIN_RIVER_ID = "qiantang_course"
# GeoPackage geometry header: envelope size in bytes by the envelope indicator (flags bits 1-3).
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


class GeodataError(Exception):
    """The geodata file is missing or not what the app expects; the message says which."""


@dataclass(frozen=True)
class Feature:
    """One row of a layer: its id, geometry and attributes (``feature["name_zh"]``)."""

    id: str
    geometry: object
    props: dict

    def __getitem__(self, key: str):
        return self.props[key]


#: What PROJ makes of EPSG:4326 -> EPSG:4549 (the "ballpark" WGS84 -> CGCS2000 step is a null
#: shift), written out: from_crs looks the operation up in proj.db, which takes about 50 ms of
#: every start-up and export; the pipeline gives the same numbers to the bit (a test checks).
MAP_PIPELINE = ("+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
                "+step +proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80")


@functools.lru_cache(maxsize=1)
def _transformer():
    from pyproj import Transformer

    return Transformer.from_pipeline(MAP_PIPELINE)


@functools.lru_cache(maxsize=4096)
def to_map(lon: float, lat: float) -> tuple[float, float]:
    """WGS84 lon/lat -> map metres (EPSG:4549)."""
    x, y = _transformer().transform(lon, lat)
    return float(x), float(y)


@dataclass
class GeoData:
    districts: dict[str, Feature]  # by id, in file order
    outline: object  # the city outline, a (Multi)Polygon
    water_lines: list[Feature]
    water_areas: list[Feature]
    path: Path | None = None
    landmarks: list[Feature] = field(default_factory=list)
    _ids: np.ndarray = field(init=False, repr=False)
    _tree: shapely.STRtree = field(init=False, repr=False)
    _labels: dict | None = field(default=None, init=False, repr=False)
    _land: dict = field(default_factory=dict, init=False, repr=False)
    _unions: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        geoms = np.asarray([f.geometry for f in self.districts.values()], dtype=object)
        shapely.prepare(geoms)
        self._ids = np.asarray(list(self.districts), dtype=object)
        self._geoms = geoms
        self._tree = shapely.STRtree(geoms)
        self._water_geoms = np.asarray([f.geometry for f in self.water_areas], dtype=object)
        shapely.prepare(self._water_geoms)  # each prepared; their union is never needed to start

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax) of the city in map metres."""
        return tuple(float(v) for v in self.outline.bounds)

    def district_bounds(self, ids) -> tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax) around the given districts."""
        return tuple(float(v) for v in shapely.total_bounds([self.districts[i].geometry for i in ids]))

    def district_union(self, ids):
        """The districts `ids` as one (Multi)Polygon; the last few are kept, as the same groups
        recur (an element's districts, those a filter fades)."""
        key = tuple(sorted(ids))
        if key not in self._unions:
            if len(self._unions) >= 64:
                del self._unions[next(iter(self._unions))]
            self._unions[key] = shapely.union_all([self.districts[d].geometry for d in key]).buffer(0)
        return self._unions[key]

    def district_at(self, x: float | None, y: float | None) -> str | None:
        """Id of the district under map point (x, y); None on water or outside the city."""
        if x is None or y is None:
            return None
        if shapely.intersects_xy(self._water_geoms, x, y).any():
            return None
        for i in self._tree.query(Point(x, y)):
            if shapely.intersects_xy(self._geoms[i], x, y):
                return str(self._ids[i])
        return None

    def water_at(self, x: float | None, y: float | None) -> str | None:
        """Id of the water area (river, lake, estuary) under (x, y), if any."""
        if x is None or y is None:
            return None
        hits = shapely.intersects_xy(self._water_geoms, x, y)
        return self.water_areas[int(np.argmax(hits))].id if hits.any() else None

    def district_land(self, did: str):
        """The district's largest piece of land (off the water): where its label stands. Only
        the water areas that touch the district are cut out, so nothing is united at start-up."""
        if did not in self._land:
            geom = self.districts[did].geometry
            near = self._water_geoms[shapely.intersects(self._water_geoms, geom)]
            self._land[did] = largest_land(geom, shapely.union_all(near))
        return self._land[did]

    def district_label_points(self) -> dict[str, Point]:
        """A point per district well inside its largest piece of land (off the water): the one
        the build stored (columns label_x, label_y), else worked out here (label_point)."""
        if self._labels is None:
            labels = {}
            for did, geom in zip(self._ids, self._geoms):
                props = self.districts[str(did)].props
                x, y = props.get("label_x"), props.get("label_y")
                if isinstance(x, float) and isinstance(y, float) and shapely.intersects_xy(geom, x, y) \
                        and not shapely.intersects_xy(self._water_geoms, x, y).any():
                    labels[str(did)] = Point(x, y)
                    continue
                labels[str(did)] = pole_of(self.district_land(str(did)))
            self._labels = labels
        return self._labels

    def main_river(self) -> LineString:
        """The whole 新安江-富春江-钱塘江 course, upstream first, as one line."""
        geom = next(f.geometry for f in self.water_lines if f.id == MAIN_RIVER_ID)
        return geom.geoms[0] if geom.geom_type == "MultiLineString" and len(geom.geoms) == 1 else geom


def largest_land(district, water):
    """The district's largest piece off the water (the district itself if nothing is left)."""
    parts = shapely.get_parts(district.difference(water))
    return max(parts, key=lambda p: p.area) if len(parts) else district


def pole_of(land) -> Point:
    """The pole of inaccessibility of a piece of land (polylabel, 100 m), or any point inside it
    where that falls outside."""
    label = polylabel(land, tolerance=100.0)
    return label if land.contains(label) else land.representative_point()


def label_point(district, water) -> Point:
    """Where a district's name goes: the pole of inaccessibility of its largest piece of land."""
    return pole_of(largest_land(district, water))


def _read_gpkg(path: Path) -> bytes:
    try:
        data = read_bytes(path, MAX_GPKG_BYTES, what="geodata file")
    except FileProblem as exc:
        hint = " (rebuild it with geodata/build_geodata.py)" if exc.kind == "missing" else ""
        raise GeodataError(f"{exc}{hint}") from None
    # A GeoPackage is an SQLite file whose application_id (offset 68) is 'GPKG'.
    if not data.startswith(b"SQLite format 3\x00") or data[68:72] not in (b"GPKG", b"GP10", b"GP11"):
        raise GeodataError(f"{path}: not a GeoPackage")
    return data


def _connect(path: Path, data: bytes) -> sqlite3.Connection:
    """An SQLite connection on the file's bytes; the file itself is never opened by SQLite."""
    con = sqlite3.connect(":memory:")
    if hasattr(con, "deserialize"):  # Python 3.11+
        con.deserialize(data)
        return con
    con.close()  # Python 3.10: an escaped file: URI, read-only and immutable (no journal)
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True)


def _wkb(blob: bytes) -> bytes:
    """The WKB inside a GeoPackage geometry blob (after the 'GP' header and envelope)."""
    if blob[:2] != b"GP":
        raise ValueError("geometry blob lacks the GeoPackage 'GP' header")
    envelope = _ENVELOPE_BYTES.get((blob[3] >> 1) & 0x07)
    if envelope is None:
        raise ValueError("geometry blob has an invalid envelope indicator")
    return blob[8 + envelope:]


def _read_layer(con: sqlite3.Connection, path: Path, layer: str) -> list[Feature]:
    row = con.execute("SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
                      (layer,)).fetchone()
    if row is None:
        raise GeodataError(f"{path}: layer {layer!r} has no geometry column")
    geom_col, srs_id = row
    epsg = con.execute("SELECT organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?",
                       (srs_id,)).fetchone()
    if epsg is None or epsg[0] != MAP_EPSG:
        raise GeodataError(f"{path}: layer {layer!r} is in srs {srs_id}, expected {MAP_CRS}")
    columns = [c[1] for c in con.execute(f'PRAGMA table_info("{layer}")')]
    missing = [c for c in LAYERS[layer] if c not in columns]
    if missing:
        raise GeodataError(f"{path}: layer {layer!r} lacks column(s) {', '.join(missing)}")
    attrs = [c for c in columns if c not in (geom_col, "fid")]
    rows = con.execute(f'SELECT rowid, "{geom_col}"' + "".join(f', "{c}"' for c in attrs)
                       + f' FROM "{layer}" ORDER BY rowid').fetchall()
    if not rows and layer not in OPTIONAL_LAYERS:
        raise GeodataError(f"{path}: layer {layer!r} is empty")
    out = []
    for r in rows:
        props = dict(zip(attrs, r[2:]))
        where = f"{path}: layer {layer!r}, record {_record(props, r[0])}"
        out.append(Feature(str(props.get("id", r[0] - 1)), _geometry(r[1], where, layer), props))
    return out


def _record(props: dict, rowid: int) -> str:
    rid = props.get("id")
    return f"{str(rid)[:40]!r} (row {rowid})" if rid is not None else f"row {rowid}"


def _geometry(blob, where: str, layer: str):
    """The record's geometry, checked: the kind the layer needs, non-empty, valid, finite."""
    if blob is None:
        raise GeodataError(f"{where}: no geometry")
    try:
        geom = shapely.from_wkb(_wkb(bytes(blob)))
    except Exception as exc:  # a damaged blob
        raise GeodataError(f"{where}: unreadable geometry ({str(exc)[:120]})") from None
    kinds = _KINDS[layer]
    if geom.geom_type not in kinds:
        raise GeodataError(f"{where}: the geometry is a {geom.geom_type}, expected "
                           f"{' or '.join(kinds)}")
    if geom.is_empty:
        raise GeodataError(f"{where}: the geometry is empty")
    bounds = np.asarray(geom.bounds, dtype=float)
    if not np.isfinite(bounds).all() or np.abs(bounds).max() > MAX_COORD:
        raise GeodataError(f"{where}: coordinates are not finite map metres (bounds "
                           f"{', '.join(f'{v:.6g}' for v in bounds)})")
    if kinds[0] == "Polygon" and not shapely.is_valid(geom):
        raise GeodataError(f"{where}: the polygon is not valid ({shapely.is_valid_reason(geom)})")
    return geom


def load_geodata(path: str | Path | None = None) -> GeoData:
    """Read and check the GeoPackage; raises GeodataError naming the file and the problem."""
    path = Path(path) if path is not None else DEFAULT_GPKG
    data = _read_gpkg(path)
    try:
        con = _connect(path, data)
        try:
            present = {r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")}
            absent = [name for name in LAYERS if name not in present and name not in OPTIONAL_LAYERS]
            if absent:
                raise GeodataError(f"{path}: missing layer(s) {', '.join(absent)}")
            layers = {name: _read_layer(con, path, name) if name in present else []
                      for name in LAYERS}
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise GeodataError(f"{path}: not a readable GeoPackage: {exc}") from exc
    districts = layers["districts"]
    if len(districts) != N_DISTRICTS:
        raise GeodataError(f"{path}: layer 'districts' has {len(districts)} rows, expected {N_DISTRICTS}")
    ids = [f.id for f in districts]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise GeodataError(f"{path}: layer 'districts' repeats id(s) {dup}")
    if not any(f.id == MAIN_RIVER_ID for f in layers["water_lines"]):
        raise GeodataError(f"{path}: layer 'water_lines' has no {MAIN_RIVER_ID!r} line")
    odd = sorted({str(f["kind"])[:20] for f in layers["landmarks"]} - set(LANDMARK_KINDS))
    if odd:
        raise GeodataError(f"{path}: layer 'landmarks' has unknown kind(s) {odd}; "
                           f"expected {', '.join(LANDMARK_KINDS)}")
    outline = shapely.union_all([f.geometry for f in layers["outline"]])
    return GeoData(districts={f.id: f for f in districts}, outline=outline,
                   water_lines=layers["water_lines"], water_areas=layers["water_areas"], path=path,
                   landmarks=layers["landmarks"])


def read_frames(path: str | Path | None = None) -> dict:
    """The four layers as GeoDataFrames (districts indexed by id), for scripts and tests."""
    import geopandas as gpd

    path = Path(path) if path is not None else DEFAULT_GPKG
    frames = {name: gpd.read_file(path, layer=name) for name in LAYERS}  # the shipped file has all
    frames["districts"] = frames["districts"].set_index("id", drop=False).rename_axis(None)
    return frames
