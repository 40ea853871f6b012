"""A large point layer (a firm registry) read through the reader process and kept as an array of
coordinates and columns of text: its features are still found under the pointer where they are,
its styles still follow its columns, a project keeps it as it was, and it holds no Python object
per point."""
import gc
import json
import tracemalloc

import numpy as np
import pytest
from layer_files import write_csv
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from hzmap.model.geo import chinacrs
from hzmap.model.geo.geodata import to_map
from hzmap.model.layers import open_path, reading
from hzmap.model.layers.persist import layer_from_dict, layer_to_dict, open_for_link, with_embedded_copy
from hzmap.model.layers.style import default_style
from hzmap.model.view.viewstate import LayerState
from hzmap.render.map.user_layers import UserLayerArtist

N = 30_000
KINDS = ["制造", "服务", "研发", "物流"]


def registry(path, n=N, seed=7):
    """`n` GCJ-02 points over the city's centre with a name, a category and an amount, written as
    text the way a registry is; returns the path and the rows as written."""
    rng = np.random.default_rng(seed)
    lon, lat = rng.uniform(120.05, 120.35, n), rng.uniform(30.15, 30.35, n)
    rows = [(f"企业{i}", f"{x:.6f}", f"{y:.6f}", KINDS[k], f"{v:.1f}")
            for i, (x, y, k, v) in enumerate(zip(lon, lat, rng.choice(4, n, p=[0.4, 0.3, 0.2, 0.1]),
                                                  rng.lognormal(3, 1, n)))]
    return write_csv(path, ["名称", "gcj_lng", "gcj_lat", "行业", "注册资本"], rows), rows


def map_xy(rows):
    """Where the rows' GCJ-02 lon/lat lie on the map, worked out here point by point."""
    gcj = np.array([(float(r[1]), float(r[2])) for r in rows])
    wgs = chinacrs.to_wgs84(gcj, "gcj02")
    return np.array([to_map(lon, lat) for lon, lat in wgs])


@pytest.fixture(scope="module")
def firms(geodata, tmp_path_factory):
    """The registry opened as a layer through the reader process (as a file over 8 MB is)."""
    path, rows = registry(tmp_path_factory.mktemp("firms") / "企业名录.csv")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(reading, "IN_PROCESS_BYTES", 0)
        data = open_path(path, geodata)
    return data, rows, map_xy(rows)


def nearest(xy, x, y, tol):
    d = np.hypot(xy[:, 0] - x, xy[:, 1] - y)
    if d.min() > tol:
        return None
    return int(np.flatnonzero(d == d.min()).max())  # equally near: the one drawn last


def test_each_firm_is_found_under_the_pointer_where_it_is_with_its_cells_as_written(firms):
    data, rows, xy = firms
    assert data.kind == "points" and len(data) == N
    rng = np.random.default_rng(1)
    for i in rng.choice(N, 300, replace=False):
        hit = data.hit(*xy[i], tolerance=0.5)
        assert hit is not None and hit.row == i + 2  # the header is line 1
        assert hit.attributes == dict(zip(["名称", "gcj_lng", "gcj_lat", "行业", "注册资本"], rows[i]))
        assert data.geometry[hit.index].distance(data.geometry[i]) < 0.5
    # anywhere else: the nearest firm within the tolerance, or none
    x0, y0, x1, y1 = data.bounds
    for x, y, tol in zip(rng.uniform(x0 - 500, x1 + 500, 400), rng.uniform(y0 - 500, y1 + 500, 400),
                         rng.choice([0.0, 20.0, 150.0, 600.0], 400)):
        hit = data.hit(x, y, tol)
        want = nearest(xy, x, y, max(tol, 1e-9))
        assert (hit.index if hit is not None else None) == want, (x, y, tol)


def test_category_and_size_styles_still_follow_the_columns(geodata, firms):
    data, rows, xy = firms
    fig = Figure(figsize=(4, 4), dpi=50)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    art = UserLayerArtist(ax, data)
    style = default_style(data)
    art.update(LayerState("f", kind="user", name="企业", source=data.source,
                          style={**style, "mode": "category", "column": "行业"}))
    fig.canvas.draw()
    where = {(round(x, 3), round(y, 3)): i for i, (x, y) in enumerate(data.geometry.xy.tolist())}
    title, legend = art.legend_entries()
    colour_of = {tuple(np.round(to_rgba(h.get_markerfacecolor()), 3)): label for h, label in legend}
    seen = set()
    for coll in art.points.collections:
        kinds = {rows[where[(round(x, 3), round(y, 3))]][3] for x, y in coll.get_offsets().tolist()}
        face = tuple(np.round(coll.get_facecolor()[0], 3))
        assert kinds == {colour_of[face]}  # every dot of a colour is of the category its legend names
        seen |= kinds
    counts = {k: sum(r[3] == k for r in rows) for k in KINDS}
    assert [label for _h, label in legend] == sorted((k for k in KINDS if counts[k]), key=lambda k: -counts[k])
    assert seen == {k for k in KINDS if counts[k]} and title == "行业"
    art.update(LayerState("f", kind="user", name="企业", source=data.source,
                          style={**style, "mode": "size", "column": "注册资本"}))
    groups = sorted(((coll.get_sizes()[0], [float(rows[where[(round(x, 3), round(y, 3))]][4])
                                            for x, y in coll.get_offsets().tolist()])
                     for coll in art.points.collections), key=lambda g: g[0])
    for (_small, lower), (_big, higher) in zip(groups, groups[1:]):
        assert max(lower) <= min(higher)  # a larger dot never stands for a smaller amount


def _same(a, b, exact=True):
    assert a.kind == b.kind and len(a) == len(b) and a.columns() == b.columns()
    if exact:
        assert np.array_equal(a.geometry.xy, b.geometry.xy)
    else:
        assert np.abs(a.geometry.xy - b.geometry.xy).max() <= 0.006  # the copy keeps centimetres
    assert list(a.rows) == list(b.rows) and list(a.feature_districts) == list(b.feature_districts)
    assert a.district_counts() == b.district_counts() and a.categories("行业") == b.categories("行业")
    for row in (2, 3, len(a) // 2, len(a) + 1):
        assert a.attributes(row) == b.attributes(row)
    assert np.array_equal(a.feature_values("注册资本"), b.feature_values("注册资本"))


def test_a_project_saves_and_reopens_the_layer_as_it_was_linked_or_kept_inside(geodata, firms, tmp_path):
    data, _rows, _xy = firms
    state = LayerState("u1", kind="user", name="企业", style=default_style(data), source=data.source)
    folder = data.source.path.parent  # the project beside its data
    entry = json.loads(json.dumps(layer_to_dict(state, folder), ensure_ascii=False))
    loaded = layer_from_dict(entry, folder)
    assert loaded.link.status == "ok"
    _same(open_for_link(loaded, geodata), data)
    small = open_path(registry(tmp_path / "small.csv", n=3000, seed=3)[0], geodata)
    kept = with_embedded_copy(LayerState("u2", kind="user", name="企业", style=default_style(small),
                                         source=small.source), small)
    entry = json.loads(json.dumps(layer_to_dict(kept, tmp_path), ensure_ascii=False))
    (tmp_path / "small.csv").unlink()
    loaded = layer_from_dict(entry, tmp_path)
    assert loaded.link.status == "missing"
    _same(open_for_link(loaded, geodata), small, exact=False)


def test_a_large_point_layer_holds_no_python_object_per_point(geodata, tmp_path):
    from hzmap.model.geo.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    open_path(registry(tmp_path / "warm.csv", n=200)[0], geodata, gazetteer=gazetteer)  # imports, caches
    path = registry(tmp_path / "big.csv", n=60_000)[0]
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        data = open_path(path, geodata, gazetteer=gazetteer)
        data.index
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(data) == 60_000
    # coordinates 16 bytes, row number and district 16, five columns as numpy strings 80, the
    # hit-test's keys 16: 136 bytes a point measured so; with a Python string a cell and a shapely
    # Point a point (whose GEOS part tracemalloc does not even see) it was 329
    assert held / len(data) < 220, f"{held / len(data):.0f} bytes a point"
