"""“Download this area for offline use”: the tiles of an area over a zoom range, into an
MBTiles file a project can point to. No Qt.

`plan_download` counts the tiles first (only those touching the area: a district's corners
are not fetched) and estimates the size, so the planner sees both before anything is fetched;
it refuses more tiles than the provider's limit (`BasemapSource.download_limit`: OpenStreetMap's
tile policy and 高德's terms allow none). `run_download` fetches them politely: two connections,
at most RATE_PER_S tiles a second, the server's Retry-After obeyed when it says it is busy, a
refused key stopping everything at once, and a cancel that stops within one tile. Tiles already
in the disk cache are not fetched again. 天地图's map and annotation are combined into one
tile (JPEG for imagery, PNG for drawn maps). The file is written beside the target and renamed
when complete, carrying the attribution, the 审图号 and the tile CRS in its metadata.
"""
from __future__ import annotations

import io
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import shapely

from hzmap.model.basemap import grid, warp
from hzmap.model.basemap.fetch import FetchError
from hzmap.model.basemap.mbtiles import MBTilesWriter
from hzmap.model.basemap.source import BasemapError, BasemapSource
from hzmap.model.basemap.tiles import decode

RATE_PER_S = 8.0
WORKERS = 2
MAX_RETRIES = 3
MAX_WAIT_S = 60.0
TILE_BYTES = {True: 24_000, False: 11_000}  # a typical imagery / drawn-map tile (with notes)


class DownloadError(BasemapError):
    pass


@dataclass(frozen=True)
class DownloadPlan:
    source: BasemapSource
    tiles: tuple            # (z, x, y), low zooms first
    zooms: tuple[int, int]
    bounds_lonlat: tuple    # west, south, east, north (WGS84)

    @property
    def count(self) -> int:
        return len(self.tiles)

    @property
    def estimated_bytes(self) -> int:
        return self.count * TILE_BYTES[self.source.imagery]


def plan_download(source: BasemapSource, area, zmin: int, zmax: int) -> DownloadPlan:
    """The tiles over `area` (a shapely geometry in map metres) at zooms zmin..zmax."""
    if not source.online:
        raise DownloadError(f"{source.label} is already a file on this computer")
    if source.download_limit == 0:
        raise DownloadError(f"{source.label}: the provider's terms do not allow downloading its tiles "
                            "for offline use (OpenStreetMap's tile policy, 高德's terms); use 天地图 with "
                            "your key, or a service of your own")
    if not (0 <= zmin <= zmax <= source.max_zoom):
        raise DownloadError(f"zoom range {zmin}-{zmax} is not within {source.min_zoom}-{source.max_zoom}")
    x0, y0, x1, y1 = area.bounds
    lon, lat = warp.map_to_lonlat(np.array([x0, x1, x0, x1]), np.array([y0, y0, y1, y1]))
    area_ll = shapely.transform(area, lambda xy: np.column_stack(warp.map_to_lonlat(xy[:, 0], xy[:, 1])))
    tlon, tlat = grid.tile_lonlat(lon, lat, source.crs)
    shift = (float(np.mean(tlon - lon)), float(np.mean(tlat - lat)))  # GCJ-02: ~500 m, near constant
    tiles = []
    for z in range(zmin, zmax + 1):
        cands = grid.tiles_in_lonlat_box(tlon.min(), tlat.min(), tlon.max(), tlat.max(), [z])
        boxes = [grid.tms().bounds(*_xyz(t)) for t in cands]
        polys = shapely.box([b.left - shift[0] for b in boxes], [b.bottom - shift[1] for b in boxes],
                            [b.right - shift[0] for b in boxes], [b.top - shift[1] for b in boxes])
        hit = shapely.intersects(polys, area_ll)
        tiles += [t for t, h in zip(cands, hit) if h]
        if len(tiles) > max(source.download_limit, 1):
            break
    if len(tiles) > source.download_limit:
        raise DownloadError(f"{source.label} allows at most {source.download_limit:,} tiles in one download; "
                            f"this area at zoom {zmin}-{zmax} needs more: choose a smaller area or fewer zoom levels")
    return DownloadPlan(source, tuple(tiles), (zmin, zmax),
                        (float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max())))


def _xyz(t):
    z, x, y = t
    return x, y, z


def _combine(layers: list, source: BasemapSource) -> bytes:
    """One tile from the map and its annotation (or the map's own bytes when it is alone)."""
    if len(layers) == 1:
        return layers[0]
    from PIL import Image

    out = None
    for data in layers:
        tile = Image.fromarray(decode(data, source.label), "RGBA")
        out = tile if out is None else Image.alpha_composite(out, tile)
    buf = io.BytesIO()
    if source.imagery:
        out.convert("RGB").save(buf, "JPEG", quality=88)
    else:
        out.save(buf, "PNG", optimize=False)
    return buf.getvalue()


class _Pace:
    """At most `rate` requests a second across threads, and a pause when the server asks."""

    def __init__(self, rate: float) -> None:
        self.gap, self.next, self.lock = 1.0 / rate, time.monotonic(), threading.Lock()

    def wait(self, cancel: threading.Event) -> None:
        with self.lock:
            now = time.monotonic()
            at = max(now, self.next)
            self.next = at + self.gap
        cancel.wait(max(0.0, at - now))

    def pause(self, seconds: float) -> None:
        with self.lock:
            self.next = max(self.next, time.monotonic() + seconds)


@dataclass
class DownloadResult:
    path: Path | None
    written: int
    failed: int
    cancelled: bool = False
    problem: str | None = None


def run_download(plan: DownloadPlan, out, key: str | None = None, progress=None,
                 cancel: threading.Event | None = None, rate: float = RATE_PER_S, **http_options) -> DownloadResult:
    """Fetch the plan's tiles into the MBTiles file `out`; progress(done, total) after each."""
    from hzmap.model.basemap.stores import stores_for

    cancel = cancel or threading.Event()
    source = plan.source
    stores = stores_for(source, key, cache=True, **http_options)
    (w, s, e, n), (zmin, zmax) = plan.bounds_lonlat, plan.zooms
    meta = {"name": source.label, "format": "jpg" if source.imagery and len(stores) > 1 else "png",
            "type": "baselayer", "version": "1.1", "bounds": f"{w:.6f},{s:.6f},{e:.6f},{n:.6f}",
            "minzoom": zmin, "maxzoom": zmax, "attribution": source.attribution,
            "description": f"{source.label}, downloaded by hzmap for offline use",
            "hzmap_crs": source.crs, "hzmap_review_number": source.review_number,
            "hzmap_imagery": int(source.imagery)}
    writer = MBTilesWriter(out, meta)
    pace, lock = _Pace(rate), threading.Lock()
    state = {"done": 0, "failed": 0, "stop": None}

    def one(tile) -> None:
        z, x, y = tile
        for _attempt in range(MAX_RETRIES):
            if cancel.is_set() or state["stop"]:
                return
            try:
                layers = []
                for store in stores:
                    if store.cache is None or store.cache.get(z, x, y) is None:
                        pace.wait(cancel)
                    data = store.read(z, x, y)
                    if data is not None:
                        layers.append(data)
                if layers:
                    combined = _combine(layers, source)
                    with lock:
                        writer.put(z, x, y, combined)
                break
            except FetchError as exc:
                if exc.kind == "forbidden":
                    state["stop"] = str(exc)
                    cancel.set()
                    return
                if exc.kind == "busy":
                    pace.pause(min(exc.retry_after or 5.0, MAX_WAIT_S))
                    continue
                if exc.kind in ("timeout", "network"):
                    continue
                state["failed"] += 1
                break
            except BasemapError:
                state["failed"] += 1
                break
        else:
            state["failed"] += 1
        with lock:
            state["done"] += 1
            if progress is not None:
                progress(state["done"], plan.count)

    try:
        with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="hzmap-download") as pool:
            list(pool.map(one, plan.tiles))
    except BaseException:  # a full disk, an interrupt: no half file under the planner's name
        cancel.set()
        writer.abandon()
        raise
    if cancel.is_set() or writer.count == 0:
        writer.abandon()
        problem = state["stop"] or (None if cancel.is_set() else "no tile could be fetched")
        return DownloadResult(None, 0, state["failed"], cancelled=cancel.is_set() and not state["stop"],
                              problem=problem)
    path = writer.commit()
    return DownloadResult(path, writer.count, state["failed"])


def offline_source(source: BasemapSource, path) -> BasemapSource:
    """The downloaded copy as a base map: the same name, attribution, 审图号 and tile CRS."""
    return replace(source, kind="mbtiles", url=None, overlay=None, path=Path(path).absolute(),
                   subdomains="", min_zoom=0, max_zoom=source.max_zoom)
