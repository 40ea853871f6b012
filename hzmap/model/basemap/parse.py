"""A base map named in words: a preset id, a tile URL template, or a file or folder (the
command line's SOURCE). No Qt."""
from __future__ import annotations

import re
from pathlib import Path

from hzmap.model.basemap.mbtiles import mbtiles_source
from hzmap.model.basemap.presets import PRESETS, preset
from hzmap.model.basemap.source import BasemapError, BasemapSource, host


def source_from_text(text: str, crs: str | None = None) -> BasemapSource:
    """The base map a command line names: a preset id (tianditu-img, osm, ...), an XYZ or WMTS
    URL template, an .mbtiles file, a GeoTIFF or a folder of XYZ tiles."""
    if text in PRESETS:
        return preset(text)
    if "://" not in text and not Path(text).exists():
        raise BasemapError(f"{text}: no such file or folder, and not a preset ({', '.join(PRESETS)})")
    if re.match(r"^https?://", text):
        kind = "wmts" if "{TileMatrix}" in text else "xyz"
        return BasemapSource(kind, url=text, crs=crs or "wgs84", name=host(text), attribution=host(text))
    path = Path(text)
    suffix = path.suffix.lower()
    if path.is_dir():
        return BasemapSource("folder", path=path.absolute(), crs=crs or "wgs84")
    if suffix == ".mbtiles":
        return mbtiles_source(path, crs)
    if suffix in (".tif", ".tiff", ".gtiff"):
        return BasemapSource("geotiff", path=path.absolute())
    raise BasemapError(f"{text}: not a base map hzmap reads (a preset such as "
                       f"{', '.join(list(PRESETS)[:3])}, an http(s) tile URL template, an .mbtiles "
                       f"file, a GeoTIFF or a folder of XYZ tiles)")
