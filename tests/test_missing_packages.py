"""A package hzmap imports on demand that is not there (an installation or an offline bundle built
without it): the user is told which package and what it does, never shown a traceback."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from layer_files import points_frame

from hzmap import missing
from hzmap.cli import fatal
from hzmap.model.layers import LayerError, open_path

ROOT = Path(__file__).resolve().parents[1]


def test_the_message_names_the_package_its_role_and_the_module():
    exc = ModuleNotFoundError("No module named 'lxml.etree'", name="lxml.etree")
    text = missing.message(exc)
    assert "lxml" in text and "'lxml.etree'" in text and "KML files" in text
    assert "build_bundle.py" in text
    broken = ImportError("libxslt.so.1: cannot open shared object file", name="lxml.etree")
    assert "cannot be loaded" in missing.message(broken) and "libxslt.so.1" in missing.message(broken)
    assert "python-calamine" in missing.message(ModuleNotFoundError(name="python_calamine"))


KML = ('<?xml version="1.0" encoding="utf-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
       '<Placemark><name>滨江</name><Point><coordinates>120.21,30.19</coordinates></Point></Placemark>'
       '</Document></kml>')


def test_a_kml_file_without_lxml_is_a_layer_error(geodata, tmp_path, monkeypatch):
    path = tmp_path / "sites.kml"
    path.write_text(KML, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "lxml", None)
    with pytest.raises(LayerError) as caught:
        open_path(path, geodata)
    assert str(path) in str(caught.value) and "lxml" in str(caught.value) and "KML files" in str(caught.value)
    monkeypatch.undo()
    assert len(open_path(path, geodata)) == 1


def test_a_workbook_without_calamine_is_a_layer_error(geodata, tmp_path, monkeypatch):
    import pyogrio

    xlsx = tmp_path / "projects.xlsx"
    pyogrio.write_dataframe(points_frame().drop(columns="geometry"), xlsx, driver="XLSX")
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    with pytest.raises(LayerError, match="python-calamine") as caught:
        open_path(xlsx, geodata)
    assert str(xlsx) in str(caught.value) and "Excel workbooks" in str(caught.value)


def test_the_last_resort_tells_one_line(capsys, monkeypatch):
    monkeypatch.delenv("HZMAP_TRACEBACK", raising=False)
    assert fatal.run(lambda: 0) == 0

    def lacking():
        raise ModuleNotFoundError("No module named 'pptx'", name="pptx")
    assert fatal.run(lacking) == fatal.FAILED
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "python-pptx" in err and "PowerPoint" in err and "Traceback" not in err

    def broken():
        raise RuntimeError("the disk is on fire")
    assert fatal.run(broken) == fatal.FAILED
    err = capsys.readouterr().err
    assert "unexpected error: RuntimeError: the disk is on fire" in err and "Traceback" not in err
    monkeypatch.setenv("HZMAP_TRACEBACK", "1")
    fatal.run(broken)
    assert "Traceback" in capsys.readouterr().err  # for a developer who asks

    def interrupted():
        raise KeyboardInterrupt
    assert fatal.run(interrupted) == 130
    with pytest.raises(SystemExit):  # argparse's own exits pass through
        fatal.run(lambda: sys.exit(2))


def _bundle_entry(blocked: str, *args, tmp_path) -> subprocess.CompletedProcess:
    """The bundle's entry script, run in a Python where `blocked` cannot be imported."""
    code = ("import runpy, sys\n"
            f"sys.modules[{blocked!r}] = None\n"
            f"sys.argv = ['hzmap', *{[str(a) for a in args]!r}]\n"
            "runpy.run_path('packaging/hzmap_main.py', run_name='__main__')\n")
    env = {k: v for k, v in os.environ.items() if k != "HZMAP_TRACEBACK"}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=180, env=dict(env, QT_QPA_PLATFORM="offscreen"))


def test_bundle_entry_without_a_reader_gives_a_message(tmp_path):
    path = tmp_path / "sites.kml"
    path.write_text(KML, encoding="utf-8")
    r = _bundle_entry("lxml", "layer", path, tmp_path=tmp_path)
    assert r.returncode == 2 and str(path) in r.stderr and "lxml" in r.stderr
    assert "Traceback" not in r.stderr and "[PYI-" not in r.stderr


def test_bundle_entry_without_a_writer_gives_a_message(tmp_path):
    out = tmp_path / "deck.pptx"
    r = _bundle_entry("pptx", "deck", "--layout", "4+4+1+5", "--out", out, tmp_path=tmp_path)
    assert r.returncode != 0 and "python-pptx" in r.stderr and "PowerPoint" in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.splitlines()) <= 3 and not out.exists()


def test_the_last_resort_without_a_console(monkeypatch):
    """hzmapw.exe (Windows, no console) has no sys.stderr: the failure must not fail again."""
    monkeypatch.setattr(sys, "stderr", None)

    def broken():
        raise RuntimeError("no console")
    assert fatal.run(broken) == fatal.FAILED


def test_the_installed_command_without_a_writer_gives_a_message(tmp_path):
    code = ("import runpy, sys\n"
            "sys.modules['pptx'] = None\n"
            f"sys.argv = ['hzmap', 'deck', '--layout', '4+4+1+5', '--out', {str(tmp_path / 'd.pptx')!r}]\n"
            "runpy.run_module('hzmap', run_name='__main__')\n")
    env = {k: v for k, v in os.environ.items() if k != "HZMAP_TRACEBACK"}
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=180,
                       env=dict(env, QT_QPA_PLATFORM="offscreen"))
    assert r.returncode == 1 and "python-pptx" in r.stderr and "Traceback" not in r.stderr
