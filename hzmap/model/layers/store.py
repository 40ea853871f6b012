"""The user layers' loaded data (LayerData), keyed by layer id. No Qt.

A LayerState in the View says what a layer is and how it looks; the features themselves are
too large to copy with every View, so they live here, read once. Every picture of the map (the
screen, exports, the presentation, compare, decks) asks the store for the data of the user
layers its View holds, so they all draw the same features.

An entry answers only for the source it was read from (file, part, coordinate system and
columns): a LayerState whose source differs (re-linked to another file) gets nothing until the
new file is read and put here, and an id reused by another project never draws the old data.

The session owns the store; every picture is handed it (a picture given none draws no user
layers). The store announces each change (`changed(layer ids)`): a picture that is already open
takes the new data without being told by hand. The store also keeps the open base maps
(`basemaps`, a BasemapRegistry made on first use), so every picture given the store reads the
same tiles once.
"""
from __future__ import annotations

from psygnal import Signal

from hzmap.model.layers.source import LayerSource

_KEY_FIELDS = ("path", "format", "sublayer", "coords", "x_column", "y_column", "join_column")


def data_key(source: LayerSource | None) -> tuple | None:
    """What decides which features a source reads (not how the project keeps it)."""
    if source is None:
        return None
    return tuple(getattr(source, f) for f in _KEY_FIELDS)


class LayerStore:
    changed = Signal(object)  # frozenset of the ids whose data was put or let go

    def __init__(self) -> None:
        self._entries: dict[str, tuple[tuple | None, object]] = {}
        #: the open base maps of every picture given this store: a BasemapRegistry, set on first
        #: use by hzmap.model.basemap.registry.registry_for
        self.basemaps = None

    def put(self, layer_id: str, data, source: LayerSource | None = None) -> None:
        """Keep `data` for the layer `layer_id` whose source is `source` (default: the one the
        data was read from)."""
        self._entries[layer_id] = (data_key(source if source is not None else data.source), data)
        self.changed.emit(frozenset({layer_id}))

    def get(self, layer) -> object | None:
        """The LayerData of `layer` (a LayerState), or None when it has not been read (its file
        is missing) or was read from another source."""
        entry = self._entries.get(layer.id)
        if entry is None or entry[0] != data_key(layer.source):
            return None
        return entry[1]

    def data(self, layer_id: str):
        """The data kept for `layer_id`, whatever its source (None if none)."""
        entry = self._entries.get(layer_id)
        return entry[1] if entry is not None else None

    def discard(self, layer_id: str) -> None:
        if self._entries.pop(layer_id, None) is not None:
            self.changed.emit(frozenset({layer_id}))

    def keep_only(self, layer_ids) -> None:
        """Let go of the data of every layer not in `layer_ids` (a project closed)."""
        keep = set(layer_ids)
        gone = frozenset(k for k in self._entries if k not in keep)
        for lid in gone:
            del self._entries[lid]
        if gone:
            self.changed.emit(gone)

    def new_id(self, taken=()) -> str:
        """An id no layer in the store or in `taken` has: 'user-1', 'user-2', ..."""
        used = set(self._entries) | set(taken)
        n = 1
        while f"user-{n}" in used:
            n += 1
        return f"user-{n}"

    def __contains__(self, layer_id: str) -> bool:
        return layer_id in self._entries

    def __len__(self) -> int:
        return len(self._entries)

