"""Running a reader of other people's files in a child process, with a time and a memory budget.

A planner's file can make a reader fail in ways Python cannot catch: the Excel reader aborts the
whole process when an allocation fails (a zip bomb), a GeoPackage whose layer is a recursive
view keeps SQLite busy forever, a reader may need more memory than the machine has. So such
files are read in a child process: `Worker.call` runs one reading function there and brings its
result (or the exception it raised) back. A child that overruns its time is killed; one that
overruns its memory fails inside its own address space (RLIMIT_AS, where the system has it);
one that aborts takes only itself down; a cancel kills it at once. Each of these comes back as
:class:`ReaderStopped` saying which, for the caller to word for the planner with the file's name.

The child is started at the first call and kept for the next (importing shapely and pyproj
costs it about half a second), and started again after it was killed. It runs with the Worker's
environment, imports the `preload` modules and says it is
ready before a call's time budget starts. It cannot import what its parent cannot (a module
sys.modules blocks with None). It is `python -m hzmap.model.files.isolated`, or the offline
bundle's executable with WORKER_ARG. Requests and replies are pickled frames over its standard
input and output; whatever a library prints goes to its standard error.

Python threads rather than select() wait for the reply, so the same code runs on Windows (there
the memory budget is not applied: Windows has no RLIMIT_AS).
"""
from __future__ import annotations

import importlib
import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

WORKER_ARG = "--hzmap-reader-process"
_HEADER = struct.Struct("!Q")
_POLL = 0.05  # seconds between looks at the cancel flag
_READY = b"ready"
_PRELOAD = "HZMAP_READER_PRELOAD"
_BLOCKED = "HZMAP_READER_BLOCKED"
START_SECONDS = 120.0  # for the child to start and import its preload


class ReaderStopped(Exception):
    """The child did not finish: `why` is "time", "memory", "crash" or "cancelled"."""

    def __init__(self, why: str, detail: str = "") -> None:
        self.why, self.detail = why, detail
        super().__init__(f"{why}: {detail}" if detail else why)


@dataclass(frozen=True)
class Budget:
    """What one call may take: `seconds` of wall time (None: until cancelled) and `memory`
    bytes of address space above what the child holds when the call starts (None: no limit)."""

    seconds: float | None = 30.0
    memory: int | None = 1 << 30


# -- the parent's side -----------------------------------------------------------------------------
def command() -> list[str]:
    """How to start the child: the bundle's executable, or this module with this Python."""
    frozen = getattr(sys, "frozen", False)
    return [sys.executable, WORKER_ARG] if frozen else [sys.executable, "-m", "hzmap.model.files.isolated"]


class Worker:
    """One child process, used by one call at a time (calls from several threads wait)."""

    def __init__(self, env: dict | None = None, preload: tuple = ()) -> None:
        self.env = dict(env or {}, **{_PRELOAD: ",".join(preload)})
        self._proc: subprocess.Popen | None = None
        self._replies: queue.Queue = queue.Queue()
        self._lock = threading.Lock()
        self._blocked: list[str] = []

    def call(self, target: str, *args, budget: Budget = Budget(), cancel: threading.Event | None = None,
             **kwargs):
        """`target` ("package.module:function") called with args in the child; its result, or
        the exception it raised, raised again here. ReaderStopped when the child did not finish."""
        while not self._lock.acquire(timeout=_POLL):
            if cancel is not None and cancel.is_set():
                raise ReaderStopped("cancelled")
        try:
            return self._call(target, args, kwargs, budget, cancel)
        finally:
            self._lock.release()

    def start(self) -> None:
        """Start the child now (if it is not running) and wait until it is ready."""
        with self._lock:
            self._start()

    def _call(self, target, args, kwargs, budget: Budget, cancel):
        proc, request = self._start(cancel), pickle.dumps((target, args, kwargs, budget.memory))
        try:
            _write_frame(proc.stdin, request)
        except OSError:  # the child died between two calls
            self.stop()
            _write_frame(self._start(cancel).stdin, request)
        deadline = None if budget.seconds is None else time.monotonic() + budget.seconds
        while True:
            if cancel is not None and cancel.is_set():
                self.stop()
                raise ReaderStopped("cancelled")
            if deadline is not None and time.monotonic() > deadline:
                self.stop()
                raise ReaderStopped("time", f"{budget.seconds:g} s")
            try:
                reply = self._replies.get(timeout=_POLL)
            except queue.Empty:
                continue
            if reply is None:  # the child's output ended: it died
                code = self._wait_dead()
                raise ReaderStopped("crash", _exit_text(code))
            kind, value = pickle.loads(reply)
            if kind == "ok":
                return value
            if kind == "memory":
                self.stop()  # its heap is fragmented now; the next call gets a fresh child
                raise ReaderStopped("memory", _size(budget.memory))
            raise value

    def _start(self, cancel=None) -> subprocess.Popen:
        blocked = _blocked()
        if self._proc is not None and self._proc.poll() is None and self._blocked == blocked:
            return self._proc
        self.stop()
        self._blocked = blocked
        proc = self._spawn()
        deadline = time.monotonic() + START_SECONDS
        while True:  # until it says it is ready
            if cancel is not None and cancel.is_set():
                self.stop()
                raise ReaderStopped("cancelled")
            try:
                first = self._replies.get(timeout=_POLL)
            except queue.Empty:
                if time.monotonic() > deadline:
                    self.stop()
                    raise ReaderStopped("crash", "the reader process did not start") from None
                continue
            if first == _READY:
                return proc
            code = self._wait_dead()
            raise ReaderStopped("crash", f"the reader process did not start ({_exit_text(code)})")

    def _spawn(self) -> subprocess.Popen:
        env = dict(os.environ, **self.env, **{_BLOCKED: ",".join(self._blocked)})
        root = str(Path(__file__).resolve().parents[3])  # the folder holding the hzmap package
        env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        debug = os.environ.get("HZMAP_DEBUG_READER")
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        self._proc = subprocess.Popen(command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=None if debug else subprocess.DEVNULL, env=env,
                                      creationflags=flags)
        self._replies = queue.Queue()
        threading.Thread(target=_pump, args=(self._proc.stdout, self._replies), daemon=True,
                         name="hzmap-reader-replies").start()
        return self._proc

    def _wait_dead(self) -> int | None:
        proc, self._proc = self._proc, None
        if proc is None:
            return None
        try:
            return proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            return proc.wait()
        finally:
            _close_pipes(proc)

    def stop(self) -> None:
        """End the child now (a cancel, a time-out, the app closing)."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            proc.kill()
        except OSError:
            pass
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        _close_pipes(proc)

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None and self._proc.poll() is None else None


def _close_pipes(proc: subprocess.Popen) -> None:
    """The pipes to a child that has ended (left to the collector, each is an unclosed file)."""
    for pipe in (proc.stdin, proc.stdout):
        try:
            pipe.close()
        except OSError:
            pass


def _pump(stream, replies: queue.Queue) -> None:
    """Frames from the child, one by one; None when its output ends."""
    try:
        while (body := _read_frame(stream)) is not None:
            replies.put(body)
            del body  # not held while waiting for the next frame: a table's reply is 100 MB
    except (OSError, ValueError):
        pass
    replies.put(None)


def _blocked() -> list[str]:
    """The modules this process may not import (sys.modules holds None for them): the child
    can import no more than its parent."""
    return sorted(name for name, module in list(sys.modules.items()) if module is None)


def _exit_text(code: int | None) -> str:
    if code is None:
        return "it ended"
    if code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


def _size(n: int | None) -> str:
    return "no limit" if n is None else f"{n / (1 << 30):.1f} GB" if n >= 1 << 30 else f"{n >> 20} MB"


# -- framing ---------------------------------------------------------------------------------------
def _write_frame(stream, data: bytes) -> None:
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read_frame(stream) -> bytes | None:
    """The next frame _write_frame wrote, or None when the stream ends first."""
    head = _read_exactly(stream, _HEADER.size)
    return None if head is None else _read_exactly(stream, _HEADER.unpack(head)[0])


def _read_exactly(stream, n: int) -> bytes | None:
    chunks, left = [], n
    while left:
        chunk = stream.read(left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


# -- the child's side -------------------------------------------------------------------------------
def _address_space() -> int:
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, AttributeError):
        return 0


def _limit_memory(extra: int | None) -> None:
    try:
        import resource
    except ImportError:  # Windows
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if extra is None:
        resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
        return
    want = _address_space() + extra
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    resource.setrlimit(resource.RLIMIT_AS, (want, hard))


def _resolve(target: str):
    module, _, name = target.partition(":")
    if not module.startswith("hzmap."):
        raise ValueError(f"{target}: not a reader of hzmap's")
    return getattr(importlib.import_module(module), name)


def serve(requests, replies) -> None:
    """The child's loop: one request, one reply, until the parent closes the pipe."""
    while True:
        body = _read_frame(requests)
        if body is None:
            return
        target, args, kwargs, memory = pickle.loads(body)
        reply = None
        try:
            function = _resolve(target)
            _limit_memory(memory)
            try:
                reply = ("ok", function(*args, **kwargs))
            finally:
                _limit_memory(None)
        except MemoryError:
            reply = ("memory", None)
        except BaseException as exc:  # noqa: BLE001 - everything goes back to the caller
            reply = ("raised", exc)
        _write_frame(replies, _encode(reply))
        del reply, body  # nor here, the result and the request, until the next request comes


def _encode(reply: tuple) -> bytes:
    """The reply's bytes; an exception that would not come back whole is sent as its text."""
    kind, value = reply
    try:
        data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        if kind == "raised":
            pickle.loads(data)
        return data
    except Exception as exc:  # noqa: BLE001
        text = f"{type(value).__name__}: {value}" if kind == "raised" else \
            f"the result cannot be sent back ({type(exc).__name__})"
        return pickle.dumps(("raised", RuntimeError(text[:500])))


def main() -> None:
    """The child: replies go to the real standard output, anything printed to standard error."""
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    for name in filter(None, os.environ.get(_BLOCKED, "").split(",")):
        sys.modules[name] = None
    for name in filter(None, os.environ.get(_PRELOAD, "").split(",")):
        try:
            importlib.import_module(name)
        except ImportError:  # the call that needs it says so
            pass
    _write_frame(replies, _READY)
    serve(sys.stdin.buffer, replies)


if __name__ == "__main__":
    main()
