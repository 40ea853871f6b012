"""Is a GIS file what its name says? The first bytes decide, before a reader sees the file. No Qt.

A file is read as the format its name says, and refused early, with a message saying what it
looks like, when its content is something else: a GDAL virtual dataset (XML that makes GDAL
fetch URLs or read other files) saved as x.geojson is named as such, so a planner who got one
knows what it is; hzmap's own readers would never follow it. Each format hzmap reads has a
signature of its own: a GeoPackage is an SQLite database, a shapefile's .shp starts with the
file code 9994, FlatGeobuf with "fgb", GeoJSON is a JSON object, and KML is XML whose root
element is <kml>. A file that does not start as its format does is refused, saying what it
looks like instead. KML with a document type declaration is refused too: KML has none, and it
is where XML declares entities that expand or fetch.
"""
from __future__ import annotations

import re

from hzmap.model.files import safeio
from hzmap.model.layers.errors import LayerError

_HEAD = 4096
_SQLITE = b"SQLite format 3\x00"
_SHP = b"\x00\x00\x27\x0a"
_NAMES = {"gpkg": "a GeoPackage", "shp": "a shapefile", "geojson": "GeoJSON", "kml": "KML",
          "fgb": "a FlatGeobuf file"}
_XML_PROLOGUE = re.compile(rb"\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*", re.S)
_XML_ROOT = re.compile(rb"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")


def head(path, n: int = _HEAD) -> bytes:
    """The first `n` bytes of the regular file `path` (LayerError if it is not one; opened so
    that a FIFO put in its place cannot block)."""
    import os
    import stat

    try:
        safeio.regular_stat(path, "file")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except safeio.FileProblem as exc:
        raise LayerError(path, exc.problem) from None
    except OSError as exc:
        raise LayerError(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise LayerError(path, "is not a regular file")
        return os.read(fd, n)
    except OSError as exc:
        raise LayerError(path, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def _text(data: bytes) -> bytes:
    for bom in (b"\xef\xbb\xbf",):
        if data.startswith(bom):
            data = data[len(bom):]
    return data.lstrip()


def xml_root(data: bytes) -> str | None:
    """The root element's local name of an XML text's first bytes, '!DOCTYPE' when a document
    type comes first, or None when it does not start as XML."""
    data = _text(data)
    if not data.startswith(b"<"):
        return None
    m = _XML_PROLOGUE.match(data)
    rest = data[m.end():] if m else data
    if rest[:9].upper() == b"<!DOCTYPE":
        return "!DOCTYPE"
    root = _XML_ROOT.match(rest)
    return root.group(2).decode("ascii", "replace") if root else None


def looks_like(data: bytes) -> str:
    """What the first bytes of a file look like, in words, for a refusal."""
    text = _text(data)
    if data.startswith(_SQLITE):
        return "an SQLite database"
    if data.startswith(b"PK\x03\x04"):
        return "a zip archive"
    if data.startswith(b"%PDF"):
        return "a PDF document"
    if text.startswith(b"<"):
        root = xml_root(data)
        if root in ("OGRVRTDataSource", "VRTDataset"):
            return "a GDAL virtual dataset (XML that makes GDAL read other files or the network)"
        return f"XML (root element <{root}>)" if root and root != "!DOCTYPE" else "XML"
    if text.startswith((b"{", b"[")):
        return "JSON"
    if not data:
        return "empty"
    if b"\x00" in data[:512]:
        return "binary data"
    return "text"


def check(path, fmt: str) -> None:
    """LayerError unless the file at `path` starts as format `fmt` does."""
    data = head(path)
    if _matches(fmt, data):
        return
    name = _NAMES.get(fmt, fmt)
    if fmt == "kml" and xml_root(data) == "!DOCTYPE":
        raise LayerError(path, "is KML with a document type declaration (<!DOCTYPE>), which KML "
                               "does not use and which can make an XML reader fetch or expand "
                               "entities; refused")
    raise LayerError(path, f"is not {name}: its content is {looks_like(data)}; refused")


def _matches(fmt: str, data: bytes) -> bool:
    if fmt == "gpkg":
        return data.startswith(_SQLITE)
    if fmt == "shp":
        return data.startswith(_SHP)
    if fmt == "fgb":
        return data.startswith(b"fgb")
    if fmt == "geojson":
        return _text(data).startswith(b"{")
    if fmt == "kml":
        return xml_root(data) == "kml"
    return False
