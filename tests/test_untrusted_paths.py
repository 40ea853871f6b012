"""Paths inside files are not trusted: the project that copies a local file into itself, an
absolute layer path, a dataset naming /etc/passwd or linking out of its sources, writes through
dangling links. (Writers and hzmap's own files: test_untrusted_writers.py.) Every file is built
here."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from hzmap.cli.main import main
from hzmap.model.dataset import DatasetError, userdata
from hzmap.model.layers.store import LayerStore
from hzmap.model.session.project import ProjectError
from hzmap.model.session.session import Session
from hzmap.model.view.viewstate import ViewState

SECRET = "机密项目-51c0ffee"


# -- a project that would copy a local file into itself ----------------------------------------------
@pytest.fixture
def exfiltration(tmp_path):
    """A shared project whose hidden, transparent layer with `embed: true` names ../victim/机密项目.csv."""
    victim = tmp_path / "victim" / "机密项目.csv"
    victim.parent.mkdir()
    victim.write_text(f"名称,经度,纬度\n{SECRET},120.21,30.19\n", encoding="utf-8")
    project = tmp_path / "shared" / "会议.hzmap"
    project.parent.mkdir()
    layer = {"id": "u1", "kind": "user", "name": "底图", "visible": False, "opacity": 0, "style": {},
             "source": {"format": "csv", "x_column": "经度", "y_column": "纬度", "embed": True,
                        "path": "../victim/机密项目.csv"}}
    project.write_text(json.dumps({"format": "hzmap-project", "version": 1, "layers": [layer]}), encoding="utf-8")
    return project, victim


def _session(geodata, dataset):
    return Session(ViewState(geodata), dataset=dataset, layers=LayerStore())


def test_a_layer_file_outside_the_project_is_not_read_without_a_yes(exfiltration, geodata, dataset, tmp_path):
    project, victim = exfiltration
    asked = []
    session = _session(geodata, dataset)
    opened, problems = session.open(project, allow_outside=lambda files: asked.append(files) or False)
    assert opened and asked == [[("底图", victim)]]  # named to the planner before anything is read
    layer = session.state.view.layer("u1")
    assert session.layers.get(layer) is None and session.needs_relink("u1")
    assert not layer.source.embed                      # no copy was asked for in this session
    out = tmp_path / "saved.hzmap"
    session.save(out)
    text = out.read_text(encoding="utf-8")
    assert SECRET not in text and "embedded" not in text and "../victim/机密项目.csv" in text  # kept, as a link


def test_embedding_happens_only_when_asked_for_a_shown_layer(exfiltration, geodata, dataset, tmp_path):
    project, _victim = exfiltration
    session = _session(geodata, dataset)
    session.open(project, allow_outside=True)  # the planner agreed to read it: still no copy
    assert session.layers.get(session.state.view.layer("u1")) is not None
    session.save(tmp_path / "a.hzmap")
    assert SECRET not in (tmp_path / "a.hzmap").read_text(encoding="utf-8")
    with pytest.raises(ProjectError, match="hidden"):
        session.embed_layer("u1")
    session.state.update_layer("u1", visible=True, opacity=1.0)
    session.embed_layer("u1")  # asked for, shown: kept
    session.save(tmp_path / "b.hzmap")
    assert SECRET in (tmp_path / "b.hzmap").read_text(encoding="utf-8")


def test_the_command_line_refuses_a_project_reading_outside_its_folder(exfiltration, tmp_path, capsys):
    project, victim = exfiltration
    out = tmp_path / "map.png"
    assert main(["export", "--project", str(project), "--dpi", "96", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(victim) in err and "--allow-outside" in err and SECRET not in err and not out.exists()
    assert main(["deck", "--project", str(project), "--layout", "4+4+1+5", "--out", str(tmp_path / "d.pdf")]) == 2
    assert str(victim) in capsys.readouterr().err


def test_an_absolute_layer_path_puts_nothing_of_that_file_in_a_message(tmp_path, geodata, dataset):
    unrelated = tmp_path / "etc" / "passwd"
    unrelated.parent.mkdir()
    unrelated.write_text(f"root:x:0:0:{SECRET}:/root:/bin/bash\n")
    project = tmp_path / "p" / "p.hzmap"
    project.parent.mkdir()
    layer = {"id": "u1", "kind": "user", "name": "x", "source": {"format": "csv", "abs_path": str(unrelated)}}
    project.write_text(json.dumps({"format": "hzmap-project", "version": 1, "layers": [layer]}))
    session = _session(geodata, dataset)
    missing = []
    session.layers_need_relink.connect(missing.append)
    opened, problems = session.open(project)
    said = "\n".join(problems) + "\n".join(missing[0].values())
    assert opened and str(unrelated) in said and SECRET not in said and "root:x" not in said


# -- a dataset's file: entries -----------------------------------------------------------------------------
def _user_dataset(folder: Path, file_entry: str) -> Path:
    (folder / "sources").mkdir(parents=True)
    (folder / "plans.yaml").write_text(
        "plans:\n  - id: evil\n    file: '" + file_entry + "'\n    short_name: 恶意\n    short_name_en: evil\n"
        "    title: 恶意计划\n    title_en: Evil plan\n    issuer: 某单位\n    issued: 2024-01-01\n    scope: city\n",
        encoding="utf-8")
    return folder


def test_a_dataset_file_entry_outside_its_sources_is_refused(tmp_path, capsys):
    secret = tmp_path / "passwd"
    secret.write_text(f"root:x:0:0:{SECRET}\n")
    folder = _user_dataset(tmp_path / "ds", str(secret))
    assert main(["validate", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "must be the name of a file in the dataset's source folder" in err and SECRET not in err
    with pytest.raises(DatasetError, match="source folder"):
        userdata.import_shared(folder, tmp_path / "user")
    assert not userdata.list_datasets(tmp_path / "user")


def test_a_link_in_a_datasets_sources_that_leads_out_is_not_read(tmp_path, dataset, capsys):
    from hzmap.model.dataset.overlay import load_dataset_with
    from hzmap.model.documents import DocumentError, load_documents

    secret = tmp_path / "passwd"
    secret.write_text(f"root:x:0:0:{SECRET}\n")
    folder = _user_dataset(tmp_path / "ds", "plan.txt")
    (folder / "sources" / "plan.txt").symlink_to(secret)
    assert main(["validate", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "leads outside" in err and SECRET not in err
    ds = load_dataset_with([folder], base=dataset, check_excerpts=False)
    with pytest.raises(DocumentError, match="leads outside"):
        load_documents(ds)
    assert "evil" not in load_documents(ds, strict=False).docs


# -- writers: dangling links, planted links, control characters ----------------------------------------
def test_an_export_through_a_dangling_link_is_refused(tmp_path, capsys):
    where = tmp_path / "elsewhere"
    where.mkdir()
    link = tmp_path / "map.png"
    link.symlink_to(where / "made.png")
    assert main(["export", "--layout", "4+4+1+5", "--dpi", "96", "--out", str(link)]) == 2
    assert "leads nowhere" in capsys.readouterr().err and list(where.iterdir()) == []


def test_a_project_saved_through_a_dangling_link_is_refused(tmp_path, geodata, dataset):
    link = tmp_path / "p.hzmap"
    link.symlink_to(tmp_path / "gone" / "p.hzmap")
    with pytest.raises(ProjectError, match="leads nowhere"):
        _session(geodata, dataset).save(link)
    assert not (tmp_path / "gone").exists()


