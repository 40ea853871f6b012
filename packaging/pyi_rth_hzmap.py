# Runtime hook of the offline bundle (packaging/hzmap.spec): runs before the app's first import.
# pyproj reads the PROJ database the bundle carries (its own, pyproj/proj_dir/share/proj), never
# a PROJ installation that PROJ_LIB or PROJ_DATA of the user's environment point to (a database
# of another PROJ version is refused, and every coordinate conversion would fail).
import os
import sys

_root = sys._MEIPASS  # noqa: SLF001 (PyInstaller's folder of the bundle)
_path = os.path.join(_root, "pyproj", "proj_dir", "share", "proj")
if os.path.isfile(os.path.join(_path, "proj.db")):
    os.environ["PROJ_DATA"] = _path
    os.environ.pop("PROJ_LIB", None)
# PROJ fetches no transformation grid from the web, whatever the user's environment says: hzmap
# makes no network request for a file, and the bundle's PROJ has no libcurl (shared_libs.py).
os.environ["PROJ_NETWORK"] = "OFF"
# PyInstaller's own matplotlib hook, which runs after this one, gives every start a new empty
# MPLCONFIGDIR; the entry point (hzmap_main.py) puts back the user's, or the bundle's lasting one.
if os.environ.get("MPLCONFIGDIR"):
    os.environ["HZMAP_USER_MPLCONFIGDIR"] = os.environ["MPLCONFIGDIR"]
