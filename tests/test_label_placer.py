"""The placer's choice among the places a leader allows: a name tied to a small area goes where it
lies on no neighbouring area when there is such a place (a name over 萧山区 reads as 萧山区's,
leader or not), and over a neighbour only when nothing else is free."""
import matplotlib

matplotlib.use("Agg")
import shapely  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from hzmap.render.map.label_rules import area_feature  # noqa: E402
from hzmap.render.map.labels import LabelItem, Placer  # noqa: E402


def _placed(rival_boxes):
    fig = Figure(figsize=(4, 4), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 1000)
    ax.set_ylim(0, 1000)
    own = area_feature(shapely.box(495, 495, 505, 505), "district", "own")  # too small for its name
    rivals = [area_feature(shapely.box(*b), "district", f"rival{i}") for i, b in enumerate(rival_boxes)]
    text = ax.text(500, 500, "A long district name", fontsize=10, ha="center", va="center")
    item = LabelItem(text, own, (500.0, 500.0), rivals=(own, *rivals))
    placer = Placer(ax, fig.canvas.get_renderer())
    found = placer.place(item)
    assert found is not None and found.leader is not None
    centre = ax.transData.inverted().transform([found.centre])[0]
    return centre, [r.geom for r in rivals]


def test_a_name_with_a_leader_avoids_a_neighbour_when_it_can():
    # neighbours east and west; the first direction tried (east) would put the name on one
    centre, (east, west) = _placed([(505, 0, 1000, 1000), (0, 0, 495, 1000)])
    assert not shapely.contains_xy(east, *centre) and not shapely.contains_xy(west, *centre), centre
    assert 495 <= centre[0] <= 505  # up or down the free strip, on no area


def test_a_name_with_a_leader_goes_over_a_neighbour_when_nothing_else_is_free():
    centre, geoms = _placed([(505, 0, 1000, 1000), (0, 0, 495, 1000), (495, 505, 505, 1000), (495, 0, 505, 495)])
    assert any(shapely.contains_xy(g, *centre) for g in geoms)
