"""Loading the layout dataset off the UI thread, so a broken or huge file never freezes the map.

`DatasetLoader.start()` reads the shipped dataset (or $HZMAP_DATASET) and the user's own datasets
in a worker thread and emits `finished(result)` on the UI thread. The model's loaders are plain
Python, so the thread only needs to carry their result or their error back.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal


@dataclass
class LoadResult:
    dataset: object = None      # the dataset in use (shipped plus the user's), None on failure
    shipped: object = None      # the shipped (or $HZMAP_DATASET) dataset alone
    skipped: dict = field(default_factory=dict)  # user dataset folder -> its DatasetError
    error: Exception | None = None               # why nothing could be loaded


def load(root, user_data: Path | None) -> LoadResult:
    """The work itself (no Qt): every failure comes back as `error`, never raised."""
    from hzmap.model.dataset import DatasetError, load_dataset
    from hzmap.model.dataset.overlay import load_skipping_broken
    from hzmap.model.dataset.userdata import dataset_dirs
    from hzmap.model.files.safeio import FileProblem

    try:
        # The excerpt check reads the source documents: `hzmap validate` and the tests run it.
        shipped = load_dataset(root, check_excerpts=False)
    except (DatasetError, FileProblem, OSError) as exc:
        return LoadResult(error=exc)
    except Exception as exc:  # a loader bug must not leave the window waiting forever
        return LoadResult(error=exc)
    try:
        dataset, skipped = load_skipping_broken(dataset_dirs(user_data), base=shipped) \
            if user_data is not None else (shipped, {})
    except OSError as exc:  # an unreadable data folder: run with the shipped dataset
        return LoadResult(shipped, shipped, {str(user_data): exc})
    return LoadResult(dataset, shipped, skipped)


class DatasetLoader(QObject):
    """Emits `finished(LoadResult)` on the thread that owns it (the UI thread)."""

    finished = Signal(object)

    def __init__(self, user_data: Path | None = None, parent=None) -> None:
        super().__init__(parent)
        self.user_data = user_data
        self.thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        root = os.environ.get("HZMAP_DATASET") or None
        # Qt delivers a signal emitted on another thread through the receiver's event loop.
        self.thread = threading.Thread(target=lambda: self.finished.emit(load(root, self.user_data)),
                                       name="hzmap-dataset", daemon=True)
        self.thread.start()

    def load_now(self) -> LoadResult:
        """The same work on the calling thread (tests, scripts)."""
        result = load(os.environ.get("HZMAP_DATASET") or None, self.user_data)
        self.finished.emit(result)
        return result
