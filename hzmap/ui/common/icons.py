"""hzmap's own icon for its windows, from the SVG so it is sharp at any scale (PNG sizes as a
fallback where Qt has no SVG image plugin, e.g. a trimmed bundle)."""
from __future__ import annotations

from PySide6.QtGui import QIcon

from hzmap.paths import resources_root

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    folder = resources_root() / "icons"
    icon = QIcon()
    svg = folder / "hzmap.svg"
    if svg.is_file():
        icon.addFile(str(svg))
    for size in PNG_SIZES:
        png = folder / "png" / f"hzmap-{size}.png"
        if png.is_file():
            icon.addFile(str(png))
    return icon
