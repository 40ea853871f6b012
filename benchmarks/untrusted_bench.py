"""Files from others: every case of the hostile-input table, each run as a planner runs it (a
whole `hzmap` process, capped at 1.5 GB of address space), timed and counted.

    python benchmarks/untrusted_bench.py [--repeat N] [--json FILE] [--big]

For each case: the seconds to the answer (median, p95, max over the repeats), the peak resident
memory of the process and its reader process, the exit code, whether the message names the file,
and any traceback, crash (killed by a signal), network request (a server on 127.0.0.1 that the
hostile files point at counts them) or change outside the chosen place (the files a case must
not touch are hashed before and after). The last line gives the counts of the table: cases,
handled, hangs (over 30 s), tracebacks, crashes, network calls, data loss.

Then the notes redraw: 299 notes of 2,000 characters, the documented limits' worst case, drawn
again and again on an A4 map (median, p95, max). --big adds the sizes of the original reports
(a 900 MB one-line CSV, a 1.2 GB Excel bomb read with --allow-large); they take minutes to
build.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))
CAP = 1536 << 20
WRAP = ("import resource, subprocess, sys, json\n"
        "resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=120)\n"
        "print(json.dumps([r.returncode, r.stderr[-2000:] + r.stdout[:500], "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))\n")


def hzmap(*args) -> list[str]:
    return [sys.executable, "-m", "hzmap", *map(str, args)]


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def build(folder: Path, url: str, big: bool) -> list[tuple]:
    """(case, command, the name its message must carry, files it must not change)."""
    from untrusted import (csv_rows, docx, gbk_shapefile, patch_zip, plan_paragraphs, points_gpkg,
                           recursive_view_gpkg, vrt, write_zip, xlsx, zeros)

    cases = []
    for ext in ("geojson", "kml", "gpkg", "fgb", "shp"):
        p = folder / f"vrt.{ext}"
        p.write_text(vrt(f"/vsicurl/{url}/x"))
        cases.append((f"VRT disguised as .{ext}", hzmap("layer", p), p, []))
    p = write_zip(folder / "vrt.zip", {"a.shp": vrt(f"/vsicurl/{url}/a"), "b.vrt": vrt(f"/vsicurl/{url}/b")})
    cases.append(("VRT inside a .zip", hzmap("layer", p), p, []))
    p = folder / "link.geojson"
    p.write_text(json.dumps({"type": "FeatureCollection", "crs": {"type": "link", "properties": {"href": url}},
                             "features": [{"type": "Feature", "properties": {},
                                           "geometry": {"type": "Point", "coordinates": [120.21, 30.19]}}]}))
    cases.append(("GeoJSON crs link", hzmap("layer", p), p, []))
    bomb = zeros(64 << 20)
    for name, members in (("bomb.xlsx", None), ("bomb.zip", {"a.dbf": bomb, "a.shp": b"\x00\x00\x27\x0a"}),
                          ("geojson-bomb.zip", {"a.geojson": b"{" + bomb}), ("bomb.kmz", {"doc.kml": b"<kml>" + bomb})):
        p = xlsx(folder / name, bomb) if members is None else write_zip(folder / name, members)
        cases.append((f"zip bomb {name}", hzmap("layer", p), p, []))
    p = docx(folder / "bomb.docx", document_xml=b"<w:document>" + bomb)
    cases.append(("zip bomb .docx", hzmap("import-plan", p, "--out", folder / "out-bomb"), p, []))
    p = write_zip(folder / "bomb-dataset.zip", {"mine/plans.yaml": bomb})
    cases.append(("zip bomb dataset zip", python(
        "import sys; from hzmap.model.dataset import userdata\n"
        f"try: userdata.import_shared({str(p)!r}, {str(folder / 'user')!r})\n"
        "except userdata.UserDataError as e: print(e, file=sys.stderr); sys.exit(2)"), p, []))
    noise = os.urandom(4 << 20)
    p = patch_zip(xlsx(folder / "big.xlsx", noise), "xl/worksheets/sheet1.xml", size=1_400_000_000)
    cases.append(("Excel saying 1.4 GB unpacked", hzmap("layer", p), p, []))
    p = xlsx(folder / "far.xlsx", far_cell="XFD1048576")
    cases.append(("Excel reader abort (17e9-cell grid)", hzmap("layer", p), p, []))
    p = recursive_view_gpkg(folder / "loop.gpkg", points_gpkg(folder / "base.gpkg"))
    cases.append(("recursive GeoPackage view", hzmap("layer", p), p, []))
    p = docx(folder / "long.docx", plan_paragraphs(100_000))
    cases.append(("100k-paragraph .docx", hzmap("import-plan", p, "--out", folder / "out-long"), None, []))
    p = folder / "wide.csv"
    p.write_text("a," * 200_000 + "经度,纬度\n" + "x," * 200_000 + "120.2,30.2\n")
    cases.append(("CSV with 200k columns", hzmap("layer", p), p, []))
    p = folder / "oneline.csv"
    with open(p, "wb") as fh:
        for _ in range((900 if big else 64)):
            fh.write(b"a," * (1 << 19))
    cases.append((f"one-line CSV ({p.stat().st_size >> 20} MB)", hzmap("layer", p), p, []))
    shp_dir = folder / "gbk"
    shp_dir.mkdir()
    p = gbk_shapefile(shp_dir)
    cases.append(("GBK .dbf without .cpg (read, noted)", hzmap("layer", p), None, []))
    nodbf = folder / "nodbf"
    nodbf.mkdir()
    p = gbk_shapefile(nodbf)
    p.with_suffix(".dbf").unlink()
    cases.append(("shapefile without .dbf (read, noted)", hzmap("layer", p), None, []))
    p = folder / "rows.csv"
    p.write_bytes(csv_rows(1000, bad_at=501, bad="萧山项目,120.25,30.2".encode("gbk")))
    cases.append(("one bad row among 1,000 (read, noted)", hzmap("layer", p), None, []))
    victim = folder / "victim" / "机密项目.csv"
    victim.parent.mkdir()
    victim.write_text("名称,经度,纬度\n机密项目,120.21,30.19\n", encoding="utf-8")
    proj = folder / "shared" / "会议.hzmap"
    proj.parent.mkdir()
    proj.write_text(json.dumps({"format": "hzmap-project", "version": 1, "layers": [
        {"id": "u1", "kind": "user", "name": "底图", "visible": False, "opacity": 0,
         "source": {"format": "csv", "x_column": "经度", "y_column": "纬度", "embed": True,
                    "path": "../victim/机密项目.csv"}}]}), encoding="utf-8")
    cases.append(("project copying ../victim into itself", hzmap("export", "--project", proj, "--dpi", "96",
                                                                   "--out", folder / "p.png"), victim, [proj]))
    ds = folder / "evil-ds"
    (ds / "sources").mkdir(parents=True)
    secret = folder / "passwd"
    secret.write_text("root:x:0:0:secret\n")
    (ds / "plans.yaml").write_text(f"plans:\n  - id: e\n    file: '{secret}'\n    short_name: e\n    short_name_en: e\n"
                                   "    title: e\n    title_en: e\n    issuer: e\n    issued: 2024-01-01\n    scope: city\n")
    cases.append(("plans.yaml file: /etc/passwd", hzmap("validate", ds), secret, [secret]))
    link = folder / "dangling.png"
    link.symlink_to(folder / "nowhere" / "made.png")
    cases.append(("export through a dangling link", hzmap("export", "--layout", "4+4+1+5", "--out", link), link, []))
    bashrc = folder / ".bashrc"
    bashrc.write_text("precious\n")
    home = folder / "share"
    (home / "icons").mkdir(parents=True)
    (home / "icons" / "hicolor").symlink_to(folder / "victim")
    cases.append(("install-desktop through a planted link", hzmap("install-desktop", "--data-home", home), "link",
                  [victim]))
    cases.append(("import-plan --out the shipped data", hzmap("import-plan", ROOT / "geodata" / "sources" /
                                                             "001_528609b931938bd0.txt", "--out", ROOT / "geodata"),
                  "shipped", list((ROOT / "geodata" / "dataset").rglob("*.yaml"))))
    cache = folder / "cache"
    cache.mkdir()
    text = (ROOT / "geodata" / "dataset" / "plans.yaml").read_text(encoding="utf-8")
    from hzmap.model.dataset import parsecache

    os.mkfifo(cache / parsecache._key(text))
    cases.append(("FIFO in the parse cache (validate)", hzmap("validate"), None, []))
    for damage, kw in (("encrypted", dict(flag=1)), ("Deflate64", dict(method=9)), ("corrupt", dict(corrupt=True)),
                       ("lying size", dict(size=10))):
        p = write_zip(folder / f"ds-{damage}.zip", {"mine/plans.yaml": text.encode() * 3})
        patch_zip(p, "mine/plans.yaml", **kw)
        cases.append((f"dataset zip, {damage} entry", python(
            "import sys; from hzmap.model.dataset import userdata\n"
            f"try: userdata.import_shared({str(p)!r}, {str(folder / 'user')!r})\n"
            "except userdata.UserDataError as e: print(e, file=sys.stderr); sys.exit(2)"), p, []))
    if big:
        p = folder / "excel-bomb.xlsx"
        _realistic_bomb(p, 1_200_000_000)
        cases.append(("1.2 GB Excel bomb read with --allow-large", hzmap("layer", p, "--allow-large"), p, []))
    return cases


def _realistic_bomb(path: Path, size: int) -> None:
    """An .xlsx whose one sheet unpacks to `size` bytes at about 126:1 (like the one first
    reported: 4.7 MB holding 1.4 GB)."""
    import zipfile

    import untrusted as u

    block = b'<row><c><v>1</v></c><c><v>120.2</v></c><c><v>30.2</v></c></row>' * 200
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, data in (("[Content_Types].xml", u._XLSX_CT), ("_rels/.rels", u._XLSX_RELS),
                           ("xl/workbook.xml", u._XLSX_BOOK), ("xl/_rels/workbook.xml.rels", u._XLSX_BOOK_RELS)):
            zf.writestr(name, data)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                     b'2006/main"><sheetData>')
            written = 0
            while written < size:
                fh.write(block)
                written += len(block)
            fh.write(b"</sheetData></worksheet>")


def digest(paths) -> dict:
    return {str(p): hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in paths if Path(p).is_file()}


def run_case(cmd, folder: Path) -> tuple[float, int, str, int]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HZMAP_CACHE_DIR=str(folder / "cache"))
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", WRAP.format(cap=CAP), *cmd], capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=180)
    took = time.perf_counter() - t0
    code, text, peak_kb = json.loads(out.stdout.strip().splitlines()[-1])
    return took, code, text, peak_kb // 1024


def notes_redraw(repeat: int) -> dict:
    import matplotlib

    matplotlib.use("Agg")
    import random

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from hzmap import fonts
    from hzmap.model.geo.geodata import to_map
    from hzmap.model.session.annotations import make
    from hzmap.render.map.annotations import draw_annotations

    fonts.register_matplotlib()
    fig = Figure(figsize=(11.69, 8.27), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    x0, y0 = to_map(119.9, 29.9)
    x1, y1 = to_map(120.5, 30.5)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    rng = random.Random(3)
    text = ("杭州数字贸易示范区建设" * 200)[:2000]
    anns = [make("text", [to_map(119.9 + rng.random() * 0.6, 29.9 + rng.random() * 0.6)], text, size=72)
            for _ in range(299)]
    draw_annotations(ax, anns)
    fig.canvas.draw()
    times, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fig.canvas.draw()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return {**stats(times), "cpu": stats(cpu)}


def stats(values) -> dict:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    return {"median": statistics.median(values), "p95": p95, "max": values[-1], "n": len(values)}


def main(argv=None) -> int:
    from untrusted import Listener

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json")
    parser.add_argument("--big", action="store_true")
    args = parser.parse_args(argv)
    web = Listener()
    rows, counts = [], dict(cases=0, handled=0, hangs=0, tracebacks=0, crashes=0, network=0, data_loss=0)
    with tempfile.TemporaryDirectory(prefix="hzmap-untrusted-") as tmp:
        folder = Path(tmp)
        for case, cmd, named, guarded in build(folder, web.url, args.big):
            before, seen = digest(guarded), len(web.requests)
            times, peak, codes, texts = [], 0, set(), []
            for _ in range(args.repeat):
                took, code, text, mb = run_case(cmd, folder)
                times.append(took)
                peak, codes = max(peak, mb), codes | {code}
                texts.append(text)
            s = stats(times)
            tb = any("Traceback" in t for t in texts)
            crash = any(c < 0 or c == 134 for c in codes)
            names = named is None or all(Path(str(named)).name in t for t in texts)
            net = len(web.requests) - seen
            lost = digest(guarded) != before
            handled = names and not tb and not crash and not net and not lost and s["max"] < 30 and peak < 1536
            counts["cases"] += 1
            counts["handled"] += handled
            counts["hangs"] += s["max"] >= 30
            counts["tracebacks"] += tb
            counts["crashes"] += crash
            counts["network"] += net
            counts["data_loss"] += lost
            rows.append(dict(case=case, **s, peak_mb=peak, exit=sorted(codes), named=names, traceback=tb,
                             crash=crash, network=net, changed=lost))
            print(f"{case:48s} {s['median']:6.2f}s p95 {s['p95']:6.2f} max {s['max']:6.2f}  {peak:5d} MB  "
                  f"exit {sorted(codes)}{'' if handled else '  NOT HANDLED'}", flush=True)
    web.close()
    redraw = notes_redraw(max(5, args.repeat * 3))
    print(f"notes redraw (299 x 2,000 chars, 72 pt): median {redraw['median']:.2f}s p95 {redraw['p95']:.2f}s "
          f"max {redraw['max']:.2f}s; CPU median {redraw['cpu']['median']:.2f}s p95 {redraw['cpu']['p95']:.2f}s "
          f"max {redraw['cpu']['max']:.2f}s; load average {os.getloadavg()[0]:.1f}")
    print("counts: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if args.json:
        Path(args.json).write_text(json.dumps({"cases": rows, "counts": counts, "notes_redraw_s": redraw},
                                              ensure_ascii=False, indent=1))
    return 0 if counts["handled"] == counts["cases"] else 1


if __name__ == "__main__":
    sys.exit(main())
