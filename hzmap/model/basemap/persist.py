"""The base map in the project file: basemap_to_dict / basemap_from_dict. No Qt.

The entry holds what the base map is (kind, URL templates or file, tile CRS, name,
attribution, 审图号, zooms) and how it is shown (visible, opacity, dim); never a key: templates
keep the `{tk}` placeholder, and a key found written into one is taken out. A file is stored
relative to the project's folder with the absolute path beside it, as user layers are
(hzmap.model.layers.persist), and a missing file keeps the entry so the planner can re-link it.

A project may come from someone else, so reading it opens nothing by itself, as with user layers
(hzmap.model.layers.project_layers): a file outside the project's folder is listed with theirs
(`basemap_outside`) and, without a yes, is `refused`: the entry is kept, never read. An online
base map always comes back switched off, whatever the file says: tiles are fetched only once the
planner turns it on (or, on the command line, asks for it).
"""
from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path
from typing import NamedTuple

from hzmap.model.basemap.source import ONLINE, BasemapError, BasemapSource, split_key
from hzmap.model.view.viewstate import BASEMAP_ID, LayerState

_FIELDS = [f.name for f in fields(BasemapSource) if f.name not in ("path",)]
MAX_DIM = 0.8


def basemap_layer(source: BasemapSource, visible: bool = True, opacity: float = 1.0, dim: float = 0.0) -> LayerState:
    return LayerState(BASEMAP_ID, kind="basemap", name=source.label, visible=visible, opacity=opacity,
                      style={"dim": min(max(float(dim), 0.0), MAX_DIM)}, source=source)


def basemap_to_dict(layer: LayerState, project_dir) -> dict:
    from hzmap.model.layers.persist import _relative

    src: BasemapSource = layer.source
    out = {k: getattr(src, k) for k in _FIELDS}
    for k in ("url", "overlay"):
        if out[k]:
            out[k] = split_key(out[k])[0]
    if src.path is not None:
        out["path"] = _relative(src.path, Path(project_dir).absolute())
        out["abs_path"] = str(src.path)
    return {"visible": bool(layer.visible), "opacity": float(layer.opacity),
            "dim": float((layer.style or {}).get("dim", 0.0)), "source": out}


class LoadedBasemap(NamedTuple):
    layer: LayerState | None
    problems: list
    refused: str | None = None  # why its file is not read (outside the project's folder, no yes)

    def under(self, store) -> tuple:
        """What it puts under the map: () or (layer,). A file not agreed to is refused in the
        base maps kept with `store` (the LayerStore every picture reads), so none reads it."""
        if self.layer is not None and self.refused:
            from hzmap.model.basemap.registry import registry_for

            registry_for(store).refuse(self.layer.source, self.refused)
        return (self.layer,) if self.layer is not None else ()


def _link(s: dict, project_dir):
    """Where the entry's file is (hzmap.model.layers.persist.find_file); `project_dir` None: the
    entry belongs to no project file (an untitled session's recovery), nothing is outside."""
    from hzmap.model.layers.persist import find_file

    anchored = project_dir is not None
    link = find_file(s.get("path"), s.get("abs_path"), project_dir if anchored else Path.cwd(),
                     folder=s.get("kind") == "folder")
    if not anchored and link.status in ("moved", "outside"):
        link = replace(link, status="ok", message="")
    return link


def basemap_outside(d, project_dir) -> list[tuple[str, Path]]:
    """[(name, path)] when the entry's file lies outside `project_dir`, as
    project_layers.outside_files lists layers' files; nothing is read."""
    if project_dir is None or not isinstance(d, dict) or not isinstance(d.get("source"), dict) \
            or d["source"].get("kind") in ONLINE:
        return []
    link = _link(d["source"], project_dir)
    return [(OUTSIDE_NAME, link.path)] if link.status == "outside" else []


#: How the question about files outside a project's folder names the base map.
OUTSIDE_NAME = "底图 Base map"


def basemap_from_dict(d, project_dir, allow_outside: bool = False) -> LoadedBasemap:
    """The base map layer of a project entry, what to tell the planner, and why its file must not
    be read (outside `project_dir` without `allow_outside`). An online one comes back off."""
    if not isinstance(d, dict) or not isinstance(d.get("source"), dict):
        return LoadedBasemap(None, ["the base map entry is not an object with a source; no base map"])
    s = dict(d["source"])
    problems, refused = [], None
    kwargs = {k: s[k] for k in _FIELDS if k in s and s[k] is not None}
    for k in ("url", "overlay"):
        if isinstance(kwargs.get(k), str):
            kwargs[k], key = split_key(kwargs[k])
            if key:
                problems.append("the base map's URL held a key; it was left out (enter it in the settings)")
    if kwargs.get("kind") not in ONLINE:
        link = _link(s, project_dir)
        if link.status == "missing":
            problems.append(f"base map: {link.message}; it is not drawn until the file is found")
        elif link.status == "outside" and not allow_outside:
            refused = (f"base map: {link.message}: not read (files outside a project's folder are read only "
                       "when you agree; choose it again under 底图 Base map… to read it)")
            problems.append(refused)
        kwargs["path"] = link.path or (Path(s["abs_path"]) if isinstance(s.get("abs_path"), str) else None)
        if kwargs["path"] is None:
            return LoadedBasemap(None, problems + ["the base map entry names no file; no base map"])
    try:
        source = BasemapSource(**kwargs)
    except (BasemapError, TypeError) as exc:
        return LoadedBasemap(None, problems + [f"the base map entry is not usable ({exc}); no base map"])
    dim = d.get("dim", 0.0)
    opacity = d.get("opacity", 1.0)
    ok = lambda v, hi: isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= hi  # noqa: E731
    layer = basemap_layer(source, visible=bool(d.get("visible", True)) and not source.online,
                          opacity=float(opacity) if ok(opacity, 1) else 1.0,
                          dim=float(dim) if ok(dim, MAX_DIM) else 0.0)
    return LoadedBasemap(layer, problems, refused)


def with_dim(layer: LayerState, dim: float) -> LayerState:
    return replace(layer, style={**dict(layer.style or {}), "dim": min(max(float(dim), 0.0), MAX_DIM)})
