"""Reading a user's CSV text: through hzmap.model.files.safeio (regular files only, bounded reads,
explicit decoding), in UTF-8 or the Chinese legacy encodings.

Spreadsheets exported on Chinese Windows are usually GBK; Excel's "CSV UTF-8" starts with a
BOM. GB18030 is a superset of GBK and GB2312, so one fallback covers them.
"""
from __future__ import annotations

from pathlib import Path

from hzmap.model.files import safeio
from hzmap.model.layers.errors import LayerError

MAX_TEXT_BYTES = 1 << 30
ENCODINGS = ("utf-8", "utf-16", "gb18030")


def read_bytes(path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """At most `limit` bytes of a regular file; LayerError if it is longer or unreadable."""
    try:
        return safeio.read_bytes(path, limit, what="table")
    except safeio.FileProblem as exc:
        raise LayerError(Path(path), exc.problem) from None


def decode_text(raw: bytes, path=None) -> tuple[str, str]:
    """(text, encoding name) for CSV bytes: a BOM decides, else UTF-8, else GBK/GB18030."""
    try:
        return safeio.decode_as(raw, path, ENCODINGS)
    except safeio.FileProblem as exc:
        raise LayerError(path, exc.problem) from None


def read_text(path, limit: int = MAX_TEXT_BYTES) -> tuple[str, str]:
    path = Path(path)
    return decode_text(read_bytes(path, limit), path)
