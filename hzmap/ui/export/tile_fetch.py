"""An export's base map tiles, fetched before the page is drawn, off the window's thread.

A page over an online base map needs every tile of its size and extent; from a slow server
that takes seconds. `fetch_tiles` asks the base map what the page's picture lacks, fetches it on
a worker thread (hzmap.ui.common.background: the window keeps drawing, and after a moment a
progress dialog offers Cancel), so the page is then drawn from memory without waiting.
"""
from __future__ import annotations

from hzmap.ui.common import background
from hzmap.ui.common.i18n import tr


def fetch_tiles(parent, artist) -> list[str] | None:
    """The base map's problems after fetching the tiles the artist will draw ([] when there are
    none, or no base map); None when the planner cancelled, and nothing should be written."""
    if artist is None or not artist.get_visible():
        return []
    basemap = artist.basemap
    request = artist.request()
    absent = basemap.missing(*request)
    if absent == 0:
        return []

    def work(cancel) -> bool:
        basemap.fetch(*request, cancelled=cancel.is_set)
        return not cancel.is_set()

    text = tr("正在获取 {n} 个底图瓦片… Fetching {n} base-map tiles…")
    try:
        done = background.run(parent, text.format(n=f"{absent:,}"), work)
    except background.Cancelled:
        return None
    return basemap.problems() if done else None
