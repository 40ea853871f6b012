"""The desktop files: launcher, .hzmap MIME type and icons install, validate and uninstall."""
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET

import pytest

from hzmap.cli.main import main
from hzmap.cli.desktop import MIME_TYPE, desktop_entry, exec_line, planned_files
from hzmap.paths import resources_root

DESKTOP = resources_root() / "desktop"
ICONS = resources_root() / "icons"
needs = {tool: pytest.mark.skipif(shutil.which(tool) is None, reason=f"{tool} is not installed")
         for tool in ("desktop-file-validate", "update-mime-database", "xmllint")}


def _png_size(path):
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", head[16:24])


def test_every_icon_size_is_a_png_of_that_size_and_the_ico_holds_them():
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert _png_size(ICONS / "png" / f"hzmap-{size}.png") == (size, size)
    ico = (ICONS / "hzmap.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sides = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sides
    ET.parse(ICONS / "hzmap.svg")  # well-formed


def test_mime_xml_claims_hzmap_files():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(DESKTOP / "hzmap-mime.xml").getroot()
    kind = root.find("m:mime-type", ns)
    assert kind.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in kind.findall("m:glob", ns)] == ["*.hzmap"]


@needs["xmllint"]
def test_mime_xml_is_well_formed_for_xmllint():
    r = subprocess.run(["xmllint", "--noout", str(DESKTOP / "hzmap-mime.xml")], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_exec_line_quotes_paths_as_the_desktop_spec_says():
    assert exec_line(["/opt/hzmap/hzmap"]) == "/opt/hzmap/hzmap %f"
    assert exec_line(["/home/li lei/hzmap", "-m", "hzmap"]) == '"/home/li lei/hzmap" -m hzmap %f'
    # inside quotes $ gets a backslash, and the key file doubles every backslash
    assert exec_line(["/a$b/py"]) == '"/a\\\\$b/py" %f'
    assert exec_line(["/100%/py"]) == "/100%%/py %f"


@needs["desktop-file-validate"]
@pytest.mark.parametrize("argv", [["hzmap"], ["/home/li lei/venv/bin/python", "-m", "hzmap"]])
def test_desktop_entry_validates(argv, tmp_path):
    template = (DESKTOP / "hzmap.desktop").read_text(encoding="utf-8")
    entry = tmp_path / "hzmap.desktop"
    entry.write_text(desktop_entry(template, argv), encoding="utf-8")
    r = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert r.returncode == 0 and not r.stdout.strip(), r.stdout + r.stderr
    assert f"MimeType={MIME_TYPE};" in entry.read_text()


def test_install_then_uninstall(tmp_path, capsys):
    home = tmp_path / "share"
    assert main(["install-desktop", "--data-home", str(home)]) == 0
    assert "installed 20 files" in capsys.readouterr().out
    for target in planned_files(home):
        assert target.is_file(), target
    entry = (home / "applications" / "hzmap.desktop").read_text(encoding="utf-8")
    exec_value = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert exec_value.endswith(" %f") and "hzmap" in exec_value
    assert (home / "icons/hicolor/48x48/mimetypes/application-x-hzmap-project.png").is_file()
    if shutil.which("update-mime-database"):
        assert f"{MIME_TYPE}:*.hzmap" in (home / "mime" / "globs2").read_text()
    assert main(["install-desktop", "--uninstall", "--data-home", str(home)]) == 0
    assert not any(target.exists() for target in planned_files(home))


def test_unwritable_data_home_is_reported(tmp_path, capsys):
    blocker = tmp_path / "share"
    blocker.write_text("a file where the folder should be")
    assert main(["install-desktop", "--data-home", str(blocker)]) == 1
    assert "cannot write" in capsys.readouterr().err
