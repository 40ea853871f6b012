"""Every label of a map placed for its current extent and size: the layout's element names first
(they carry the plan), then the districts', the places' and the stations' (hzmap.render.map.labels
places each; hzmap.render.map.label_rules says what is allowed). No Qt.

A label that finds no place on its feature or on a short leader is shortened where the dataset
gives a shorter name; failing that, on an exported page, its feature gets a number (①, ②, …) and
the page lists the number with the whole name (`MapRenderer.label_key`); on the screen it is hidden
until the planner zooms in. Station names are hidden rather than numbered.

What was placed is kept as `MapRenderer.label_records` (each label, what it names and its
leader): the page check (hzmap.render.page.check) measures the drawn page against the rules.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from matplotlib import patheffects
from shapely.ops import polylabel

from hzmap.render.map import label_rules as rules
from hzmap.render.map.label_rules import Feature, area_feature, point_feature
from hzmap.render.map.labels import LabelItem, Placer

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
USER_POINTS_MAX = 400   # a user layer's points are obstacles while no more than this many show
LANDMARK_LEADER = 0.55  # a station's name has a leader at most this share of the longest


@dataclass(eq=False)
class LabelRecord:
    """A label as placed: its Text, the feature it names, the areas it could be mistaken for,
    and its leader (map metres, the feature's end first) if it has one."""

    text: object
    feature: Feature
    rivals: tuple = ()
    leader: tuple | None = None
    kind: str = "name"     # "name", or "number" (a key number standing for the name)


def key_marker(n: int) -> str:
    return CIRCLED[n - 1] if 1 <= n <= len(CIRCLED) else f"({n})"


def district_features(r) -> dict[str, Feature]:
    """The districts as label features (prepared once per renderer)."""
    if getattr(r, "_district_features", None) is None:
        r._district_features = {did: area_feature(f.geometry, "district", f["name_zh"])
                                for did, f in r.geo.districts.items()}
    return r._district_features


def anchor_in_view(geom, anchor, view_box, view_area: float):
    """`anchor`, or, when it is off the map, a point well inside the area's visible part."""
    x, y = anchor
    x0, y0, x1, y1 = view_box.bounds
    if x0 <= x <= x1 and y0 <= y <= y1 and shapely.contains_xy(geom, x, y):
        return anchor
    visible = geom.intersection(view_box)
    if visible.is_empty or visible.area < 0.002 * view_area:
        return anchor
    parts = shapely.get_parts(visible)
    biggest = max(parts, key=lambda p: p.area)
    p = polylabel(biggest, tolerance=(x1 - x0) / 300) if biggest.geom_type == "Polygon" \
        else biggest.representative_point()
    return (p.x, p.y)


def collect(r, size: float) -> tuple[list[LabelItem], np.ndarray]:
    """The label items of the map, most important first, and the symbols (map metres) no label
    may cover."""
    (vx0, vx1), (vy0, vy1) = r.ax.get_xlim(), r.ax.get_ylim()
    view = shapely.box(vx0, vy0, vx1, vy1)
    items: list[LabelItem] = []
    ov = r.overlay
    key = r.label_key_mode
    if ov is not None:
        items += ov.count_specs() + ov.label_specs(view, key)
    r._district_texts = set()
    if r.layers_visible("labels"):
        feats = district_features(r)
        rivals = tuple(feats.values())
        for did in r.label_order:
            text = r.labels[did]
            r._district_texts.add(text)
            text.set_fontsize(size)
            anchor = anchor_in_view(r.geo.districts[did].geometry, r.label_anchor[did], view, view.area)
            items.append(LabelItem(text, feats[did], anchor, (r.district_name(did),),
                                   "key" if key else "hide", r.district_name(did), rivals))
    if ov is not None:
        items += ov.place_label_specs(vx1 - vx0, key)
    shown = r.layers_visible("landmarks")  # their names last: they give way to the plan's
    for text, xy in r.landmarks.update_for_view(shown, vx1 - vx0, size * 0.75):
        # a station's name stays close to its symbol or is left out (it is base information)
        items.append(LabelItem(text, point_feature(xy, "landmark", text.get_text()), xy, (text.get_text(),),
                               leader_share=LANDMARK_LEADER))
    kept = []
    for item in items:  # a symbol outside the frame is not named
        x, y = item.feature.xy if item.feature.kind == "point" else (vx0, vy0)
        if vx0 <= x <= vx1 and vy0 <= y <= vy1:
            kept.append(item)
        else:
            item.text.set_visible(False)
    items = kept
    symbols = [ov.symbol_points()] if ov is not None else []
    if shown:
        symbols.append(r.landmarks.symbol_points())
    for source in r.symbol_sources:
        pts = np.asarray(source(), dtype=float).reshape(-1, 2)
        inside = pts[(pts[:, 0] >= vx0) & (pts[:, 0] <= vx1) & (pts[:, 1] >= vy0) & (pts[:, 1] <= vy1)]
        if len(inside) <= USER_POINTS_MAX:
            symbols.append(inside)
    return items, (np.vstack(symbols) if symbols else np.zeros((0, 2)))


def place_all(r, items: list[LabelItem], symbols: np.ndarray, obstacles, renderer) -> None:
    """Place `items` on `r`'s map; hide what finds no place; number it when it may be."""
    dpi = r.fig.dpi
    to_px = r.ax.transData
    sym_px = to_px.transform(symbols) if len(symbols) else np.zeros((0, 2))
    placer = Placer(r.ax, renderer, obstacles, sym_px, symbol_r=rules.pt_to_px(rules.SYMBOL_R_PT, dpi),
                    pad=r.label_pad_px())
    inv = to_px.inverted()
    records, leaders, keyed = [], [], []
    for item in items:
        item.text.set_visible(True)
        found = placer.place(item)
        if found is None:
            item.text.set_visible(False)
            if item.fallback == "key":
                keyed.append(item)
            continue
        item.text.set_position(inv.transform(found.centre))
        item.text.set_ha("center")
        item.text.set_va("center")
        records.append(_record(item, found, inv, leaders))
    numbers = _numbers(r, len(keyed))
    r.label_key = []
    for item, text in zip(keyed, numbers):
        marker = key_marker(len(r.label_key) + 1)
        probe = LabelItem(text, item.feature, item.anchor, (marker,), "hide", item.key_name, item.rivals)
        text.set_fontsize(max(item.text.get_fontsize(), 8.0))
        found = placer.place(probe)
        if found is None:
            text.set_visible(False)
            continue
        text.set_position(inv.transform(found.centre))
        r.label_key.append((marker, item.key_name))
        records.append(_record(probe, found, inv, leaders, kind="number"))
    for text in numbers[len(keyed):]:
        text.set_visible(False)
    r.leaders.set_segments(leaders)
    r.label_records = records


def _record(item: LabelItem, found, inv, leaders: list, kind: str = "name") -> LabelRecord:
    leader = None
    if found.leader is not None:
        a, b = inv.transform(np.asarray(found.leader, dtype=float).reshape(2, 2))
        leader = (tuple(a), tuple(b))
        leaders.append([a, b])
    return LabelRecord(item.text, item.feature, item.rivals, leader, kind)


def _numbers(r, n: int) -> list:
    """At least `n` number Texts (made once, reused)."""
    pool = r.key_texts
    halo = [patheffects.withStroke(linewidth=2.6, foreground="white")]
    while len(pool) < n:
        text = r.ax.text(0, 0, "", ha="center", va="center", color="#111111", fontweight="bold",
                         fontsize=8.5, zorder=9.6, path_effects=halo)
        pool.append(text)
    return pool
