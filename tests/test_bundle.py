"""The offline bundle: hzmap finds its data inside it, what the spec leaves out and strips, and
(slow) it builds and every command and the window's Add layer work with no network and no Python
(packaging/build_bundle.py, packaging/prove_bundle.py)."""
import importlib.util
import json
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
BUNDLE_MIB_LIMIT = 460


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
    for name in ("layer sites.gpkg", "layer sites_utm.shp (Shapefile, EPSG:32651)", "layer projects.xlsx",
                 "layer firms_by_district.csv", "layer sites_gbk.csv", "export --layer gpkg, csv, xlsx, shp",
                 "export --atlas", "export --basemap 影像.tif", "export --basemap tiles.mbtiles", "dossier", "deck pptx", "deck pdf", "import-plan", "install-desktop",
                 "window: Add layer sites.gpkg", "window: Add layer firms_by_district.csv",
                 "window: Add layer projects.xlsx", "window: Add layer sites_utm.shp",
                 "message for a bundle without python-calamine", "no run printed a traceback"):
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
                 "pyogrio/gdal_data/gdalvrt.xsd", "pyogrio/gdal_data/stateplane.csv", "pyogrio/proj_data/proj.db",
                 "pyproj/proj_dir/share/proj/proj.db", "resources/fonts/HzmapSansSC-Regular.otf"):
        assert keep(dest), dest
    for dest in ("PySide6/Qt/plugins/platforms/libqvnc.so", "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
                 "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
                 "PySide6/Qt/plugins/tls/libqopensslbackend.so", "PySide6/Qt/lib/libQt6Network.so.6",
                 "PySide6/Qt6Network.dll", "libQt6Network.so.6", "PySide6/Qt/translations/qtbase_de.qm",
                 "PySide6/translations/qtbase_de.qm",
                 "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "libgtk-3.so.0",
                 "matplotlib/mpl-data/sample_data/goog.npz", "matplotlib/mpl-data/fonts/afm/phvr8a.afm",
                 "pyogrio/gdal_data/grib2_table_4_2_0_0.csv", "sklearn/datasets/tests/data/a.csv"):
        assert not keep(dest), dest
    assert not keep("pyproj/proj_dir/share/proj/proj.db", "pyproj/proj_dir")


def _proj_db(folder, minor, major=1):
    import sqlite3

    folder.mkdir(parents=True)
    with sqlite3.connect(folder / "proj.db") as con:
        con.execute("CREATE TABLE metadata (key TEXT, value TEXT)")
        con.executemany("INSERT INTO metadata VALUES (?, ?)", [("DATABASE.LAYOUT.VERSION.MAJOR", str(major)),
                                                              ("DATABASE.LAYOUT.VERSION.MINOR", str(minor))])
    return folder


def test_one_proj_database_when_both_can_read_it(tmp_path):
    parts = _load("bundle_parts")
    newer, older = _proj_db(tmp_path / "ogr", 6), _proj_db(tmp_path / "proj", 4)
    assert parts.proj_folder_left_out(newer, older) == "pyproj/proj_dir"      # PROJ reads newer minors
    assert parts.proj_folder_left_out(older, newer) == "pyogrio/proj_data"
    other = _proj_db(tmp_path / "other", 0, major=2)
    assert parts.proj_folder_left_out(newer, other) is None                   # another major: keep both
    assert parts.proj_folder_left_out(tmp_path / "none", older) is None


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
