"""A GeoTIFF as a base map: an office's 影像 image, placed where its georeference says. No Qt.

tifffile reads the TIFF's structure and its GeoTIFF tags (the georeference: ModelTiepoint with
ModelPixelScale, or ModelTransformation, and the GeoKeys naming the CRS by its EPSG code);
Pillow, already needed by matplotlib, decodes the pixels with the compressions GeoTIFFs use
(none, LZW, Deflate, PackBits, JPEG), which tifffile alone needs another 30 MB of codecs for.
We chose these over rasterio, which would bring a second copy of GDAL (about 110 MB installed)
for one image read: the install has a size budget. No GDAL is involved, so no file can make
hzmap open another file or a URL. Pyproj and the map's own warper (hzmap.model.basemap.warp)
reproject each picture from the image's CRS onto the map's.

A file without a georeference, with a CRS that is not an EPSG code, with more pixels than
MAX_PIXELS or with more than four bands is refused with a message naming the file and the reason.
An image larger than MAX_SIDE on its long side is kept reduced to that size.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hzmap.model.basemap import warp
from hzmap.model.basemap.source import BasemapError

MAX_PIXELS = 250_000_000
MAX_SIDE = 6144
USER_DEFINED = 32767


class GeoTiffError(BasemapError):
    pass


@dataclass
class Georef:
    """col, row (pixel corners, row 0 at the top) -> x, y in `epsg`."""

    matrix: np.ndarray  # 2x3 affine
    epsg: int

    def inverse(self) -> np.ndarray:
        m = np.vstack([self.matrix, [0.0, 0.0, 1.0]])
        return np.linalg.inv(m)[:2]


def read_georef(path) -> tuple[Georef, tuple[int, int, int]]:
    """The georeference and (height, width, bands) of a GeoTIFF."""
    import tifffile

    try:
        with tifffile.TiffFile(path) as tif:
            page = tif.pages.first
            tags = page.geotiff_tags if tif.is_geotiff else None
            shape = (int(page.imagelength), int(page.imagewidth), int(page.samplesperpixel))
    except (tifffile.TiffFileError, ValueError, OSError, IndexError, KeyError) as exc:
        raise GeoTiffError(f"{path}: not a readable TIFF ({str(exc)[:100]})") from None
    if not tags:
        raise GeoTiffError(f"{path}: the image has no georeference (no GeoTIFF tags): hzmap cannot "
                           "tell where it lies. Georeference it in QGIS (Georeferencer) or save it as "
                           "a GeoTIFF with its coordinate system")
    code = tags.get("ProjectedCSTypeGeoKey") or tags.get("GeographicTypeGeoKey")
    if code is None or int(code) in (0, USER_DEFINED):
        raise GeoTiffError(f"{path}: the image's coordinate system is not given as an EPSG code "
                           "(a user-defined CRS); save it with an EPSG CRS such as 4490, 4326 or 4549")
    if "ModelTransformation" in tags:
        t = np.asarray(tags["ModelTransformation"], dtype=float).reshape(4, 4)
        matrix = np.array([[t[0, 0], t[0, 1], t[0, 3]], [t[1, 0], t[1, 1], t[1, 3]]])
    elif "ModelPixelScale" in tags and "ModelTiepoint" in tags:
        sx, sy = (float(v) for v in tags["ModelPixelScale"][:2])
        i, j, _k, x, y = (float(v) for v in tags["ModelTiepoint"][:5])
        matrix = np.array([[sx, 0.0, x - i * sx], [0.0, -sy, y + j * sy]])
    else:
        raise GeoTiffError(f"{path}: the GeoTIFF tags give no pixel-to-map transformation")
    if int(tags.get("GTRasterTypeGeoKey", 1)) == 2:  # PixelIsPoint: the tiepoint is a pixel's centre
        matrix[:, 2] -= 0.5 * (matrix[:, 0] + matrix[:, 1])
    if not np.isfinite(matrix).all() or abs(np.linalg.det(matrix[:, :2])) < 1e-18:
        raise GeoTiffError(f"{path}: the georeference is degenerate (pixel size zero or not a number)")
    return Georef(matrix, int(code)), shape


def _pixels(path, shape) -> tuple[np.ndarray, int]:
    """RGBA pixels (reduced to MAX_SIDE) and the reduction factor."""
    from PIL import Image, UnidentifiedImageError

    h, w, bands = shape
    if h * w > MAX_PIXELS:
        raise GeoTiffError(f"{path}: {w}×{h} pixels is more than hzmap reads ({MAX_PIXELS // 1_000_000} "
                           "million); make a smaller copy (gdal_translate -outsize 25% 25%)")
    if bands > 4:
        raise GeoTiffError(f"{path}: the image has {bands} bands; hzmap draws images of 1, 3 or 4 bands")
    Image.MAX_IMAGE_PIXELS = max(Image.MAX_IMAGE_PIXELS or 0, MAX_PIXELS)
    try:
        with Image.open(path) as im:
            factor = max(1, -(-max(im.size) // MAX_SIDE))
            if factor > 1:
                im = im.reduce(factor)
            if im.mode in ("I;16", "I;16B", "I", "F"):
                a = np.asarray(im, dtype=np.float32)
                lo, hi = np.nanpercentile(a, [2, 98]) if a.size else (0, 1)
                grey = np.clip((a - lo) / max(hi - lo, 1e-9) * 255, 0, 255).astype(np.uint8)
                im = Image.fromarray(grey, "L")
            rgba = np.asarray(im.convert("RGBA"), dtype=np.uint8).copy()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise GeoTiffError(f"{path}: the pixels cannot be read ({str(exc)[:100]})") from None
    return rgba, factor


class RasterPicture:
    def __init__(self, path, georef: Georef, rgba: np.ndarray, factor: int) -> None:
        from pyproj import CRS, Transformer
        from pyproj.exceptions import CRSError

        from hzmap.model.geo.geodata import MAP_CRS

        self.path, self.georef, self.rgba, self.factor = path, georef, rgba, factor
        try:
            crs = CRS.from_epsg(georef.epsg)
        except CRSError:
            raise GeoTiffError(f"{path}: EPSG:{georef.epsg} is not a coordinate system pyproj knows") from None
        self._to_image_crs = Transformer.from_crs(MAP_CRS, crs, always_xy=True)
        self._inverse = georef.inverse()

    def bounds(self) -> tuple[float, float, float, float]:
        """(x0, x1, y0, y1) of the image in map metres."""
        h, w = self.rgba.shape[:2]
        cols = np.array([0, w, w, 0, w / 2, 0, w / 2, w]) * self.factor
        rows = np.array([0, 0, h, h, 0, h / 2, h, h / 2]) * self.factor
        m = self.georef.matrix
        x, y = m[0, 0] * cols + m[0, 1] * rows + m[0, 2], m[1, 0] * cols + m[1, 1] * rows + m[1, 2]
        from pyproj import Transformer

        back = Transformer.from_crs(self._to_image_crs.target_crs, self._to_image_crs.source_crs, always_xy=True)
        mx, my = back.transform(x, y)
        return float(np.min(mx)), float(np.max(mx)), float(np.min(my)), float(np.max(my))

    def picture(self, extent, width: int, height: int) -> np.ndarray:
        inv = self._inverse

        def to_source(X, Y):
            sx, sy = self._to_image_crs.transform(X, Y)
            col = (inv[0, 0] * sx + inv[0, 1] * sy + inv[0, 2]) / self.factor
            row = (inv[1, 0] * sx + inv[1, 1] * sy + inv[1, 2]) / self.factor
            return col, row

        return warp.warp(self.rgba, to_source, extent, width, height)


def open_geotiff(path) -> RasterPicture:
    from hzmap.model.files.safeio import FileProblem, regular_stat

    try:
        regular_stat(path, what="GeoTIFF")
    except FileProblem as exc:
        raise GeoTiffError(str(exc)) from None
    georef, shape = read_georef(path)
    rgba, factor = _pixels(path, shape)
    return RasterPicture(path, georef, rgba, factor)
