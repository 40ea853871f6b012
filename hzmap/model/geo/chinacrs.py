"""China's web-map coordinate systems: WGS84 <-> GCJ-02 (Amap, Tencent) <-> BD-09 (Baidu). No Qt.

Coordinates copied from Amap or Tencent are in GCJ-02, from Baidu in BD-09; left as they are they
sit about 500 m (GCJ-02) or 1 km (BD-09) off on a WGS84 map, enough to put a point near the
钱塘江 in the wrong district. The forward formulas are the public ones (as in eviltransform and
coordtransform); the inverses are exact (fixed-point iteration to 1e-10 degrees, ~0.01 mm)
rather than the usual one-step approximations that are off by metres. geodata/build_geodata.py
converts the district boundaries (Amap, GCJ-02) with these same functions, so user data and the
base map agree. Everything is vectorised over (n, 2) lon/lat arrays; numpy only.
"""
from __future__ import annotations

import numpy as np

#: The systems a user can say their lon/lat came from, with the names the app shows.
SYSTEMS = {
    "wgs84": "WGS84 (GPS, OpenStreetMap, most GIS files)",
    "gcj02": "GCJ-02 (Amap 高德, Tencent 腾讯)",
    "bd09": "BD-09 (Baidu 百度)",
}

_A = 6378245.0  # Krasovsky 1940 semi-major axis, as in the published formula
_EE = 0.00669342162296594323
_X_PI = np.pi * 3000.0 / 180.0


def out_of_china(lon, lat) -> np.ndarray:
    """True where the GCJ-02 offset is not applied (the rough box the published formula uses)."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    return (lon < 72.004) | (lon > 137.8347) | (lat < 0.8293) | (lat > 55.8271)


def _gcj_delta(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x = lon - 105.0
    y = lat - 35.0
    d = 20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)
    dlat = d + 20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y * np.pi / 3.0)
    dlon = d + 20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x * np.pi / 3.0)
    dlat += 160.0 * np.sin(y * np.pi / 12.0) + 320.0 * np.sin(y * np.pi / 30.0)
    dlon += 150.0 * np.sin(x * np.pi / 12.0) + 300.0 * np.sin(x * np.pi / 30.0)
    dlat *= 2.0 / 3.0
    dlon *= 2.0 / 3.0
    dlat += -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    dlon += 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    rad = lat / 180.0 * np.pi
    magic = 1.0 - _EE * np.sin(rad) ** 2
    sq = np.sqrt(magic)
    dlat = dlat * 180.0 / ((_A * (1.0 - _EE)) / (magic * sq) * np.pi)
    dlon = dlon * 180.0 / (_A / sq * np.cos(rad) * np.pi)
    outside = out_of_china(lon, lat)
    return np.where(outside, 0.0, dlon), np.where(outside, 0.0, dlat)


def _as_coords(coords) -> np.ndarray:
    out = np.asarray(coords, dtype=float)
    if out.ndim != 2 or out.shape[1] < 2:
        raise ValueError(f"expected an (n, 2) array of lon/lat, got shape {out.shape}")
    return out[:, :2]


def wgs84_to_gcj02(coords) -> np.ndarray:
    """(n, 2) lon/lat WGS84 -> GCJ-02."""
    c = _as_coords(coords)
    dlon, dlat = _gcj_delta(c[:, 0], c[:, 1])
    return np.column_stack([c[:, 0] + dlon, c[:, 1] + dlat])


def _invert(forward, coords, tol_deg: float) -> np.ndarray:
    """w with forward(w) == coords, by fixed-point iteration w <- w + (coords - forward(w)).

    Both offset fields are smooth and small, so this converges in a handful of steps."""
    target = _as_coords(coords)
    w = target.copy()
    for _ in range(50):
        step = target - forward(w)
        w = w + step
        if np.max(np.abs(step), initial=0.0) < tol_deg:
            break
    return w


def gcj02_to_wgs84(coords, tol_deg: float = 1e-10) -> np.ndarray:
    """Exact inverse of wgs84_to_gcj02 (the one-step gcj - delta(gcj) is off by a few metres)."""
    return _invert(wgs84_to_gcj02, coords, tol_deg)


def gcj02_to_bd09(coords) -> np.ndarray:
    """(n, 2) lon/lat GCJ-02 -> BD-09 (Baidu's published forward formula)."""
    c = _as_coords(coords)
    x, y = c[:, 0], c[:, 1]
    z = np.sqrt(x * x + y * y) + 0.00002 * np.sin(y * _X_PI)
    theta = np.arctan2(y, x) + 0.000003 * np.cos(x * _X_PI)
    return np.column_stack([z * np.cos(theta) + 0.0065, z * np.sin(theta) + 0.006])


def bd09_to_gcj02(coords, tol_deg: float = 1e-10) -> np.ndarray:
    """Exact inverse of gcj02_to_bd09."""
    return _invert(gcj02_to_bd09, coords, tol_deg)


def wgs84_to_bd09(coords) -> np.ndarray:
    return gcj02_to_bd09(wgs84_to_gcj02(coords))


def bd09_to_wgs84(coords, tol_deg: float = 1e-10) -> np.ndarray:
    return gcj02_to_wgs84(bd09_to_gcj02(coords, tol_deg), tol_deg)


def to_wgs84(coords, system: str) -> np.ndarray:
    """lon/lat in `system` ("wgs84", "gcj02" or "bd09") -> WGS84."""
    if system == "wgs84":
        return _as_coords(coords).copy()
    if system == "gcj02":
        return gcj02_to_wgs84(coords)
    if system == "bd09":
        return bd09_to_wgs84(coords)
    raise ValueError(f"unknown coordinate system {system!r} (one of {', '.join(SYSTEMS)})")


def from_wgs84(coords, system: str) -> np.ndarray:
    """WGS84 lon/lat -> `system`; the inverse of to_wgs84 (tests, synthetic data)."""
    if system == "wgs84":
        return _as_coords(coords).copy()
    if system == "gcj02":
        return wgs84_to_gcj02(coords)
    if system == "bd09":
        return wgs84_to_bd09(coords)
    raise ValueError(f"unknown coordinate system {system!r} (one of {', '.join(SYSTEMS)})")
