"""What the window shows the first time costs what it costs later: a layout's first switch
pastes its labels and legend, and the first click finds the inspector painted before.

The window makes every layout's labels and legend ready in idle time, one piece a turn
(hzmap.render.map.rehearsal): placed (the placement kept by hzmap.render.map.placement_memo)
and kept as pixels. Then switching to a layout not shown yet places nothing and draws no label
or legend text, and the picture is the one a full redraw from scratch gives.
"""
import matplotlib.text
import numpy as np
import pytest

from conftest import window_ready


def _texts_drawn(monkeypatch) -> list:
    drawn = []
    draw = matplotlib.text.Text.draw

    def counted(self, renderer):
        if self.get_visible() and self.get_text():
            drawn.append(self)
        return draw(self, renderer)
    monkeypatch.setattr(matplotlib.text.Text, "draw", counted)
    return drawn


def _at_the_edge(canvas, text) -> bool:
    """A label whose box (with its halo) reaches past the canvas: drawn as ever, not kept."""
    renderer = canvas.get_renderer()
    box = text.get_window_extent(renderer)
    pad = 3.0 * canvas.figure.dpi / 72 + 1
    return box.x0 - pad < 0 or box.y0 - pad < 0 or box.x1 + pad > renderer.width or box.y1 + pad > renderer.height


def test_a_layouts_first_switch_places_nothing_and_draws_no_label_or_legend_text(ready_window, monkeypatch):
    from hzmap.render.map import label_layout

    win = ready_window
    canvas = win.canvas
    placed = []
    place_all = label_layout.place_all
    monkeypatch.setattr(label_layout, "place_all", lambda *a, **k: placed.append(1) or place_all(*a, **k))
    drawn = _texts_drawn(monkeypatch)
    for layout in ("open2018_platforms", "st_core_belt_wings", None):  # none shown before
        drawn.clear()
        win.state.update(layout=layout)
        canvas.draw()
        labels = canvas.scene.renderer.label_extents(canvas.get_renderer(), every=True)
        assert len(labels) >= 15  # the districts' names at least: shown, pasted
        assert [t.get_text() for t in drawn if not _at_the_edge(canvas, t)] == []
        assert not placed  # the placement made ahead was put back
        legend = canvas.scene.ax.get_legend()
        assert layout is None or legend.get_visible()  # pasted: its texts were not drawn
        assert not any(t in drawn for t in legend.get_texts()) if legend is not None else True


def test_a_first_switch_looks_as_a_full_redraw_from_scratch(ready_window):
    win = ready_window
    canvas = win.canvas
    win.state.update(layout="dt_4415")
    canvas.draw()
    pasted = np.asarray(canvas.buffer_rgba()).astype(int)
    canvas.sprites.clear()
    canvas.legends.clear()
    canvas.scene.renderer.placement_memo.clear()
    canvas.draw()  # everything placed and drawn again
    drawn = np.asarray(canvas.buffer_rgba()).astype(int)
    diff = np.abs(drawn - pasted)
    assert diff.max() <= 3 and (diff > 0).mean() < 0.01  # a level or two of rounding at glyph edges
    # and the layout is really there: its legend and names differ from the map without it
    win.state.update(layout=None)
    canvas.draw()
    assert np.abs(np.asarray(canvas.buffer_rgba()).astype(int) - drawn).max() > 100


def test_making_a_layout_ready_leaves_the_frame_shown_as_it_was(data):
    """Another View is rehearsed on the screen's own artists and the one shown put back: each
    label's words, place and size, the leaders and the legend are as before."""
    from matplotlib.figure import Figure

    from hzmap.model.view.viewstate import ViewState
    from hzmap.render.map.placement_memo import PlacementMemo, text_state
    from hzmap.render.map.rehearsal import rehearse
    from hzmap.render.map.scene import Scene

    geodata, dataset = data
    scene = Scene(Figure(figsize=(6, 7), dpi=100), geodata, dataset, interactive=True)
    scene.renderer.placement_memo = PlacementMemo()
    state = ViewState(geodata)
    state.update(layout="dt_4415")
    scene.apply(state.view)
    r, renderer = scene.renderer, scene.fig.canvas.get_renderer()
    r.refresh_labels(renderer)
    texts = [t for t in scene.ax.texts]
    before = [text_state(t) for t in texts]
    leaders = [s.copy() for s in r.leaders.get_segments()]
    legend = scene.ax.get_legend()
    done = rehearse(scene, state.proposed(layout="open2018_platforms"), renderer)
    assert len(done.labels) >= 15 and done.legend is not None and done.legend is not legend
    assert {t.get_text() for t, _, _ in done.labels} != {t.get_text() for t, _ in r.label_extents(renderer)}
    assert [text_state(t) for t in texts] == before
    assert all((a == b).all() for a, b in zip(r.leaders.get_segments(), leaders))
    assert scene.ax.get_legend() is legend and scene.overlay.layout_id == "dt_4415"


def test_the_idle_work_is_one_piece_a_turn(open_window, geodata, dataset, qtbot, monkeypatch):
    """A hover or click waits for at most one piece: one layout's placement, one label's pixels,
    one legend's or one layout's whole frame, never a layout's all at once."""
    from hzmap.ui.map import map_canvas

    monkeypatch.setenv("HZMAP_IDLE_PREBUILD", "1")
    pieces, turns = [], []
    rehearse = map_canvas.rehearse
    monkeypatch.setattr(map_canvas, "rehearse", lambda *a: pieces.append("placement") or rehearse(*a))
    step = map_canvas.MapCanvas._ahead_step

    def counted(self, frame):
        start = len(pieces)
        made, alone, kept = self.sprites.kept.put, self.sprites.alone, self.frames.put
        self.sprites.kept.put = lambda *a: pieces.append("label") or made(*a)
        self.sprites.alone = lambda *a: pieces.append("legend") or alone(*a)
        self.frames.put = lambda *a: pieces.append("frame") or kept(*a)
        try:
            step(self, frame)
        finally:
            del self.sprites.kept.put, self.sprites.alone, self.frames.put
        turns.append(pieces[start:])
    monkeypatch.setattr(map_canvas.MapCanvas, "_ahead_step", counted)
    win = open_window(geodata, dataset)
    win.canvas.draw()
    try:
        qtbot.waitUntil(lambda: window_ready(win), timeout=30000)
    finally:
        import gc

        gc.unfreeze()
    done = [t for t in turns if t]
    assert {"placement", "label", "legend", "frame"} <= {p for t in done for p in t}
    assert len(done) > 4 * len(dataset.layouts)  # every layout: its placement, labels, legend, frame
    assert max(len(t) for t in turns) == 1


def test_the_inspector_is_painted_ahead_off_screen_and_left_empty(open_window, geodata, dataset, qtbot,
                                                                   monkeypatch):
    """In idle time the inspector is filled with a district, painted off screen and emptied in
    one turn: the planner never sees it, and the first click shows the district clicked."""
    from hzmap.ui.panels.inspector import Inspector

    monkeypatch.setenv("HZMAP_IDLE_PREBUILD", "1")
    painted = []
    grab = Inspector.grab
    monkeypatch.setattr(Inspector, "grab", lambda self: painted.append(self.topLevelItemCount()) or grab(self))
    win = open_window(geodata, dataset)
    try:
        qtbot.waitUntil(lambda: bool(painted), timeout=30000)
    finally:
        import gc

        gc.unfreeze()
    inspector = win.info_panel.inspector
    assert painted[0] >= 3  # painted with a district's sections
    assert inspector.topLevelItemCount() == 0 and inspector.profile is None  # and emptied
    assert win.info_panel.hint.isVisibleTo(win.info_panel)  # the panel still says "click a district"
    win.state.select_district("binjiang")
    assert inspector.profile is not None and inspector.topLevelItemCount() >= 3


def test_while_the_pointer_moves_no_other_layout_is_prepared(ready_window, qtbot, monkeypatch):
    """A hover or a pan never waits behind a layout's label placement (15-35 ms a piece): the
    preparation that a pan starts again waits until the pointer has rested."""
    import time

    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    from hzmap.ui.map import map_canvas

    win = ready_window
    canvas = win.canvas
    rehearsed = []
    rehearse = map_canvas.rehearse
    monkeypatch.setattr(map_canvas, "rehearse", lambda *a, **k: rehearsed.append(time.monotonic()) or rehearse(*a, **k))
    win.state.set_preset("city")
    win.state.set_preset("urban")  # a new extent: every other layout's labels are placed again
    moves = []
    for i in range(12):  # the pointer moves over the map for a while
        QTest.mouseMove(canvas, QPoint(200 + 10 * i, 200 + 5 * i))
        moves.append(time.monotonic())
        qtbot.wait(50)  # (the pointer's pace: a move every 50 ms)
    qtbot.waitUntil(lambda: window_ready(win) and bool(rehearsed), timeout=30000)
    during = [t for t in rehearsed if t < moves[-1]]
    assert not during, f"{len(during)} layouts prepared while the pointer moved"
    assert rehearsed[0] - moves[-1] >= map_canvas.QUIET_S * 0.9
