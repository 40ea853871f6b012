"""Label placements kept by what they were worked out from, for the screen. No Qt.

Placing a map's labels (hzmap.render.map.label_layout.place_all) is a pure function of the
labels to place (their Texts, names, anchors, features and type), the symbols and boxes they
keep clear of, the frame and the resolution: the same inputs give the same placement. The
screen places a layout's labels again at each redraw; kept by exactly those inputs, a placement
worked out before (in idle time, for a layout not shown yet: hzmap.render.map.rehearsal) is put
back instead of being worked out again: each Text's words, place, alignment and size, the
leaders, the numbered key and the records the page check reads. Exports place as they always did.
"""
from __future__ import annotations

from collections import OrderedDict

import numpy as np

KEEP = 64  # placements kept: every layout's at a few frames


def text_state(text) -> tuple:
    """What placing a label sets on its Text."""
    return (text.get_text(), tuple(text.get_position()), text.get_horizontalalignment(),
            text.get_verticalalignment(), text.get_fontsize(), text.get_visible())


def set_text_state(text, state: tuple) -> None:
    words, position, ha, va, size, visible = state
    text.set_text(words)
    text.set_position(position)
    text.set_horizontalalignment(ha)
    text.set_verticalalignment(va)
    text.set_fontsize(size)
    text.set_visible(visible)


def _feature(f) -> tuple:
    return (f.kind, id(f.geom) if f.geom is not None else None, f.xy, f.family)


def placement_key(r, items, symbols, obstacles) -> tuple:
    """Everything `place_all` reads: each label (its Text, what it is measured with, the names
    it may take, its anchor, its feature and rivals), the symbols and obstacles, the frame, the
    view, the resolution and the numbering mode."""
    ax = r.ax
    labels = tuple((id(it.text), tuple(it.names) or it.text.get_text(), it.text.get_fontsize(), str(it.text.get_fontweight()),
                    tuple(it.text.get_fontfamily()), it.text.get_linespacing(), it.fallback,
                    it.key_name, tuple(map(float, it.anchor)), _feature(it.feature),
                    tuple(_feature(f) for f in it.rivals), it.leader_share) for it in items)
    return (labels, np.asarray(symbols, dtype=float).tobytes(),
            tuple(tuple(map(float, box)) for box in obstacles), tuple(ax.bbox.extents), ax.get_xlim(),
            ax.get_ylim(), r.fig.dpi, r.label_pad_px(), r.label_key_mode)


class PlacementMemo:
    """The last KEEP placements, by placement_key."""

    def __init__(self) -> None:
        self._kept: OrderedDict = OrderedDict()

    def clear(self) -> None:
        self._kept.clear()

    def __len__(self) -> int:
        return len(self._kept)

    def restore(self, r, key) -> bool:
        """Put the placement kept for `key` back on `r`'s Texts; False when none is kept."""
        kept = self._kept.get(key)
        if kept is None:
            return False
        self._kept.move_to_end(key)
        _items, states, segments, label_key, records = kept
        for text, state in states:
            set_text_state(text, state)
        known = {id(text) for text, _ in states}
        for text in r.key_texts:  # numbers made since: unused then
            if id(text) not in known:
                text.set_visible(False)
        r.leaders.set_segments(segments)
        r.label_key = list(label_key)
        r.label_records = list(records)
        return True

    def keep(self, r, key, items) -> None:
        """Keep the placement just made for `key` (the items are held so that their ids stay theirs)."""
        texts = [it.text for it in items] + list(r.key_texts)
        states = [(t, text_state(t)) for t in dict.fromkeys(texts)]
        self._kept[key] = (list(items), states, [np.array(s) for s in r.leaders.get_segments()],
                           list(r.label_key), list(r.label_records))
        self._kept.move_to_end(key)
        while len(self._kept) > KEEP:
            self._kept.popitem(last=False)
