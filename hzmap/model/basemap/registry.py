"""The open base maps of one window (or one command), shared by every picture of it. No Qt.

The screen, the export, the presentation and the deck each own a Scene, but a base map's
tiles are read once: the Scene asks the registry for the Basemap of its View's BasemapSource,
and the registry keeps it open (its memory of decoded tiles, its loader threads) until the
source leaves the View or the key changes. The planner's keys live here, in memory, handed in
by the window from the settings or by the command line from the environment; they are never
part of a source and so never reach a project file.

A project's base map file the planner did not agree to read (outside the project's folder) is
`refuse`d here, the one place every picture opens base maps through: it is never opened until
the planner chooses it (`allow`, the base map dialog) or it leaves the View.
"""
from __future__ import annotations

import re
import threading
import weakref

from hzmap.model.basemap.picture import Basemap, open_basemap
from hzmap.model.basemap.source import BasemapError, BasemapSource


def key_name(source: BasemapSource) -> str:
    """Which key a source needs: 'tianditu' for the 天地图 presets, else the service's host."""
    if source.provider.startswith("tianditu"):
        return "tianditu"
    m = re.match(r"^https?://([^/?#:]+)", source.url or "")
    return m.group(1) if m else "custom"


class BasemapRegistry:
    def __init__(self, keys: dict | None = None, cache: bool = True, workers: int = 4, **http_options) -> None:
        self.keys = dict(keys or {})
        self.cache, self.workers, self.http_options = cache, workers, http_options
        self._open: dict[BasemapSource, Basemap] = {}
        self._errors: dict[BasemapSource, str] = {}
        self._refused: dict[BasemapSource, str] = {}
        self._listeners: list = []
        self._lock = threading.Lock()

    def add_listener(self, callback) -> None:
        """`callback()` is called (from a loader thread) whenever a tile arrives. A bound method
        is held weakly: a window that closes stops listening."""
        ref = weakref.WeakMethod(callback) if hasattr(callback, "__self__") else (lambda: callback)
        self._listeners.append(ref)

    def _arrived(self) -> None:
        for ref in list(self._listeners):
            cb = ref()
            if cb is None:
                self._listeners.remove(ref)
                continue
            try:
                cb()
            except RuntimeError:  # its Qt object was deleted
                self._listeners.remove(ref)

    def set_key(self, name: str, key: str | None) -> None:
        """A key entered or changed: base maps that use it are opened again with it."""
        self.keys[name] = (key or "").strip() or None
        with self._lock:
            for src in [s for s in list(self._open) + list(self._errors) if key_name(s) == name]:
                basemap = self._open.pop(src, None)
                if basemap is not None:
                    basemap.close()
                self._errors.pop(src, None)

    def open(self, source: BasemapSource) -> Basemap:
        """The open Basemap of `source`; BasemapError (kept, and raised again until the source
        or its key changes) when it cannot be opened."""
        with self._lock:
            if source in self._refused:
                raise BasemapError(self._refused[source])
            if source in self._open:
                return self._open[source]
            if source in self._errors:
                raise BasemapError(self._errors[source])
            try:
                key = self.keys.get(key_name(source)) if source.needs_key else None
                basemap = open_basemap(source, key, on_arrival=self._arrived, workers=self.workers,
                                       cache=self.cache, **self.http_options)
            except BasemapError as exc:
                self._errors[source] = str(exc)
                raise
            self._open[source] = basemap
            return basemap

    def refuse(self, source: BasemapSource, why: str) -> None:
        """Never open `source` (open raises BasemapError(why)) until `allow` or keep_only lets it go."""
        with self._lock:
            self._refused[source] = why
            basemap = self._open.pop(source, None)
            if basemap is not None:
                basemap.close()

    def allow(self, source: BasemapSource) -> None:
        """The planner chose `source` themselves: it may be opened."""
        with self._lock:
            self._refused.pop(source, None)

    def is_open(self, basemap: Basemap) -> bool:
        """Whether `basemap` is still the open one of its source (not closed by a new key)."""
        return self._open.get(basemap.source) is basemap

    def keep_only(self, sources) -> None:
        """Close the base maps not among `sources` (the View moved on)."""
        keep = set(sources)
        with self._lock:
            for src in [s for s in self._open if s not in keep]:
                self._open.pop(src).close()
            for src in [s for s in self._errors if s not in keep]:
                del self._errors[src]
            for src in [s for s in self._refused if s not in keep]:
                del self._refused[src]

    def close(self) -> None:
        self.keep_only(())


def registry_for(store) -> BasemapRegistry:
    """The registry kept with a LayerStore (made on first use), so every picture given the
    store reads the same tiles."""
    if store.basemaps is None:
        store.basemaps = BasemapRegistry()
    return store.basemaps
