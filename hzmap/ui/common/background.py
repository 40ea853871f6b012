"""Slow work (reading a planner's file) off the window's thread, with a Cancel that works.

`run(parent, text, work)` calls `work(cancel)` on a worker thread and returns what it returns
(or raises what it raised), as QDialog.exec returns: the caller waits, but the window does not
freeze. A local event loop keeps it drawing and answering, and after DELAY_MS a window-modal
progress dialog names what is being read and offers Cancel, which sets `cancel` (a
threading.Event): the readers stop their reader process at once (hzmap.model.layers.reading)
and raise ReadCancelled. Work that ends within a few milliseconds shows nothing.
"""
from __future__ import annotations

import threading
from typing import Callable, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog

from hzmap.ui.common.i18n import tr

DELAY_MS = 300
T = TypeVar("T")
#: The progress dialog of the work in progress (None when none): tests press its Cancel.
current: list = []


def run(parent, text: str, work: Callable[[threading.Event], T]) -> T:
    cancel = threading.Event()
    outcome: dict = {}

    def target() -> None:
        try:
            outcome["value"] = work(cancel)
        except BaseException as exc:  # noqa: BLE001 - raised again on the window's thread
            outcome["error"] = exc

    thread = threading.Thread(target=target, name="hzmap-read", daemon=True)
    thread.start()
    thread.join(0.02)
    if thread.is_alive():
        _wait(parent, text, thread, cancel)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def _wait(parent, text: str, thread: threading.Thread, cancel: threading.Event) -> None:
    dialog = QProgressDialog(text, tr("取消 Cancel"), 0, 0, parent)
    dialog.setObjectName("readProgress")
    dialog.setWindowTitle("hzmap")
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(DELAY_MS)
    dialog.canceled.connect(cancel.set)
    loop = QEventLoop()
    timer = QTimer(interval=30)
    timer.timeout.connect(lambda: None if thread.is_alive() else loop.quit())
    timer.start()
    current.append(dialog)
    try:
        loop.exec()
    finally:
        timer.stop()
        current.remove(dialog)
        dialog.canceled.disconnect(cancel.set)
        dialog.close()
        dialog.deleteLater()
