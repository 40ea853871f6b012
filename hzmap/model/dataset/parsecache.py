"""Parsed YAML kept between runs, by the text's own hash, as Python keeps byte code.

Parsing the layout dataset's 25 files (225 KB) with PyYAML takes about 30 ms of every command
that loads it, and importing PyYAML 10 ms more: for a one-map export that is a twentieth of the
process. The data of a text parsed once is kept in the user's cache folder under the SHA-256
of the text (and of VERSION), so any change to a file is a new text and parsed
again; nothing else is trusted (no modification times). Entries are JSON (dates tagged), so
reading one never runs code; data JSON cannot hold exactly (keys that are not text) is not
kept. A cache that cannot be read or written (a read-only home, a full disk, a damaged entry)
is passed over in silence: the text is parsed as if it had never been seen.

An entry is checked before it is used: its first line names its key and carries an HMAC of the
key and the data under a secret of this user's (KEY_FILE, in the config folder, not the cache
folder), so an entry written for another text, damaged, or planted by anyone who cannot read
that secret (a shared or copied cache folder) is detected and the text parsed anew. Entries and
the secret are read only as regular files (hzmap.model.files.safeio: a FIFO never blocks), and
written without following links. `hzmap validate` parses every file (`reparsing()`).

The folder is $HZMAP_CACHE_DIR, else $XDG_CACHE_HOME/hzmap, else ~/.cache/hzmap; each entry is
written with hzmap.model.files.atomic.write_atomic, and the oldest go beyond MAX_ENTRIES.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import hmac
import json
import os
import secrets
import stat
import sys
from pathlib import Path

from hzmap.model.files import atomic, safeio
#: Part of every key: change it when yamlio parses differently, and every text is parsed anew.
VERSION = "yamlio-3"
KEY_FILE = "parsecache.key"
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


def config_folder() -> Path:
    """Where the cache's secret is kept: $HZMAP_CONFIG_DIR, else the user's config folder."""
    explicit = os.environ.get("HZMAP_CONFIG_DIR")
    if explicit:
        return Path(explicit)
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "hzmap"
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "hzmap"


_SECRET: dict[str, bytes] = {}
_REPARSE = [False]


def _secret() -> bytes | None:
    """This user's 32-byte secret, made once (exclusively, 0600, never through a link); None
    when it can be neither read nor made (then nothing is cached)."""
    path = config_folder() / KEY_FILE
    if str(path) in _SECRET:
        return _SECRET[str(path)]
    key = None
    try:
        key = safeio.read_bytes(path, 64, what="cache key")
    except safeio.FileProblem:
        pass
    if key is None or len(key) != 32:
        key = secrets.token_bytes(32)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic.write_atomic(path, key, follow_links=False, mode=0o600)
        except OSError:
            return None
    _SECRET[str(path)] = key
    return key


def _key(text: str) -> str:
    return hashlib.sha256(f"{VERSION}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()


def _mac(secret: bytes, key: str, body: bytes) -> str:
    return hmac.new(secret, key.encode() + b"\n" + body, hashlib.sha256).hexdigest()


@contextlib.contextmanager
def reparsing():
    """Within: every text is parsed (and its entry written again), none taken from the cache."""
    _REPARSE[0] = True
    try:
        yield
    finally:
        _REPARSE[0] = False


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
    """The data parsed from `text` before, or MISSING (also for an entry that fails its check)."""
    if len(text) > MAX_TEXT or _REPARSE[0]:
        return MISSING
    secret = _secret()
    if secret is None:
        return MISSING
    key = _key(text)
    try:
        blob = safeio.read_bytes(folder() / key, 4 * MAX_TEXT + 4096, what="cache entry")
        head, _, body = blob.partition(b"\n")
        meta = json.loads(head)
        if not (isinstance(meta, dict) and meta.get("key") == key
                and hmac.compare_digest(str(meta.get("mac")), _mac(secret, key, body))):
            return MISSING
        return json.loads(body, object_hook=_decode)
    except Exception:  # no entry, an unreadable, damaged or foreign one: parse the text
        return MISSING


def put(text: str, data) -> None:
    """Keep `data`, parsed from `text`, for the next run (best effort)."""
    if len(text) > MAX_TEXT:
        return
    try:
        secret = _secret()
        if secret is None:
            return
        body = json.dumps(data, default=_encode, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if json.loads(body, object_hook=_decode) != data:  # e.g. number keys: not kept
            return
        key = _key(text)
        head = json.dumps({"key": key, "mac": _mac(secret, key, body)}).encode()
        where = folder()
        where.mkdir(parents=True, exist_ok=True)
        atomic.write_atomic(where / key, head + b"\n" + body, follow_links=False)
        _prune(where)
        atomic.clean_stale_parts(where)
    except Exception:  # a read-only or full disk, data that is not plain: no entry
        return


def _prune(where: Path) -> None:
    entries = [(p, p.lstat()) for p in where.iterdir() if len(p.name) == 64]
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda e: e[1].st_mtime)
    for old, st in entries[:len(entries) - MAX_ENTRIES]:
        if stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode):
            old.unlink(missing_ok=True)
