"""kill -9 in the middle of a save or an export: the earlier good file is still there, whole."""
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SLOW_FSYNC = """
import os, sys, threading
real_fsync = os.fsync
def slow_fsync(fd):           # the new file is written; the process is killed before it replaces the old
    print("WRITING", flush=True)
    threading.Event().wait()  # until the test kills it
    real_fsync(fd)
os.fsync = slow_fsync
"""

SAVE_PROJECT = SLOW_FSYNC + """
from hzmap.model.session.annotations import make
from hzmap.model.geo.geodata import to_map
from hzmap.model.session.project import Project, save_project
anns = [make("text", [to_map(120.2, 30.25)], "新的注释 %d" % i) for i in range(200)]
save_project(sys.argv[1], Project(layout="dt_4415", annotations=anns))
"""

EXPORT_MAP = SLOW_FSYNC + """
from hzmap.cli.main import main
main(["export", "--layout", "4+4+1+5", "--dpi", "96", "--out", sys.argv[1]])
"""


def _killed_while_writing(script: str, target: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), str(target)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    try:
        line = proc.stdout.readline()
        assert line.startswith("WRITING"), proc.stderr.read()[-2000:]
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("script, name, good", [
    (SAVE_PROJECT, "meeting.hzmap", b'{"format": "hzmap-project", "version": 1}\n'),
    (EXPORT_MAP, "map.png", b"\x89PNG the earlier good export"),
])
def test_kill_9_during_the_write_keeps_the_earlier_file(tmp_path, script, name, good):
    target = tmp_path / name
    target.write_bytes(good)
    _killed_while_writing(script, target)
    assert target.read_bytes() == good                          # untouched, whole
    others = [p.name for p in tmp_path.iterdir() if p != target]
    assert all(p.startswith(".") and p.endswith(".part") for p in others), others  # only a hidden temp
