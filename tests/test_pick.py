"""What is under the pointer, decided once in the model (hzmap.model.pick) at real map
coordinates: a base symbol over a user layer's feature over the district, with the hover text;
and the map window's hover and click, which only pass the mouse's map coordinates to it."""
from dataclasses import replace

import pytest
from layer_files import INSIDE, write_csv

from hzmap.model.geo.geodata import to_map
from hzmap.model.layers import open_path
from hzmap.model.layers.store import LayerStore
from hzmap.model.pick import pick
from hzmap.model.session.session import Session
from hzmap.model.view.viewstate import Selection, ViewState, element_key

QIANTANG = (120.45, 30.30)        # 钱塘区 interior (下沙/大江东)
AIRPORT = (120.43, 30.24)         # the symbol of 杭州临空经济示范区 in 4+4+1+5
XIHU = (120.10, 30.22)            # 西湖区, the West Lake side
RIVER = (120.12, 30.16)           # on the 钱塘江 at 之江, some 10 km from any base symbol
CITY_M_PER_PX = 250.0             # about the whole city in a window


@pytest.fixture
def view(geodata):
    state = ViewState(geodata)
    state.update(layout="dt_4415")
    return state.view


def at(view, data, lonlat, layers=None, m_per_px=CITY_M_PER_PX):
    geo, ds = data
    return pick(view, ds, geo, layers, *to_map(*lonlat), m_per_px)


def test_a_point_in_a_district_picks_it_and_the_hover_says_its_role(view, data):
    picked = at(view, data, QIANTANG)
    assert picked.selection == Selection.district("qiantang") and picked.district == "qiantang"
    assert picked.text == "钱塘区\n4+4+1+5: 自贸试验区引领区(4)"
    english = at(replace(view, lang="en"), data, XIHU)
    assert english.text.startswith("Xihu District\n4+4+1+5 spatial development pattern for digital trade: ")
    assert english.text.endswith(": Collaborative innovation group (4)")
    assert at(replace(view, layout=None), data, XIHU).text == "西湖区"
    geo, ds = data
    inland = geo.district_label_points()["chunan"]
    chunan = pick(replace(view, layout="st_core_belt_wings"), ds, geo, None, inland.x, inland.y, CITY_M_PER_PX)
    assert chunan.text == "淳安县\n一核一带两翼多基地: （本布局未涉及）"


def test_a_base_symbol_wins_over_its_district_unless_it_is_not_shown(view, data):
    picked = at(view, data, AIRPORT)
    assert picked.selection == Selection.place("airport_econ_zone")
    assert picked.district == "xiaoshan" and picked.text == "杭州临空经济示范区"
    # the symbol's own element hidden, or the bases off: the district answers
    owner = next(e.id for e in data[1].layouts["dt_4415"].elements if "airport_econ_zone" in e.places)
    hidden = replace(view, hidden_elements=frozenset({element_key("dt_4415", owner)}))
    assert at(hidden, data, AIRPORT, m_per_px=60.0).selection == Selection.district("xiaoshan")
    assert at(view, data, AIRPORT, m_per_px=60.0).selection == Selection.place("airport_econ_zone")
    assert at(replace(view, show_places=False), data, AIRPORT).selection == Selection.district("xiaoshan")
    # zoomed in, the same point is off the symbol's few pixels
    x, y = to_map(*AIRPORT)
    geo, ds = data
    assert pick(view, ds, geo, None, x + 400, y, 20.0).selection == Selection.district("xiaoshan")
    assert pick(view, ds, geo, None, x + 400, y, 250.0).selection == Selection.place("airport_econ_zone")


def test_water_and_the_world_outside_pick_nothing(view, data):
    for lonlat in (RIVER, (121.5, 30.0)):
        picked = at(view, data, lonlat)
        assert (picked.selection, picked.district, picked.text) == (None, None, "")


def test_before_the_dataset_loads_the_district_answers_with_its_name(view, data):
    geo, _ = data
    picked = pick(view, None, geo, None, *to_map(*AIRPORT), CITY_M_PER_PX)
    assert picked.selection == Selection.district("xiaoshan") and picked.text == "萧山区"


def test_a_user_layer_s_feature_wins_over_the_district_and_a_table_adds_its_value(data, tmp_path):
    geo, ds = data
    session = Session(ViewState(geo), dataset=ds, layers=LayerStore())
    points = write_csv(tmp_path / "项目.csv", ["名称", "lng", "lat"],
                       [(name, *lonlat) for name, lonlat in INSIDE.items()])
    layer = session.add_layer(open_path(points, geo))
    picked = pick(session.state.view, ds, geo, session.layers, *to_map(*INSIDE["xihu"]), 20.0)
    assert picked.selection.kind == "feature" and picked.district == "xihu"
    assert picked.selection == Selection.feature(layer.id, picked.selection.id.rsplit("/", 1)[1])
    assert picked.text.splitlines()[1:] == ["名称: xihu", f"lng: {INSIDE['xihu'][0]}", f"lat: {INSIDE['xihu'][1]}"]
    session.state.update_layer(layer.id, visible=False)          # a hidden layer is not picked
    assert pick(session.state.view, ds, geo, session.layers, *to_map(*INSIDE["xihu"]), 20.0).selection \
        == Selection.district("xihu")
    table = write_csv(tmp_path / "gdp.csv", ["区县", "GDP（亿元）"], [("西湖区", 2345), ("滨江区", 2500)])
    session.add_layer(open_path(table, geo))
    text = pick(session.state.view, ds, geo, session.layers, *to_map(*XIHU), 20.0).text
    assert text.splitlines()[0] == "西湖区" and text.splitlines()[-1].endswith(": 2,345")


# -- through the window's canvas: real mouse events at real map coordinates ------------------
def hover(canvas, lonlat):
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    local = QPointF(*canvas.data_to_widget(*to_map(*lonlat)))
    QApplication.sendEvent(canvas, QMouseEvent(QEvent.MouseMove, local, canvas.mapToGlobal(local),
                                               Qt.NoButton, Qt.NoButton, Qt.NoModifier))


def click(canvas, qtbot, lonlat):
    from PySide6.QtCore import QPoint, Qt

    qtbot.mouseClick(canvas, Qt.LeftButton, pos=QPoint(*canvas.data_to_widget(*to_map(*lonlat))))


def test_the_canvas_hovers_and_clicks_what_the_pick_says(window, qtbot):
    from PySide6.QtWidgets import QToolTip

    window.state.update(layout="dt_4415")
    canvas = window.canvas
    hover(canvas, AIRPORT)
    assert window.state.hover == "xiaoshan" and QToolTip.text() == "杭州临空经济示范区"
    click(canvas, qtbot, AIRPORT)
    assert window.state.selection == Selection.place("airport_econ_zone")
    hover(canvas, QIANTANG)
    assert window.state.hover == "qiantang" and QToolTip.text() == "钱塘区\n4+4+1+5: 自贸试验区引领区(4)"
    click(canvas, qtbot, QIANTANG)
    assert window.state.selection == Selection.district("qiantang")
    hover(canvas, RIVER)
    assert window.state.hover is None
    qtbot.waitUntil(lambda: not QToolTip.isVisible())   # it fades out
    click(canvas, qtbot, RIVER)
    assert window.state.selection is None
