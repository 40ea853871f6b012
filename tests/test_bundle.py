"""The offline bundle: hzmap finds its data inside it, what the spec leaves out and strips, and
(slow) it builds and every command and the window's Add layer work with no network and no Python
(packaging/build_bundle.py, packaging/prove_bundle.py)."""
import importlib.util
import json
import struct
import sys
from pathlib import Path

import pytest

from hzmap import paths

ROOT = Path(__file__).resolve().parents[1]


def test_a_frozen_bundle_reads_data_from_beside_its_code(monkeypatch, tmp_path):
    monkeypatch.delenv("HZMAP_REPO", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.data_root() == tmp_path / "geodata"
    assert paths.resources_root() == tmp_path / "resources"
    monkeypatch.delattr(sys, "_MEIPASS")
    assert (paths.data_root() / "hangzhou.gpkg").is_file()


def _load(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: The Linux bundle's size must not creep up unnoticed (README, Offline install: what each part costs).
BUNDLE_MIB_LIMIT = 210


@pytest.mark.slow
def test_bundle_builds_and_proves_every_command_offline(tmp_path, request):
    if "slow" not in (request.config.option.markexpr or ""):
        pytest.skip("builds the bundle (~5 min): run with pytest -m slow tests/test_bundle.py")
    pytest.importorskip("PyInstaller", reason='the bundle extra: pip install -e ".[bundle]"')
    if not sys.platform.startswith("linux"):
        pytest.skip("the isolated run uses Linux namespaces")
    bundle = _load("build_bundle").build(tmp_path / "dist", tmp_path / "work")
    figures = _load("prove_bundle").prove(bundle, repeat=3)
    print(json.dumps({k: v for k, v in figures.items() if k != "runs"}, indent=1, ensure_ascii=False))  # -s shows it
    assert not figures["system_python_usable"] and not figures["python_on_path"]
    if figures["namespaces"]:
        assert figures["network"] == "blocked" and figures["interfaces"] == ["lo"]
    checks = figures["checks"]
    assert not figures["failed"], {name: checks[name] for name in figures["failed"]}
    # the planner's files from the bundle's own folder: read, drawn into an export, added in the window
    for name in ("layer sites.gpkg", "layer sites_utm.shp (Shapefile, EPSG:32651", "layer projects.xlsx",
                 "layer firms_by_district.csv", "layer sites_gbk.csv", "export --layer gpkg, csv, xlsx, shp",
                 "export --atlas", "export --basemap 影像.tif", "export --basemap tiles.mbtiles", "dossier", "deck pptx", "deck pdf", "import-plan", "install-desktop",
                 "window: Add layer sites.gpkg", "window: Add layer firms_by_district.csv",
                 "window: Add layer projects.xlsx", "window: Add layer sites_utm.shp",
                 "message for a bundle without python-calamine", "no run printed a traceback",
                 "every library loaded from outside the bundle is one it leaves to the system"):
        assert any(check.startswith(name) for check in checks), name
    assert figures["startup_s"]["median"] < 15
    assert figures["size_mib"] < BUNDLE_MIB_LIMIT, figures["parts_mib"]
    assert "networkx" not in figures["parts_mib"]


def test_what_the_bundle_leaves_out():
    parts = _load("bundle_parts")
    keep = parts.keep
    for dest in ("PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
                 "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/plugins/platforms/qwindows.dll",
                 "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
                 "PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6/Qt/lib/libicudata.so.73",
                 "PySide6/Qt/translations/qtbase_zh_CN.qm", "resources/i18n/hzmap_en.qm", "matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf",
                 "matplotlib/mpl-data/fonts/ttf/DejaVuSans-BoldOblique.ttf", "matplotlib/mpl-data/fonts/ttf/STIXGeneral.ttf",
                 "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/plugins/imageformats/qsvg.dll",
                 "PySide6/Qt/plugins/iconengines/libqsvgicon.so", "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
                 "PySide6/Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
                 "PySide6/Qt/plugins/wayland-decoration-client/libadwaita.so",
                 "pyproj/proj_dir/share/proj/proj.db", "resources/fonts/HzmapSansSC-Regular.otf"):
        assert keep(dest), dest
    for dest in ("PySide6/Qt/plugins/platforms/libqvnc.so", "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
                 "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
                 "PySide6/Qt/plugins/tls/libqopensslbackend.so", "PySide6/Qt/lib/libQt6Network.so.6",
                 "PySide6/Qt6Network.dll", "libQt6Network.so.6", "PySide6/Qt/translations/qtbase_de.qm",
                 "PySide6/translations/qtbase_de.qm",
                 "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "libgtk-3.so.0",
                 "matplotlib/mpl-data/sample_data/goog.npz", "matplotlib/mpl-data/fonts/afm/phvr8a.afm",
                 "sklearn/datasets/tests/data/a.csv",
                 "PySide6/Qt/plugins/imageformats/libqjpeg.so", "PySide6/Qt/plugins/imageformats/libqtiff.so",
                 "PySide6/plugins/imageformats/qgif.dll", "PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so",
                 "PySide6/Qt/plugins/wayland-graphics-integration-client/libvulkan-server.so",
                 "matplotlib/mpl-data/fonts/ttf/DejaVuSerif.ttf", "matplotlib/mpl-data/fonts/ttf/DejaVuSansMono-Bold.ttf",
                 "matplotlib/mpl-data/fonts/ttf/cmr10.ttf"):
        assert not keep(dest), dest
    assert {"pyogrio", "osgeo", "geopandas", "pandas"} <= set(parts.EXCLUDES)  # the tests' writers, not the app's


def test_stripping_keeps_a_library_the_loader_would_refuse(tmp_path):
    import ctypes
    import shutil

    import numpy
    import yaml

    parts = _load("bundle_parts")
    if not sys.platform.startswith("linux") or shutil.which("strip") is None:
        pytest.skip("strips ELF libraries with binutils' strip")
    internal = tmp_path / "_internal"
    plain = next(Path(yaml.__file__).parent.glob("_yaml*.so"))
    patched = sorted((Path(numpy.__file__).parent.parent / "numpy.libs").glob("*openblas*.so*"))
    (internal / "yaml").mkdir(parents=True)
    shutil.copy(plain, internal / "yaml" / plain.name)
    if patched:
        (internal / "numpy.libs").mkdir()
        shutil.copy(patched[0], internal / "numpy.libs" / patched[0].name)
    if not parts._elf(internal / "yaml" / plain.name)[0]:
        pytest.skip("this build of PyYAML is stripped already")
    before, after, refused = parts.strip_binaries(internal)
    assert 0 < after < before
    stripped = internal / "yaml" / plain.name
    assert stripped.stat().st_size < plain.stat().st_size and parts._elf(stripped) == (False, True)
    ctypes.CDLL(str(stripped))  # the loader takes it
    for name in refused:  # left as they were, byte for byte
        assert (internal / name).read_bytes() == patched[0].read_bytes()


def test_sizes_by_part(tmp_path):
    parts = _load("bundle_parts")
    for rel, size in (("hzmap", 10), ("_internal/numpy/core.so", 5), ("_internal/numpy.libs/blas.so", 7),
                      ("_internal/PySide6/Qt/lib/libicudata.so.73", 3), ("_internal/libpython3.11.so.1.0", 2),
                      ("_internal/python3.11/lib-dynload/math.so", 1), ("_internal/libX11.so.6", 4)):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"x" * size)
    assert parts.sizes_by_part(tmp_path) == {"numpy": 12, "executables": 10, "system libraries": 4,
                                             "PySide6 (ICU)": 3, "python": 3}


def test_icu_data_keeps_what_qt_asks_for():
    kept = _load("icu_data").kept
    for name in ("coll/zh.res", "coll/zh_Hans_CN.res", "coll/root.res", "coll/res_index.res", "coll/ucadata.icu",
                 "zone/zh.res", "zone/en.res", "zone/pool.res", "region/zh.res", "root.res", "res_index.res",
                 "pool.res", "zh_Hans.res", "en_GB.res", "zoneinfo64.res", "metaZones.res", "likelySubtags.res",
                 "cnvalias.icu", "nfkc.nrm", "uts46.nrm"):
        assert kept("icudt73l/" + name), name
    for name in ("brkitr/cjdict.dict", "brkitr/root.res", "coll/de.res", "coll/de_.res", "coll/yue.res",
                 "zone/fr.res", "lang/zh.res", "curr/zh.res", "unit/en.res", "rbnf/zh.res", "translit/root.res",
                 "de.res", "ja_JP.res", "gb18030.cnv", "windows-936-2000.cnv", "unames.icu", "confusables.cfu"):
        assert not kept("icudt73l/" + name), name


def _icu_package(names):
    """A common-data package as ICU writes one: each item a small data file of its own."""
    icu = _load("icu_data")
    header = struct.pack("<H2s", 32, b"\xda\x27") + bytes(8) + b"CmnD" + bytes(16)
    return icu.write_package(header, [(name, name.encode() * 3) for name in sorted(names)])


def test_slim_icu_library_holds_only_the_kept_items(tmp_path):
    import shutil

    icu = _load("icu_data")
    if not sys.platform.startswith("linux") or None in (shutil.which("as"), shutil.which("ld")):
        pytest.skip("links the library with binutils' as and ld")
    names = ["icudt99l/coll/zh.res", "icudt99l/coll/de.res", "icudt99l/brkitr/cjdict.dict",
             "icudt99l/root.res", "icudt99l/gbk.cnv", "icudt99l/zh.res"]
    lib = tmp_path / "libicudata.so.99"
    icu.link("icudt99_dat", _icu_package(names), lib)
    full = icu.data_symbol(lib)[2]
    assert icu.slim(lib) is not None
    symbol, at, size = icu.data_symbol(lib)
    assert symbol == "icudt99_dat" and size < full
    _header, items = icu.read_package(lib.read_bytes()[at:at + size])
    assert [name for name, _ in items] == ["icudt99l/coll/zh.res", "icudt99l/root.res", "icudt99l/zh.res"]
    assert all(item.rstrip(b"\0") == name.encode() * 3 for name, item in items)
    assert icu.slim(Path(sys.executable).resolve()) is None  # not ICU's data library: left as it is


_QT_ICU_PROBE = """
from PySide6.QtCore import QCollator, QLocale, QTimeZone
names = ["余杭", "滨江", "西湖", "拱墅", "上城", "Zebra", "apple", "b10", "b9"]
c = QCollator(QLocale("zh_CN")); c.setNumericMode(True)
print(sorted(names, key=c.sortKey))
print(QTimeZone(b"Asia/Shanghai").displayName(QTimeZone.StandardTime, QTimeZone.LongName, QLocale("zh_CN")))
print(QLocale("tr_TR").toUpper("istanbul"))
"""


def test_qt_sorts_and_names_in_chinese_with_the_slim_icu_data(tmp_path):
    """The bundle's ICU holds only root, English and Chinese data: Qt still sorts Chinese by
    pinyin, names the time zone in Chinese and upper-cases Turkish (built into ICU's code)."""
    import shutil
    import subprocess

    import PySide6

    icu = _load("icu_data")
    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found or None in (shutil.which("as"), shutil.which("ld")):
        pytest.skip("this PySide6 has no ICU data library of its own, or binutils is missing")
    slim = tmp_path / found[0].name
    shutil.copy(found[0], slim)
    assert icu.slim(slim)[1] < found[0].stat().st_size / 4
    import os

    def probe(env):
        return subprocess.run([sys.executable, "-c", _QT_ICU_PROBE], env=env, capture_output=True, text=True,
                              check=True, timeout=60).stdout.splitlines()

    full = probe(dict(os.environ))
    slimmed = probe(dict(os.environ, LD_LIBRARY_PATH=str(tmp_path)))  # searched before the library's $ORIGIN
    assert slimmed == full
    assert slimmed[0] == "['滨江', '拱墅', '上城', '西湖', '余杭', 'apple', 'b9', 'b10', 'Zebra']"
    assert slimmed[1:] == ["中国标准时间", "İSTANBUL"]


def test_libraries_nothing_links_are_left_out(tmp_path):
    import shutil

    import PySide6
    import shapely

    parts = _load("bundle_parts")
    qt = Path(PySide6.__file__).parent / "Qt" / "lib"
    if not sys.platform.startswith("linux") or not (qt / "libQt6Core.so.6").is_file():
        pytest.skip("reads the ELF libraries of PySide6's Linux wheel")
    internal = tmp_path / "_internal"
    (internal / "PySide6").mkdir(parents=True)
    shutil.copy(qt / "libQt6Core.so.6", internal / "PySide6")          # a kept library, in a folder
    for icu in qt.glob("libicu*.so.*"):
        shutil.copy(icu, internal)                                       # what it links, and what they link
    geos = next((Path(shapely.__file__).parent.parent / "shapely.libs").glob("libgeos-*"))
    shutil.copy(geos, internal / "libgeos.so.3")                         # linked by nothing kept
    shutil.copy(geos, internal / "libpython3.11.so.1.0")                 # opened by the executable
    assert "libicuuc.so.73" in parts._needed(internal / "PySide6" / "libQt6Core.so.6")
    assert parts.drop_unlinked(internal) == ["libgeos.so.3"]
    assert sorted(p.name for p in internal.iterdir() if p.is_file()) == sorted(
        [p.name for p in qt.glob("libicu*.so.*")] + ["libpython3.11.so.1.0"])



def test_a_wheel_library_nothing_links_any_more_goes_with_its_link(tmp_path):
    """shared_libs.py moves PROJ's links to the copies of SQLite and libtiff the folder already
    carries: the wheel's own copies, and their links at the top, are then deleted."""
    import shutil

    import shapely

    parts = _load("bundle_parts")
    libs = Path(shapely.__file__).parent.parent / "shapely.libs"
    geos_c = next(libs.glob("libgeos_c-*"), None)
    if not sys.platform.startswith("linux") or geos_c is None:
        pytest.skip("reads the ELF libraries of shapely's Linux wheel")
    internal = tmp_path / "_internal"
    (internal / "shapely.libs").mkdir(parents=True)
    geos = next(libs.glob("libgeos-*"))
    shutil.copy(geos_c, internal / "shapely.libs" / "lib_module.cpython-311-x86_64-linux-gnu.so")  # a module
    shutil.copy(geos, internal / "shapely.libs" / geos.name)            # what it links
    (internal / geos.name).symlink_to(f"shapely.libs/{geos.name}")     # PyInstaller links each at the top
    shutil.copy(geos, internal / "shapely.libs" / "libunused-0123abcd.so.1")  # what nothing links
    (internal / "libunused-0123abcd.so.1").symlink_to("shapely.libs/libunused-0123abcd.so.1")
    assert parts.drop_unlinked(internal) == ["libunused-0123abcd.so.1"]
    assert sorted(p.name for p in internal.rglob("*") if p.is_file() and not p.is_symlink()) == sorted(
        ["lib_module.cpython-311-x86_64-linux-gnu.so", geos.name])
    assert not (internal / "libunused-0123abcd.so.1").is_symlink()


def test_the_libcurl_stub_fails_each_call_at_once(tmp_path):
    import ctypes
    import os
    import platform
    import shutil

    shared = _load("shared_libs")
    if not sys.platform.startswith("linux") or platform.machine() != "x86_64" or not shutil.which("as"):
        pytest.skip("builds an x86-64 ELF stub with binutils")
    stub = tmp_path / "libcurl-0123abcd.so.4.8.0"
    stub.write_bytes(b"the real library, 6 MiB")
    assert shared._stub(stub, ["curl_easy_cleanup", "curl_easy_init", "curl_easy_perform", "curl_easy_setopt"])
    lib = ctypes.CDLL(str(stub), mode=os.RTLD_NOW)  # every symbol bound at once, as Python loads libproj
    lib.curl_easy_init.restype = ctypes.c_void_p
    assert lib.curl_easy_init() is None                          # no handle
    assert lib.curl_easy_perform(None) == 2 == lib.curl_easy_setopt(None, 0, None)  # CURLE_FAILED_INIT
    assert not shared._stub(stub, ["curl_easy_init@CURL_4"])   # a versioned symbol: left as it is


_WITHOUT_LEFT_OUT = """
import sys
for name in {excludes!r}:
    sys.modules[name] = None  # as in the bundle: importing it fails
from hzmap.cli.main import main
for argv in {commands!r}:
    code = main(argv)
    if code:
        sys.exit(f"{{argv}} exited {{code}}")
"""


def test_the_app_runs_without_what_the_bundle_leaves_out(tmp_path):
    """Every module the spec leaves out is made unimportable: the window starts and the
    commands that reach the most libraries (GIS files, export, PDF and PPTX decks) still work."""
    import os
    import subprocess

    excludes = _load("bundle_parts").EXCLUDES
    gpkg = ROOT / "geodata" / "hangzhou.gpkg"
    commands = [["layer", str(gpkg)],
                ["export", "--layout", "4+4+1+5", "--layer", str(gpkg), "--out", str(tmp_path / "map.png")],
                ["export", "--layout", "4+4+1+5", "--out", str(tmp_path / "map.svg")],
                ["deck", "--layout", "4+4+1+5", "--out", str(tmp_path / "deck.pptx")],
                ["deck", "--layout", "4+4+1+5", "--out", str(tmp_path / "deck.pdf")]]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HZMAP_STARTUP_PROBE="1", MPLBACKEND="Agg")
    code = _WITHOUT_LEFT_OUT.format(excludes=excludes, commands=commands)
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300,
                       cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    assert all((tmp_path / name).stat().st_size > 10_000 for name in ("map.png", "map.svg", "deck.pptx", "deck.pdf"))
    window = _WITHOUT_LEFT_OUT.format(excludes=excludes, commands=[[]])
    r = subprocess.run([sys.executable, "-c", window], env=env, capture_output=True, text=True, timeout=120,
                       cwd=tmp_path)
    assert r.returncode == 0 and "HZMAP_READY" in r.stdout, r.stderr[-3000:]
