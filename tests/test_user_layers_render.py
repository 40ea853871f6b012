"""The user-layer artist on a plain Agg Figure: it draws, updates in place, and its legend and
ramps read in greyscale."""
import numpy as np
import pytest
from layer_files import INSIDE, write_csv
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from hzmap.model.geo.geodata import to_map
from hzmap.model.layers import open_path
from hzmap.model.layers.style import RAMPS, default_style
from hzmap.model.view.viewstate import LayerState
from hzmap.render.map.layer_paint import lightness, polygon_paths, ramp_colours
from hzmap.render.map.user_layers import UserLayerArtist


def _figure(geo, extent=None):
    fig = Figure(figsize=(4, 4), dpi=50)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    x0, y0, x1, y1 = extent or geo.bounds
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    return fig, ax


def _pixel(fig, ax, x, y):
    fig.canvas.draw()
    px, py = ax.transData.transform((x, y))
    img = np.asarray(fig.canvas.buffer_rgba())
    return img[img.shape[0] - int(round(py)), int(round(px)), :3]


@pytest.fixture
def points(geodata, tmp_path):
    path = write_csv(tmp_path / "p.csv", ["name", "lng", "lat", "kind", "投资"],
                     [(k, *v, "ab"[i % 2], 10 * (i + 1)) for i, (k, v) in enumerate(INSIDE.items())])
    return open_path(path, geodata)


@pytest.fixture
def table(geodata, tmp_path):
    rows = [(n, v) for n, v in zip(["上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "江干区"],
                                   [10, 20, 30, 40, 50, 60, 70])]
    return open_path(write_csv(tmp_path / "t.csv", ["区县", "产值（亿元）"], rows), geodata)


def test_points_draw_and_hide_in_place(geodata, points):
    x, y = to_map(*INSIDE["xihu"])
    fig, ax = _figure(geodata, (x - 2000, y - 2000, x + 2000, y + 2000))
    art = UserLayerArtist(ax, points, zorder=20)
    state = LayerState("p", kind="user", name="重点项目", style={**default_style(points), "colour": "#FF0000"},
                       source=points.source)
    art.update(state)
    assert tuple(_pixel(fig, ax, x, y)) == (255, 0, 0)
    collection = art.points.collections[0]
    art.update(LayerState("p", kind="user", name="重点项目", visible=False, style=state.style, source=points.source))
    assert tuple(_pixel(fig, ax, x, y)) == (255, 255, 255)
    art.update(LayerState("p", kind="user", name="重点项目", visible=False, opacity=0.5, style=state.style,
                          source=points.source))
    assert tuple(_pixel(fig, ax, x, y)) == (255, 255, 255)  # still hidden: opacity alone shows nothing
    art.update(LayerState("p", kind="user", name="重点项目", opacity=0.5, style=state.style, source=points.source))
    assert tuple(_pixel(fig, ax, x, y)) == (255, 127, 127)  # half-transparent red on white
    assert art.points.collections == [collection]  # the same artist all along


def test_size_and_category_styles_change_the_same_collection(geodata, points):
    fig, ax = _figure(geodata)
    art = UserLayerArtist(ax, points)
    base = LayerState("p", kind="user", name="p", style=default_style(points), source=points.source)
    art.update(base)
    first = art.points.collections[0]

    def size_and_colour_of(i):  # the group (collection) that draws point i
        x, y = points.geometry[i].x, points.geometry[i].y
        coll = next(c for c in art.points.collections if (np.abs(c.get_offsets() - (x, y)).sum(1) < 1e-6).any())
        return coll.get_sizes()[0], tuple(coll.get_facecolor()[0])

    art.update(LayerState("p", kind="user", name="p", source=points.source,
                          style={**base.style, "mode": "size", "column": "投资"}))
    sizes = [size_and_colour_of(i)[0] for i in range(3)]
    assert art.points.collections[0] is first and sizes[0] < sizes[1] < sizes[2]
    assert art.legend_entries()[0] == "投资"
    art.update(LayerState("p", kind="user", name="p", source=points.source,
                          style={**base.style, "mode": "category", "column": "kind", "labels": "name"}))
    faces = [size_and_colour_of(i)[1] for i in range(3)]
    assert faces[0] == faces[2] and faces[0] != faces[1] and len(art.points.collections) == 2
    assert [label for _h, label in art.legend_entries()[1]] == ["a", "b"]
    assert [t.get_text().strip() for t in art.labels] == list(INSIDE)


def test_choropleth_of_a_district_table_with_legend_title_and_unit(geodata, table):
    fig, ax = _figure(geodata)
    art = UserLayerArtist(ax, table)
    style = {**default_style(table), "scheme": "equal_interval", "k": 3}
    art.update(LayerState("t", kind="user", name="t", style=style, source=table.source))
    title, entries = art.legend_entries()
    assert title == "产值（亿元）"
    labels = [label for _h, label in entries]
    # 上城区 has its own row (10) and shows it, hatched because 江干区 also maps there
    assert labels[:3] == ["10 – 26.67 (2)", "26.67 – 43.33 (2)", "43.33 – 60 (2)"]
    assert "无数据" in labels and any("旧名或重名" in label for label in labels)
    art.set_language("en")  # the legend in one language at a time: the map's
    en = [label for _h, label in art.legend_entries()[1]]
    assert "no data" in en and any("old or repeated" in label for label in en)
    assert not any(ch > "\u2e80" for label in en for ch in label)
    art.set_language("zh")
    # 余杭 (60) darker than 拱墅 (20) on screen; 上城 (江干区 also maps to it) is hatched
    yuhang, gongshu = (_pixel(fig, ax, *to_map(*p)) for p in ((119.95, 30.40), (120.15, 30.32)))
    assert lightness(yuhang / 255) < lightness(gongshu / 255) - 20
    assert len(art.flagged.get_paths()) == 2  # 上城区 partial, 钱塘区 split


@pytest.mark.parametrize("ramp", RAMPS)
def test_every_ramp_steps_down_in_lightness(ramp):
    for k in range(2, 8):
        light = lightness(ramp_colours(ramp, k))
        assert (np.diff(light) < -5).all(), (ramp, k, light)  # each class visibly darker in greyscale


def test_polygon_paths_keep_holes_and_parts():
    import shapely
    from matplotlib.collections import PathCollection

    ring = shapely.box(0, 0, 10, 10).difference(shapely.box(4, 4, 6, 6))
    two = shapely.MultiPolygon([shapely.box(20, 1, 22, 3), shapely.box(30, 1, 32, 3)])
    paths = polygon_paths([ring, two])
    assert len(paths) == 2
    fig = Figure(figsize=(4, 1), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 40)
    ax.set_ylim(0, 10)
    ax.add_collection(PathCollection(paths, facecolor="black", edgecolor="none"))
    black = [tuple(_pixel(fig, ax, x, y)) == (0, 0, 0) for x, y in ((1, 1), (5, 5), (21, 2), (31, 2), (26, 2))]
    assert black == [True, False, True, True, False]  # the hole is a hole; both parts drawn


def test_remove_takes_every_artist_off_the_axes(geodata, table):
    fig, ax = _figure(geodata)
    art = UserLayerArtist(ax, table)
    art.update(LayerState("t", kind="user", name="t", style={**default_style(table), "labels": "区县"},
                          source=table.source))
    assert ax.collections and ax.texts
    art.remove()
    assert not ax.collections and not ax.texts and not ax.lines
