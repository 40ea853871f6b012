"""Where a planner's file is read: in the reader process, with a budget and a cancel (a small
CSV, which hzmap's own bounded Python reads, in the asking process: `in_process`). No Qt.

The readers themselves (tables.read_table, vector.list_sublayers and read_vector) run in a child
process (hzmap.model.files.isolated): an Excel reader that aborts, a GeoPackage view that never ends or a file that needs more memory
than the machine has stops the child, never the window or the command. The budget grows with
what the file unpacks to (`budget_for`), so a legitimate large file gets time in proportion and a
small hostile one is stopped within half a minute. A zipped layer is unpacked into a temporary
folder made and removed here, so nothing stays behind when the child is stopped.
"""
from __future__ import annotations

import os
import tempfile
import threading

from hzmap.model.files.isolated import Budget, ReaderStopped, Worker
from hzmap.model.files.safeio import size_text
from hzmap.model.layers.errors import LayerError

SECONDS = 20.0              # for any file, plus SECONDS_PER_GB of what it unpacks to
SECONDS_PER_GB = 100.0
MEMORY = 1 << 30            # for any file, plus MEMORY_PER_BYTE times what it unpacks to
MEMORY_PER_BYTE = 6
IN_PROCESS_BYTES = 8 << 20  # a CSV up to this size is read in the asking process (in_process)
_worker: Worker | None = None
_lock = threading.Lock()


class ReadCancelled(LayerError):
    """The planner cancelled the read."""


def worker() -> Worker:
    """The reader process (one per hzmap process, started at the first read)."""
    global _worker
    with _lock:
        if _worker is None:
            import atexit

            _worker = Worker(preload=("shapely", "pyproj", "hzmap.model.layers.vector"))
            atexit.register(shutdown)  # ended (and waited for) with the process that started it
        return _worker


def warm_up() -> threading.Thread:
    """Start the reader process now, in the background (the planner is choosing a file): the
    first read then does not wait for it to import its libraries. Returns the starting thread
    (joined, the process has started or failed to)."""
    def start() -> None:
        try:
            worker().start()
        except Exception:  # noqa: BLE001 - the read itself will say what is wrong
            pass
    thread = threading.Thread(target=start, name="hzmap-reader-start", daemon=True)
    thread.start()
    return thread


def shutdown() -> None:
    """End the reader process (the app is closing; the next read starts a new one)."""
    if _worker is not None:
        _worker.stop()


def _machine_memory() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 8 << 30


def budget_for(size: int) -> Budget:
    """Time and memory for reading a file that unpacks to `size` bytes."""
    seconds = SECONDS + SECONDS_PER_GB * size / (1 << 30)
    memory = min(MEMORY + MEMORY_PER_BYTE * size, max(MEMORY, int(0.8 * _machine_memory())))
    return Budget(seconds, memory)


def stopped(path, exc: ReaderStopped, budget: Budget) -> LayerError:
    """The planner's message for a read that did not finish."""
    if exc.why == "cancelled":
        return ReadCancelled(path, "reading was cancelled")
    if exc.why == "time":
        return LayerError(path, f"reading it took longer than {budget.seconds:.0f} s, so it was stopped: "
                                "the file holds far more than its size suggests, or (a GeoPackage) a "
                                "layer that is a view without end")
    if exc.why == "memory":
        return LayerError(path, f"reading it needed more than {size_text(budget.memory or 0)} of memory, so "
                                "it was stopped: the file holds far more than its size suggests")
    return LayerError(path, f"the reader stopped on it ({exc.detail}): the file is damaged, or holds more "
                            "than hzmap can read")


def _run(path, size: int, cancel, target: str, *args, **kwargs):
    budget = budget_for(size)
    try:
        return worker().call(target, *args, budget=budget, cancel=cancel, **kwargs)
    except ReaderStopped as exc:
        raise stopped(path, exc, budget) from None
    except (LayerError, ImportError):  # a package the reader lacks: readers_available names it
        raise
    except Exception as exc:  # noqa: BLE001 - whatever a library raised on this file: named, no traceback
        text = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
        raise LayerError(path, f"cannot be read ({type(exc).__name__}{': ' + text if text else ''})") from None


def read_table(path, fmt: str, sheet: str | None = None, *, size: int = 0, cancel=None):
    """tables.read_table: a small CSV here (`in_process`), anything else in the reader process."""
    if in_process(fmt, size):
        from hzmap.model.layers.tables import read_table as read_here

        if cancel is not None and cancel.is_set():
            raise ReadCancelled(path, "reading was cancelled")
        return read_here(path, fmt, sheet)
    return _run(path, size, cancel, "hzmap.model.layers.tables:read_table", path, fmt, sheet)


def in_process(fmt: str, size: int) -> bool:
    """Whether a file is read in the process that asks. Only a CSV of at most IN_PROCESS_BYTES:
    its reader is hzmap's own Python (hzmap.model.layers.textio), linear in the text and bounded
    in line length and rows, so such a file is read within a second or two and a few hundred MB
    whatever it holds; the reader process's start and the table's trip back would cost more than
    the read (a 2 MB table: 0.63 s here, 1.34 s through the process). Excel files, GIS files and
    larger CSVs go to the reader process: C libraries, zip containers, sizes without a bound."""
    return fmt == "csv" and 0 < size <= IN_PROCESS_BYTES


def list_sublayers(path, fmt: str, *, size: int = 0, cancel=None):
    """vector.list_sublayers in the reader process."""
    with tempfile.TemporaryDirectory(prefix="hzmap-layer-") as tmp:
        return _run(path, size, cancel, "hzmap.model.layers.vector:list_sublayers", path, fmt, workdir=tmp)


def read_vector(path, fmt: str, sublayer=None, coords=None, *, size: int = 0, cancel=None):
    """vector.read_vector in the reader process."""
    with tempfile.TemporaryDirectory(prefix="hzmap-layer-") as tmp:
        return _run(path, size, cancel, "hzmap.model.layers.vector:read_vector", path, fmt, sublayer,
                    coords, workdir=tmp)
