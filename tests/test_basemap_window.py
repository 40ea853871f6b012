"""The base map in the window: chosen in its dialog (a 天地图-like service simulated by a server
the test starts on 127.0.0.1, with a key kept in the settings only), listed in the layer panel,
drawn on screen without freezing it, downloaded for offline use, then shown, presented (dimmed)
and exported with the server stopped."""
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt

from hzmap.model.basemap.registry import registry_for
from tile_server import KEY, MARK, TileServer


@pytest.fixture
def window(open_window, data):
    win = open_window(*data)
    win.state.update(layout="dt_4415")
    win.state.set_preset("urban")
    return win


def _choose_custom(win, qtbot, url, key=""):
    win.basemap_actions.choose_action.trigger()
    dialog = win.basemap_actions.dialog
    qtbot.waitExposed(dialog)
    dialog.choice.setCurrentIndex(dialog.choice.findData("custom"))
    dialog.url.setText(url)
    dialog.key.setText(key)
    dialog.credit.setText("天地图 © 测试")
    dialog.review.setText("GS(2099)0001号")
    return dialog


def _screen_has_tiles(win) -> bool:
    art = win.canvas.scene.basemap_artist
    return art is not None and art.last is not None and art.last.complete and \
        art.last.rgba is not None and (art.last.rgba[..., 3] == 255).mean() > 0.95


def test_imagery_under_the_layout_then_offline_presented_and_exported(window, qtbot, tmp_path, monkeypatch):
    from hzmap.ui.common.settings import settings

    monkeypatch.setenv("HZMAP_CACHE_DIR", str(tmp_path / "cache"))
    win = window
    assert win.state.view.basemap() is None  # nothing is fetched by default
    srv = TileServer().start()
    url = srv.base + "/key/{z}/{x}/{y}.png?tk=" + KEY  # the key typed into the URL, as people do
    dialog = _choose_custom(win, qtbot, url)
    dialog.accept()
    layer = win.state.view.basemap()
    assert layer is not None, dialog.note.text()
    assert "{tk}" in layer.source.url and KEY not in layer.source.url
    assert settings().value(f"basemap/keys/{srv.httpd.server_address[0]}") == KEY
    item = win.layers.panel.item_for("layer", "basemap")
    assert item is not None and item.checkState(0) == Qt.Checked
    qtbot.waitUntil(lambda: _screen_has_tiles(win), timeout=30000)
    # a pan redraws at once from the tiles in memory
    x0, x1, y0, y1 = win.state.view.extent
    t0 = time.perf_counter()
    win.state.set_extent((x0 + 500, x1 + 500, y0, y1))
    win.canvas.draw()
    assert time.perf_counter() - t0 < 2.0

    # download the view for offline use, then unplug
    win.basemap_actions.download_action.trigger()
    dl = win.basemap_actions.download_dialog
    qtbot.waitExposed(dl)
    dl.zmin.setValue(dl.zmin.value())
    dl.zmax.setValue(dl.zmin.value() + 1)
    assert dl.plan is not None and "tiles" in dl.summary.text()
    dl.start(str(tmp_path / "城区影像.mbtiles"))
    qtbot.waitUntil(lambda: dl.result_value is not None, timeout=60000)
    assert not isinstance(dl.result_value, Exception) and dl.result_value.path is not None
    srv.stop()
    offline = win.state.view.basemap()
    assert offline.source.kind == "mbtiles" and offline.source.review_number == "GS(2099)0001号"
    win.canvas.draw()
    qtbot.waitUntil(lambda: _screen_has_tiles(win), timeout=20000)

    # the project keeps the offline base map and no key
    path = tmp_path / "plan.hzmap"
    win.session.save(path)
    assert KEY not in path.read_text(encoding="utf-8")

    # present: the base map is there, and D dims it
    win.windows.present(None)
    room = win.windows.presentation
    qtbot.waitExposed(room)
    room.canvas.draw()
    assert room.canvas.scene.basemap_artist is not None and room.canvas.scene.basemap_artist.get_visible()
    qtbot.keyClick(room, Qt.Key_D)
    assert win.state.view.basemap().style["dim"] == pytest.approx(0.3)
    assert room.canvas.scene.describe()["basemap"][2] == pytest.approx(0.3)
    room.close()

    # export the same picture with its attribution, still offline
    from hzmap.render.page.compose import ExportSpec, compose, source_text

    spec = ExportSpec(view=win.state.view, preset="a4-landscape", dpi=96, layers=win.session.layers)
    page = compose(spec, win.geo, win.session.dataset)
    page.figure.canvas.draw()
    assert page.scene.basemap_artist.last.complete and not page.scene.basemap_artist.last.problems
    assert "天地图 © 测试, 审图号: GS(2099)0001号" in source_text(spec, win.session.dataset)


def test_a_silent_server_leaves_the_window_responsive(window, qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("HZMAP_CACHE_DIR", str(tmp_path / "cache"))
    win = window
    with TileServer() as srv:
        registry = registry_for(win.session.layers)
        registry.http_options = {"timeout": 1.0, "deadline": 2.0}
        dialog = _choose_custom(win, qtbot, srv.base + "/silent/{z}/{x}/{y}.png")
        dialog.accept()
        t0 = time.perf_counter()
        for _ in range(3):  # draws and hovers answer while every tile request hangs
            win.canvas.draw()
            qtbot.mouseMove(win.canvas, win.canvas.rect().center())
        assert time.perf_counter() - t0 < 3.0
        assert win.state.view.basemap() is not None
        art = win.canvas.scene.basemap_artist
        qtbot.waitUntil(lambda: any("answer" in p or "within" in p for p in art.basemap.problems()), timeout=15000)


def test_a_wrong_key_is_told_in_the_dialog_flow_and_a_bad_file_never_reaches_the_map(window, qtbot, tmp_path):
    win = window
    bad = tmp_path / "scan.tif"
    bad.write_bytes(b"II*\x00" + b"\0" * 64)
    win.basemap_actions.choose_action.trigger()
    dialog = win.basemap_actions.dialog
    dialog.choice.setCurrentIndex(dialog.choice.findData("geotiff"))
    dialog.path.setText(str(bad))
    dialog.accept()
    assert dialog.isVisible() and "scan.tif" in dialog.note.text()  # told here, nothing changed
    assert win.state.view.basemap() is None
    dialog.reject()
    with TileServer() as srv:
        dialog = _choose_custom(win, qtbot, srv.base + "/key/{z}/{x}/{y}.png?tk={tk}", key="wrong")
        dialog.accept()
        qtbot.waitUntil(lambda: win.canvas.scene.basemap_artist is not None
                        and any("HTTP 403" in p for p in win.canvas.scene.basemap_artist.basemap.problems()),
                        timeout=20000)
        qtbot.waitUntil(lambda: "HTTP 403" in win.statusBar().currentMessage(), timeout=10000)
        rgba = win.canvas.scene.basemap_artist.last.rgba
        assert rgba is None or (np.asarray(rgba)[..., 3] == 0).all()


def test_an_export_over_a_slow_server_fetches_off_the_window_thread_with_a_cancel(window, qtbot, tmp_path,
                                                                                   monkeypatch):
    """Half a second a tile: the window keeps answering while the export fetches; Cancel writes
    nothing and keeps the dialog; the next export waits for every tile and draws them."""
    from PIL import Image
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QPushButton

    from hzmap.ui.common import background

    monkeypatch.setenv("HZMAP_CACHE_DIR", str(tmp_path / "cache"))
    win = window
    with TileServer() as srv:
        dialog = _choose_custom(win, qtbot, srv.base + "/slow/{z}/{x}/{y}.png")
        dialog.accept()
        win.windows.export_action.trigger()
        dlg = win.windows.export_dialog
        dlg.preset_combo.setCurrentIndex(dlg.preset_combo.findData("custom"))
        dlg.width_spin.setValue(1800)  # a zoom deeper than the screen's: tiles it has not fetched
        dlg.height_spin.setValue(1200)
        dlg.dpi_spin.setValue(192)
        out = tmp_path / "影像底图.png"
        dlg.path_edit.setText(str(out))
        ticks, seen = [], []

        def cancel_when_shown() -> None:
            ticks.append(1)  # the window's event loop turns while the tiles are on their way
            if background.current and background.current[-1].isVisible() and not seen:
                seen.append(background.current[-1].labelText())  # the planner presses Cancel
                background.current[-1].findChild(QPushButton).click()
        timer = QTimer(interval=20)
        timer.timeout.connect(cancel_when_shown)
        timer.start()
        assert dlg.export() is False  # cancelled: nothing written, the dialog stays
        timer.stop()
        # the timer ran inside export(): the window's event loop turned while the tiles came
        assert seen and "底图瓦片" in seen[0] and ticks
        assert not out.exists() and dlg.isVisible()

        assert dlg.export() is True  # waited for, off the window's thread, then drawn
        assert out.exists() and not hasattr(dlg, "tiles_box")
    rgb = np.asarray(Image.open(out).convert("RGB")).astype(int)
    pale = (np.abs(rgb - (236, 236, 230)).sum(axis=2) < 12).mean()
    assert pale > 0.01, "the slow server's pale tiles are under the map"  # none without them
