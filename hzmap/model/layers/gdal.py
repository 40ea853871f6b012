"""GDAL as hzmap lets it read a planner's GIS file: the drivers of the formats hzmap opens, and
nothing that reaches the network or other files. No Qt.

GDAL picks a driver from a file's content, not its name. A GDAL virtual dataset (VRT: XML naming
other datasets) saved as x.geojson makes GDAL fetch the URLs or read the local files it names; a
GDALG file runs a processing pipeline; a dozen drivers talk to web services or databases. So:

- ENVIRONMENT names, in GDAL_SKIP, every vector driver GDAL has except the ones of the formats
  hzmap reads (DRIVERS); GDAL drops them when it registers its drivers. GDAL reads GDAL_SKIP only
  then, so these options go into the environment of the reader process
  (hzmap.model.files.isolated), where nothing has imported GDAL yet. The other options switch off
  what could still reach out: /vsicurl/ (no file name is allowed), plug-in drivers, Python code
  in VRTs, virtual tables and SQL functions in a GeoPackage's views and triggers, PROJ's grid
  downloads, the cloud credential look-ups, and listing a file's folder when it is opened.
- `pyogrio()` fails closed: if a driver outside DRIVERS is still registered (a newer GDAL with a
  driver this list does not name), no GIS file is opened and the message says which;
  tests/test_untrusted_files.py checks the list against the GDAL in use.
- `sniff.py` checks that a file's content is the format its name says before GDAL sees it, and
  `pyogrio()` is handed only that format's drivers to expect.
"""
from __future__ import annotations

#: format -> the GDAL drivers that may read it (ESRIJSON and TopoJSON are the JSON flavours
#: ArcGIS and D3 write: the same local parser as GeoJSON).
DRIVERS: dict[str, tuple[str, ...]] = {
    "gpkg": ("GPKG",),
    "shp": ("ESRI Shapefile",),
    "geojson": ("GeoJSON", "ESRIJSON", "TopoJSON"),
    "kml": ("KML",),
    "fgb": ("FlatGeobuf",),
}
ALLOWED = frozenset(d for ds in DRIVERS.values() for d in ds)

#: Every vector-capable driver of GDAL 3.4-3.12 (and the raster ones that open vector data or
#: URLs), whatever the build includes; names a build lacks are passed over.
KNOWN = (
    "ADBC", "AIVector", "AmigoCloud", "Arrow", "AVCBin", "AVCE00", "Carto", "CSV", "CSW", "CAD",
    "CouchDB", "DGN", "DGNV8", "DODS", "DWG", "DXF", "EDIGEO", "EEDA", "Elasticsearch",
    "ESRI Shapefile", "ESRIC", "ESRIJSON", "FileGDB", "FlatGeobuf", "GDALG", "Geoconcept", "GeoJSON",
    "GeoJSONSeq", "GeoRSS", "GFT", "GML", "GMLAS", "GMT", "GPKG", "GPSBabel", "GPSTrackMaker", "GPX",
    "GRASS", "GTFS", "HANA", "HTF", "HTTP", "Idrisi", "Interlis 1", "Interlis 2", "JML", "JSONFG",
    "KML", "LIBKML", "LVBAG", "MapInfo File", "MapML", "MBTiles", "MEM", "Memory", "MiraMonVector",
    "MongoDB", "MongoDBv3", "MSSQLSpatial", "MVT", "MySQL", "NAS", "netCDF", "NGW", "OAPIF", "OCI",
    "ODBC", "ODS", "OGCAPI", "OGR_DODS", "OGR_GMT", "OGR_OGDI", "OGR_PDS", "OGR_SDTS", "OGR_VRT",
    "OpenFileGDB", "OSM", "Parquet", "PCIDSK", "PDF", "PDS4", "PGDUMP", "PGeo", "PLSCENES",
    "PMTiles", "PostgreSQL", "S57", "SDTS", "Selafin", "SOSI", "SQLite", "SVG", "SXF", "TIGER",
    "TopoJSON", "UK .NTF", "VDV", "VFK", "VICAR", "VRT", "Walk", "WAsP", "WFS", "WMS", "XLS", "XLSX",
    "XODR", "Zarr",
)
SKIP = tuple(sorted(d for d in KNOWN if d not in ALLOWED))

ENVIRONMENT = {
    "GDAL_SKIP": ",".join(SKIP),
    "GDAL_DRIVER_PATH": "disable",                 # no plug-in drivers
    "GDAL_PYTHON_DRIVER_PATH": "disable",
    "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",   # opening a file does not list its folder
    "CPL_VSIL_CURL_ALLOWED_FILENAME": "/hzmap/reads/no/network/files",  # /vsicurl/ opens nothing
    "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".hzmap-no-network",
    "GDAL_HTTP_MAX_RETRY": "0",
    "GDAL_HTTP_TIMEOUT": "1",
    "GDAL_HTTP_CONNECTTIMEOUT": "1",
    "GDAL_HTTP_NETRC": "NO",
    "CPL_GCE_SKIP": "YES",                         # no look-up of cloud machine credentials
    "CPL_AWS_AUTODETECT_EC2": "NO",
    "GDAL_ALLOW_REMOTE_RESOURCE_TO_ACCESS_LOCAL_FILE": "NO",
    "GDAL_VRT_ENABLE_PYTHON": "NO",
    "GDAL_VRT_ENABLE_RAWRASTERBAND": "NO",
    "ALLOW_VIRTUAL_OGR_FROM_TRIGGER_AND_VIEW": "NO",
    "ALLOW_OGR_SQL_FUNCTIONS_FROM_TRIGGER_AND_VIEW": "NO",
    "GML_DOWNLOAD_SCHEMA": "NO",
    "LIBKML_RESOLVE_STYLE": "NO",
    "PROJ_NETWORK": "OFF",                         # no transformation grids fetched
    "CPL_DEBUG": "OFF",
}


class DriversNotRestricted(RuntimeError):
    """GDAL has drivers registered that hzmap does not let read a planner's file."""


def pyogrio():
    """pyogrio, once GDAL has only the drivers hzmap allows; DriversNotRestricted otherwise
    (GDAL was imported before ENVIRONMENT was set, or it has drivers KNOWN does not name)."""
    import pyogrio as module
    import pyogrio.raw  # noqa: F401 - module.raw: reading without geopandas' geometry checks

    extra = sorted(set(module.list_drivers()) - ALLOWED)
    if extra:
        raise DriversNotRestricted(
            f"GDAL's driver(s) {', '.join(extra[:8])}{' …' if len(extra) > 8 else ''} could read other "
            "files or the network; hzmap opens GIS files only with them switched off")
    return module
