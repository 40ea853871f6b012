"""Real-sized office files through hzmap: the three figures of the user layers' light path.

    layer_cli_s         `hzmap layer` on a 2 MB listing CSV (a district table, ~37,000 rows),
                        the whole process (target <= 0.8 s), beside `import geopandas` alone
    export_table_ratio  `hzmap export` of 4+4+1+5 with that table as --layer ÷ the same export
                        without, run by run (target <= 1.2)
    dialog_open_s       the Add layer dialog on the 2 MB CSV: inspect_file and the dialog
                        built and shown (offscreen), in one process (target <= 1 s)

    python benchmarks/layers_bench.py --office [--repeat N] [--json]

Each figure: median, p95 and max over the runs. Processes run as on a machine where hzmap has
run once (byte-code caches written: benchmarks/cli_bench.warm_env).
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def stats(values: list[float]) -> dict:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median": statistics.median(values), "p95": p95, "max": max(values), "n": len(values)}


def write_files(folder: Path) -> dict:
    """A 2 MB listing CSV (the scrape's shape, repeated) and the census workbook."""
    from office_files import census_2020_xlsx, listings_csv

    one = listings_csv(folder / "one.csv").read_text(encoding="utf-8").splitlines()
    lines, body = [one[0]], one[1:]
    while sum(len(x.encode()) + 1 for x in lines) < 2_000_000:
        lines += body[: max(1, min(len(body), (2_000_000 - sum(len(x.encode()) + 1 for x in lines)) // 55))]
    big = folder / "listings_2mb.csv"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"csv": big, "xlsx": census_2020_xlsx(folder / "census.xlsx")}


def _process(args: list[str]) -> float:
    from benchmarks.cli_bench import warm_env

    t0 = time.perf_counter()
    subprocess.run(args, cwd=ROOT, env=warm_env(), check=True, capture_output=True)
    return time.perf_counter() - t0


def time_cli(files: dict, folder: Path, repeat: int) -> dict:
    hz = [sys.executable, "-m", "hzmap"]
    _process([*hz, "layer", str(files["csv"])])  # untimed: caches written
    _process([*hz, "export", "--layout", "4+4+1+5", "--out", str(folder / "w.png"), "--layer", str(files["csv"])])
    out = {"layer_cli_s": [], "import_geopandas_s": [], "export_plain_s": [], "export_table_s": [],
           "export_table_ratio": []}
    for _ in range(repeat):
        out["layer_cli_s"].append(_process([*hz, "layer", str(files["csv"])]))
        out["import_geopandas_s"].append(_process([sys.executable, "-c", "import geopandas"]))
        plain = _process([*hz, "export", "--layout", "4+4+1+5", "--out", str(folder / "p.png")])
        table = _process([*hz, "export", "--layout", "4+4+1+5", "--out", str(folder / "t.png"),
                          "--layer", str(files["csv"])])
        out["export_plain_s"].append(plain)
        out["export_table_s"].append(table)
        out["export_table_ratio"].append(table / plain)
    return out


def time_dialog(files: dict, repeat: int) -> dict:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from hzmap.model.geo.gazetteer import load_gazetteer
    from hzmap.model.geo.geodata import load_geodata
    from hzmap.model.layers import inspect_file
    from hzmap.ui.layers.add_layer_dialog import AddLayerDialog

    app = QApplication.instance() or QApplication([])
    geo, gaz = load_geodata(), load_gazetteer()
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        info = inspect_file(files["csv"], gazetteer=gaz)
        dialog = AddLayerDialog(info, geo, gaz)
        dialog.show()
        app.processEvents()
        out.append(time.perf_counter() - t0)
        dialog.close()
        dialog.deleteLater()
        app.processEvents()
    return {"dialog_open_s": out}


def run(repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = write_files(folder)
        times = time_cli(files, folder, repeat)
        times.update(time_dialog(files, repeat))
        size = files["csv"].stat().st_size
    return {"csv_bytes": size, "times": {k: stats(v) for k, v in times.items()}, "runs": times}


def report(res: dict) -> None:
    targets = {"layer_cli_s": "<= 0.8 s", "export_table_ratio": "<= 1.2", "dialog_open_s": "<= 1 s"}
    print(f"office files (listing CSV {res['csv_bytes'] / 1e6:.1f} MB):")
    for key, s in res["times"].items():
        print(f"  {key:20s} median {s['median']:7.3f}   p95 {s['p95']:7.3f}   max {s['max']:7.3f}   "
              f"(n={s['n']}{', target ' + targets[key] if key in targets else ''})")
