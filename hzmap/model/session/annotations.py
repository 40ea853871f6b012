"""The user's annotations on the map, with undo/redo. No Qt.

Records are immutable: an edit replaces a record, so the undo history only has to keep the
record before and after each change. The history lives here, not in a Qt QUndoStack, because
the model must work without Qt (tests, the soak run, the command-line export read projects),
and because knowing whether the annotations differ from what was last saved is then a plain
comparison of two indices.

Coordinates are map metres (EPSG:4549), the same as every other layer.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator

from psygnal import Signal

from hzmap.model.geo.extent import point_is_sane

#: text: points = [anchor]; callout: [text position, arrow tip]; marker: [point];
#: line: two or more vertices.
KINDS = ("text", "callout", "marker", "line")

#: Style.size means the font size in points for text and callouts, the symbol size in points
#: for markers, and the line width in points for lines.
DEFAULT_SIZE = {"text": 12.0, "callout": 11.0, "marker": 10.0, "line": 2.5}
DEFAULT_COLOUR = "#C0392B"
SIZE_RANGE = (1.0, 72.0)
MAX_TEXT = 2000
MAX_POINTS = 10_000
#: What one map may carry so that a full redraw stays under a second on a 2-core office machine
#: (a haloed CJK note costs a few milliseconds to draw; a marker or a line vertex much less).
#: The window, the project writer and the project reader share these limits.
MAX_ANNOTATIONS = 2_000
MAX_LABELLED = 300            # notes, callouts and labelled markers
MAX_VERTICES = 200_000        # in all the lines
#: Text is drawn as outlines with a halo: each character costs 0.2-0.35 ms of CPU (12-72 pt),
#: each note about 0.8 ms (benchmarks/untrusted_bench.py). So the map draws at most
#: MAX_DRAWN_CHARS characters of annotation text in all, "…" included: each note its first
#: DRAWN_PER_NOTE, fewer when many notes share the budget, never fewer than DRAWN_MIN. The whole
#: text is kept, edited and saved.
MAX_DRAWN_CHARS = 1_500
DRAWN_PER_NOTE = 120
DRAWN_MIN = 4


class AnnotationLimit(ValueError):
    """Adding this annotation would make the map too slow to draw; the message says which limit."""


def _labelled(a: "Annotation") -> bool:
    return a.kind in ("text", "callout") or bool(a.text)


def limit_problem(items) -> str | None:
    """Why a set of annotations is over the limits, or None."""
    items = list(items)
    labelled = sum(1 for a in items if _labelled(a))
    vertices = sum(len(a.points) for a in items)
    if len(items) > MAX_ANNOTATIONS:
        return f"{len(items):,} annotations; a map holds at most {MAX_ANNOTATIONS:,}"
    if labelled > MAX_LABELLED:
        return f"{labelled:,} annotations with text; a map holds at most {MAX_LABELLED:,}"
    if vertices > MAX_VERTICES:
        return f"{vertices:,} points in all; a map holds at most {MAX_VERTICES:,} (simplify long lines)"
    return None


def drawn_cap(items) -> int:
    """How many characters of each annotation's text the map draws (before a "…"), given all."""
    labelled = sum(1 for a in items if a.text)
    return max(DRAWN_MIN, min(DRAWN_PER_NOTE, MAX_DRAWN_CHARS // max(1, labelled) - 1))


def drawn_text(text: str, cap: int) -> str:
    """`text` as drawn: its first `cap` characters (line breaks count), then "…"."""
    return text if len(text) <= cap else text[:cap].rstrip() + "…"


@dataclass(frozen=True)
class Style:
    colour: str = DEFAULT_COLOUR  # "#RRGGBB"
    size: float = 12.0


@dataclass(frozen=True)
class Annotation:
    id: str
    kind: str
    points: tuple[tuple[float, float], ...]
    text: str = ""
    style: Style = field(default_factory=Style)

    def __post_init__(self) -> None:
        problem = check(self)
        if problem:
            raise ValueError(problem)

    def moved(self, dx: float, dy: float, index: int | None = None) -> "Annotation":
        """This annotation shifted by (dx, dy); only vertex `index` when given."""
        pts = tuple((x + dx, y + dy) if index is None or i == index else (x, y)
                    for i, (x, y) in enumerate(self.points))
        return replace(self, points=pts)


def make(kind: str, points, text: str = "", colour: str = DEFAULT_COLOUR,
         size: float | None = None, id: str = "") -> Annotation:
    """An annotation with the kind's default size; the id is filled in by AnnotationSet.add."""
    pts = tuple((float(x), float(y)) for x, y in points)
    return Annotation(id, kind, pts, text, Style(colour, float(size or DEFAULT_SIZE.get(kind, 12.0))))


def check(a: Annotation) -> str | None:
    """Why this record cannot be drawn, or None. Used by the constructor and the project loader."""
    if a.kind not in KINDS:
        return f"unknown kind {a.kind!r} (expected one of {', '.join(KINDS)})"
    n = len(a.points)
    need = {"text": (1, 1), "callout": (2, 2), "marker": (1, 1), "line": (2, MAX_POINTS)}[a.kind]
    if not need[0] <= n <= need[1]:
        return f"a {a.kind} needs {need[0]}{'' if need[0] == need[1] else '+'} point(s), got {n}"
    for p in a.points:
        if len(p) != 2 or not all(isinstance(v, (int, float)) and math.isfinite(v) for v in p):
            return f"point {p!r} is not a pair of finite numbers"
        if not point_is_sane(*p):
            return f"point ({p[0]:.6g}, {p[1]:.6g}) is far outside Hangzhou (map metres, EPSG:4549)"
    if not isinstance(a.text, str) or len(a.text) > MAX_TEXT:
        return f"text must be a string of at most {MAX_TEXT} characters"
    if a.kind in ("text", "callout") and not a.text.strip():
        return f"a {a.kind} needs text"
    c = a.style.colour
    if not (isinstance(c, str) and len(c) == 7 and c[0] == "#" and all(ch in "0123456789abcdefABCDEF" for ch in c[1:])):
        return f"colour {c!r} is not #RRGGBB"
    s = a.style.size
    if not isinstance(s, (int, float)) or not SIZE_RANGE[0] <= s <= SIZE_RANGE[1]:
        return f"size {s!r} is outside {SIZE_RANGE[0]:g}-{SIZE_RANGE[1]:g}"
    return None


@dataclass(frozen=True)
class _Change:
    """One undoable step: the records before and after (None = absent).

    `index` is the record's place in the drawing order, so undoing a delete (or redoing an add)
    puts it back at the same depth rather than on top.
    """

    label: str
    before: Annotation | None
    after: Annotation | None
    index: int = -1


class AnnotationSet:
    """The annotations of a project, in drawing order, with a history of changes."""

    added = Signal(object)      # Annotation
    changed = Signal(object)    # Annotation (new version, same id)
    removed = Signal(str)       # id
    reset = Signal()            # everything replaced (new or opened project)
    history_changed = Signal()  # undo/redo availability or saved mark moved

    def __init__(self, items: Iterable[Annotation] = ()) -> None:
        self._items: dict[str, Annotation] = {}
        self._undo: list[_Change] = []
        self._redo: list[_Change] = []
        self._clean: int | None = 0  # len(_undo) when last saved; None = unreachable
        self._ids = itertools.count(1)
        self.replace_all(items)

    # -- reading --------------------------------------------------------------------
    def __iter__(self) -> Iterator[Annotation]:
        return iter(list(self._items.values()))

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, aid: str) -> bool:
        return aid in self._items

    def __getitem__(self, aid: str) -> Annotation:
        return self._items[aid]

    # -- editing (each is one undo step) -------------------------------------------
    def add(self, ann: Annotation) -> Annotation:
        """Add `ann` (one undo step); AnnotationLimit when the map would be over the limits."""
        why = limit_problem([*self._items.values(), ann])
        if why:
            raise AnnotationLimit(f"not added: {why}")
        if not ann.id or ann.id in self._items:
            ann = replace(ann, id=self._new_id())
        self._do(_Change(f"add {ann.kind}", None, ann, len(self._items)))
        return ann

    def move(self, aid: str, dx: float, dy: float, index: int | None = None) -> Annotation:
        new = self._items[aid].moved(dx, dy, index)
        self._do(_Change("move", self._items[aid], new))
        return new

    def edit(self, aid: str, *, text: str | None = None, colour: str | None = None,
             size: float | None = None) -> Annotation:
        old = self._items[aid]
        style = Style(colour if colour is not None else old.style.colour,
                      float(size) if size is not None else old.style.size)
        new = replace(old, text=old.text if text is None else text, style=style)
        if new != old:
            self._do(_Change("edit", old, new))
        return new

    def delete(self, aid: str) -> None:
        self._do(_Change("delete", self._items[aid], None, list(self._items).index(aid)))

    # -- history --------------------------------------------------------------------
    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    def undo(self) -> bool:
        if not self._undo:
            return False
        step = self._undo.pop()
        self._redo.append(step)
        self._apply(step.after, step.before, step.index)
        self.history_changed.emit()
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        step = self._redo.pop()
        self._undo.append(step)
        self._apply(step.before, step.after, step.index)
        self.history_changed.emit()
        return True

    def is_modified(self) -> bool:
        """Whether the annotations differ (by history) from when mark_saved was last called."""
        return self._clean != len(self._undo)

    def mark_saved(self) -> None:
        self._clean = len(self._undo)
        self.history_changed.emit()

    def replace_all(self, items: Iterable[Annotation]) -> None:
        """Install another project's annotations: history cleared, state counts as saved."""
        self._items = {}
        for ann in items:
            if not ann.id or ann.id in self._items:
                ann = replace(ann, id=self._new_id())
            self._items[ann.id] = ann
        self._undo.clear()
        self._redo.clear()
        self._clean = 0
        self.reset.emit()
        self.history_changed.emit()

    # -- internals ------------------------------------------------------------------
    def _new_id(self) -> str:
        while True:
            aid = f"a{next(self._ids)}"
            if aid not in self._items:
                return aid

    def _do(self, step: _Change) -> None:
        if self._clean is not None and self._clean > len(self._undo):
            self._clean = None  # the saved state was in the redo branch being dropped
        self._redo.clear()
        self._undo.append(step)
        self._apply(step.before, step.after, step.index)
        self.history_changed.emit()

    def index(self, aid: str) -> int:
        """The annotation's place in the drawing order (0 = bottom)."""
        return list(self._items).index(aid)

    def _apply(self, old: Annotation | None, new: Annotation | None, index: int = -1) -> None:
        if new is None:
            del self._items[old.id]
            self.removed.emit(old.id)
        elif old is None:
            items = list(self._items.items())
            at = index if 0 <= index <= len(items) else len(items)
            items.insert(at, (new.id, new))
            self._items = dict(items)
            self.added.emit(new)
        else:
            self._items[new.id] = new
            self.changed.emit(new)


def finite(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def annotation_from_json(item) -> tuple[Annotation | None, str]:
    """An annotation as a project file writes it, or (None, why it cannot be drawn)."""
    if not isinstance(item, dict):
        return None, f"it is a {type(item).__name__}, not an object"
    aid = item.get("id", "")
    kind = item.get("kind")
    pts = item.get("points")
    text = item.get("text", "")
    style = item.get("style", {})
    if not isinstance(aid, str):
        return None, "\"id\" is not text"
    if not isinstance(pts, list) or len(pts) > MAX_POINTS:
        return None, f"\"points\" is not a list of at most {MAX_POINTS} [x, y] pairs"
    if not all(isinstance(p, list) and len(p) == 2 and all(finite(v) for v in p) for p in pts):
        return None, "\"points\" must be [x, y] pairs of finite numbers (map metres)"
    if not isinstance(text, str):
        return None, "\"text\" is not text"
    if not isinstance(style, dict):
        return None, "\"style\" is not an object"
    colour = style.get("colour", DEFAULT_COLOUR)
    size = style.get("size", DEFAULT_SIZE.get(kind, 12.0) if isinstance(kind, str) else 12.0)
    if not finite(size):
        return None, f"style size {size!r} is not a number"
    try:
        return Annotation(aid, kind, tuple((float(x), float(y)) for x, y in pts), text,
                          Style(colour, float(size))), ""
    except (TypeError, ValueError) as exc:  # check() explains what is wrong
        return None, str(exc)
