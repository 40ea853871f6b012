"""Time a process from its launch to the app's start-up probe line (HZMAP_STARTUP_PROBE=1 makes
hzmap print ``HZMAP_READY`` once its first frame is drawn): the benchmark's start-up and the
bundle proof measure the same way."""
from __future__ import annotations

import subprocess
import time


def seconds_to_ready(cmd: list[str], *, env: dict | None = None, cwd=None, failure: str = "start-up failed",
                     timeout: float = 120) -> float:
    """Seconds from launching `cmd` to its ``HZMAP_READY`` line (the clock stops when that line
    arrives, not when the process has finished tearing down). SystemExit with `failure` and the
    end of the process's stderr when the line never comes."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = None
    for line in proc.stdout:
        if line.startswith("HZMAP_READY"):
            elapsed = time.perf_counter() - t0
            break
    _, err = proc.communicate(timeout=timeout)
    if elapsed is None:
        raise SystemExit(f"{failure}:\n{err[-3000:]}")
    return elapsed
