"""Parsed YAML kept between runs, by the text's own hash, as Python keeps byte code.

Parsing the layout dataset's 25 files (225 KB) with PyYAML takes about 30 ms of every command
that loads it, and importing PyYAML 10 ms more: for a one-map export that is a twentieth of the
process. The data of a text parsed once is kept in the user's cache folder under the SHA-256
of the text (and of VERSION), so any change to a file is a new text and parsed
again; nothing else is trusted (no modification times). Entries are JSON (dates tagged), so
reading one never runs code; data JSON cannot hold exactly (keys that are not text) is not
kept. A cache that cannot be read or written (a read-only home, a full disk, a damaged entry)
is passed over in silence: the text is parsed as if it had never been seen.

The folder is $HZMAP_CACHE_DIR, else $XDG_CACHE_HOME/hzmap, else ~/.cache/hzmap; each entry is
written with hzmap.model.files.atomic.write_atomic, and the oldest go beyond MAX_ENTRIES.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
from pathlib import Path

from hzmap.model.files import atomic
#: Part of every key: change it when yamlio parses differently, and every text is parsed anew.
VERSION = "yamlio-2"
MAX_ENTRIES = 400
MAX_TEXT = 5 * 1024 * 1024
MISSING = object()
_DATE, _DATETIME = "\u0000date", "\u0000datetime"  # tags no YAML key can be


def folder() -> Path:
    explicit = os.environ.get("HZMAP_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "hzmap" / "yaml"


def _key(text: str) -> str:
    return hashlib.sha256(f"{VERSION}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()


def _encode(value):
    if isinstance(value, _dt.datetime):
        return {_DATETIME: value.isoformat()}
    if isinstance(value, _dt.date):
        return {_DATE: value.isoformat()}
    raise TypeError(f"{type(value).__name__} is not plain data")


def _decode(obj: dict):
    if len(obj) == 1:
        if _DATE in obj:
            return _dt.date.fromisoformat(obj[_DATE])
        if _DATETIME in obj:
            return _dt.datetime.fromisoformat(obj[_DATETIME])
    return obj


def get(text: str):
    """The data parsed from `text` before, or MISSING."""
    if len(text) > MAX_TEXT:
        return MISSING
    try:
        blob = (folder() / _key(text)).read_bytes()
        return json.loads(blob, object_hook=_decode)
    except Exception:  # no entry, an unreadable or damaged one: parse the text
        return MISSING


def put(text: str, data) -> None:
    """Keep `data`, parsed from `text`, for the next run (best effort)."""
    if len(text) > MAX_TEXT:
        return
    try:
        blob = json.dumps(data, default=_encode, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if json.loads(blob, object_hook=_decode) != data:  # e.g. number keys: not kept
            return
        where = folder()
        where.mkdir(parents=True, exist_ok=True)
        atomic.write_atomic(where / _key(text), blob)
        _prune(where)
    except Exception:  # a read-only or full disk, data that is not plain: no entry
        return


def _prune(where: Path) -> None:
    entries = [p for p in where.iterdir() if len(p.name) == 64]
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda p: p.stat().st_mtime)
    for old in entries[:len(entries) - MAX_ENTRIES]:
        old.unlink(missing_ok=True)
