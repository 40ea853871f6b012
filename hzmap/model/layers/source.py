"""Where a user layer comes from: LayerState.source for layers of kind "user".

A LayerSource says which file, which part of it (GeoPackage layer, Excel sheet), which
coordinate system its lon/lat are in and which columns hold them or the district names, and
whether the project keeps a copy. It is frozen, like the LayerState that holds it; change it
with dataclasses.replace. The path is absolute in memory; the project file stores it relative
(hzmap.model.layers.persist).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hzmap.model.layers.errors import LayerError

#: format -> (what the app calls it, the file name endings that mean it)
FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "gpkg": ("GeoPackage", (".gpkg",)),
    "shp": ("Shapefile", (".shp",)),
    "shpzip": ("Shapefile (zipped)", (".shp.zip", ".zip")),
    "geojson": ("GeoJSON", (".geojson", ".json")),
    "kml": ("KML", (".kml", ".kmz")),
    "fgb": ("FlatGeobuf", (".fgb",)),
    "csv": ("CSV", (".csv", ".txt", ".tsv")),
    "xlsx": ("Excel", (".xlsx", ".xlsm", ".xls")),
    "embedded": ("copy kept in the project", ()),
}
TABLE_FORMATS = ("csv", "xlsx")
#: Coordinate systems of lon/lat: see hzmap.model.geo.chinacrs.SYSTEMS.
COORD_SYSTEMS = ("wgs84", "gcj02", "bd09")
#: File-name patterns the Add layer dialog offers.
FILE_FILTER = "*.gpkg *.shp *.zip *.geojson *.json *.kml *.kmz *.fgb *.csv *.txt *.tsv *.xlsx *.xlsm *.xls"


def detect_format(path) -> str | None:
    """The format a file name says, or None."""
    name = Path(path).name.lower()
    for fmt, (_label, endings) in FORMATS.items():
        if any(name.endswith(e) for e in endings):
            return fmt
    return None


def is_geojson(path) -> bool:
    """A .json file that is GeoJSON (DataV's 330100_full.json) rather than a project: its first
    kilobytes name a FeatureCollection or a Feature and not hzmap's project format."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096).decode("utf-8", "replace")
    except OSError:
        return False
    if "hzmap-project" in head:
        return False
    return any(f'"{t}"' in head for t in ("FeatureCollection", "Feature")) and '"type"' in head


def format_label(fmt: str) -> str:
    return FORMATS.get(fmt, (fmt, ()))[0]


@dataclass(frozen=True)
class LayerSource:
    """What to read and how.

    path         the file (absolute in memory; None for an embedded copy whose file is gone)
    format       a key of FORMATS
    sublayer     GeoPackage/KML/zip layer or Excel sheet; None = the first
    coords       "wgs84", "gcj02" or "bd09": the system lon/lat are in (vector files in a
                 geographic CRS too: an Amap GeoJSON says WGS84 but holds GCJ-02); None = as stated
    coords_guess why `coords` was preselected ("column 'gcj_lng' says gcj"), for the dialog
    x_column, y_column   the lon/lat (or x/y) columns of a table
    join_column  the column of district names or adcodes of a district table
    embed        keep a copy of the features in the project file
    embedded     that copy (GeoJSON text, map CRS), filled when a project is saved or read
    """

    path: Path | None
    format: str
    sublayer: str | None = None
    coords: str | None = None
    coords_guess: str = ""
    x_column: str | None = None
    y_column: str | None = None
    join_column: str | None = None
    embed: bool = False
    embedded: str | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"unknown layer format {self.format!r}")
        if self.coords is not None and self.coords not in COORD_SYSTEMS:
            raise ValueError(f"unknown coordinate system {self.coords!r} (one of {', '.join(COORD_SYSTEMS)})")
        if self.path is not None and not isinstance(self.path, Path):
            object.__setattr__(self, "path", Path(self.path))

    @property
    def is_table(self) -> bool:
        return self.format in TABLE_FORMATS

    @property
    def label(self) -> str:
        """How the layer list names the source: file name and part."""
        name = self.path.name if self.path is not None else format_label(self.format)
        return f"{name} › {self.sublayer}" if self.sublayer else name


def source_for(path, **kw) -> LayerSource:
    """A LayerSource for a file with the format its name says; LayerError if none."""
    fmt = kw.pop("format", None) or detect_format(path)
    if fmt is None:
        raise LayerError(path, "is not a format hzmap reads (GeoPackage, Shapefile, GeoJSON, KML, "
                               "FlatGeobuf, CSV or Excel)")
    return LayerSource(Path(path).absolute(), fmt, **kw)


def layer_name(source: LayerSource) -> str:
    """The layer list's first name for a layer: the file name without its ending (and the sheet)."""
    stem = source.path.name if source.path is not None else format_label(source.format)
    endings = sorted((e for _l, es in FORMATS.values() for e in es), key=len, reverse=True)
    for ending in endings:
        if stem.lower().endswith(ending):
            stem = stem[: -len(ending)]
            break
    return f"{stem} · {source.sublayer}" if source.sublayer and source.format == "xlsx" else stem
