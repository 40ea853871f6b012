"""The map's geodata: Hangzhou's 13 county-level units, the city outline and its water.

Reads geodata/hangzhou.gpkg (built by geodata/build_geodata.py, sources in
geodata/SOURCES.md). Everything is stored in the map CRS, so nothing is reprojected at
load time; hit-testing uses prepared geometries so a mouse move costs microseconds.
No Qt here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import shapely
from shapely.geometry import LineString, Point
from shapely.ops import polylabel

from hzmap.paths import data_root

MAP_CRS = "EPSG:4549"  # CGCS2000 / 3-degree Gauss-Kruger CM 120E, metres
DEFAULT_GPKG = data_root() / "hangzhou.gpkg"
N_DISTRICTS = 13

LAYERS: dict[str, tuple[str, ...]] = {
    "districts": ("id", "adcode", "name_zh", "name_en", "type", "area_km2"),
    "outline": (),
    "water_lines": ("id", "name_zh", "name_en", "kind"),
    "water_areas": ("id", "name_zh", "name_en", "kind"),
}
MAIN_RIVER_ID = "qiantang_course"


class GeodataError(Exception):
    """The geodata file is missing or not what the app expects; the message says which."""


@functools.lru_cache(maxsize=1)
def _transformer():
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4326", MAP_CRS, always_xy=True)


@functools.lru_cache(maxsize=4096)
def to_map(lon: float, lat: float) -> tuple[float, float]:
    """WGS84 lon/lat -> map metres (EPSG:4549)."""
    x, y = _transformer().transform(lon, lat)
    return float(x), float(y)


@dataclass
class GeoData:
    districts: gpd.GeoDataFrame  # indexed by id
    outline: gpd.GeoDataFrame
    water_lines: gpd.GeoDataFrame
    water_areas: gpd.GeoDataFrame
    path: Path | None = None
    _ids: np.ndarray = field(init=False, repr=False)
    _tree: shapely.STRtree = field(init=False, repr=False)
    _water: shapely.Geometry = field(init=False, repr=False)
    _labels: dict | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        geoms = np.asarray(self.districts.geometry.values, dtype=object)
        shapely.prepare(geoms)
        self._ids = np.asarray(self.districts.index, dtype=object)
        self._geoms = geoms
        self._tree = shapely.STRtree(geoms)
        self._water = shapely.union_all(self.water_areas.geometry.values)
        shapely.prepare(self._water)
        self._water_geoms = np.asarray(self.water_areas.geometry.values, dtype=object)
        shapely.prepare(self._water_geoms)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax) of the city in map metres."""
        return tuple(float(v) for v in self.outline.total_bounds)

    def district_at(self, x: float | None, y: float | None) -> str | None:
        """Id of the district under map point (x, y); None on water or outside the city."""
        if x is None or y is None:
            return None
        if shapely.intersects_xy(self._water, x, y):
            return None
        for i in self._tree.query(Point(x, y)):
            if shapely.intersects_xy(self._geoms[i], x, y):
                return str(self._ids[i])
        return None

    def water_at(self, x: float | None, y: float | None) -> str | None:
        """Id of the water area (river, lake, estuary) under (x, y), if any."""
        if x is None or y is None or not shapely.intersects_xy(self._water, x, y):
            return None
        hits = shapely.intersects_xy(self._water_geoms, x, y)
        return str(self.water_areas["id"].iloc[int(np.argmax(hits))])

    def district_label_points(self) -> dict[str, Point]:
        """A point per district well inside its largest piece of land (off the water)."""
        if self._labels is None:
            labels = {}
            for did, geom in zip(self._ids, self._geoms):
                land = geom.difference(self._water)
                parts = shapely.get_parts(land)
                biggest = max(parts, key=lambda p: p.area) if len(parts) else geom
                label = polylabel(biggest, tolerance=100.0)
                if not biggest.contains(label):
                    label = biggest.representative_point()
                labels[str(did)] = label
            self._labels = labels
        return self._labels

    def main_river(self) -> LineString:
        """The whole 新安江-富春江-钱塘江 course, upstream first, as one line."""
        geom = self.water_lines.loc[self.water_lines["id"] == MAIN_RIVER_ID].geometry.iloc[0]
        return geom.geoms[0] if geom.geom_type == "MultiLineString" and len(geom.geoms) == 1 else geom


def _check_gpkg(path: Path) -> None:
    if not path.exists():
        raise GeodataError(f"{path}: geodata file not found (rebuild it with geodata/build_geodata.py)")
    if not path.is_file():
        raise GeodataError(f"{path}: not a file")
    with path.open("rb") as fh:
        head = fh.read(72)
    # A GeoPackage is an SQLite file whose application_id (offset 68) is 'GPKG'.
    if not head.startswith(b"SQLite format 3\x00") or head[68:72] not in (b"GPKG", b"GP10", b"GP11"):
        raise GeodataError(f"{path}: not a GeoPackage")


def _read(path: Path, layer: str) -> gpd.GeoDataFrame:
    try:
        gdf = pyogrio.read_dataframe(path, layer=layer, use_arrow=_HAS_ARROW)
    except Exception as exc:  # pyogrio raises several DataSourceError subclasses
        raise GeodataError(f"{path}: cannot read layer {layer!r}: {exc}") from exc
    missing = [c for c in LAYERS[layer] if c not in gdf.columns]
    if missing:
        raise GeodataError(f"{path}: layer {layer!r} lacks column(s) {', '.join(missing)}")
    if gdf.crs is None or gdf.crs.to_epsg() != 4549:
        raise GeodataError(f"{path}: layer {layer!r} is in {gdf.crs}, expected {MAP_CRS}")
    if len(gdf) == 0:
        raise GeodataError(f"{path}: layer {layer!r} is empty")
    return gdf


try:  # pyarrow makes reading a little faster; it is optional
    import pyarrow  # noqa: F401

    _HAS_ARROW = True
except ImportError:
    _HAS_ARROW = False


def load_geodata(path: str | Path | None = None) -> GeoData:
    """Read and check the GeoPackage; raises GeodataError naming the file and the problem."""
    path = Path(path) if path is not None else DEFAULT_GPKG
    _check_gpkg(path)
    try:
        present = {name for name, _ in pyogrio.list_layers(path)}
    except Exception as exc:
        raise GeodataError(f"{path}: not a readable GeoPackage: {exc}") from exc
    absent = [name for name in LAYERS if name not in present]
    if absent:
        raise GeodataError(f"{path}: missing layer(s) {', '.join(absent)}")
    layers = {name: _read(path, name) for name in LAYERS}
    districts = layers["districts"]
    if len(districts) != N_DISTRICTS:
        raise GeodataError(f"{path}: layer 'districts' has {len(districts)} rows, expected {N_DISTRICTS}")
    if districts["id"].duplicated().any():
        dup = districts.loc[districts["id"].duplicated(), "id"].tolist()
        raise GeodataError(f"{path}: layer 'districts' repeats id(s) {dup}")
    if not layers["water_lines"]["id"].eq(MAIN_RIVER_ID).any():
        raise GeodataError(f"{path}: layer 'water_lines' has no {MAIN_RIVER_ID!r} line")
    return GeoData(
        districts=districts.set_index("id", drop=False).rename_axis(None),
        outline=layers["outline"],
        water_lines=layers["water_lines"],
        water_areas=layers["water_areas"],
        path=path,
    )
