"""Where hzmap keeps the user's settings and its own files (log, recovery)."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from hzmap.paths import user_data_dir


def settings() -> QSettings:
    """hzmap's settings; HZMAP_CONFIG_DIR (set by the tests) puts them in an ini file there."""
    folder = os.environ.get("HZMAP_CONFIG_DIR")
    if folder:
        return QSettings(str(Path(folder) / "hzmap.ini"), QSettings.IniFormat)
    return QSettings("hzmap", "hzmap")


def data_dir() -> Path:
    """The user's data folder for hzmap (the log file, the recovery files, the user's own
    datasets): the folder Qt's AppDataLocation names, found without Qt (hzmap.paths), so the
    command line reads the same datasets as the window."""
    return user_data_dir()


def interactive() -> bool:
    """False when no one can answer a dialog (offscreen tests, benchmarks)."""
    from PySide6.QtWidgets import QApplication

    return QApplication.platformName() != "offscreen"


def recovery_dir() -> Path:
    """Where each running hzmap keeps its own recovery file (hzmap.model.session.recovery)."""
    return data_dir() / "recovery"
