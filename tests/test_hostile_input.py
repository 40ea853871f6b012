"""Hostile files for every loader hzmap owns (the dataset, geodata, gazetteer, projects, plan
documents to import, user layers): each returns within a bounded time (and, in a subprocess,
within bounded memory) with a message naming the file, never a traceback or a hang.

The files: alias bombs (also one hidden in a measure's `sectors`), FIFOs, /dev/zero links,
folders and links to them, broken and circular links, a 50 GB sparse file, every encoding,
truncation at a sampled byte, deep nesting, NUL bytes and random bytes.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hzmap.model.dataset import DatasetError, load_dataset
from hzmap.model.geo.gazetteer import GazetteerError, load_gazetteer
from hzmap.model.geo.geodata import GeodataError, load_geodata
from hzmap.model.layers.errors import LayerError
from hzmap.model.layers.reader import open_path
from hzmap.model.plan_import.reading import PlanReadError, read_document
from hzmap.model.session.project import load_project
from hzmap.paths import data_root

SECONDS = 5  # each load; they take milliseconds
HOSTILE = settings(max_examples=50, deadline=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture])
GOOD_PLAN = "杭州市数字贸易三年行动计划\n一、总体要求\n（一）构建“一核两翼”格局。支持滨江区建设数字贸易示范区。\n".encode()
GOOD_CSV = "名称,经度,纬度\n重点项目,120.21,30.25\n".encode()
GOOD_PROJECT = (b'{"format": "hzmap-project", "version": 1, "view": {"name": "city"}, "layout": null, '
                b'"annotations": [{"id": "a1", "kind": "text", "points": [[500100.5, 3340200.2]], '
                b'"text": "\xe9\x92\xb1\xe6\xb1\x9f\xe6\x96\xb0\xe5\x9f\x8e"}]}\n')


def bomb(depth: int = 10, width: int = 10) -> str:
    """A flow sequence whose last alias stands for width**depth items ("billion laughs")."""
    levels = [f"&a0 [{', '.join(['lol'] * width)}]"]
    levels += [f"&a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, depth)]
    return "[" + ", ".join(levels) + "]"


# -- the loaders ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def root(tmp_path_factory):
    """A small clean dataset (plans, places, one measures file), districts, gazetteer, geodata."""
    root = tmp_path_factory.mktemp("hostile")
    src = data_root()
    (root / "dataset" / "measures").mkdir(parents=True)
    shutil.copy(src / "dataset" / "plans.yaml", root / "dataset")
    shutil.copytree(src / "dataset" / "places", root / "dataset" / "places")
    shutil.copy(src / "dataset" / "measures" / "dt2024.yaml", root / "dataset" / "measures")
    for name in ("districts.csv", "gazetteer.yaml", "hangzhou.gpkg"):
        shutil.copy(src / name, root)
    (root / "p.hzmap").write_bytes(GOOD_PROJECT)
    (root / "plan.txt").write_bytes(GOOD_PLAN)
    (root / "points.csv").write_bytes(GOOD_CSV)
    load_dataset(root, check_excerpts=False)  # the untouched files are clean
    return root


def _dataset(root: Path) -> list[str]:
    try:
        load_dataset(root, check_excerpts=False)
    except DatasetError as e:
        assert len(str(e).splitlines()) < 60, "the message is bounded"
        return e.problems
    return []


def _one(error, call) -> list[str]:
    try:
        call()
    except error as e:
        return [str(e)]
    return []


LOADERS = {  # name -> (file attacked, how it is named in messages, load -> messages)
    "dataset": ("dataset/measures/dt2024.yaml", "measures/dt2024.yaml", _dataset),
    "districts": ("districts.csv", "districts.csv", _dataset),
    "gazetteer": ("gazetteer.yaml", None, lambda r: _one(GazetteerError, lambda: load_gazetteer(root=r))),
    "geodata": ("hangzhou.gpkg", None, lambda r: _one(GeodataError, lambda: load_geodata(r / "hangzhou.gpkg"))),
    "project": ("p.hzmap", None, lambda r: load_project(r / "p.hzmap")[1]),
    "plan": ("plan.txt", "plan.txt", lambda r: _one(PlanReadError, lambda: read_document(r / "plan.txt"))),
    "layer": ("points.csv", None, lambda r: _layer(r / "points.csv")),
}


def _layer(path) -> list[str]:
    """A layer file's refusal, or the rows it left out (a stray NUL line is named and left out,
    hzmap.model.layers.textio), as the Add layer dialog shows them under the file's name."""
    try:
        data = open_path(path, _geo())
    except LayerError as e:
        return [str(e)]
    return [f"{path}: {note}" for note in data.notes if "left out" in note]


def _geo():
    if not _GEO:
        _GEO.append(load_geodata())
    return _GEO[0]


_GEO: list = []


# -- the hostile files ------------------------------------------------------------------------
SPECIALS = ("fifo", "devzero", "dir", "dirlink", "dangling", "loop", "sparse")
ENCODINGS = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "gbk", "gb18030", "latin-1", "utf-8-sig")
recipes = st.one_of(
    st.tuples(st.just("bomb"), st.integers(4, 12), st.sampled_from(["top", "sectors"])),
    st.tuples(st.just("special"), st.sampled_from(SPECIALS)),
    st.tuples(st.just("encoding"), st.sampled_from(ENCODINGS)),
    st.tuples(st.just("truncate"), st.floats(0, 1)),
    st.tuples(st.just("nest"), st.integers(60, 3000), st.sampled_from(["[", "{a: ", "- "])),
    st.tuples(st.just("nul"), st.floats(0, 1)),
    st.tuples(st.just("garbage"), st.binary(max_size=300)),
)


def _clear(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()


def install(path: Path, recipe: tuple, good: bytes) -> None:
    """Put the hostile file `recipe` describes at `path` (instead of the good content)."""
    _clear(path)
    kind, *arg = recipe
    if kind == "special":
        what = arg[0]
        if what == "fifo":
            os.mkfifo(path)
        elif what == "devzero":
            path.symlink_to("/dev/zero")
        elif what == "dir":
            path.mkdir()
        elif what == "dirlink":
            path.symlink_to(path.parent)
        elif what == "dangling":
            path.symlink_to(path.parent / "no such file")
        elif what == "loop":
            path.symlink_to(path)
        else:
            with open(path, "wb") as fh:
                fh.truncate(50 << 30)
        return
    text = good.decode("utf-8", "replace")
    if kind == "bomb":
        depth, where = arg
        if where == "sectors" and "sectors:" in text:
            data = text.replace("sectors: [", f"sectors: [{bomb(depth)}, ", 1).encode()
        else:
            data = f"plan: dt2024\nmeasures: []\nlol: {bomb(depth)}\n".encode()
    elif kind == "encoding":
        data = (text + "\n# Ségur café 杭州\n").encode(arg[0], "replace")
    elif kind == "truncate":
        data = good[:int(arg[0] * len(good))]
    elif kind == "nest":
        depth, opener = arg
        if opener == "- ":
            data = "".join("  " * i + "- \n" for i in range(min(depth, 1200))).encode()
        else:
            data = (opener * depth + "x" + ("]" if opener == "[" else "}") * depth).encode()
    elif kind == "nul":
        at = int(arg[0] * len(good))
        data = good[:at] + b"\x00" + good[at:]
    else:
        data = arg[0]
    path.write_bytes(data)


@contextlib.contextmanager
def within(seconds: float):
    """Fail (not hang) when the body takes longer: a FIFO's open() is interrupted too."""
    def expired(*_):
        raise TimeoutError(f"took longer than {seconds} s")
    old = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def check(root: Path, loader: str, recipe: tuple) -> tuple[list[str], str]:
    """The loader's messages for the hostile file, and the name they must show."""
    rel, named, load = LOADERS[loader]
    path = root / rel
    good = path.read_bytes()
    try:
        install(path, recipe, good)
        with within(SECONDS):
            messages = load(root)
    finally:
        _clear(path)
        path.write_bytes(good)
    return messages, (named or str(path))


def must_fail(loader: str, recipe: tuple) -> bool:
    """Recipes a loader may not accept (a truncated or re-encoded file may still be valid, and
    a NUL byte past a GeoPackage's last page is harmless)."""
    kind = recipe[0]
    if loader == "geodata":
        return kind == "special"
    if loader in ("plan", "layer"):  # text: any encoding with a mark, GBK and odd content may pass
        return kind in ("special", "nul")
    return kind in ("special", "nul") or (kind == "bomb" and recipe[1] >= 6) \
        or (kind == "encoding" and recipe[1] != "utf-8-sig")


@pytest.mark.parametrize("loader", sorted(LOADERS))
@HOSTILE
@given(recipe=recipes)
@example(recipe=("nul", 1.0))         # a NUL line after the last row: left out and named
@example(recipe=("nul", 0.0))
def test_a_hostile_file_gets_a_message_naming_it(root, loader, recipe):
    messages, name = check(root, loader, recipe)
    if must_fail(loader, recipe):
        assert messages, f"{recipe} was accepted by the {loader} loader"
    assert all(isinstance(m, str) for m in messages)
    if messages:
        assert any(name in m for m in messages), messages[:3]


@pytest.mark.parametrize("loader", sorted(LOADERS))
@pytest.mark.parametrize("special", SPECIALS)
def test_every_special_file_is_refused_by_every_loader(root, loader, special):
    messages, name = check(root, loader, ("special", special))
    assert messages and name in messages[0]
    assert any(w in messages[0] for w in ("not a regular file", "not found", "circle", "refused",
                                          "may take long"))  # a user layer over 1 GB: the window asks


# -- memory: the same files in a process that may not grow by more than 400 MB ----------------
_WORKER = textwrap.dedent("""
    import resource, sys, time
    sys.path.insert(0, {tests!r})
    import test_hostile_input as h
    from pathlib import Path
    root = Path({root!r})
    vm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmSize"))
    limit = vm * 1024 + (400 << 20)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    for loader in sorted(h.LOADERS):
        for recipe in [("bomb", 12, "top"), ("bomb", 12, "sectors"), ("special", "devzero"),
                       ("special", "sparse"), ("nest", 990, "["), ("encoding", "utf-16")]:
            t0 = time.perf_counter()
            messages, name = h.check(root, loader, recipe)
            if h.must_fail(loader, recipe) or messages:
                assert messages and any(name in m for m in messages), (loader, recipe, messages[:2])
            print(loader, recipe, f"{{time.perf_counter() - t0:.2f}}s", messages[0][-90:] if messages else "read")
""")


def test_hostile_files_stay_within_memory(root):
    code = _WORKER.format(tests=str(Path(__file__).parent), root=str(root))
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    assert len(run.stdout.splitlines()) == 6 * len(LOADERS)
