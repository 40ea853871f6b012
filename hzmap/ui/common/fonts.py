"""Register hzmap's shipped font with Qt and make it the application font."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from hzmap.fonts import FONT_FAMILY, font_files

#: font file -> Qt's application font id, so a second call adds nothing twice.
_loaded: dict[str, int] = {}


def _warn(message: str) -> None:
    print(f"hzmap: {message}; Chinese text may not show "
          "(rebuild with resources/fonts/build_fonts.py)", file=sys.stderr)


def register_qt(app: QGuiApplication) -> str | None:
    """Add the shipped font files to Qt and set the application font to our family, keeping
    the platform's point size.  Returns the family, or None if no file could be loaded (a
    warning naming each bad file goes to stderr; the program goes on with the system font)."""
    for path in font_files():
        if str(path) in _loaded:
            continue
        if not path.exists():
            _warn(f"font file missing: {path}")
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            _warn(f"Qt rejected font file {path}")
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        if FONT_FAMILY not in families:
            _warn(f"font file {path} holds {families}, not {FONT_FAMILY!r}")
            QFontDatabase.removeApplicationFont(font_id)
            continue
        _loaded[str(path)] = font_id
    if not _loaded:
        return None
    font = QFont(app.font())
    font.setFamilies([FONT_FAMILY])
    app.setFont(font)
    return FONT_FAMILY
