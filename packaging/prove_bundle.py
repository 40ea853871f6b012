"""Prove the offline bundle runs on a machine with no network and no Python (Linux).

    python packaging/prove_bundle.py [dist/hzmap]      # after packaging/build_bundle.py

The bundle is copied to a fresh folder outside the repository and run there with an empty
environment (``env -i``: no PYTHONPATH, HOME in a temp folder, PATH holding no python). As root
it also runs in its own network namespace (``unshare --net``: no interface but a downed
loopback) and mount namespace, in which the repository, its venv and every system Python
library folder are hidden under empty tmpfs mounts, so nothing but the bundle could be
imported.

A planner's files in every format hzmap reads are written into the copied bundle's folder
(packaging/proof_files.py), and then every command runs from the copy (packaging/proof_checks.py):
--help, --version, query, validate, cite, layer on each file, export (PNG, SVG, with the files as
layers, an atlas, on offline base maps, on an online one with no network), dossier, deck (PPTX and PDF), import-plan and validate of its draft,
install-desktop into the temp HOME; the window opens the files through Add layer (offscreen,
HZMAP_STARTUP_PROBE=files) and reports what reached the map. Bad input and a bundle with a
package missing must give messages: no run may print a traceback. Start-up to the first drawn
frame is timed: the very first start (which writes matplotlib's font list), then the median of
5. Prints the figures and each check as JSON; exits 1 when a check fails.
"""
from __future__ import annotations

import glob
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the benchmark's start-up clock, benchmarks/ready.py
sys.path.insert(0, str(ROOT / "packaging"))
import bundle_parts  # noqa: E402
import proof_checks  # noqa: E402
import proof_files  # noqa: E402
from benchmarks.ready import seconds_to_ready  # noqa: E402

#: folders that could hold Python or its packages: hidden inside the isolated run (the
#: repository with its venv, this Python's own prefixes, the system's Python folders)
HIDDEN = sorted({str(ROOT), sys.prefix, sys.base_prefix, *glob.glob("/usr/lib/python3*"),
                 *glob.glob("/usr/local/lib/python3*"), *glob.glob("/usr/lib/*-linux-gnu/python3*")})
#: what a traceback looks like, from Python or from PyInstaller's bootloader
TRACEBACK_MARKS = ("Traceback (most recent call last)", "[PYI-")


def _holds(folder: str, path: Path) -> bool:
    return Path(path).resolve().is_relative_to(Path(folder).resolve())


def isolation_available() -> bool:
    return sys.platform.startswith("linux") and os.geteuid() == 0 and shutil.which("unshare") is not None


def isolated(cmd: list[str], home: Path, extra_env: dict) -> list[str]:
    """`cmd` in an empty environment; as root also with no network and Python folders hidden."""
    empty_bin = home / "bin"
    empty_bin.mkdir(parents=True, exist_ok=True)
    env = {"HOME": str(home), "PATH": str(empty_bin), "LANG": "C.UTF-8", **extra_env}
    run = ["env", "-i", *(f"{k}={v}" for k, v in env.items()), *cmd]
    if not isolation_available():
        return run
    # (never a folder holding the copy under test: a repository in /tmp must not hide /tmp)
    hidden = [d for d in HIDDEN if os.path.isdir(d) and not _holds(d, home) and not _holds(d, Path(cmd[0]))]
    hide = "; ".join(f"mount -t tmpfs -o ro,size=1k none {shlex.quote(d)}" for d in hidden)
    script = f"{hide}; exec {shlex.join(run)}"
    return ["unshare", "--net", "--mount", "--fork", "--propagation", "private", "/bin/sh", "-c", script]


def sanity(home: Path) -> dict:
    """What the isolated run can reach: no network interface up, no importable Python."""
    out = {}
    probe = isolated(["/bin/sh", "-c", "/bin/cat /proc/net/dev;"
                      " (exec 3<>/dev/tcp/1.1.1.1/80) 2>/dev/null && echo NET_OPEN || echo NET_BLOCKED;"
                      " /usr/bin/python3 -c 'import encodings' 2>/dev/null && echo PY_OK || echo PY_NONE;"
                      " command -v python3 || echo PY_NOT_ON_PATH"], home, {})
    r = subprocess.run(probe, capture_output=True, text=True, timeout=60)
    out["interfaces"] = [ln.split(":")[0].strip() for ln in r.stdout.splitlines() if ":" in ln]
    out["network"] = "blocked" if "NET_BLOCKED" in r.stdout else "open"
    out["system_python_usable"] = "PY_OK" in r.stdout
    out["python_on_path"] = "PY_NOT_ON_PATH" not in r.stdout
    out["namespaces"] = isolation_available()
    return out


class Bundle:
    """A copied bundle, run isolated from its folder's parent; every run is recorded."""

    def __init__(self, folder: Path, home: Path) -> None:
        self.folder, self.home = folder, home
        self.exe = folder / "hzmap"
        self.runs: list[dict] = []
        self.loader_log = home / "loader-log"  # the dynamic loader's note of every library it loads
        self.loader_log.mkdir(exist_ok=True)

    def run(self, *args, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
        loader = {"LD_DEBUG": "libs", "LD_DEBUG_OUTPUT": str(self.loader_log / self.folder.name)}
        cmd = isolated([str(self.exe), *map(str, args)], self.home,
                       {"QT_QPA_PLATFORM": "offscreen", **loader, **(env or {})})
        t0 = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=self.home)
        shown = [str(a).replace(str(self.folder), "<bundle>") for a in args]
        self.runs.append({"args": " ".join(shown), "exit": r.returncode, "s": round(time.perf_counter() - t0, 2),
                          "traceback": any(m in r.stdout + r.stderr for m in TRACEBACK_MARKS)})
        return r

    def startup_times(self, repeat: int) -> list[float]:
        cmd = isolated([str(self.exe)], self.home, {"QT_QPA_PLATFORM": "offscreen", "HZMAP_STARTUP_PROBE": "1"})
        return [seconds_to_ready(cmd, failure="the bundle did not start") for _ in range(repeat)]


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def without_package(bundle: Path, package: str, into: Path) -> Path:
    """A copy of `bundle` (hard links: no space) that lacks `package`, as a broken build would."""
    shutil.copytree(bundle, into, symlinks=True, copy_function=os.link)
    shutil.rmtree(into / "_internal" / package)
    return into


def prove(bundle: Path, repeat: int = 5) -> dict:
    bundle = bundle.resolve()
    with tempfile.TemporaryDirectory(prefix="hzmap-offline-") as tmp:
        copy = Path(tmp) / "hzmap"
        shutil.copytree(bundle, copy, symlinks=True)
        home = Path(tmp) / "home"
        home.mkdir()
        size = folder_bytes(copy)
        figures = {"bundle": str(bundle), "size_mib": round(size / 2**20, 1), "size_bytes": size,
                   "parts_mib": {k: round(v / 2**20, 1) for k, v in bundle_parts.sizes_by_part(copy).items()}}
        files = proof_files.make(copy / "proof-data")  # the planner's files, in the bundle's folder
        figures.update(sanity(home))
        b = Bundle(copy, home)
        first, *times = b.startup_times(repeat + 1)  # the first also writes matplotlib's font list
        figures["first_start_s"] = round(first, 3)
        figures["startup_s"] = {"median": round(statistics.median(times), 3),
                                "min": round(min(times), 3), "max": round(max(times), 3), "n": len(times)}
        checks = proof_checks.Checks()
        proof_checks.commands(b, files, Path(tmp) / "out", checks)
        proof_checks.window(b, files, checks)
        proof_checks.bad_input(b, copy / "proof-data", checks)
        lacking = Bundle(without_package(copy, "python_calamine", Path(tmp) / "lacking"), home)
        proof_checks.missing_package(lacking, files["xlsx"], "python-calamine", checks)
        proof_checks.libraries(b, figures, checks)
        dangling = [str(p.relative_to(copy)) for p in copy.rglob("*") if p.is_symlink() and not p.exists()]
        checks.check("no link in the bundle points nowhere", not dangling, dangling)
        checks.check("no run printed a traceback", not any(r["traceback"] for r in b.runs + lacking.runs),
                     [r["args"] for r in b.runs + lacking.runs if r["traceback"]])
        figures["checks"] = checks.results
        figures["failed"] = [name for name, result in checks.results.items() if result != "ok"]
        figures["runs"] = b.runs + lacking.runs
    return figures


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    bundle = Path(argv[0]) if argv else ROOT / "dist" / "hzmap"
    if not (bundle / "hzmap").is_file():
        print(f"no bundle at {bundle}: build it with python packaging/build_bundle.py", file=sys.stderr)
        return 1
    try:  # the planner's files are written with the tests' tools
        import geopandas  # noqa: F401
    except ImportError:
        print('the proof writes its files with the test extras: pip install -e ".[test]"', file=sys.stderr)
        return 2
    if not isolation_available():
        print("not root or no unshare: running with env -i only (network not blocked)", file=sys.stderr)
    figures = prove(bundle)
    print(json.dumps(figures, indent=1, ensure_ascii=False))
    return 1 if figures["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
