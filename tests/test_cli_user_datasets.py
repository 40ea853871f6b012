"""The command line sees what the window sees: a plan imported and saved in the window (a
dataset in the user data folder) is there for export, query, dossier, deck and cite; a broken
one is named and left out; --dataset DIR names one explicitly."""
import re

import pytest

from hzmap.cli.main import main
from hzmap.model.plan_import import draft_plan, pasted, write_draft
from hzmap.paths import user_data_dir
from sample_plan import LAYOUT

PLAN = LAYOUT


def _saved(dataset, folder):
    """What File › Import plan and Save leave: the accepted records as a dataset folder."""
    d = draft_plan(pasted(PLAN), dataset)
    d.accept_all()
    write_draft(d, folder, only_accepted=True)
    return d.layouts[0].id, d.layouts[0].data["name"]


def test_user_data_folder_is_the_one_qt_names(qapp):
    from PySide6.QtCore import QStandardPaths
    names = qapp.applicationName(), qapp.organizationName()
    qapp.setApplicationName("hzmap")
    qapp.setOrganizationName("hzmap")
    try:
        assert str(user_data_dir()) == QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    finally:
        qapp.setApplicationName(names[0])
        qapp.setOrganizationName(names[1])


def test_an_imported_plan_is_in_export_query_and_dossier(dataset, tmp_path, capsys):
    lay_id, name = _saved(dataset, user_data_dir() / "datasets" / "low_altitude")
    assert main(["export", "--layout", lay_id, "--dpi", "96", "--out", str(tmp_path / "m.png")]) == 0
    assert main(["export", "--layout", name, "--dpi", "96", "--out", str(tmp_path / "n.png")]) == 0
    capsys.readouterr()
    assert main(["query", "滨江区", "--json"]) == 0
    assert name in capsys.readouterr().out                    # its role in 滨江区
    assert main(["dossier", "萧山区", "--layout", lay_id, "--out", str(tmp_path / "x.pdf")]) == 0
    assert main(["validate"]) == 0
    assert "low_altitude: OK" in capsys.readouterr().out


def test_a_broken_user_dataset_is_named_and_left_out(dataset, tmp_path, capsys):
    _saved(dataset, user_data_dir() / "datasets" / "good")
    broken = user_data_dir() / "datasets" / "broken"
    broken.mkdir(parents=True)
    (broken / "plans.yaml").write_text("plans: [\n", encoding="utf-8")
    assert main(["export", "--layout", "4+4+1+5", "--dpi", "96", "--out", str(tmp_path / "m.png")]) == 0
    err = capsys.readouterr().err
    assert "your dataset broken is left out" in err and "hzmap validate" in err
    assert main(["query", "滨江区", "--json"]) == 0
    out = capsys.readouterr()
    assert "一廊两核三区" in out.out and "broken is left out" in out.err   # the good one is in
    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert "good: OK" in out and re.search(r"broken: \d+ problem\(s\), left out", out)


def test_dataset_dir_names_a_draft_explicitly(dataset, tmp_path, capsys):
    lay_id, name = _saved(dataset, tmp_path / "draft")
    out = str(tmp_path / "m.png")
    assert main(["export", "--layout", lay_id, "--dpi", "96", "--out", out]) == 2
    assert "no layout" in capsys.readouterr().err
    assert main(["export", "--dataset", str(tmp_path / "draft"), "--layout", lay_id, "--dpi", "96",
                 "--out", out]) == 0
    assert main(["query", "--dataset", str(tmp_path / "draft"), "钱塘区"]) == 0
    assert name in capsys.readouterr().out
    assert main(["export", "--dataset", str(tmp_path / "nowhere"), "--out", out]) == 1
    assert "no such folder" in capsys.readouterr().err
