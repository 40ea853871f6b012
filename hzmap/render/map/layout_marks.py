"""The layout's symbols and names for the map's current scale: symbols that would hide each other
spread (symbol_spread.py) or counted, and the label items of the elements, the places and the
counts for the placement (label_layout.py). Functions of a LayoutOverlay. No Qt.
"""
from __future__ import annotations

import numpy as np
import shapely
from matplotlib import patheffects

from hzmap.render.map import label_rules as rules
from hzmap.render.map import symbol_spread
from hzmap.render.map.label_layout import anchor_in_view
from hzmap.render.map.label_text import one_line, place_names
from hzmap.render.map.labels import LabelItem
from hzmap.render.map.layout_style import Z_ELEMENT_LABEL

PLACE_LABEL_MAX_VIEW_M = 90_000  # place names show once the view is under ~90 km across


def spread_symbols(ov) -> None:
    """Spread the symbols that would hide each other at the current scale (symbol_spread);
    a group that cannot be spread is drawn as one symbol with its count."""
    shown = [ea for ea in ov.shown() if ea.places] if ov.show_places else []
    # the spread depends on the scale only (a pan moves every symbol alike): kept for it
    landmarks = ov.r.layers_visible("landmarks")
    key = (tuple(ea.element_id for ea in shown), round(ov.r.metres_per_px(), 6), ov.r.fig.dpi, landmarks,
           ov.symbol_scale(), ov.layout_id, ov.diagram)
    if getattr(ov, "_spread_key", None) == key:
        return
    ov._spread_key = key
    for text, _ in ov.counts:
        text.set_visible(False)
    if not shown:
        ov.counts = []
        return
    base = np.vstack([np.array([xy for _, xy in ea.places], dtype=float) for ea in shown])
    to_px = ov.ax.transData
    keep_in = [ov.r.geo.districts[ov.ds.places[s.place].districts[0]].geometry
               if s.precision == "district" and ov.ds.places[s.place].districts
               and ov.ds.places[s.place].districts[0] in ov.r.geo.districts else None
               for ea in shown for s in ea.symbols]
    for g in keep_in:
        if g is not None:
            shapely.prepare(g)
    min_dist = rules.pt_to_px(symbol_spread.CLASH_PT, ov.r.fig.dpi) * np.sqrt(ov.symbol_scale())
    inv = to_px.inverted()
    fixed = to_px.transform(ov.r.landmarks.symbol_points()) if landmarks else None
    px, counted = symbol_spread.spread(to_px.transform(base), min_dist, inv.transform, keep_in, fixed)
    new = inv.transform(px)
    drawn = np.ones(len(base), dtype=bool)
    for g in counted:
        drawn[g[1:]] = False
    _set_counts(ov, [(tuple(new[g[0]]), len(g)) for g in counted])
    i = 0
    for ea in shown:
        n = len(ea.places)
        ea.shown_xy, ea.drawn = new[i:i + n], drawn[i:i + n]
        i += n
        for art, idx in ea.symbol_rows:
            offsets = ea.shown_xy[idx].copy()
            offsets[~ea.drawn[idx]] = np.nan  # counted with the group's first symbol
            art.set_offsets(offsets)
        ea.place_labels = [(t, tuple(xy)) for (t, _), xy in zip(ea.place_labels, ea.shown_xy)]


def _set_counts(ov, counts) -> None:
    """Texts "×n" for symbols drawn as one (made once, reused by every layout: the screen
    keeps placements by the Texts placed, hzmap.render.map.placement_memo)."""
    pool = ov.count_pool
    halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]
    while len(pool) < len(counts):
        pool.append(ov.ax.text(0, 0, "", ha="center", va="center", color="#111111", fontweight="bold",
                               fontsize=ov.r.style.type.element_label * 0.8, zorder=Z_ELEMENT_LABEL,
                               path_effects=halo))
    ov.counts = [(text, xy) for text, (xy, _) in zip(pool, counts)]
    for text, (_, n) in zip(pool, counts):
        text.set_text(f"×{n}")
        text.set_visible(True)
    for text in pool[len(counts):]:
        text.set_visible(False)


def count_specs(ov) -> list[LabelItem]:
    """The counts of symbols drawn as one, beside their symbol."""
    return [LabelItem(text, rules.point_feature(xy, "count", text.get_text()), xy, (text.get_text(),))
            for text, xy in ov.counts]


def label_specs(ov, view_box, key: bool) -> list[LabelItem]:
    """The shown elements' labels to place, on their figures (the other figures are their
    rivals: a label must not lie mostly on another element)."""
    shown = [ea for ea in ov.shown() if ea.label is not None]
    rivals = tuple(ea.label_feature for ea in ov.shown() if ea.label_feature is not None)
    out = []
    for ea in shown:
        ea.label.set_fontsize(ov.r.style.type.element_label)
        anchor = anchor_in_view(ea.figure.polygon, ea.label_anchor, view_box, view_box.area)
        out.append(LabelItem(ea.label, ea.label_feature, anchor, ea.names, "key" if key else "hide",
                             one_line(ea.legend_text), rivals))
    return out


def place_label_specs(ov, view_width_m: float, key: bool) -> list[LabelItem]:
    """Place names beside their symbols; none when zoomed out."""
    pairs = [(ea, t, a, pid) for ea in ov.shown() if ov.show_places
             for (t, a), (pid, _), drawn in zip(ea.place_labels, ea.places, ea.drawn) if drawn]
    for ea in ov.shown():  # a place counted in a group is not named on its own
        for (t, _), drawn in zip(ea.place_labels, ea.drawn):
            if not drawn:
                t.set_visible(False)
    if view_width_m > PLACE_LABEL_MAX_VIEW_M:
        for _, t, _, _ in pairs:
            t.set_visible(False)
        return []
    en = ov.r.lang == "en"
    out = []
    for ea, text, xy, pid in pairs:
        place = ov.ds.places[pid]
        names = place_names(place, en)
        out.append(LabelItem(text, rules.point_feature(xy, "place", place.name), xy, names,
                             "key" if key else "hide", one_line(place.name_en if en else place.name)))
    return out
