"""What a project would read outside its folder: its user layers' files and its base map's, in
one list, so the planner is asked once (the window's question) or the command line refuses
them by name (unless --allow-outside). No Qt; nothing is read here.

A project may come from someone else, and a path in it may name any file on the computer
(`../victim/机密.csv`, `/home/me/影像.tif`). The rule is the user layers' (hzmap.model.layers
.project_layers): inside the project's folder, links followed, is read; outside, only after a yes.
"""
from __future__ import annotations

from pathlib import Path


def outside_files(project, project_dir, basemap: bool = True) -> list[tuple[str, Path]]:
    """(name, path) of each file `project` would read outside `project_dir` (None: it belongs to
    no project file, so nothing is outside). `basemap` False: its base map is not to be drawn
    (the command line's --basemap replaces it), so its file is not listed."""
    from hzmap.model.layers.project_layers import outside_files as layer_files

    if project_dir is None:
        return []
    found = layer_files(project.layers, Path(project_dir))
    if basemap and project.basemap:
        from hzmap.model.basemap.persist import basemap_outside

        found += basemap_outside(project.basemap, Path(project_dir))
    return found


def may_read_outside(allow_outside, project, project_dir) -> bool:
    """`allow_outside` (True, False, or a function given outside_files(...) that answers) as a
    yes or no, asked once and only when there are such files."""
    if not callable(allow_outside):
        return bool(allow_outside)
    found = outside_files(project, project_dir)
    return bool(found) and bool(allow_outside(found))
