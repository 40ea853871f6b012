"""The page sizes an export can have (paper at print resolution, or a slide).

Plain data, apart from the renderer, so that the command line can list them in its options
without importing matplotlib (about half a second a run).
"""
from __future__ import annotations

MM = 1 / 25.4
#: name -> (width in, height in, dpi, label shown in the dialog)
PRESETS = {
    "a4-landscape": (297 * MM, 210 * MM, 300, "A4 横向 landscape (300 DPI)"),
    "a4-portrait": (210 * MM, 297 * MM, 300, "A4 纵向 portrait (300 DPI)"),
    "a3-landscape": (420 * MM, 297 * MM, 300, "A3 横向 landscape (300 DPI)"),
    "a3-portrait": (297 * MM, 420 * MM, 300, "A3 纵向 portrait (300 DPI)"),
    "16:9": (1920 / 160, 1080 / 160, 160, "16:9 幻灯片 slides (1920×1080)"),
}
CUSTOM_DPI = 150  # a custom pixel size without a DPI
