"""Issue 15, one test per row of the table that the loaders and the command line own: each
hostile input gets a specific message naming the file, promptly, and never a traceback."""
from __future__ import annotations

import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
import shapely
import yaml
from shapely.geometry import GeometryCollection, Point, Polygon

from hzmap.cli.main import main
from hzmap.model.dataset import DatasetError, load_dataset
from hzmap.model.dataset.problems import summarise
from hzmap.model.geo.geodata import GeodataError, load_geodata
from hzmap.model.session.project import load_project
from hzmap.paths import data_root
from hzmap.render.page.export_io import ExportError, check_size
from test_hostile_input import bomb, within

GPKG = data_root() / "hangzhou.gpkg"


@pytest.fixture
def dataset_copy(tmp_path):
    """A copy of the shipped dataset and districts table, to break."""
    root = tmp_path / "geodata"
    shutil.copytree(data_root() / "dataset", root / "dataset")
    shutil.copy(data_root() / "districts.csv", root)
    return root


def problems(root) -> list[str]:
    with within(10), pytest.raises(DatasetError) as info:
        load_dataset(root, check_excerpts=False)
    assert len(str(info.value).splitlines()) <= 60
    return info.value.problems


# -- row: alias bombs --------------------------------------------------------------------------
def test_an_alias_bomb_is_refused_by_validate_at_once(dataset_copy, capsys):
    (dataset_copy / "dataset/layouts/zz_bomb.yaml").write_text(f"id: zz\nlol: {bomb(12)}\n")
    t0 = time.perf_counter()
    with within(10):
        assert main(["validate", str(dataset_copy)]) == 1
    assert time.perf_counter() - t0 < 5
    err = capsys.readouterr().err
    assert "layouts/zz_bomb.yaml: invalid YAML at line 2" in err and "alias bomb" in err
    assert len(err) < 2000 and "Traceback" not in err


def test_an_alias_bomb_hidden_in_a_measures_sectors_is_refused(dataset_copy):
    path = dataset_copy / "dataset/measures/dt2024.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("sectors: [", f"sectors: [{bomb(9)}, ", 1), encoding="utf-8")
    assert [p for p in problems(dataset_copy) if "alias bomb" in p][0].startswith("measures/dt2024.yaml: ")


def test_a_small_shared_list_is_still_fine(dataset_copy):
    path = dataset_copy / "dataset/measures/dt2024.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    for m in doc["measures"]:  # one list object for all: safe_dump writes an anchor and aliases
        m["sectors"] = doc["measures"][0]["sectors"]
    dumped = yaml.safe_dump(doc, allow_unicode=True)
    assert "*id001" in dumped
    path.write_text(dumped, encoding="utf-8")
    assert load_dataset(dataset_copy, check_excerpts=False).measures


# -- rows: /dev/zero, FIFO, folders, I/O errors -------------------------------------------------
@pytest.mark.parametrize("make, says", [
    (lambda p: p.symlink_to("/dev/zero"), "character device, not a regular file"),
    (os.mkfifo, "named pipe (FIFO), not a regular file"),
    (lambda p: p.mkdir(), "folder, not a regular file"),
    (lambda p: p.symlink_to(p.parent), "folder, not a regular file"),
])
def test_a_dataset_file_that_is_not_a_file_is_named(dataset_copy, make, says):
    make(dataset_copy / "dataset/layouts/zz.yaml")
    assert f"layouts/zz.yaml: the file is a {says}" in problems(dataset_copy)


def test_plans_yaml_as_a_fifo_is_named_not_waited_for(dataset_copy):
    plans = dataset_copy / "dataset/plans.yaml"
    plans.unlink()
    os.mkfifo(plans)
    assert problems(dataset_copy)[0] == "plans.yaml: the file is a named pipe (FIFO), not a regular file"


def test_an_io_error_while_reading_is_named(dataset_copy, monkeypatch):
    from hzmap.model.files import safeio
    real = safeio.os.read

    def failing(fd, n):
        if os.readlink(f"/proc/self/fd/{fd}").endswith("dt2024_4415.yaml"):
            raise OSError(5, "Input/output error")
        return real(fd, n)
    monkeypatch.setattr(safeio.os, "read", failing)
    assert "layouts/dt2024_4415.yaml: the file cannot be read (Input/output error)" in problems(dataset_copy)


# -- row: the districts table -------------------------------------------------------------------
def test_a_districts_table_without_a_column_is_named(dataset_copy):
    path = dataset_copy / "districts.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(",".join(line.split(",")[:-1]) for line in lines) + "\n",
                    encoding="utf-8")
    found = problems(dataset_copy)
    assert found[0].startswith(f"{path}: missing column(s) pinyin")


def test_a_districts_table_in_gbk_is_named(dataset_copy):
    path = dataset_copy / "districts.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    assert problems(dataset_copy) == [f"{path}: the text is not UTF-8: it looks like GBK/GB18030 (a "
                                 "Chinese Windows encoding); save it as UTF-8"]


def test_a_short_row_in_the_districts_table_is_named(dataset_copy):
    path = dataset_copy / "districts.csv"
    path.write_text(path.read_text(encoding="utf-8") + "extra,330199\n", encoding="utf-8")
    assert problems(dataset_copy) == [f"{path}: line 15: column(s) name_zh, name_en, type, pinyin empty"]


# -- row: a 4.9 MB file full of errors ----------------------------------------------------------
def test_thousands_of_problems_are_summarised_and_listed_in_full(tmp_path):
    lines = [f"measures/zz.yaml: measure 'x{i}': unknown field 'bogus' (a typo? allowed fields "
             "are in SCHEMA.md)" for i in range(20_000)]
    lines += [f"measures/zz.yaml: measure 'x{i}': districts member 'nowhere' is not a district id "
              "(districts.csv)" for i in range(6_877)]
    t0 = time.perf_counter()
    err = DatasetError(lines, tmp_path)
    text = str(err)
    assert time.perf_counter() - t0 < 1
    assert text.splitlines()[0] == f"The layout dataset at {tmp_path} has 26,877 problems in 1 file:"
    assert "   20,000  unknown field" in text and "    6,877  unknown reference" in text
    assert "The first 50:" in text and "… and 26,827 more" in text
    assert len(text.splitlines()) < 60
    first = err.summary().first[0]
    assert (first.file, first.record, first.kind) == ("measures/zz.yaml", "measure 'x0'", "unknown field")
    written = err.write_list(tmp_path / "problems.txt")
    assert written.read_text(encoding="utf-8").splitlines()[1:] == lines


def test_every_loader_problem_has_a_kind():
    kinds = {summarise([line]).counts[0][0] for line in [
        "layouts/a.yaml: the file is a named pipe (FIFO), not a regular file",
        "layouts/a.yaml: invalid YAML at line 2, column 3: found undefined alias",
        "/g/districts.csv: missing column(s) pinyin (the header has: 'id')",
        "layouts/a.yaml: element 'e': missing field 'kind'",
        "layouts/a.yaml: element 'e': unknown field 'kindd' (a typo? allowed fields are in SCHEMA.md)",
        "places/a.yaml: place 'p': duplicate id (already used in places/b.yaml)",
        "layouts/a.yaml: element 'e': places member 'x' is not a place id (places/*.yaml)",
        "layouts/a.yaml: element 'e': source.excerpt not found in the source document d.txt (d): 'x'",
        "layouts/a.yaml: element 'e': interpretation: missing: literal 'x' does not name y",
        "layouts/a.yaml: element 'e': kind: Input should be 'core' or 'belt' (got 'bad')",
    ]}
    assert kinds == {"unreadable file", "invalid YAML", "districts table", "missing field",
                     "unknown field", "duplicate id", "unknown reference", "excerpt not in source",
                     "missing interpretation", "invalid value"}


@pytest.mark.slow
def test_a_5_mb_file_full_of_errors_loads_in_seconds_and_bounded_memory(dataset_copy):
    doc = yaml.safe_load((dataset_copy / "dataset/measures/dt2024.yaml").read_text(encoding="utf-8"))
    out = []
    for i in range(12_000):
        m = dict(doc["measures"][i % len(doc["measures"])], id=f"x{i}", bogus=1, number=[1])
        m["districts"] = ["nowhere"]
        out.append(m)
    text = yaml.safe_dump({"plan": "dt2024", "measures": out}, allow_unicode=True, width=10_000)
    (dataset_copy / "dataset/measures/zz_big.yaml").write_text(text, encoding="utf-8")
    assert 4e6 < len(text.encode()) < 5 * 1024 * 1024
    code = ("import resource, sys, time\n"
            "from hzmap.model.dataset import DatasetError, load_dataset\n"
            "t0 = time.perf_counter()\n"
            "try:\n"
            f"    load_dataset({str(dataset_copy)!r}, check_excerpts=False)\n"
            "except DatasetError as e:\n"
            "    print(len(e.problems), len(str(e).splitlines()))\n"
            "print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    (n, lines), (seconds, rss_kb) = [line.split() for line in run.stdout.splitlines()]
    assert int(n) == 24_000 and int(lines) < 60
    assert float(seconds) < 15 and int(rss_kb) < 400_000, (seconds, rss_kb)
    print(f"{len(text.encode()) / 1e6:.1f} MB, {n} problems: {float(seconds):.1f} s, "
          f"{int(rss_kb) / 1024:.0f} MB peak RSS")


# -- row: a broken geodata file given to the commands that draw or place data ------------------
@pytest.mark.parametrize("command", [["export", "--width", "400", "--height", "300", "--dpi", "96"],
                                     ["dossier", "滨江"], ["deck", "--layout", "4+4+1+5"], ["layer"]])
def test_broken_geodata_gives_one_line_and_the_same_exit_code_in_every_command(tmp_path, monkeypatch, capsys,
                                                                                command):
    from hzmap.cli.exit_codes import EXIT_PROBLEMS

    bad = tmp_path / "bad.gpkg"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    monkeypatch.setenv("HZMAP_GEODATA", str(bad))
    if command == ["layer"]:
        points = tmp_path / "p.csv"
        points.write_text("lng,lat\n120.2,30.2\n", encoding="utf-8")
        args, out = [*command, str(points)], None
    else:
        out = tmp_path / {"export": "map.png", "dossier": "d.pdf", "deck": "d.pdf"}[command[0]]
        args = [*command, "--out", str(out)]
    assert main(args) == EXIT_PROBLEMS
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == f"hzmap {command[0]}: {bad}: not a GeoPackage"
    assert out is None or not out.exists()


def test_a_broken_dataset_gives_one_line_and_exit_1_on_export(dataset_copy, tmp_path, monkeypatch, capsys):
    os.mkfifo(dataset_copy / "dataset/layouts/zz.yaml")
    monkeypatch.setenv("HZMAP_DATASET", str(dataset_copy))
    with within(10):
        assert main(["export", "--out", str(tmp_path / "m.png")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "layouts/zz.yaml: the file is a named pipe" in err


# -- row: district geometries that are not areas --------------------------------------------------
def _gp(geom) -> bytes:
    """A GeoPackage geometry blob: 'GP', version 0, little-endian flags, srs id, WKB."""
    return b"GP\x00\x01" + struct.pack("<i", 4549) + shapely.to_wkb(geom)


def _with_geometry(tmp_path, layer: str, fid: int, geom) -> Path:
    path = tmp_path / "edited.gpkg"
    con = sqlite3.connect(":memory:")  # edited in memory: no journal, no fsync
    con.deserialize(GPKG.read_bytes())
    for (trigger,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        con.execute(f'DROP TRIGGER "{trigger}"')  # the spatial-index triggers need SpatiaLite
    con.execute(f'UPDATE "{layer}" SET geom = ? WHERE fid = ?', (_gp(geom), fid))
    con.commit()
    path.write_bytes(con.serialize())
    con.close()
    return path


@pytest.mark.parametrize("layer, geom, says", [
    ("districts", Point(500000, 3330000), "the geometry is a Point, expected Polygon or MultiPolygon"),
    ("districts", GeometryCollection(), "the geometry is a GeometryCollection"),
    ("districts", Polygon(), "the geometry is empty"),
    ("districts", Polygon([(0, 0), (1, 1), (1, 0), (0, 1)]), "the polygon is not valid (Self-intersection"),
    ("districts", Polygon([(0, 0), (1e200, 0), (0, 1)]), "coordinates are not finite map metres"),
    ("outline", Polygon(), "the geometry is empty"),
    ("water_lines", Point(0, 0), "the geometry is a Point, expected LineString or MultiLineString"),
])
def test_a_geometry_that_is_not_what_the_layer_needs_is_named(tmp_path, layer, geom, says):
    path = _with_geometry(tmp_path, layer, 1, geom)
    with pytest.raises(GeodataError) as info:
        load_geodata(path)
    message = str(info.value)
    assert message.startswith(f"{path}: layer '{layer}', record ") and says in message
    if layer == "districts":
        assert "record 'shangcheng' (row 1)" in message


# -- row: export sizes and names -----------------------------------------------------------------
@pytest.mark.parametrize("width, height, dpi, says", [
    (None, None, 0, "DPI 0 is out of range: use 96-600"),
    (None, None, -300, "DPI -300 is out of range"),
    (None, None, 100_000, "DPI 100000 is out of range"),
    (0, 100, 150, "width 0 px is out of range: use 100-10,000 px"),
    (800, -600, 150, "height -600 px is out of range"),
    (10 ** 6, 600, 150, "width 1,000,000 px is out of range"),
    (60_000, 60_000, 150, "width 60,000 px is out of range"),
    (10_000, 10_000, 300, "10,000 x 10,000 px is too large: at most 70 million pixels"),
    (800, None, 150, "give both a width and a height"),
    (800.5, 600, 150, "width 800.5 is not a whole number"),
    (float("nan"), 600, 150, "width nan is not a whole number"),
])
def test_impossible_sizes_are_refused_not_replaced(width, height, dpi, says):
    with pytest.raises(ExportError) as info:
        check_size(width, height, dpi)
    assert says in str(info.value)


def test_possible_sizes_pass():
    check_size(None, None, None)
    check_size(1920, 1080, 160)
    check_size(9921, 7016, 600)  # A3 landscape at 600 DPI


@pytest.mark.parametrize("args, says", [
    (["--dpi", "0"], "DPI 0 is out of range"),
    (["--width", "0", "--height", "100"], "width 0 px is out of range"),
    (["--width", "-800", "--height", "600"], "width -800 px is out of range"),
    (["--width", "60000", "--height", "60000"], "width 60,000 px is out of range"),
])
def test_the_command_line_refuses_impossible_sizes(tmp_path, capsys, args, says):
    out = tmp_path / "m.png"
    assert main(["export", "--out", str(out), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("hzmap export: ") and says in err and err.count("\n") == 1
    assert not out.exists()


def test_a_300_character_name_is_refused_before_drawing(tmp_path, capsys):
    out = tmp_path / ("地" * 100 + ".png")  # 100 characters, 304 bytes
    assert main(["export", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "the file name is 104 characters (304 bytes) long" in err and "at most 255 bytes" in err
    assert "Traceback" not in err and len(err) < 400


def test_a_full_disk_keeps_the_earlier_file(tmp_path):
    out = tmp_path / "map.png"
    out.write_bytes(b"the earlier good export")
    code = ("import resource\n"
            "from matplotlib.figure import Figure\n"
            "from hzmap.render.page.export_io import ExportError, save\n"
            "fig = Figure(figsize=(4, 3), dpi=100)\n"
            "fig.add_subplot().plot(range(1000), [i * i % 97 for i in range(1000)])\n"
            "resource.setrlimit(resource.RLIMIT_FSIZE, (4000, 4000))\n"
            "try:\n"
            f"    save(fig, {str(out)!r})\n"
            "except ExportError as e:\n"
            "    print(e)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.startswith(f"Cannot export to {out}: the file is larger than this disk")
    assert out.read_bytes() == b"the earlier good export"
    assert os.listdir(tmp_path) == ["map.png"]


# -- row: a geodata path with '#', '?' or '%41' ------------------------------------------------
@pytest.mark.parametrize("name", ["geo#1.gpkg", "geo?mode=rwc.gpkg", "a b%20c#d?e.gpkg"])
def test_a_path_with_uri_characters_reads_exactly_that_file(tmp_path, name):
    path = tmp_path / name
    shutil.copy(GPKG, path)
    before = sorted(os.listdir(tmp_path))
    assert len(load_geodata(path).districts) == 13
    assert sorted(os.listdir(tmp_path)) == before


def test_percent_41_is_not_decoded(tmp_path):
    shutil.copy(GPKG, tmp_path / "xA.gpkg")
    (tmp_path / "x%41.gpkg").write_bytes(b"not a geopackage")
    with pytest.raises(GeodataError, match="not a GeoPackage") as info:
        load_geodata(tmp_path / "x%41.gpkg")
    assert str(tmp_path / "x%41.gpkg") in str(info.value)


def test_a_missing_path_with_a_hash_creates_nothing(tmp_path):
    with pytest.raises(GeodataError, match="not found"):
        load_geodata(tmp_path / "geo#part.gpkg")
    assert os.listdir(tmp_path) == []


# -- row: a FIFO opened as a project -----------------------------------------------------------
def test_a_fifo_as_a_project_is_refused_at_once(tmp_path):
    path = tmp_path / "p.hzmap"
    os.mkfifo(path)
    with within(5):
        project, found = load_project(path)
    assert project is None and found == [f"{path}: the project file is a named pipe (FIFO), "
                                         "not a regular file"]
