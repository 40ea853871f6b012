"""User layers in the project file: layer_to_dict / layer_from_dict, and re-linking a moved file.

The file's path is stored relative to the project's folder with '/' separators, as QGIS does, so a
project and its data folder can move together; the absolute path is stored beside it as a
fallback. A relative path inside the project's folder is resolved through
hzmap.model.files.paths.safe_relative_path (no symlink escapes); one that climbs out ('../data/x.csv')
is resolved lexically. Nothing is opened here: open_layer checks the file is a regular one of a
sane size before reading it. A file that is not found keeps its entry (status "missing"), so the
app can ask to re-link it and nothing the user set up is lost.
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

    status  "ok" (where the project says), "moved" (not there, but at the absolute path stored:
            the project moved, the data did not), "missing" (neither: ask to re-link; an embedded
            copy is drawn meanwhile if there is one), "embedded" (a copy only, no file)
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
    if ".." in PurePosixPath(stored).parts:
        return Path(os.path.normpath(project_dir / Path(*PurePosixPath(stored).parts)))
    from hzmap.model.files.paths import safe_relative_path

    return safe_relative_path(project_dir, stored)


def find_file(stored: str | None, absolute: str | None, project_dir, size=None) -> Link:
    project_dir = Path(project_dir).absolute()
    problem = ""
    if stored:
        try:
            p = _resolve(stored, project_dir)
            if p.is_file():
                return Link("ok", p, stored, changed=size is not None and p.stat().st_size != size)
        except (ValueError, OSError) as exc:
            problem = f" ({exc})"
    if absolute and os.path.isabs(absolute) and Path(absolute).is_file():
        p = Path(absolute)
        return Link("moved", p, stored, f"{stored} was not found beside the project; using {p}",
                    changed=size is not None and p.stat().st_size != size)
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
    try:
        source = LayerSource(path, embed=bool(s.get("embed")), embedded=embedded, **fields)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"layer {lid!r}: {exc}") from None
    style, problems = check_style(d.get("style"))
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


def open_for_link(loaded: LoadedLayer, geo, gazetteer=None):
    """The LayerData to draw for a loaded entry, or None when its file is missing and no copy
    is kept (the entry stays in the layer list, greyed, until re-linked)."""
    from hzmap.model.layers.reader import open_layer

    src = loaded.state.source
    if src.embedded is not None:  # the copy is what the project holds, the same on every machine
        return open_layer(src, geo, gazetteer)
    if loaded.link.status in ("ok", "moved"):
        return open_layer(src, geo, gazetteer)
    return None
