"""What the offline proof checks, command by command (packaging/prove_bundle.py runs them).

Each check is named and ends "ok" or "FAILED: <why>", so one failure does not hide the others.
`b` is a prove_bundle.Bundle: `b.run(*args)` runs the copied bundle isolated and returns the
completed process.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import proof_files

#: the planner's files the window and `export --layer` open (a GeoPackage, a district table in
#: CSV, an Excel sheet, a Shapefile whose CRS is only in its .prj)
WINDOW_FILES = ("gpkg", "csv", "xlsx", "shp")


class Checks:
    def __init__(self) -> None:
        self.results: dict[str, str] = {}

    def check(self, name: str, ok: bool, detail="") -> bool:
        self.results[name] = "ok" if ok else f"FAILED: {str(detail)[-1500:]}"
        return ok

    def ran(self, name: str, r, ok: bool = True) -> bool:
        """A command that must succeed (exit 0) and meet `ok`."""
        return self.check(name, r.returncode == 0 and ok, f"exit {r.returncode}: {r.stderr or r.stdout}")


def _starts(path: Path, magic: bytes, least: int = 1000) -> bool:
    return path.is_file() and path.stat().st_size >= least and path.read_bytes()[:len(magic)] == magic


def _district_counts(found: dict) -> dict:
    return {d: n for d, n in found.items() if n}


def layer_matches(report: dict, kind: str) -> bool:
    """A `hzmap layer --json` report or a window layer entry against what the file holds."""
    want = proof_files.expected_layer(kind)
    if report.get("kind") != want["kind"]:
        return False
    if want["kind"] == "districts":
        matched = report["matched"] if "matched" in report else len(report["rows"]["matched"])
        return matched == want["matched"]
    return report["features"] == want["features"] and _district_counts(report["per_district"]) == want["per_district"]


def commands(b, files: dict, out: Path, c: Checks) -> None:
    out.mkdir(parents=True, exist_ok=True)
    r = b.run("--help")
    c.ran("--help", r, "usage: hzmap" in r.stdout)
    if "--version" in r.stdout:
        v = b.run("--version")
        c.ran("--version", v, re.search(r"\d+\.\d+", v.stdout + v.stderr) is not None)
    r = b.run("query", "滨江区")
    c.ran("query 滨江区", r, "滨江" in r.stdout)
    r = b.run("validate")
    c.ran("validate", r, "OK" in r.stdout)
    r = b.run("cite", "中国数谷")
    c.ran("cite 中国数谷", r, "中国数谷" in r.stdout)
    for kind, path in files.items():
        if kind in ("docx", "geotiff", "mbtiles"):
            continue
        r = b.run("layer", "--json", path)
        try:
            report = json.loads(r.stdout) if r.returncode == 0 else {}
        except ValueError:
            report = {}
        c.ran(f"layer {path.name} ({report.get('format', kind)}, {report.get('crs_used', '?')})", r,
              bool(report) and layer_matches(report, "csv" if kind == "csv" else "points"))
    png = out / "map.png"
    c.ran("export PNG", b.run("export", "--layout", "4+4+1+5", "--out", png), _starts(png, b"\x89PNG", 100_000))
    svg = out / "map.svg"
    c.ran("export SVG", b.run("export", "--layout", "4+4+1+5", "--out", svg), _starts(svg, b"<?xml"))
    layers = [a for k in WINDOW_FILES for a in ("--layer", files[k])]
    png = out / "layers.png"
    c.ran("export --layer gpkg, csv, xlsx, shp", b.run("export", "--layout", "4+4+1+5", *layers, "--out", png),
          _starts(png, b"\x89PNG", 100_000))
    atlas = out / "atlas"
    r = b.run("export", "--atlas", "--layout", "4+4+1+5", "--layer", files["csv"], "--out", atlas, timeout=600)
    pages = sorted(atlas.glob("*.png")) if atlas.is_dir() else []
    c.ran(f"export --atlas ({len(pages)} maps)", r, len(pages) >= 13 and all(_starts(p, b"\x89PNG") for p in pages))
    pdf = out / "dossier.pdf"
    c.ran("dossier 滨江区", b.run("dossier", "滨江区", "--layout", "4+4+1+5", "--out", pdf), _starts(pdf, b"%PDF"))
    for suffix, magic in (("pptx", b"PK"), ("pdf", b"%PDF")):
        deck = out / f"deck.{suffix}"
        c.ran(f"deck {suffix}", b.run("deck", "--layout", "4+4+1+5", "--out", deck), _starts(deck, magic, 100_000))
    draft = out / "draft"
    r = b.run("import-plan", files["docx"], "--out", draft)
    c.ran("import-plan plan.docx", r, draft.is_dir() and any(draft.rglob("*.yaml")))
    if draft.is_dir():
        r = b.run("validate", draft)
        c.ran("validate the drafted plan", r, "OK" in r.stdout)
    _basemaps(b, files, out, c)
    _desktop(b, c)
    fonts = sorted((b.home / ".cache" / "hzmap" / "matplotlib").glob("fontlist-*.json"))
    c.check("matplotlib's font list kept between starts", bool(fonts), "no fontlist in ~/.cache/hzmap/matplotlib")


def _basemaps(b, files: dict, out: Path, c: Checks) -> None:
    """Offline base maps under the map; an online one with no network is a warning, not a failure."""
    for kind in ("geotiff", "mbtiles"):
        png = out / f"basemap-{kind}.png"
        r = b.run("export", "--layout", "4+4+1+5", "--view", "urban", "--basemap", files[kind], "--dpi", "96",
                  "--out", png)
        c.ran(f"export --basemap {files[kind].name}", r, _starts(png, b"\x89PNG", 50_000) and "warning" not in r.stderr)
    png = out / "basemap-osm.png"
    r = b.run("export", "--layout", "4+4+1+5", "--view", "urban", "--basemap", "osm", "--dpi", "96", "--out", png)
    c.ran("export --basemap osm, no network: a warning, the map still", r,
          _starts(png, b"\x89PNG", 50_000) and "base map" in r.stderr)


def _desktop(b, c: Checks) -> None:
    apps = b.home / ".local" / "share" / "applications"
    r = b.run("install-desktop")
    entry = next(iter(apps.glob("*.desktop")), None) if apps.is_dir() else None
    text = entry.read_text(encoding="utf-8") if entry else ""
    c.ran("install-desktop (temp HOME)", r, f"Exec={b.exe}" in text or f'Exec="{b.exe}' in text)
    r = b.run("install-desktop", "--uninstall")
    c.ran("install-desktop --uninstall", r, entry is not None and not entry.exists())


def window(b, files: dict, c: Checks) -> None:
    """`hzmap FILE...` offscreen: each file through the Add layer dialog onto the map."""
    paths = [files[k] for k in WINDOW_FILES]
    r = b.run(*paths, env={"HZMAP_STARTUP_PROBE": "files"}, timeout=600)
    line = next((ln for ln in r.stdout.splitlines() if ln.startswith("HZMAP_FILES ")), None)
    if not c.check("window: files reported", line is not None, f"exit {r.returncode}: {r.stderr}"):
        return
    found = json.loads(line.split(" ", 1)[1])
    c.check("window: no problem shown", not found["problems"] and not found["timed_out"], found)
    by_file = {Path(lay["file"]).name: lay for lay in found["layers"] if lay.get("file")}
    for kind, path in zip(WINDOW_FILES, paths):
        lay = by_file.get(path.name)
        c.check(f"window: Add layer {path.name}", lay is not None and layer_matches(lay, kind), lay or by_file)


def bad_input(b, folder: Path, c: Checks) -> None:
    """Files and names that cannot be used: a message naming them, an exit status, no traceback."""
    garbage = folder / "garbage.gpkg"
    garbage.write_bytes(bytes(range(256)) * 8)
    empty_csv = folder / "empty.csv"
    empty_csv.write_text("", encoding="utf-8")
    cases = ((("layer", folder / "nothere.gpkg"), "nothere.gpkg"),
             (("layer", garbage), "garbage.gpkg"),
             (("layer", empty_csv), "empty.csv"),
             (("layer", folder), str(folder)),
             (("export", "--layout", "4+4+1+5", "--layer", garbage, "--out", folder / "x.png"), "garbage.gpkg"),
             (("export", "--layout", "no-such-layout", "--out", folder / "x.png"), "no-such-layout"),
             (("query", "不存在的地方"), "不存在的地方"),
             (("import-plan", folder / "nothere.docx", "--out", folder / "d"), "nothere.docx"))
    for args, named in cases:
        r = b.run(*args)
        shown = " ".join(str(a).replace(str(folder), "proof-data") for a in args)
        c.check(f"message for: {shown}", r.returncode != 0 and named in r.stderr,
                f"exit {r.returncode}: {r.stderr}")


def missing_package(b, xlsx: Path, package: str, c: Checks) -> None:
    """A bundle built without a reader names the package instead of tracing back."""
    r = b.run("layer", xlsx)
    c.check(f"message for a bundle without {package}", r.returncode != 0 and package in r.stderr
            and xlsx.name in r.stderr, f"exit {r.returncode}: {r.stderr}")


def libraries(b, figures: dict, c: Checks) -> None:
    """Every library the runs loaded from outside the bundle is one PyInstaller leaves to the
    system (the C library, OpenGL, libxcb), or one the bundle carries too (a system library that
    needs libz loads the system's before the bundle's). Anything else is a library the bundle
    lacks, which this machine happened to have: the spec left out a library something needs."""
    try:
        from PyInstaller.depend.dylib import include_library
    except ImportError:
        c.check("every library loaded from outside the bundle is one it leaves to the system", False,
                'PyInstaller is not installed: pip install -e ".[bundle]"')
        return
    carried = {p.name for p in (b.folder / "_internal").rglob("*.so*")}
    outside = set()
    for log in b.loader_log.glob(b.folder.name + ".*"):  # this copy's runs (LD_DEBUG_OUTPUT.<pid>)
        for path in re.findall(r"calling init: (\S+)", log.read_text(errors="replace")):
            if not Path(path).resolve().is_relative_to(b.folder.resolve()):
                outside.add(Path(path).name)
    # the program interpreter (ld-linux-x86-64.so.2) is always the system's
    lacking = sorted(name for name in outside
                     if include_library(name) and name not in carried and not name.startswith("ld-linux"))
    figures["libraries_from_the_system"] = sorted(outside)
    c.check("every library loaded from outside the bundle is one it leaves to the system",
            bool(outside) and not lacking, lacking or "the loader's log is empty")
