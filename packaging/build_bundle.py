"""Build hzmap's offline bundle: one folder that runs without Python or any package installed.

    pip install -e ".[bundle]"            # PyInstaller (build only; not an app dependency)
    python packaging/build_bundle.py       # -> dist/hzmap/  (dist\\hzmap\\ on Windows)

PyInstaller bundles what runs on the machine that builds, so the bundle is for that platform:
run the same command on Windows for the Windows build. The folder holds the interpreter, Qt,
matplotlib and its data, the readers of users' files (shapely, lxml, python-calamine; pyproj
with its PROJ database), the geodata, the layout dataset, fonts, translations and icons
(packaging/hzmap.spec; what is left out: packaging/bundle_parts.py); copy the whole folder and
start ``hzmap`` (``hzmapw.exe`` on Windows) inside it. ``--check`` starts the built bundle
offscreen and exports a map with it; ``--archive`` packs the folder for copying (.tar.gz, or .zip
on Windows). The size of each part is printed.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "hzmap.spec"
sys.path.insert(0, str(ROOT / "packaging"))
import bundle_parts  # noqa: E402


def executable(bundle: Path) -> Path:
    return bundle / ("hzmap.exe" if sys.platform == "win32" else "hzmap")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; returns the bundle folder (dist/hzmap)."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit('PyInstaller is not installed: pip install -e ".[bundle]"') from None
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    print("building:", " ".join(cmd), flush=True)
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True)
    bundle = dist / "hzmap"
    if not executable(bundle).is_file():
        raise SystemExit(f"PyInstaller finished but {executable(bundle)} is missing")
    print(f"built {bundle} in {time.perf_counter() - t0:.0f} s, {folder_size(bundle) / 2**20:.0f} MiB",
          flush=True)
    return bundle


def print_parts(bundle: Path, top: int = 20) -> None:
    parts = list(bundle_parts.sizes_by_part(bundle).items())
    shown = ", ".join(f"{name} {size / 2**20:.1f}" for name, size in parts[:top])
    rest = sum(size for _name, size in parts[top:])
    print(f"MiB by part: {shown}" + (f", the rest {rest / 2**20:.1f}" if rest else ""), flush=True)


def archive(bundle: Path) -> Path:
    """The folder packed for copying: hzmap-<platform>.tar.gz beside it (.zip on Windows)."""
    fmt = "zip" if sys.platform == "win32" else "gztar"
    base = bundle.parent / f"hzmap-{sys.platform}-{platform.machine().lower()}"
    return Path(shutil.make_archive(str(base), fmt, root_dir=bundle.parent, base_dir=bundle.name))


def check(bundle: Path, env: dict | None = None, prefix: list[str] | None = None) -> dict:
    """Start the bundle offscreen until its first frame, and export a map; returns the figures.
    `env` replaces the environment, `prefix` goes before the command (e.g. a network block)."""
    exe = str(executable(bundle))
    base = dict(env if env is not None else os.environ, QT_QPA_PLATFORM="offscreen")
    cmd = (prefix or []) + [exe]
    t0 = time.perf_counter()
    r = subprocess.run(cmd, env=dict(base, HZMAP_STARTUP_PROBE="1"), capture_output=True,
                       text=True, timeout=180)
    start = time.perf_counter() - t0
    if "HZMAP_READY" not in r.stdout:
        raise SystemExit(f"the bundle did not start (exit {r.returncode}):\n{r.stderr[-3000:]}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "map.png"
        r = subprocess.run(cmd + ["export", "--layout", "4+4+1+5", "--out", str(out)], env=base,
                           capture_output=True, text=True, timeout=300, cwd=tmp)
        if r.returncode != 0 or not out.is_file():
            raise SystemExit(f"the bundle did not export (exit {r.returncode}):\n{r.stderr[-3000:]}")
        size = out.stat().st_size
    return {"start_s": start, "export_png_bytes": size}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes (dist/)")
    p.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                   help="PyInstaller's work folder")
    p.add_argument("--check", action="store_true", help="start the built bundle and export a map")
    p.add_argument("--archive", action="store_true", help="pack the folder as .tar.gz (.zip on Windows)")
    args = p.parse_args(argv)
    bundle = build(args.dist.resolve(), args.work.resolve())
    print_parts(bundle)
    if args.check:
        figures = check(bundle)
        print(f"check: started in {figures['start_s']:.2f} s, exported a "
              f"{figures['export_png_bytes'] / 1e6:.1f} MB PNG")
    if args.archive:
        packed = archive(bundle)
        print(f"packed {packed}: {packed.stat().st_size / 2**20:.0f} MiB")
    print(f"copy the folder {bundle} to the target machine and run {executable(bundle).name} in it")
    shutil.rmtree(args.work.resolve(), ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
