"""`hzmap layer FILE`: what a batch user sees, and the exit codes of bad input."""
import json

from layer_files import INSIDE, write_csv

from hzmap.cli import main as cli
from hzmap.model.geo import chinacrs
def _run(capsys, *argv):
    rc = cli.main(["layer", *map(str, argv)])
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_points_per_district_with_the_system_guessed(capsys, tmp_path):
    gcj = chinacrs.from_wgs84(list(INSIDE.values()), "gcj02")
    path = write_csv(tmp_path / "高德点位.csv", ["名称", "经度", "纬度"], [(k, *v) for k, v in zip(INSIDE, gcj)])
    rc, out, _ = _run(capsys, path)
    assert rc == 0
    assert "GCJ-02" in out and "guessed" in out and "高德点位.csv" in out
    rc, out, _ = _run(capsys, path, "--json")
    rep = json.loads(out)
    assert rep["coords"] == "gcj02" and rep["features"] == 3 and rep["outside"] == 0
    assert rep["per_district"]["滨江区"] == 1 and len(rep["per_district"]) == 13
    rc, out, _ = _run(capsys, path, "--crs", "wgs84", "--json")
    assert json.loads(out)["coords"] == "wgs84"


def test_district_table_lists_old_names_and_unmatched_rows(capsys, tmp_path):
    path = write_csv(tmp_path / "t.csv", ["地区", "值"], [("滨江", 1), ("江干区", 2), ("下城区", 3), ("滨江去", 4)])
    rc, out, _ = _run(capsys, path)
    assert rc == 0
    assert "row 3: 江干区 → 上城区、钱塘区" in out and "row 4: 下城区 → 拱墅区" in out
    assert "Unmatched (1)" in out and "滨江去" in out and "did you mean 滨江区" in out
    rep = json.loads(_run(capsys, path, "--json")[1])
    assert [r["text"] for r in rep["rows"]["former"]] == ["下城区"]
    assert [r["text"] for r in rep["rows"]["unmatched"]] == ["滨江去"]


def test_bad_input_exits_2_with_the_file_named(capsys, tmp_path):
    path = write_csv(tmp_path / "x.csv", ["a", "b"], [("1", "2")])
    rc, out, err = _run(capsys, path)
    assert rc == 2 and str(path) in err and "no usable column" in err and "Traceback" not in err
    rc, _out, err = _run(capsys, tmp_path / "none.gpkg")
    assert rc == 2 and "was not found" in err


def test_layer_says_what_it_converts_to_the_map_s_coordinates(tmp_path, capsys):
    """The map is in EPSG:4549 metres: `hzmap layer` says so, not "converted to WGS84"."""
    from hzmap.cli.main import main
    path = tmp_path / "pts.csv"
    path.write_text("name,lon,lat\nA,120.2,30.25\n", encoding="utf-8")
    assert main(["layer", str(path), "--crs", "gcj02"]) == 0
    line = next(ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("Coordinates:"))
    assert "converted to the map's EPSG:4549 metres (through WGS84)" in line
    assert "converted to WGS84" not in line
