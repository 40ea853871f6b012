"""Exploring a plan's layout in the window: group colours, the inspector, places, filters, layers."""
import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from hzmap.model.geo.geodata import to_map
from hzmap.model.view.viewstate import Filters
from hzmap.render.map.legend_cache import legend_key

QIANTANG = (120.45, 30.30)        # 钱塘区 interior (下沙/大江东)
SHANGCHENG = (120.18, 30.27)      # 上城区, 钱江新城 north-west
FUYANG = (119.90, 29.95)          # 富阳区 interior
AIRPORT = (120.43, 30.24)         # 杭州临空经济示范区 symbol


def choose_layout(win, layout_id):
    from PySide6.QtWidgets import QApplication

    combo = win.layout_combo
    combo.setCurrentIndex(combo.findData(layout_id))
    QApplication.processEvents()  # as between a user's actions: the panels settle their sizes
    win.canvas.draw()


def click(win, lon, lat):
    x, y = win.canvas.data_to_widget(*to_map(lon, lat))
    QTest.mouseClick(win.canvas, Qt.LeftButton, Qt.NoModifier, QPoint(x, y))


def group_patch_at(win, lon, lat):
    """The layout's group fill under a real map coordinate, if any."""
    x, y = to_map(lon, lat)
    for ea in win.canvas.overlay.elements():
        if ea.districts and ea.artists[0].get_path().contains_point((x, y)):
            return ea
    return None


def test_chooser_lists_every_layout(window, dataset):
    from hzmap.ui.common.layout_combo import ROLE

    combo = window.layout_combo
    rows = [(combo.itemData(i), combo.itemData(i, ROLE)) for i in range(combo.count())]
    assert rows[0] == (None, "layout")  # 无 (districts only)
    ids = [lid for lid, role in rows if role == "layout"]
    assert set(ids[1:]) == set(dataset.layouts) and len(ids) == len(dataset.layouts) + 1
    assert "4+4+1+5" in combo.itemText([lid for lid, _ in rows].index("dt_4415"))


def test_4415_colours_the_four_groups(window):
    choose_layout(window, "dt_4415")
    assert window.state.layout == "dt_4415"
    colours = window.canvas.overlay.district_colours()
    ftz = {colours[d] for d in ("binjiang", "xiaoshan", "qiantang", "yuhang")}
    collab = {colours[d] for d in ("shangcheng", "linping", "gongshu", "xihu")}
    whole = {colours[d] for d in ("fuyang", "linan", "tonglu", "chunan", "jiande")}
    assert len(ftz) == len(collab) == len(whole) == 1
    assert len(ftz | collab | whole) == 3
    # what the user sees at real coordinates
    assert group_patch_at(window, *QIANTANG).element_id == "ftz_led"
    assert group_patch_at(window, *SHANGCHENG).element_id == "collab_innovation"
    assert group_patch_at(window, *FUYANG).element_id == "whole_area"
    legend = window.canvas.renderer_.ax.get_legend()
    texts = [t.get_text() for t in legend.get_texts()]
    assert any("自贸试验区" in t for t in texts) and any("全域联动" in t for t in texts)
    # back to districts only: no group fills, no legend
    choose_layout(window, None)
    assert window.canvas.overlay.elements() == []
    assert window.canvas.renderer_.ax.get_legend() is None


def test_click_qiantang_lists_roles_from_both_plans_with_sources(window):
    choose_layout(window, "dt_4415")
    click(window, *QIANTANG)
    assert window.state.district == "qiantang"
    insp = window.info_panel.inspector
    roles = [i.text(0) for i in insp.items_of_kind("role")]
    assert any("一核一带两翼多基地" in r and "两翼" in r for r in roles), roles
    assert any("4+4+1+5" in r and "自贸试验区引领区" in r for r in roles), roles
    sources = [i.text(0) for i in insp.items_of_kind("source")]
    assert any("服务贸易“十四五”规划 §二(四)" in s for s in sources), sources
    assert any("数字贸易强市三年行动计划 §一" in s for s in sources), sources
    measures = [i.text(0) for i in insp.items_of_kind("measure")]
    assert measures, "measures naming 钱塘区 are listed"
    # expanding a source shows the verbatim excerpt; copying carries the source
    src = next(i for i in insp.items_of_kind("source") if "§二(四)" in i.text(0))
    assert src.child(0).text(0).startswith("“")
    insp.setCurrentItem(src)
    copied = insp.copy_current()
    assert "服务贸易“十四五”规划 §二(四)" in copied
    assert QGuiApplication.clipboard().text() == copied


def test_citywide_measures_start_collapsed(window):
    window.state.select_district("binjiang")
    insp = window.info_panel.inspector
    tops = {insp.topLevelItem(i).text(0).split(" ")[0]: insp.topLevelItem(i) for i in range(insp.topLevelItemCount())}
    assert not tops["全市性举措"].isExpanded()
    assert tops["规划角色"].isExpanded()


def test_click_on_base_symbol_shows_the_place(window):
    choose_layout(window, "dt_4415")
    window.state.set_preset("urban")
    window.state.set_extent((lambda x, y: (x - 15000, x + 15000, y - 10000, y + 10000))(*to_map(*AIRPORT)))
    window.canvas.draw()
    click(window, *AIRPORT)
    assert window.state.place in ("airport_econ_zone", "xiaoshan_airport")
    assert window.state.district is None
    panel = window.info_panel
    assert "临空" in panel.title.text() or "机场" in panel.title.text()
    facts = [i.text(0) for i in panel.inspector.items_of_kind("fact")]
    assert any("萧山区" in f for f in facts) and any("位置精度" in f for f in facts)


def test_hover_tells_role_in_current_layout(window):
    choose_layout(window, "dt_4415")
    text = window.canvas.pick_at(*to_map(*QIANTANG)).text
    assert "钱塘区" in text and "自贸试验区引领区" in text
    choose_layout(window, "st_core_belt_wings")
    assert "两翼" in window.canvas.pick_at(*to_map(*QIANTANG)).text


def test_filter_by_unit_dims_districts_without_matches(window, dataset):
    choose_layout(window, "dt_4415")
    window.state.update(filters=Filters(plan="ps2024"))
    overlay = window.canvas.overlay
    assert overlay.dimmed is not None
    kept, _ = overlay.dimmed
    assert 0 < len(kept) < 13
    assert "qiantang" in kept  # 003 names 钱塘区 (检验检测, 下沙港)
    assert "filter_bar" in vars(window.layers) and "匹配" in window.layers.filter_bar.summary.text()
    window.layers.filter_bar.clear()
    assert overlay.dimmed is None


def test_layer_panel_toggles_an_element(window):
    choose_layout(window, "dt_4415")
    item = window.layers.panel.item_for("element", "whole_area")
    item.setCheckState(0, Qt.Unchecked)
    ea = next(e for e in window.canvas.overlay.elements() if e.element_id == "whole_area")
    assert not any(a.get_visible() for a in ea.artists)
    texts = [t.get_text() for t in window.canvas.renderer_.ax.get_legend().get_texts()]
    assert not any("全域联动" in t for t in texts)
    item.setCheckState(0, Qt.Checked)
    assert ea.artists[0].get_visible()
    water = window.layers.panel.item_for("base", "water")
    water.setCheckState(0, Qt.Unchecked)
    assert not window.canvas.renderer_.layers["water"][0].get_visible()


def test_expanding_an_item_shows_its_details_and_source(window):
    window.state.select_district("qiantang")
    insp = window.info_panel.inspector
    roles_section = insp.topLevelItem(0)
    plan = roles_section.child(0)
    role = plan.child(0)
    assert role.childCount() == 1 and role.child(0).text(0) == "…"  # built on demand
    role.setExpanded(True)
    kinds = [role.child(k).data(0, Qt.UserRole + 2) for k in range(role.childCount())]
    assert "text" in kinds and "source" in kinds and "placeholder" not in kinds
    source = next(role.child(k) for k in range(role.childCount()) if role.child(k).data(0, Qt.UserRole + 2) == "source")
    assert source.child(0).text(0).startswith("“")


def test_selecting_a_place_rings_it_on_the_map_and_clearing_removes_the_ring(window, dataset):
    import numpy as np

    choose_layout(window, "dt_4415")
    canvas = window.canvas
    x, y = to_map(*AIRPORT)
    window.state.set_extent((x - 15000, x + 15000, y - 10000, y + 10000))
    canvas.draw()
    before = np.asarray(canvas.buffer_rgba())[..., :3].astype(int).copy()
    window.state.select_place("airport_econ_zone")  # as search or a click on its symbol does
    ring = canvas.renderer_.place_ring
    loc = dataset.places["airport_econ_zone"].location
    px, py = to_map(loc.lon, loc.lat)
    assert ring.get_visible()
    assert (ring.get_xdata()[0], ring.get_ydata()[0]) == pytest.approx((px, py), abs=1)
    # on screen: a dark ring around the symbol, blitted over the map (no full redraw needed)
    after = np.asarray(canvas.buffer_rgba())[..., :3].astype(int)
    cx, cy = canvas.renderer_.ax.transData.transform((px, py))
    h = after.shape[0]
    rows, cols = np.mgrid[0:h, 0:after.shape[1]]
    dist = np.hypot(cols - cx, (h - 1 - rows) - cy)
    annulus = (dist > 8) & (dist < 13)
    darkened = (after.sum(axis=2) < 150) & (np.abs(after - before).sum(axis=2) > 60)
    assert darkened[annulus].sum() > 25                 # most of a ring of ~70 px
    assert not darkened[dist > 20].any()                 # nothing else on the map changed
    window.state.select_place(None)
    assert not ring.get_visible()
    cleared = np.asarray(canvas.buffer_rgba())[..., :3].astype(int)
    assert np.abs(cleared - before)[annulus].max() < 10  # the map as it was


def test_legend_pixels_reused_on_pan_match_a_fresh_draw(window, qtbot):
    import numpy as np

    choose_layout(window, "dt_4415")
    canvas = window.canvas
    canvas.draw()
    legend = canvas.renderer_.ax.get_legend()
    qtbot.waitUntil(lambda: canvas.legends.get(legend_key(legend, canvas.figure)) is not None)  # kept in idle time
    window.state.pan_by(3000, 1000)
    canvas.draw()  # legend pasted from the cache
    legend = canvas.renderer_.ax.get_legend()
    bb = legend.get_window_extent(canvas.get_renderer())
    rows = slice(int(canvas.figure.bbox.height - bb.y1) + 2, int(canvas.figure.bbox.height - bb.y0) - 2)
    cols = slice(int(bb.x0) + 2, int(bb.x1) - 2)
    pasted = np.asarray(canvas.buffer_rgba())[rows, cols].copy()
    canvas.legends.clear()  # force the legend to be drawn for real
    canvas.draw()
    fresh = np.asarray(canvas.buffer_rgba())[rows, cols].copy()
    qtbot.waitUntil(lambda: canvas.legends.get(legend_key(legend, canvas.figure)) is not None)
    assert pasted.shape[0] > 20 and pasted.shape[1] > 60
    assert np.abs(pasted.astype(int) - fresh.astype(int)).max() <= 2
    # a different legend (another layout) is drawn, not pasted
    choose_layout(window, "st_core_belt_wings")
    assert legend is not canvas.renderer_.ax.get_legend()
    texts = [t.get_text() for t in canvas.renderer_.ax.get_legend().get_texts()]
    assert any("一核" in t for t in texts)
    # and back: the first layout's legend is pasted again, as drawn (the pixels are kept,
    # so this very first redraw pastes them)
    choose_layout(window, "dt_4415")
    window.state.pan_by(-3000, -1000)
    window.state.pan_by(3000, 1000)
    legend = canvas.renderer_.ax.get_legend()
    drawn = []
    draw = legend.draw
    legend.draw = lambda renderer: (drawn.append(renderer) if legend.get_visible() else None, draw(renderer))
    canvas.draw()
    assert not drawn  # the legend's pixels, not a new drawing
    again = np.asarray(canvas.buffer_rgba())[rows, cols]
    assert np.abs(again.astype(int) - fresh.astype(int)).max() <= 2


def test_binjiangs_two_readings_of_2018_are_shown_as_a_conflict(window):
    window.state.select_district("binjiang")
    insp = window.info_panel.inspector
    conflicts = insp.items_of_kind("conflict")
    assert len(conflicts) == 1 and "主城区" in conflicts[0].text(0) and "副城与组团" in conflicts[0].text(0)
    notes = [i.text(0) for i in insp.items_of_kind("interpretation")]
    assert any("滨江 is in both groups" in n for n in notes)
    window.state.select_district("chunan")  # a district with no conflicting reading has no section
    assert insp.items_of_kind("conflict") == []
