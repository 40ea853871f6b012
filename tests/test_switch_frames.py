"""A layout switch pastes the frame kept for the View it gives, and what the planner sees is
exactly what a full redraw of that View draws.

The window keeps each View's whole frame while only the layout changes and draws the other
layouts' frames ahead in idle time (hzmap.render.map.frames); a pan, a resize, the language or
anything else that changes the picture forgets them. Each check switches, then compares the
canvas's pixels with a full redraw of the same state, pixel for pixel.
"""
import numpy as np
import pytest

from conftest import window_ready


def _pixels(canvas) -> np.ndarray:
    return np.asarray(canvas.buffer_rgba()).copy()


def _switch_and_compare(win, qtbot, settled, layout) -> np.ndarray:
    """Switch to `layout` once the window is ready: the switch must paste a kept frame, and
    its pixels must be those of a full redraw of the same state. Returns them."""
    canvas = win.canvas
    qtbot.waitUntil(lambda: window_ready(win), timeout=30000)
    pasted = canvas.frames.pasted
    win.state.update(layout=layout)
    settled(canvas)
    assert canvas.frames.pasted == pasted + 1, f"the switch to {layout} drew the map"
    shown = _pixels(canvas)
    canvas.draw()  # a full redraw of the same state (it forgets the frames kept)
    assert canvas.frames.pasted == pasted + 1
    redrawn = _pixels(canvas)
    differ = np.argwhere((shown != redrawn).any(axis=2))
    assert len(differ) == 0, f"{layout}: {len(differ)} pixels differ, the first at {differ[:3].tolist()}"
    return shown


def test_switches_look_exactly_as_full_redraws(ready_window, qtbot, settled):
    win = ready_window
    frames = {}
    for layout in ("dt_4415", "st_core_belt_wings", None, "open2018_platforms", "dt_4415"):
        frames[layout] = _switch_and_compare(win, qtbot, settled, layout)
    # and each layout is really there: the frames differ by more than rounding
    assert np.abs(frames["dt_4415"].astype(int) - frames[None].astype(int)).max() > 100
    assert np.abs(frames["dt_4415"].astype(int) - frames["st_core_belt_wings"].astype(int)).max() > 100


def test_after_a_pan_a_resize_or_the_language_the_frames_are_the_new_ones(ready_window, qtbot, settled):
    win = ready_window
    _switch_and_compare(win, qtbot, settled, "open2018_platforms")
    win.state.pan_by(4000, -2500)
    _switch_and_compare(win, qtbot, settled, "st_core_belt_wings")
    win.resize(1000, 720)
    qtbot.waitUntil(lambda: win.canvas._drawn_size == tuple(win.canvas.figure.bbox.size), timeout=5000)
    _switch_and_compare(win, qtbot, settled, "dt_4415")
    win.state.update(lang="en")
    _switch_and_compare(win, qtbot, settled, None)
    _switch_and_compare(win, qtbot, settled, "open2018_platforms")


def test_a_change_beside_a_switch_draws_the_map(ready_window, qtbot, settled):
    """An annotation added in the same turn as a switch is drawn: the frame kept for that
    layout, without it, is not pasted."""
    from hzmap.model.geo.geodata import to_map
    from hzmap.model.session import annotations as m

    win = ready_window
    canvas = win.canvas
    _switch_and_compare(win, qtbot, settled, "dt_4415")
    qtbot.waitUntil(lambda: window_ready(win), timeout=30000)
    pasted = canvas.frames.pasted
    before = _pixels(canvas)
    win.session.annotations.add(m.make("marker", [to_map(120.205, 30.185)], "滨江"))
    win.state.update(layout="st_core_belt_wings")
    win.state.update(layout="dt_4415")
    settled(canvas)
    assert canvas.frames.pasted == pasted  # drawn, not pasted
    shown = _pixels(canvas)
    assert (shown != before).any(axis=2).sum() > 50  # the marker and its name are on the map
    canvas.draw()
    assert (shown == _pixels(canvas)).all()
    # and the frames made before the annotation are gone: the next switches show it too
    _switch_and_compare(win, qtbot, settled, "st_core_belt_wings")
