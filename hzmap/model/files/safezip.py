"""Reading a zip hzmap did not write: the members' names, sizes and contents, bounded. No Qt.

Zipped shapefiles, KMZ, Excel workbooks, Word documents and shared datasets are zips. What a zip
says about itself is checked before anything is unpacked, and the unpacking checks it again:

- the number of members is read from the end record before Python lists them (a zip of a
  million empty members is refused, not listed);
- member names must be relative paths inside the archive (no "/", "C:", "..", backslashes or
  control characters), and links are refused;
- encrypted members and compression methods Python cannot unpack are named, not tried;
- a member that claims to expand more than MAX_RATIO times (only a run of one repeated byte
  does: a zip bomb) is refused, and every size is the unpacked one (`expanded`);
- unpacking stops at the size the member claims (Python's zipfile stops there and checks the
  CRC), so a member that lies about its size, or whose compressed data is damaged, gets a
  message naming it.

Every problem is a FileProblem ("<zip>: '<member>' ...") from hzmap.model.files.safeio.
"""
from __future__ import annotations

import re
import stat
import struct
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from hzmap.model.files.safeio import FileProblem, size_text

MAX_MEMBERS = 10_000
MAX_DIRECTORY = 64 << 20        # bytes of central directory
MAX_RATIO = 1000                # deflate's best is about 1032:1, for one byte repeated
RATIO_FLOOR = 8 << 20           # the ratio is judged for members unpacking to more than this
METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate",
           zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "lzma"}
_METHOD_NAMES = {9: "Deflate64", 6: "Implode", 98: "PPMd", 99: "AES encryption", 93: "Zstandard",
                 95: "XZ", 97: "WavPack", 1: "Shrink"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _end_record(fh, size: int) -> tuple[int, int]:
    """(members, central directory bytes) from the zip's end record (zip64 too)."""
    tail_len = min(size, 65_557)
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        raise zipfile.BadZipFile("no end of central directory record")
    members, directory = struct.unpack("<HI", tail[at + 10:at + 16])
    if members == 0xFFFF or directory == 0xFFFFFFFF:
        loc = tail.rfind(b"PK\x06\x07", 0, at)
        if loc < 0:
            raise zipfile.BadZipFile("a zip64 archive without its locator")
        (offset,) = struct.unpack("<Q", tail[loc + 8:loc + 16])
        fh.seek(offset)
        record = fh.read(56)
        if not record.startswith(b"PK\x06\x06"):
            raise zipfile.BadZipFile("a damaged zip64 end record")
        members, directory = struct.unpack("<QQ", record[32:48])
    return members, directory


def open_zip(path, what: str = "zip", wanted=None) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    """The open archive and its file members (folders left out; with `wanted`, a function of
    the member's name, only those it accepts), after the checks above. `path` may be an open
    binary file. The caller closes the ZipFile."""
    if hasattr(path, "read"):
        fh, name = path, f"the {what}"
    else:
        name = Path(path).name
        try:
            fh = open(path, "rb")
        except OSError as exc:
            raise FileProblem(path, f"the {what} cannot be opened ({exc.strerror or exc})") from None
    try:
        size = fh.seek(0, 2)
        members, directory = _end_record(fh, size)
        if members > MAX_MEMBERS or directory > MAX_DIRECTORY:
            raise FileProblem(path, f"the {what} holds {members:,} members; hzmap reads at most "
                                    f"{MAX_MEMBERS:,}", "too-large")
        fh.seek(0)
        if hasattr(path, "read"):
            zf = zipfile.ZipFile(fh)
        else:  # a ZipFile that opens the file itself closes it too
            fh.close()
            zf = zipfile.ZipFile(path)
    except FileProblem:
        fh.close()
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, struct.error) as exc:
        fh.close()
        raise FileProblem(path, f"{name} is not a readable zip ({_short(exc)})", "syntax") from None
    try:
        infos = [i for i in zf.infolist() if not i.is_dir() and (wanted is None or wanted(i.filename))]
        for info in infos:
            check_member(path, info)
    except BaseException:
        zf.close()
        raise
    return zf, infos


def member_path(path, info: zipfile.ZipInfo) -> PurePosixPath:
    """The member's name as a relative path; FileProblem for one that would leave the folder."""
    raw = info.filename
    p = PurePosixPath(raw)
    if (not raw or raw.startswith("/") or "\\" in raw or re.match(r"^[A-Za-z]:", raw)
            or ".." in p.parts or _CONTROL.search(raw) or not p.parts):
        raise FileProblem(path, f"{_quote(raw)}: a path outside the archive's folder; refused", "unsafe")
    return p


def check_member(path, info: zipfile.ZipInfo) -> None:
    """FileProblem for a member hzmap will not unpack: unsafe name, link, encrypted, unknown
    compression, or a zip bomb."""
    member_path(path, info)
    name = _quote(info.filename)
    if stat.S_ISLNK(info.external_attr >> 16):
        raise FileProblem(path, f"{name} is a link; refused", "unsafe")
    if info.flag_bits & 0x1:
        raise FileProblem(path, f"{name} is encrypted (password-protected); hzmap cannot read it",
                          "encrypted")
    if info.compress_type not in METHODS:
        method = _METHOD_NAMES.get(info.compress_type, f"method {info.compress_type}")
        raise FileProblem(path, f"{name} is compressed with {method}, which hzmap cannot unpack; "
                                "zip it again with ordinary (deflate) compression", "unsupported")
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise FileProblem(path, f"{name} would expand {info.file_size // max(info.compress_size, 1):,} "
                                f"times, from {size_text(info.compress_size)} to "
                                f"{size_text(info.file_size)} (a zip bomb); refused", "too-large")


def expanded(infos) -> int:
    """Bytes the members unpack to, as they claim (unpacking holds them to it)."""
    return sum(i.file_size for i in infos)


def read(path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """The member's bytes, at most `limit`; FileProblem naming it if it cannot be unpacked."""
    if info.file_size > limit:
        raise FileProblem(path, f"{_quote(info.filename)} unpacks to {size_text(info.file_size)}; "
                                f"hzmap reads at most {size_text(limit)}", "too-large")
    try:
        with zf.open(info) as fin:  # zipfile stops at the size the member states
            return fin.read(limit + 1)
    except Exception as exc:  # noqa: BLE001 - every unpacking failure is the member's damage
        raise damaged(path, info, exc) from None


def copy_to(path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, limit: int) -> int:
    """Unpack the member into the new file `target` (exclusive create); its size."""
    if info.file_size > limit:
        raise FileProblem(path, f"{_quote(info.filename)} unpacks to {size_text(info.file_size)}; "
                                f"hzmap reads at most {size_text(limit)}", "too-large")
    total = 0
    try:
        with zf.open(info) as fin, open(target, "xb") as fout:
            while True:
                chunk = fin.read(1 << 20)
                if not chunk:
                    break
                total += len(chunk)
                if total > limit:
                    raise FileProblem(path, f"{_quote(info.filename)} unpacks to more than "
                                            f"{size_text(limit)}; refused", "too-large")
                fout.write(chunk)
    except FileProblem:
        raise
    except OSError as exc:  # writing the unpacked file (zipfile's own errors are not OSErrors)
        raise FileProblem(path, f"{_quote(info.filename)} cannot be unpacked to {target.parent} "
                                f"({exc.strerror or exc})") from None
    except Exception as exc:  # noqa: BLE001
        raise damaged(path, info, exc) from None
    return total


def damaged(path, info: zipfile.ZipInfo, exc: BaseException) -> FileProblem:
    """The problem of a member whose unpacking failed, in words."""
    name = _quote(info.filename)
    text = str(exc)
    if isinstance(exc, RuntimeError) and "encrypted" in text:
        return FileProblem(path, f"{name} is encrypted (password-protected); hzmap cannot read it", "encrypted")
    if isinstance(exc, NotImplementedError):
        return FileProblem(path, f"{name} uses a compression hzmap cannot unpack ({_short(exc)})", "unsupported")
    if isinstance(exc, zipfile.BadZipFile) and "CRC" in text:
        return FileProblem(path, f"{name} is damaged: its content does not match its checksum or the size "
                                 "the archive states", "damaged")
    if isinstance(exc, (zlib.error, EOFError)):
        return FileProblem(path, f"{name} is damaged: its compressed data ends early or cannot be "
                                 f"unpacked ({_short(exc)})", "damaged")
    return FileProblem(path, f"{name} is damaged and cannot be unpacked ({_short(exc)})", "damaged")


def _quote(name: str) -> str:
    shown = _CONTROL.sub("?", name)
    return f"'{shown[:80]}…'" if len(shown) > 80 else f"'{shown}'"


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return _CONTROL.sub("?", text)[:160]
