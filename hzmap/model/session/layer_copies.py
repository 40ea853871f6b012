"""Re-linking a user layer and keeping a copy of it in the project: the Session's two layer
commands that read a file or copy one, and the project's size check that names the copies
(hzmap.model.session.session delegates here). No Qt.

A copy goes into a project only when the planner asks for it, in this session, for a layer
shown on the map: a project from someone else cannot make hzmap copy a local file into it.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hzmap.model.layers.persist import layer_to_dict, relink, shown, with_embedded_copy
from hzmap.model.layers.project_layers import relinked
from hzmap.model.session.project import ProjectError, encode


def read_relinked(session, layer_id: str, path, cancel=None):
    """The layer's data read from `path` (nothing changes: may run off the window's thread)."""
    from hzmap.model.layers.reader import open_layer

    layer = relink(session.state.view.layer(layer_id), path)
    return open_layer(replace(layer.source, embedded=None), session.state.geo, session.gazetteer(), cancel=cancel)


def relink_layer(session, layer_id: str, path, data=None):
    layer = relink(session.state.view.layer(layer_id), path)
    if data is None:
        data = read_relinked(session, layer_id, path)
    layer = replace(layer, source=replace(data.source, embed=False, embedded=None))
    if session.state.view.layer(layer_id).source.embed and shown(layer):  # a hidden layer is not copied
        layer = with_embedded_copy(layer, data)
    session.layers.put(layer_id, data, layer.source)
    session.layer_links[layer_id] = relinked(session.layer_links.get(layer_id), layer.source.path)
    session.state.update_layer(layer_id, source=layer.source)
    return layer


def embed_layer(session, layer_id: str, on: bool = True) -> None:
    layer = session.state.view.layer(layer_id)
    data = session.layers.get(layer)
    if on:
        if not shown(layer):
            raise ProjectError(f"layer {layer.name!r} is hidden: a copy is kept only of a layer shown on "
                               "the map (tick it and give it some opacity first)")
        if layer.source.embedded is None:
            if data is None:
                raise ProjectError(f"layer {layer.name!r}: its file is not loaded, so there is no copy to keep")
            layer = with_embedded_copy(layer, data)
        else:
            layer = replace(layer, source=replace(layer.source, embed=True))
        project = session.capture()
        entry = layer_to_dict(layer, Path.cwd(), data=data)
        session.check_size(replace(project, layers=[entry if isinstance(d, dict) and d.get("id") == layer_id else d
                                                    for d in project.layers]))
    else:
        layer = replace(layer, source=replace(layer.source, embed=False, embedded=None))
    if data is not None:
        session.layers.put(layer_id, data, layer.source)
    session.state.update_layer(layer_id, source=layer.source)


def check_size(project, path, limit: int) -> None:
    """ProjectError when `project` would be over `limit` bytes, the size a project file may have
    (the reader refuses larger files): the message names the copies of layers kept in it, the
    usual cause."""
    try:
        size = len(encode(project))
    except (TypeError, ValueError):
        return  # save_project reports what cannot be written
    if size <= limit:
        return
    copies = sorted(((len(d.get("embedded") or ""), d.get("name") or d.get("id")) for d in project.layers
                     if isinstance(d, dict) and d.get("embedded")), reverse=True)
    listed = ", ".join(f"{name} {n / 2**20:.1f} MB" for n, name in copies)
    where = f"{path}: " if path is not None else ""
    raise ProjectError(f"{where}not saved: it would be {size / 2**20:.1f} MB, over the {limit // 2**20} MB "
                       "a project file may have" + (f"; the copies of layers kept in it: {listed} - keep some "
                                                    "as linked files instead" if copies else ""))
