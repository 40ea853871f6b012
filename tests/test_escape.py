"""Esc clears the selection whatever has the focus in the main window, not only the map; a box
with typed text takes it first (it clears the text)."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget


def _active(win, qtbot):
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def _focusable(win):
    for w in win.findChildren(QWidget):
        if w.isVisible() and w.focusPolicy() != Qt.NoFocus and w.window() is win:
            yield w


def test_esc_clears_the_selection_from_every_focusable_part_of_the_window(open_window, geodata, dataset, qtbot):
    win = _active(open_window(geodata, dataset, size=(1400, 900)), qtbot)
    for dock in win.findChildren(QDockWidget):
        dock.show()
    tried = []
    for w in _focusable(win):
        win.state.select_district("binjiang")
        w.setFocus()
        if QApplication.focusWidget() is not w:
            continue
        qtbot.keyClick(w, Qt.Key_Escape)
        assert win.state.view.district is None, f"Esc in {type(w).__name__} {w.objectName()!r}"
        tried.append(type(w).__name__)
    # the map, the inspector, the layer tree, the chooser, the filters, the search box at least
    assert {"MapCanvas", "Inspector", "LayoutCombo", "SearchBox", "QTreeWidget", "QComboBox"} <= set(tried)


def test_esc_in_the_search_box_clears_its_text_first(open_window, geodata, dataset, qtbot):
    win = _active(open_window(geodata, dataset), qtbot)
    win.state.select_district("binjiang")
    box = win.search_box
    box.setFocus()
    qtbot.keyClicks(box, "bj")
    qtbot.keyClick(box, Qt.Key_Escape)
    assert box.text() == "" and win.state.view.district == "binjiang"   # the editor's Esc
    qtbot.keyClick(box, Qt.Key_Escape)
    assert win.state.view.district is None and win.canvas.hasFocus()
