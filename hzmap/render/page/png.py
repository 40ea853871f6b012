"""PNG files of finished maps, encoded in a quarter of the time matplotlib's writer takes.

matplotlib writes PNGs through Pillow, which tries every PNG row filter on every row and keeps
the best ("adaptive" filtering): on an A4 map at 300 DPI (3507 × 2480 px) that search and zlib
at level 6 take about 0.26 s, for a 736 KB file. A map is large areas of flat colour, which
deflate compresses well unfiltered: the same rows with no filter, at zlib level 3, take about
0.06 s, for an 811 KB file (a tenth larger). The file is the same kind as before (8-bit RGBA,
with the DPI and the title) and holds the same pixels (tests read them back).

Level 3 is as fast as level 1 here and a tenth smaller; level 6 would save a fifth of the size
for about 40 ms more a page. Dropping the alpha channel of an opaque page (RGB) would save a
further fifth, but compresses 20 ms slower: these rows match better four bytes a pixel. A page
over a base map's imagery is another matter: there RGB deflates twice as fast and a sixth
smaller, so a Figure marked `png_rgb` (the exporter marks pages with a base map) is written as
RGB when it is opaque.

The stream is compressed a band of rows at a time, so no second copy of the page is held. A
large page (a base map's imagery at 300 DPI compresses about ten times slower than flat colour)
is cut into slices deflated on threads at once (zlib lets go of the GIL), joined the way pigz
joins them: each slice ends on a byte boundary (a sync flush), and the zlib stream's Adler-32 is
taken over all the rows.
"""
from __future__ import annotations

import struct
import zlib

import numpy as np

LEVEL = 3
ROWS_PER_BAND = 128
SLICES = 4                 # at most this many threads deflate one page
SLICE_MIN_PX = 2_000_000   # pixels a slice must have to be worth a thread
SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _text_chunk(key: str, value: str) -> bytes:
    """tEXt for Latin-1 text, else an uncompressed iTXt (UTF-8), as Pillow writes them."""
    try:
        return _chunk(b"tEXt", key.encode("latin-1") + b"\0" + value.encode("latin-1"))
    except UnicodeEncodeError:
        return _chunk(b"iTXt", key.encode("latin-1") + b"\0\0\0\0\0" + value.encode("utf-8"))


def encode(rgba: np.ndarray, dpi: float, metadata: dict | None = None, level: int = LEVEL) -> bytes:
    """An 8-bit RGBA PNG of an (h, w, 4) uint8 image (or RGB of an (h, w, 3) one), with its DPI
    and text metadata."""
    h, w, bands = rgba.shape
    head = [SIGNATURE, _chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6 if bands == 4 else 2, 0, 0, 0))]
    ppm = int(dpi / 0.0254 + 0.5)  # pixels per metre, as Pillow rounds them
    head.append(_chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)))
    for key, value in (metadata or {}).items():
        if value is not None:
            head.append(_text_chunk(key, str(value)))
    rows = rgba.reshape(h, bands * w)
    slices = max(1, min(SLICES, h * w // SLICE_MIN_PX))
    bounds = [h * i // slices for i in range(slices + 1)]
    if slices == 1:
        body = _deflate(rows, 0, h, level, last=True)[0]
        stream = b"\x78\x5e" + body
    else:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=slices) as pool:
            done = list(pool.map(lambda i: _deflate(rows, bounds[i], bounds[i + 1], level, last=i == slices - 1),
                                 range(slices)))
        adler = 1
        for _body, part_adler in done:
            adler = _adler_combine(adler, part_adler[0], part_adler[1])
        stream = b"\x78\x5e" + b"".join(d[0] for d in done) + struct.pack(">I", adler)
    return b"".join(head) + _chunk(b"IDAT", stream) + _chunk(b"IEND", b"")


def _deflate(rows: np.ndarray, y0: int, y1: int, level: int, last: bool):
    """Raw deflate of rows y0..y1 (each with filter byte 0); the stream's own trailer is added
    by the caller. Returns (bytes, (adler32 of the rows, their length))."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    band = np.zeros((min(ROWS_PER_BAND, y1 - y0), rows.shape[1] + 1), np.uint8)  # filter byte 0: none
    parts, adler, length = [], 1, 0
    for a in range(y0, y1, ROWS_PER_BAND):
        n = min(ROWS_PER_BAND, y1 - a)
        band[:n, 1:] = rows[a:a + n]
        data = band[:n]
        parts.append(compressor.compress(data))
        adler = zlib.adler32(data, adler)
        length += data.nbytes
    parts.append(compressor.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH))
    body = b"".join(parts)
    if last and len(rows) == y1 and y0 == 0:  # a single slice: the whole stream's trailer
        body += struct.pack(">I", adler)
    return body, (adler, length)


def _adler_combine(a1: int, a2: int, len2: int) -> int:
    """Adler-32 of A+B from those of A and B and B's length (zlib's adler32_combine)."""
    base = 65521
    rem = len2 % base
    s1a, s2a = a1 & 0xFFFF, a1 >> 16
    s1b, s2b = a2 & 0xFFFF, a2 >> 16
    s1 = (s1a + s1b - 1) % base
    s2 = (s2a + s2b + rem * s1a - rem) % base
    return (s2 << 16) | s1


class _Frame:
    """What savefig(format="rgba") writes: the canvas's own pixel buffer, kept, not copied."""

    def __init__(self) -> None:
        self.pixels = None

    def write(self, data) -> None:
        self.pixels = data

    def seek(self, *_args) -> None:  # matplotlib takes an object with seek() for a file
        pass


def figure_png(fig, dpi: float, metadata: dict | None = None, facecolor=None) -> bytes:
    """Draw `fig` as savefig does (same DPI, face colour and renderer) and encode it."""
    frame = _Frame()
    fig.savefig(frame, format="rgba", dpi=dpi, facecolor=fig.get_facecolor() if facecolor is None else facecolor)
    pixels = np.asarray(frame.pixels)  # Agg's buffer: (height, width, 4) bytes
    if getattr(fig, "png_rgb", False) and (pixels[..., 3] == 255).all():
        pixels = np.ascontiguousarray(pixels[..., :3])
    return encode(pixels, dpi, metadata)
