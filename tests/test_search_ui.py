"""Ctrl+F search as a user meets it: type, see the rows, press Enter or click, the map follows."""
import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from hzmap.model.geo.geodata import to_map

BINJIANG = (120.205, 30.185)
IOT_PARK = "iot_park"   # 高新区(滨江)物联网产业园


def width(win):
    x0, x1, _, _ = win.canvas.renderer_.limits()
    return x1 - x0


def contains(win, x, y):
    x0, x1, y0, y1 = win.canvas.renderer_.limits()
    return x0 < x < x1 and y0 < y < y1


def type_text(widget, text):
    """Latin keys as key clicks; Chinese as an input method commits it (QTest cannot key Han)."""
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def type_query(win, qtbot, text):
    box = win.search_box
    box.setFocus()
    box.clear()
    type_text(box, text)
    return box


@pytest.mark.parametrize("query", ["滨江", "bj", "binjiang"])
def test_typing_lists_binjiang_first_and_enter_zooms_to_it(window, qtbot, query):
    city_width = width(window)
    box = type_query(window, qtbot, query)
    rows = box.results()
    assert box.popup.isVisible()
    assert "滨江区" in rows[0] and "区县" in rows[0]
    assert len(rows) > 1   # places in Binjiang follow
    QTest.keyClick(box, Qt.Key_Return)
    assert window.state.district == "binjiang"
    assert window.info_panel.title.text() == "滨江区"
    assert not box.popup.isVisible()
    assert width(window) < city_width / 4
    x, y = to_map(*BINJIANG)
    assert contains(window, x, y)
    bx0, by0, bx1, by1 = window.geo.district_bounds(["binjiang"])
    assert contains(window, bx0 + 1, by0 + 1) and contains(window, bx1 - 1, by1 - 1)
    assert window.state.preset == "custom"


def test_choosing_qiantang_fills_the_inspector(window, qtbot):
    box = type_query(window, qtbot, "钱塘")
    row = next(i for i, t in enumerate(box.results()) if t.startswith("［区县］钱塘区"))
    item = box.popup.item(row)
    QTest.mouseClick(box.popup.viewport(), Qt.LeftButton, Qt.NoModifier,
                     box.popup.visualItemRect(item).center())
    assert window.state.district == "qiantang"
    assert window.info_panel.title.text() == "钱塘区"
    roles = [it.text(0) for it in window.info_panel.inspector.items_of_kind("role")]
    assert any("两翼·钱塘区" in r for r in roles)
    assert any("自贸试验区引领区" in r for r in roles)


def test_place_search_selects_the_place_and_zooms_to_its_point(window, qtbot, dataset):
    window.state.select_district("xihu")
    box = type_query(window, qtbot, "物联网")
    assert "物联网产业园" in box.results()[0]
    QTest.keyClick(box, Qt.Key_Return)
    assert window.state.place == IOT_PARK
    assert window.state.district is None
    assert "物联网" in window.info_panel.title.text()
    assert 10_000 < width(window) < 25_000   # ~15 km across
    loc = dataset.places[IOT_PARK].location
    assert contains(window, *to_map(loc.lon, loc.lat))
    # the place's symbol is drawn: a layout that names it is shown
    assert any(IOT_PARK in el.places for el in dataset.layouts[window.state.layout].elements)


def test_element_search_switches_layout(window, qtbot):
    box = type_query(window, qtbot, "两翼·钱塘")
    assert "两翼·钱塘区" in box.results()[0]
    QTest.keyClick(box, Qt.Key_Return)
    assert window.state.layout == "st_core_belt_wings"
    assert window.layout_combo.currentData() == "st_core_belt_wings"
    assert window.state.view.element == ("st_core_belt_wings", "wing_qiantang")  # the element is selected
    assert "两翼" in window.info_panel.title.text()
    assert window.canvas.renderer_.select_patch.get_visible()  # its footprint is outlined


def test_nonsense_shows_no_results_and_selects_nothing(window, qtbot):
    before = window.canvas.renderer_.limits()
    box = type_query(window, qtbot, "xqzkw")
    assert box.results() == ["无结果 no results"]
    QTest.keyClick(box, Qt.Key_Return)
    assert window.state.selection is None and window.state.place is None
    assert window.canvas.renderer_.limits() == before


def test_ctrl_f_focuses_box_and_esc_clears_it(window, qtbot):
    window.state.select_district("binjiang")
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key_F, Qt.ControlModifier)
    assert window.search_box.hasFocus()
    QTest.keyClicks(window.search_box, "bj")
    assert window.search_box.popup.isVisible()
    QTest.keyClick(window.search_box, Qt.Key_Escape)
    assert window.search_box.text() == ""
    assert not window.search_box.popup.isVisible()
    assert window.state.district == "binjiang"   # Esc in the box does not clear the map selection


def test_down_arrow_then_enter_takes_the_second_row(window, qtbot):
    box = type_query(window, qtbot, "bj")
    QTest.keyClick(box, Qt.Key_Down)
    hit = box.popup.currentItem().data(Qt.UserRole + 1)
    assert hit.id != "binjiang"
    QTest.keyClick(box, Qt.Key_Return)
    assert window.state.district != "binjiang" or window.state.place == hit.id
