"""A tile server on 127.0.0.1 for the base map tests, started and stopped by the test.

Every tile is generated: pale grey with a red disc at MARK (WGS84 lon/lat), drawn where that
point falls in the tile grid of the route's datum (a GCJ-02 route draws it where 高德 would,
about 500 m off), so a test can check the map puts the mark back where the coordinate is.

Routes: /xyz/{z}/{x}/{y}.png, /img/{z}/{x}/{y}.jpg (imagery-like JPEG tiles), /wmts?...TILEMATRIX=z&TILEROW=y&TILECOL=x (KVP, as 天地图; LAYER=img is imagery, LAYER=cia its notes),
/gcj/{z}/{x}/{y}.png, /notes/{z}/{x}/{y}.png (a transparent layer with a blue square at NOTE),
/key/{z}/{x}/{y}.png?tk=K (HTTP 403 unless K is KEY), and the bad ones: /html/... (a web page
instead of an image), /huge/... (50 MB, no Content-Length), /hugelen/... (Content-Length 50 MB),
/silent/... (accepts the connection and never answers), /slow/... (xyz, half a second a tile).
"""
from __future__ import annotations

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import numpy as np

MARK = (120.2135, 30.2905)   # near 杭州东站
NOTE = (120.1700, 30.2600)
KEY = "good-key"
RADIUS = 4.0


def _global_px(lon: float, lat: float, z: int, crs: str) -> tuple[float, float]:
    from hzmap.model.basemap import grid

    lo, la = grid.tile_lonlat(np.array([lon]), np.array([lat]), crs)
    mx, my = grid.mercator(lo, la)
    ox, oy, cell, _ = grid.matrix(z)
    return float((mx[0] - ox) / cell), float((oy - my[0]) / cell)


def tile_png(z: int, x: int, y: int, crs: str = "wgs84", notes: bool = False, photo: bool = False) -> bytes:
    from PIL import Image

    rgba = np.zeros((256, 256, 4), np.uint8)
    if photo:  # imagery-like: fields and texture, JPEG-sized (20-30 KB)
        rng = np.random.default_rng(z * 1_000_003 + x * 1009 + y)
        base = rng.integers(60, 160, size=(8, 8, 3)).repeat(32, 0).repeat(32, 1)
        rgba[..., :3] = np.clip(base + rng.normal(0, 18, size=(256, 256, 3)), 0, 255)
        rgba[..., 3] = 255
    elif not notes:
        rgba[...] = (236, 236, 230, 255)
        rgba[::32, :, :3] = 200  # a faint grid, so the picture is not blank
        rgba[:, ::32, :3] = 200
    px, py = _global_px(*(NOTE if notes else MARK), z, crs)
    cx, cy = px - x * 256, py - y * 256
    rows, cols = np.mgrid[0:256, 0:256]
    if notes:
        inside = (np.abs(cols + 0.5 - cx) <= RADIUS) & (np.abs(rows + 0.5 - cy) <= RADIUS)
        rgba[inside] = (0, 0, 255, 255)
    else:
        inside = np.hypot(cols + 0.5 - cx, rows + 0.5 - cy) <= RADIUS
        rgba[inside] = (255, 0, 0, 255)
    buf = io.BytesIO()
    if photo:
        Image.fromarray(rgba[..., :3], "RGB").save(buf, "JPEG", quality=80)
    else:
        Image.fromarray(rgba, "RGBA").save(buf, "PNG")
    return buf.getvalue()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        server = self.server
        url = urlparse(self.path)
        parts = url.path.strip("/").split("/")
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        server.requests.append(self.path)
        route = parts[0]
        if route == "silent":
            server.stopping.wait(120)
            return
        if route == "slow":  # every tile takes half a second
            server.stopping.wait(0.5)
        if route == "wmts":
            z, y, x = int(query["TILEMATRIX"]), int(query["TILEROW"]), int(query["TILECOL"])
        else:
            z, x, y = int(parts[1]), int(parts[2]), int(parts[3].split(".")[0])
        if route == "key" and query.get("tk") != KEY:
            return self._send(403, b"<html>invalid key</html>", "text/html")
        if route == "html":
            return self._send(200, b"<!DOCTYPE html><html><body>maintenance</body></html>", "text/html")
        if route in ("huge", "hugelen"):
            return self._huge(with_length=route == "hugelen")
        photo = route == "img" or query.get("LAYER") == "img"  # 天地图's imagery and notes (cia)
        body = tile_png(z, x, y, crs="gcj02" if route == "gcj" else "wgs84",
                        notes=route == "notes" or query.get("LAYER") == "cia", photo=photo)
        self._send(200, body, "image/jpeg" if photo else "image/png")

    def _send(self, code: int, body: bytes, ctype: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _huge(self, with_length: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        if with_length:
            self.send_header("Content-Length", str(50 * 1024 * 1024))
        self.end_headers()
        chunk = b"\x89PNG\r\n\x1a\n" + b"\0" * (1024 * 1024 - 8)
        try:
            for _ in range(50):
                self.wfile.write(chunk)
        except OSError:
            pass  # the client hung up once it had enough


class TileServer:
    def __init__(self, port: int = 0) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.requests = []
        self.httpd.stopping = threading.Event()
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def requests(self) -> list:
        return self.httpd.requests

    def start(self) -> "TileServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> "TileServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def write_geotiff(path, mark=MARK, step: float = 0.001):
    """A GeoTIFF (EPSG:4326, `step`° pixels, 200×160) with a red 5-pixel square centred on `mark`,
    as an office's 影像 image would be georeferenced."""
    import tifffile

    c, r = 100, 80
    lon0, lat0 = mark[0] - (c + 0.5) * step, mark[1] + (r + 0.5) * step
    img = np.full((160, 200, 3), 230, np.uint8)
    img[r - 2:r + 3, c - 2:c + 3] = (255, 0, 0)
    keys = [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326]
    tifffile.imwrite(path, img, photometric="rgb", compression="zlib",
                     extratags=[(33550, "d", 3, (step, step, 0.0)), (33922, "d", 6, (0, 0, 0, lon0, lat0, 0)),
                                (34735, "H", len(keys), keys)])
    return path
