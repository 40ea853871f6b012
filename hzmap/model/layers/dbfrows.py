"""A shapefile's attributes: the .dbf's records, typed and decoded, with numpy. No Qt.

The records are fixed width, so one numpy view cuts every field of every record at once.
Fields are typed as GDAL types them: N with no decimals is an integer (up to 18 digits), N with
decimals and F are reals, L is true/false, D a date (YYYY-MM-DD), anything else text; an empty
cell is null (an integer column with nulls is read as reals, NaN where null). Text is decoded
with the encoding the .cpg names, else the code page in the header, else the one
hzmap.model.layers.dbf guessed, else Latin-1; bytes that do not decode are replaced, never fatal.
A record marked deleted is left out, with its geometry (as GDAL does).
"""
from __future__ import annotations

import codecs
import struct
from pathlib import Path

import numpy as np

from hzmap.model.layers import dbf
from hzmap.model.layers.gisraw import MAX_FEATURES, GisReadError

#: code page bytes (LDID) of a .dbf header and their encodings
_LDID = {0x01: "cp437", 0x02: "cp850", 0x03: "cp1252", 0x13: "cp932", 0x26: "cp866", 0x4D: "gb18030",
         0x4E: "cp949", 0x4F: "cp950", 0x50: "cp874", 0x58: "cp1252", 0x59: "cp1252", 0x64: "cp852",
         0x65: "cp866", 0x78: "cp950", 0x79: "cp949", 0x7A: "gb18030", 0x7B: "cp932", 0x7C: "cp874",
         0x7D: "cp1255", 0x7E: "cp1256", 0xC8: "cp1250", 0xC9: "cp1251", 0xCA: "cp1254", 0xCB: "cp1253"}
_CHINESE = {"gbk", "gb2312", "cp936", "936", "gb18030", "ansi 936"}


def _codec(name: str) -> str | None:
    text = name.strip().lower().replace("ansi ", "") if name else ""
    if text in _CHINESE:
        return "gb18030"
    if text.isdigit():
        text = {"65001": "utf-8", "88591": "latin-1"}.get(text, "iso8859-" + text[4:] if text.startswith("8859")
                                                          else "cp" + text)
    if text.startswith("8859_"):
        text = "iso8859-" + text[5:]
    try:
        return codecs.lookup(text).name
    except LookupError:
        return None


def text_encoding(shp) -> str:
    """The encoding of the text in the shapefile `shp`'s .dbf (see the module's docstring)."""
    shp = Path(shp)
    cpg = dbf.sidecar(shp, ".cpg")
    if cpg is not None:
        try:
            found = _codec(cpg.read_bytes()[:64].decode("ascii", "replace"))
        except OSError:
            found = None
        if found:
            return found
    table = dbf.sidecar(shp, ".dbf")
    if table is not None:
        try:
            with open(table, "rb") as fh:
                head = fh.read(32)
        except OSError:
            head = b""
        if len(head) == 32 and head[29] in _LDID:
            return _LDID[head[29]]
    guessed, _notes = dbf.encoding_of(shp)
    return {"UTF-8": "utf-8", "GB18030": "gb18030"}.get(guessed or "", "latin-1")


def _fields(data: bytes, header_len: int):
    fields, at, offset = [], 32, 1
    while at + 32 <= min(header_len, len(data)) and data[at] != 0x0D:
        raw = data[at:at + 32]
        fields.append((raw[:11].split(b"\x00", 1)[0], chr(raw[11]).upper(), offset, raw[16], raw[17]))
        offset += raw[16]
        at += 32
    return fields, offset


def _numbers(cells: np.ndarray, integer: bool) -> np.ndarray:
    cells = np.char.strip(cells)
    empty = (cells == b"") | (np.char.count(cells, b"*") > 0)
    filled = np.where(empty, b"0", cells)
    if integer:
        try:
            values = filled.astype(np.int64)
            return values.astype(float) if empty.any() else values
        except (ValueError, OverflowError):
            pass
    try:
        values = filled.astype(float)
    except ValueError:
        values = np.array([_float(c) for c in filled.tolist()])
    values[empty] = np.nan
    return values


def _float(cell: bytes) -> float:
    try:
        return float(cell.replace(b",", b"."))
    except ValueError:
        return np.nan


def _texts(cells: np.ndarray, encoding: str) -> np.ndarray:
    out = np.empty(len(cells), dtype=object)
    cells = np.char.rstrip(cells, b" ").tolist()
    joined = b"\x00".join(cells)
    parts = joined.decode(encoding, "replace").split("\x00") if b"\x00" not in b"".join(cells) else None
    if parts is None or len(parts) != len(cells):  # a cell holds a NUL, or a multi-byte code ate one
        parts = [c.decode(encoding, "replace") for c in cells]
    out[:] = [t or None for t in parts]
    return out


def _logical(cells: np.ndarray) -> np.ndarray:
    values = [True if c in (b"T", b"t", b"Y", b"y") else False if c in (b"F", b"f", b"N", b"n") else None
              for c in cells.tolist()]
    if None in values:
        out = np.empty(len(values), dtype=object)
        out[:] = values
        return out
    return np.array(values, dtype=bool)


def _dates(cells: np.ndarray) -> np.ndarray:
    out = np.empty(len(cells), dtype=object)
    out[:] = [f"{c[:4].decode()}-{c[4:6].decode()}-{c[6:8].decode()}" if len(c) == 8 and c.isdigit() else None
              for c in np.char.strip(cells).tolist()]
    return out


def records(path: Path, encoding: str, count: int):
    """({name: values}, the numeric names, mask of deleted records) for `count` features: a
    .dbf with fewer records gives nulls for the rest, one with more is cut to `count`."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(32)
            if len(head) < 32:
                raise GisReadError(f"{path.name} is cut short (no header)")
            header_len, record_len = struct.unpack_from("<HH", head, 8)
            data = head + fh.read(max(0, header_len - 32))
            fields, width = _fields(data, header_len)
            rows = min(count, MAX_FEATURES)
            body = fh.read(record_len * rows) if record_len > 0 else b""
    except OSError as exc:
        raise GisReadError(f"{path.name} cannot be read ({exc.strerror or exc})") from None
    if fields and record_len < width:
        raise GisReadError(f"{path.name} says its records are {record_len} bytes, but its fields need {width}")
    have = len(body) // record_len if record_len > 0 else 0
    raw = np.frombuffer(body, dtype=np.uint8, count=have * record_len).reshape(have, max(record_len, 1)) \
        if have else np.empty((0, 1), dtype=np.uint8)
    deleted = np.zeros(count, dtype=bool)
    deleted[:have] = raw[:, 0] == ord("*")
    columns, numeric, seen = {}, [], set()
    for name, kind, offset, size, decimals in fields:
        label = name.decode(encoding, "replace").strip() or f"field{len(columns) + 1}"
        while label in seen:
            label += "_"
        seen.add(label)
        cells = np.ascontiguousarray(raw[:, offset:offset + size]).view(f"S{max(size, 1)}").ravel() \
            if size else np.full(have, b"", dtype="S1")
        if kind in "NF" and size:
            values = _numbers(cells, kind == "N" and decimals == 0 and size <= 18)
            numeric.append(label)
        elif kind == "L":
            values = _logical(np.char.strip(cells))
        elif kind == "D":
            values = _dates(cells)
        else:
            values = _texts(cells, encoding)
        if have < count:
            pad = np.full(count - have, np.nan if values.dtype.kind == "f" else None,
                          dtype=float if values.dtype.kind in "fi" else object)
            values = np.concatenate([values.astype(pad.dtype), pad])
        columns[label] = values
    return columns, numeric, deleted
