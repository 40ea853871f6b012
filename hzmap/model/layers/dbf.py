"""A shapefile's text encoding when nothing says it, and the parts a shapefile needs. No Qt.

A shapefile's attributes are in its .dbf, whose text has no encoding of its own: a .cpg file
beside it names one, or the .dbf's header carries a code page byte (LDID). Shapefiles made on
Chinese Windows often have neither, and a reader then takes GBK text for Latin-1 (萧山项目 becomes
ÏôÉ½ÏîÄ¿). So, with no .cpg and no code page, the bytes of the field names and text fields are
looked at: UTF-8 if they decode as UTF-8, else GB18030 when they read as Chinese
(hzmap.model.files.safeio.decode_as: the same rules as every text file hzmap reads), and a note
says so. The layer is read all the same when neither fits (as Latin-1, as GDAL does).

`records` reads the attributes themselves (hzmap.model.layers.dbfrows).
"""
from __future__ import annotations

import struct
from pathlib import Path

from hzmap.model.files import safeio

_SAMPLE = 4 << 20  # bytes of records looked at
#: LDID values that name no code page (0: none; 0x57: "current ANSI", i.e. the writer's machine)
_NO_CODE_PAGE = (0x00, 0x57)


def sidecar(shp: Path, ext: str) -> Path | None:
    for candidate in (shp.with_suffix(ext), shp.with_suffix(ext.upper())):
        if candidate.is_file():
            return candidate
    return None


def missing_parts(shp) -> list[str]:
    """The notes, or problems, of a shapefile's missing parts: (.shx is needed, .dbf is not)."""
    shp = Path(shp)
    notes = []
    if sidecar(shp, ".dbf") is None:
        notes.append(f"{shp.stem}.dbf is missing beside {shp.name}: the features are read without "
                     "attributes (a shapefile keeps them in its .dbf)")
    return notes


def _text_bytes(data: bytes) -> bytes:
    """The field names and the text fields' bytes of the records in `data` (a .dbf's start)."""
    if len(data) < 32:
        return b""
    header_len, record_len = struct.unpack("<HH", data[8:12])
    names, spans, at, offset = [], [], 32, 1  # each record starts with a deletion flag byte
    while at + 32 <= min(header_len, len(data)) and data[at] != 0x0D:
        field = data[at:at + 32]
        names.append(field[:11].split(b"\x00", 1)[0])
        if field[11:12] in (b"C", b"M"):
            spans.append((offset, offset + field[16]))
        offset += field[16]
        at += 32
    out = [b"\n".join(names)]
    if record_len > 0:
        for start in range(header_len, len(data) - record_len + 1, record_len):
            record = data[start:start + record_len]
            out.extend(record[a:b].rstrip(b" \x00") for a, b in spans)
    return b"\n".join(out)


def encoding_of(shp) -> tuple[str | None, list[str]]:
    """(encoding, or None when a .cpg or the code page names one or there is nothing to guess
    from, notes) for the shapefile `shp`."""
    shp = Path(shp)
    dbf = sidecar(shp, ".dbf")
    if dbf is None or sidecar(shp, ".cpg") is not None:
        return None, []
    try:
        with open(dbf, "rb") as fh:
            data = fh.read(_SAMPLE)
    except OSError:
        return None, []
    if len(data) < 32 or data[29] not in _NO_CODE_PAGE:
        return None, []
    text = _text_bytes(data)
    if not any(b > 0x7F for b in text):
        return None, []
    try:
        _decoded, encoding = safeio.decode_as(text.replace(b"\x00", b" "), dbf, ("utf-8", "gb18030"))
    except safeio.FileProblem:
        return None, [f"{dbf.name} says nothing of its text encoding (no .cpg beside it) and its text is "
                      "neither UTF-8 nor Chinese GBK: names may show wrongly; add a .cpg naming its encoding"]
    label = "UTF-8" if encoding.startswith("utf") else "GBK/GB18030 (Chinese)"
    return ("UTF-8" if encoding.startswith("utf") else "GB18030"), [
        f"{dbf.name} has no .cpg naming its text encoding: its text was read as {label}"]
