"""Which coordinate system a layer's lon/lat are really in, from the file and from the map. No Qt.

Most Hangzhou files come from Amap (GCJ-02) or Baidu (BD-09) and say WGS84 or nothing: DataV's
boundary GeoJSON (the most common district source) is GCJ-02 and states no system at all, and
a shapefile exported from it often carries a WGS84 .prj. Read as they say, they sit 400-600 m
(GCJ-02) or 1 km and more (BD-09) off. Two kinds of evidence are weighed:

- the provider's signature in the columns: DataV's and Amap's `adcode`, `center`, `centroid`,
  `acroutes`, `childrenNum`, `parent`; Amap's POI fields (`pname`, `adname`, `typecode`);
  Baidu's (`uid`, `street_id`, `detail_info`); Tencent's (`ad_info`);
- the geometry itself: the layer is re-read as WGS84, GCJ-02 and BD-09 and each is measured
  against the district boundaries shipped in geodata/hangzhou.gpkg (themselves Amap's, converted
  exactly). A boundary file, or areas and vertices that follow district boundaries, lie within
  metres of them in the right system and hundreds of metres off in the others. Points that
  follow no boundary (a list of universities) give no such evidence, and none is claimed.

Nothing is shifted here: the check says what the layer was read as, what the evidence points to
and how far the proposed conversion moves it (`CrsCheck.proposal`); the dialog asks, the command
line prints a note naming `--crs`.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import numpy as np
import shapely

from hzmap.model.geo import chinacrs
from hzmap.model.layers.points import coordinates

SYSTEMS = ("wgs84", "gcj02", "bd09")
NEAR_M = 60.0          # a vertex this close to a district boundary follows it
MIN_SHARE = 0.15       # the share of vertices that must follow boundaries for the geometry to tell
SAMPLE = 4000          # vertices measured
_NAMES = {"wgs84": "WGS84", "gcj02": "GCJ-02", "bd09": "BD-09"}

# (system, provider, fields that only it writes, fields it shares with others); the columns of a
# file are compared lower-case with separators removed (childrenNum, children_num -> childrennum)
_SIGNATURES = (
    ("gcj02", "DataV/Amap boundary", {"acroutes", "childrennum", "subfeatureindex", "centroid"},
     {"adcode", "center", "parent", "level", "citycode"}),
    ("gcj02", "Amap", {"pname", "cityname", "adname", "typecode", "pcode", "navipoiid", "entrlocation",
                       "gridcode", "biztype", "polyline"}, {"adcode", "citycode", "location", "center"}),
    ("bd09", "Baidu", {"uid", "streetid", "detailinfo", "bdx", "bdy", "bd09lng", "bd09lat"},
     {"province", "city", "area", "detail", "telephone", "address", "location"}),
    ("gcj02", "Tencent", {"adinfo", "adinfoadcode", "tencentid"}, {"title", "category", "tel", "location"}),
)


def _key(column) -> str:
    return re.sub(r"[\s_\-.:]+", "", str(column)).casefold()


def signature(columns) -> tuple[str, str] | None:
    """(system, "Baidu: fields uid, street_id") when the columns carry a provider's fields."""
    keys = {_key(c): str(c) for c in columns}
    for system, provider, own, shared in _SIGNATURES:
        mine = [keys[k] for k in keys if k in own or any(k.startswith(o) for o in own if len(o) > 4)]
        common = [keys[k] for k in keys if k in shared]
        if mine and len(mine) + len(common) >= 2:
            listed = list(dict.fromkeys(mine + common))
            return system, f"{provider} fields {', '.join(listed[:5])}" + (" …" if len(listed) > 5 else "")
    return None


@dataclass(frozen=True)
class Fit:
    system: str
    median_m: float        # median distance of the vertices to the nearest district boundary
    share: float           # share of the vertices within NEAR_M of one


@dataclass
class CrsCheck:
    read_as: str                           # the system the layer was read as
    stated: str                            # what the file says, in words
    chosen: bool = False                   # the planner chose read_as (--crs, the dialog)
    signature: tuple[str, str] | None = None
    fits: dict = field(default_factory=dict)   # system -> Fit
    likely: str | None = None              # what the evidence points to (None: it does not tell)
    shift_m: float = 0.0                   # how far converting to `likely` moves the layer

    @property
    def geometry_tells(self) -> bool:
        return self.likely is not None and self.likely in self.fits and self.fits[self.likely].share >= MIN_SHARE

    @property
    def proposal(self) -> str | None:
        """The system to convert from, when the evidence contradicts what the layer was read as."""
        return self.likely if self.likely not in (None, self.read_as) else None

    def evidence(self) -> list[str]:
        """The reasons, in words, for the dialog and the command line."""
        out = []
        if self.signature is not None:
            out.append(f"{self.signature[1]} ({_NAMES[self.signature[0]]} data)")
        if self.geometry_tells:
            f = self.fits
            out.append("median distance to the district boundaries " + ", ".join(
                f"{f[s].median_m:,.0f} m as {_NAMES[s]}" for s in SYSTEMS if s in f)
                + f" ({f[self.likely].share:.0%} of its vertices lie on them as {_NAMES[self.likely]})")
        return out

    def note(self) -> str | None:
        """One line for the layer's notes, or None when there is nothing to say."""
        evidence = "; ".join(self.evidence())
        if self.proposal is not None:
            moved = f", which moves it about {self.shift_m:,.0f} m" if self.shift_m else ""
            said = "the file does not say" if self.stated == "nothing" else self.stated
            return (f"read as {_NAMES[self.read_as]} ({said}), but it looks like {_NAMES[self.proposal]} "
                    f"data: {evidence}. Not converted; to convert from {_NAMES[self.proposal]} choose it "
                    f"(--crs {self.proposal}){moved}")
        if self.read_as != "wgs84" and self.geometry_tells:
            f = self.fits
            return (f"converted from {_NAMES[self.read_as]}: {f['wgs84'].median_m:,.0f} m off the district "
                    f"boundaries as the file says, {f[self.read_as].median_m:,.0f} m after")
        if self.stated == "nothing" and not self.chosen and self.likely is None:
            return ("the file does not say which system its lon/lat are in and nothing in it tells: read as "
                    "WGS84; if it came from Amap or Tencent choose GCJ-02 (--crs gcj02), from Baidu BD-09 "
                    "(--crs bd09)")
        return None


_TREES: dict = {}  # id(geo) -> (geo, tree): the geodata is loaded once per process


def _boundary_tree(geo):
    """An STRtree of the district boundaries' segments (map metres)."""
    kept = _TREES.get(id(geo))
    if kept is not None and kept[0] is geo:
        return kept[1]
    rings = shapely.get_parts(shapely.boundary(np.array([f.geometry for f in geo.districts.values()],
                                                         dtype=object)))
    segs = []
    for ring in rings:
        xy = shapely.get_coordinates(ring)
        segs.append(np.stack([xy[:-1], xy[1:]], axis=1))
    segs = np.concatenate(segs)
    tree = shapely.STRtree(shapely.linestrings(segs))
    _TREES.clear()
    _TREES[id(geo)] = (geo, tree)
    return tree


@functools.lru_cache(maxsize=1)
def _transformers():
    from pyproj import Transformer

    from hzmap.model.geo.geodata import MAP_CRS

    return (Transformer.from_crs(MAP_CRS, "EPSG:4326", always_xy=True),
            Transformer.from_crs("EPSG:4326", MAP_CRS, always_xy=True))


def reinterpret(xy: np.ndarray, read_as: str, system: str) -> np.ndarray:
    """Map metres of lon/lat read as `read_as` -> map metres of the same numbers read as `system`."""
    if system == read_as:
        return xy
    back, fwd = _transformers()
    lon, lat = back.transform(xy[:, 0], xy[:, 1])
    raw = chinacrs.from_wgs84(np.column_stack([lon, lat]), read_as)
    wgs = chinacrs.to_wgs84(raw, system)
    x, y = fwd.transform(wgs[:, 0], wgs[:, 1])
    return np.column_stack([x, y])


def _sample(geoms) -> np.ndarray:
    xy = coordinates(geoms)
    xy = xy[np.isfinite(xy).all(axis=1)]
    if len(xy) > SAMPLE:
        xy = xy[np.linspace(0, len(xy) - 1, SAMPLE).round().astype(int)]
    return xy


def fits(geoms, geo, read_as: str) -> dict[str, Fit]:
    """How well the layer lies on the district boundaries read as each system."""
    xy = _sample(geoms)
    if not len(xy):
        return {}
    tree = _boundary_tree(geo)
    out = {}
    for system in SYSTEMS:
        pts = shapely.points(reinterpret(xy, read_as, system))
        _idx, dist = tree.query_nearest(pts, return_distance=True, all_matches=False)
        out[system] = Fit(system, float(np.median(dist)), float(np.mean(dist <= NEAR_M)))
    return out


def check(geoms, geo, columns, read_as: str, stated: str, chosen: bool) -> CrsCheck:
    """The evidence about a layer read as `read_as` (geometries in map metres)."""
    result = CrsCheck(read_as, stated, chosen, signature(columns))
    if geo is not None and len(geoms):
        result.fits = fits(geoms, geo, read_as)
    ranked = sorted(result.fits.values(), key=lambda f: -f.share)
    if ranked and ranked[0].share >= MIN_SHARE and ranked[0].share >= 2 * ranked[1].share:
        result.likely = ranked[0].system
    elif result.signature is not None:
        result.likely = result.signature[0]
    if chosen and result.likely is not None and not result.geometry_tells:
        result.likely = read_as  # the planner's choice stands against a signature alone
    if result.proposal is not None:
        xy = _sample(geoms)[:200]
        moved = reinterpret(xy, read_as, result.proposal) - xy
        result.shift_m = float(np.median(np.hypot(moved[:, 0], moved[:, 1])))
    return result
