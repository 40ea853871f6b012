"""Where hzmap's data folders are, whether it runs from a checkout or an installed package.

The data (geodata/, resources/) lives next to the ``hzmap`` package in the repository.
An editable install imports hzmap from the checkout, so the folders are found there; a wheel
carries them inside the package as ``hzmap/_data/`` (see pyproject.toml); the offline bundle
(packaging/build_bundle.py, PyInstaller) carries them beside the code in ``sys._MEIPASS``;
``$HZMAP_REPO`` points at a checkout explicitly.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def repo_root() -> Path:
    """The folder holding ``hzmap/`` and ``geodata/`` (the repository)."""
    env = os.environ.get("HZMAP_REPO")
    if env:
        return Path(env).resolve()
    return _PACKAGE.parent


def _shipped(name: str) -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen and not os.environ.get("HZMAP_REPO"):
        return Path(frozen) / name
    bundled = _PACKAGE / "_data" / name
    if not os.environ.get("HZMAP_REPO") and bundled.is_dir():
        return bundled
    return repo_root() / name


def data_root() -> Path:
    """``geodata/``: districts.csv, hangzhou.gpkg and the layout dataset."""
    return _shipped("geodata")


def resources_root() -> Path:
    """``resources/``: fonts, icons and other files the app ships."""
    return _shipped("resources")


def seeds_dir() -> Path:
    """The source policy documents: ``$HZMAP_SEEDS_DIR``, else the copy the app ships in
    ``geodata/sources/`` (public policy documents, see its PROVENANCE.md), so the reader and the
    excerpt check work on a fresh install. An overriding folder may be absent: callers check."""
    env = os.environ.get("HZMAP_SEEDS_DIR")
    return Path(env) if env else data_root() / "sources"


APP_FOLDER = ("hzmap", "hzmap")  # Qt's organisation and application names (hzmap.ui.app)


def user_data_dir() -> Path:
    """The planner's data folder: the log, recovery files and the datasets of their own
    (``datasets/``). It is where Qt's ``QStandardPaths.AppDataLocation`` puts it for the app's
    organisation and application names, worked out here without Qt, so that the command line
    finds what the window wrote: ``$XDG_DATA_HOME/hzmap/hzmap`` (else
    ``~/.local/share/hzmap/hzmap``) on Linux, ``%APPDATA%\\hzmap\\hzmap`` on Windows,
    ``~/Library/Application Support/hzmap/hzmap`` on macOS."""
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Application Support")
    else:
        xdg = os.environ.get("XDG_DATA_HOME", "")
        base = xdg if os.path.isabs(xdg) else str(Path.home() / ".local" / "share")
    return Path(base).joinpath(*APP_FOLDER)
