"""Draw the user's annotations on any map axes: the screen canvas and every export. No Qt.

`draw_annotations(ax, annotations)` is all an export needs. The screen keeps an
`AnnotationLayer`, which follows an AnnotationSet's signals and updates each annotation's
artists in place (a move changes one text's position; the map is never replotted).

Text is drawn within the model's budget (hzmap.model.session.annotations.drawn_cap): each note
its first characters, so that however long the notes are, a redraw stays under a second.
"""
from __future__ import annotations

from typing import Iterable

from matplotlib import patheffects
from matplotlib.lines import Line2D
from matplotlib.text import Annotation as MplAnnotation

from hzmap.model.session.annotations import DRAWN_PER_NOTE, Annotation, drawn_cap, drawn_text
from hzmap.render.map import style as st
Z_ANNOTATION = 15  # above layout labels (9.5), below the legend (20)
HALO_WIDTH = 3.0
SELECT_COLOUR = "#1F77B4"
Z_STEP, MAX_STACK = 1e-4, 4000  # per-annotation zorder step: the stack stays under Z + 0.4


def _halo(width: float = HALO_WIDTH):
    return [patheffects.withStroke(linewidth=width, foreground=st.HALO)]


def _make(ax, a: Annotation, cap: int = DRAWN_PER_NOTE) -> list:
    colour, size = a.style.colour, a.style.size
    text = drawn_text(a.text, cap)
    if a.kind == "text":
        (x, y), = a.points
        art = ax.text(x, y, text, ha="center", va="center", color=colour, fontsize=size,
                      zorder=Z_ANNOTATION, path_effects=_halo())
        return [art]
    if a.kind == "callout":
        (tx, ty), (px, py) = a.points
        art = ax.annotate(text, xy=(px, py), xytext=(tx, ty), xycoords="data", textcoords="data",
                          ha="center", va="center", color=colour, fontsize=size, zorder=Z_ANNOTATION,
                          annotation_clip=False, path_effects=_halo(),
                          arrowprops=dict(arrowstyle="-|>", color=colour, linewidth=1.4,
                                          mutation_scale=12, shrinkA=4, shrinkB=1,
                                          path_effects=_halo(3.2)))
        return [art]
    if a.kind == "marker":
        (x, y), = a.points
        dot = Line2D([x], [y], marker="o", markersize=size, color=colour, markeredgecolor=st.HALO,
                     markeredgewidth=1.5, linestyle="none", zorder=Z_ANNOTATION)
        ax.add_line(dot)
        label = ax.text(x, y, text, ha="left", va="center", color=colour, fontsize=max(size, 9.0),
                        zorder=Z_ANNOTATION, path_effects=_halo(), visible=bool(a.text))
        _offset_marker_label(ax, label, size)
        return [dot, label]
    if a.kind == "line":
        xs, ys = zip(*a.points)
        line = Line2D(xs, ys, color=colour, linewidth=size, solid_capstyle="round",
                      solid_joinstyle="round", zorder=Z_ANNOTATION - 0.5,
                      path_effects=_halo(size + 2.0))
        ax.add_line(line)
        return [line]
    raise ValueError(f"unknown annotation kind {a.kind!r}")


def _offset_marker_label(ax, label, size: float) -> None:
    """Put a marker's label just right of the symbol, a fixed distance in points at any zoom."""
    from matplotlib.transforms import offset_copy

    label.set_transform(offset_copy(ax.transData, fig=ax.figure, x=size * 0.6 + 3, y=0, units="points"))


def _update(ax, arts: list, a: Annotation, cap: int = DRAWN_PER_NOTE) -> list:
    """Bring existing artists up to date with `a`; returns them (new ones if the kind changed)."""
    colour, size = a.style.colour, a.style.size
    text = drawn_text(a.text, cap)
    if a.kind == "text" and len(arts) == 1 and type(arts[0]).__name__ == "Text":
        t = arts[0]
        t.set_position(a.points[0])
        t.set_text(text)
        t.set_color(colour)
        t.set_fontsize(size)
        return arts
    if a.kind == "callout" and len(arts) == 1 and isinstance(arts[0], MplAnnotation):
        t = arts[0]
        t.set_position(a.points[0])  # the text
        t.xy = a.points[1]            # the arrow tip
        t.set_text(text)
        t.set_color(colour)
        t.set_fontsize(size)
        t.arrow_patch.set_color(colour)
        return arts
    if a.kind == "marker" and len(arts) == 2:
        dot, label = arts
        (x, y), = a.points
        dot.set_data([x], [y])
        dot.set_color(colour)
        dot.set_markersize(size)
        label.set_position((x, y))
        label.set_text(text)
        label.set_visible(bool(a.text))
        label.set_color(colour)
        label.set_fontsize(max(size, 9.0))
        _offset_marker_label(ax, label, size)
        return arts
    if a.kind == "line" and len(arts) == 1 and isinstance(arts[0], Line2D):
        xs, ys = zip(*a.points)
        line = arts[0]
        line.set_data(xs, ys)
        line.set_color(colour)
        line.set_linewidth(size)
        line.set_path_effects(_halo(size + 2.0))
        return arts
    for art in arts:
        art.remove()
    return _make(ax, a, cap)


def draw_annotations(ax, annotations: Iterable[Annotation]) -> list:
    """Draw annotations on `ax` (an AnnotationSet or any iterable of records); returns the artists."""
    items = list(annotations)
    cap = drawn_cap(items)
    out = []
    for a in items:
        out.extend(_make(ax, a, cap))
    return out


class AnnotationLayer:
    """The annotations of one AnnotationSet on one axes, kept in step with its signals.

    `on_change` (e.g. the canvas's draw_idle) is called after every update.
    """

    def __init__(self, ax, annotations, on_change=None) -> None:
        self.ax = ax
        self.annotations = annotations
        self.on_change = on_change or (lambda: None)
        self.artists: dict[str, list] = {}
        self.selected: str | None = None
        self.cap = DRAWN_PER_NOTE
        annotations.added.connect(self._on_added)
        annotations.changed.connect(self._on_changed)
        annotations.removed.connect(self._on_removed)
        annotations.reset.connect(self._on_reset)
        self._on_reset()

    def disconnect(self) -> None:
        a = self.annotations
        for sig, slot in ((a.added, self._on_added), (a.changed, self._on_changed),
                          (a.removed, self._on_removed), (a.reset, self._on_reset)):
            sig.disconnect(slot)

    # -- signals ----------------------------------------------------------------------
    def _on_added(self, a: Annotation) -> None:
        self._recap()
        self.artists[a.id] = _make(self.ax, a, self.cap)
        self._restack()
        self.on_change()

    def _on_changed(self, a: Annotation) -> None:
        self._recap()
        self.show(a)
        self.on_change()

    def _on_removed(self, aid: str) -> None:
        for art in self.artists.pop(aid, []):
            art.remove()
        if self.selected == aid:
            self.selected = None
        self._recap()
        self.on_change()

    def _recap(self) -> None:
        """The drawing budget per note follows how many notes share it."""
        cap = drawn_cap(self.annotations)
        if cap == self.cap:
            return
        self.cap = cap
        for a in self.annotations:
            if a.id in self.artists and a.text:
                self.artists[a.id] = _update(self.ax, self.artists[a.id], a, cap)

    def _on_reset(self) -> None:
        for arts in self.artists.values():
            for art in arts:
                art.remove()
        self.cap = drawn_cap(self.annotations)
        self.artists = {a.id: _make(self.ax, a, self.cap) for a in self.annotations}
        self._restack()
        self.selected = None
        self.on_change()

    def _restack(self) -> None:
        """Draw (and hit-test) in the set's order: a restored annotation goes back to its depth.

        Each annotation gets its own zorder step above its kind's base, so the order holds
        whatever order the artists were added to the axes in.
        """
        order = [a.id for a in self.annotations if a.id in self.artists]
        self.artists = {aid: self.artists[aid] for aid in order}
        for i, aid in enumerate(order):
            z = (Z_ANNOTATION - 0.5 if self.annotations[aid].kind == "line" else Z_ANNOTATION) \
                + Z_STEP * min(i, MAX_STACK)
            for art in self.artists[aid]:
                art.set_zorder(z)

    # -- for the editing tools --------------------------------------------------------
    def show(self, a: Annotation) -> None:
        """Draw `a` (maybe a preview not yet in the set, e.g. while dragging) in place of its id."""
        before = self.artists.get(a.id, [])
        self.artists[a.id] = _update(self.ax, before, a, self.cap)
        if self.artists[a.id] is not before and a.id in self.annotations:
            self._restack()  # new artists (the kind changed): give them their depth
        if a.id == self.selected:
            self._mark(a.id, True)

    def select(self, aid: str | None) -> None:
        if self.selected in self.artists:
            self._mark(self.selected, False)
        self.selected = aid if aid in self.artists else None
        if self.selected is not None:
            self._mark(self.selected, True)
        self.on_change()

    def _mark(self, aid: str, on: bool) -> None:
        """Show selection without hiding the annotation's own colours: frame texts, halo lines."""
        a = self.annotations[aid] if aid in self.annotations else None
        for art in self.artists.get(aid, []):
            if isinstance(art, Line2D) and art.get_linestyle() != "None":
                width = art.get_linewidth() + 2.0
                art.set_path_effects([patheffects.withStroke(linewidth=width + (3 if on else 0),
                                                             foreground=SELECT_COLOUR if on else st.HALO)])
            elif isinstance(art, Line2D):
                art.set_markeredgecolor(SELECT_COLOUR if on else st.HALO)
                art.set_markeredgewidth(3.0 if on else 1.5)
            else:  # text: a dashed frame, which reads on any text colour
                art.set_bbox(dict(boxstyle="round,pad=0.3", facecolor="none", edgecolor=SELECT_COLOUR,
                                  linestyle="--", linewidth=1.3) if on else None)
                if isinstance(art, MplAnnotation) and a is not None:
                    art.arrow_patch.set_color(SELECT_COLOUR if on else a.style.colour)
