"""Writers write only where the planner chose, and what hzmap keeps for itself is checked before
it is trusted: planted links and control characters for install-desktop, import-plan --out over
the shipped data or an edited draft, a failed import, a poisoned parse cache, a killed save's
part, damaged dataset zips. Every file is built here."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest
from untrusted import patch_zip, write_zip

from hzmap.cli.main import main
from hzmap.model.dataset import load_dataset, parsecache, userdata
from hzmap.model.layers.store import LayerStore
from hzmap.model.session.session import Session
from hzmap.model.view.viewstate import ViewState
from hzmap.paths import data_root
from test_hostile_input import within


def _session(geodata, dataset):
    return Session(ViewState(geodata), dataset=dataset, layers=LayerStore())


def test_install_desktop_replaces_a_planted_link_and_never_writes_through_it(tmp_path):
    bashrc = tmp_path / ".bashrc"
    bashrc.write_text("precious\n")
    home = tmp_path / "share"
    (home / "applications").mkdir(parents=True)
    (home / "applications" / "hzmap.desktop").symlink_to(bashrc)
    assert main(["install-desktop", "--data-home", str(home)]) == 0
    entry = home / "applications" / "hzmap.desktop"
    assert bashrc.read_text() == "precious\n" and not entry.is_symlink() and "Exec=" in entry.read_text()


def test_install_desktop_refuses_a_planted_folder_link(tmp_path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    home = tmp_path / "share"
    (home / "icons").mkdir(parents=True)
    (home / "icons" / "hicolor").symlink_to(outside)
    assert main(["install-desktop", "--data-home", str(home)]) == 1
    assert "is a link" in capsys.readouterr().err
    assert list(outside.iterdir()) == [] and not (home / "applications").exists()  # nothing written at all


def test_install_desktop_refuses_control_characters_in_paths(tmp_path, monkeypatch, capsys):
    from hzmap.cli import desktop

    monkeypatch.setattr(desktop, "launcher", lambda: [str(tmp_path / "bin\nExec=evil") + "/hzmap"])
    home = tmp_path / "share"
    assert main(["install-desktop", "--data-home", str(home)]) == 1
    assert "control character" in capsys.readouterr().err and not (home / "applications").exists()


# -- import-plan --out ---------------------------------------------------------------------------------
PLAN = ("杭州市数字文旅发展行动计划\n一、空间布局\n构建“一核两翼”数字文旅空间格局。\n"
        "“一核”:以西湖区为核心。\n“两翼”:依托萧山区和余杭区,发展数字文旅。\n"
        "二、主要任务\n(一)建设数字文旅平台。到2026年,建成数字文旅平台10个以上。\n")


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_import_plan_never_writes_into_the_shipped_files(tmp_path, plan_file, monkeypatch, capsys):
    import hzmap.paths

    shipped = tmp_path / "shipped" / "geodata"
    shutil.copytree(data_root() / "dataset", shipped / "dataset")
    before = sorted(p.relative_to(shipped) for p in shipped.rglob("*"))
    monkeypatch.setattr(hzmap.paths, "data_root", lambda: shipped)
    for out in (shipped, shipped / "mine", shipped / "dataset"):
        assert main(["import-plan", str(plan_file), "--out", str(out)]) == 2
        assert "shipped files" in capsys.readouterr().err
    assert sorted(p.relative_to(shipped) for p in shipped.rglob("*")) == before


def test_import_plan_does_not_replace_an_edited_draft_unless_forced(tmp_path, plan_file, capsys):
    out = tmp_path / "draft"
    assert main(["import-plan", str(plan_file), "--out", str(out), "--plan-id", "wl"]) == 0
    assert main(["import-plan", str(plan_file), "--out", str(out), "--plan-id", "wl"]) == 0  # unedited: replaced
    edited = out / "targets" / "wl.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# 我改过\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import-plan", str(plan_file), "--out", str(out), "--plan-id", "wl"]) == 1
    assert "targets/wl.yaml" in capsys.readouterr().err and "# 我改过" in edited.read_text(encoding="utf-8")
    assert main(["import-plan", str(plan_file), "--out", str(out), "--plan-id", "wl", "--force"]) == 0
    assert "# 我改过" not in edited.read_text(encoding="utf-8")


@pytest.mark.parametrize("exists", [False, True])
def test_a_failed_import_leaves_nothing_behind(tmp_path, plan_file, monkeypatch, exists):
    from hzmap.model.files import fileset

    out = tmp_path / "draft"
    if exists:
        assert main(["import-plan", str(plan_file), "--out", str(out), "--plan-id", "wl"]) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} if exists else None
    real = fileset.write_atomic
    calls = []

    def failing(path, data, **kw):  # the disk fills up at the third file
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(path, data, **kw)
    monkeypatch.setattr(fileset, "write_atomic", failing)
    if not exists:  # a new folder is staged beside it and renamed at the end: fail the rename
        monkeypatch.setattr(fileset.os, "rename", lambda a, b: (_ for _ in ()).throw(OSError(28, "No space left")))
    assert main(["import-plan", str(plan_file), "--out", str(out), "--plan-id", "wl2" if exists else "wl"]) == 1
    if exists:
        assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    else:
        assert not out.exists() and [p.name for p in tmp_path.iterdir()] == ["plan.txt"]


# -- the parse cache --------------------------------------------------------------------------------------
@pytest.fixture
def cached(tmp_path, monkeypatch):
    """A dataset copy with its plans.yaml parsed once (so it has a cache entry), and that entry."""
    monkeypatch.setenv("HZMAP_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "geodata"
    shutil.copytree(data_root() / "dataset", root / "dataset")
    shutil.copy(data_root() / "districts.csv", root)
    load_dataset(root, check_excerpts=False)
    text = (root / "dataset" / "plans.yaml").read_text(encoding="utf-8")
    return root, tmp_path / "cache" / parsecache._key(text)


def _title(root) -> str:
    return next(iter(load_dataset(root, check_excerpts=False).plans.values())).title


def test_a_poisoned_cache_entry_is_detected_and_parsed_again(cached, capsys):
    root, entry = cached
    real = _title(root)
    head, _, body = entry.read_bytes().partition(b"\n")
    poisoned = json.loads(body)
    poisoned["plans"][0]["title"] = "假标题"
    entry.write_bytes(head + b"\n" + json.dumps(poisoned, ensure_ascii=False).encode())  # valid JSON, wrong MAC
    assert _title(root) == real
    entry.write_bytes(b"42")
    assert _title(root) == real
    assert main(["validate", str(root)]) == 0 and "假标题" not in capsys.readouterr().out


def test_validate_parses_even_an_entry_that_passes_its_check(cached, capsys):
    root, entry = cached
    text = (root / "dataset" / "plans.yaml").read_text(encoding="utf-8")
    data = parsecache.get(text)
    data["plans"][0]["short_name"] = "冒名"
    parsecache.put(text, data)  # as if written by this user's own hzmap: it passes the check
    assert main(["validate", str(root)]) == 0
    assert "冒名" not in capsys.readouterr().out


def test_a_fifo_or_a_link_in_the_cache_neither_hangs_nor_is_followed(cached, tmp_path):
    root, entry = cached
    entry.unlink()
    os.mkfifo(entry)
    with within(10):
        assert _title(root)
    entry.unlink()
    target = tmp_path / "bashrc"
    target.write_text("precious\n")
    entry.symlink_to(target)
    _title(root)  # parses, writes its entry: over the link, not through it
    assert target.read_text() == "precious\n" and entry.is_file() and not entry.is_symlink()


# -- a killed save's part --------------------------------------------------------------------------------
def test_a_part_left_by_a_killed_save_is_removed_at_the_next_open(tmp_path, geodata, dataset):
    from hzmap.model.session.project import Project, save_project

    project = tmp_path / "会议.hzmap"
    save_project(project, Project())
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    part = tmp_path / f".{project.name}.{gone.pid}.abcd1234.part"
    part.write_bytes(b"half a project")
    live = tmp_path / f".{project.name}.{os.getpid()}.efgh5678.part"  # one being written now: kept
    live.write_bytes(b"being written")
    other = tmp_path / f".other.hzmap.{gone.pid}.ijkl9012.part"       # another file's: kept
    other.write_bytes(b"x")
    assert _session(geodata, dataset).open(project)[0]
    assert not part.exists() and live.exists() and other.exists()


# -- dataset zips with zip-level damage -----------------------------------------------------------------
@pytest.fixture
def shared_zip(tmp_path, dataset):
    """A planner's dataset shared as a zip, as My datasets › Share writes it."""
    from hzmap.model.plan_import import draft_plan, pasted, write_draft

    folder = tmp_path / "made" / "mine"
    write_draft(draft_plan(pasted(PLAN), dataset), folder)
    return userdata.export_zip(folder, tmp_path / "shared.zip")


@pytest.mark.parametrize("damage, says", [
    (dict(flag=0x1), "is encrypted"),
    (dict(method=9), "compressed with Deflate64"),
    (dict(corrupt=True), "is damaged"),
    (dict(size=10), "is damaged"),           # claims fewer bytes than it holds
])
def test_a_damaged_dataset_zip_names_the_entry(tmp_path, shared_zip, damage, says):
    patch_zip(shared_zip, "mine/plans.yaml", **damage)
    user = tmp_path / "user"
    with within(10), pytest.raises(userdata.UserDataError) as err:
        userdata.import_shared(shared_zip, user)
    assert "shared.zip" in str(err.value) and "'mine/plans.yaml'" in str(err.value) and says in str(err.value)
    assert userdata.list_datasets(user) == []


def test_a_member_claiming_more_than_it_holds_is_read_as_it_is(tmp_path, shared_zip):
    patch_zip(shared_zip, "mine/plans.yaml", size=400_000)  # unpacking stops at its real end, CRC checked
    installed = userdata.import_shared(shared_zip, tmp_path / "user")
    assert [d.path for d in userdata.list_datasets(tmp_path / "user")] == [installed]


def test_a_dataset_zip_bomb_is_refused_before_unpacking(tmp_path):
    path = write_zip(tmp_path / "bomb.zip", {"mine/plans.yaml": b"\x00" * (64 << 20)})
    t0 = time.monotonic()
    with pytest.raises(userdata.UserDataError, match="zip bomb"):
        userdata.import_shared(path, tmp_path / "user")
    assert time.monotonic() - t0 < 10
