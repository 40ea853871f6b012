"""Where hzmap keeps the user's settings and its own files (log, recovery)."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths


def settings() -> QSettings:
    """hzmap's settings; HZMAP_CONFIG_DIR (set by the tests) puts them in an ini file there."""
    folder = os.environ.get("HZMAP_CONFIG_DIR")
    if folder:
        return QSettings(str(Path(folder) / "hzmap.ini"), QSettings.IniFormat)
    return QSettings("hzmap", "hzmap")


def data_dir() -> Path:
    """The user's data folder for hzmap (the log file, the autosaved recovery project)."""
    base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    return Path(base) if base else Path.home() / ".hzmap"


def interactive() -> bool:
    """False when no one can answer a dialog (offscreen tests, benchmarks)."""
    from PySide6.QtWidgets import QApplication

    return QApplication.platformName() != "offscreen"


def recovery_dir() -> Path:
    """Where each running hzmap keeps its own recovery file (hzmap.model.session.recovery)."""
    return data_dir() / "recovery"
