"""Errors inside Qt slots and map callbacks never kill the app silently.

The handler writes the traceback to hzmap.log in the user's data directory, shows a short
message (once per kind of error, not a cascade of dialogs) and lets the app carry on.
"""
from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from hzmap import missing
from hzmap.ui.common.settings import data_dir
from hzmap.ui.common.messages import message_box

_shown: set[str] = set()
_open_boxes: list = []  # keep non-modal messages alive until closed


def log_path() -> Path:
    return data_dir() / "hzmap.log"


def log(text: str) -> Path | None:
    """Append a line (a failure that was handled, with the file it concerns) to hzmap.log."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n{text}\n")
    except OSError:
        return None
    return path


def report(exc_type, exc, tb) -> Path | None:
    """Log an unexpected error and tell the user briefly; returns the log file written. A package
    that cannot be imported is named with what it does (hzmap.missing). The terminal gets one
    line and where the details are; HZMAP_TRACEBACK=1 prints the traceback there too."""
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    path = log(text)
    cause = missing.root_cause(exc)  # not the wrapper of a signal's failed callback
    summary = missing.message(cause) if missing.is_missing(cause) else f"{type(cause).__name__}: {cause}"
    # print: the bundle's hzmapw.exe on Windows has no console (sys.stderr is None)
    if os.environ.get("HZMAP_TRACEBACK"):
        print(text, end="", file=sys.stderr)
    else:
        print(f"hzmap: the last action failed: {summary}" + (f" (details in {path})" if path else ""),
              file=sys.stderr)
    key = summary
    app = QApplication.instance()
    if app is not None and key not in _shown:
        _shown.add(key)
        box = message_box(QMessageBox.Warning, "hzmap: 出现错误 Unexpected error",
                          f"操作未能完成，程序仍在运行。\nThe last action failed; hzmap keeps running.\n\n"
                          f"{summary}\n\n"
                          + (f"详情已记录 Details logged to:\n{path}" if path else "（日志无法写入）"))
        box.setModal(False)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.show()
        _open_boxes.append(box)
        box.destroyed.connect(lambda *_: _open_boxes.remove(box) if box in _open_boxes else None)
    return path


def install(canvas=None) -> None:
    """Route uncaught exceptions (Qt slots) and matplotlib callback errors to `report`."""
    sys.excepthook = report
    if canvas is not None:
        canvas.callbacks.exception_handler = lambda exc: report(type(exc), exc, exc.__traceback__)
