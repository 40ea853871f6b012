"""Qt's ICU data cut down to what Qt asks ICU for (packaging/hzmap.spec, after PyInstaller).

PySide6's libicudata holds all of ICU's data, 31 MB: every locale's names of languages,
countries, currencies and units, number spell-outs, transliterators, the dictionaries that break
Thai, Khmer, Lao, Burmese and Chinese text into words, and some 200 legacy-encoding converters.
Qt 6 calls ICU for only four things (`nm -D --undefined-only libQt6Core.so.6`): case mapping
(u_strToUpper/Lower, whose data is built into libicuuc), collation (ucol_*: QCollator, as in
QFileDialog's sorting), time-zone display names (ucal_getTimeZoneDisplayName) and converters for
encodings Qt does not know itself (ucnv_*, only through QStringConverter with such a name, which
hzmap never uses: it decodes text with Python's codecs). The slim library keeps ICU's core files,
the root, English and Chinese locale data, and their collation, time-zone and region names; ICU
answers anything else as missing, and Qt then falls back to its own code (root collation, the
zone's id, no converter). Nothing else in the bundle links ICU.

The data is an ICU "common data" package (format "CmnD": a header, a table of contents of
names and offsets, the items each 16-byte aligned) exported by libicudata as icudtNN_dat; the new
library exports the smaller package under the same name, built with binutils' `as` and `ld`.
"""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

#: Subfolders of ICU's data kept (for root, English and Chinese only): collation for QCollator,
#: time-zone and region names for QTimeZone's display names.
KEPT_TREES = ("coll", "zone", "region")
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")  # af.res, zh_Hant_TW.res, yue.res
_KEPT_LOCALE = re.compile(r"^(en|zh)[_.]")
#: Core files left out: legacy converters (.cnv), confusable-character data (spoof checks) and
#: Unicode character names (u_charName).
_LEFT_OUT_SUFFIXES = (".cnv", ".cfu")
_LEFT_OUT_NAMES = ("unames.icu",)


def kept(name: str) -> bool:
    """Whether the item `name` ("icudt73l/coll/zh.res") stays in the package."""
    parts = name.split("/")[1:]
    base = parts[-1]
    if len(parts) > 2 or (len(parts) == 2 and parts[0] not in KEPT_TREES):
        return False
    if base.endswith(_LEFT_OUT_SUFFIXES) or base in _LEFT_OUT_NAMES:
        return False
    if base in ("res_index.res", "pool.res", "root.res"):  # each tree's list, shared strings, fallback
        return True
    return not _LOCALE.match(base) or bool(_KEPT_LOCALE.match(base))


def read_package(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(name, item)]) of a common-data package; each item runs to the next one."""
    header_size, magic = struct.unpack_from("<H2s", blob, 0)
    if magic != b"\xda\x27" or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = header_size
    count, = struct.unpack_from("<I", blob, toc)
    offsets = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(offsets):
        name = blob[toc + name_at:blob.index(b"\0", toc + name_at)].decode("ascii")
        end = offsets[i + 1][1] if i + 1 < count else len(blob) - toc
        items.append((name, blob[toc + data_at:toc + end]))
    return blob[:toc], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package of `items` (in the order given, which must be ICU's sorted order)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    names_at = 4 + 8 * len(items)
    data_at = -(-(names_at + len(names)) // 16) * 16
    toc, data = [struct.pack("<I", len(items))], []
    for name_at, (name, item) in zip(_offsets(items, names_at), items):
        toc.append(struct.pack("<II", name_at, data_at))
        padded = item + b"\0" * (-len(item) % 16)
        data.append(padded)
        data_at += len(padded)
    body = b"".join(toc) + names
    return header + body + b"\0" * (-len(body) % 16) + b"".join(data)


def _offsets(items, first: int):
    at = first
    for name, _ in items:
        yield at
        at += len(name) + 1


def data_symbol(lib: Path) -> tuple[str, int, int] | None:
    """(name, file offset, size) of the icudtNN_dat symbol that `lib` exports, from its dynamic
    symbol table; None when it has none (not PySide6's ICU data library)."""
    elf = lib.read_bytes()
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        return None
    shoff, = struct.unpack_from("<Q", elf, 40)
    shentsize, shnum = struct.unpack_from("<HH", elf, 58)
    sections = [struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * shentsize) for i in range(shnum)]
    for _name, sh_type, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if sh_type != 11 or not entsize:  # SHT_DYNSYM
            continue
        strings = sections[link][4]
        for at in range(offset, offset + size, entsize):
            st_name, _info2, _other, shndx, value, st_size = struct.unpack_from("<IBBHQQ", elf, at)
            name = elf[strings + st_name:elf.index(b"\0", strings + st_name)].decode("ascii", "replace")
            if re.fullmatch(r"icudt\d+_dat", name) and 0 < shndx < shnum:
                home = sections[shndx]
                return name, home[4] + value - home[3], st_size
    return None


_ASM = """\t.section .rodata
\t.globl {name}
\t.type {name}, @object
\t.balign 16
{name}:
\t.incbin "{blob}"
\t.size {name}, . - {name}
\t.section .note.GNU-stack,"",@progbits
"""


def link(symbol: str, package: bytes, out: Path) -> None:
    """Write the shared library `out` exporting `package` as `symbol`, with binutils."""
    with tempfile.TemporaryDirectory() as tmp:
        blob, source, obj = (Path(tmp) / n for n in ("icu.dat", "icu.s", "icu.o"))
        blob.write_bytes(package)
        source.write_text(_ASM.format(name=symbol, blob=blob))
        subprocess.run(["as", "-o", str(obj), str(source)], check=True, capture_output=True)
        subprocess.run(["ld", "-shared", "-soname", out.name, "-z", "noexecstack", "-o", str(out), str(obj)],
                       check=True, capture_output=True)
    made = data_symbol(out)
    if made is None or made[0] != symbol or out.read_bytes()[made[1]:made[1] + made[2]] != package:
        raise RuntimeError(f"{out.name} does not export {symbol} as written")


def slim(lib: Path) -> tuple[int, int] | None:
    """Replace `lib` (PySide6's libicudataNN.so) by one holding only the kept items.
    Returns (bytes before, bytes after), or None when it was left as it was (not ICU's data
    library, or binutils' `as` and `ld` are missing)."""
    found = data_symbol(lib)
    if found is None or shutil.which("as") is None or shutil.which("ld") is None:
        return None
    symbol, at, size = found
    with lib.open("rb") as f:
        f.seek(at)
        header, items = read_package(f.read(size))
    before = lib.stat().st_size
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / lib.name
        link(symbol, write_package(header, [(name, item) for name, item in items if kept(name)]), out)
        out.chmod(lib.stat().st_mode)
        shutil.move(str(out), str(lib))
    return before, lib.stat().st_size
