"""Every command README.md and docs/ show in a ```sh block runs here and does what its text says.

The blocks are read with markdown-it-py (CommonMark, as GitHub renders them); each `hzmap ...`
line is run in this process (hzmap.cli.main.main, so the whole run takes seconds, not a process
start per command) in a temp folder with the files the commands name (项目.csv, 房源.csv,
板块.shp, 新规划.docx, plan.hzmap, 影像.tif), a temp HOME and user data folder, and no network:
the online base maps are served by a tile server on 127.0.0.1 standing in for 天地图 and
tiles.example. A command README gains without a check here fails the first test, so the table
below stays the list of what README promises.
"""
from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from sample_plan import LAYOUT, TASKS
from tile_server import TileServer

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

#: Lines of ```sh blocks that are not hzmap commands, and where they are proven instead.
ELSEWHERE = {
    "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/hzmap": ".ci/run (install)",
    'python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && .venv/bin/python -m pytest':
        ".ci/run (install and the tests)",
    'python3 -m venv .venv && .venv/bin/pip install -e ".[bundle]"': "tests/test_bundle.py (slow)",
    ".venv/bin/python packaging/build_bundle.py --check --archive":
        "tests/test_bundle.py (slow: builds the bundle and proves every command offline)",
}


def sh_lines() -> list[str]:
    """The command lines of every ```sh block (comments after # cut, blank lines left out)."""
    out = []
    for path in DOCS:
        for tok in MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8")):
            if tok.type != "fence" or tok.info.strip() not in ("sh", "bash", "console"):
                continue
            for line in tok.content.splitlines():
                cmd = _strip_comment(line).strip()
                if cmd:
                    out.append(cmd)
    return out


def _strip_comment(line: str) -> str:
    """The line without its # comment (a # inside quotes, or inside a word, stays)."""
    quote = None
    for i, ch in enumerate(line):
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i]
    return line


# -- the fixture folder ------------------------------------------------------------------------

PLAN = LAYOUT + TASKS


def _files(folder: Path, geodata, dataset) -> None:
    import docx
    import geopandas as gpd
    import numpy as np
    import tifffile
    from shapely.geometry import box

    from hzmap.model.tours.tour import default_tour, tour_to_dict

    # GCJ-02 points as Amap gives them: two in 滨江区, one in 西湖区
    (folder / "项目.csv").write_text("名称,lon,lat\n物联网小镇,120.2113,30.2056\n"
                                    "高新区,120.1931,30.1887\n西溪,120.0712,30.2713\n", encoding="utf-8")
    rows = "".join(f"{d},{p}\n" for d, p in [("滨江区", 42000), ("滨江区", 46000), ("滨江区", 51000),
                                           ("西湖区", 39000), ("西湖区", 41000), ("上城区", 60000)])
    (folder / "房源.csv").write_text("区县,单价\n" + rows, encoding="utf-8")
    x, y = 515000, 3340000
    gpd.GeoDataFrame({"QX": ["滨江区", "滨江区", "萧山区"]},
                     geometry=[box(x, y, x + 500, y + 500), box(x + 600, y, x + 1100, y + 500),
                               box(x + 9000, y - 9000, x + 9500, y - 8500)],
                     crs="EPSG:4549").to_file(folder / "板块.shp", encoding="utf-8")
    doc = docx.Document()
    for para in PLAN.strip().splitlines():
        doc.add_paragraph(para)
    doc.save(folder / "新规划.docx")
    tour = default_tour(dataset, geodata, "dt_4415")
    tour.name, tour.steps = "例会", tour.steps[:2]
    (folder / "plan.hzmap").write_text(json.dumps(
        {"format": "hzmap-project", "version": 2, "layout": "dt_4415",
         "tours": [{"name": "新导览", "layout": "dt_4415", "steps": []}, tour_to_dict(tour)]},
        ensure_ascii=False), encoding="utf-8")
    step, lon0, lat0 = 0.002, 120.10, 30.32          # 0.002° pixels over 西湖区 and 上城区
    keys = [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326]
    tifffile.imwrite(folder / "影像.tif", np.full((80, 100, 3), 200, np.uint8), photometric="rgb",
                     extratags=[(33550, "d", 3, (step, step, 0.0)), (33922, "d", 6, (0, 0, 0, lon0, lat0, 0)),
                                (34735, "H", len(keys), keys)])


@pytest.fixture(scope="module")
def folder(tmp_path_factory, geodata, dataset):
    path = tmp_path_factory.mktemp("readme")
    _files(path, geodata, dataset)
    return path


@pytest.fixture(scope="module")
def server():
    with TileServer() as srv:
        yield srv


@pytest.fixture
def run(folder, server, monkeypatch, capsys):
    """run(line): (exit code, stdout, stderr) of a README line, in `folder`."""
    from hzmap.cli import main as cli
    from hzmap.model.basemap import presets

    monkeypatch.chdir(folder)
    monkeypatch.setenv("HOME", str(folder / "home"))
    monkeypatch.setenv("HZMAP_CACHE_DIR", str(folder / "cache"))
    monkeypatch.setenv("HZMAP_TIANDITU_KEY", "readme-test-key")
    # 天地图 and tiles.example are the test's own server on 127.0.0.1
    monkeypatch.setattr(presets, "_TDT", server.base + "/wmts?SERVICE=WMTS&LAYER=%s&TILEMATRIX={TileMatrix}"
                                                      "&TILEROW={TileRow}&TILECOL={TileCol}&tk={tk}&of=%s")
    opened = []
    monkeypatch.setattr(cli, "_run_gui", lambda files=(): opened.append(list(files)) or 0)

    def go(line: str):
        argv = shlex.split(line.replace("http://tiles.example", server.base + "/gcj"))
        assert argv[0] == "hzmap"
        rc = cli.main(argv[1:])
        out = capsys.readouterr()
        return rc, out.out, out.err, opened

    def last():
        out = capsys.readouterr()
        return out.out, out.err, opened
    go.last = last
    return go


def _pdf_pages(path: Path) -> int:
    from pypdf import PdfReader
    return len(PdfReader(str(path)).pages)


def _png(path: Path) -> bool:
    return path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# -- what each command's text says ---------------------------------------------------------------
# key: the command as README writes it; value: a check of (rc, out, err, folder, opened)

def _query(rc, out, err, f, _):
    assert rc == 0 and "钱塘区" in out and "§" in out          # roles by plan, with sources
    assert re.search(r"到期|有效|in force|ended", out)        # each plan's status


def _query_json(rc, out, err, f, _):
    data = json.loads(out)
    assert rc == 0 and data["kind"] == "district" and data["district"]["name"] == "滨江区"


def _timeline(rc, out, err, f, _):
    years = [int(y) for y in re.findall(r"\b(2018|2021|2024)\b", out)]
    assert rc == 0 and {2018, 2021, 2024} <= set(years) and years.index(2018) < years.index(2024)


def _as_of(rc, out, err, f, _):
    assert rc == 0 and "2027-06-01" in out


def _validate(rc, out, err, f, _):
    assert rc == 0 and out.startswith("Dataset OK") and "excerpts: all found" in out


def _cite(rc, out, err, f, _):
    assert rc == 0 and "【" in out and "§" in out              # the paragraph, the excerpt marked
    assert re.search(r"\[(Z|EB/OL)\]\. \d{4}", out)             # a GB/T 7714 citation


def _cite_json(rc, out, err, f, _):
    data = json.loads(out)
    assert rc == 0 and data and any("数据出境" in json.dumps(d, ensure_ascii=False) for d in data)


def _export_pdf(rc, out, err, f, _):
    assert rc == 0 and (f / "map.pdf").read_bytes()[:5] == b"%PDF-" and _pdf_pages(f / "map.pdf") == 1


def _export_structure(rc, out, err, f, _):
    from pypdf import PdfReader
    assert rc == 0 and _pdf_pages(f / "结构图.pdf") == 1
    text = PdfReader(str(f / "结构图.pdf")).pages[0].extract_text()
    assert "示意图" in text and "不作为界线" in text and "绍兴" in text  # title, disclaimer, neighbours


def _atlas(rc, out, err, f, _):
    assert rc == 0 and len(list((f / "atlas").glob("*.png"))) == 13      # one map per district


def _export_as_of(rc, out, err, f, _):
    assert rc == 0 and _png(f / "m.png") and "2027-06-01" in out + err  # says it was not in force


def _export_layer(rc, out, err, f, _):
    assert rc == 0 and _png(f / "map.png")


def _dossier(rc, out, err, f, _):
    assert rc == 0 and 1 <= _pdf_pages(f / "qiantang.pdf") <= 3


def _layer_json(rc, out, err, f, _):
    rep = json.loads(out)
    assert rc == 0 and rep["coords"] == "gcj02" and rep["per_district"]["滨江区"] == 2


def _layer_median(rc, out, err, f, _):
    assert rc == 0 and "median" in out
    assert re.search(r"滨江区\s+46,000", out)                  # 42,000, 46,000, 51,000 combined


def _export_join(rc, out, err, f, _):
    assert rc == 0 and _png(f / "map.png")


def _import_plan(rc, out, err, f, _):
    assert rc == 0 and "一廊两核三区" in out and (f / "draft" / "plans.yaml").is_file()


def _validate_draft(rc, out, err, f, _):
    assert rc == 0 and out.startswith("Draft OK") and "checked against the shipped dataset" in out


def _deck(rc, out, err, f, _):
    import pptx
    deck = pptx.Presentation(str(f / "deck.pptx"))
    assert rc == 0 and len(deck.slides) == 4                            # 4+4+1+5's four elements
    assert round(deck.slide_width / deck.slide_height, 2) == round(16 / 9, 2)


def _deck_project(rc, out, err, f, _):
    assert rc == 0 and _pdf_pages(f / "deck.pdf") == 2                  # the tour 例会's 2 steps


def _install_desktop(rc, out, err, f, _):
    import os
    share = Path(os.environ["XDG_DATA_HOME"])                # the test's, never the user's
    assert rc == 0 and (share / "applications" / "hzmap.desktop").is_file()
    assert (share / "mime" / "packages" / "hzmap.xml").is_file()      # .hzmap files open in hzmap


def _export_basemap(rc, out, err, f, _):
    assert rc == 0 and _png(f / "map.png") and "warning" not in err


def _export_url(rc, out, err, f, _):
    assert rc == 0 and (f / "map.pdf").read_bytes()[:5] == b"%PDF-" and "warning" not in err


def _export_tif(rc, out, err, f, _):
    assert rc == 0 and _png(f / "map.png") and "warning" not in err


def _download(rc, out, err, f, _):
    assert rc == 0 and re.search(r"[\d,]+ tiles, about", out)         # count and size first
    assert "add --yes" in out and not (f / "binjiang.mbtiles").exists()   # asked, not fetched


def _open_project(rc, out, err, f, opened):
    assert rc == 0 and opened[-1] == ["plan.hzmap"]                     # the window opens it


def _version(rc, out, err, f, _):
    from hzmap import __version__
    assert rc == 0 and out.strip() == f"hzmap {__version__}"


CHECKS = {
    "hzmap query 钱塘区": _query,
    "hzmap query bj --json": _query_json,
    "hzmap query 滨江区 --timeline": _timeline,
    "hzmap query 滨江区 --as-of 2027-06-01": _as_of,
    "hzmap validate": _validate,
    "hzmap cite dt_4415/ftz_led": _cite,
    "hzmap cite 数据出境 --json": _cite_json,
    "hzmap export --layout 4+4+1+5 --view urban --format pdf --out map.pdf": _export_pdf,
    "hzmap export --layout 一核一带两翼多基地 --view fit --style structure --out 结构图.pdf": _export_structure,
    "hzmap export --atlas --layout 一核一带两翼多基地 --out atlas/": _atlas,
    "hzmap export --layout 4+4+1+5 --as-of 2027-06-01 --out m.png": _export_as_of,
    "hzmap export --layout 4+4+1+5 --layer 项目.csv --crs gcj02 --out map.png": _export_layer,
    "hzmap dossier 钱塘区 --out qiantang.pdf": _dossier,
    "hzmap layer 项目.csv --crs gcj02 --json": _layer_json,
    "hzmap layer 房源.csv --column 单价 --agg median": _layer_median,
    "hzmap export --layout 4+4+1+5 --layer 板块.shp --join QX --agg count --out map.png": _export_join,
    "hzmap import-plan 新规划.docx --out draft/": _import_plan,
    "hzmap validate draft/": _validate_draft,
    "hzmap deck --layout 4+4+1+5 --out deck.pptx": _deck,
    "hzmap deck --project plan.hzmap --tour 例会 --lang en --out deck.pdf": _deck_project,
    "hzmap install-desktop": _install_desktop,
    'hzmap export --layout 4+4+1+5 --view urban --basemap tianditu-img --basemap-review "GS(2024)0568号" --out map.png':
        _export_basemap,
    "hzmap export --basemap 'http://tiles.example/{z}/{x}/{y}.png' --basemap-crs gcj02 --out map.pdf": _export_url,
    "hzmap export --basemap 影像.tif --out map.png": _export_tif,
    "hzmap basemap download tianditu-img --district 滨江区 --zoom 10-16 --out binjiang.mbtiles": _download,
    "hzmap plan.hzmap": _open_project,
    "hzmap --version": _version,
}


def test_every_command_readme_shows_is_checked_here():
    shown = sh_lines()
    assert len(shown) >= len(CHECKS)
    unchecked = [line for line in shown if line not in CHECKS and line not in ELSEWHERE]
    assert unchecked == [], "README/docs show commands no test checks: add them to CHECKS"
    assert set(CHECKS) <= set(shown), "CHECKS lists commands README no longer shows"


@pytest.mark.parametrize("line", list(CHECKS))
def test_the_command_does_what_readme_says(line, run, folder):
    if line == "hzmap validate draft/" and not (folder / "draft").is_dir():
        run("hzmap import-plan 新规划.docx --out draft/")      # the line before it in README
    if line == "hzmap --version":                              # argparse's action exits
        with pytest.raises(SystemExit) as exit_:
            run(line)
        rc, out, err, opened = exit_.value.code, *run.last()
    else:
        rc, out, err, opened = run(line)
    CHECKS[line](rc, out, err, folder, opened)
