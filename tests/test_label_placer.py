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


def _placed(rival_boxes, fallback="hide", expect=True, name="A long district name"):
    fig = Figure(figsize=(4, 4), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 1000)
    ax.set_ylim(0, 1000)
    own = area_feature(shapely.box(495, 495, 505, 505), "district", "own")  # too small for its name
    rivals = [area_feature(shapely.box(*b), "district", f"rival{i}") for i, b in enumerate(rival_boxes)]
    text = ax.text(500, 500, name, fontsize=10, ha="center", va="center")
    item = LabelItem(text, own, (500.0, 500.0), fallback=fallback, rivals=(own, *rivals))
    placer = Placer(ax, fig.canvas.get_renderer())
    found = placer.place(item)
    if not expect:
        return found, placer
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


def _ring(half):
    """Four neighbours around the small area, filling the square of half-width `half` around it."""
    lo, hi = 500 - half, 500 + half
    return [(505, lo, hi, hi), (lo, lo, 495, hi), (495, 505, 505, hi), (495, lo, 505, 495)]


def test_a_longer_leader_is_taken_before_a_name_over_a_neighbour():
    # a short name (about 25 x 10 pt; 3.5 map units a point): with the shortest leader (16 pt) its
    # centre falls 70-100 units away, on a neighbour; with the longest (54 pt), 200-230 units away
    centre, geoms = _placed(_ring(150), name="Name")
    assert not any(shapely.contains_xy(g, *centre) for g in geoms), centre


def test_on_a_page_with_a_key_a_name_with_only_a_neighbour_s_place_is_numbered_instead():
    ring = _ring(500)
    found, _ = _placed(ring, fallback="key", expect=False)
    assert found is None  # the caller numbers it and names it in the key
    centre, geoms = _placed(ring)  # the screen shows the name over the neighbour
    assert any(shapely.contains_xy(g, *centre) for g in geoms)
