"""What README.md and docs/ promise about files, keys and figures is true: every example file
in docs/ loads, every shortcut README names is bound, the performance table says when and
where it was measured, and no shipped text carries one machine's absolute path. (The commands
README and docs/ show are run by tests/test_readme_commands.py.)"""
import json
import re
import subprocess
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def fences(path: Path, lang: str):
    """The fenced code blocks of `path` in language `lang`, as CommonMark reads them."""
    tokens = MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8"))
    return [t.content for t in tokens if t.type == "fence" and t.info.strip().split(" ")[0] == lang]


# -- example files --------------------------------------------------------------------------

def _json_examples():
    for path in DOCS:
        for i, block in enumerate(fences(path, "json")):
            yield pytest.param(path, block, id=f"{path.name}#{i}")


@pytest.mark.parametrize("path, block", list(_json_examples()))
def test_every_json_example_in_the_docs_loads(path, block, dataset, tmp_path):
    data = json.loads(block)
    if data.get("format") == "hzmap-project":
        from hzmap.model.session.project import load_project
        (tmp_path / "example.hzmap").write_text(block, encoding="utf-8")
        proj, problems = load_project(tmp_path / "example.hzmap", known_layouts=set(dataset.layouts),
                                      known_districts=set(dataset.districts),
                                      known_places=set(dataset.places))
        assert proj is not None and problems == [], problems
        assert len(proj.annotations) == len(data["annotations"])
    else:                               # a user layer's entry (docs/user-layers.md)
        from hzmap.model.layers.persist import layer_from_dict
        loaded = layer_from_dict(data, tmp_path)
        assert loaded.state.id == data["id"] and loaded.link.status == "missing"
        assert loaded.state.source.path.name == Path(data["source"]["path"]).name


def test_the_project_example_s_notes_sit_where_the_text_says(dataset, geodata):
    """钱江新城 is in 上城区 and the callout points at the 高新区 in 滨江区."""
    from shapely.geometry import Point
    [block] = [b for b in fences(ROOT / "docs" / "project-format.md", "json") if "hzmap-project" in b]
    notes = {a["text"]: a["points"] for a in json.loads(block)["annotations"]}
    district = lambda xy: next(d for d, f in geodata.districts.items() if f.geometry.contains(Point(xy)))  # noqa: E731
    assert district(notes["钱江新城 CBD"][0]) == "shangcheng"
    assert district(notes["高新区"][1]) == "binjiang"


# -- shortcuts --------------------------------------------------------------------------------

KEY = re.compile(r"\b(?:Ctrl\+(?:Shift\+)?[A-Z0-9]|F\d{1,2})\b|\bEsc\b")


def _readme_keys() -> set[str]:
    keys = set()
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        if "interrupted" in line:     # the terminal's Ctrl+C in the exit codes table
            continue
        keys |= set(KEY.findall(line))
    return keys


def test_every_shortcut_readme_names_is_bound_in_the_window(open_window, geodata, dataset):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QWidget

    named = _readme_keys()
    assert {"Ctrl+1", "Ctrl+E", "F5", "Esc", "Ctrl+Shift+L"} <= named       # the reading works
    win = open_window(geodata, dataset)
    bound = {k.toString() for w in [win, *win.findChildren(QWidget)] for a in w.actions()
             for k in a.shortcuts()}
    assert {QKeySequence(k).toString() for k in named} <= bound, named - bound


def test_the_presentation_keys_readme_names_step_the_tour():
    from PySide6.QtCore import Qt

    from hzmap.ui.present.keys import NEXT_KEYS, PRESENTER_KEYS, PREV_KEYS
    assert {Qt.Key_Right, Qt.Key_PageDown} <= NEXT_KEYS and {Qt.Key_Left, Qt.Key_PageUp} <= PREV_KEYS
    assert {Qt.Key_Home, Qt.Key_End, Qt.Key_S, Qt.Key_L, Qt.Key_H, Qt.Key_D, Qt.Key_Escape} <= PRESENTER_KEYS


# -- figures ------------------------------------------------------------------------------------

def _git(*args) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout if out.returncode == 0 else None


def test_the_performance_table_says_when_and_where_or_is_newer_than_the_benchmarks():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Performance"):]
    section = section[:section.index("\n## ", 3)] if "\n## " in section[3:] else section
    said = re.search(r"[Mm]easured on (\d{4}-\d{2}-\d{2}) on (a|an|the) [^.]*machine", section)
    if said:
        return
    lines = text[:text.index("## Performance")].count("\n") + 1
    blame = _git("blame", "--porcelain", "-L", f"{lines},+{section.count(chr(10))}", "README.md")
    changed = _git("log", "-1", "--no-merges", "--format=%ct", "--", "benchmarks/")
    if blame is None or not changed:
        pytest.fail("README's Performance section does not say when and where it was measured")
    table = max(int(m) for m in re.findall(r"^committer-time (\d+)", blame, re.M))
    assert table >= int(changed), ("the benchmarks changed after README's performance table: "
                                   "re-measure, or say when and where it was measured")


# -- no machine's paths -----------------------------------------------------------------------

SHIPPED = ["README.md", "docs", "geodata/SOURCES.md", "geodata/sources/PROVENANCE.md",
           "geodata/sources/README.md", "geodata/dataset/SCHEMA.md", "resources", "packaging"]
TEXT = {".md", ".txt", ".py", ".spec", ".desktop", ".xml", ".ts", ".yaml", ".json", ".toml", ".sh", ".cfg"}
# one machine's folders: a home, a root's home, a CI or build folder, a temp folder, a venv
MACHINE = re.compile(r"(?<![\w.~$])(?:/home/(?!planner/)\w|/root/|/work/|/Users/|/tmp/|/opt/|"
                     r"[A-Za-z]:\\\\?Users\\|/venv/bin/)")


def _shipped_files():
    for name in SHIPPED:
        path = ROOT / name
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        yield from (p for p in files if p.suffix in TEXT and "__pycache__" not in p.parts)


def test_no_shipped_text_carries_a_machine_s_absolute_path():
    found = [f"{p.relative_to(ROOT)}:{n}: {line.strip()[:80]}" for p in _shipped_files()
             for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
             if MACHINE.search(line)]
    assert found == []


def test_the_path_check_finds_such_a_path():
    assert MACHINE.search("/work/venv/bin/pip install x") and MACHINE.search(r"C:\Users\me\x")
    assert not MACHINE.search("~/.local/share/hzmap") and not MACHINE.search("/home/planner/data.csv")
