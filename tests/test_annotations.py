"""Annotations: the undo history a user relies on, the drawing, and the tools on the real map."""
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Annotation as MplAnnotation

from hzmap.model.session import annotations as m
from hzmap.model.session.annotations import AnnotationSet
from hzmap.model.geo.geodata import to_map
from hzmap.render.map.annotations import AnnotationLayer, draw_annotations

CBD = (120.21, 30.25)        # 钱江新城, 上城区
X0, Y0 = 500_000.0, 3_300_000.0  # a corner of the map near the city (annotations must be near Hangzhou)


def P(x, y):
    return (X0 + x, Y0 + y)
BINJIANG = (120.205, 30.185)


# -- model: undo/redo ----------------------------------------------------------------
def test_add_move_edit_delete_undo_redo():
    s = AnnotationSet()
    events = []
    s.added.connect(lambda a: events.append(("added", a.id)))
    s.removed.connect(lambda i: events.append(("removed", i)))
    s.changed.connect(lambda a: events.append(("changed", a.id)))
    a = s.add(m.make("text", [P(100.0, 200.0)], "钱江新城"))
    s.move(a.id, 50, -20)
    s.edit(a.id, text="钱江新城 CBD", colour="#1F4E9E")
    assert s[a.id].points == (P(150.0, 180.0),) and s[a.id].text == "钱江新城 CBD"
    s.delete(a.id)
    assert a.id not in s
    assert s.undo() and s[a.id].text == "钱江新城 CBD"          # delete undone
    assert s.undo() and s[a.id].text == "钱江新城" and s[a.id].style.colour == m.DEFAULT_COLOUR
    assert s.undo() and s[a.id].points == (P(100.0, 200.0),)     # move undone
    assert s.undo() and len(s) == 0                              # add undone
    assert not s.undo()
    for _ in range(4):
        assert s.redo()
    assert a.id not in s and not s.redo()
    assert events[:4] == [("added", "a1"), ("changed", "a1"), ("changed", "a1"), ("removed", "a1")]


def test_new_change_after_undo_drops_redo_and_saved_mark_tracks_history():
    s = AnnotationSet()
    a = s.add(m.make("marker", [P(0, 0)]))
    s.mark_saved()
    assert not s.is_modified()
    s.move(a.id, 10, 10)
    assert s.is_modified()
    s.undo()
    assert not s.is_modified()         # back to what was saved
    s.undo()
    s.add(m.make("marker", [P(5, 5)]))  # a different branch: the saved state is unreachable
    assert not s.can_redo() and s.is_modified()


def test_move_one_vertex_of_a_line_or_the_callout_tip():
    s = AnnotationSet()
    line = s.add(m.make("line", [P(0, 0), P(10, 0), P(20, 5)]))
    s.move(line.id, 0, 7, index=1)
    assert s[line.id].points == (P(0, 0), P(10, 7), P(20, 5))
    call = s.add(m.make("callout", [P(0, 0), P(100, 100)], "高新区"))
    s.move(call.id, 5, 5, index=1)
    assert s[call.id].points == (P(0, 0), P(105, 105))


@pytest.mark.parametrize("kind, points, text", [
    ("text", [P(0, 0)], "  "), ("callout", [P(0, 0)], "x"), ("line", [P(0, 0)], ""),
    ("circle", [(0, 0)], "x"), ("marker", [(float("nan"), 0)], "")])
def test_invalid_records_are_refused(kind, points, text):
    with pytest.raises(ValueError):
        m.make(kind, points, text)


# -- render ------------------------------------------------------------------------------
def _fig():
    fig = Figure(figsize=(4, 3))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(X0, X0 + 1000)
    ax.set_ylim(Y0, Y0 + 1000)
    return fig, ax


def test_draw_annotations_draws_each_kind():
    from hzmap import fonts
    fonts.register_matplotlib()
    fig, ax = _fig()
    items = [m.make("text", [P(100, 100)], "滨江区"), m.make("callout", [P(500, 500), P(300, 300)], "高新区"),
             m.make("marker", [P(700, 700)], "基地"), m.make("line", [P(0, 0), P(900, 900)])]
    arts = draw_annotations(ax, items)
    assert len(arts) == 5  # marker = symbol + label
    fig.canvas.draw()
    callout = next(a for a in arts if isinstance(a, MplAnnotation))
    assert callout.xy == P(300, 300) and callout.get_text() == "高新区"
    assert callout.arrow_patch is not None
    # the text sits where the user put it, in map coordinates
    bb = arts[0].get_window_extent()
    assert bb.x0 < ax.transData.transform(P(100, 100))[0] < bb.x1


def test_layer_updates_artists_in_place():
    fig, ax = _fig()
    s = AnnotationSet()
    redraws = []
    layer = AnnotationLayer(ax, s, lambda: redraws.append(1))
    a = s.add(m.make("text", [P(100, 100)], "a"))
    text = layer.artists[a.id][0]
    others = len(ax.get_children())
    s.move(a.id, 50, 0)
    assert layer.artists[a.id][0] is text and text.get_position() == P(150, 100)
    assert len(ax.get_children()) == others
    s.delete(a.id)
    assert text not in ax.get_children()
    s.undo()
    assert layer.artists[a.id][0].get_text() == "a"
    assert redraws


# -- GUI: the tools on the real map ---------------------------------------------------------------
def urban(win):
    """The urban core, where a planner annotates districts: the tools' tests start there."""
    win.state.set_preset("urban")
    win.canvas.draw()
    return win


def _click(win, lonlat, **kw):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    x, y = win.canvas.data_to_widget(*to_map(*lonlat))
    QTest.mouseClick(win.canvas, Qt.LeftButton, Qt.NoModifier, QPoint(x, y))


def test_text_tool_click_adds_note_at_the_point_and_undo_redo(window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    urban(window)
    tools = window.annotation_tools
    tools.ask_text = lambda *a: "钱江新城 CBD"
    tools.mode_actions["text"].trigger()
    _click(window, CBD)
    notes = list(window.session.annotations)
    assert len(notes) == 1 and notes[0].kind == "text" and notes[0].text == "钱江新城 CBD"
    x, y = to_map(*CBD)
    assert notes[0].points[0] == pytest.approx((x, y), abs=400)  # within a pixel or two at this zoom
    assert window.state.selection is None  # the click made a note, it did not pick the district
    text = tools.layer.artists[notes[0].id][0]
    assert text.get_text() == "钱江新城 CBD" and text.axes is window.canvas.renderer_.ax
    window.activateWindow()
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key_Z, Qt.ControlModifier)
    assert len(window.session.annotations) == 0 and text.axes is None
    QTest.keyClick(window.canvas, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert [a.text for a in window.session.annotations] == ["钱江新城 CBD"]
    QTest.keyClick(window.canvas, Qt.Key_Z, Qt.ControlModifier)
    QTest.keyClick(window.canvas, Qt.Key_Y, Qt.ControlModifier)
    assert len(window.session.annotations) == 1


def test_select_drag_moves_and_delete_key_removes(window, qtbot):
    from matplotlib.backend_bases import MouseEvent
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    urban(window)
    a = window.session.annotations.add(m.make("marker", [to_map(*BINJIANG)], "滨江"))
    window.canvas.draw()
    canvas = window.canvas
    px, py = canvas.renderer_.ax.transData.transform(a.points[0])
    for name, dx in (("button_press_event", 0), ("motion_notify_event", 30), ("motion_notify_event", 60),
                     ("button_release_event", 60)):
        canvas.callbacks.process(name, MouseEvent(name, canvas, px + dx, py, button=1))
    moved = window.session.annotations[a.id]
    assert canvas.renderer_.ax.transData.transform(moved.points[0])[0] == pytest.approx(px + 60, abs=1.5)
    assert window.state.preset == "urban"  # dragging the marker did not pan the map
    assert window.annotation_tools.layer.selected == a.id
    window.activateWindow()
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key_Delete)
    assert a.id not in window.session.annotations


def test_line_tool_vertices_then_double_click(window, qtbot):
    from matplotlib.backend_bases import MouseEvent

    urban(window)
    canvas = window.canvas
    window.annotation_tools.mode_actions["line"].trigger()
    to_px = canvas.renderer_.ax.transData.transform
    pts = [to_px(to_map(*ll)) for ll in ((120.10, 30.22), (120.15, 30.26), (120.21, 30.25))]
    for x, y in pts:
        canvas.callbacks.process("button_press_event", MouseEvent("button_press_event", canvas, x, y, button=1))
        canvas.callbacks.process("button_release_event", MouseEvent("button_release_event", canvas, x, y, button=1))
    canvas.callbacks.process("button_press_event",
                             MouseEvent("button_press_event", canvas, *pts[-1], button=1, dblclick=True))
    lines = [a for a in window.session.annotations if a.kind == "line"]
    assert len(lines) == 1 and len(lines[0].points) == 3
    assert lines[0].points[1] == pytest.approx(to_map(120.15, 30.26), abs=400)
    assert window.annotation_tools._preview is None  # the rubber band is gone


# -- depth, dragging by blitting, Esc -------------------------------------------------------------
def test_undo_delete_puts_the_annotation_back_at_its_depth_not_on_top():
    fig, ax = _fig()
    s = AnnotationSet()
    layer = AnnotationLayer(ax, s)
    a, b, c = (s.add(m.make("text", [P(500, 500)], t)) for t in ("下", "中", "上"))
    s.delete(b.id)
    s.undo()
    assert [x.id for x in s] == [a.id, b.id, c.id]  # saved and exported in this order
    z = {x.id: layer.artists[x.id][0].get_zorder() for x in s}
    assert z[a.id] < z[b.id] < z[c.id]                # drawn under the one added after it
    from hzmap.model.view.hittest import annotation_at
    assert annotation_at(s, *P(500, 500), metres_per_pt=1.0) == c.id  # the top one is picked first
    s.redo()
    s.undo()
    assert [x.id for x in s] == [a.id, b.id, c.id]
    s.delete(a.id)                                     # the bottom one, then undo: bottom again
    s.undo()
    assert [x.id for x in s][0] == a.id and layer.artists[a.id][0].get_zorder() < z[b.id]


def _drag_events(canvas, name, x, y, **kw):
    from matplotlib.backend_bases import MouseEvent
    canvas.callbacks.process(name, MouseEvent(name, canvas, x, y, **kw))


def test_drag_step_blits_the_annotation_without_a_full_redraw(window, qtbot, settled):
    import numpy as np
    from PySide6.QtWidgets import QApplication

    urban(window)
    a = window.session.annotations.add(m.make("marker", [to_map(*BINJIANG)], "", colour="#1F4E9E"))
    canvas = window.canvas
    canvas.draw()
    settled(canvas)
    px, py = canvas.renderer_.ax.transData.transform(a.points[0])
    draws = []
    cid = canvas.mpl_connect("draw_event", lambda _e: draws.append(1))
    _drag_events(canvas, "button_press_event", px, py, button=1)
    _drag_events(canvas, "motion_notify_event", px + 10, py, button=1)  # the drag starts
    settled(canvas)  # the start's redraw: the map cached without the marker
    started = len(draws)
    for step in range(1, 11):
        _drag_events(canvas, "motion_notify_event", px + 10 + 8 * step, py - 3 * step, button=1)
        QApplication.processEvents()
    assert len(draws) == started  # ten drag steps, not one full figure draw
    # ...yet the marker is on screen where the mouse is, and gone from where it was
    rgba = np.asarray(canvas.buffer_rgba())
    h = rgba.shape[0]

    def pixel(x, y):
        return rgba[h - int(round(y)), int(round(x)), :3].astype(int)

    assert np.abs(pixel(px + 90, py - 30) - (0x1F, 0x4E, 0x9E)).max() < 30
    assert np.abs(pixel(px, py) - (0x1F, 0x4E, 0x9E)).max() > 60
    _drag_events(canvas, "button_release_event", px + 90, py - 30, button=1)
    qtbot.waitUntil(lambda: len(draws) > started, timeout=2000)  # one full draw at release
    canvas.mpl_disconnect(cid)
    arts = window.annotation_tools.layer.artists[a.id]
    assert not any(art.get_animated() for art in arts) and not canvas.transient
    moved = window.session.annotations[a.id].points[0]
    assert canvas.renderer_.ax.transData.transform(moved)[0] == pytest.approx(px + 90, abs=1.5)


def test_line_rubber_band_blits_and_esc_cancels_it_before_clearing_the_selection(window, qtbot, settled):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    urban(window)
    canvas = window.canvas
    window.state.select_district("binjiang")
    settled(canvas)  # the selection drawn, as between a user's actions
    tools = window.annotation_tools
    tools.mode_actions["line"].trigger()
    to_px = canvas.renderer_.ax.transData.transform
    (x0, y0), (x1, y1) = (to_px(to_map(*ll)) for ll in ((120.10, 30.22), (120.15, 30.26)))
    for x, y in ((x0, y0), (x1, y1)):
        _drag_events(canvas, "button_press_event", x, y, button=1)
        _drag_events(canvas, "button_release_event", x, y, button=1)
    settled(canvas)
    draws = []
    cid = canvas.mpl_connect("draw_event", lambda _e: draws.append(1))
    for step in range(1, 8):
        _drag_events(canvas, "motion_notify_event", x1 + 6 * step, y1 - 4 * step)
        QApplication.processEvents()
    canvas.mpl_disconnect(cid)
    assert not draws and tools._preview is not None and tools._preview.get_animated()
    window.activateWindow()
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key_Escape)
    assert tools._preview is None and not tools._pending and not canvas.transient
    assert len(window.session.annotations) == 0          # the half-drawn line is gone, nothing added
    assert window.state.district == "binjiang"  # the first Esc went to the tool
    QTest.keyClick(canvas, Qt.Key_Escape)
    assert window.state.selection is None        # with nothing being drawn, Esc clears as before


def test_a_map_holds_only_as_many_notes_as_draw_within_a_second():
    s = AnnotationSet()
    for i in range(m.MAX_LABELLED):
        s.add(m.make("text", [P(i * 10.0, 0)], f"注{i}"))
    with pytest.raises(m.AnnotationLimit, match="with text"):
        s.add(m.make("callout", [P(0, 0), P(5, 5)], "one too many"))
    s.add(m.make("marker", [P(1, 1)]))  # an unlabelled marker is cheap: still fine
    assert len(s) == m.MAX_LABELLED + 1


def test_model_hit_testing_finds_each_kind_at_its_geometry():
    from hzmap.model.view.hittest import annotation_at

    s = AnnotationSet()
    note = s.add(m.make("text", [P(0, 0)], "钱江新城"))          # about 4 em wide at 12 pt
    line = s.add(m.make("line", [P(1000, 0), P(2000, 0)], size=2.5))
    mark = s.add(m.make("marker", [P(0, 1000)], "基地"))
    per_pt = 2.0                                               # metres a point at this zoom
    assert annotation_at(s, *P(40, 0), per_pt) == note.id       # inside the text's box
    assert annotation_at(s, *P(200, 0), per_pt) is None         # beyond it
    assert annotation_at(s, *P(1500, 8), per_pt) == line.id     # on the line, within a few points
    assert annotation_at(s, *P(1500, 40), per_pt) is None
    assert annotation_at(s, *P(3, 1003), per_pt) == mark.id     # the symbol
    assert annotation_at(s, *P(40, 1000), per_pt) == mark.id    # its label, right of the symbol
