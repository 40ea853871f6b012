"""Reading a file hzmap did not write: the one way every loader opens user and data files. No Qt.

A file named by a user, an environment variable or a data folder may be anything: a FIFO that
blocks `open()` forever, a link to /dev/zero that `stat` calls empty, a folder, a 5 GB file, or
text in GBK or UTF-16. Every loader (dataset, geodata, gazetteer, projects, user layers, imported
documents) reads through here, so each of those gets the same clear message naming the file:

- ``read_bytes(path, limit, what=...)``: the bytes of a regular file, at most ``limit`` of them.
  The file is opened with O_NONBLOCK (a FIFO cannot block) and checked with fstat on the open
  descriptor (a FIFO, device, socket or folder, also behind a symlink, is "not a regular file");
  the bytes actually read are counted (``st_size`` is never trusted).
- ``read_text(path, limit, encodings=("utf-8",), what=...)``: the same, decoded strictly. UTF-8
  (with or without a BOM) first, then any other encoding the caller accepts (e.g. "gb18030");
  otherwise the message says which encoding the bytes look like (UTF-16, UTF-32, GBK, binary).
- ``decode(data, path, encodings)``: that decoding step alone, for bytes taken out of an archive.
- ``snippet(value, n)``: a bounded repr of any loaded value for messages; it never builds the
  repr of a whole structure (a YAML alias bomb expands to billions of items).

Every problem is a :class:`FileProblem` whose ``str()`` is ``"<path>: <problem>"``.

Encodings are told apart by BOMs, NUL patterns and a strict GB18030 decode rather than by a
statistical detector (chardet, charset-normalizer): the files here are UTF-8, GBK or UTF-16 in
practice, the answer must be the same every time, and the app should not carry another
dependency for a message.
"""
from __future__ import annotations

import codecs
import datetime as _dt
import errno
import os
import stat

_CHUNK = 1 << 20
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
               | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0))


class FileProblem(Exception):
    """A file that could not be read as asked. ``path`` is the file as the caller named it,
    ``problem`` the reason without the path, ``kind`` one of "missing", "not-regular",
    "permission", "too-large", "io", "encoding" (or a caller's own, e.g. "syntax")."""

    def __init__(self, path, problem: str, kind: str = "io"):
        self.path = str(path)
        self.problem = problem
        self.kind = kind
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self):  # survives a trip to and from a worker process
        return (type(self), (self.path, self.problem, self.kind))


def size_text(n: int) -> str:
    """5242880 -> "5 MB" (binary units, as file managers show them)."""
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            v = n / size
            return f"{v:.0f} {unit}" if v == int(v) or v >= 10 else f"{v:.1f} {unit}"
    return f"{n} bytes"


def _kind_of(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a plain file"


def _not_regular(path, mode: int, what: str) -> FileProblem:
    return FileProblem(path, f"the {what} is {_kind_of(mode)}, not a regular file", "not-regular")


def _os_problem(path, exc: OSError, what: str, verb: str = "opened") -> FileProblem:
    code = exc.errno
    if code in (errno.ENOENT, errno.ENOTDIR):
        return FileProblem(path, f"the {what} was not found", "missing")
    if code in (errno.EACCES, errno.EPERM):
        return FileProblem(path, f"the {what} cannot be {verb}: permission denied", "permission")
    if code == errno.ELOOP:
        return FileProblem(path, f"the {what} is a symbolic link that leads in a circle", "missing")
    if code == errno.ENAMETOOLONG:
        return FileProblem(path, "the file name is too long for the file system", "missing")
    if code == errno.EISDIR:
        return FileProblem(path, f"the {what} is a folder, not a regular file", "not-regular")
    if code == errno.ENXIO:  # a socket, or a device without a driver
        return FileProblem(path, f"the {what} is a socket or device, not a regular file",
                           "not-regular")
    return FileProblem(path, f"the {what} cannot be {verb} ({exc.strerror or exc})", "io")


def regular_stat(path: str | os.PathLike, what: str = "file") -> os.stat_result:
    """The stat of `path` (links followed) if it is a regular file; FileProblem otherwise (for
    readers that open the file themselves, such as GDAL: they must never be handed a FIFO)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise _os_problem(path, exc, what, "read") from None
    if not stat.S_ISREG(st.st_mode):
        raise _not_regular(path, st.st_mode, what)
    if not os.access(path, os.R_OK):
        raise FileProblem(path, f"the {what} cannot be read: permission denied", "permission")
    return st


def read_bytes(path: str | os.PathLike, limit: int, what: str = "file") -> bytes:
    """The whole content of the regular file `path`, refused when over `limit` bytes.

    `what` names the file in messages ("dataset file", "project file"). Raises FileProblem.
    """
    regular_stat(path, what)  # refuse a device or FIFO without even opening it
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise _os_problem(path, exc, what) from None
    try:
        st = os.fstat(fd)  # what was actually opened: the path may have changed since stat
        if not stat.S_ISREG(st.st_mode):
            raise _not_regular(path, st.st_mode, what)
        if st.st_size > limit:  # a size too large is true; a small one may not be (/proc)
            raise _too_large(path, st.st_size, limit, what)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise FileProblem(path, f"the {what} cannot be read ({exc.strerror or exc})", "io") from None
    finally:
        os.close(fd)
    if total > limit:
        raise _too_large(path, None, limit, what)
    return b"".join(chunks)


def _too_large(path, size: int | None, limit: int, what: str) -> FileProblem:
    shown = size_text(size) if size is not None else f"over {size_text(limit)}"
    return FileProblem(path, f"the {what} is {shown}; files over {size_text(limit)} are refused",
                       "too-large")


def read_text(path: str | os.PathLike, limit: int, encodings=("utf-8",), what: str = "file") -> str:
    """The file's text (see :func:`read_bytes` and :func:`decode`). Raises FileProblem."""
    return decode(read_bytes(path, limit, what), path, encodings)


_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def _norm(enc: str) -> str:
    return codecs.lookup(enc).name


def decode(data: bytes, path, encodings=("utf-8",)) -> str:
    """`data` as text in the first of `encodings` that decodes it (see :func:`decode_as`)."""
    return decode_as(data, path, encodings)[0]


def decode_as(data: bytes, path, encodings=("utf-8",)) -> tuple[str, str]:
    """(text, encoding used): the one way hzmap decodes a file that is not ours.

    A byte-order mark decides when its encoding is accepted; otherwise the accepted encodings
    are tried in order, strictly. UTF-8 may carry a BOM. UTF-16/32 are taken only with their
    BOM (without one, NUL-filled bytes are reported, not guessed). GBK/GB18030 is taken only
    when the text reads as Chinese (GB18030 decodes almost any bytes: a Latin-1 file must not
    become nonsense Chinese). Raises FileProblem (kind "encoding") saying what the bytes look
    like when nothing fits.
    """
    accepted = [_norm(e) for e in encodings]
    for bom, name in _BOMS:
        if data.startswith(bom) and _norm(name) in accepted:
            try:
                return data.decode(_norm(name)), _norm(name)
            except UnicodeError:
                raise FileProblem(path, f"marked as {name} but not valid {name} text", "encoding") from None
    if b"\x00" in data:
        raise FileProblem(path, _describe_nul(data), "encoding")
    first_error = None
    for enc in accepted:
        if enc.startswith(("utf-16", "utf-32")):
            continue  # only with a byte-order mark (above)
        try:
            text = data.decode("utf-8-sig" if enc == "utf-8" else enc)
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
            continue
        if enc in ("gb18030", "gbk", "gb2312") and not looks_gbk(text):
            continue
        return text, enc
    raise FileProblem(path, _describe_undecodable(data, first_error), "encoding")


def _describe_nul(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return f"the text is in {name}, not UTF-8; save it as UTF-8"
    head = data[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = max(1, len(head) // 2)
    if odd > 0.3 * half and even < 0.05 * half or even > 0.3 * half and odd < 0.05 * half:
        return "the text looks like UTF-16 (every other byte is NUL), not UTF-8; save it as UTF-8"
    at = data.index(b"\x00")
    return f"binary data, not text (a NUL byte at byte {at})"


def looks_gbk(text: str) -> bool:
    """Chinese text in GBK uses the GB2312 area (both bytes 0xA1-0xFE) almost only; Latin-1
    bytes read as GBK land in the rare extension area (an accent before an ASCII letter)."""
    wide = [c for c in text[:200_000] if ord(c) > 0x7F][:20_000]
    common = sum(1 for c in wide if min(c.encode("gb18030")) >= 0xA1)
    return bool(wide) and common >= 0.9 * len(wide)


def _describe_undecodable(data: bytes, err: UnicodeDecodeError | None) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return f"the text is in {name}, not UTF-8; save it as UTF-8"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and looks_gbk(text):
        return ("the text is not UTF-8: it looks like GBK/GB18030 (a Chinese Windows "
                    "encoding); save it as UTF-8")
    where = ""
    if err is not None and err.encoding.replace("_", "-").startswith("utf-8"):
        line = data.count(b"\n", 0, err.start) + 1
        where = f" (byte 0x{data[err.start]:02X} at line {line} is not UTF-8)"
    return (f"the text is not UTF-8{where}: perhaps Latin-1 or another 8-bit encoding; "
            "save it as UTF-8")


# -- bounded reprs for messages -----------------------------------------------------------------
def snippet(value, n: int = 60) -> str:
    """A repr of `value` of at most `n` characters, built from the first items only."""
    out: list[str] = []
    _emit(value, out, [n + 1])
    s = "".join(out)
    return s if len(s) <= n else s[:max(0, n - 3)] + "..."


def _emit(value, out: list[str], budget: list[int]) -> None:
    def put(s: str) -> None:
        out.append(s[:budget[0]])
        budget[0] -= len(s)

    if budget[0] <= 0:
        return
    if isinstance(value, (str, bytes)):
        put(repr(value[:budget[0] + 2]))
    elif isinstance(value, bool) or value is None or isinstance(value, float):
        put(repr(value))
    elif isinstance(value, int):
        put(repr(value) if value.bit_length() <= 128 else f"<a {value.bit_length()}-bit integer>")
    elif isinstance(value, (_dt.date, _dt.time)):
        put(value.isoformat())
    elif isinstance(value, dict):
        put("{")
        for i, (k, v) in enumerate(value.items()):
            if budget[0] <= 0:
                return
            if i:
                put(", ")
            _emit(k, out, budget)
            put(": ")
            _emit(v, out, budget)
        put("}")
    elif isinstance(value, (list, tuple, set, frozenset)):
        opening, closing = "[]" if isinstance(value, list) else "()" if isinstance(value, tuple) else "{}"
        put(opening)
        for i, item in enumerate(value):
            if budget[0] <= 0:
                return
            if i:
                put(", ")
            _emit(item, out, budget)
        put(closing)
    else:
        put(f"<{type(value).__name__}>")


__all__ = ["FileProblem", "decode", "read_bytes", "read_text", "size_text", "snippet"]
