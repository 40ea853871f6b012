"""Reading a user's CSV text: bounded, regular files only, UTF-8 or the Chinese legacy encodings.

Spreadsheets exported on Chinese Windows are usually GBK; Excel's "CSV UTF-8" starts with a
BOM. GB18030 is a superset of GBK and GB2312, so one fallback covers them.

TODO: switch to hzmap.model.safeio (issue 15: regular files only, bounded reads) once it lands
on main; this helper does the same two checks locally until then.
"""
from __future__ import annotations

import codecs
from pathlib import Path

from hzmap.model.layers.errors import LayerError, regular_file

MAX_TEXT_BYTES = 1 << 30


def read_bytes(path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """At most `limit` bytes of a regular file; LayerError if it is longer or unreadable."""
    path = regular_file(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)
    except OSError as exc:
        raise LayerError(path, f"cannot be read: {exc.strerror or exc}") from None
    if len(raw) > limit:
        raise LayerError(path, f"is longer than {limit} bytes")
    return raw


def decode_text(raw: bytes, path=None) -> tuple[str, str]:
    """(text, encoding name) for CSV bytes: a BOM decides, else UTF-8, else GB18030."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(name), name
            except UnicodeDecodeError as exc:
                raise LayerError(path, f"is not valid {name} text: {exc.reason} at byte {exc.start}") from None
    if b"\x00" in raw[:4096]:
        raise LayerError(path, "is binary, not a text table")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise LayerError(path, f"is neither UTF-8 nor GBK text (bad byte at {exc.start})") from None


def read_text(path, limit: int = MAX_TEXT_BYTES) -> tuple[str, str]:
    path = Path(path)
    return decode_text(read_bytes(path, limit), path)
