"""The structure-diagram style (规划结构图) of an export, the "fit the layout" view, and the note
naming what the text does not place: from the command line, the export dialog and the model."""
import datetime as dt

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import shapely  # noqa: E402
from matplotlib.colors import to_rgb  # noqa: E402
from matplotlib.patches import Circle  # noqa: E402

from hzmap.cli.main import main  # noqa: E402
from hzmap.model.geo.extent import Extent  # noqa: E402
from hzmap.model.geo.views import view_extent  # noqa: E402
from hzmap.model.view.viewstate import View  # noqa: E402
from hzmap.render.page.compose import ExportSpec, compose  # noqa: E402


def _page(geo, ds, layout, diagram="structure", preset="city", lang="zh", dpi=60):
    view = View(extent=Extent.from_bounds(view_extent(geo, preset)), preset=preset, lang=lang, layout=layout)
    return compose(ExportSpec(view=view, date=dt.date(2026, 1, 1), diagram=diagram), geo, ds, preview_dpi=dpi)


def _is_blue(colour) -> bool:
    r, g, b = to_rgb(colour)
    return b > 0.5 and b > r + 0.2 and b > g + 0.1


def test_the_core_is_a_red_circle_groups_dashed_outlines_and_wings_arrows(data):
    geo, ds = data
    ov = _page(geo, ds, "st_core_belt_wings").scene.renderer.overlay
    by_id = {ea.element_id: ea for ea in ov.elements()}
    core = by_id["core"]
    assert isinstance(core.artists[0], Circle) and to_rgb(core.colour) == to_rgb("#C8102E")
    assert core.figure.polygon.within(shapely.union_all([geo.districts[d].geometry for d in
                                                         ds.layouts["st_core_belt_wings"].elements[0].districts]).buffer(1))
    # the west wing is an arrow pointing away from the core
    wing = by_id["wing_chengxi"]
    assert wing.figure.kind == "arrow"
    start, end = np.asarray(wing.figure.line.coords)[[0, -1]]
    cx, cy = core.figure.ellipse[:2]
    assert np.hypot(*(end - (cx, cy))) > np.hypot(*(start - (cx, cy)))
    # the belt follows the 钱塘江: blue, the only blue
    assert _is_blue(by_id["belt"].colour)
    assert not any(_is_blue(ea.colour) for ea in ov.elements() if ea.element_id != "belt")
    groups = {ea.element_id: ea for ea in _page(geo, ds, "dt_4415").scene.renderer.overlay.elements()}
    for eid in ("ftz_led", "collab_innovation", "whole_area"):
        patch = groups[eid].artists[0]
        assert patch.get_facecolor()[3] == 0 and patch.get_linestyle() != "-", eid  # dashed, no fill
    assert len({str(groups[e].artists[0].get_linestyle()) for e in ("ftz_led", "collab_innovation", "whole_area")}) == 3


def test_a_structure_diagram_says_so_and_names_the_neighbours_at_the_edge(data, tmp_path):
    from hzmap.model.geo.neighbours import neighbour_cities

    geo, ds = data
    page = _page(geo, ds, "st_core_belt_wings")
    assert page.title == "一核一带两翼多基地示意图"
    fig = page.figure
    assert any("不作为界线" in t.get_text() for t in fig.texts)  # the disclaimer line
    r = page.scene.renderer
    renderer = fig.canvas.get_renderer()
    x0, y0, x1, y1 = r.ax.bbox.extents
    shown = {t.get_text(): t for t in r.edge_names.texts if t.get_visible()}
    assert {"湖州", "嘉兴", "绍兴", "金华", "衢州", "黄山", "宣城"} <= set(shown)
    centre = np.array([(x0 + x1) / 2, (y0 + y1) / 2])
    for city in neighbour_cities():
        bb = shown[city.name_zh].get_window_extent(renderer)
        assert x0 - 1 <= bb.x0 and bb.x1 <= x1 + 1 and y0 - 1 <= bb.y0 and bb.y1 <= y1 + 1
        edge_gap = min(bb.x0 - x0, x1 - bb.x1, bb.y0 - y0, y1 - bb.y1)
        assert edge_gap < 20, city.name_zh  # at the frame's edge
        here = np.array([(bb.x0 + bb.x1) / 2, (bb.y0 + bb.y1) / 2]) - centre
        there = r.ax.transData.transform(city.xy) - centre
        cos = here @ there / np.linalg.norm(here) / np.linalg.norm(there)
        assert cos > 0.75, city.name_zh  # in the city's direction
    en = _page(geo, ds, "dt_4415", lang="en")
    assert en.title.endswith("(schematic diagram)")
    assert "Huzhou" in {t.get_text() for t in en.scene.renderer.edge_names.texts if t.get_visible()}
    # the standard style shows none of it
    std = _page(geo, ds, "st_core_belt_wings", diagram="standard")
    assert std.title == "一核一带两翼多基地"
    assert not any(t.get_visible() for t in (std.scene.renderer.edge_names.texts if std.scene.renderer.edge_names else ()))


def test_hzmap_export_style_and_view_fit(data, tmp_path, capsys):
    import pypdf

    geo, ds = data
    out = tmp_path / "diagram.pdf"
    assert main(["export", "--layout", "一核一带两翼多基地", "--style", "structure", "--view", "fit",
                 "--dpi", "96", "--out", str(out)]) == 0
    text = "".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
    for words in ("一核一带两翼多基地示意图", "不作为界线", "湖州", "一核"):
        assert words in text.replace("\n", "").replace(" ", ""), words
    with pytest.raises(SystemExit) as bad:  # argparse's own message and exit code
        main(["export", "--layout", "dt_4415", "--style", "nonsense", "--out", str(tmp_path / "x.png")])
    assert bad.value.code == 2 and "structure" in capsys.readouterr().err


def test_fit_frames_what_the_layout_draws(data):
    from hzmap.model.elements.framing import layout_extent
    from hzmap.model.elements.shape import element_figure

    geo, ds = data
    city = shapely.box(*view_extent(geo, "city"))
    for layout_id, layout in ds.layouts.items():
        x0, y0, x1, y1 = layout_extent(ds, geo, layout_id)
        frame = shapely.box(x0, y0, x1, y1)
        for el in layout.elements:
            fig = element_figure(geo, el)
            if fig is not None:
                assert frame.contains(fig.polygon), (layout_id, el.id)
    core_belt = shapely.box(*layout_extent(ds, geo, "st_core_belt_wings"))
    assert core_belt.area < 0.35 * city.area  # it filled a sixth of the city frame


def test_the_fit_view_follows_the_layout_in_the_view_state(data):
    from hzmap.model.session.session import Session
    from hzmap.model.view.viewstate import ViewState

    geo, ds = data
    state = ViewState(geo)
    Session(state, dataset=ds)
    state.update(layout="st_hk_wangjiang")
    seen = []
    state.changed.connect(lambda view, fields: seen.append(fields))
    assert state.set_preset("fit")
    small = state.view.extent
    assert (small.x1 - small.x0) < 0.3 * (state.preset_extent("city").x1 - state.preset_extent("city").x0)
    state.update(layout="dt_4415")  # one change: the layout and its frame
    assert seen[-1] >= {"layout", "extent"} and state.view.preset == "fit"
    assert (state.view.extent.x1 - state.view.extent.x0) > (small.x1 - small.x0)


def test_the_window_has_a_fit_button(window, qtbot):
    window.state.update(layout="st_core_belt_wings")
    act = window.view_actions["fit"]
    assert act.shortcut().toString() == "Ctrl+3"
    act.trigger()
    assert window.state.preset == "fit" and act.isChecked()
    city = window.state.preset_extent("city")
    assert window.state.view.extent.x1 - window.state.view.extent.x0 < 0.6 * (city.x1 - city.x0)


def test_export_dialog_chooses_the_style_and_remembers_it_per_layout(window, tmp_path, qtbot):
    window.state.update(layout="st_core_belt_wings")
    window.windows.export_action.trigger()
    dlg = window.windows.export_dialog
    assert dlg.style_combo.currentData() == "standard" and dlg.title_edit.text() == "一核一带两翼多基地"
    dlg.style_combo.setCurrentIndex(dlg.style_combo.findData("structure"))
    assert dlg.title_edit.text() == "一核一带两翼多基地示意图" and dlg.spec().diagram == "structure"
    dlg.format_combo.setCurrentIndex(dlg.format_combo.findData("png"))
    dlg.preset_combo.setCurrentIndex(dlg.preset_combo.findData("custom"))
    dlg.width_spin.setValue(800)
    dlg.height_spin.setValue(560)
    dlg.dpi_spin.setValue(96)
    dlg.path_edit.setText(str(tmp_path / "map.png"))
    assert dlg.export() is True
    window.state.update(layout="dt_4415")  # another layout: its own style (none chosen yet)
    window.windows.export_action.trigger()
    again = window.windows.export_dialog
    assert again.style_combo.currentData() == "standard"
    window.state.update(layout="st_core_belt_wings")  # back: the dialog follows, with its style
    qtbot.waitUntil(lambda: again.style_combo.currentData() == "structure", timeout=3000)
    again.reject()


@pytest.mark.parametrize("layout,parts", [("st_culture_trade", ["四廊"]),
                                          ("st_hk_wangjiang", ["轴带双织", "一心三港"]),
                                          ("st_outsourcing", ["多点"])])
def test_parts_the_text_does_not_place_are_named_on_the_map(data, layout, parts):
    geo, ds = data
    for diagram in ("standard", "structure"):
        page = _page(geo, ds, layout, diagram=diagram)
        texts = " ".join(t.get_text() for t in page.figure.texts).replace("\n", "")
        for part in parts:
            assert f"{part}：文本未指明位置，未标示" in texts, (diagram, part)
    en = " ".join(t.get_text() for t in _page(geo, ds, layout, lang="en").figure.texts)
    assert "the text does not say where; not shown" in en.replace("\n", " ")
    clean = _page(geo, ds, "dt_4415")
    assert "未标示" not in " ".join(t.get_text() for t in clean.figure.texts)


def test_an_element_needing_a_place_is_named_too(data):
    from hzmap.model.elements.unplaced import unplaced_parts

    geo, ds = data
    layout = ds.layouts["st_core_belt_wings"]
    lost = layout.elements[0].model_copy(update=dict(id="corridors", name="四廊", name_en="Four corridors",
                                                     districts=[], places=[], needs_place=True))
    ds.layouts["st_core_belt_wings"] = layout.model_copy(update={"elements": [*layout.elements, lost]})
    try:
        assert [u.note("zh") for u in unplaced_parts(ds, geo, "st_core_belt_wings")] == ["四廊：文本未指明位置，未标示"]
    finally:
        ds.layouts["st_core_belt_wings"] = layout
