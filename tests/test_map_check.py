"""The map check (hzmap/render/page/check.py) on exported pages: every layout, in both views (and
the fit view) and both languages, at A4 and 16:9, in both styles, has no problem and shows every
name whole; and the check sees a problem when there is one.

Pages are composed at a low resolution (the same page, drawn small: labels are placed in points,
so they land where the 300 DPI page has them), one Composer per page size and language, as a
batch export draws them (each page after another on one Figure)."""
import datetime as dt
import itertools
import re
from dataclasses import replace

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from hzmap.model.geo.extent import Extent  # noqa: E402
from hzmap.model.geo.views import view_extent  # noqa: E402
from hzmap.model.view.viewstate import View  # noqa: E402
from hzmap.render.page.check import check_page  # noqa: E402
from hzmap.render.page.compose import Composer, ExportSpec  # noqa: E402

DPI = 60
PAGES = ("a4-landscape", "16:9")
HEADLINE = ("st_core_belt_wings", "dt_4415")


def _layouts():
    from hzmap.paths import data_root
    import yaml

    return sorted(yaml.safe_load(p.read_text(encoding="utf-8"))["id"]
                  for p in (data_root() / "dataset" / "layouts").glob("*.yaml"))


_COMPOSERS: dict = {}
PRESETS = ("city", "urban", "fit")
LANGS = ("zh", "en")


def page_of(geo, ds, layout, preset="city", lang="zh", page="a4-landscape", diagram="standard"):
    """A composed page; one Composer per page size and language, as a batch export has."""
    from hzmap.model.elements.framing import layout_extent

    key = (id(geo), page, lang)
    if key not in _COMPOSERS:
        _COMPOSERS[key] = Composer(geo, ds, preview_dpi=DPI)
    bounds = layout_extent(ds, geo, layout) if preset == "fit" else view_extent(geo, preset)
    view = View(extent=Extent.from_bounds(bounds), preset=preset, lang=lang, layout=layout)
    return _COMPOSERS[key].page(ExportSpec(view=view, preset=page, date=dt.date(2026, 1, 1), diagram=diagram))


CASES = list(itertools.product(_layouts(), PRESETS, LANGS, PAGES))


def _sweep(shift: int) -> list:
    """Every case; the default run draws a quarter of them, turned by layout so that every view,
    language and page size meets every layout's neighbours and each combination is drawn three
    times; the rest are marked slow (.ci/run draws them all)."""
    combos = list(itertools.product(PRESETS, LANGS, PAGES))
    layouts = sorted({c[0] for c in CASES})
    return [pytest.param(*case, marks=() if (combos.index(case[1:]) - layouts.index(case[0]) - shift) % 4 == 0
                         else pytest.mark.slow) for case in CASES]


_WHOLE: dict = {}


def whole_names(geo, ds, lang) -> set:
    """Every name a map may show, whole, and the short names the dataset gives (a planner's
    choice), as one line."""
    from hzmap.render.map.label_text import element_names, one_line, place_names
    from hzmap.render.map.layout_style import element_text

    if lang not in _WHOLE:
        en = lang == "en"
        names = {n for p in ds.places.values() for n in place_names(p, en)}
        names |= {n for p in ds.places.values() for n in (p.name, *p.aliases)} if not en else set()
        names |= {n for lay in ds.layouts.values() for el in lay.elements
                  for n in element_names(el, element_text(el, en), en)}
        names |= {f["name_en"].replace(" District", "") if en else f["name_zh"] for f in geo.districts.values()}
        names |= {f["name_en" if en else "name_zh"] for f in geo.landmarks}
        _WHOLE[lang] = {_one(n) for n in names}
    return _WHOLE[lang]


def _one(text: str) -> str:
    from hzmap.render.page.check import _flat

    return _flat(text)


def assert_clean(page, geo, ds, lang):
    """No problem the map check sees, and every name on the map and in its key whole (or the
    dataset's short name): none cut at a bracket or ellipsised."""
    problems = check_page(page)
    assert not problems, "\n".join(map(str, problems))
    whole = whole_names(geo, ds, lang)
    r = page.scene.renderer
    for rec in r.label_records:
        text = _one(rec.text.get_text())
        if rec.text.get_visible() and rec.kind == "name" and not re.fullmatch(r"×\d+", text):
            assert text in whole, text
    for _marker, name in r.label_key:
        assert _one(name) in whole, name


@pytest.mark.parametrize("layout,preset,lang,page", _sweep(0))
def test_the_page_has_no_problem(data, layout, preset, lang, page):
    geo, ds = data
    assert_clean(page_of(geo, ds, layout, preset, lang, page), geo, ds, lang)


@pytest.mark.parametrize("layout,preset,lang,page", _sweep(2))
def test_the_structure_diagram_has_no_problem(data, layout, preset, lang, page):
    geo, ds = data
    assert_clean(page_of(geo, ds, layout, preset, lang, page, diagram="structure"), geo, ds, lang)


def test_the_sweep_covers_every_layout_of_the_dataset(dataset):
    assert {c[0] for c in CASES} == set(dataset.layouts) and len(dataset.layouts) >= 12


# -- the check sees what is wrong --------------------------------------------------------------
def _fresh(geo, ds, layout="dt_4415", preset="city", lang="zh"):
    view = View(extent=Extent.from_bounds(view_extent(geo, preset)), preset=preset, lang=lang, layout=layout)
    return Composer(geo, ds, preview_dpi=DPI).page(ExportSpec(view=view, date=dt.date(2026, 1, 1)))


def _record(page, text):
    return next(rec for rec in page.scene.renderer.label_records if rec.text.get_text() == text)


def test_a_label_moved_onto_another_district_is_off_its_feature(data):
    geo, ds = data
    page = _fresh(geo, ds)
    r = page.scene.renderer
    label = r.labels["gongshu"]
    label.set_position(r.label_anchor["fuyang"])  # 拱墅区 written over 富阳区
    kinds = {(p.kind, p.what) for p in check_page(page)}
    assert ("off its feature", "拱墅区") in kinds


def test_labels_on_each_other_overlap_and_a_label_off_the_map_is_outside(data):
    geo, ds = data
    page = _fresh(geo, ds)
    r = page.scene.renderer
    r.labels["jiande"].set_position(r.labels["chunan"].get_position())
    x0, x1 = r.ax.get_xlim()
    y0, y1 = r.ax.get_ylim()
    r.labels["linan"].set_position((x1 + (x1 - x0) * 0.01, (y0 + y1) / 2))
    problems = check_page(page)
    assert any(p.kind == "labels overlap" and {p.what, p.detail} == {"建德市", "淳安县"} for p in problems)
    assert any(p.kind == "outside frame" and p.what == "临安区" for p in problems)


def test_a_label_over_a_symbol_and_a_long_crossing_leader_are_reported(data):
    geo, ds = data
    page = _fresh(geo, ds, "st_core_belt_wings", "urban")
    r = page.scene.renderer
    station = next(t for t, _ in r.landmarks.labels if t.get_text() == "杭州站")
    rec = _record(page, "杭州站")
    station.set_position(r.landmarks.labels[[t for t, _ in r.landmarks.labels].index(station)][1])
    kinds = {p.kind for p in check_page(page) if p.what == "杭州站"}
    assert "covers a symbol" in kinds  # the name written over its own station
    # a leader from the station to a label far away, across 西湖区's name
    xihu = r.labels["xihu"]
    far = xihu.get_position()
    station.set_position((far[0], far[1] - (r.ax.get_ylim()[1] - r.ax.get_ylim()[0]) * 0.05))
    page.scene.renderer.label_records[page.scene.renderer.label_records.index(rec)] = replace(
        rec, leader=(rec.feature.xy, far))
    kinds = {p.kind for p in check_page(page) if p.what == "杭州站"}
    assert {"leader too long", "leader crosses a label"} <= kinds


def test_the_legend_that_lists_an_element_out_of_the_frame_is_reported(data):
    geo, ds = data
    page = _fresh(geo, ds, "dt_4415", "urban")
    ov = page.scene.renderer.overlay
    texts = [t.get_text() for t in ov.legend.get_texts()]
    assert "临空经济示范区支撑(1)" not in texts  # the airport zone is outside the urban frame
    assert "自贸试验区引领区(4)" in texts
    ov.legend.get_texts()[0].set_text("临空经济示范区支撑(1)")
    kinds = {(p.kind, p.what) for p in check_page(page)}
    assert ("legend lists what the frame does not show", "临空经济示范区支撑(1)") in kinds
    assert ("legend misses", "自贸试验区引领区(4)") in kinds


def test_symbols_on_each_other_are_reported(data):
    geo, ds = data
    page = _fresh(geo, ds, "st_core_belt_wings", "urban")
    ov = page.scene.renderer.overlay
    ea = next(e for e in ov.elements() if e.element_id == "bases")
    ea.shown_xy[1] = ea.shown_xy[0]
    assert any(p.kind == "symbols hide each other" for p in check_page(page))


def test_a_name_cut_at_its_bracket_is_caught(data):
    """"China (Zhejiang) Pilot Free Trade Zone, Hangzhou Area" was labelled "China"."""
    geo, ds = data
    page = page_of(geo, ds, "dt_4415", "urban", "en")
    assert_clean(page, geo, ds, "en")
    rec = next(rec for rec in page.scene.renderer.label_records
               if rec.kind == "name" and rec.text.get_visible() and " (" in _one(rec.text.get_text()))
    cut = _one(rec.text.get_text()).split(" (")[0]
    rec.text.set_text(cut)
    with pytest.raises(AssertionError, match=re.escape(cut)):
        assert_clean(page, geo, ds, "en")


def test_leaders_that_cross_each_other_are_reported(data):
    geo, ds = data
    page = _fresh(geo, ds)
    r = page.scene.renderer
    recs = r.label_records
    a, b = (next(i for i, rec in enumerate(recs) if rec.text.get_text() == name) for name in ("淳安县", "建德市"))
    (ax, ay), (bx, by) = recs[a].text.get_position(), recs[b].text.get_position()
    recs[a] = replace(recs[a], leader=((ax, ay), (bx, by)))
    recs[b] = replace(recs[b], leader=((ax, by), (bx, ay)))  # the other diagonal of the same box
    assert any(p.kind == "leaders cross" and {p.what, p.detail} == {"淳安县", "建德市"} for p in check_page(page))


def test_segments_cross_only_when_they_pass_through_each_other():
    from hzmap.render.map.label_rules import segments_cross

    a = np.array([[0, 0, 10, 10], [0, 0, 10, 0]])
    b = np.array([[0, 10, 10, 0], [20, 20, 30, 30], [10, 0, 10, 10]])  # an X, far away, touching the end
    assert segments_cross(a, b).tolist() == [[True, False, False], [False, False, False]]
    assert segments_cross(a, np.zeros((0, 4))).shape == (2, 0)


def test_a_page_whose_legend_sits_on_the_map_is_reported(data):
    geo, ds = data
    page = _fresh(geo, ds)
    legend = page.scene.renderer.ax.get_legend()
    assert not [p for p in check_page(page) if p.kind == "legend on the map"]
    legend.set_bbox_to_anchor(None)  # (its default: the map axes)
    assert [p for p in check_page(page) if p.kind == "legend on the map"]


def test_a_footer_over_the_map_is_reported_and_a_long_one_lifts_the_map(data):
    """The structure diagram's disclaimer made the 2018 platforms' footer three lines long; it ran
    over the map's foot."""
    geo, ds = data
    page = page_of(geo, ds, "open2018_platforms", "fit", "zh", diagram="structure")
    r = page.scene.renderer
    footer = next(t for t in page.figure.texts if "不作为界线" in t.get_text())
    assert footer.get_text().count("\n") == 2 and not check_page(page)
    assert r.ax.get_position().y0 > page_of(geo, ds, "open2018_platforms", "fit", "zh").scene.ax.get_position().y0
    page = page_of(geo, ds, "open2018_platforms", "fit", "zh", diagram="structure")
    footer = next(t for t in page.figure.texts if "不作为界线" in t.get_text())
    footer.set_y(page.scene.ax.get_position().y0)
    assert any(p.kind == "page text over the map" for p in check_page(page))


def test_neighbours_are_named_in_their_direction_from_hangzhou_in_the_fit_view(data):
    """The fit view of a layout that reaches out to the bay is set off east of the city: 绍兴 is
    named at the frame's east edge, not at the west one from the frame's middle."""
    geo, ds = data
    r = page_of(geo, ds, "open2018_platforms", "fit", "zh", diagram="structure").scene.renderer
    x0, _, x1, _ = r.ax.bbox.extents
    shown = {t.get_text(): t.get_window_extent(r.fig.canvas.get_renderer()) for t in r.edge_names.texts
             if t.get_visible()}
    assert x1 - shown["绍兴"].x1 < 20
    assert all(x1 - shown[c].x1 > (x1 - x0) / 2 for c in ("黄山", "衢州") if c in shown)


def test_a_page_drawn_after_another_keeps_its_legend_in_the_column(data):
    """A batch export reuses one Figure: the urban page after the city one spread its symbols
    anew while placing labels, made its legend again, and left it on the map (over 绍兴)."""
    geo, ds = data
    composer = Composer(geo, ds, preview_dpi=DPI)
    for preset in ("city", "urban"):
        view = View(extent=Extent.from_bounds(view_extent(geo, preset)), preset=preset, layout="open2018_platforms")
        page = composer.page(ExportSpec(view=view, preset="16:9", date=dt.date(2026, 1, 1), diagram="structure"))
        problems = check_page(page)
        assert not problems, (preset, [str(p) for p in problems])


# -- what the map shows where it was wrong -------------------------------------------------------
def test_station_names_stay_beside_their_markers_at_city_scale(data):
    """杭州站 and 杭州南站 used to drift away from their markers at the whole city, with no leader."""
    from hzmap.render.map.label_rules import BESIDE_PT, SYMBOL_R_PT, pt_to_px

    geo, ds = data
    for layout in HEADLINE:
        page = page_of(geo, ds, layout)
        r = page.scene.renderer
        renderer = r.fig.canvas.get_renderer()
        for rec in r.label_records:
            name = rec.text.get_text()
            if name not in ("杭州站", "杭州南站") or not rec.text.get_visible():
                continue
            bb = rec.text.get_window_extent(renderer)
            x, y = r.ax.transData.transform(rec.feature.xy)
            gap = np.hypot(max(bb.x0 - x, 0, x - bb.x1), max(bb.y0 - y, 0, y - bb.y1))
            near = gap <= pt_to_px(SYMBOL_R_PT + BESIDE_PT, r.fig.dpi) + 1
            assert near or rec.leader is not None, (layout, name, gap)


def test_no_label_covers_the_users_point_in_shangcheng(data, tmp_path):
    """The urban user-points page: 上城园 was covered by the 杭州站 label."""
    import render_cases
    from hzmap.model.geo.geodata import to_map
    from hzmap.render.page.compose import compose

    geo, ds = data
    page = compose(render_cases.spec("user_points_urban", geo, ds, tmp_path), geo, ds)
    r = page.scene.renderer
    renderer = r.fig.canvas.get_renderer()
    x, y = r.ax.transData.transform(to_map(120.211, 30.246))  # 上城园
    for text in r.ax.texts:
        if text.get_visible() and text.get_text().strip():
            bb = text.get_window_extent(renderer)
            assert not (bb.x0 - 3 < x < bb.x1 + 3 and bb.y0 - 3 < y < bb.y1 + 3), text.get_text()
    assert not check_page(page)


def test_the_screen_has_no_problem(window):
    """The window's map keeps the same rules (its legend in the map's corner, names that find no
    room hidden until the planner zooms in)."""
    from hzmap.render.page.check import check_map

    window.resize(1280, 760)
    for layout in HEADLINE:
        for preset in ("city", "urban", "fit"):
            window.state.update(layout=layout)
            window.state.set_preset(preset)
            window.canvas.draw()
            r = window.canvas.scene.renderer
            problems = check_map(r, window.canvas.figure.canvas.get_renderer())
            assert not problems, (layout, preset, [str(p) for p in problems])


def test_the_overview_shows_the_whole_frame_of_the_fit_view(data):
    """The fit view of 一核一带两翼多基地 reaches past the city's box: the overview's red frame was
    cut at its top and right."""
    geo, ds = data
    page = page_of(geo, ds, "st_core_belt_wings", "fit")
    rect = next(p for p in page.inset.patches if p.get_gid() == "view-extent")
    (x0, x1), (y0, y1) = page.inset.get_xlim(), page.inset.get_ylim()
    rx, ry = rect.get_xy()
    assert x0 <= rx and rx + rect.get_width() <= x1 and y0 <= ry and ry + rect.get_height() <= y1
