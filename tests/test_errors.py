"""An error inside a Qt slot is logged and reported, and the app keeps running."""
import pytest

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from hzmap.ui.common import errors


def test_slot_error_is_logged_shown_and_survived(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(errors, "log_path", lambda: tmp_path / "logs" / "hzmap.log")
    monkeypatch.setattr("sys.excepthook", errors.report)
    errors._shown.clear()

    def broken_slot():
        raise RuntimeError("layout file vanished")

    with qtbot.capture_exceptions() as caught:
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: bool(caught))
    for exc_type, exc, tb in caught:  # pytest-qt intercepts the hook; hand over as Qt would
        errors.report(exc_type, exc, tb)
    log = (tmp_path / "logs" / "hzmap.log").read_text(encoding="utf-8")
    assert "RuntimeError: layout file vanished" in log and "broken_slot" in log
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert any("layout file vanished" in b.text() for b in boxes)
    assert any(str(tmp_path) in b.text() for b in boxes)
    for b in boxes:
        b.close()
    # the same error again does not stack another dialog
    errors.report(RuntimeError, RuntimeError("layout file vanished"), None)
    again = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert not again


def test_map_callback_errors_reach_the_handler(qtbot, monkeypatch, tmp_path, geodata):
    from hzmap.model.session.session import Session
    from hzmap.model.view.viewstate import ViewState
    from hzmap.ui.map.map_canvas import MapCanvas

    import sys

    seen = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(errors, "report", lambda t, e, tb: seen.append(e))
    canvas = MapCanvas(Session(ViewState(geodata)))
    qtbot.addWidget(canvas)
    errors.install(canvas)
    canvas.mpl_connect("key_press_event", lambda e: 1 / 0)
    from matplotlib.backend_bases import KeyEvent
    canvas.callbacks.process("key_press_event", KeyEvent("key_press_event", canvas, "a"))
    assert seen and isinstance(seen[0], ZeroDivisionError)


def test_a_missing_package_is_named_in_the_box_and_one_line(qtbot, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(errors, "log_path", lambda: tmp_path / "hzmap.log")
    monkeypatch.delenv("HZMAP_TRACEBACK", raising=False)
    errors._shown.clear()
    try:  # as a signal's failed callback reaches the handler: wrapped (psygnal's EmitLoopError)
        try:
            raise ModuleNotFoundError("No module named 'python_calamine'", name="python_calamine")
        except ImportError as inner:
            raise RuntimeError("while emitting signal 'changed': ... 40 frames, locals ...") from inner
    except RuntimeError as wrapped:
        errors.report(RuntimeError, wrapped, wrapped.__traceback__)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    text = " ".join(b.text() for b in boxes)
    assert "python-calamine" in text and "Excel workbooks" in text and "No module named" not in text and "40 frames" not in text
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "python-calamine" in err and str(tmp_path / "hzmap.log") in err
    assert "Traceback" not in err
    log = (tmp_path / "hzmap.log").read_text(encoding="utf-8")  # the whole story, for whoever helps
    assert "ModuleNotFoundError: No module named 'python_calamine'" in log and "Traceback" in log
    for b in boxes:
        b.close()
