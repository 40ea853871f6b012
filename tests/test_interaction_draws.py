"""A hover or a click never draws the whole map: it blits the outline over the last frame.

A full draw costs 25-60 ms on a quiet machine and three times that on a slow one, so one on a
hover is what a user feels as lag. These tests count matplotlib's Figure.draw over real mouse
events on every district, in the app's own Qt font (a line of Chinese is taller than a Latin
one in it), with the tooltip shown and the window resized just before.
"""
import matplotlib.figure
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip


@pytest.fixture
def app_font():
    """The app's own font for Qt, as hzmap.ui.app sets it; the platform's back afterwards."""
    from hzmap.ui.common.fonts import register_qt

    app = QApplication.instance()
    before = app.font()
    register_qt(app)
    yield
    app.setFont(before)


@pytest.fixture
def figure_draws(monkeypatch):
    calls = []
    draw = matplotlib.figure.Figure.draw

    def counted(self, renderer):
        calls.append(self)
        return draw(self, renderer)
    monkeypatch.setattr(matplotlib.figure.Figure, "draw", counted)
    return calls


def _points(win, geodata):
    """Each district's label point, in widget pixels, and a point outside the city."""
    canvas = win.canvas
    pts = {did: canvas.data_to_widget(p.x, p.y) for did, p in geodata.district_label_points().items()}
    return pts, (8, 8)


def _handled(canvas, qtbot):
    """Every event the action posted is handled (a draw it asked for would be done by then)."""
    QApplication.sendPostedEvents()
    qtbot.waitUntil(canvas.is_settled, timeout=3000)


def test_hovers_and_clicks_on_every_district_never_draw_the_whole_map(
        app_font, open_window, data, qtbot, settled, figure_draws):
    geodata, _ = data
    win = open_window(*data, size=(1200, 800))
    canvas = win.canvas
    win.resize(1100, 760)  # the window resized just before
    settled(canvas)
    qtbot.waitUntil(canvas.is_settled, timeout=5000)
    size = canvas.size()
    points, outside = _points(win, geodata)
    figure_draws.clear()
    tooltips = 0
    for did, (x, y) in points.items():
        QTest.mouseMove(canvas, QPoint(x, y))
        _handled(canvas, qtbot)
        assert win.state.hover is not None
        tooltips += QToolTip.isVisible()
        QTest.mouseClick(canvas, Qt.LeftButton, Qt.NoModifier, QPoint(x, y))
        _handled(canvas, qtbot)
        assert win.state.selection is not None
    QTest.mouseMove(canvas, QPoint(*outside))  # off the city: the outline and the line go
    _handled(canvas, qtbot)
    QTest.mouseClick(canvas, Qt.LeftButton, Qt.NoModifier, QPoint(*outside))
    _handled(canvas, qtbot)
    assert win.state.selection is None and win.state.hover is None
    assert tooltips > 0  # the hovers showed their tooltip
    assert figure_draws == []
    assert canvas.size() == size


def test_a_blit_asked_for_before_the_resized_frame_is_drawn_waits_for_that_draw(
        open_window, data, qtbot, settled, figure_draws):
    """A hover that lands between a resize and its redraw draws nothing itself; the one redraw
    of the new size puts the outline on."""
    geodata, _ = data
    win = open_window(*data, size=(1200, 800))
    canvas = win.canvas
    settled(canvas)
    figure_draws.clear()
    canvas.resize(canvas.width() - 40, canvas.height())  # a shown widget gets its resize at once
    assert canvas._background is None and canvas._draw_pending  # its redraw is on its way
    p = geodata.district_label_points()["binjiang"]
    win.state.hover = "binjiang"
    assert figure_draws == []  # the hover drew nothing itself
    settled(canvas)
    assert figure_draws  # the resize's redraw (and the layout's, which sizes the map back)
    assert canvas.scene.renderer.hover_patch.get_visible()
    x, y = canvas.data_to_widget(p.x, p.y)
    assert any(b.contains(x, canvas.figure.bbox.height - y) for b in canvas._blitted)
