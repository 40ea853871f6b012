"""Start where the user left off: the last layout and view, and the window's docks and toolbars.

What is remembered is written once, when the window closes, in one QSettings transaction (the
language is kept by hzmap.ui.common.i18n when it changes). QSettings locks its file and writes back only
the keys this process changed, so two windows closing one after the other do not corrupt it: the
one closed last is what the next start shows. A value that can no longer be shown (an extent far
off, a layout the data no longer has) is dropped, not obeyed. On a first start, with nothing
remembered, the newcomer sees a well-known layout on the urban core and one line saying what to
click.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QTimer

from hzmap.model.geo import extent as ext
from hzmap.model.view.viewstate import VIEWS, ViewState
from hzmap.ui.common.settings import settings

FIRST_LAYOUT = "st_core_belt_wings"   # 一核一带两翼多基地
FIRST_PRESET = "urban"                # 主城区
NO_LAYOUT = "-"                       # remembered "无": distinct from nothing remembered
TITLE_BAR_PX = 40                     # room left for the window manager's title bar
FRAME_PX = 4                          # and for its frame's side borders
STATE_VERSION = 1                     # of QMainWindow.saveState: bump when docks change
KEYS = {"layout": "start/layout", "preset": "start/preset", "extent": "start/extent",
        "geometry": "window/geometry", "state": "window/state"}


def restore_view(state: ViewState) -> bool:
    """Put the remembered layout and view into `state` (one change, before any window draws).
    Returns True on a first start, when the first-start layout and view were chosen instead."""
    s = settings()
    if not s.contains(KEYS["layout"]):
        state.update(layout=FIRST_LAYOUT, preset=FIRST_PRESET, extent=state.preset_extent(FIRST_PRESET))
        return True
    layout = s.value(KEYS["layout"])
    changes = {"layout": None if layout == NO_LAYOUT or not isinstance(layout, str) else layout[:200]}
    preset = s.value(KEYS["preset"])
    if preset in VIEWS:
        changes.update(preset=preset, extent=state.preset_extent(preset))
    else:
        extent = _floats(s.value(KEYS["extent"]))
        if extent is not None and ext.problem(extent) is None:
            changes.update(preset="custom", extent=extent)
    try:
        state.update(**changes)
    except ValueError:  # whatever cannot be shown is not restored
        pass
    return False


def _floats(value) -> tuple[float, ...] | None:
    try:
        out = tuple(float(v) for v in (value if isinstance(value, (list, tuple)) else str(value).split(",")))
    except (TypeError, ValueError):
        return None
    return out if len(out) == 4 else None


def restore_window(window) -> None:
    """Size and place the window, and arrange its docks and toolbars as they were left. The
    docks built when the dataset arrives are arranged again then (after the window's own
    default sizes, which a queued call follows)."""
    s = settings()
    geometry, layout = s.value(KEYS["geometry"]), s.value(KEYS["state"])
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    clamp_to_screen(window)
    # the docks built when the dataset arrives widen the window's minimum: clamp again then
    window.features_built.connect(lambda: QTimer.singleShot(0, window, lambda: clamp_to_screen(window)))
    if isinstance(layout, QByteArray) and not layout.isEmpty():
        window.restoreState(layout, STATE_VERSION)

        def again():
            QTimer.singleShot(0, window, lambda: window.restoreState(layout, STATE_VERSION))
        if window.dataset is not None:
            again()
        else:
            window.features_built.connect(again)


def clamp_to_screen(window) -> None:
    """The window within its screen's free area: a geometry saved on a larger screen, or at
    100% and restored at 200% scaling (where a 1920-pixel screen is 960 wide), is refused by
    restoreGeometry and the default size would be larger than the screen."""
    screen = window.screen()
    if screen is None:
        return
    area = screen.availableGeometry()
    _narrow_docks(window, window.minimumSizeHint().width() - (area.width() - 2 * FRAME_PX))
    width = min(window.width(), area.width() - 2 * FRAME_PX)
    height = min(window.height(), area.height() - TITLE_BAR_PX)
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, 1), max(height, 1))
    geo = window.geometry()
    if not area.contains(geo.topLeft()) or geo.right() > area.right() or geo.bottom() > area.bottom():
        window.move(max(area.left(), min(geo.left(), area.right() - width - 2 * FRAME_PX)),
                    max(area.top(), min(geo.top(), area.bottom() - height - TITLE_BAR_PX)))


def _narrow_docks(window, over: int) -> None:
    """Take `over` pixels off the docks' chosen minimum widths (at most half of each), so the
    window's minimum fits a small screen: the inspector is 340 wide by choice, not by need."""
    from PySide6.QtWidgets import QDockWidget

    for dock in sorted(window.findChildren(QDockWidget), key=lambda d: -d.minimumWidth()):
        if over <= 0:
            return
        if not dock.isHidden() and not dock.isFloating():
            cut = min(over, dock.minimumWidth() // 2)
            dock.setMinimumWidth(dock.minimumWidth() - cut)
            over -= cut


def remember(window) -> bool:
    """Write what the next start restores; True when it was written."""
    view = window.state.view
    s = settings()
    s.setValue(KEYS["layout"], view.layout or NO_LAYOUT)
    s.setValue(KEYS["preset"], view.preset)
    s.setValue(KEYS["extent"], ",".join(f"{v:.1f}" for v in view.extent))
    s.setValue(KEYS["geometry"], window.saveGeometry())
    s.setValue(KEYS["state"], window.saveState(STATE_VERSION))
    s.sync()
    return s.status() == s.Status.NoError


#: What a newcomer should click (translated where it is shown; English in resources/i18n).
FIRST_START_HINT = ("点击一核、一带、两翼或基地，看规划原文怎么说\n"
                    "Click the core, the belt, a wing or a base to read what the plan says")
