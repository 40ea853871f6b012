"""Styles that keep the layout readable: default colours far from the layout's and the base map's,
area layers as outlines, a listing counted (not Floor, no colour wash), and a legend that covers
no district's name in the default views of a window that is not maximised."""
import numpy as np
import pytest
from matplotlib.colors import to_rgb

from hzmap.model.layers.style import AREA_COLOUR, LINE_COLOUR, POINT_COLOUR
from hzmap.render.map.layout_style import ELEMENT_COLOURS
from hzmap.render.map.style import TOL_LIGHT, lighten


def _lab(colour) -> np.ndarray:
    rgb = np.array(to_rgb(colour))
    lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ lin
    xyz /= np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


@pytest.mark.parametrize("colour", [POINT_COLOUR, AREA_COLOUR, LINE_COLOUR])
def test_default_colours_are_far_from_the_layouts_and_the_base_maps(colour):
    palette = [*ELEMENT_COLOURS, *TOL_LIGHT, *(lighten(c, 0.45) for c in TOL_LIGHT)]
    nearest = min(np.linalg.norm(_lab(colour) - _lab(c)) for c in palette)
    assert nearest > 35  # CIELAB ΔE: clearly another colour (协同创新区's red is #EE6677)


def test_a_listing_is_counted_per_district_not_its_floor_and_not_a_wash(geodata, tmp_path):
    from matplotlib.figure import Figure
    from office_files import listings_csv

    from hzmap.model.layers import open_path
    from hzmap.model.layers.style import default_style
    from hzmap.model.view.viewstate import LayerState
    from hzmap.render.map.user_layers import UserLayerArtist

    data = open_path(listings_csv(tmp_path / "listings.csv"), geodata)
    style = default_style(data)
    assert style["column"] != "Floor" and style["combine"] == "count" and style["mode"] == "choropleth"
    ax = Figure().add_subplot()
    art = UserLayerArtist(ax, data)
    art.update(LayerState("u", kind="user", name="listings", style=style, source=data.source))
    faces = art.main.get_facecolor()
    covered = [i for i, d in enumerate(data.district_ids) if d in ("xihu", "binjiang", "xiaoshan", "yuhang")]
    assert len({tuple(np.round(faces[i], 3)) for i in covered}) >= 3  # classes, not one colour
    title, rows = art.legend_entries()
    assert title.startswith("行数") and not any("not classified" in t for _h, t in rows)


@pytest.mark.parametrize("preset", ["city", "urban"])
def test_the_legend_covers_no_district_name_in_a_window_not_maximised(window, tmp_path, preset):
    from office_files import census_2020_xlsx

    from hzmap.model.layers import open_path

    window.state.update(layout="dt_4415")
    data = open_path(census_2020_xlsx(tmp_path / "census.xlsx"), window.geo)
    window.session.add_layer(data)
    window.state.set_preset(preset)
    window.canvas.draw()
    r = window.canvas.scene.renderer
    renderer = window.canvas.figure.canvas.get_renderer()
    legend = r.ax.get_legend()
    box = legend.get_window_extent(renderer)
    shown = [t for t in r.labels.values() if t.get_visible()]
    # the whole city: all 13 names but one at most (each name on its district or on a short
    # leader to it: in a 530 px wide map the urban core's small districts crowd, and a name with
    # no such room waits for the zoom); the urban view of a 1200x800 window (the layout's legend
    # and five classes): all but one whose only room is the legend's corner
    assert len(shown) >= 12 if preset == "city" else len(shown) >= 7
    for text in shown:
        assert not box.overlaps(text.get_window_extent(renderer)), text.get_text()
