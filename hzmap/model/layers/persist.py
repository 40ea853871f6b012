"""User layers in the project file: layer_to_dict / layer_from_dict, and re-linking a moved file.

The file's path is stored relative to the project's folder with '/' separators, as QGIS does, so a
project and its data folder can move together; the absolute path is stored beside it as a
fallback. A project may come from someone else, so its paths are not trusted: a file inside the
project's folder (after links are followed) is "ok"; one outside it (a '..' path, an absolute
path, a link that leads out) is "outside", and is read only when the planner says so
(project_layers.load_layers asks first). Nothing is opened here: open_layer checks the file is a
regular one of a sane size before reading it. A file that is not found keeps its entry (status
"missing"), so the app can ask to re-link it and nothing the user set up is lost.

A copy of a layer is kept in the project only when the planner asks for it in this session
(Session.embed_layer): an entry that says `embed` but holds no copy is read as a linked file, so
opening and saving a project can never copy a local file into it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from hzmap.model.layers.source import LayerSource
from hzmap.model.layers.style import check_style
from hzmap.model.view.viewstate import LayerState

_SOURCE_KEYS = ("format", "sublayer", "coords", "coords_guess", "x_column", "y_column", "join_column")


@dataclass(frozen=True)
class Link:
    """Where a project's layer file was found.

    status  "ok" (where the project says, inside its folder), "moved" (not there, but at the
            absolute path stored, inside the folder), "outside" (found outside the project's
            folder: read only if the planner agrees), "missing" (neither: ask to re-link; an
            embedded copy is drawn meanwhile if there is one), "embedded" (a copy only, no file),
            "unreadable" (found but not read), "refused" (outside, and the planner said no)
    """

    status: str
    path: Path | None
    stored: str | None
    message: str = ""
    changed: bool = False          # the file's size differs from when the project was saved


@dataclass(frozen=True)
class LoadedLayer:
    state: LayerState
    link: Link
    problems: tuple[str, ...] = ()


def _relative(path: Path, project_dir: Path) -> str | None:
    try:
        return PurePosixPath(*Path(os.path.relpath(path, project_dir)).parts).as_posix()
    except ValueError:  # another drive
        return None


def layer_to_dict(layer: LayerState, project_dir, data=None) -> dict:
    """The project file's entry for a user layer. With source.embed, the copy kept in
    source.embedded is written, or made from `data` (LayerError if it is too large)."""
    src: LayerSource = layer.source
    out = {"id": layer.id, "kind": layer.kind, "name": layer.name, "visible": bool(layer.visible),
           "opacity": float(layer.opacity), "style": dict(layer.style)}
    s = {k: getattr(src, k) for k in _SOURCE_KEYS}
    s["embed"] = bool(src.embed)
    if src.path is not None:
        s["path"] = _relative(src.path, Path(project_dir).absolute())
        s["abs_path"] = str(src.path)
        try:
            s["size"] = src.path.stat().st_size
        except OSError:
            pass
    out["source"] = s
    if src.embed:
        payload = src.embedded
        if payload is None:
            if data is None:
                raise ValueError(f"layer {layer.id!r}: a copy is to be kept but the layer is not loaded")
            from hzmap.model.layers.embed import embed_payload

            payload = embed_payload(data)
        out["embedded"] = payload
    return out


def with_embedded_copy(layer: LayerState, data) -> LayerState:
    """`layer` keeping a copy of `data` in the project (LayerError if too large)."""
    from hzmap.model.layers.embed import embed_payload

    return replace(layer, source=replace(layer.source, embed=True, embedded=embed_payload(data)))


def _resolve(stored: str, project_dir: Path) -> Path:
    """`stored` joined to the project's folder, lexically ('..' kept as climbing out); ValueError
    for what is not a relative '/' path."""
    if not isinstance(stored, str) or "\\" in stored or "\x00" in stored:
        raise ValueError(f"path {stored!r} is not a relative path with '/' separators")
    pure = PurePosixPath(stored)
    if pure.is_absolute() or (pure.parts and ":" in pure.parts[0]):
        raise ValueError(f"path {stored!r} is not relative to the project's folder")
    return Path(os.path.normpath(project_dir / Path(*pure.parts)))


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, links followed, is in `folder` (or below it)."""
    try:
        real, base = Path(path).resolve(), Path(folder).resolve()
    except (OSError, RuntimeError):
        return False
    return real == base or base in real.parents


def _found(status: str, p: Path, stored, project_dir: Path, size, message: str = "") -> Link:
    if not inside(p, project_dir):
        status, message = "outside", f"{stored or p} is outside the project's folder ({p})"
    return Link(status, p, stored, message, changed=size is not None and p.stat().st_size != size)


def find_file(stored: str | None, absolute: str | None, project_dir, size=None, folder: bool = False) -> Link:
    """Where a project's file is (`folder`: a folder, as a base map's XYZ tiles), and whether it
    lies inside `project_dir`. Nothing is read."""
    project_dir = Path(project_dir).absolute()
    problem = ""
    there = Path.is_dir if folder else Path.is_file
    if stored:
        try:
            p = _resolve(stored, project_dir)
            if there(p):
                return _found("ok", p, stored, project_dir, size)
        except (ValueError, OSError) as exc:
            problem = f" ({exc})"
    if absolute and isinstance(absolute, str) and os.path.isabs(absolute) and there(Path(absolute)):
        p = Path(absolute)
        return _found("moved", p, stored, project_dir, size, f"{stored} was not found beside the project; using {p}")
    return Link("missing", None, stored, f"{stored or absolute} was not found{problem}")


def layer_from_dict(d, project_dir) -> LoadedLayer:
    """A user layer entry of a project file; ValueError (naming the layer) for an entry that is
    not one. A missing file is not an error: the entry comes back with link.status "missing"."""
    if not isinstance(d, dict) or not isinstance(d.get("id"), str) or not d["id"]:
        raise ValueError(f"layer entry {str(d)[:80]!r} has no id")
    lid = d["id"]
    s = d.get("source")
    if not isinstance(s, dict):
        raise ValueError(f"layer {lid!r} has no source")
    fields = {k: s.get(k) for k in _SOURCE_KEYS if s.get(k) is not None}
    bad = [k for k, v in fields.items() if not isinstance(v, str)]
    if bad:
        raise ValueError(f"layer {lid!r}: source field(s) {', '.join(bad)} are not text")
    embedded = d.get("embedded")
    if embedded is not None and not isinstance(embedded, str):
        raise ValueError(f"layer {lid!r}: its copy is not GeoJSON text")
    if s.get("path") is None and s.get("abs_path") is None and embedded is None:
        raise ValueError(f"layer {lid!r} has neither a file nor a copy")
    size = s.get("size") if isinstance(s.get("size"), int) else None
    link = find_file(s.get("path"), s.get("abs_path"), project_dir, size)
    if link.status == "missing" and embedded is not None:
        link = replace(link, status="embedded" if not s.get("path") else "missing",
                       message=link.message + "; drawing the copy kept in the project")
    path = link.path or (Path(s["abs_path"]) if isinstance(s.get("abs_path"), str) else None)
    problems = []
    if s.get("embed") and embedded is None:  # a copy is made only when the planner asks for one
        problems.append("asks for a copy kept in the project but holds none; it stays a linked file "
                        "(tick \"Copy in project\" to keep one)")
    try:
        source = LayerSource(path, embed=bool(s.get("embed")) and embedded is not None, embedded=embedded,
                             **fields)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"layer {lid!r}: {exc}") from None
    style, style_problems = check_style(d.get("style"))
    problems += style_problems
    opacity = d.get("opacity", 1.0)
    if not isinstance(opacity, (int, float)) or isinstance(opacity, bool) or not 0 <= opacity <= 1:
        problems.append(f"opacity {opacity!r} is not 0-1; using 1")
        opacity = 1.0
    state = LayerState(lid, kind="user", name=str(d.get("name") or (path.name if path else lid)),
                       visible=bool(d.get("visible", True)), opacity=float(opacity), style=style,
                       source=source)
    return LoadedLayer(state, link, tuple(f"layer {lid!r}: {p}" for p in problems))


def relink(layer: LayerState, new_path) -> LayerState:
    """`layer` reading from `new_path` (the user found the moved file); the rest is kept."""
    return replace(layer, source=replace(layer.source, path=Path(new_path).absolute()))


def shown(layer: LayerState) -> bool:
    """Whether the planner can see the layer on the map (ticked and not fully transparent)."""
    return bool(layer.visible) and layer.opacity > 0


def open_for_link(loaded: LoadedLayer, geo, gazetteer=None, cancel=None):
    """The LayerData to draw for a loaded entry, or None when its file is missing (or outside
    the project's folder, not agreed to) and no copy is kept: the entry stays in the layer list,
    greyed, until re-linked."""
    from hzmap.model.layers.reader import open_layer

    src = loaded.state.source
    if src.embedded is not None:  # the copy is what the project holds, the same on every machine
        return open_layer(src, geo, gazetteer)
    if loaded.link.status in ("ok", "moved"):
        return open_layer(src, geo, gazetteer, cancel=cancel)
    return None
