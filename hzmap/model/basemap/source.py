"""What a base map is: BasemapSource, the `source` of the View's layer of kind "basemap". No Qt.

Offline kinds read a file the planner has: "geotiff" (an office's 影像 image), "mbtiles", or
"folder" (XYZ tiles as folder/{z}/{x}/{y}.png). Online kinds fetch from a tile service when the
planner turns one on: "xyz" (a URL template with {z}, {x}, {y}) and "wmts" (a KVP or RESTful
template with {TileMatrix}, {TileRow}, {TileCol}, on the GoogleMapsCompatible grid that 天地图's
"w" matrix set uses). `{s}` takes one of `subdomains`, `{tk}` the planner's key, which is never
part of a BasemapSource: it is kept in the settings and handed to the loader when tiles are
fetched, so a project file never holds it.

`crs` says which datum the tiles' Web Mercator grid is drawn in: "wgs84" for 天地图, OSM and
most services, "gcj02" for 高德 and other Chinese web maps, whose tiles are shifted about 500 m
(hzmap.model.geo.chinacrs); the map puts them back where they belong.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

KINDS = ("xyz", "wmts", "mbtiles", "folder", "geotiff")
ONLINE = ("xyz", "wmts")
TILE_CRS = ("wgs84", "gcj02")
MAX_ZOOM = 22
KEY = "{tk}"
_PLACEHOLDER = re.compile(r"\{([A-Za-z-]+)\}")
_ALLOWED = {"xyz": {"z", "x", "y", "s", "tk", "-y"},
            "wmts": {"TileMatrix", "TileRow", "TileCol", "z", "x", "y", "s", "tk"}}


class BasemapError(Exception):
    """A base map that cannot be used as given; the message names the file or service and why."""


@dataclass(frozen=True)
class BasemapSource:
    kind: str
    url: str | None = None
    path: Path | None = None
    crs: str = "wgs84"
    name: str = ""
    provider: str = "custom"
    attribution: str = ""
    review_number: str = ""  # 审图号 as the provider prints it, e.g. on its site's footer
    min_zoom: int = 0
    max_zoom: int = 18
    subdomains: str = ""
    overlay: str | None = None  # a second template drawn over the first (天地图's annotation)
    download_limit: int = 50_000  # the most tiles one download may take; 0: the provider forbids it
    imagery: bool = False  # photographs (JPEG-sized tiles) rather than a drawn map

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise BasemapError(f"unknown base map kind {self.kind!r} (one of {', '.join(KINDS)})")
        if self.crs not in TILE_CRS:
            raise BasemapError(f"unknown tile coordinate system {self.crs!r} (one of {', '.join(TILE_CRS)})")
        for name in ("min_zoom", "max_zoom", "download_limit"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise BasemapError(f"{name} {value!r} is not a whole number >= 0")
        if not self.min_zoom <= self.max_zoom <= MAX_ZOOM:
            raise BasemapError(f"zoom range {self.min_zoom}-{self.max_zoom} is not within 0-{MAX_ZOOM}")
        if self.kind in ONLINE:
            check_template(self.url, self.kind)
            if self.overlay is not None:
                check_template(self.overlay, self.kind)
        elif self.path is None:
            raise BasemapError(f"a {self.kind} base map needs a file")
        elif not isinstance(self.path, Path):
            object.__setattr__(self, "path", Path(self.path))

    @property
    def online(self) -> bool:
        return self.kind in ONLINE

    @property
    def needs_key(self) -> bool:
        return self.online and any(KEY in (t or "") for t in (self.url, self.overlay))

    @property
    def servers(self) -> str:
        """The hosts an online base map fetches from ("t0.tianditu.gov.cn"), for the notes that
        say where tiles would come from; "" for a file."""
        found = [host(t.replace("{s}", self.subdomains[:1])) for t in (self.url, self.overlay) if t and self.online]
        return ", ".join(dict.fromkeys(found))

    @property
    def label(self) -> str:
        """How the layer list and the sources line name it."""
        if self.name:
            return self.name
        if self.path is not None:
            return self.path.name
        return host(self.url or "")

    def credit(self, en: bool = False) -> str:
        """The attribution, with the 审图号 where the provider has one."""
        parts = [self.attribution or self.label]
        if self.review_number:
            parts.append(("Map approval no. " if en else "审图号: ") + self.review_number)
        return ", ".join(p for p in parts if p)


def check_template(template: str | None, kind: str) -> None:
    """A URL template hzmap can fill: http(s), with the placeholders of its kind only."""
    if not isinstance(template, str) or not template:
        raise BasemapError(f"a {kind} base map needs a URL template")
    if not re.match(r"^https?://[^/\s]+", template):
        raise BasemapError(f"{template[:80]!r} is not an http(s) URL template")
    if any(c.isspace() for c in template):
        raise BasemapError(f"{template[:80]!r} contains spaces")
    names = set(_PLACEHOLDER.findall(template))
    unknown = names - _ALLOWED[kind]
    if unknown:
        raise BasemapError(f"{template[:80]!r}: unknown placeholder(s) "
                           + ", ".join("{" + n + "}" for n in sorted(unknown)))
    need = ({"z", "x"}, {"TileMatrix", "TileCol"}) if kind == "wmts" else ({"z", "x"},)
    if not any(n <= names for n in need) or not names & {"y", "-y", "TileRow"}:
        raise BasemapError(f"{template[:80]!r} lacks the tile placeholders "
                           + ("{TileMatrix}, {TileRow}, {TileCol}" if kind == "wmts" else "{z}, {x}, {y}"))


def host(url: str) -> str:
    m = re.match(r"^https?://([^/?#]+)", url)
    return m.group(1) if m else url[:40]


_KEY_PARAM = re.compile(r"(?i)([?&](?:tk|key|token|access_token|apikey)=)([^&#{]+)")


def split_key(template: str) -> tuple[str, str | None]:
    """A template with a key written into it (…&tk=0123abcd) -> (…&tk={tk}, "0123abcd"): the key
    goes to the settings, the template without it to the project."""
    m = _KEY_PARAM.search(template)
    if m is None:
        return template, None
    return template[:m.start(2)] + KEY + template[m.end(2):], m.group(2)
