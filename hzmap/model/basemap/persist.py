"""The base map in the project file: basemap_to_dict / basemap_from_dict. No Qt.

The entry holds what the base map is (kind, URL templates or file, tile CRS, name,
attribution, 审图号, zooms) and how it is shown (visible, opacity, dim); never a key: templates
keep the `{tk}` placeholder, and a key found written into one is taken out. A file is stored
relative to the project's folder with the absolute path beside it, as user layers are
(hzmap.model.layers.persist), and a missing file keeps the entry so the planner can re-link it.
"""
from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

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


def basemap_from_dict(d, project_dir) -> tuple[LayerState | None, list[str]]:
    """The base map layer of a project entry, and what to tell the planner."""
    from hzmap.model.layers.persist import find_file

    if not isinstance(d, dict) or not isinstance(d.get("source"), dict):
        return None, ["the base map entry is not an object with a source; no base map"]
    s = dict(d["source"])
    problems = []
    kwargs = {k: s[k] for k in _FIELDS if k in s and s[k] is not None}
    for k in ("url", "overlay"):
        if isinstance(kwargs.get(k), str):
            kwargs[k], key = split_key(kwargs[k])
            if key:
                problems.append("the base map's URL held a key; it was left out (enter it in the settings)")
    if kwargs.get("kind") not in ONLINE:
        link = find_file(s.get("path"), s.get("abs_path"), project_dir)
        if link.status == "missing":
            problems.append(f"base map: {link.message}; it is not drawn until the file is found")
        kwargs["path"] = link.path or (Path(s["abs_path"]) if isinstance(s.get("abs_path"), str) else None)
        if kwargs["path"] is None:
            return None, problems + ["the base map entry names no file; no base map"]
    try:
        source = BasemapSource(**kwargs)
    except (BasemapError, TypeError) as exc:
        return None, problems + [f"the base map entry is not usable ({exc}); no base map"]
    dim = d.get("dim", 0.0)
    opacity = d.get("opacity", 1.0)
    ok = lambda v, hi: isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= hi  # noqa: E731
    layer = basemap_layer(source, visible=bool(d.get("visible", True)),
                          opacity=float(opacity) if ok(opacity, 1) else 1.0,
                          dim=float(dim) if ok(dim, MAX_DIM) else 0.0)
    return layer, problems


def with_dim(layer: LayerState, dim: float) -> LayerState:
    return replace(layer, style={**dict(layer.style or {}), "dim": min(max(float(dim), 0.0), MAX_DIM)})
