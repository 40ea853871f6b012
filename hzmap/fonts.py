"""The font hzmap draws Chinese with, for matplotlib (and, through hzmap.ui.common.fonts, for Qt).

hzmap ships its own font, a subset of Noto Sans CJK SC renamed "Hzmap Sans SC"
(resources/fonts/, built by resources/fonts/build_fonts.py), so that Chinese shows on a machine
with no CJK font installed, and a map looks the same on screen and in every export.

This module imports no Qt.  matplotlib is imported only by the functions that need it.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from hzmap.paths import resources_root

FONT_FAMILY = "Hzmap Sans SC"

#: resources/ sits beside the hzmap package in the repository layout.
FONT_DIR = resources_root() / "fonts"

_FILES = ("HzmapSansSC-Regular.ttf", "HzmapSansSC-Bold.ttf")

#: What matplotlib falls back to, per glyph, for a character our subset lacks.
FALLBACK_FAMILY = "DejaVu Sans"

_registered: set[str] = set()


def font_files() -> list[Path]:
    """The shipped font files, Regular first.  They may be missing on a broken install:
    callers check ``exists()`` (register_matplotlib and register_qt do, and say so)."""
    return [FONT_DIR / name for name in _FILES]


def register_matplotlib() -> str:
    """Make matplotlib draw text in our font.  Idempotent; returns the family name.

    Settings, chosen so that what is seen on screen is what is exported:

    - font.family sans-serif = [Hzmap Sans SC, DejaVu Sans]: ours first, DejaVu Sans (which
      matplotlib always has) for any character the subset lacks, glyph by glyph;
    - axes.unicode_minus False: the ASCII hyphen-minus, as Chinese typesetting expects;
    - pdf.fonttype / ps.fonttype 42: the TrueType font is embedded (subset) in PDF/PS, with a
      ToUnicode map, so text in an exported PDF stays selectable and searchable;
    - svg.fonttype "path": glyphs become outlines, so an SVG looks the same on any machine.
      ("none" would write <text> naming a font the viewer may not have: matplotlib does not
      embed fonts in SVG.)
    """
    import matplotlib
    from matplotlib import font_manager

    known = {Path(f.fname).resolve() for f in font_manager.fontManager.ttflist}
    for path in font_files():
        key = str(path)
        if key in _registered:
            continue
        if not path.exists():
            import sys

            print(f"hzmap: font file missing: {path}; Chinese text may not show "
                  "(rebuild with resources/fonts/build_fonts.py)", file=sys.stderr)
            continue
        if path.resolve() not in known:
            font_manager.fontManager.addfont(str(path))
        _registered.add(key)

    rc = matplotlib.rcParams
    rc["font.family"] = ["sans-serif"]
    rc["font.sans-serif"] = [FONT_FAMILY, FALLBACK_FAMILY]
    rc["axes.unicode_minus"] = False
    rc["pdf.fonttype"] = 42
    rc["ps.fonttype"] = 42
    rc["svg.fonttype"] = "path"
    # Unhinted glyph advances scale exactly with resolution: hinting rounds each advance to a
    # whole pixel, so labels and the legend came out a few pixels wider or narrower at 200%
    # scaling (or in a 300 dpi export) and the label placement chose different spots.
    rc["text.hinting"] = "no_hinting"
    return FONT_FAMILY


@functools.lru_cache(maxsize=1)
def _charmap() -> frozenset[int]:
    """The code points the Regular font maps (Bold maps the same ones: same subset)."""
    from matplotlib.ft2font import FT2Font

    path = font_files()[0]
    if not path.exists():
        return frozenset()
    return frozenset(FT2Font(str(path)).get_charmap())


def _invisible(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf")


def missing_glyphs(text: str) -> set[str]:
    """The characters of ``text`` our font has no glyph for (whitespace and control or format
    characters, which draw nothing, are ignored)."""
    cmap = _charmap()
    return {ch for ch in set(text) if ord(ch) not in cmap and not _invisible(ch)}
