"""Command-line export timings for benchmarks/run.py: whole processes, as a user runs them.

    export_cli_s        `hzmap export --layout 4+4+1+5 --out map.png` (A4 300 DPI), launch to exit
    baseline_export_import_s
                        a process that only imports what any matplotlib export must: matplotlib's
                        Figure and Agg renderer, shapely, numpy and pyproj (a bare `import
                        matplotlib` loads neither a Figure nor a renderer)
    export_cli_ratio    each export process ÷ the import process launched right before it
    atlas_s, atlas_peak_mb
                        `hzmap export --atlas --layout 4+4+1+5 --out DIR` (13 maps), launch to
                        exit, and that process's peak resident memory

    python benchmarks/cli_bench.py [--repeat N]

The processes run from the checkout this file is in (`python -m hzmap` with that folder as the
working directory), so an older checkout measures its own code with the same harness.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

EXPORT_IMPORTS = "import matplotlib.figure, matplotlib.backends.backend_agg, shapely, numpy, pyproj"
BARE_IMPORTS = "import matplotlib, shapely, numpy, pyproj"


def _run(args: list[str], cwd: Path = ROOT) -> tuple[float, float]:
    """(seconds from launch to exit, peak resident MB) of one process; stops the benchmark with
    its error output if it fails."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(args)} failed:\n{err.read().decode(errors='replace')[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def warm_env() -> dict:
    """The environment of a first run on a user's machine: Python writes its byte-code caches
    (__pycache__), which a session's PYTHONDONTWRITEBYTECODE would leave unwritten, so that
    every later run would compile hzmap's modules again (about 0.1 s)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _warm(tmp: Path) -> None:
    """One untimed export: byte-code and font caches are written as on any machine that has
    exported once."""
    subprocess.run([sys.executable, "-m", "hzmap", "export", "--layout", "4+4+1+5", "--out",
                    str(tmp / "warm.png")], cwd=ROOT, check=True, capture_output=True, env=warm_env())


def time_export_cli(repeat: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"export_cli_s": [], "baseline_export_import_s": [],
                                   "baseline_bare_import_s": [], "export_cli_ratio": [],
                                   "export_cli_peak_mb": []}
    with tempfile.TemporaryDirectory() as tmp:
        _warm(Path(tmp))
        for _ in range(repeat):
            base, _ = _run([sys.executable, "-c", EXPORT_IMPORTS])
            bare, _ = _run([sys.executable, "-c", BARE_IMPORTS])
            cli, peak = _run([sys.executable, "-m", "hzmap", "export", "--layout", "4+4+1+5",
                              "--out", str(Path(tmp) / "map.png")])
            out["baseline_export_import_s"].append(base)
            out["baseline_bare_import_s"].append(bare)
            out["export_cli_s"].append(cli)
            out["export_cli_ratio"].append(cli / base)
            out["export_cli_peak_mb"].append(peak)
    return out


def time_atlas(repeat: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"atlas_s": [], "atlas_peak_mb": []}
    with tempfile.TemporaryDirectory() as tmp:
        _warm(Path(tmp))
        for i in range(repeat):
            seconds, peak = _run([sys.executable, "-m", "hzmap", "export", "--atlas", "--layout",
                                  "4+4+1+5", "--out", str(Path(tmp) / f"atlas{i}")])
            maps = list((Path(tmp) / f"atlas{i}").glob("*.png"))
            if len(maps) != 13:
                raise SystemExit(f"the atlas wrote {len(maps)} maps, not 13")
            out["atlas_s"].append(seconds)
            out["atlas_peak_mb"].append(peak)
    return out


if __name__ == "__main__":
    n = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 5
    for key, values in {**time_export_cli(n), **time_atlas(max(2, n // 2))}.items():
        print(f"{key}: median {statistics.median(values):.3f} (min {min(values):.3f}, "
              f"max {max(values):.3f}, n={len(values)})")
