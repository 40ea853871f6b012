"""The project file: what the user was looking at and what they drew, as versioned JSON. No Qt.

The format is documented in docs/project-format.md. Reading never executes anything (json
only), refuses files over MAX_BYTES, and keeps whatever part of a damaged or newer file it
can, listing what it had to leave out. Writing is crash-safe: a temp file in the same folder,
fsync, then os.replace, so a crash or a full disk leaves the previous file as it was.
"""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from hzmap.model.files import atomic, safeio
from hzmap.model.geo import extent as ext
from hzmap.model.session.annotations import (MAX_ANNOTATIONS, Annotation, annotation_from_json, finite as _finite,
                                     limit_problem)
from hzmap.model.view.viewstate import BASE_LAYERS, LAPSED, VIEWS, Filters, Selection

FORMAT = "hzmap-project"
VERSION = 2   # 2: the "as of" day (`as_of`); version 1 files (`basemap` or not) open as they are
SUFFIX = ".hzmap"
#: One limit for the writer and the reader: hzmap never saves a file it would refuse to open.
MAX_BYTES = 20 * 1024 * 1024
_KNOWN_KEYS = {"format", "version", "view", "layout", "selection", "place", "element", "filters",
               "hidden", "layers", "annotations", "tours", "as_of", "basemap"}


class ProjectError(Exception):
    """A project file could not be written (the message names the file)."""


@dataclass
class Project:
    """What a project file holds: the view (without the language, which is the user's), the
    annotations, the tours and the user's layers."""

    view: str = "city"  # the preset: "city", "urban" or "custom"
    extent: tuple[float, float, float, float] | None = None  # x0, x1, y0, y1 in map metres
    layout: str | None = None
    selection: Selection | None = None
    filters: Filters = field(default_factory=Filters)
    hidden_layers: frozenset = frozenset()      # base layers switched off
    hidden_elements: frozenset = frozenset()    # "layout/element" keys
    show_places: bool = True
    as_of: _dt.date | None = None               # the plans shown as on this day (None: today)
    lapsed: str = "dim"                         # what as_of does to the others: dim or hide them
    layers: list = field(default_factory=list)  # the user's layers, as hzmap.model.layers writes them
    basemap: dict | None = None  # the base map, as hzmap.model.basemap.persist writes it (no key)
    annotations: list[Annotation] = field(default_factory=list)
    tours: list | None = None  # presentation tours: kept as they are, read by their own module
    extra: dict = field(default_factory=dict)  # keys a newer hzmap wrote: kept, written back

    @property
    def district(self) -> str | None:
        return self.selection.id if self.selection and self.selection.kind == "district" else None

    @property
    def place(self) -> str | None:
        return self.selection.id if self.selection and self.selection.kind == "place" else None


# -- writing ------------------------------------------------------------------------------
def to_json(project: Project) -> dict:
    out = dict(project.extra)
    out.update({
        "format": FORMAT,
        "version": VERSION,
        "view": {"name": project.view, "crs": "EPSG:4549",
                 "extent": list(project.extent) if project.extent else None},
        "layout": project.layout,
        "selection": project.district,
        "place": project.place,
        "filters": {"plan": project.filters.plan, "sector": project.filters.sector,
                    "unit": project.filters.unit},
        "hidden": {"layers": sorted(project.hidden_layers), "elements": sorted(project.hidden_elements),
                   "places": not project.show_places},
        "annotations": [{"id": a.id, "kind": a.kind, "points": [[round(x, 2), round(y, 2)] for x, y in a.points],
                         "text": a.text, "style": {"colour": a.style.colour, "size": a.style.size}}
                        for a in project.annotations],
    })
    if project.selection is not None and project.selection.kind == "element":
        out["element"] = project.selection.id
    if project.as_of is not None:
        out["as_of"] = {"date": project.as_of.isoformat(), "lapsed": project.lapsed}
    if project.layers:
        out["layers"] = project.layers
    if project.basemap is not None:
        out["basemap"] = project.basemap
    if project.tours is not None:
        out["tours"] = project.tours
    return out


def encode(project: Project) -> bytes:
    """The file's bytes. One annotation per line keeps large projects compact and diffable."""
    data = to_json(project)
    annotations = data.pop("annotations")
    head = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)
    rows = ",\n  ".join(json.dumps(a, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
                        for a in annotations)
    text = head[:-2] + ',\n "annotations": [' + (f"\n  {rows}\n ]" if rows else "]") + "\n}\n"
    return text.encode("utf-8")


def save_project(path, project: Project) -> None:
    """Write `project` to `path` atomically; raises ProjectError naming the file on failure.

    A project the reader would refuse (over MAX_BYTES, too many annotations or vertices) is not
    written: the message says so, and the work stays in the window."""
    path = Path(path)
    why = limit_problem(project.annotations)
    if why:
        raise ProjectError(f"{path}: not saved: {why}")
    try:
        data = encode(project)
    except (TypeError, ValueError) as exc:
        raise ProjectError(f"{path}: cannot be written: {exc}") from exc
    if len(data) > MAX_BYTES:
        raise ProjectError(f"{path}: not saved: it would be {len(data) / 2**20:.1f} MB, over the "
                           f"{MAX_BYTES // 2**20} MB a project file may have (remove some annotations "
                           "or tour steps)")
    try:
        atomic.write_atomic(path, data)
    except OSError as exc:
        raise ProjectError(f"{path}: cannot be saved: {exc.strerror or exc}") from exc


# -- reading ------------------------------------------------------------------------------
def _reject_constant(name: str):
    raise ValueError(f"{name} is not allowed")


def load_project(path, known_layouts=None, known_districts=None, known_places=None
                 ) -> tuple[Project | None, list[str]]:
    """Read a project file. Returns (project, problems); each problem names the file and item.

    project is None when nothing could be read (missing, too big, not JSON, not a project);
    otherwise it holds everything that could be read. known_* (collections of ids) are checked
    when given; None skips that check (e.g. before the layout dataset has loaded).
    """
    path = Path(path)
    name = str(path)
    try:  # a regular file only (a FIFO never blocks), at most MAX_BYTES actually read
        raw = safeio.read_bytes(path, MAX_BYTES, what="project file")
    except safeio.FileProblem as exc:
        return None, [str(exc)]
    try:  # UTF-8 only; another encoding is named ("looks like GBK"), not a traceback
        text = safeio.decode(raw, path, ("utf-8",))
    except safeio.FileProblem as exc:
        return None, [f"{exc} (a project file is UTF-8 JSON)"]
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        return None, [f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
                      "nothing could be loaded"]
    except (ValueError, RecursionError) as exc:
        return None, [f"{name}: not a valid project file ({exc})"]
    if not isinstance(data, dict):
        return None, [f"{name}: not a project file (the top level is a {type(data).__name__}, "
                      "not an object)"]
    if data.get("format") != FORMAT:
        return None, [f"{name}: not a project file (\"format\" is {data.get('format')!r}, "
                      f"expected {FORMAT!r})"]
    return _Reader(name, known_layouts, known_districts, known_places).read(data)


class _Reader:
    def __init__(self, name, known_layouts, known_districts, known_places) -> None:
        self.name = name
        self.known = {"layout": known_layouts, "district": known_districts, "place": known_places}
        self.problems: list[str] = []

    def problem(self, text: str) -> None:
        self.problems.append(f"{self.name}: {text}")

    def read(self, data: dict) -> tuple[Project, list[str]]:
        p = Project()
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.problem(f"\"version\" {version!r} is not a format version; read as version {VERSION}")
        elif version > VERSION:
            self.problem(f"written by a newer hzmap (format version {version}; this hzmap reads "
                         f"version {VERSION}): what this version knows was loaded")
        p.extra = {k: v for k, v in data.items() if k not in _KNOWN_KEYS}
        if p.extra:
            self.problem(f"unknown field(s) {', '.join(sorted(p.extra))} not used (kept when saving)")
        self._view(p, data.get("view"))
        p.layout = self._id(data.get("layout"), "layout", "layout")
        district = self._id(data.get("selection"), "selection", "district")
        place = self._id(data.get("place"), "place", "place")
        element = self._element(data.get("element"))
        p.selection = Selection.district(district) or Selection.place(place) or element
        p.filters = self._filters(data.get("filters"))
        self._hidden(p, data.get("hidden"))
        self._as_of(p, data.get("as_of"))
        layers = data.get("layers", [])
        if isinstance(layers, list):
            p.layers = layers
        else:
            self.problem(f"\"layers\" is a {type(layers).__name__}, not a list; the user layers were not loaded")
        basemap = data.get("basemap")
        if basemap is not None and not isinstance(basemap, dict):
            self.problem(f"\"basemap\" is a {type(basemap).__name__}, not an object; no base map")
        else:
            p.basemap = basemap
        p.annotations = self._annotations(data.get("annotations", []))
        tours = data.get("tours")
        if tours is not None and not isinstance(tours, list):
            self.problem(f"\"tours\" is a {type(tours).__name__}, not a list; tours not loaded")
            tours = None
        p.tours = tours
        return p, self.problems

    def _view(self, p: Project, view) -> None:
        if view is None:
            return
        if not isinstance(view, dict):
            self.problem("\"view\" is not an object; the whole city is shown")
            return
        name = view.get("name", "city")
        extent = view.get("extent")
        if extent is not None:
            why = ext.problem(extent) if isinstance(extent, list) and len(extent) == 4 \
                and all(_finite(v) for v in extent) else "it is not [x0, x1, y0, y1] in metres"
            if why is None:
                p.extent = tuple(float(v) for v in extent)
            else:
                self.problem(f"view extent {_brief(extent)} ignored: {why}")
        if name in VIEWS or (name == "custom" and p.extent is not None):
            p.view = name
        else:
            self.problem(f"view {name!r} is unknown; the whole city is shown")

    def _id(self, value, field_name: str, kind: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(f"\"{field_name}\" {_brief(value)} is not an id; not restored")
            return None
        known = self.known[kind]
        if known is not None and value not in known:
            self.problem(f"{kind} {_brief(value)} is not in this hzmap's data; not restored")
            return None
        return value

    def _element(self, value) -> Selection | None:
        if value is None:
            return None
        if not isinstance(value, str) or value.count("/") != 1:
            self.problem(f"\"element\" {_brief(value)} is not a layout/element id; not restored")
            return None
        layout, _ = value.split("/")
        known = self.known["layout"]
        if known is not None and layout not in known:
            self.problem(f"element {value!r} is of a layout not in this hzmap's data; not restored")
            return None
        return Selection("element", value)

    def _hidden(self, p: Project, value) -> None:
        if value is None:
            return
        if not isinstance(value, dict):
            self.problem("\"hidden\" is not an object; every layer is shown")
            return
        layers, elements = value.get("layers", []), value.get("elements", [])
        if isinstance(layers, list):
            p.hidden_layers = frozenset(v for v in layers if v in BASE_LAYERS)
        if isinstance(elements, list):
            p.hidden_elements = frozenset(v for v in elements if isinstance(v, str) and v.count("/") == 1)
        if len(p.hidden_layers) != len(layers if isinstance(layers, list) else ()) \
                or len(p.hidden_elements) != len(elements if isinstance(elements, list) else ()):
            self.problem("some hidden layers or elements are not known; they are shown")
        p.show_places = value.get("places") is not True

    def _as_of(self, p: Project, value) -> None:
        if value is None:
            return
        day = value.get("date") if isinstance(value, dict) else None
        try:
            p.as_of = _dt.date.fromisoformat(day) if isinstance(day, str) else None
        except ValueError:
            p.as_of = None
        if p.as_of is None:
            self.problem(f"\"as_of\" {_brief(value)} is not {{\"date\": \"YYYY-MM-DD\"}}; the plans are "
                         "shown as of today")
            return
        lapsed = value.get("lapsed", "dim")
        p.lapsed = lapsed if lapsed in LAPSED else "dim"
        if lapsed not in LAPSED:
            self.problem(f"\"as_of\" lapsed {_brief(lapsed)} is not dim or hide; dimmed")

    def _filters(self, value) -> Filters:
        if value is None:
            return Filters()
        if not isinstance(value, dict):
            self.problem("\"filters\" is not an object; no filters applied")
            return Filters()
        out = {}
        for key in ("plan", "sector", "unit"):
            v = value.get(key)
            if v is not None and not isinstance(v, str):
                self.problem(f"filter {key!r} {v!r} is not text; ignored")
                v = None
            out[key] = v
        return Filters(**out)

    def _annotations(self, items) -> list[Annotation]:
        if not isinstance(items, list):
            self.problem(f"\"annotations\" is a {type(items).__name__}, not a list; no annotations loaded")
            return []
        if len(items) > MAX_ANNOTATIONS:
            self.problem(f"{len(items)} annotations; only the first {MAX_ANNOTATIONS} loaded")
            items = items[:MAX_ANNOTATIONS]
        out, seen = [], set()
        for i, item in enumerate(items, 1):
            ann, why = annotation_from_json(item)
            label = f"annotation {i}"
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                label += f" (id {item['id']!r})"
            if ann is None:
                self.problem(f"{label} not loaded: {why}")
                continue
            why = limit_problem([*out, ann])
            if why:
                self.problem(f"{label} and later ones not loaded: {why}")
                break
            if ann.id in seen:
                self.problem(f"{label}: id used twice; given a new id")
                ann = Annotation("", ann.kind, ann.points, ann.text, ann.style)
            seen.add(ann.id)
            out.append(ann)
        return out


def _brief(value, n: int = 60) -> str:
    """A bounded repr for messages (a 10 MB string is not repeated back)."""
    text = repr(value) if not isinstance(value, (list, dict)) else type(value).__name__
    return text if len(text) <= n else text[:n - 3] + "..."


# -- paths inside projects ------------------------------------------------------------------
