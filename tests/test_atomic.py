"""One atomic writer for every file hzmap saves: what the user pointed at is what changes."""
import os
import stat

import pytest

from hzmap.model.files.atomic import write_atomic


def test_writes_whole_file_with_the_users_normal_mode(tmp_path):
    path = tmp_path / "out.csv"
    write_atomic(path, b"a,b\n")
    assert path.read_bytes() == b"a,b\n"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask
    assert os.listdir(tmp_path) == ["out.csv"]


def test_a_symlink_stays_a_link_and_its_target_is_updated(tmp_path):
    real = tmp_path / "real.hzmap"
    real.write_bytes(b"old")
    link = tmp_path / "link.hzmap"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_an_existing_file_keeps_its_mode(tmp_path):
    path = tmp_path / "shared.png"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomic(path, lambda fh: fh.write(b"new"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_read_only_file_is_refused_not_replaced(tmp_path):
    path = tmp_path / "final.pdf"
    path.write_bytes(b"keep me")
    path.chmod(0o444)
    with pytest.raises(PermissionError):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"keep me"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_a_failing_writer_leaves_the_earlier_file_and_no_temp(tmp_path):
    path = tmp_path / "map.png"
    path.write_bytes(b"good")

    def boom(fh):
        fh.write(b"half")
        raise RuntimeError("renderer failed")
    with pytest.raises(RuntimeError):
        write_atomic(path, boom)
    assert path.read_bytes() == b"good"
    assert os.listdir(tmp_path) == ["map.png"]
