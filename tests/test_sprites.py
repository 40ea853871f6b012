"""A label pasted from its cached pixels looks as the label drawn in place (hzmap.render.map.sprites)."""
import numpy as np


def _scene(geodata, dataset):
    from matplotlib.figure import Figure

    from hzmap.model.view.viewstate import ViewState
    from hzmap.render.map.scene import Scene

    fig = Figure(figsize=(6, 7), dpi=100)
    scene = Scene(fig, geodata, dataset, interactive=True)
    state = ViewState(geodata)
    state.update(layout="dt_4415")
    scene.apply(state.view)
    canvas = fig.canvas
    scene.renderer.refresh_labels(canvas.get_renderer())
    canvas.draw()
    return scene, canvas


def test_labels_pasted_over_an_outline_match_labels_drawn_over_it(data):
    from hzmap.render.map.sprites import TextSprites

    geodata, dataset = data
    scene, canvas = _scene(geodata, dataset)
    r, ax = scene.renderer, scene.ax
    renderer = canvas.get_renderer()
    background = canvas.copy_from_bbox(canvas.figure.bbox)
    r.set_hover("xihu")
    r.set_selection("xihu")
    over = r.labels_over_highlights(renderer)
    assert len(over) >= 2  # 西湖区's own name and a neighbour's or the layout's at least

    def outlines():
        canvas.restore_region(background)
        for artist in r.highlight_artists():
            if artist.get_visible():
                ax.draw_artist(artist)

    outlines()
    for text, _ in over:
        ax.draw_artist(text)
    drawn = np.asarray(renderer.buffer_rgba()).copy()
    sprites = TextSprites()
    for _ in range(2):  # made the first time, pasted from the cache the second
        outlines()
        boxes = [sprites.paste(text, renderer, extent) for text, extent in over]
        pasted = np.asarray(renderer.buffer_rgba()).copy()
        diff = np.abs(drawn.astype(int) - pasted.astype(int))
        assert diff.max() <= 3, diff.max()  # a level or two of rounding at the glyphs' edges
        assert all(b is not None for b in boxes)
    # and the labels are really there: without them the picture differs
    outlines()
    bare = np.asarray(renderer.buffer_rgba())
    assert np.abs(drawn.astype(int) - bare.astype(int)).max() > 100


def test_a_label_off_the_canvas_pastes_nothing(data):
    from matplotlib.transforms import Bbox

    from hzmap.render.map.sprites import TextSprites

    geodata, dataset = data
    scene, canvas = _scene(geodata, dataset)
    text = next(iter(scene.renderer.labels.values()))
    far = Bbox.from_extents(-500, -500, -400, -450)
    assert TextSprites().paste(text, canvas.get_renderer(), far) is None


def test_a_label_taken_off_the_map_after_it_was_measured_pastes_nothing(data):
    """A layout's labels go when its dataset is removed; the idle-time work measured them before:
    making their pixels afterwards must neither fail nor keep anything."""
    from hzmap.render.map.sprites import TextSprites

    geodata, dataset = data
    scene, canvas = _scene(geodata, dataset)
    renderer = canvas.get_renderer()
    text, extent = scene.renderer.label_extents(renderer)[0]
    sprites = TextSprites()
    text.remove()
    sprites.prepare(text, renderer, extent)
    assert sprites.paste(text, renderer, extent) is None and not sprites.has(text, renderer, extent)


def test_a_redraw_that_pastes_the_labels_looks_as_the_one_that_drew_them(window):
    """The window's canvas pastes kept labels into a full redraw, in their place in the drawing
    order; the frame is the one drawing them gives, to a level or two of rounding."""
    window.state.update(layout="dt_4415")
    canvas = window.canvas
    canvas.sprites.clear()
    canvas.draw()  # nothing kept: every label drawn
    drawn = np.asarray(canvas.buffer_rgba()).astype(int)
    renderer = canvas.get_renderer()
    labels = canvas.scene.renderer.label_extents(renderer)
    for text, extent in labels:
        canvas.sprites.prepare(text, renderer, extent)
    pasted = []
    begin = canvas.pasting.begin  # (hidden for the redraw, pasted instead: the labels, the legend)
    canvas.pasting.begin = lambda r: (lambda out: pasted.extend(out[0]) or out)(begin(r))
    canvas.draw()
    assert len(pasted) >= len(labels) - 2 >= 10  # (a label at the canvas's edge is drawn)
    assert all(t.get_visible() for t in pasted)  # shown again after the draw
    again = np.asarray(canvas.buffer_rgba()).astype(int)
    diff = np.abs(drawn - again)
    assert diff.max() <= 3 and (diff > 0).mean() < 0.01


def test_a_kept_label_moved_by_whole_pixels_past_the_edge_pastes_nothing(data):
    """Kept where it stood wholly inside, a label dragged by whole pixels until it crosses the
    canvas's edge has the same look but no room: it is drawn as ever, not pasted half outside
    (the soak met this in a small window: a 67-pixel label at x 255 of a 320-pixel buffer)."""
    from matplotlib.transforms import Bbox

    from hzmap.render.map.sprites import TextSprites

    geodata, dataset = data
    scene, canvas = _scene(geodata, dataset)
    renderer = canvas.get_renderer()
    text, extent = scene.renderer.label_extents(renderer)[0]
    sprites = TextSprites()
    assert sprites.paste(text, renderer, extent) is not None          # kept, pasted inside
    shift = int(renderer.width - extent.x0 - extent.width / 2)       # whole pixels: same look
    moved = Bbox.from_extents(extent.x0 + shift, extent.y0, extent.x1 + shift, extent.y1)
    assert sprites.has(text, renderer, moved)
    before = np.asarray(renderer.buffer_rgba()).copy()
    assert sprites.paste(text, renderer, moved) is None
    assert (np.asarray(renderer.buffer_rgba()) == before).all()       # nothing half-pasted


def test_kept_pixels_stay_within_their_bytes_and_drop_the_least_used_first():
    from hzmap.render.map.sprites import KeptPixels

    kept = KeptPixels(keep=100, keep_bytes=10_000)
    block = lambda: (0, 0, np.zeros((10, 100, 4), dtype=np.uint8))  # noqa: E731 - 4,000 bytes
    kept.put("a", block())
    kept.put("b", block())
    kept.get("a")  # used again: now the last to go
    kept.put("c", block())  # 12,000 bytes: one must go
    assert "b" not in kept and "a" in kept and "c" in kept and kept.nbytes == 8_000
    kept.put("none", None)  # a label off the canvas: kept, holding no pixels
    assert "none" in kept and kept.nbytes == 8_000 and kept.made == (4, 12_000)
