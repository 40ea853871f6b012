"""West Lake, the main railway stations, the airport and the metro stations (OpenStreetMap) are
on the default map, where they are, named, and their names never fight the layout's labels."""
import sqlite3

import numpy as np
import pytest
import shapely
from matplotlib.figure import Figure

from hzmap.model.geo.extent import Extent
from hzmap.model.geo.geodata import load_geodata, to_map
from hzmap.model.geo.views import view_extent
from hzmap.model.view.viewstate import View
from hzmap.render.map import labels as labelling
from hzmap.render.map.landmarks import METRO_MAX_VIEW_M
from hzmap.render.map.scene import Scene


def test_west_lake_is_water_inside_xihu(geodata):
    x, y = to_map(120.145, 30.248)  # mid-lake, between 白堤 and 小瀛洲
    assert geodata.water_at(x, y) == "xihu"
    assert geodata.district_at(x, y) is None  # a click on the lake is a click on water
    lake = next(f for f in geodata.water_areas if f.id == "xihu")
    assert 5.5e6 < lake.geometry.area < 6.5e6  # 6.4 km² with its islands, 19 islands cut out
    assert len(shapely.get_parts(lake.geometry)[0].interiors) >= 15
    assert geodata.districts["xihu"].geometry.contains(lake.geometry.representative_point())
    # 孤山 and 小瀛洲, the lake's largest islands, are land again
    assert geodata.water_at(*to_map(120.1389, 30.2544)) is None
    assert geodata.water_at(*to_map(120.1405, 30.2412)) is None


@pytest.mark.parametrize("lid,district,lonlat", [
    ("hangzhou_east", "shangcheng", (120.2132, 30.2911)),
    ("hangzhou_west", "yuhang", (119.9826, 30.3005)),
    ("hangzhou_station", "shangcheng", (120.1823, 30.2447)),
    ("hangzhou_south", "xiaoshan", (120.2915, 30.1776)),
    ("xiaoshan_airport", "xiaoshan", (120.4330, 30.2340)),
])
def test_main_landmarks_stand_where_they_are(geodata, lid, district, lonlat):
    """Each within 600 m of its published position, in the right district."""
    f = next(f for f in geodata.landmarks if f.id == lid)
    assert geodata.district_at(f.geometry.x, f.geometry.y) == district
    assert f.geometry.distance(shapely.Point(to_map(*lonlat))) < 600


def test_metro_stations_are_inside_the_city_and_not_repeated(geodata):
    metro = [f for f in geodata.landmarks if f["kind"] == "metro"]
    assert 200 < len(metro) < 300
    names = [f["name_zh"] for f in metro]
    assert "龙翔桥" in names and "火车东站(东广场)" in names
    assert names.count("凤起路") == 1  # two lines' points of one interchange are one station
    assert all(geodata.outline.contains(f.geometry) for f in metro)


def test_geodata_without_landmarks_still_opens(tmp_path):
    """A GeoPackage built before the layer was added: no landmarks, nothing else lost."""
    from hzmap.model.geo.geodata import DEFAULT_GPKG

    old = tmp_path / "old.gpkg"
    old.write_bytes(DEFAULT_GPKG.read_bytes())
    con = sqlite3.connect(old)
    con.execute("DROP TABLE landmarks")
    con.execute("DELETE FROM gpkg_contents WHERE table_name = 'landmarks'")
    con.execute("DELETE FROM gpkg_geometry_columns WHERE table_name = 'landmarks'")
    con.commit()
    con.close()
    geo = load_geodata(old)
    assert geo.landmarks == [] and len(geo.districts) == 13
    Scene(Figure(figsize=(4, 3), dpi=50), geo).apply(View(extent=Extent(*view_extent(geo, "city"))))


def _scene(geo, ds, preset="urban", layout="dt_4415", lang="zh", extent=None):
    fig = Figure(figsize=(12, 8), dpi=100)
    scene = Scene(fig, geo, ds)
    ext = extent or Extent.from_bounds(view_extent(geo, preset))
    scene.apply(View(extent=ext, preset=preset, layout=layout, lang=lang))
    renderer = fig.canvas.get_renderer()
    scene.renderer.refresh_labels(renderer)
    fig.canvas.draw()
    return scene, renderer


def _box(text, renderer):
    bb = text.get_window_extent(renderer)
    return labelling.Box(bb.x0, bb.y0, bb.x1, bb.y1)


def test_station_names_show_beside_their_symbols_and_cover_no_other_label(data):
    geo, ds = data
    scene, renderer = _scene(geo, ds)
    r = scene.renderer
    shown = {t.get_text(): t for t, _ in r.landmarks.labels if t.get_visible()}
    assert {"杭州东站", "杭州西站", "杭州站", "杭州南站"} <= set(shown)
    others = list(r.label_boxes(renderer).values())
    others += [_box(ea.label, renderer) for ea in r.overlay.elements() if ea.label is not None and ea.label.get_visible()]
    to_px = r.ax.transData
    for (text, anchor) in r.landmarks.labels:
        if not text.get_visible():
            continue
        box = _box(text, renderer)
        assert not any(box.overlaps(o) for o in others), text.get_text()
        ax, ay = to_px.transform(anchor)  # beside the symbol, not over it, not far from it
        assert not (box.x0 - 2 < ax < box.x1 + 2 and box.y0 - 2 < ay < box.y1 + 2), text.get_text()
        assert min(abs(ax - box.x0), abs(ax - box.x1), abs(ay - box.y0), abs(ay - box.y1)) < 40


def test_metro_dots_only_at_close_zoom_and_english_names(data):
    geo, ds = data
    scene, _ = _scene(geo, ds)
    assert not scene.renderer.landmarks.metro.get_visible()  # 主城区 on a wide page: no dots
    cx, cy = to_map(120.17, 30.26)
    half = METRO_MAX_VIEW_M * 0.3
    scene, _ = _scene(geo, ds, preset="custom", lang="en",
                      extent=Extent(cx - half, cx + half, cy - half * 0.6, cy + half * 0.6))
    metro = scene.renderer.landmarks.metro
    assert metro.get_visible() and len(metro.get_xdata()) > 200
    names = {t.get_text() for t, _ in scene.renderer.landmarks.labels}
    assert "Hangzhou East" in names


def test_switching_the_layer_off_hides_symbols_names_and_dots(data):
    from dataclasses import replace

    geo, ds = data
    scene, renderer = _scene(geo, ds)
    view = scene.view
    layers = tuple(replace(lay, visible=False) if lay.id == "landmarks" else lay for lay in view.layers)
    scene.apply(replace(view, layers=layers))
    scene.renderer.refresh_labels(renderer)
    lm = scene.renderer.landmarks
    assert not any(a.get_visible() for a in lm.artists)
    assert "landmarks" not in scene.describe()["visible_layers"]


def test_every_export_credits_openstreetmap(data):
    from hzmap.render.page.compose import ExportSpec, source_text

    geo, ds = data
    view = View(extent=Extent.from_bounds(view_extent(geo, "city")), layout="dt_4415")
    assert "© OpenStreetMap contributors (ODbL)" in source_text(ExportSpec(view=view), ds)
    en = ExportSpec(view=View(extent=view.extent, lang="en"))
    assert "© OpenStreetMap contributors (ODbL)" in source_text(en, ds)


def test_rebuilt_landmarks_match_the_kept_extracts(geodata):
    """The shipped layer is what geodata/build_landmarks.py makes of geodata/osm/."""
    import importlib.util
    from pathlib import Path

    here = Path(__file__).resolve().parents[1] / "geodata" / "build_landmarks.py"
    spec = importlib.util.spec_from_file_location("build_landmarks", here)
    bl = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bl)

    def to_map_geom(g):
        return shapely.transform(g, lambda xy: np.column_stack(
            [np.array([to_map(*p) for p in xy])[:, 0], np.array([to_map(*p) for p in xy])[:, 1]]))
    rows = bl.landmarks(to_map_geom, geodata.outline)
    assert [r[0] for r in rows] == [f.id for f in geodata.landmarks]
    worst = max(r[4].distance(f.geometry) for r, f in zip(rows, geodata.landmarks))
    assert worst < 0.01
