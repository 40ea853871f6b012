"""Hatches survive every format: the PDF, rendered (PDFium and Poppler), shows the hatch lines
the PNG shows, in a colour apart from the fill; the SVG's patterns draw their lines in a colour
other than the fill's."""
import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from hzmap.model.geo.extent import Extent  # noqa: E402
from hzmap.model.geo.geodata import to_map  # noqa: E402
from hzmap.model.geo.views import view_extent  # noqa: E402
from hzmap.model.view.viewstate import View  # noqa: E402
from hzmap.render.page.compose import ExportSpec, compose  # noqa: E402
from hzmap.render.page.export_io import save  # noqa: E402

DPI = 100


def _spec(geo, layout="dt_4415", preset="city"):
    view = View(extent=Extent.from_bounds(view_extent(geo, preset)), preset=preset, layout=layout)
    return ExportSpec(view=view, preset="a4-landscape", dpi=DPI, date=dt.date(2026, 1, 1))


def pdf_pixels(path, renderer="pdfium") -> np.ndarray:
    """The PDF's first page as pixels, drawn by PDFium (Chrome's viewer; a test dependency) or
    by Poppler's pdftoppm (Evince, Okular and most Linux viewers) where it is installed."""
    if renderer == "poppler":
        exe = shutil.which("pdftoppm")
        if exe is None:
            pytest.skip("pdftoppm (Poppler) is not installed")
        out = Path(path).with_suffix("")
        subprocess.run([exe, "-r", str(DPI), "-png", "-singlefile", str(path), str(out)], check=True,
                       capture_output=True, timeout=120)
        return png_pixels(out.with_suffix(".png"))
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        image = doc[0].render(scale=DPI / 72).to_pil().convert("RGB")
    finally:
        doc.close()
    return np.asarray(image, dtype=np.int16)


def png_pixels(path) -> np.ndarray:
    with Image.open(path) as im:
        return np.asarray(im.convert("RGB"), dtype=np.int16)


def _window(pixels, page, lonlat, half=18):
    """The square of pixels around a map point (figure pixels, y down)."""
    ax = page.scene.ax
    x, y = ax.transData.transform(to_map(*lonlat))
    h = pixels.shape[0]
    row, col = int(round(h - y)), int(round(x))
    return pixels[row - half:row + half, col - half:col + half].reshape(-1, 3)


def _two_tones(window) -> tuple[np.ndarray, np.ndarray, float]:
    """The fill (the lightest common tone) and the hatch lines (clearly darker pixels), and
    the share of the window the lines take."""
    grey = window.mean(axis=1)
    fill = np.median(window[grey >= np.percentile(grey, 60)], axis=0)
    dark = window[grey < fill.mean() - 40]
    share = len(dark) / len(window)
    return fill, (np.median(dark, axis=0) if len(dark) else fill), share


# 建德 (全域联动, hatched "xx") and 萧山's south (自贸试验区引领区, the first element: no hatch)
HATCHED, PLAIN = (119.45, 29.45), (120.214, 29.89)


@pytest.mark.parametrize("renderer", ["pdfium", "poppler"])
def test_pdf_keeps_the_hatch_lines_the_png_has(data, tmp_path, renderer):
    geo, ds = data
    page = compose(_spec(geo), geo, ds)
    png = png_pixels(save(page.figure, tmp_path / "map.png"))
    page = compose(_spec(geo), geo, ds)
    pdf = pdf_pixels(save(page.figure, tmp_path / "map.pdf"), renderer)
    assert abs(pdf.shape[0] - png.shape[0]) <= 1 and abs(pdf.shape[1] - png.shape[1]) <= 1
    for pixels, name in ((png, "png"), (pdf, "pdf")):
        fill, lines, share = _two_tones(_window(pixels, page, HATCHED))
        assert share > 0.08, f"{name}: no hatch lines over 全域联动 ({share:.0%} dark pixels)"
        assert np.abs(fill - lines).max() > 60, f"{name}: hatch lines {lines} in the fill's colour {fill}"
        _, _, plain_share = _two_tones(_window(pixels, page, PLAIN, half=8))
        assert plain_share < 0.03, f"{name}: lines where the group has no hatch"
    shares = [_two_tones(_window(p, page, HATCHED))[2] for p in (png, pdf)]
    assert 0.6 < shares[0] / shares[1] < 1.6, shares   # the same density of lines in both
    fills = [_two_tones(_window(p, page, HATCHED))[0] for p in (png, pdf)]
    assert np.abs(fills[0] - fills[1]).max() <= 12, fills  # and the same fill


def test_svg_patterns_draw_lines_apart_from_the_fill(data, tmp_path):
    geo, ds = data
    page = compose(_spec(geo, "st_core_belt_wings"), geo, ds)
    svg = save(page.figure, tmp_path / "map.svg").read_text(encoding="utf-8")
    patterns = re.findall(r'<pattern id="(\w+)".*?</pattern>', svg, flags=re.S)
    assert len(patterns) >= 2  # the schematic corridor's and the district group's
    for pid in patterns:
        body = re.search(rf'<pattern id="{pid}".*?</pattern>', svg, flags=re.S).group(0)
        rect_fill = re.search(r'<rect [^>]*fill="([^"]+)"', body).group(1)
        stroke = re.search(r"stroke: (#[0-9a-f]{6})", body).group(1)
        assert stroke != rect_fill, pid
        for use in re.findall(rf'style="fill: url\(#{pid}\)([^"]*)"', svg):
            # a see-through pattern would fade its lines with the fill (as before: both 48%)
            assert "fill-opacity" not in use, pid
