"""Hostile files in the window: while one is read the window keeps answering (a timer fires),
Cancel ends the read at once, a project's files outside its folder are asked about before
anything is read, and a damaged shared dataset gets a message naming the entry."""
from __future__ import annotations

import json
import time

import pytest
from untrusted import patch_zip, points_gpkg, recursive_view_gpkg, write_zip, xlsx

pytest.importorskip("PySide6")

from PySide6.QtCore import QTimer  # noqa: E402

from hzmap.model.layers import reading  # noqa: E402
from hzmap.ui.common import background  # noqa: E402


@pytest.fixture
def window(open_window, data):
    return open_window(*data)


def _ticking(qtbot):
    ticks = []
    timer = QTimer(interval=50)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    return timer, ticks


def _cancel_after(ms: int, pressed: list) -> None:
    """Press the Cancel button of the progress dialog `ms` after now (as soon as there is one)."""
    from PySide6.QtWidgets import QPushButton

    def press():
        if background.current and background.current[-1].isVisible():
            pressed.append(time.monotonic())
            background.current[-1].findChild(QPushButton).click()
        else:
            QTimer.singleShot(100, press)
    QTimer.singleShot(ms, press)


def test_the_window_answers_while_a_hostile_file_is_read_and_cancel_ends_it(window, tmp_path, qtbot):
    path = recursive_view_gpkg(tmp_path / "loop.gpkg", points_gpkg(tmp_path / "base.gpkg"))
    assert window.layers.actions.add(path)               # its one layer is listed: the dialog opens
    dialog = window.layers.actions.dialog
    timer, ticks = _ticking(qtbot)
    pressed = []
    _cancel_after(1500, pressed)
    t0 = time.monotonic()
    assert not dialog.read()                            # Read: the view never ends
    took = time.monotonic() - t0
    timer.stop()
    assert pressed and took - (pressed[0] - t0) < 5     # Cancel ended the read within seconds
    assert took < reading.SECONDS                       # long before the reader's own time limit
    assert len([t for t in ticks if t0 < t < pressed[0]]) >= 10  # the window kept answering meanwhile
    assert "cancelled" in dialog.error.text().lower() and dialog.data is None
    assert reading.worker().pid is None                 # the reader process was stopped
    dialog.reject()
    window.layers.actions.add(tmp_path / "base.gpkg")    # and the next file reads as ever
    dialog = window.layers.actions.dialog
    assert dialog.read() and len(dialog.data) == 1
    dialog.reject()


def test_an_excel_file_that_aborts_its_reader_leaves_the_window_running(window, tmp_path):
    errors = []
    window.layers.actions.show_error = errors.append
    path = xlsx(tmp_path / "far.xlsx", far_cell="XFD1048576")
    window.layers.actions.add(path)
    assert errors and str(path) in errors[-1] and "reader stopped" in errors[-1]
    assert window.isVisible() and window.layers.actions.dialog is None


@pytest.fixture
def shared_project(tmp_path):
    """A project naming a file outside its folder (../victim) and one inside whose layer never ends."""
    victim = tmp_path / "victim" / "机密.csv"
    victim.parent.mkdir()
    victim.write_text("名称,经度,纬度\n机密项目,120.21,30.19\n", encoding="utf-8")
    folder = tmp_path / "shared"
    folder.mkdir()
    recursive_view_gpkg(folder / "loop.gpkg", points_gpkg(tmp_path / "base.gpkg"))
    layers = [{"id": "u1", "kind": "user", "name": "底图", "visible": False, "opacity": 0,
               "source": {"format": "csv", "x_column": "经度", "y_column": "纬度", "embed": True,
                          "path": "../victim/机密.csv"}},
              {"id": "u2", "kind": "user", "name": "循环", "source": {"format": "gpkg", "path": "loop.gpkg"}}]
    path = folder / "会议.hzmap"
    path.write_text(json.dumps({"format": "hzmap-project", "version": 1, "layers": layers}), encoding="utf-8")
    return path, victim


def test_a_projects_files_outside_its_folder_are_asked_about_first(window, shared_project, qtbot):
    path, victim = shared_project
    asked = []
    actions = window.project_actions
    actions.ask_outside = lambda project, files: asked.append((project, files)) or False
    timer, ticks = _ticking(qtbot)
    pressed = []
    _cancel_after(1500, pressed)  # the never-ending layer: the window answers, Cancel ends it
    t0 = time.monotonic()
    assert actions.open(path)
    took = time.monotonic() - t0
    timer.stop()
    assert asked == [(path, [("底图", victim)])]
    assert pressed and took < reading.SECONDS and len([t for t in ticks if t0 < t < pressed[0]]) >= 10
    session = window.project_actions.session
    assert session.needs_relink("u1") and session.needs_relink("u2")  # neither read; both kept
    assert session.layers.get(window.state.view.layer("u1")) is None
    assert "cancelled" in session.layer_links["u2"].message
    rows = {r.text().split("  ")[0]: r for r in (window.layers.user_list.list.item(i)
                                                  for i in range(window.layers.user_list.list.count()))}
    assert "(not read: outside the project's folder)" in rows["底图"].text()    # why, not "missing"
    assert "(file missing)" not in rows["底图"].text() and "could not be read" in rows["循环"].text()


def test_a_damaged_shared_dataset_names_the_entry_in_the_window(window, tmp_path, dataset):
    from hzmap.model.dataset import userdata
    from hzmap.model.plan_import import draft_plan, pasted, write_draft

    folder = tmp_path / "made" / "mine"
    write_draft(draft_plan(pasted("杭州市数字文旅发展行动计划\n一、空间布局\n构建“一核两翼”格局。\n"
                                  "“一核”:以西湖区为核心。\n“两翼”:依托萧山区和余杭区。\n"), dataset), folder)
    z = userdata.export_zip(folder, tmp_path / "shared.zip")
    patch_zip(z, "mine/plans.yaml", flag=0x1)
    manager = window.datasets.open_manager()
    shown = []
    manager.show_error = lambda title, text: shown.append(text)
    assert not manager.import_shared("zip", source=z)
    assert shown and "'mine/plans.yaml' is encrypted" in shown[-1] and "shared.zip" in shown[-1]
    bomb = write_zip(tmp_path / "bomb.zip", {"mine/plans.yaml": b"\x00" * (64 << 20)})
    assert not manager.import_shared("zip", source=bomb) and "zip bomb" in shown[-1]


def test_recovered_work_asks_about_files_outside_its_project_s_folder(window, tmp_path, monkeypatch):
    """A session killed with a project whose layer lies outside its folder: on the next start the
    recovery offer reads the layers the way Open does, asking first, off the window's thread."""
    import subprocess
    import sys

    victim = tmp_path / "victim" / "机密.csv"
    victim.parent.mkdir()
    victim.write_text("名称,经度,纬度\n机密项目,120.21,30.19\n", encoding="utf-8")
    folder = tmp_path / "shared"
    folder.mkdir()
    layers = [{"id": "u1", "kind": "user", "name": "机密", "source": {
        "format": "csv", "x_column": "经度", "y_column": "纬度", "path": "../victim/机密.csv"}}]
    code = ("import os, signal\n"
            "from hzmap.model.session.project import Project\n"
            "from hzmap.model.session.recovery import Recovery\n"
            f"r = Recovery({str(window.session.recovery.folder)!r})\n"
            f"r.write(Project(layout='dt_4415', layers={layers!r}), __import__('pathlib').Path({str(folder / 'p.hzmap')!r}))\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60).returncode == -9
    asked, runs = [], []
    actions = window.project_actions
    actions.ask_outside = lambda project, files: asked.append(files) or False
    real_run = background.run
    monkeypatch.setattr(background, "run", lambda *a, **k: runs.append(a[1]) or real_run(*a, **k))
    assert actions.offer_recovery(ask=lambda entry: True)
    assert asked == [[("机密", victim)]]
    assert len(runs) == 1 and "正在恢复" in runs[0]          # read with the progress and Cancel
    assert window.state.layout == "dt_4415" and window.session.needs_relink("u1")   # refused, kept
    assert window.session.layers.get(window.state.view.layer("u1")) is None
    assert "outside the project's folder" in window.layers.user_list.list.item(0).text()
