"""Slow work (reading a planner's file) off the window's thread, with a Cancel that works.

`run(parent, text, work)` calls `work(cancel)` on a worker thread and returns what it returns
(or raises what it raised), as QDialog.exec returns: the caller waits, but the window does not
freeze. A local event loop keeps it drawing and answering, and after DELAY_MS a window-modal
progress dialog names what is being read and offers Cancel, which sets `cancel` (a
threading.Event): the readers stop their reader process at once (hzmap.model.layers.reading)
and raise ReadCancelled. Work that does not look at `cancel` (plain Python, such as drafting a
plan) is left to finish on its own and its result dropped: `run` raises Cancelled GRACE_S after
the Cancel, so Cancel always gives the window back. Work that ends within a few milliseconds
shows nothing.
"""
from __future__ import annotations

import threading
import time
from typing import Callable, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog

from hzmap.ui.common.i18n import tr

DELAY_MS = 300
GRACE_S = 2.0
T = TypeVar("T")
#: The progress dialog of the work in progress (None when none): tests press its Cancel.
current: list = []


class Cancelled(Exception):
    """The planner cancelled work that did not stop by itself; its result is dropped."""


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
    if thread.is_alive():
        raise Cancelled(text)
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
    dialog.setValue(0)  # Qt shows it after DELAY_MS only once a value is set, else never
    dialog.canceled.connect(cancel.set)
    loop = QEventLoop()
    cancelled_at: list[float] = []

    def check() -> None:
        if cancel.is_set() and not cancelled_at:
            cancelled_at.append(time.monotonic())
        if not thread.is_alive() or (cancelled_at and time.monotonic() - cancelled_at[0] > GRACE_S):
            loop.quit()
    timer = QTimer(interval=30)
    timer.timeout.connect(check)
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
