"""The tree stays one a newcomer reads in one look: features in folders of their own, modules
short enough to read whole, one language mechanism, tests that wait on conditions, and
README's tree naming every folder of the package (and no folder that is not there)."""
import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "hzmap"
MAX_LINES = 350


def _modules():
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_of_the_package_is_over_350_lines():
    long = {str(p.relative_to(ROOT)): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long


def test_the_ui_root_holds_at_most_three_modules():
    assert len(list((PACKAGE / "ui").glob("*.py"))) <= 3


def _defines(path: Path, name: str) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == name for n in ast.walk(tree))


def test_language_changes_are_handled_in_one_place():
    defining = [str(p.relative_to(ROOT)) for p in _modules() if _defines(p, "changeEvent")]
    assert len(defining) <= 2, defining


def test_the_default_tests_wait_on_conditions_not_on_time():
    slow_only = {"test_soak.py"}
    sleeping = [p.name for p in (ROOT / "tests").glob("*.py")
                if p.name not in slow_only and re.search(r"\btime\.sleep\(|\bsleep\(", p.read_text(encoding="utf-8"))
                and p.name != Path(__file__).name]
    assert not sleeping, sleeping


def test_readme_s_tree_names_every_folder_of_the_package_and_only_those():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Repository", 1)[1].split("```", 2)[1]
    named, stack = set(), []
    for line in block.splitlines():
        m = re.match(r"^( *)([a-z_]+)/\s", line + " ")
        if not m:
            continue
        depth = len(m.group(1)) // 2
        stack[depth:] = [m.group(2)]
        named.add("/".join(stack))
    folders = {"hzmap"} | {str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*")
                          if p.is_dir() and (p / "__init__.py").exists()}
    in_package = {n for n in named if n.startswith("hzmap")}
    assert folders - in_package == set(), f"not in README's tree: {sorted(folders - in_package)}"
    assert in_package - folders == set(), f"in README's tree, not in the package: {sorted(in_package - folders)}"
