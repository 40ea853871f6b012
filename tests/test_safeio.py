"""safeio, the one way hzmap reads a file it did not write: what a user sees for each bad file."""
import errno
import os
import socket
import time

import pytest

from hzmap.model.files import safeio
from hzmap.model.files.safeio import FileProblem, read_bytes, read_text, snippet

MB = 1024 * 1024


def problem(call) -> FileProblem:
    t0 = time.perf_counter()
    with pytest.raises(FileProblem) as info:
        call()
    assert time.perf_counter() - t0 < 2, "a refusal must be immediate"
    return info.value


def test_a_regular_file_is_read_whole(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 3000)
    assert read_bytes(path, 3000) == b"x" * 3000


@pytest.mark.parametrize("make, says", [
    (lambda p: os.mkfifo(p), "named pipe (FIFO), not a regular file"),
    (lambda p: p.symlink_to("/dev/zero"), "character device, not a regular file"),
    (lambda p: p.mkdir(), "folder, not a regular file"),
    (lambda p: (p.parent / "real_dir").mkdir() or p.symlink_to(p.parent / "real_dir"), "folder"),
    (lambda p: p.symlink_to(p.parent / "nowhere"), "was not found"),
    (lambda p: p.symlink_to(p), "leads in a circle"),
])
def test_what_is_not_a_regular_file_is_named_at_once(tmp_path, make, says):
    path = tmp_path / "layout.yaml"
    make(path)
    exc = problem(lambda: read_bytes(path, MB, what="dataset file"))
    assert str(exc).startswith(f"{path}: ") and says in str(exc) and exc.path == str(path)


def test_a_socket_is_not_a_regular_file(tmp_path):
    path = tmp_path / "s.yaml"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        exc = problem(lambda: read_bytes(path, MB))
    assert "socket" in str(exc) and exc.kind == "not-regular"


def test_the_limit_counts_bytes_read_not_what_stat_says(tmp_path, monkeypatch):
    path = tmp_path / "grows.yaml"
    path.write_bytes(b"y" * (3 * MB))
    real_fstat = os.fstat

    class Shrunk:  # a file whose stat claims 0 bytes, like /proc files and /dev/zero behind a link
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, 0
    monkeypatch.setattr(safeio.os, "fstat", lambda fd: Shrunk(real_fstat(fd)))
    exc = problem(lambda: read_bytes(path, MB, what="project file"))
    assert "project file is over 1 MB; files over 1 MB are refused" in str(exc)


def test_a_huge_sparse_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.gpkg"
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * MB)  # 50 GB of nothing
    exc = problem(lambda: read_bytes(path, 5 * MB, what="geodata file"))
    assert "geodata file is 50 GB; files over 5 MB are refused" in str(exc)


def test_an_io_error_while_reading_names_the_file(tmp_path, monkeypatch):
    path = tmp_path / "plans.yaml"
    path.write_bytes(b"plans: []\n")

    def failing(fd, n):
        raise OSError(errno.EIO, "Input/output error")
    monkeypatch.setattr(safeio.os, "read", failing)
    exc = problem(lambda: read_bytes(path, MB))
    assert str(exc) == f"{path}: the file cannot be read (Input/output error)"


def test_permission_denied_names_the_file(tmp_path, monkeypatch):
    path = tmp_path / "plans.yaml"
    path.write_bytes(b"plans: []\n")

    def denied(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(safeio.os, "open", denied)
    assert "permission denied" in str(problem(lambda: read_bytes(path, MB)))


@pytest.mark.parametrize("data, says", [
    ("杭州市滨江区\n名称: 钱塘\n".encode("gbk"), "GBK/GB18030"),
    ("杭州市滨江区\n".encode("gb18030"), "GBK/GB18030"),
    ("名称: 杭州\n".encode("utf-16"), "UTF-16"),
    ("names: [a, b]\n".encode("utf-16-le"), "UTF-16"),
    ("名称: 杭州\n".encode("utf-32"), "UTF-32"),
    ("Ségur, Köln and café\n".encode("latin-1"), "Latin-1"),
    (b"places:\n  - id: a\x00b\n", "NUL byte at byte 17"),
])
def test_text_in_another_encoding_says_which(tmp_path, data, says):
    path = tmp_path / "t.yaml"
    path.write_bytes(data)
    exc = problem(lambda: read_text(path, MB))
    assert str(exc).startswith(f"{path}: ") and says in str(exc) and exc.kind == "encoding"


def test_utf8_with_or_without_bom_and_gbk_when_accepted(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes("\ufeff名称,杭州\n".encode("utf-8"))
    assert read_text(path, MB) == "名称,杭州\n"
    path.write_bytes("名称,杭州\n".encode("gbk"))
    assert read_text(path, MB, encodings=("utf-8", "gb18030")) == "名称,杭州\n"


def test_snippet_is_bounded_whatever_the_value():
    bomb = ["lol"] * 10
    for _ in range(9):  # what a YAML alias bomb expands to: 10**10 items by reference
        bomb = [bomb] * 10
    t0 = time.perf_counter()
    shown = snippet(bomb, 60)
    assert len(shown) <= 60 and shown.startswith("[[[[") and time.perf_counter() - t0 < 0.1
    loop = []
    loop.append(loop)
    assert len(snippet(loop, 40)) <= 40
    assert snippet(1 << 19999) == "<a 20000-bit integer>"
    assert snippet({"id": "滨江", "n": 1}) == "{'id': '滨江', 'n': 1}"
    assert len(snippet("x" * 10_000_000, 30)) == 30


def test_problems_survive_a_worker_process():
    import pickle

    from hzmap.model.dataset import DatasetError
    exc = pickle.loads(pickle.dumps(FileProblem("/d/a.yaml", "the file is a folder", "not-regular")))
    assert (str(exc), exc.kind) == ("/d/a.yaml: the file is a folder", "not-regular")
    err = pickle.loads(pickle.dumps(DatasetError(["a.yaml: invalid YAML"], None)))
    assert err.problems == ["a.yaml: invalid YAML"] and str(err).endswith("a.yaml: invalid YAML")
