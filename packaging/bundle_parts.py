"""What the offline bundle leaves out, and how it is slimmed after PyInstaller (packaging/hzmap.spec).

Everything the running app imports goes in, user layers included (shapely, lxml,
python-calamine, and pyproj with its own PROJ database: hzmap reads GIS files without GDAL).
Left out is only what no code path of hzmap reaches:

- build and test tools, and modules only they import: scipy, scikit-learn and mapclassify are
  the tests' reference for the choropleth classes hzmap computes in numpy, and geopandas and
  pandas, pyogrio and GDAL write the tests' fixtures (EXCLUDES);
- Qt's network module and Qt plugins for other kinds of screens (framebuffers, EGL full
  screen, VNC, evdev input), none of which a desktop session uses (`keep`);
- matplotlib's sample data, toolbar images and Adobe font metrics (hzmap embeds TrueType, never
  the 14 PDF core fonts, and has no matplotlib toolbar).

On Linux, after PyInstaller, libraries two wheels each bring are shared, and PROJ's libcurl
unlinked (packaging/shared_libs.py), the libraries nothing kept links are deleted
(`drop_unlinked`), the shared libraries are stripped of their symbol tables (`strip_binaries`),
each checked afterwards so that a library the loader would refuse keeps its original, and Qt's
ICU data is cut to what Qt uses (packaging/icu_data.py).
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

#: Modules no code path of the running app imports: build and test tools, Tk, Qt's network
#: module (hzmap makes no network call through Qt), the Python side of Qt's D-Bus module (Qt
#: itself keeps its D-Bus library), PIL's AVIF codec (4.7 MB; no AVIF is read or written) and
#: lxml's objectify and HTML parts (python-pptx and python-docx use lxml.etree only). scipy,
#: scikit-learn, networkx and mapclassify are the tests' reference for the choropleth classes,
#: which hzmap computes in numpy. geopandas, pandas and pyogrio (with GDAL, 84 MiB with its PROJ
#: data) write the tests' fixtures: hzmap reads GIS files itself, and the build venv has them
#: (the test extra), so they are named here lest a hook take them in.
#: Then what other packages import only for a developer: rich with pygments and markdown-it
#: (pydantic pretty-prints schemas with it), numpy's f2py (and charset-normalizer, which only f2py
#: imports), numpy.testing and numpy.random (numpy loads both only when asked for; hzmap draws
#: nothing at random), doctest, pdb, pydoc and readline (the interactive prompt), matplotlib's
#: 3D axes (mpl_toolkits), and PIL's FreeType binding with its FreeType, HarfBuzz and Brotli
#: (2.6 MiB: hzmap draws no text with PIL; python-pptx would only to fit text, which hzmap does
#: itself, and PIL.ImageFont imports without it).
EXCLUDES = ["tkinter", "_tkinter", "PIL._imagingtk", "PIL._avif", "pytest", "_pytest", "hypothesis",
            "IPython", "PyInstaller", "importlinter", "grimp", "setuptools", "pip", "PySide6.QtNetwork",
            "PySide6.QtDBus", "lxml.objectify", "lxml.html", "lxml.isoschematron",
            "scipy", "sklearn", "networkx", "mapclassify", "geopandas", "pandas", "pyogrio", "osgeo", "fiona",
            "rich", "pygments", "markdown_it", "numpy.f2py", "charset_normalizer", "numpy.testing",
            "numpy.random", "doctest", "pdb", "pydoc", "pydoc_data", "readline", "mpl_toolkits",
            "PIL._imagingft"]

#: Qt plugin folders for hardware or services a desktop session does not use.
QT_PLUGIN_FOLDERS_LEFT_OUT = ("egldeviceintegrations", "generic", "networkinformation", "tls")
#: Platform plugins beside xcb, wayland, offscreen, minimal (Linux), windows (Windows), cocoa (macOS).
QT_PLATFORMS_LEFT_OUT = ("qeglfs", "qlinuxfb", "qminimalegl", "qvnc", "qvkkhrdisplay", "qbsdfb")
#: Image format plugins kept: SVG only. Qt reads PNG and BMP itself (the icons and the window's
#: own pictures); JPEG, WebP and TIFF base-map tiles are decoded by Pillow, never by Qt.
QT_IMAGE_FORMATS_KEPT = ("qsvg",)
#: Wayland plugins only other compositors use: the server-buffer integrations (a Qt compositor
#: sharing its buffers) and the shells of car dashboards, kiosks and Qt's own compositor; desktop
#: compositors speak xdg-shell.
QT_WAYLAND_LEFT_OUT = ("dmabuf-server", "drm-egl-server", "shm-emulation-server", "vulkan-server",
                       "fullscreen-shell-v1", "ivi-shell", "qt-shell", "wl-shell-plugin")
QT_LIBS_LEFT_OUT = ("Qt6EglFSDeviceIntegration", "Qt6EglFsKmsSupport", "Qt6Network")
# Qt's GTK platform theme drags the GTK stack (~24 MB of system libraries) in for native-looking
# widgets; Qt's own style is used without it.
GTK_STACK = ("platformthemes/libqgtk3", "libgtk-3", "libgdk-3", "libpangocairo", "libpango-1",
             "libpangoft2", "libatk-1", "libatk-bridge", "libatspi", "libcairo", "libgdk_pixbuf",
             "libepoxy", "libthai", "libdatrie", "libpixman")
#: matplotlib's fonts kept: DejaVu Sans (hzmap's fallback after its own font, and mathtext's),
#: STIX (mathtext's fallback) and LastResort; its serif, monospace and Computer Modern (TeX-look
#: mathtext) fonts are never asked for.
MPL_DATA_LEFT_OUT = ("mpl-data/sample_data/", "mpl-data/images/", "mpl-data/fonts/afm/",
                     "mpl-data/fonts/pdfcorefonts/", "mpl-data/plot_directive/", "fonts/ttf/DejaVuSerif",
                     "fonts/ttf/DejaVuSansMono", "fonts/ttf/cm")
def keep(dest: str) -> bool:
    """Whether the file going to `dest` (its path inside the bundle) is kept."""
    dest = dest.replace("\\", "/")
    name = dest.rsplit("/", 1)[-1]
    if any(part in dest for part in GTK_STACK):
        return False
    if dest.startswith("PySide6/") and "/translations/" in dest and "_zh_CN" not in dest:
        return False  # Qt's own texts beyond Chinese (PySide6/Qt/translations; on Windows PySide6/translations)
    if "/plugins/" in dest:
        folder = dest.split("/plugins/", 1)[1].split("/", 1)[0]
        if folder in QT_PLUGIN_FOLDERS_LEFT_OUT:
            return False
        stem = name.split(".", 1)[0].removeprefix("lib")
        if folder == "platforms" and stem in QT_PLATFORMS_LEFT_OUT:
            return False
        if folder == "imageformats" and stem not in QT_IMAGE_FORMATS_KEPT:
            return False
        if folder.startswith("wayland-") and stem in QT_WAYLAND_LEFT_OUT:
            return False
    if any(lib in name for lib in QT_LIBS_LEFT_OUT):  # the library and its link in _internal
        return False
    if dest.startswith("matplotlib/") and any(part in dest for part in MPL_DATA_LEFT_OUT):
        return False
    return "/tests/" not in dest  # packages' own test suites


# ------------------------------------------------------------------ stripping (Linux)

def _elf(path: Path) -> tuple[bool, bool] | None:
    """(has a symbol table or debug sections to strip, every LOAD segment page-aligned as the
    loader demands), or None for a file that is not a 64-bit little-endian ELF file."""
    with path.open("rb") as f:
        head = f.read(64)
        if len(head) < 64 or head[:4] != b"\x7fELF" or head[4] != 2 or head[5] != 1:
            return None
        phoff, shoff = struct.unpack_from("<QQ", head, 32)
        phentsize, phnum, shentsize, shnum, shstrndx = struct.unpack_from("<HHHHH", head, 54)
        f.seek(phoff)
        ph = f.read(phentsize * phnum)
        f.seek(shoff)
        sh = f.read(shentsize * shnum)
        names = b""
        if shnum and shstrndx < shnum:
            off, size = struct.unpack_from("<QQ", sh, shstrndx * shentsize + 24)
            f.seek(off)
            names = f.read(size)
    aligned = True
    for i in range(phnum):
        p_type, _flags, offset, vaddr, _paddr, _filesz, _memsz, align = struct.unpack_from("<IIQQQQQQ", ph, i * phentsize)
        if p_type == 1 and align > 1 and (vaddr - offset) % align:
            aligned = False
    strippable = False
    for i in range(shnum):
        name_at, = struct.unpack_from("<I", sh, i * shentsize)
        name = names[name_at:names.find(b"\0", name_at)]
        if name == b".symtab" or name.startswith(b".debug"):
            strippable = True
    return strippable, aligned


def strip_binaries(internal: Path) -> tuple[int, int, list[str]]:
    """Strip the symbol tables of the shared libraries under `internal` (the bundle's _internal
    folder; never the executables, which carry the app's archive at their end). Each stripped
    file is checked: if the loader would refuse it (strip can misplace the segments of a library
    rewritten by auditwheel's patchelf, such as numpy's OpenBLAS), the original stays.
    Returns (bytes before, bytes after, files kept unstripped for that reason)."""
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        return 0, 0, []
    before = after = 0
    refused: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "stripped"
        for path in sorted(internal.rglob("*.so*")):
            if path.is_symlink() or not path.is_file():
                continue
            info = _elf(path)
            if info is None or not info[0]:
                continue
            size = path.stat().st_size
            r = subprocess.run([strip, "--strip-unneeded", "-o", str(out), str(path)], capture_output=True)
            checked = _elf(out) if r.returncode == 0 and out.is_file() else None
            if checked is None or not checked[1]:
                refused.append(str(path.relative_to(internal)))
                continue
            os.chmod(out, path.stat().st_mode)
            os.replace(out, path)
            before += size
            after += path.stat().st_size
    return before, after, refused


# ------------------------------------------------------------------ libraries nothing links

def _needed(path: Path) -> list[str]:
    """The DT_NEEDED names of an ELF file (empty for anything else)."""
    with path.open("rb") as f:
        elf = f.read()
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        return []
    shoff, = struct.unpack_from("<Q", elf, 40)
    shentsize, shnum = struct.unpack_from("<HH", elf, 58)
    sections = [struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * shentsize) for i in range(shnum)]
    names = []
    for _name, sh_type, _flags, _addr, offset, size, link, _info, _align, _entsize in sections:
        if sh_type != 6:  # SHT_DYNAMIC
            continue
        strings = sections[link][4]
        for at in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", elf, at)
            if tag == 1:  # DT_NEEDED
                names.append(elf[strings + value:elf.index(b"\0", strings + value)].decode())
    return names


#: Top-level libraries kept though no library names them: the interpreter (the executable
#: loads it by path) and the X client libraries Qt's xcb plugin opens itself (libXcursor).
LOADED_BY_NAME = ("libpython", "libX")


def _wheel_own(path: Path, internal: Path) -> bool:
    """A library a wheel carries for its own modules (numpy.libs, pyproj.libs, ...)."""
    return path.parent.parent == internal and path.parent.name.endswith(".libs")


def drop_unlinked(internal: Path) -> list[str]:
    """Delete the libraries at the top of `internal`, or in a wheel's own .libs folder, that
    nothing kept links (DT_NEEDED, followed from every Python extension, Qt library and plugin):
    PyInstaller collected them for parts `keep` then left out (the GTK theme's GLib I/O stack, Qt
    network's Kerberos, a second HarfBuzz and libjpeg), or a shared copy serves instead
    (shared_libs.py). Returns their names."""
    if not sys.platform.startswith("linux"):
        return []
    internal = internal.resolve()
    top = {p.name: p for p in internal.iterdir() if ".so" in p.name}
    files = [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    todo = [p for p in files if (p.parent != internal and not _wheel_own(p, internal)) or ".cpython-" in p.name
            or (p.parent == internal and p.name.startswith(LOADED_BY_NAME))]
    reached = set()
    while todo:
        path = todo.pop()
        if path in reached:
            continue
        reached.add(path)
        todo += [top[name].resolve() if top[name].is_symlink() else top[name] for name in _needed(path) if name in top]
    gone = [p for p in files if (p.parent == internal or _wheel_own(p, internal)) and p not in reached]
    for link in (p for p in top.values() if p.is_symlink() and p.resolve() in gone):
        link.unlink()
    for path in gone:
        path.unlink()
    return sorted(p.name for p in gone)


# ------------------------------------------------------------------ what each part costs

def part_of(rel: Path) -> str:
    """The part a file of _internal belongs to: its top folder with the wheel's own libraries
    (numpy.libs with numpy), Qt's ICU apart, Python's own modules as "python"."""
    top = rel.parts[0]
    if top.endswith(".libs"):
        return top[:-5].replace("pillow", "PIL")
    if top == "PySide6" and rel.name.startswith("libicu"):
        return "PySide6 (ICU)"
    if top.startswith(("libpython", "python3", "base_library")):
        return "python"
    if len(rel.parts) == 1 and ".so" in rel.name:
        return "system libraries"
    if top.endswith((".dist-info", ".egg-info")) or len(rel.parts) == 1:
        return "other"
    return top


def sizes_by_part(bundle: Path) -> dict[str, int]:
    """Bytes per part of the bundle folder, largest first (the executables as "executables")."""
    sizes: dict[str, int] = {}
    internal = bundle / "_internal"
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        rel = path.relative_to(bundle)
        part = part_of(path.relative_to(internal)) if rel.parts[0] == "_internal" else "executables"
        sizes[part] = sizes.get(part, 0) + path.stat().st_size
    return dict(sorted(sizes.items(), key=lambda kv: -kv[1]))
