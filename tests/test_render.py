"""The map drawn on a plain Figure (no Qt): what is drawn, and labels that never collide."""
import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from hzmap.model.geo.geodata import to_map  # noqa: E402
from hzmap.render.map import labels as labelling  # noqa: E402
from hzmap.render.map.map_view import MapRenderer  # noqa: E402

ALL = {"shangcheng", "gongshu", "xihu", "binjiang", "xiaoshan", "yuhang", "linping", "qiantang",
       "fuyang", "linan", "tonglu", "chunan", "jiande"}


def make(geodata, size=(10, 7), view="city"):
    fig = Figure(figsize=size, dpi=100)
    r = MapRenderer(fig, geodata)
    r.set_view(view)
    fig.canvas.draw()
    r.refresh_labels()
    fig.canvas.draw()
    return fig, r


def test_draws_every_district_water_and_chinese_labels(geodata):
    fig, r = make(geodata)
    assert set(r.fills) == ALL
    assert len(r.layers["water"]) >= 2  # river/lake/estuary areas and the lines
    names = {t.get_text() for t in r.labels.values() if t.get_visible()}
    assert names == {f["name_zh"] for f in geodata.districts.values()}
    # neighbouring districts never share a fill colour
    geoms = {did: f.geometry for did, f in geodata.districts.items()}
    for a in ALL:
        for b in ALL:
            if a < b and geoms[a].buffer(50).intersects(geoms[b]):
                assert r.base_colours[a] != r.base_colours[b], (a, b)


@pytest.mark.parametrize("view", ["city", "urban"])
@pytest.mark.parametrize("size", [(10, 7), (7, 5), (16, 9)])
def test_district_labels_do_not_overlap(geodata, view, size):
    fig, r = make(geodata, size, view)
    boxes = r.label_boxes()
    if view == "city":
        assert set(boxes) == ALL, f"labels dropped: {ALL - set(boxes)}"
    else:
        assert {"shangcheng", "gongshu", "xihu", "binjiang"} <= set(boxes)
    names = list(boxes)
    overlaps = labelling.boxes_overlap([boxes[n] for n in names])
    assert not overlaps, [(names[i], names[j]) for i, j in overlaps]
    area = labelling.Box(*r.ax.bbox.extents)
    for n, b in boxes.items():
        assert b.inside(area), n


def test_urban_core_labels_stay_near_their_district(geodata):
    fig, r = make(geodata, (10, 7), "city")
    boxes = r.label_boxes()
    for did in ("shangcheng", "gongshu", "binjiang"):
        b = boxes[did]
        centre = r.ax.transData.inverted().transform(((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2))
        anchor = np.array(r.label_anchor[did])
        assert np.hypot(*(centre - anchor)) < 25_000, did  # within 25 km, joined by a leader line


def test_selection_outline_changes_in_place(geodata):
    fig, r = make(geodata)
    n_artists = len(r.ax.get_children())
    r.set_selection("qiantang")
    assert r.select_patch.get_visible()
    x, y = to_map(120.45, 30.30)
    assert r.select_patch.get_path().contains_point((x, y))
    r.set_selection(None)
    assert not r.select_patch.get_visible()
    assert len(r.ax.get_children()) == n_artists  # nothing replotted


def test_view_presets_frame_city_and_core(geodata):
    _, r = make(geodata, view="urban")
    x0, x1, y0, y1 = r.limits()
    for lon, lat in ((120.17, 30.25), (120.21, 30.19), (120.13, 30.30)):  # 上城, 滨江, 西湖/拱墅
        x, y = to_map(lon, lat)
        assert x0 < x < x1 and y0 < y < y1
    r.set_view("city")
    x0, x1, y0, y1 = r.limits()
    for lon, lat in ((118.4, 29.6), (120.7, 30.35)):  # 淳安 west, 钱塘 east
        x, y = to_map(lon, lat)
        assert x0 < x < x1 and y0 < y < y1


def _layout_ids():
    from hzmap.paths import data_root
    import yaml

    return sorted(yaml.safe_load(p.read_text(encoding="utf-8"))["id"]
                  for p in (data_root() / "dataset" / "layouts").glob("*.yaml"))


@pytest.mark.parametrize("layout_id", _layout_ids())
def test_each_layout_draws_its_elements_legend_and_free_labels(geodata, dataset, layout_id):
    from hzmap.render.map.layout_overlay import LayoutOverlay
    from hzmap.render.map.layout_style import SCHEMATIC_MARK

    fig = Figure(figsize=(10, 7), dpi=100)
    r = MapRenderer(fig, geodata)
    r.overlay = LayoutOverlay(r, dataset)
    r.overlay.show(layout_id)
    layout = dataset.layouts[layout_id]
    shown = {ea.element_id: ea for ea in r.overlay.elements()}
    assert set(shown) == {el.id for el in layout.elements}
    for el in layout.elements:
        ea = shown[el.id]
        assert ea.artists, el.id
        if el.geometry.type == "places" or el.places:
            from hzmap.model.dataset import drawn_places  # a place in parts: a symbol at each
            assert len(ea.places) == sum(len(drawn_places(dataset, p)) for p in el.places), el.id
        if el.geometry.type == "schematic":
            assert ea.label.get_text().endswith(SCHEMATIC_MARK)  # schematic shapes say so
    legend = r.ax.get_legend()
    assert legend.get_title().get_text() == layout.name
    texts = [t.get_text() for t in legend.get_texts()]
    assert all(any(el.name in t for t in texts) for el in layout.elements)
    for view in ("city", "urban"):
        r.set_view(view)
        fig.canvas.draw()
        r.refresh_labels()
        boxes = r.label_boxes()
        names = list(boxes)
        overlaps = labelling.boxes_overlap([boxes[n] for n in names])
        assert not overlaps, (view, [(names[i], names[j]) for i, j in overlaps])
        legend = r.ax.get_legend()  # (made again for the frame: it lists what shows in it)
        bb = legend.get_window_extent(fig.canvas.get_renderer())
        legend_box = labelling.Box(bb.x0, bb.y0, bb.x1, bb.y1)
        assert not [n for n, b in boxes.items() if b.overlaps(legend_box)], view


def test_switching_layouts_updates_in_place(geodata, dataset):
    from hzmap.render.map.layout_overlay import LayoutOverlay

    fig = Figure(figsize=(8, 6))
    r = MapRenderer(fig, geodata)
    r.overlay = LayoutOverlay(r, dataset)
    r.overlay.show("dt_4415")
    n = len(r.ax.get_children())
    r.overlay.show("st_core_belt_wings")
    r.overlay.show("dt_4415")
    assert len(r.ax.get_children()) == n + len([a for ea in r.overlay._built["st_core_belt_wings"]
                                                 for a in ea.artists])  # built once, then toggled
    hidden = [a for ea in r.overlay._built["st_core_belt_wings"] for a in ea.artists]
    assert not any(a.get_visible() for a in hidden)
