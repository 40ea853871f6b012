"""How a Qt widget listens to the model: for as long as it lives, and no longer.

The model's objects (the view state, the session, its layer store) outlive the windows that show
them and announce their changes through psygnal signals. `follow(owner, signal, slot)` connects a
slot and drops the connection when Qt deletes `owner` (a closed dialog, a presentation), so the
model never calls into a deleted widget. The connection does not keep `owner` alive: a bound
method is held weakly (psygnal's default), so a widget nobody holds any more goes as before.
"""
from __future__ import annotations

import inspect
import weakref


def follow(owner, signal, slot) -> None:
    """Call `slot` on each emission of the model's psygnal `signal` while the Qt object `owner`
    lives."""
    signal.connect(slot)
    ref = weakref.WeakMethod(slot) if inspect.ismethod(slot) else (lambda: slot)

    def drop(*_args) -> None:
        alive = ref()
        if alive is not None:
            signal.disconnect(alive)

    owner.destroyed.connect(drop)
