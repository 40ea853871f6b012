"""A shared project's base map in the window: an online one is listed, switched off, with a note
naming the server, and nothing is fetched until the planner ticks it; a file outside the
project's folder is in the question about such files and is not read without a yes (or until the
planner chooses it in the base map dialog). Tiles come from a server the test starts on
127.0.0.1, which counts every request."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from hzmap.model.basemap.persist import OUTSIDE_NAME  # noqa: E402
from basemap_projects import file_entry, online_entry, project_with, spy_geotiff  # noqa: E402
from tile_server import TileServer, write_geotiff  # noqa: E402


@pytest.fixture
def window(open_window, data):
    return open_window(*data)


@pytest.fixture
def reads(monkeypatch):
    return spy_geotiff(monkeypatch)


@pytest.fixture
def server(tmp_path, monkeypatch):
    monkeypatch.setenv("HZMAP_CACHE_DIR", str(tmp_path / "cache"))
    with TileServer() as srv:
        yield srv


def _entry(win):
    item = win.layers.panel.item_for("layer", "basemap")
    assert item is not None
    return item


def test_an_online_base_map_opens_off_with_a_note_and_fetches_once_ticked(window, server, tmp_path, qtbot):
    path = project_with(tmp_path / "shared" / "会议.hzmap", online_entry(server))
    assert window.project_actions.open(path)
    item = _entry(window)
    host = server.base.split("//")[1]
    assert item.checkState(0) == Qt.Unchecked and "测试瓦片" in item.text(0)
    assert item.childCount() == 1 and host in item.child(0).text(0) and "开启后才会联网" in item.child(0).text(0)
    window.canvas.draw()
    art = window.canvas.scene.basemap_artist
    assert art is None or art.last is None  # no picture asked of it, so no tile either
    assert server.requests == []
    item.setCheckState(0, Qt.Checked)  # the planner turns it on
    assert window.state.view.basemap().visible
    window.canvas.draw()
    art = window.canvas.scene.basemap_artist
    qtbot.waitUntil(lambda: art.last is not None and art.last.rgba is not None and art.last.complete, timeout=20000)
    assert len(server.requests) >= 1


def test_a_base_map_file_outside_is_asked_about_and_read_only_when_chosen(window, tmp_path, reads, qtbot):
    victim = tmp_path / "victim"
    victim.mkdir()
    tif = write_geotiff(victim / "影像.tif")
    path = project_with(tmp_path / "shared" / "会议.hzmap", file_entry(tif, tmp_path / "shared"))
    asked = []
    actions = window.project_actions
    actions.ask_outside = lambda project, files: asked.append((project, files)) or False
    assert actions.open(path)
    assert asked == [(path, [(OUTSIDE_NAME, tif)])]
    window.canvas.draw()
    assert reads == [] and window.canvas.scene.basemap_artist is None
    assert "outside" in window.canvas.scene.basemap_problem
    item = _entry(window)
    assert "影像.tif" in item.text(0) and item.childCount() == 0  # listed, with its settings
    item.setCheckState(0, Qt.Unchecked)
    item.setCheckState(0, Qt.Checked)  # ticking it does not read it
    window.canvas.draw()
    assert reads == []

    window.basemap_actions.choose_action.trigger()  # the planner chooses it, path in view
    dialog = window.basemap_actions.dialog
    assert dialog.path.text() == str(tif)
    dialog.accept()
    window.canvas.draw()
    assert reads == [tif] and window.canvas.scene.basemap_artist is not None

    other = write_geotiff(victim / "影像2.tif")
    path = project_with(tmp_path / "shared" / "会议2.hzmap", file_entry(other, tmp_path / "shared"))
    actions.ask_outside = lambda project, files: asked.append((project, files)) or True
    assert actions.open(path)  # and a yes on opening reads it too
    window.canvas.draw()
    assert asked[-1] == (path, [(OUTSIDE_NAME, other)])
    assert reads == [tif, other] and window.canvas.scene.basemap_artist.last.rgba is not None
