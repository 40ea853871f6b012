"""The density view of a point layer: points counted in hexagons fixed in metres, classed like a
choropleth, with a legend in counts; on the map, in the style editor and in exports."""
import numpy as np
import pypdf
import pytest
import shapely
from layer_files import write_csv

from hzmap.model.geo.geodata import to_map
from hzmap.model.layers import open_path
from hzmap.model.layers.density import NICE_CELLS, auto_cell, hexbin
from hzmap.model.layers.store import LayerStore
from hzmap.model.layers.style import DENSITY_FROM, check_style, default_style
from hzmap.model.session.session import Session
from hzmap.model.view.viewstate import ViewState


def test_every_point_is_counted_in_the_hexagon_that_holds_it():
    rng = np.random.default_rng(4)
    xy = np.column_stack([rng.uniform(500_000, 520_000, 5000), rng.uniform(3_340_000, 3_352_000, 5000)])
    bins = hexbin(xy, 1000)
    assert bins.cell == 1000 and bins.counts.sum() == len(xy) and (bins.counts > 0).all()
    hexagons = [shapely.Polygon(bins.hexagon() + c) for c in bins.centres]
    assert all(abs(h.area - 1000 ** 2 * np.sqrt(3) / 2) < 1 for h in hexagons[:5])  # 1 km across the flats
    tree = shapely.STRtree(hexagons)
    holding = tree.query(shapely.points(xy), predicate="intersects")  # (point, hexagon) pairs
    inside = np.bincount(holding[1], minlength=len(hexagons))
    # every point lies in the hexagon it was counted in (a point on a shared edge lies in both)
    assert (inside >= bins.counts).all() and len(np.unique(holding[0])) == len(xy)
    # hexagons tile: none overlaps another
    assert shapely.union_all(hexagons).area == pytest.approx(sum(h.area for h in hexagons), rel=1e-9)


def test_an_automatic_hexagon_is_a_round_size_about_seventy_across_the_layer():
    xy = np.array([[0.0, 0.0], [140_000.0, 90_000.0]])
    assert auto_cell(xy) in NICE_CELLS and 1000 <= auto_cell(xy) <= 2500
    assert hexbin(np.empty((0, 2))).counts.size == 0


def test_the_style_keeps_a_density_view_and_its_hexagon_and_refuses_a_silly_one():
    style, problems = check_style({"mode": "density", "cell": 500})
    assert style["mode"] == "density" and style["cell"] == 500 and not problems
    style, problems = check_style({"mode": "density", "cell": 3})
    assert style["cell"] is None and problems


def test_a_layer_of_a_million_points_opens_in_the_density_view():
    class Big:
        kind = "points"

        def __len__(self):
            return DENSITY_FROM + 1
    assert default_style(Big())["mode"] == "density"


@pytest.fixture
def dense_csv(tmp_path):
    """2,000 points around 西湖区's label point, 200 around 萧山区's: one hexagon much denser."""
    rng = np.random.default_rng(7)
    rows = [(f"p{i}", 120.10 + rng.normal(0, 0.004), 30.25 + rng.normal(0, 0.004)) for i in range(2000)]
    rows += [(f"q{i}", 120.35 + rng.normal(0, 0.02), 30.15 + rng.normal(0, 0.02)) for i in range(200)]
    return write_csv(tmp_path / "企业.csv", ["name", "lng", "lat"], rows)


def test_the_densest_hexagon_is_drawn_in_the_darkest_class_and_the_legend_counts(data, dense_csv):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from hzmap.model.view.viewstate import LayerState
    from hzmap.render.map.layer_paint import ramp_colours
    from hzmap.render.map.user_layers import UserLayerArtist

    geo, _ = data
    layer_data = open_path(dense_csv, geo)
    fig = Figure(figsize=(5, 5), dpi=60)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    cx, cy = to_map(120.10, 30.25)
    ax.set_xlim(cx - 8000, cx + 8000)  # hexagons of 2 km some 40 pixels across
    ax.set_ylim(cy - 8000, cy + 8000)
    art = UserLayerArtist(ax, layer_data, zorder=5)
    style = {**default_style(layer_data), "mode": "density", "cell": 2000, "k": 3}
    art.update(LayerState("d", kind="user", name="企业", style=style, source=layer_data.source))
    title, entries = art.legend_entries()
    assert title == "企业 · 每2,000米六边形点数"  # the legend's words in the map's language
    art.set_language("en")
    assert art.legend_entries()[0] == "企业 · points per 2,000 m hexagon"
    art.set_language("zh")
    assert 1 <= len(entries) <= 3
    bins = art.density.bins
    px, py = ax.transData.transform(bins.centres[np.argmax(bins.counts)])  # the densest hexagon's centre

    def pixel():
        fig.canvas.draw()
        img = np.asarray(fig.canvas.buffer_rgba())
        return img[img.shape[0] - int(round(py)), int(round(px)), :3] / 255
    colour = pixel()
    art.update(LayerState("d", kind="user", name="企业", style=style, visible=False, source=layer_data.source))
    under = pixel()
    from hzmap.render.map.density_paint import DENSITY_ALPHA
    shades = [DENSITY_ALPHA * c[:3] + (1 - DENSITY_ALPHA) * under for c in ramp_colours(style["ramp"], 3)]
    nearest = int(np.argmin([np.abs(colour - s).max() for s in shades]))
    assert nearest == 2 and np.abs(colour - shades[2]).max() < 0.03  # the darkest class, as blended
    art.update(LayerState("d", kind="user", name="企业", style=style, source=layer_data.source))
    assert not any(c.get_visible() for c in art.points.collections)  # the dots are not drawn
    art.update(LayerState("d", kind="user", name="企业", style={**style, "mode": "single"}, source=layer_data.source))
    assert any(c.get_visible() for c in art.points.collections) and not art.density.collection.get_visible()


def test_an_export_of_the_density_view_has_its_counts_in_the_legend(data, dense_csv, tmp_path):
    from hzmap.render.page.compose import ExportSpec, compose
    from hzmap.render.page.export_io import save

    geo, ds = data
    session = Session(ViewState(geo), dataset=ds, layers=LayerStore())
    layer = session.add_layer(open_path(dense_csv, geo))
    session.state.update_layer(layer.id, style={**layer.style, "mode": "density", "cell": 1000})
    session.state.update(lang="en")  # (pypdf reads the English words back)
    out = save(compose(ExportSpec(view=session.state.view, dpi=96, layers=session.layers), geo, ds).figure,
               tmp_path / "density.pdf", "pdf")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
    assert "points per" in text and "1,000 m" in text


def test_the_style_editor_offers_the_density_view_for_points_and_its_hexagon_size(window, dense_csv):
    from hzmap.model.layers import open_path as open_file

    layer = window.session.add_layer(open_file(dense_csv, window.geo))
    panel = window.layers.user_list
    panel.select(layer.id)
    editor = panel.style_editor
    assert editor.mode.findData("density") >= 0
    editor.mode.setCurrentIndex(editor.mode.findData("density"))
    assert window.state.view.layer(layer.id).style["mode"] == "density"
    assert not editor.cell.isHidden() and editor.column.isHidden()
    editor.cell.setCurrentIndex(editor.cell.findData(500))
    assert window.state.view.layer(layer.id).style["cell"] == 500
    artist = window.canvas.scene.user_artists[layer.id]
    assert artist.density.bins.cell == 500
    legend = window.canvas.renderer_.ax.get_legend()
    texts = [t.get_text() for t in (legend.get_title(), *legend.get_texts())]
    assert any("500米六边形" in t for t in texts)  # in the map's language
