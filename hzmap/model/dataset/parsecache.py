"""Parsed YAML kept between runs, by the text's own hash, as Python keeps byte code.

Parsing the layout dataset's 25 files (225 KB) with PyYAML takes about 30 ms of every command
that loads it, and importing PyYAML 10 ms more: for a one-map export that is a twentieth of the
process. The data of a text parsed once is kept in the user's cache folder under the SHA-256
of the text (and of VERSION), so any change to a file is a new text and parsed
again; nothing else is trusted (no modification times). Entries are pickles of plain data read
back by an unpickler that builds only plain types and dates, never a class of anyone's
choosing. A cache that cannot be read or written (a read-only home, a full disk, a damaged
entry) is passed over in silence: the text is parsed as if it had never been seen.

The folder is $HZMAP_CACHE_DIR, else $XDG_CACHE_HOME/hzmap, else ~/.cache/hzmap; each entry is
written with hzmap.model.atomic.write_atomic, and the oldest go beyond MAX_ENTRIES.
"""
from __future__ import annotations

import hashlib
import io
import os
import pickle
from pathlib import Path

from hzmap.model import atomic

#: Part of every key: change it when yamlio parses differently, and every text is parsed anew.
VERSION = "yamlio-1"
MAX_ENTRIES = 400
MAX_TEXT = 5 * 1024 * 1024
MISSING = object()
#: The only classes an entry may name: what YAML's plain scalars become.
_ALLOWED = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "timezone"),
            ("datetime", "timedelta")}


def folder() -> Path:
    explicit = os.environ.get("HZMAP_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "hzmap" / "yaml"


def _key(text: str) -> str:
    return hashlib.sha256(f"{VERSION}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not plain data")


def get(text: str):
    """The data parsed from `text` before, or MISSING."""
    if len(text) > MAX_TEXT:
        return MISSING
    try:
        blob = (folder() / _key(text)).read_bytes()
        return _PlainUnpickler(io.BytesIO(blob)).load()
    except Exception:  # no entry, an unreadable or damaged one: parse the text
        return MISSING


def put(text: str, data) -> None:
    """Keep `data`, parsed from `text`, for the next run (best effort)."""
    if len(text) > MAX_TEXT:
        return
    try:
        blob = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
        _PlainUnpickler(io.BytesIO(blob)).load()  # only what get() would read back
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
