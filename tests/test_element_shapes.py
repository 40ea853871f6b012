"""One geometry per layout element: the spotlight's hole and the selection outline follow the
figure the map draws, arrows and ellipses included."""
from dataclasses import replace

import pytest
import shapely
from matplotlib.figure import Figure

from hzmap.model.dataset.schema import GeomSchematic
from hzmap.model.elements.shape import element_figure, element_footprint
from hzmap.model.geo.extent import Extent
from hzmap.model.view.viewstate import Selection, View
from hzmap.render.map.scene import Scene
from hzmap.render.map.spotlight import KEEP_PAD_M, Spotlight

ARROW = "bay_south_shore_corridor"   # open2018_platforms: an arrow from 萧山 out to 舟山


@pytest.fixture
def shapes_dataset(dataset):
    """The shipped dataset with a layout "t" of two bare schematic elements (no districts, no
    places, so the footprint is the figure alone): the shipped arrow and an ellipse."""
    layout = dataset.layouts["open2018_platforms"]
    arrow = next(e for e in layout.elements if e.id == ARROW)
    bare_arrow = arrow.model_copy(update={"districts": [], "places": []})
    ellipse = bare_arrow.model_copy(update={"id": "ellipse", "geometry": GeomSchematic(
        type="schematic", shape="ellipse", path=[[120.05, 30.20], [120.30, 30.32]], width_km=6)})
    test_layout = layout.model_copy(update={"id": "t", "elements": [bare_arrow, ellipse]})
    return replace(dataset, layouts={**dataset.layouts, "t": test_layout})


def drawn(scene: Scene, element_id: str):
    """The element's figure as the overlay drew it, read back from its patch, in map metres."""
    ea = next(e for e in scene.overlay.elements() if e.element_id == element_id)
    patch = ea.artists[0]
    path = patch.get_path().transformed(patch.get_patch_transform())
    return shapely.union_all([shapely.Polygon(ring) for ring in path.to_polygons()])


def hole(spot: Spotlight):
    """What the spotlight's mask leaves uncovered (the rings inside its outer ring)."""
    rings = [shapely.Polygon(r) for r in spot.patch.get_path().to_polygons()]
    outer = max(rings, key=lambda r: r.area)
    return shapely.union_all([r for r in rings if r is not outer])


def scene_with(geodata, ds, selection=None) -> Scene:
    scene = Scene(Figure(figsize=(8, 6), dpi=80), geodata, ds)
    scene.apply(View(extent=Extent(500_000, 750_000, 3_250_000, 3_400_000), layout="t", selection=selection))
    return scene


@pytest.mark.parametrize("element_id, kind", [(ARROW, "arrow"), ("ellipse", "ellipse")])
def test_the_spotlight_hole_is_the_drawn_figure(geodata, shapes_dataset, element_id, kind):
    scene = scene_with(geodata, shapes_dataset)
    figure = drawn(scene, element_id)
    assert element_figure(geodata, next(e for e in shapes_dataset.layouts["t"].elements
                                        if e.id == element_id)).kind == kind
    spot = Spotlight(scene.renderer)
    spot.show_element(element_id)
    light = hole(spot)
    expected = figure.buffer(KEEP_PAD_M)
    # the same outline, to within a few metres on shapes tens of kilometres long
    assert light.symmetric_difference(expected).area < 0.005 * expected.area
    assert light.hausdorff_distance(expected) < 150


@pytest.mark.parametrize("element_id", [ARROW, "ellipse"])
def test_the_selection_outlines_the_drawn_figure(geodata, shapes_dataset, element_id):
    scene = scene_with(geodata, shapes_dataset, Selection.element("t", element_id))
    figure = drawn(scene, element_id)
    patch = scene.renderer.select_patch
    assert patch.get_visible()
    outline = shapely.union_all([shapely.Polygon(r) for r in patch.get_path().to_polygons()])
    assert outline.symmetric_difference(figure).area < 0.005 * figure.area


def test_an_element_s_footprint_is_its_districts_figure_and_places(data):
    """The shipped arrow covers its two districts and the arrow that runs out along the bay."""
    geo, ds = data
    arrow = next(e for e in ds.layouts["open2018_platforms"].elements if e.id == ARROW)
    footprint = element_footprint(ds, geo, arrow)
    figure = element_figure(geo, arrow)
    assert figure.kind == "arrow" and footprint.contains(figure.polygon.buffer(-1))
    for did in ("xiaoshan", "qiantang"):
        assert footprint.contains(geo.districts[did].geometry.buffer(-1))
    assert footprint.bounds[2] > geo.bounds[2] + 100_000   # the arrow reaches 舟山, far east
