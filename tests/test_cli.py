"""The command line: validate, query, --version, files to open and the exit codes (no Qt)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hzmap.cli.main import COMMANDS, main

REPO = Path(__file__).resolve().parents[1]


def test_validate_project_dataset(capsys):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Dataset OK")
    for word in ("plan", "layouts", "elements", "places", "measures", "targets", "dt2024",
                 "st2021", "open2018", "ps2024", "nst2021"):
        assert word in out
    row = next(line for line in out.splitlines() if line.strip().startswith("dt2024"))
    assert row.split()[4] == "23"          # layouts elements places measures targets


def test_validate_a_folder(tmp_path, capsys):
    root = tmp_path / "ds"
    (root / "layouts").mkdir(parents=True)
    shutil.copy(REPO / "geodata/dataset/plans.yaml", root / "plans.yaml")
    assert main(["validate", str(root)]) == 0
    assert "Dataset OK" in capsys.readouterr().out

    (root / "layouts/bad.yaml").write_text(
        "id: x\nplan: dt2024\nname: n\nname_en: n\n"
        "source: {doc: dt2024, section: '一', excerpt: 构建“4+4+1+5”空间发展格局}\n"
        "elements:\n  - id: lead4\n    kind: group\n    name: a\n    name_en: a\n"
        "    literal: 滨江区\n    districts: [binjian]\n    function: f\n    role_en: r\n"
        "    geometry: {type: districts}\n"
        "    source: {doc: dt2024, section: '一', excerpt: 构建“4+4+1+5”空间发展格局}\n",
        encoding="utf-8")
    assert main(["validate", str(root)]) == 1
    cap = capsys.readouterr()
    assert "Traceback" not in cap.err
    assert "layouts/bad.yaml: element 'lead4': districts member 'binjian' is not a district id" \
        in cap.err


def test_query_json_parses(capsys):
    assert main(["query", "钱塘区", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "district" and data["district"]["id"] == "qiantang"
    layouts = {r["layout"]["id"] for g in data["roles_by_plan"] for r in g["items"]}
    assert "dt_4415" in layouts


def test_query_short_name(capsys):
    assert main(["query", "滨江"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("滨江区")
    for part in ("Roles by plan", "4+4+1+5", "Measures naming it", "Targets",
                 "数字贸易强市三年行动计划 §", "(牵头)"):
        assert part in out


def test_query_place(capsys):
    assert main(["query", "临空经济示范区"]) == 0
    out = capsys.readouterr().out
    assert "杭州临空经济示范区" in out and "萧山区" in out and "10. 招引一批数字贸易总部企业" in out


def test_query_unknown_suggests(capsys):
    assert main(["query", "滨将区"]) == 2                      # a name the data does not have
    err = capsys.readouterr().err
    assert err.startswith("no district or place named 滨将区; did you mean: 滨江区")


def test_commands_are_registered():
    assert {"query", "validate"} <= set(COMMANDS)


def test_python_m_hzmap_runs():
    r = subprocess.run([sys.executable, "-m", "hzmap", "query", "bj"], cwd=REPO,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("滨江区")


def fake_window(monkeypatch) -> list:
    """hzmap.ui.app replaced by one that records the files it would open."""
    import types
    calls = []
    fake = types.ModuleType("hzmap.ui.app")
    fake.run = lambda files=(): calls.append(list(files)) or 0
    monkeypatch.setitem(sys.modules, "hzmap.ui.app", fake)
    import hzmap.ui
    monkeypatch.setattr(hzmap.ui, "app", fake, raising=False)
    return calls


def test_no_command_launches_the_gui(monkeypatch):
    calls = fake_window(monkeypatch)
    assert main([]) == 0 and calls == [[]]


def test_a_file_on_the_command_line_opens_in_the_window(monkeypatch, tmp_path):
    calls = fake_window(monkeypatch)
    project = tmp_path / "plan.hzmap"
    project.write_text("{}")
    assert main([str(project)]) == 0 and calls == [[str(project)]]
    assert main(["validate", str(tmp_path / "none")]) != 0 and len(calls) == 1  # a command stays a command


def test_a_mistyped_file_name_says_no_such_file_and_opens_nothing(monkeypatch, tmp_path, capsys):
    calls = fake_window(monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.hzmap").write_text("{}")
    assert main(["plan.hzmp"]) == 2
    assert capsys.readouterr().err == "hzmap: no such file: plan.hzmp\n"
    assert main(["plan.hzmap", "项目.csv"]) == 2              # all of them, or none
    assert capsys.readouterr().err == "hzmap: no such file: 项目.csv\n"
    (tmp_path / "layers").mkdir()
    assert main(["layers"]) == 2
    assert capsys.readouterr().err == "hzmap: not a file: layers\n"
    assert main(["exprot", "--out", "m.png"]) == 2             # a command mistyped
    assert "no such file: exprot (or did you mean the command export?)" in capsys.readouterr().err
    assert calls == []


def test_version(capsys):
    import hzmap
    from importlib.metadata import version

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"hzmap {hzmap.__version__}\n"
    assert hzmap.__version__ == version("hzmap")               # the one the package was built with
    r = subprocess.run([sys.executable, "-m", "hzmap", "--version"], cwd=REPO, capture_output=True,
                       text=True, timeout=60)
    assert (r.returncode, r.stdout) == (0, f"hzmap {hzmap.__version__}\n"), r.stderr


# -- exit codes ---------------------------------------------------------------------------------
def test_the_exit_codes_are_one_table_in_help_and_readme(capsys):
    from hzmap.cli.exit_codes import EXIT_CODES

    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = capsys.readouterr().out
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows = {int(code): meaning for code, meaning in re.findall(r"^\| (\d+) \| (.+) \|$", readme, re.M)}
    assert rows == dict(EXIT_CODES)
    listed = " ".join(help_text.split("exit codes:")[1].split())
    assert listed == " ".join(f"{code} {meaning}" for code, meaning in EXIT_CODES)
    # and they are named, not written as numbers, wherever a command returns one
    for path in (REPO / "hzmap/cli").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"return\s+\d", text), path.name
        assert path.name == "exit_codes.py" or not re.search(r"^EXIT_\w+\s*=", text, re.M), path.name


def test_validate_tells_problems_in_the_data_from_a_folder_that_is_not_there(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "none")]) == 2
    assert capsys.readouterr().err == f"hzmap validate: no such folder: {tmp_path / 'none'}\n"


def test_ctrl_c_exits_130(monkeypatch):
    def interrupted(_args):
        raise KeyboardInterrupt
    help_text, add_arguments, _run = COMMANDS["query"]
    monkeypatch.setitem(COMMANDS, "query", (help_text, add_arguments, interrupted))
    assert main(["query", "滨江"]) == 130
