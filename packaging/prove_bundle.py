"""Prove the offline bundle runs on a machine with no network and no Python packages (Linux).

    python packaging/prove_bundle.py [dist/hzmap]      # after packaging/build_bundle.py

The bundle is copied to a fresh folder outside the repository and run there with an empty
environment (``env -i``: no PYTHONPATH, HOME in a temp folder, PATH holding no python). As root
it also runs in its own network namespace (``unshare --net``: no interface but a downed
loopback) and mount namespace, in which the repository, its venv and every system Python
library folder are hidden under empty tmpfs mounts, so nothing but the bundle could be
imported. It then times start-up to the first drawn frame (offscreen; median of 5) and exports
a map and a deck. Prints the figures as JSON; exits 1 when a step fails.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the benchmark's start-up clock, benchmarks/ready.py
from benchmarks.ready import seconds_to_ready  # noqa: E402
#: folders that could hold Python or its packages: hidden inside the isolated run
HIDDEN = [str(ROOT.parent), *sorted(set(glob.glob("/usr/lib/python3*") + glob.glob("/usr/local/lib/python3*")
                                       + glob.glob("/usr/lib/*-linux-gnu/python3*")))]


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
    hide = "; ".join(f"mount -t tmpfs -o ro,size=1k none {shlex.quote(d)}" for d in HIDDEN if os.path.isdir(d))
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


def startup_times(exe: Path, home: Path, repeat: int = 5) -> list[float]:
    cmd = isolated([str(exe)], home, {"QT_QPA_PLATFORM": "offscreen", "HZMAP_STARTUP_PROBE": "1"})
    return [seconds_to_ready(cmd, failure="the bundle did not start") for _ in range(repeat)]


def run_command(exe: Path, home: Path, args: list[str], out: Path) -> int:
    cmd = isolated([str(exe), *args, "--out", str(out)], home, {"QT_QPA_PLATFORM": "offscreen"})
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=home)
    if r.returncode != 0 or not out.is_file():
        raise SystemExit(f"`hzmap {' '.join(args)}` failed in the bundle (exit {r.returncode}):\n{r.stderr[-3000:]}")
    return out.stat().st_size


def prove(bundle: Path, repeat: int = 5) -> dict:
    bundle = bundle.resolve()
    with tempfile.TemporaryDirectory(prefix="hzmap-offline-") as tmp:
        copy = Path(tmp) / "hzmap"
        shutil.copytree(bundle, copy, symlinks=True)
        home = Path(tmp) / "home"
        home.mkdir()
        exe = copy / "hzmap"
        du = subprocess.run(["du", "-sh", str(copy)], capture_output=True, text=True).stdout.split()[0]
        figures = {"bundle": str(bundle), "size": du, "size_bytes": sum(
            p.stat().st_size for p in copy.rglob("*") if p.is_file() and not p.is_symlink())}
        figures.update(sanity(home))
        times = startup_times(exe, home, repeat)
        figures["startup_s"] = {"median": round(statistics.median(times), 3),
                                "min": round(min(times), 3), "max": round(max(times), 3), "n": len(times)}
        figures["export_png_bytes"] = run_command(exe, home, ["export", "--layout", "4+4+1+5"], home / "x.png")
        figures["deck_pdf_bytes"] = run_command(exe, home, ["deck", "--layout", "4+4+1+5"], home / "d.pdf")
        figures["deck_pptx_bytes"] = run_command(exe, home, ["deck", "--layout", "4+4+1+5"], home / "d.pptx")
    return figures


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    bundle = Path(argv[0]) if argv else ROOT / "dist" / "hzmap"
    if not (bundle / "hzmap").is_file():
        print(f"no bundle at {bundle}: build it with python packaging/build_bundle.py", file=sys.stderr)
        return 1
    if not isolation_available():
        print("not root or no unshare: running with env -i only (network not blocked)", file=sys.stderr)
    print(json.dumps(prove(bundle), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
