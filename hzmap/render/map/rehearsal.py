"""Another View's labels and legend made ready before it is shown, for the screen. No Qt.

A layout's first showing used to place its labels (20-35 ms), build its legend (10-25 ms) and
draw both (35-75 ms); every later showing pasted their kept pixels. The window rehearses each
layout in idle time instead, a piece at a time: `rehearse` shows the View on the Scene's
artists, places its labels (kept by hzmap.render.map.placement_memo) and notes each label's
state and box and the legend, then shows the View on screen again, whose placement the memo
puts back as it was. `keep_label` and `keep_legend` then draw one label, or the legend, alone
into the pixel caches (hzmap.render.map.sprites, legend_cache), each in the state it will have
when its layout shows, so that the first switch pastes them as every later one does. Nothing is
drawn on the figure meanwhile.
"""
from __future__ import annotations

from dataclasses import dataclass

from hzmap.render.map.legend_cache import legend_key
from hzmap.render.map.placement_memo import set_text_state, text_state


@dataclass
class Rehearsed:
    labels: list   # (Text, its state then, its window extent then)
    legend: object  # the Legend that View shows, or None


def rehearse(scene, view, renderer) -> Rehearsed:
    """Place `view`'s labels on `scene` (the placement kept by the renderer's memo) and note
    them; the scene shows the View it showed before again when this returns."""
    shown, r = scene.view, scene.renderer
    measured = r.text_extents  # the frame's labels' boxes: the same again afterwards
    scene.apply(view)
    try:
        r.refresh_labels(renderer)
        labels = [(text, text_state(text), extent) for text, extent in r.label_extents(renderer, every=True)]
        legend = scene.ax.get_legend()
    finally:
        scene.apply(shown)
        r.refresh_labels(renderer)
        r.text_extents = measured  # (a hover after this need not measure them again)
    return Rehearsed(labels, legend)


def keep_label(sprites, text, state: tuple, extent, renderer) -> bool:
    """Keep a label's pixels as it stands in `state`; False when they were kept already."""
    if text.axes is None:  # taken off the map since (its dataset went)
        return False
    now = text_state(text)
    set_text_state(text, state)
    try:
        if sprites.has(text, renderer, extent):  # (its look: the words, type and box then)
            return False
        sprites.prepare(text, renderer, extent)
        return True
    finally:
        set_text_state(text, now)


def keep_legend(sprites, legends, legend, figure, renderer) -> bool:
    """Keep a legend's pixels (drawn alone where it stands; None when it reaches past the canvas,
    so that it is drawn as ever and not tried again); False when there was nothing to do."""
    key = legend_key(legend, figure)
    if key is None or key in legends or legend.axes is None:
        return False
    legends.put(key, sprites.alone(legend, renderer, legend.get_window_extent(renderer)))
    return True
