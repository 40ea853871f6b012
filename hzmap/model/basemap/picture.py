"""The base map's picture of a map extent at a pixel size: what the renderer draws. No Qt.

`Basemap(source, key)` opens a BasemapSource once (its tile layers or its GeoTIFF) and
`picture(extent, width, height, wait)` returns a Picture: an RGBA array whose row 0 is the top
of the extent, reprojected onto the map's grid (hzmap.model.basemap.warp). For tiles it picks
the zoom whose tiles match the picture's resolution, lays the tiles it has into one mosaic
(the annotation layer of 天地图 over the map), fills a tile still on its way with the
enlarged quarter of its parent when that is in memory, and samples the mosaic for every map
pixel. `complete` says whether every tile was there; the screen draws what it has and asks
again when tiles arrive (`on_arrival`).
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from hzmap.model.basemap import grid, warp
from hzmap.model.basemap.source import BasemapError, BasemapSource
from hzmap.model.basemap.tiles import TILE, TileLayer

MAX_MOSAIC_TILES = 480  # a picture never needs more (an A3 page at 600 DPI is about 400)
PARENT_LEVELS = 3       # how far up a missing tile's stand-in may come from
COMPOSITES = 320        # blended tiles (a map under its notes) kept: two screens' worth


@dataclass
class Picture:
    rgba: np.ndarray | None       # (height, width, 4) uint8, row 0 at the top; None: nothing yet
    complete: bool = True
    problems: list = field(default_factory=list)
    zoom: int | None = None


class Basemap:
    def __init__(self, source: BasemapSource, key: str | None = None, on_arrival=None, workers: int = 4,
                 cache: bool = True, **http_options) -> None:
        self.source = source
        self.raster = None
        self.layers: list[TileLayer] = []
        if source.kind == "geotiff":
            from hzmap.model.basemap.raster import open_geotiff

            self.raster = open_geotiff(source.path)
        else:
            from hzmap.model.basemap.stores import stores_for

            self.layers = [TileLayer(s, workers=workers, on_arrival=on_arrival)
                           for s in stores_for(source, key, cache=cache, **http_options)]
        self._last = None  # (key, Picture) of the last picture made
        self._composites: OrderedDict = OrderedDict()  # (z, x, y) -> the map and its notes, blended

    @property
    def zoom_range(self) -> tuple[int, int]:
        stores = [lay.store for lay in self.layers]
        lo = max([self.source.min_zoom] + [s.min_zoom for s in stores if not s.online])
        hi = min([self.source.max_zoom if self.source.online else 22] + [s.max_zoom for s in stores])
        return lo, max(lo, hi)

    def picture(self, extent, width: int, height: int, wait: bool = False, deadline: float = 60.0) -> Picture:
        width, height = int(width), int(height)
        if width < 1 or height < 1:
            return Picture(None)
        if self.raster is not None:
            return Picture(self.raster.picture(extent, width, height))
        key_versions = tuple(lay.version for lay in self.layers)
        key = (tuple(round(v, 3) for v in extent), width, height, key_versions)
        if self._last is not None and self._last[0] == key and self._last[1].complete:
            return self._last[1]
        z, win = self._window(extent, width, height)
        mosaic = np.zeros(((win.ty1 - win.ty0 + 1) * TILE, (win.tx1 - win.tx0 + 1) * TILE, 4), np.uint8)
        complete = True
        have = [layer.tiles(win, wait=wait, deadline=deadline) for layer in self.layers]
        for key in win.tiles():
            r0, c0 = (key[2] - win.ty0) * TILE, (key[1] - win.tx0) * TILE
            dst = mosaic[r0:r0 + TILE, c0:c0 + TILE]
            done = self._composites.get(key)
            if done is not None:  # the map with its notes, blended once
                dst[...] = done
                continue
            whole = True
            for i, layer in enumerate(self.layers):
                tile = have[i].get(key)
                if tile is None:
                    whole = whole and layer.cached(key) is not None  # known to be absent
                    if not wait:
                        tile = _from_parent(layer, *key)
                        complete = complete and layer.blocked is not None
                if tile is not None:
                    _paste(dst, tile, over=i > 0)
            if whole and len(self.layers) > 1:
                self._keep_composite(key, dst.copy())
        # (nothing on its way, and nothing arrived since the tiles were taken: a tile that lands
        # between the two would be missing from a picture called complete, and never redrawn)
        if wait or (all(lay.pending() == 0 for lay in self.layers) and
                    tuple(lay.version for lay in self.layers) == key_versions):
            complete = True

        def to_source(X, Y):
            px, py = grid.global_pixels(X, Y, z, self.source.crs)
            return px - win.tx0 * TILE, py - win.ty0 * TILE

        pic = Picture(warp.warp(mosaic, to_source, extent, width, height), complete,
                      [p for p in (lay.problem() for lay in self.layers) if p], z)
        self._last = (key, pic)
        return pic

    def _window(self, extent, width: int, height: int):
        """(zoom, TileWindow) of the tiles a picture of this extent and pixel size is made of."""
        lo, hi = self.zoom_range
        z = grid.zoom_for(extent, width, lo, hi)
        win = grid.window_for(extent, z, self.source.crs, width, height)
        while len(win) > MAX_MOSAIC_TILES and z > lo:
            z -= 1
            win = grid.window_for(extent, z, self.source.crs, width, height)
        return z, win

    def _tile_keys(self, extent, width: int, height: int) -> list:
        """The tiles a picture of this extent and pixel size is made of (none from a GeoTIFF)."""
        if self.raster is not None or int(width) < 1 or int(height) < 1:
            return []
        return self._window(extent, int(width), int(height))[1].tiles()

    def missing(self, extent, width: int, height: int) -> int:
        """How many tiles of that picture are not in memory yet: what an export still has to
        fetch before it can draw without waiting."""
        keys = self._tile_keys(extent, width, height)
        return sum(1 for layer in self.layers for k in keys if layer.cached(k) is None)

    def fetch(self, extent, width: int, height: int, deadline: float = 60.0, cancelled=None) -> None:
        """Load the tiles of that picture and wait for them: a worker thread's call, so that
        the window's export fetches first (with a Cancel) and then draws from memory."""
        keys = self._tile_keys(extent, width, height)
        for layer in self.layers if keys else ():
            if cancelled is not None and cancelled():
                return
            layer.fetch_now(keys, deadline, cancelled)

    def _keep_composite(self, key, tile: np.ndarray) -> None:
        self._composites[key] = tile
        while len(self._composites) > COMPOSITES:
            self._composites.popitem(last=False)

    def problems(self) -> list[str]:
        if self.raster is not None:
            return []
        return [p for p in (lay.problem() for lay in self.layers) if p]

    def close(self) -> None:
        for layer in self.layers:
            layer.close()


def _paste(dst: np.ndarray, tile: np.ndarray, over: bool) -> None:
    """Put a tile into the mosaic; an upper layer (annotation) is blended by its alpha."""
    if not over:
        dst[...] = tile
        return
    a = tile[..., 3:4].astype(np.uint16)
    if not a.any():
        return
    dst[..., :3] = ((tile[..., :3] * a + dst[..., :3] * (255 - a) + 127) // 255).astype(np.uint8)
    np.maximum(dst[..., 3], tile[..., 3], out=dst[..., 3])


def _from_parent(layer: TileLayer, z: int, x: int, y: int) -> np.ndarray | None:
    """The enlarged part of an ancestor tile in memory, standing in until the tile arrives."""
    for up in range(1, PARENT_LEVELS + 1):
        if z - up < 0:
            return None
        parent = layer.cached((z - up, x >> up, y >> up))
        if parent is None or isinstance(parent, str):
            continue
        n = 1 << up
        size = TILE // n
        r0, c0 = (y % n) * size, (x % n) * size
        return np.repeat(np.repeat(parent[r0:r0 + size, c0:c0 + size], n, axis=0), n, axis=1)
    return None


def open_basemap(source: BasemapSource, key: str | None = None, **options) -> Basemap:
    """A Basemap, or BasemapError naming the file or service and what is wrong."""
    try:
        return Basemap(source, key, **options)
    except BasemapError:
        raise
    except (OSError, ValueError) as exc:
        raise BasemapError(f"{source.label}: {exc}") from None
