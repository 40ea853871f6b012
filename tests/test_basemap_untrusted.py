"""A project's base map is data from someone else, like its layers: its file outside the
project's folder is asked about (with the layers' files, once) or refused on the command line
unless --allow-outside, and an online base map in it is never fetched until the planner turns it
on in this session (--online on the command line). Tiles come from a server this test starts on
127.0.0.1, which counts every request."""
from __future__ import annotations

import json

import pytest
from basemap_projects import file_entry, online_entry, project_with, spy_geotiff
from matplotlib.figure import Figure

from hzmap.cli.main import main
from hzmap.model.basemap.persist import OUTSIDE_NAME, basemap_layer
from hzmap.model.basemap.source import BasemapSource
from hzmap.model.layers.store import LayerStore
from hzmap.model.session.session import Session
from hzmap.model.view.viewstate import ViewState
from hzmap.render.map.scene import Scene
from tile_server import TileServer, write_geotiff


@pytest.fixture
def server(tmp_path, monkeypatch):
    monkeypatch.setenv("HZMAP_CACHE_DIR", str(tmp_path / "cache"))  # every tile from the server
    with TileServer() as srv:
        yield srv


@pytest.fixture
def reads(monkeypatch):
    return spy_geotiff(monkeypatch)


def session_of(geodata, dataset, recovery=None) -> Session:
    return Session(ViewState(geodata), recovery, dataset=dataset, layers=LayerStore())


def drawn(session, geodata):
    """Draw what the session's map shows, as an export does (waiting for tiles); the Scene."""
    scene = Scene(Figure(figsize=(4, 3), dpi=80), geodata, layers=session.layers, wait_tiles=True)
    scene.apply(session.state.view)
    scene.fig.canvas.draw()
    return scene


# -- an online base map in a project --------------------------------------------------------------
def test_a_projects_online_base_map_opens_off_and_fetches_only_when_turned_on(geodata, dataset, server, tmp_path):
    path = project_with(tmp_path / "shared" / "会议.hzmap", online_entry(server))
    session = session_of(geodata, dataset)
    opened, problems = session.open(path)
    layer = session.state.view.basemap()
    assert opened and problems == [] and layer is not None and layer.source.online
    assert not layer.visible                         # present in the layer list, switched off
    assert layer.source.servers == server.base.split("//")[1]  # the host the note names
    drawn(session, geodata)
    assert server.requests == []                     # opening and drawing fetched nothing
    session.state.set_layer_visible("basemap", True)  # the planner turns it on, in this session
    scene = drawn(session, geodata)
    assert len(server.requests) >= 1 and scene.basemap_artist.last.rgba is not None


def test_turned_on_saved_and_reopened_it_is_off_again_and_so_from_recovery(geodata, dataset, server, tmp_path):
    """The planner's own choice is not remembered as a licence to fetch: on again after reopening
    (documented), and a recovery file follows the same rule."""
    from hzmap.model.session.recovery import Recovery

    first = session_of(geodata, dataset, Recovery(tmp_path / "rec"))
    src = BasemapSource("xyz", url=server.base + "/xyz/{z}/{x}/{y}.png", name="测试瓦片")
    first.state.update(layers=(basemap_layer(src),) + first.state.view.layers)  # chosen, on
    first.save(tmp_path / "mine.hzmap")
    assert json.loads((tmp_path / "mine.hzmap").read_text(encoding="utf-8"))["basemap"]["visible"] is True
    first.state.update(layout="dt_4415")  # unsaved work: goes to the recovery file
    assert first.autosave()
    first.close(keep_recovery=True)  # as if the window died

    again = session_of(geodata, dataset)
    again.open(tmp_path / "mine.hzmap")
    assert again.state.view.basemap().source == src and not again.state.view.basemap().visible
    later = session_of(geodata, dataset, Recovery(tmp_path / "rec"))
    [entry] = later.recovery.orphans()
    later.recover(entry)
    assert later.state.view.layout == "dt_4415" and not later.state.view.basemap().visible
    drawn(again, geodata)
    drawn(later, geodata)
    assert server.requests == []


# -- a base map file outside the project's folder ----------------------------------------------------
@pytest.fixture
def outside_tif(tmp_path):
    """A project in shared/ whose base map is ../victim/影像.tif, and whose layer is ../victim/点.csv."""
    victim = tmp_path / "victim"
    victim.mkdir()
    tif = write_geotiff(victim / "影像.tif")
    (victim / "点.csv").write_text("名称,经度,纬度\n甲,120.21,30.19\n", encoding="utf-8")
    folder = tmp_path / "shared"
    layer = {"id": "u1", "kind": "user", "name": "点", "source": {"format": "csv", "x_column": "经度",
                                                                  "y_column": "纬度", "path": "../victim/点.csv"}}
    return project_with(folder / "会议.hzmap", file_entry(tif, folder), [layer]), tif


def test_a_base_map_file_outside_is_in_the_one_question_and_not_read_without_a_yes(
        geodata, dataset, outside_tif, reads, tmp_path):
    path, tif = outside_tif
    asked = []
    session = session_of(geodata, dataset)
    opened, problems = session.open(path, allow_outside=lambda files: asked.append(files) or False)
    assert opened and asked == [[("点", tif.parent / "点.csv"), (OUTSIDE_NAME, tif)]]  # asked once, both
    layer = session.state.view.basemap()
    assert layer is not None and layer.source.path == tif  # the entry is kept, with its settings
    assert any("影像.tif" in p and "not read" in p for p in problems)
    scene = drawn(session, geodata)
    assert reads == [] and scene.basemap_artist is None and "outside" in scene.basemap_problem
    session.save(tmp_path / "shared" / "again.hzmap")  # saved back as it was: nothing lost
    saved = json.loads((tmp_path / "shared" / "again.hzmap").read_text(encoding="utf-8"))["basemap"]
    assert saved["source"]["path"] == "../victim/影像.tif"
    assert reads == []

    agreed = session_of(geodata, dataset)
    agreed.open(path, allow_outside=lambda files: True)
    scene = drawn(agreed, geodata)
    assert reads == [tif] and scene.basemap_artist.last.rgba is not None


def test_a_folder_of_tiles_is_found_in_the_project_and_asked_about_outside(geodata, dataset, tmp_path):
    from hzmap.model.session.outside import outside_files
    from hzmap.model.session.project import load_project

    inside = tmp_path / "p" / "tiles"
    (inside / "12").mkdir(parents=True)
    path = project_with(tmp_path / "p" / "a.hzmap", file_entry(inside, tmp_path / "p", kind="folder"))
    session = session_of(geodata, dataset)
    opened, problems = session.open(path, allow_outside=lambda files: pytest.fail(f"asked about {files}"))
    assert opened and problems == [] and session.state.view.basemap().source.path == inside
    away = tmp_path / "elsewhere" / "tiles"
    (away / "12").mkdir(parents=True)
    path = project_with(tmp_path / "p" / "b.hzmap", file_entry(away, tmp_path / "p", kind="folder"))
    assert outside_files(load_project(path)[0], path.parent) == [(OUTSIDE_NAME, away)]


def test_an_untitled_sessions_recovered_base_map_file_is_its_own(geodata, dataset, tmp_path, reads):
    """A recovery file of a session with no project file names the files the planner chose: no
    folder to be outside of, so nothing is asked and the file is read."""
    from hzmap.model.session.recovery import Recovery

    (tmp_path / "mine").mkdir()
    tif = write_geotiff(tmp_path / "mine" / "影像.tif")
    first = session_of(geodata, dataset, Recovery(tmp_path / "rec"))
    first.state.update(layers=(basemap_layer(BasemapSource("geotiff", path=tif)),) + first.state.view.layers)
    assert first.autosave()
    first.close(keep_recovery=True)
    later = session_of(geodata, dataset, Recovery(tmp_path / "rec"))
    [entry] = later.recovery.orphans()
    assert later.recover(entry) == []
    drawn(later, geodata)
    assert reads == [tif]


# -- the command line -----------------------------------------------------------------------------------
def test_export_and_deck_leave_a_projects_online_base_map_off_unless_asked(server, tmp_path, capsys):
    path = project_with(tmp_path / "shared" / "会议.hzmap", online_entry(server))
    host = server.base.split("//")[1]
    out = tmp_path / "map.png"
    assert main(["export", "--project", str(path), "--dpi", "96", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert out.stat().st_size > 10_000 and server.requests == []
    assert f"online base map ({host}) was left off" in err and "--online" in err
    assert main(["deck", "--project", str(path), "--layout", "4+4+1+5", "--out", str(tmp_path / "d.pdf")]) == 0
    assert server.requests == [] and "was left off" in capsys.readouterr().err

    assert main(["export", "--project", str(path), "--online", "--dpi", "96", "--out", str(out)]) == 0
    assert len(server.requests) >= 1 and "left off" not in capsys.readouterr().err
    fetched = len(server.requests)
    assert main(["export", "--project", str(path), "--basemap", server.base + "/img/{z}/{x}/{y}.jpg",
                 "--dpi", "96", "--out", str(out)]) == 0  # a base map named on the command line
    assert any(r.startswith("/img/") for r in server.requests[fetched:])


def test_export_refuses_a_base_map_file_outside_the_project_unless_allowed(outside_tif, tmp_path, capsys, reads):
    path, tif = outside_tif
    (tif.parent / "点.csv").unlink()  # only the base map is outside now
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(dict(data, layers=[]), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "map.png"
    assert main(["export", "--project", str(path), "--dpi", "96", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"the base map reads {tif}" in err and "--allow-outside" in err and not out.exists() and reads == []
    assert main(["deck", "--project", str(path), "--layout", "4+4+1+5", "--out", str(tmp_path / "d.pdf")]) == 2
    assert str(tif) in capsys.readouterr().err and reads == []
    mine = write_geotiff(tmp_path / "mine.tif")  # replaced by --basemap: its file is not needed
    assert main(["export", "--project", str(path), "--basemap", str(mine), "--dpi", "96", "--out", str(out)]) == 0
    assert reads == [mine] and "outside" not in capsys.readouterr().err
    assert main(["export", "--project", str(path), "--allow-outside", "--dpi", "96", "--out", str(out)]) == 0
    assert reads == [mine, tif] and out.stat().st_size > 10_000
