"""The project file: what the user was looking at and what they drew, as versioned JSON. No Qt.

The format is documented in docs/project-format.md. Reading never executes anything (json
only), refuses files over MAX_BYTES, and keeps whatever part of a damaged or newer file it
can, listing what it had to leave out. Writing is crash-safe: a temp file in the same folder,
fsync, then os.replace, so a crash or a full disk leaves the previous file as it was.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from hzmap.model import atomic, safeio
from hzmap.model.annotations import DEFAULT_COLOUR, DEFAULT_SIZE, MAX_POINTS, Annotation, Style
from hzmap.model.state import VIEWS, Filters

FORMAT = "hzmap-project"
VERSION = 1
SUFFIX = ".hzmap"
MAX_BYTES = 20 * 1024 * 1024
MAX_ANNOTATIONS = 10_000
_KNOWN_KEYS = {"format", "version", "view", "layout", "selection", "place", "filters",
               "annotations", "tours"}


class ProjectError(Exception):
    """A project file could not be written (the message names the file)."""


@dataclass
class Project:
    view: str = "city"  # "city", "urban" or "custom"
    extent: tuple[float, float, float, float] | None = None  # x0, x1, y0, y1 in map metres
    layout: str | None = None
    selection: str | None = None
    place: str | None = None
    filters: Filters = field(default_factory=Filters)
    annotations: list[Annotation] = field(default_factory=list)
    tours: list | None = None  # presentation tours: kept as they are, read by their own module
    extra: dict = field(default_factory=dict)  # keys a newer hzmap wrote: kept, written back


# -- writing ------------------------------------------------------------------------------
def to_json(project: Project) -> dict:
    out = dict(project.extra)
    out.update({
        "format": FORMAT,
        "version": VERSION,
        "view": {"name": project.view, "crs": "EPSG:4549",
                 "extent": list(project.extent) if project.extent else None},
        "layout": project.layout,
        "selection": project.selection,
        "place": project.place,
        "filters": {"plan": project.filters.plan, "sector": project.filters.sector,
                    "unit": project.filters.unit},
        "annotations": [{"id": a.id, "kind": a.kind, "points": [list(p) for p in a.points],
                         "text": a.text, "style": {"colour": a.style.colour, "size": a.style.size}}
                        for a in project.annotations],
    })
    if project.tours is not None:
        out["tours"] = project.tours
    return out


def save_project(path, project: Project) -> None:
    """Write `project` to `path` atomically; raises ProjectError naming the file on failure."""
    path = Path(path)
    try:
        text = json.dumps(to_json(project), ensure_ascii=False, indent=1, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ProjectError(f"{path}: cannot be written: {exc}") from exc
    try:
        atomic.write_atomic(path, text.encode("utf-8") + b"\n")
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
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_constant=_reject_constant)
    except UnicodeDecodeError as exc:
        return None, [f"{name}: not a project file (not UTF-8 text: {exc.reason} at byte {exc.start})"]
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
        p.selection = self._id(data.get("selection"), "selection", "district")
        p.place = self._id(data.get("place"), "place", "place")
        p.filters = self._filters(data.get("filters"))
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
            if (isinstance(extent, list) and len(extent) == 4 and all(_finite(v) for v in extent)
                    and extent[0] < extent[1] and extent[2] < extent[3]):
                p.extent = tuple(float(v) for v in extent)
            else:
                self.problem(f"view extent {extent!r} is not [x0, x1, y0, y1] in metres; ignored")
        if name in VIEWS or (name == "custom" and p.extent is not None):
            p.view = name
        else:
            self.problem(f"view {name!r} is unknown; the whole city is shown")

    def _id(self, value, field_name: str, kind: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(f"\"{field_name}\" {value!r} is not an id; not restored")
            return None
        known = self.known[kind]
        if known is not None and value not in known:
            self.problem(f"{kind} {value!r} is not in this hzmap's data; not restored")
            return None
        return value

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
            ann, why = _annotation(item)
            label = f"annotation {i}"
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                label += f" (id {item['id']!r})"
            if ann is None:
                self.problem(f"{label} not loaded: {why}")
                continue
            if ann.id in seen:
                self.problem(f"{label}: id used twice; given a new id")
                ann = Annotation("", ann.kind, ann.points, ann.text, ann.style)
            seen.add(ann.id)
            out.append(ann)
        return out


def _finite(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _annotation(item) -> tuple[Annotation | None, str]:
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
    if not all(isinstance(p, list) and len(p) == 2 and all(_finite(v) for v in p) for p in pts):
        return None, "\"points\" must be [x, y] pairs of finite numbers (map metres)"
    if not isinstance(text, str):
        return None, "\"text\" is not text"
    if not isinstance(style, dict):
        return None, "\"style\" is not an object"
    colour = style.get("colour", DEFAULT_COLOUR)
    size = style.get("size", DEFAULT_SIZE.get(kind, 12.0) if isinstance(kind, str) else 12.0)
    if not _finite(size):
        return None, f"style size {size!r} is not a number"
    try:
        return Annotation(aid, kind, tuple((float(x), float(y)) for x, y in pts), text,
                          Style(colour, float(size))), ""
    except (TypeError, ValueError) as exc:  # check() explains what is wrong
        return None, str(exc)


# -- paths inside projects ------------------------------------------------------------------
def safe_relative_path(base, relative: str) -> Path:
    """`relative` (as stored in a project) resolved under `base`, the folder the user chose.

    Project files store no paths today; anything that adds one (e.g. an export target) must
    store it relative with '/' separators and read it through here, so a crafted file cannot
    make hzmap write elsewhere. Raises ValueError for absolute paths, drive letters, '..' parts,
    or a result that escapes `base` through a symlink.
    """
    if not isinstance(relative, str) or not relative or "\\" in relative or "\x00" in relative:
        raise ValueError(f"path {relative!r} is not a relative path with '/' separators")
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ":" in pure.parts[0] or any(part == ".." for part in pure.parts):
        raise ValueError(f"path {relative!r} must stay inside the project's folder")
    base = Path(base).resolve()
    target = (base / Path(*pure.parts)).resolve()
    if target != base and base not in target.parents:
        raise ValueError(f"path {relative!r} leads outside {base}")
    return target
