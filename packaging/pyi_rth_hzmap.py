# Runtime hook of the offline bundle (packaging/hzmap.spec): runs before the app's first import.
# GDAL (inside pyogrio) and pyproj read the data the bundle carries, never a PROJ or GDAL
# installation that PROJ_LIB, PROJ_DATA or GDAL_DATA of the user's environment point to (a
# database of another PROJ version is refused, and every coordinate conversion would fail).
# The bundle keeps one PROJ database for both (packaging/bundle_parts.py): the folder there is.
import os
import sys

_root = sys._MEIPASS  # noqa: SLF001 (PyInstaller's folder of the bundle)
for _folder in (("pyogrio", "proj_data"), ("pyproj", "proj_dir", "share", "proj")):
    _path = os.path.join(_root, *_folder)
    if os.path.isfile(os.path.join(_path, "proj.db")):
        os.environ["PROJ_DATA"] = _path
        os.environ.pop("PROJ_LIB", None)
        break
_gdal = os.path.join(_root, "pyogrio", "gdal_data")
if os.path.isdir(_gdal):
    os.environ["GDAL_DATA"] = _gdal
# PyInstaller's own matplotlib hook, which runs after this one, gives every start a new empty
# MPLCONFIGDIR; the entry point (hzmap_main.py) puts back the user's, or the bundle's lasting one.
if os.environ.get("MPLCONFIGDIR"):
    os.environ["HZMAP_USER_MPLCONFIGDIR"] = os.environ["MPLCONFIGDIR"]
