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
- GDAL's own web requests (CPLHTTPFetch: a GeoJSON's old-style `"crs": {"type": "link"}` makes
  the GeoJSON driver fetch the URL) have no option to switch them off, so `pyogrio()` installs a
  fetch callback (CPLHTTPSetFetchCallback, GDAL's hook for exactly this) that refuses every one.
- `pyogrio()` fails closed: if a driver outside DRIVERS is still registered (a newer GDAL with a
  driver this list does not name), or the fetch callback cannot be installed, no GIS file is
  opened and the message says why; tests/test_untrusted_files.py checks both against the GDAL in
  use.
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
    """GDAL has drivers registered that hzmap does not let read a planner's file, or its web
    requests could not be switched off."""


_REFUSER: list = []  # the installed fetch callback (kept alive for as long as GDAL may call it)
REFUSED_URLS: list[str] = []


def pyogrio():
    """pyogrio, once GDAL has only the drivers hzmap allows and makes no web request;
    DriversNotRestricted otherwise (GDAL was imported before ENVIRONMENT was set, it has drivers
    KNOWN does not name, or its library could not be found to refuse its requests)."""
    import pyogrio as module
    import pyogrio.raw  # noqa: F401 - module.raw: reading without geopandas' geometry checks

    extra = sorted(set(module.list_drivers()) - ALLOWED)
    if extra:
        raise DriversNotRestricted(
            f"GDAL's driver(s) {', '.join(extra[:8])}{' …' if len(extra) > 8 else ''} could read other "
            "files or the network; hzmap opens GIS files only with them switched off")
    if not _REFUSER:
        _refuse_web_requests(module)
    return module


def registered() -> list[str]:
    """The drivers GDAL has in this process (for the tests: run in the reader process)."""
    return sorted(pyogrio().list_drivers())


def _library(module):
    """The GDAL library pyogrio loaded."""
    import ctypes.util
    import glob
    from pathlib import Path

    try:
        with open("/proc/self/maps") as fh:
            for line in fh:
                if "libgdal" in line.rsplit("/", 1)[-1]:
                    return line.split(None, 5)[-1].strip()
    except OSError:
        pass
    here = Path(module.__file__).parent
    for pattern in (str(here.parent / "pyogrio.libs" / "*gdal*"), str(here / ".dylibs" / "libgdal*")):
        found = sorted(glob.glob(pattern))
        if found:
            return found[0]
    return ctypes.util.find_library("gdal")


def _refuse_web_requests(module) -> None:
    """Make every CPLHTTPFetch of GDAL's fail at once, with no connection made."""
    import ctypes

    path = _library(module)
    try:
        lib = ctypes.CDLL(path)
        setter = lib.CPLHTTPSetFetchCallback
    except (OSError, TypeError, AttributeError):
        raise DriversNotRestricted("GDAL's web requests could not be switched off (its library was not "
                                   "found); hzmap opens GIS files only with them off") from None
    lib.CPLCalloc.restype = ctypes.c_void_p
    lib.CPLCalloc.argtypes = [ctypes.c_size_t, ctypes.c_size_t]
    lib.CPLStrdup.restype = ctypes.c_void_p
    lib.CPLStrdup.argtypes = [ctypes.c_char_p]
    callback = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_char_p, *[ctypes.c_void_p] * 6)

    def refuse(url, *_rest):
        # a CPLHTTPResult GDAL frees itself: nStatus (an int, then padding), pszContentType, pszErrBuf
        REFUSED_URLS.append((url or b"").decode("utf-8", "replace")[:200])
        result = lib.CPLCalloc(1, 256)
        ctypes.c_int.from_address(result).value = 1
        ctypes.c_void_p.from_address(result + 2 * ctypes.sizeof(ctypes.c_void_p)).value = \
            lib.CPLStrdup(b"hzmap reads no web resource for a planner's file")
        return result

    _REFUSER.append(callback(refuse))
    setter.argtypes = [callback, ctypes.c_void_p]
    setter(_REFUSER[0], None)
