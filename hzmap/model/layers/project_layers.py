"""A project's user layers: read from its entries into LayerStates and the store, and written
back. No Qt. Used by the session (the window's projects and recovery) and `hzmap export
--project`.

Nothing the user set up is lost: an entry whose file is missing or unreadable comes back as a
LayerState with every setting, no data and a Link saying why (the window offers to re-link it),
and is written back with the path the project had; an entry that is not a layer at all is kept
as it was and written back unchanged.

A project may come from someone else: files outside its folder are listed to `allow_outside`
(the window's question, the command line's --allow-outside) before anything is read, and are
not read without a yes ("refused", kept like a missing file).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from hzmap.model.layers.errors import LayerError
from hzmap.model.layers.persist import Link, layer_from_dict, layer_to_dict, open_for_link
from hzmap.model.view.viewstate import BASE_LAYERS


@dataclass
class ProjectLayers:
    states: list = field(default_factory=list)      # LayerStates, drawing order
    links: dict = field(default_factory=dict)       # layer id -> Link (where its file was found)
    problems: list = field(default_factory=list)    # what to tell the user
    missing: dict = field(default_factory=dict)     # layer id -> why its file was not read (re-link it)
    unread: list = field(default_factory=list)      # entries that are not layers, kept as they were

    def needs_relink(self) -> list[str]:
        """Ids of the layers whose file was not found or not read (drawn from a copy or not at all)."""
        return [lid for lid, link in self.links.items() if link.status in NOT_READ]


#: Link statuses of a layer whose file was not read: re-link it; its stored path is kept.
NOT_READ = ("missing", "unreadable", "refused")


def _entries(records, project_dir, anchored: bool):
    """(LoadedLayer or None, the record, why not) for each entry; nothing is read."""
    for d in records or ():
        try:
            loaded = layer_from_dict(d, project_dir)
        except ValueError as exc:
            yield None, d, str(exc)
            continue
        if not anchored and loaded.link.status in ("moved", "outside"):
            loaded = replace(loaded, link=replace(loaded.link, status="ok", message=""))
        yield loaded, d, ""


def outside_files(records, project_dir) -> list[tuple[str, object]]:
    """(layer name, path) of each file the entries would read outside `project_dir` (None: no
    project file, nothing is outside). Nothing is read."""
    from pathlib import Path

    if project_dir is None:
        return []
    return [(loaded.state.name or loaded.state.id, loaded.link.path)
            for loaded, _d, _why in _entries(records, Path(project_dir), True)
            if loaded is not None and loaded.link.status == "outside" and loaded.state.source.embedded is None]


def load_layers(records, project_dir, geo, store, gazetteer=None, allow_outside=False, cancel=None) -> ProjectLayers:
    """Read a project's layer entries; what could be opened goes into `store`. `project_dir`
    None: the entries belong to no project file (an untitled session's recovery), so their
    absolute paths are where the files are, not a sign that they moved. `allow_outside`: True,
    False, or a function given outside_files(...) that answers (asked once, before any file is
    read, only when there are such files). `cancel`: an event that stops the reading."""
    from pathlib import Path

    out = ProjectLayers()
    anchored = project_dir is not None
    project_dir = Path(project_dir) if anchored else Path.cwd()
    if callable(allow_outside):
        outside = outside_files(records, project_dir if anchored else None)
        allow_outside = bool(outside) and bool(allow_outside(outside))
    taken = set(BASE_LAYERS)
    for loaded, d, why in _entries(records, project_dir, anchored):
        if loaded is None:
            out.problems.append(f"user layer not loaded (kept in the file as it was): {why}")
            out.unread.append(d)
            continue
        state, link = loaded.state, loaded.link
        if link.status == "outside" and state.source.embedded is not None:  # the copy is drawn, not the file
            link = replace(link, status="ok", message="")
        if link.status == "outside":
            link = replace(link, status="ok" if allow_outside else "refused",
                           message=link.message if allow_outside else
                           f"{link.message}: not read (files outside a project's folder are read only "
                           "when you agree)")
        if state.id in taken:  # a hand-edited file: two entries with one id, or a base layer's
            state = replace(state, id=store.new_id(taken))
        taken.add(state.id)
        out.problems += list(loaded.problems)
        name = state.name or state.id
        try:
            data = open_for_link(replace(loaded, link=link), geo, gazetteer, cancel=cancel)
        except LayerError as exc:
            data = None
            link = replace(link, status="unreadable", message=str(exc))
        if data is not None:
            store.put(state.id, data, state.source)
        if link.status in NOT_READ:
            kept = "drawn from the copy kept in the project" if data is not None else "not drawn"
            out.missing[state.id] = f"layer {name!r}: {link.message} ({kept}; its settings are kept: re-link the file)"
        elif link.status == "moved":
            out.problems.append(f"layer {name!r}: {link.message}")
        if link.changed:
            out.problems.append(f"layer {name!r}: {link.path} has changed since the project was saved")
        out.states.append(state)
        out.links[state.id] = link
    return out


def layer_records(view, store, project_dir, links: dict | None = None, unread=()) -> list[dict]:
    """The project file's "layers": each user layer of `view` (drawing order), then the entries
    that were not read. A layer whose file is still missing keeps the path the project had."""
    out = []
    for layer in view.user_layers():
        data = store.get(layer)
        entry = layer_to_dict(layer, project_dir, data=data)
        link = (links or {}).get(layer.id)
        if data is None and link is not None and link.stored and link.status in NOT_READ \
                and (link.path is None or link.path == layer.source.path):
            entry["source"]["path"] = link.stored
        out.append(entry)
    return out + [dict(d) for d in unread]


def relinked(link: Link | None, path) -> Link:
    return Link("ok", path, link.stored if link is not None else None)
