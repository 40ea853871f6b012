"""The last word of the command line: a failure no command caught becomes one message on stderr
and exit status 1 (EXIT_PROBLEMS), never a traceback. The ``hzmap`` command runs through it
(hzmap.cli.main.main), and so does the offline bundle's entry point (packaging/hzmap_main.py),
where an uncaught exception would otherwise be printed with PyInstaller's "[PYI-...:ERROR]
Failed to execute script". HZMAP_TRACEBACK=1 prints the traceback as well, for a developer. No
Qt here.
"""
from __future__ import annotations

import os
import sys
import traceback
from typing import Callable

from hzmap import missing
from hzmap.cli.exit_codes import EXIT_INTERRUPTED, EXIT_PROBLEMS

#: The exit status of a failure nothing else reported (hzmap.cli.exit_codes).
FAILED = EXIT_PROBLEMS


def run(main: Callable[[], int]) -> int:
    """`main()`'s exit status; a failure it let through is told in one line."""
    try:
        return main()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except MemoryError:
        _say("hzmap: out of memory; close other programs or use a smaller file")
        return FAILED
    except Exception as exc:  # noqa: BLE001 (the last resort: every failure gets a message)
        _tell(exc)
        return FAILED


def _tell(exc: BaseException) -> None:
    if os.environ.get("HZMAP_TRACEBACK"):
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    exc = missing.root_cause(exc)
    if missing.is_missing(exc):
        _say(f"hzmap: {missing.message(exc)}")
        return
    if isinstance(exc, OSError) and exc.filename is not None:
        _say(f"hzmap: {exc.filename}: {exc.strerror or exc}")
        return
    _say(f"hzmap: unexpected error: {type(exc).__name__}: {exc}"
         + ("" if os.environ.get("HZMAP_TRACEBACK") else " (HZMAP_TRACEBACK=1 shows where it happened)"))


def _say(text: str) -> None:
    if sys.stderr is None:  # the bundle's hzmapw.exe on Windows has no console to write to
        _box(text)
        return
    try:
        print(text, file=sys.stderr, flush=True)
    except (OSError, ValueError):  # no terminal to tell (a closed stderr)
        pass


def _box(text: str) -> None:
    """A message box where there is no console: Windows' own, which needs no Qt (the failure may
    be Qt's)."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, text, "hzmap", 0x10)  # MB_ICONERROR
