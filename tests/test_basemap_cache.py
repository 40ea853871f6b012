"""The disk cache of online tiles holds at most its limit: past it, the oldest tiles go and the
ones the planner looked at last stay; the file stops growing."""
import os

from hzmap.model.basemap import stores
from hzmap.model.basemap.stores import DiskCache

TEMPLATE = "http://127.0.0.1:9/img/{z}/{x}/{y}.jpg"


def test_past_its_limit_the_cache_forgets_its_oldest_tiles_and_stops_growing(tmp_path, monkeypatch):
    monkeypatch.setattr(stores, "CACHE_MAX_BYTES", 400_000)
    cache = DiskCache(TEMPLATE, "wgs84", folder=tmp_path)
    tiles = [(12, 3400 + i, 1700) for i in range(300)]  # 300 tiles of 6 KB: 1.8 MB in all
    for i, (z, x, y) in enumerate(tiles):
        cache.put(z, x, y, os.urandom(6000) + bytes([i % 256]))
    assert cache._used() <= 400_000
    assert os.path.getsize(cache.path) < 2 * 400_000  # pages freed by the oldest are reused
    assert cache.get(*tiles[0]) is None and cache.get(*tiles[50]) is None
    assert all(cache.get(*t) is not None for t in tiles[-40:])
    assert cache.get(*tiles[-1])[-1] == 299 % 256


def test_a_tile_fetched_again_counts_as_new(tmp_path, monkeypatch):
    monkeypatch.setattr(stores, "CACHE_MAX_BYTES", 200_000)
    cache = DiskCache(TEMPLATE, "wgs84", folder=tmp_path)
    first = (12, 3400, 1700)
    cache.put(*first, os.urandom(6000))
    for i in range(1, 200):
        cache.put(12, 3400 + i, 1700, os.urandom(6000))
        if i % 10 == 0:
            cache.put(*first, os.urandom(6000))  # looked at again: refreshed
    assert cache.get(*first) is not None
    assert cache.get(12, 3401, 1700) is None
