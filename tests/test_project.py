"""Project files: round-trip, damaged and foreign files, crash-safe saving, and the window's
File menu, modified mark and crash recovery as a user meets them."""
import json
import os

import pytest

from hzmap.model.session import annotations as m
from hzmap.model.session import project as proj
from hzmap.model.geo.geodata import to_map
from hzmap.model.files.paths import safe_relative_path
from hzmap.model.session.project import Project, load_project, save_project
from hzmap.model.view.viewstate import Filters, Selection

LAYOUTS = {"dt_4415", "st_core_belt_wings"}
DISTRICTS = {"binjiang", "xihu", "qiantang"}
TOURS = [{"format": "hzmap-tour", "name": "汇报", "steps": [{"extent": [1, 2, 3, 4], "caption": "滨江"}]},
         {"anything": [1, {"nested": None}]}]


def sample() -> Project:
    anns = [m.make("text", [(500100.5, 3340200.25)], "钱江新城 CBD", id="a1"),
            m.make("callout", [(501000, 3341000), (500000, 3340000)], "高新区\n第二行", "#1F4E9E", 14, id="a2"),
            m.make("marker", [(499000, 3339000)], "", id="a3"),
            m.make("line", [(500000, 3330000), (501000, 3330500), (502000, 3330000)], colour="#1E8449",
                   size=4, id="a4")]
    return Project(view="custom", extent=(490000.0, 520000.0, 3330000.0, 3350000.0), layout="dt_4415",
                   selection=Selection.district("binjiang"), hidden_layers=frozenset({"water"}),
                   hidden_elements=frozenset({"dt_4415/core"}), show_places=False,
                   filters=Filters(plan="dt2021", sector=None, unit="市商务局"), annotations=anns, tours=TOURS)


def test_round_trip_keeps_everything(tmp_path):
    path = tmp_path / "plan.hzmap"
    save_project(path, sample())
    loaded, problems = load_project(path, LAYOUTS, DISTRICTS)
    assert problems == []
    assert loaded == sample()
    assert loaded.tours == TOURS  # opaque: untouched
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "hzmap-project" and data["version"] == proj.VERSION
    assert "钱江新城" in path.read_text(encoding="utf-8")  # readable UTF-8, not \\u escapes


def test_corrupt_json_names_the_file_and_loads_nothing(tmp_path):
    path = tmp_path / "broken.hzmap"
    save_project(path, sample())
    path.write_text(path.read_text(encoding="utf-8")[:200], encoding="utf-8")  # cut short
    project, problems = load_project(path, LAYOUTS, DISTRICTS)
    assert project is None
    assert len(problems) == 1 and "broken.hzmap" in problems[0] and "JSON" in problems[0]


def test_wrong_types_keep_the_rest(tmp_path):
    data = proj.to_json(sample())
    data["annotations"][1]["points"] = "here"         # one bad annotation
    data["annotations"][2]["style"]["colour"] = 12
    data["filters"] = ["not", "an", "object"]
    data["selection"] = 42
    data["view"]["extent"] = [5, 1, 2, 3]  # x0 > x1
    path = tmp_path / "typed.hzmap"
    path.write_text(json.dumps(data), encoding="utf-8")
    project, problems = load_project(path, LAYOUTS, DISTRICTS)
    text = "\n".join(problems)
    assert all("typed.hzmap" in p for p in problems)
    assert "annotation 2 (id 'a2')" in text and "annotation 3 (id 'a3')" in text
    assert "filters" in text and "selection" in text and "extent" in text
    assert [a.id for a in project.annotations] == ["a1", "a4"]
    assert project.layout == "dt_4415" and project.hidden_layers == {"water"}
    assert project.selection is None and project.filters == Filters() and project.view == "city"


def test_nan_and_non_json_constants_are_refused(tmp_path):
    path = tmp_path / "nan.hzmap"
    path.write_text('{"format": "hzmap-project", "version": 1, "view": {"extent": [NaN, 1, 2, 3]}}')
    project, problems = load_project(path)
    assert project is None and "nan.hzmap" in problems[0]


def test_newer_version_loads_what_it_can_and_says_so(tmp_path):
    data = proj.to_json(sample())
    data["version"] = 7
    data["layers3d"] = {"buildings": True}
    path = tmp_path / "future.hzmap"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    project, problems = load_project(path, LAYOUTS, DISTRICTS)
    text = "\n".join(problems)
    assert "future.hzmap" in text and "newer" in text and "7" in text and "layers3d" in text
    assert len(project.annotations) == 4 and project.layout == "dt_4415"
    save_project(path, project)  # what it did not know is written back, not lost
    assert json.loads(path.read_text(encoding="utf-8"))["layers3d"] == {"buildings": True}


def test_unknown_layout_and_district_are_named_and_dropped(tmp_path):
    data = proj.to_json(sample())
    data["layout"] = "st_moonbase"
    data["selection"] = "atlantis"
    path = tmp_path / "old.hzmap"
    path.write_text(json.dumps(data), encoding="utf-8")
    project, problems = load_project(path, LAYOUTS, DISTRICTS)
    assert any("old.hzmap" in p and "st_moonbase" in p for p in problems)
    assert any("old.hzmap" in p and "atlantis" in p for p in problems)
    assert project.layout is None and project.selection is None
    assert len(project.annotations) == 4 and project.tours == TOURS


def test_oversized_file_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(proj, "MAX_BYTES", 1000)
    path = tmp_path / "huge.hzmap"
    path.write_text('{"format": "hzmap-project", "pad": "' + "x" * 2000 + '"}')
    project, problems = load_project(path)
    assert project is None and "huge.hzmap" in problems[0] and "refused" in problems[0]


@pytest.mark.parametrize("where", ["write", "replace"])
def test_save_killed_midway_keeps_previous_file_and_no_temp(tmp_path, monkeypatch, where):
    path = tmp_path / "plan.hzmap"
    save_project(path, sample())
    before = path.read_bytes()
    changed = sample()
    changed.annotations = []

    def boom(*_a, **_k):
        raise OSError(28, "No space left on device")
    from hzmap.model.files import atomic
    monkeypatch.setattr(atomic.os, "replace" if where == "replace" else "fsync", boom)
    with pytest.raises(proj.ProjectError, match="plan.hzmap"):
        save_project(path, changed)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.hzmap"]


def test_saved_file_has_normal_permissions(tmp_path):
    path = tmp_path / "p.hzmap"
    save_project(path, Project())
    assert os.stat(path).st_mode & 0o044  # readable by others as a normal file, not mkstemp's 0600


@pytest.mark.parametrize("bad", ["../x.png", "/etc/passwd", "a/../../b", "C:/x", "a\\..\\b", ""])
def test_paths_in_projects_cannot_leave_the_chosen_folder(tmp_path, bad):
    with pytest.raises(ValueError):
        safe_relative_path(tmp_path, bad)
    assert safe_relative_path(tmp_path, "exports/map.png") == (tmp_path / "exports" / "map.png").resolve()


# -- the window ---------------------------------------------------------------------------------
def test_title_marks_changes_until_saved_and_open_restores_state(window, open_window, data, tmp_path):
    pa = window.project_actions
    assert "[*]" in window.windowTitle() and not window.isWindowModified()
    window.state.update(layout="dt_4415")
    assert not window.isWindowModified()  # browsing an untitled session leaves nothing to lose
    window.session.annotations.add(m.make("text", [to_map(120.21, 30.25)], "钱江新城"))
    assert window.isWindowModified()
    window.state.select_district("binjiang")
    window.state.set_preset("urban")
    path = tmp_path / "meeting.hzmap"
    assert pa.save_to(path)
    assert not window.isWindowModified() and "meeting.hzmap" in window.windowTitle()
    assert pa.recent_files()[0] == str(path.resolve())
    window.state.update(layout="st_core_belt_wings")  # a saved project: a layout change is a change
    assert window.isWindowModified()

    other = open_window(*data)
    assert other.project_actions.open(path)
    assert other.state.layout == "dt_4415" and other.state.district == "binjiang"
    assert other.state.preset == "urban"
    assert [a.text for a in other.session.annotations] == ["钱江新城"]
    assert other.canvas.renderer_.select_patch.get_visible()
    assert not other.isWindowModified()


def test_open_damaged_file_reports_and_keeps_current_work(window, tmp_path):
    pa = window.project_actions
    errors = []
    pa.show_error = lambda title, text: errors.append(text)
    window.session.annotations.add(m.make("marker", [to_map(120.2, 30.25)], "mine"))
    pa.ask_save_changes = lambda: "discard"
    bad = tmp_path / "bad.hzmap"
    bad.write_text("{not json")
    assert not pa.open(bad)
    assert "bad.hzmap" in errors[0]
    assert [a.text for a in window.session.annotations] == ["mine"]  # nothing the user made is lost


def test_save_error_is_reported_and_work_stays_unsaved(window, tmp_path):
    pa = window.project_actions
    errors = []
    pa.show_error = lambda title, text: errors.append(text)
    window.session.annotations.add(m.make("marker", [to_map(120.2, 30.25)], "mine"))
    assert not pa.save_to(tmp_path / "no such folder" / "p.hzmap")
    assert "p.hzmap" in errors[0]
    assert window.isWindowModified() and len(window.session.annotations) == 1


def test_close_with_unsaved_changes_asks(window, tmp_path):
    pa = window.project_actions
    window.session.annotations.add(m.make("marker", [to_map(120.2, 30.25)]))
    pa.ask_save_changes = lambda: "cancel"
    assert not window.close() and window.isVisible()
    pa.ask_save_path = lambda: str(tmp_path / "kept")
    pa.ask_save_changes = lambda: "save"
    assert window.close()
    assert load_project(tmp_path / "kept.hzmap")[0].annotations[0].kind == "marker"


def crash_with_unsaved_work(folder) -> None:
    """Another hzmap process autosaves an untitled session, then is killed (kill -9)."""
    import subprocess
    import sys

    code = (
        "import os, signal\n"
        "from hzmap.model.session.annotations import make\n"
        "from hzmap.model.geo.geodata import to_map\n"
        "from hzmap.model.session.project import Project\n"
        "from hzmap.model.session.recovery import Recovery\n"
        f"r = Recovery({str(folder)!r})\n"
        "r.write(Project(layout='dt_4415', annotations=[make('callout', [to_map(120.3, 30.3), "
        "to_map(120.205, 30.185)], '高新区')]), None)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == -9, proc.stderr


def test_recovery_after_crash_restores_annotations(window, open_window, data):
    folder = window.session.recovery.folder
    crash_with_unsaved_work(folder)
    offered = []
    assert window.project_actions.offer_recovery(ask=lambda entry: offered.append(entry) or True)
    assert len(offered) == 1 and offered[0].source is None
    assert [a.text for a in window.session.annotations] == ["高新区"]
    assert window.state.layout == "dt_4415"
    assert window.isWindowModified()  # restored work is not saved anywhere yet
    assert not open_window(*data).project_actions.offer_recovery(ask=lambda e: pytest.fail("offered twice"))
    window.project_actions.ask_save_changes = lambda: "discard"
    assert window.close()
    assert list(folder.glob("*.hzmap")) == []  # a normal close removes it


def test_a_live_window_is_never_offered_as_a_crash(window, open_window, data):
    first = window
    first.session.annotations.add(m.make("marker", [to_map(120.2, 30.25)], "first"))
    assert first.project_actions.autosave()
    second = open_window(*data)  # a second window while the first is open
    assert not second.project_actions.offer_recovery(ask=lambda e: pytest.fail("offered a live session"))
    second.session.annotations.add(m.make("marker", [to_map(120.3, 30.3)], "second"))
    assert second.project_actions.autosave()
    assert first.session.recovery.path != second.session.recovery.path
    assert first.session.recovery.path.is_file() and second.session.recovery.path.is_file()
    second.project_actions.ask_save_changes = lambda: "discard"
    assert second.close()
    assert first.session.recovery.path.is_file()  # the other window's data is never deleted


def test_no_recovery_offer_after_a_normal_save(window, open_window, data, tmp_path):
    window.session.annotations.add(m.make("marker", [to_map(120.2, 30.25)]))
    window.project_actions.autosave()
    recovery = window.session.recovery.path
    assert recovery.is_file()
    window.project_actions.save_to(tmp_path / "done.hzmap")
    assert not recovery.exists()
    assert not open_window(*data).project_actions.offer_recovery(ask=lambda info: pytest.fail("offered"))
