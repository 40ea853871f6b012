"""The map check: a composed page measured against the rules a clean map keeps, returning the
problems found. No Qt.

    problems = check_page(compose(spec, geo, ds))

What it measures is the page as drawn: each label's box as matplotlib lays its text out, its
leader, the symbols where they are drawn, and the legend's rows. The rules (label_rules.py):

- labels: every label lies on its feature (or beside its symbol), or is tied to it by a leader no
  longer than the longest allowed that crosses no other label and no other leader; no two labels
  overlap; no label covers a symbol; every label is inside the map's frame; every number on the
  map is in the key;
- symbols: no two symbols of the layout or the stations hide each other;
- page: its legend stands in the column beside the map, and no title, note or footer line
  reaches over the map;
- legend: it lists each element that shows in the frame and no other, in the map's language
  only, each symbol row drawn in the shapes and fills the map uses; no two filled figures
  overlap (an overlap would make a colour the legend does not explain).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import shapely
from matplotlib.markers import MarkerStyle

from hzmap.render.map import label_rules as rules
from hzmap.render.map.label_layout import USER_POINTS_MAX
from hzmap.render.map.layout_legend import in_frame
from hzmap.render.map.legend_place import anchored_in
from hzmap.render.map.symbol_spread import CLASH_PT

OVERLAP_SHARE = 0.03      # filled figures may overlap by this share of the smaller (a shared edge)
CJK = re.compile(r"[\u2E80-\u9FFF\uF900-\uFAFF]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@dataclass(frozen=True)
class Problem:
    kind: str      # what rule: "off feature", "leader too long", "leader crosses", "overlap", ...
    what: str      # the label, symbol or legend row concerned
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.kind}: {self.what}" + (f" ({self.detail})" if self.detail else "")


def check_page(page) -> list[Problem]:
    """The problems of a composed page (hzmap.render.page.compose.Composed)."""
    r = page.scene.renderer
    out = check_map(r)
    legend = r.ax.get_legend()
    if legend is not None and legend.get_visible() and anchored_in(r.ax, legend):
        out.append(Problem("legend on the map", "the page's legend belongs in its column"))
    renderer = r.fig.canvas.get_renderer()
    x0, y0, x1, y1 = r.ax.bbox.extents
    for text in r.fig.texts:  # the title, the footer, the column's notes stay off the map
        if text.get_visible() and text.get_text().strip():
            bb = text.get_window_extent(renderer)
            if bb.x0 < x1 - 1 and bb.x1 > x0 + 1 and bb.y0 < y1 - 1 and bb.y1 > y0 + 1:
                out.append(Problem("page text over the map", _name(text)[:40]))
    return out


def check_map(r, renderer=None) -> list[Problem]:
    """The problems of a map drawn by a MapRenderer whose labels were placed."""
    renderer = renderer or r.fig.canvas.get_renderer()
    return _labels(r, renderer) + _symbols(r) + _legend(r)


def _name(text) -> str:
    return text.get_text().replace("\n", " ")


def _box(text, renderer) -> np.ndarray:
    """The label's box as the rules see it: its drawn middle, its size to a quarter point."""
    return rules.label_box(text.get_window_extent(renderer), text.figure.dpi)


def _symbol_px(r, user: bool = True) -> np.ndarray:
    """Pixel positions of the symbols drawn inside the frame: the layout's, the stations' and
    (`user`) a user layer's points when they are few enough to be symbols."""
    pts = []
    if r.overlay is not None:
        pts.append(r.overlay.symbol_points())
    if r.layers_visible("landmarks"):
        pts.append(r.landmarks.symbol_points())
    (x0, x1), (y0, y1) = r.ax.get_xlim(), r.ax.get_ylim()
    for source in r.symbol_sources if user else ():
        p = np.asarray(source(), dtype=float).reshape(-1, 2)
        p = p[(p[:, 0] >= x0) & (p[:, 0] <= x1) & (p[:, 1] >= y0) & (p[:, 1] <= y1)]
        if len(p) <= USER_POINTS_MAX:
            pts.append(p)
    pts = np.vstack(pts) if pts else np.zeros((0, 2))
    px = r.ax.transData.transform(pts) if len(pts) else np.zeros((0, 2))
    frame = r.ax.bbox.extents
    keep = (px[:, 0] >= frame[0]) & (px[:, 0] <= frame[2]) & (px[:, 1] >= frame[1]) & (px[:, 1] <= frame[3])
    return px[keep]


def _labels(r, renderer) -> list[Problem]:
    out: list[Problem] = []
    dpi = r.fig.dpi
    rad = rules.pt_to_px(rules.SYMBOL_R_PT, dpi)
    beside = rules.pt_to_px(rules.BESIDE_PT, dpi)
    longest = rules.pt_to_px(rules.LEADER_MAX_PT, dpi) + 1.0
    to_px = r.ax.transData
    inv = to_px.inverted()
    m_per_px = r.metres_per_px()
    frame = tuple(r.ax.bbox.extents)
    records = [rec for rec in r.label_records if rec.text.get_visible() and rec.text.get_text().strip()]
    texts = [rec.text for rec in records]
    known = {id(t) for t in texts}
    others = [t for t in r.ax.texts if t.get_visible() and t.get_text().strip() and id(t) not in known]
    boxes = np.array([_box(t, renderer) for t in texts + others]).reshape(-1, 4)
    symbols = _symbol_px(r)
    sym_boxes = np.column_stack([symbols - rad, symbols + rad]) if len(symbols) else np.zeros((0, 4))
    for i, rec in enumerate(records):
        name, box = _name(rec.text), boxes[i]
        if not rules.inside(box[None], frame)[0]:
            out.append(Problem("outside frame", name))
        if len(sym_boxes) and rules.overlap_matrix(box[None], sym_boxes).any():
            out.append(Problem("covers a symbol", name))
        f = rec.feature
        if f.kind == "point" and not rules.inside(np.tile(to_px.transform(f.xy), 2)[None], frame)[0]:
            out.append(Problem("names a symbol outside the frame", name))
        if f.kind == "area":
            on = rules.on_area(box, f, rec.rivals, inv.transform)
        else:
            on = rules.beside_point(box, to_px.transform(f.xy), rad, beside)
        if on:
            continue
        if rec.leader is None:
            out.append(Problem("off its feature", name, f"names {f.name or f.kind}, no leader"))
            continue
        a, b = to_px.transform(np.asarray(rec.leader, dtype=float))
        length = float(np.hypot(*(b - a)))
        if length > longest:
            out.append(Problem("leader too long", name, f"{length:.0f} px > {longest:.0f}"))
        if f.kind == "area":
            ends_on = shapely.distance(f.geom, shapely.Point(*inv.transform(a[None])[0])) <= 2 * m_per_px
        else:
            ends_on = np.hypot(*(a - to_px.transform(f.xy))) <= rad + 2
        if not ends_on:
            out.append(Problem("leader misses its feature", name))
        if rules.gap_to_box(b, box) > 2.0:
            out.append(Problem("leader misses its label", name))
        seg = np.concatenate([a, b])[None]
        hit = rules.segments_hit_boxes(seg, np.delete(boxes, i, axis=0))[0]
        for j in np.flatnonzero(hit):
            other = (texts + others)[j if j < i else j + 1]
            out.append(Problem("leader crosses a label", name, _name(other)))
    segs = np.array([np.concatenate(to_px.transform(np.asarray(rec.leader, dtype=float)))
                     for rec in records if rec.leader is not None]).reshape(-1, 4)
    named = [_name(rec.text) for rec in records if rec.leader is not None]
    crossing = rules.segments_cross(segs, segs)
    for i, j in zip(*np.nonzero(np.triu(crossing, 1))):
        out.append(Problem("leaders cross", named[i], named[j]))
    allt = texts + others
    fixed = [a.get_window_extent(renderer) for a in r.label_obstacles if a.get_visible()]
    legend = r.ax.get_legend()
    if legend is not None and legend.get_visible() and anchored_in(r.ax, legend):  # the screen's
        fixed.append(legend.get_window_extent(renderer))
    if fixed and len(boxes):
        under = rules.overlap_matrix(boxes, np.array([[b.x0, b.y0, b.x1, b.y1] for b in fixed]))
        for i in np.flatnonzero(under.any(axis=1)):
            out.append(Problem("label over the legend, the scale bar or a note", _name(allt[i])))
    ov = rules.overlap_matrix(boxes, boxes)
    for i, j in zip(*np.nonzero(np.triu(ov, 1))):
        out.append(Problem("labels overlap", _name(allt[i]), _name(allt[j])))
    if r.label_key_mode:
        listed = {marker for marker, _ in r.label_key}
        for rec in records:
            if rec.kind == "number" and rec.text.get_text() not in listed:
                out.append(Problem("number not in the key", rec.text.get_text()))
    return out


def _symbols(r) -> list[Problem]:
    """Layout symbols and stations that hide each other (closer than a symbol's width)."""
    px = _symbol_px(r, user=False)
    d = np.hypot(px[:, None, 0] - px[None, :, 0], px[:, None, 1] - px[None, :, 1])
    near = np.triu(d < rules.pt_to_px(CLASH_PT, r.fig.dpi) * 0.8, 1)
    return [Problem("symbols hide each other", f"at {px[i].round()} and {px[j].round()}")
            for i, j in zip(*np.nonzero(near))]


def _legend(r) -> list[Problem]:
    ov = r.overlay
    if ov is None or ov.layout_id is None:
        return []
    out: list[Problem] = []
    legend = r.ax.get_legend()
    # (a page's column wraps long rows: the words are compared without their line breaks)
    texts = [_flat(t.get_text()) for t in legend.get_texts()] if legend is not None else []
    title = _flat(legend.get_title().get_text()) if legend is not None else ""
    (x0, x1), (y0, y1) = r.ax.get_xlim(), r.ax.get_ylim()
    box = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    by_text = dict(zip(texts, getattr(legend, "hz_handles", [])))
    names = set()
    for ea in ov.elements():
        shown, precs = in_frame(ea, box, ov.hidden_elements, ov.show_places)
        row = _flat(ea.legend_text)
        names.add(row)
        if shown and row not in by_text:
            out.append(Problem("legend misses", row))
        if not shown and row in by_text:
            out.append(Problem("legend lists what the frame does not show", row))
        if shown and precs and row in by_text:
            out += _symbol_rows(ea, precs, by_text[row], legend)
    for text in [title, *texts]:
        if r.lang == "en" and CJK.search(text):
            out.append(Problem("legend mixes languages", text))
        if r.lang == "zh" and text not in names and LATIN_WORD.search(text) and text != title:
            if not any(text == _flat(sec) for sec, _ in ov.extra_legend):
                out.append(Problem("legend mixes languages", text))
    out += _overlaps(ov, box)
    return out


def _flat(text: str) -> str:
    """Text with its line breaks undone (a wrapped English row: a space; Chinese: nothing)."""
    out = ""
    for line in text.split("\n"):
        if out and not (CJK.search(out[-1]) or CJK.search(line[:1])):
            out += " "
        out += line
    return out


def _marker_shape(marker: str) -> np.ndarray:
    style = MarkerStyle(marker)
    return np.round(style.get_path().transformed(style.get_transform()).vertices, 3)


def _symbol_rows(ea, precs, handle, legend) -> list[Problem]:
    """The element's legend row shows each (shape, fill) the map draws for it in the frame."""
    drawn = set()
    for art, idx in ea.symbol_rows:
        if art.get_sizes()[0] < 10 or ea.symbols[idx[0]].precision not in precs:  # a dot; not in the frame
            continue
        face = tuple(np.round(art.get_facecolor()[0][:3], 2))
        drawn.add((_marker_shape(ea.marker).tobytes(), face))
    shown = set()
    parts = list(handle) if isinstance(handle, tuple) else [handle]
    flat = []
    for p in parts:
        flat += list(p) if isinstance(p, tuple) else [p]
    from matplotlib.colors import to_rgba
    for h in flat:
        marker = getattr(h, "get_marker", lambda: None)()
        if marker in (None, "None", "", "none") or h.get_markersize() < 4:
            continue
        shown.add((_marker_shape(marker).tobytes(), tuple(np.round(to_rgba(h.get_markerfacecolor())[:3], 2))))
    if not shown >= {d for d in drawn}:
        return [Problem("legend symbol unlike the map's", ea.legend_text)]
    return []


def _overlaps(ov, box) -> list[Problem]:
    """Filled figures in the frame that overlap (their mixed colour has no legend row)."""
    view = shapely.box(*box)
    filled = []
    for ea in ov.elements():
        if ea.figure is None or ea.element_id in ov.hidden_elements or not ea.artists:
            continue
        face = ea.artists[0].get_facecolor()
        if face[3] > 0:
            filled.append((ea, shapely.intersection(ea.figure.polygon, view)))
    out = []
    for i in range(len(filled)):
        for j in range(i + 1, len(filled)):
            (a, ga), (b, gb) = filled[i], filled[j]
            if ga.is_empty or gb.is_empty:
                continue
            shared = shapely.intersection(ga, gb).area
            if shared > OVERLAP_SHARE * min(ga.area, gb.area):
                out.append(Problem("filled figures overlap", f"{a.legend_text} / {b.legend_text}",
                                   f"{shared / min(ga.area, gb.area):.0%} of the smaller"))
    return out
