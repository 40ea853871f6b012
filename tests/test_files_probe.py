"""`hzmap FILE...` with HZMAP_STARTUP_PROBE=files (the offline bundle's proof of Add layer): the
files go through the Add layer dialog onto the map, and what arrived is reported."""
import json
import os
import subprocess
import sys
from pathlib import Path

from layer_files import INSIDE, write_csv

ROOT = Path(__file__).resolve().parents[1]


def test_files_on_the_command_line_reach_the_map_through_add_layer(tmp_path):
    points = write_csv(tmp_path / "sites.csv", ["name", "lon", "lat"], [(k, *v) for k, v in INSIDE.items()])
    table = write_csv(tmp_path / "firms.csv", ["区县", "企业数"], [("滨江区", 120), ("西湖区", 80), ("上城区", 95)])
    broken = tmp_path / "broken.gpkg"
    broken.write_bytes(b"not a geopackage" * 64)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HZMAP_STARTUP_PROBE="files")
    r = subprocess.run([sys.executable, "-m", "hzmap", str(points), str(table), str(broken)], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=300)
    line = next(ln for ln in r.stdout.splitlines() if ln.startswith("HZMAP_FILES "))
    assert any(ln.startswith("HZMAP_READY ") for ln in r.stdout.splitlines())
    found = json.loads(line.split(" ", 1)[1])
    layers = {Path(lay["file"]).name: lay for lay in found["layers"]}
    assert set(layers) == {"sites.csv", "firms.csv"} and not found["timed_out"]
    assert layers["sites.csv"]["kind"] == "points"
    assert {d: n for d, n in layers["sites.csv"]["per_district"].items() if n} == {"滨江区": 1, "西湖区": 1, "上城区": 1}
    assert layers["firms.csv"]["kind"] == "districts" and layers["firms.csv"]["matched"] == 3
    assert len(found["problems"]) == 1 and "broken.gpkg" in found["problems"][0]
    assert r.returncode == 0 and "Traceback" not in r.stderr
