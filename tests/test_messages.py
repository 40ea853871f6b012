"""Long messages scroll: a message box never pushes its buttons off the screen."""
import re
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QScrollArea

from hzmap.ui.common.messages import message_box

UI = Path(__file__).resolve().parents[1] / "hzmap" / "ui"
LONG = "\n".join(f"layouts/x.yaml: element 'e{i}': places member 'p{i}' is not a place id"
                 for i in range(389))


def _inside_screen(box, qtbot):
    box.show()
    qtbot.waitExposed(box)
    area = box.screen().availableGeometry()
    ok = box.button(QMessageBox.Ok)
    bottom_right = ok.mapToGlobal(ok.rect().bottomRight())
    return box.frameGeometry().height() <= area.height() and area.contains(bottom_right)


def test_a_message_of_389_problems_fits_the_screen_and_its_ok_button_shows(qtbot):
    plain = QMessageBox(QMessageBox.Warning, "hzmap", LONG, QMessageBox.Ok)
    qtbot.addWidget(plain)
    assert not _inside_screen(plain, qtbot)          # what Qt does alone: the test can fail
    box = message_box(QMessageBox.Warning, "hzmap", LONG, QMessageBox.Ok)
    qtbot.addWidget(box)
    assert _inside_screen(box, qtbot)
    scroll = box.findChild(QScrollArea, "messageScroll")
    assert scroll is not None and scroll.verticalScrollBar().maximum() > 0   # it scrolls
    assert "'p388' is not a place id" in scroll.widget().text()              # all of it


def test_a_short_message_is_left_as_qt_lays_it_out(qtbot):
    box = message_box(QMessageBox.Warning, "hzmap", "short", QMessageBox.Ok)
    qtbot.addWidget(box)
    assert box.findChild(QScrollArea, "messageScroll") is None


def test_every_message_box_of_the_window_is_fitted_to_the_screen():
    """One helper used everywhere: no feature builds a QMessageBox or calls its static
    warning/critical/question/information itself."""
    direct = re.compile(r"(?<![\w.])QMessageBox\(|QMessageBox\.(warning|critical|question|information)\(")
    offenders = [f"{p.relative_to(UI)}:{n}" for p in UI.rglob("*.py") if p.name != "messages.py"
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if direct.search(line)]
    assert offenders == []
