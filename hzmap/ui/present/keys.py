"""The keys that step a presentation: a presenter's clicker sends PageDown/PageUp, the keyboard
the arrows, Home and End. The room's window and the presenter view both take them, and both ask
the one TourPlayer to move (hzmap.model.tours.player), so either window moves both.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt

NEXT_KEYS = {Qt.Key_Right, Qt.Key_Down, Qt.Key_PageDown, Qt.Key_Space}
PREV_KEYS = {Qt.Key_Left, Qt.Key_Up, Qt.Key_PageUp, Qt.Key_Backspace}
PRESENTER_KEYS = NEXT_KEYS | PREV_KEYS | {Qt.Key_Home, Qt.Key_End, Qt.Key_Escape, Qt.Key_S, Qt.Key_L, Qt.Key_H,
                                          Qt.Key_D}


def step_key(player, key) -> bool:
    """A clicker's or keyboard's step key moves the tour (the room and the presenter view alike);
    False for any other key."""
    move = (player.next if key in NEXT_KEYS else player.previous if key in PREV_KEYS
            else player.first if key == Qt.Key_Home else player.last if key == Qt.Key_End else None)
    if move is None:
        return False
    move()
    return True


def claim_presenter_key(event) -> bool:
    """Accept the shortcut override for a presenter key, so the explorer's own shortcuts (Esc
    clears its selection) do not take it from the room or the presenter view."""
    if event.type() == QEvent.ShortcutOverride and event.key() in PRESENTER_KEYS:
        event.accept()
        return True
    return False
