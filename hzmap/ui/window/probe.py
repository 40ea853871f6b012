"""Start-up probes, for the benchmarks and the offline bundle's proof (HZMAP_STARTUP_PROBE).

- ``HZMAP_STARTUP_PROBE=1``: print ``HZMAP_READY <seconds>`` once the first frame is drawn, then
  quit (benchmarks/ready.py times start-up with it).
- ``HZMAP_STARTUP_PROBE=files``: the files named on the command line go the way a planner's do:
  each opens the Add layer dialog, whose "Add to map" is taken with what it proposes. Once every
  file is on the map or has failed and the map has drawn, print ``HZMAP_FILES <json>`` (the user
  layers: name, kind, feature count, districts; the messages shown; the problems) and quit.
  HZMAP_READY is printed at the first frame as well.
"""
from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QTimer

FILES = "files"
TIMEOUT_S = 180


def report_first_frame(window, app, t0: float, quit_after: bool = True) -> None:
    """Print the seconds from `t0` to the first drawn frame (then quit, with `quit_after`)."""
    def on_draw(_event):
        window.canvas.mpl_disconnect(cid)
        print(f"HZMAP_READY {time.perf_counter() - t0:.4f}", flush=True)
        if quit_after:
            app.quit()
    cid = window.canvas.mpl_connect("draw_event", on_draw)


class FilesProbe:
    """Takes the Add layer dialogs of `expected` files and reports what reached the map."""

    def __init__(self, window, app, expected: int) -> None:
        self.window, self.app, self.expected = window, app, expected
        self.messages: list[str] = []
        self.problems: list[str] = []
        self.deadline = time.monotonic() + TIMEOUT_S
        hook = sys.excepthook  # the window's error handler (hzmap.ui.common.errors)

        def seen(exc_type, exc, tb):
            self.problems.append(f"{exc_type.__name__}: {exc}")
            hook(exc_type, exc, tb)
        sys.excepthook = seen
        window.features_built.connect(self._wire)
        self.timer = QTimer(window)
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _wire(self) -> None:
        """Once Add layer exists: hear its messages, and note each problem it shows (its
        `show_error`, which tests replace the same way)."""
        actions = self.window.layers.actions
        actions.message.connect(self.messages.append)
        shown = actions.show_error

        def show_error(text: str) -> None:
            self.problems.append(text)
            shown(text)
        actions.show_error = show_error

    def _poll(self) -> None:
        layers = self.window.layers
        dialog = layers.actions.dialog if layers is not None else None
        if dialog is not None and dialog.isVisible():
            dialog.accept()  # "Add to map": reads with the proposed choices, then adds the layer
            if dialog.isVisible():  # the file could not be read: the dialog says why
                self.problems.append(dialog.error.text())
                dialog.reject()
            return
        added = self.window.state.view.user_layers()
        if len(added) + len(self.problems) < self.expected and time.monotonic() < self.deadline:
            return
        self.timer.stop()
        try:
            self.window.canvas.draw()  # the map with the new layers, as the screen shows it
        except Exception as exc:  # noqa: BLE001 (reported, not raised: the probe must answer)
            self.problems.append(f"drawing the map: {type(exc).__name__}: {exc}")
        print("HZMAP_FILES " + json.dumps(self.result(added), ensure_ascii=False), flush=True)
        self.app.quit()

    def result(self, added) -> dict:
        session = self.window.session
        names = {d: f["name_zh"] for d, f in self.window.geo.districts.items()}
        out = []
        for lay in added:
            data = session.layers.get(lay)
            entry = {"name": lay.name, "file": str(lay.source.path) if lay.source else None}
            if data is not None:
                entry.update(kind=data.kind, crs_used=data.crs_used,
                             features=len(data.table) if data.kind == "districts" else len(data))
                if data.kind != "districts":
                    entry["per_district"] = {names.get(d, "outside"): n for d, n in data.district_counts().items() if n}
                else:
                    entry["matched"] = len(data.join.with_status("matched"))
            out.append(entry)
        timed_out = len(added) + len(self.problems) < self.expected
        return {"layers": out, "messages": self.messages, "problems": self.problems, "timed_out": timed_out}
