"""The tile services a planner can pick by name. No Qt.

天地图 (the national platform whose tiles government maps use) is not in xyzservices, so its
three maps are written out here: vector (矢量), imagery (影像) and terrain (地形), each drawn
with its annotation layer (注记), all on the "w" (Web Mercator) matrix set of its WMTS, with the
planner's own key in `{tk}`. OpenStreetMap and 高德 come from xyzservices' provider list, which
keeps their URLs and attributions up to date; 高德's tiles are GCJ-02.

The 审图号 is left empty: it is printed on the provider's site and changes with each approval,
so the planner enters it with the base map (the dialog) and exports carry what was entered.
`download_limit` follows each provider's terms: OpenStreetMap's tile policy forbids bulk
downloading and 高德's terms forbid keeping tiles, so neither offers "download for offline".
"""
from __future__ import annotations

from hzmap.model.basemap.source import BasemapError, BasemapSource

_TDT = ("https://t{s}.tianditu.gov.cn/%s_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
        "&LAYER=%s&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles"
        "&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}&tk={tk}")
TIANDITU_CREDIT = "天地图 © 国家地理信息公共服务平台"
TIANDITU_CREDIT_EN = "Tianditu © National Platform for Common Geospatial Information Services"
TIANDITU_TILE_LIMIT = 10_000  # a personal key's daily allowance is of this order


def _tianditu(layer: str, notes: str, name: str, max_zoom: int, imagery: bool) -> BasemapSource:
    return BasemapSource("wmts", url=_TDT % (layer, layer), overlay=_TDT % (notes, notes),
                         subdomains="01234567", name=name, provider=f"tianditu-{layer}",
                         attribution=TIANDITU_CREDIT, max_zoom=max_zoom, min_zoom=1,
                         download_limit=TIANDITU_TILE_LIMIT, imagery=imagery)


def _xyzservices(name: str, pid: str, label: str, crs: str, imagery: bool) -> BasemapSource:
    import xyzservices.providers as xyz

    p = xyz.query_name(name)
    url = p["url"].replace("{r}", "")
    forbid = 0  # see the module's docstring
    return BasemapSource("xyz", url=url, subdomains="".join(p.get("subdomains", "")), name=label,
                         provider=pid, attribution=p.get("attribution", ""), crs=crs,
                         max_zoom=int(p.get("max_zoom", 18)), download_limit=forbid, imagery=imagery)


#: preset id -> (menu text "中文 English", how to make it)
PRESETS = {
    "tianditu-img": ("天地图 影像 Tianditu imagery",
                     lambda: _tianditu("img", "cia", "天地图影像", 18, True)),
    "tianditu-vec": ("天地图 矢量 Tianditu vector",
                     lambda: _tianditu("vec", "cva", "天地图矢量", 18, False)),
    "tianditu-ter": ("天地图 地形 Tianditu terrain",
                     lambda: _tianditu("ter", "cta", "天地图地形", 14, False)),
    "osm": ("OpenStreetMap", lambda: _xyzservices("OpenStreetMap.Mapnik", "osm", "OpenStreetMap", "wgs84", False)),
    "gaode-vec": ("高德 矢量 Amap vector (GCJ-02)",
                  lambda: _xyzservices("Gaode.Normal", "gaode-vec", "高德地图", "gcj02", False)),
    "gaode-img": ("高德 影像 Amap imagery (GCJ-02)",
                  lambda: _xyzservices("Gaode.Satellite", "gaode-img", "高德影像", "gcj02", True)),
}


def preset(pid: str) -> BasemapSource:
    if pid not in PRESETS:
        raise BasemapError(f"no base map preset {pid!r}; presets: {', '.join(PRESETS)}")
    return PRESETS[pid][1]()


def with_preset_settings(source: BasemapSource, review_number: str | None = None) -> BasemapSource:
    """`source` with the 审图号 the planner entered for its provider."""
    from dataclasses import replace

    return source if review_number is None else replace(source, review_number=review_number.strip()[:80])
