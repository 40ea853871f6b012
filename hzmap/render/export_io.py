"""Writing an exported figure to disk, atomically, with messages a planner can act on.

The figure is written to a temporary file in the target folder and moved over the target with
os.replace only once it is complete, so a failed export (full disk, a crash in the renderer)
never leaves a half-written file in place of an earlier good one.
"""
from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path
from typing import Callable

from hzmap.model import atomic

FORMATS = ("png", "svg", "pdf")


class ExportError(Exception):
    """An export that could not be written; the message names the file and the problem."""


def format_for(path: str | os.PathLike, fmt: str | None = None) -> str:
    """The format to write `path` in; the extension must name one of FORMATS (and agree with fmt)."""
    p = Path(path)
    ext = p.suffix.lower().lstrip(".")
    if not ext:
        raise ExportError(f"Cannot export to {p}: the file name has no extension; "
                          f"end it with .png, .svg or .pdf")
    if ext not in FORMATS:
        raise ExportError(f"Cannot export to {p}: unknown extension .{ext}; use .png, .svg or .pdf")
    if fmt is not None and fmt.lower() != ext:
        raise ExportError(f"Cannot export to {p}: the extension .{ext} does not match the format "
                          f"{fmt.upper()}")
    return ext


def _metadata(fmt: str, title: str) -> dict:
    if fmt == "png":
        return {"Title": title, "Software": "hzmap"}
    if fmt == "pdf":
        return {"Title": title, "Creator": "hzmap"}
    return {"Title": title}


def _explain(path: Path, err: OSError) -> str:
    folder = path.parent
    if err.errno == errno.ENOSPC:
        return f"Cannot export to {path}: the disk is full (no space left on device)"
    if err.errno == errno.EACCES and err.strerror == "the file is read-only":
        return f"Cannot export to {path}: the file is read-only, so it was not replaced"
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Cannot export to {path}: the folder {folder} is not writable ({err.strerror})"
    if err.errno == errno.ENOENT:
        return f"Cannot export to {path}: the folder {folder} does not exist"
    return f"Cannot export to {path}: {err.strerror or err}"


def save(fig, path: str | os.PathLike, fmt: str | None = None, title: str = "") -> Path:
    """Write `fig` to `path` as PNG (with its DPI), SVG or PDF (fonts embedded as Type 42).

    Raises ExportError naming the path; an existing file at `path` is left as it was.
    """
    from hzmap import fonts
    fonts.register_matplotlib()  # pdf.fonttype 42 (text stays searchable), svg glyph outlines
    fmt = format_for(path, fmt)
    with _searchable_labels(fig, fmt == "pdf"):
        return write_atomic(path, lambda f: fig.savefig(f, format=fmt, dpi=fig.dpi,
                                                        metadata=_metadata(fmt, title),
                                                        facecolor=fig.get_facecolor()))


@contextlib.contextmanager
def _searchable_labels(fig, enabled: bool):
    """Map labels drawn with a halo become outlines in a PDF; lay an invisible copy of each
    on top (as OCR layers do) so their words can still be searched and selected."""
    twins = []
    if enabled:
        from matplotlib.text import Text

        for text in fig.findobj(Text):
            if not (text.get_path_effects() and text.get_visible() and text.get_text().strip()):
                continue
            twin = Text(*text.get_position(), text.get_text(), transform=text.get_transform(),
                        fontproperties=text.get_fontproperties(), ha=text.get_ha(), va=text.get_va(),
                        rotation=text.get_rotation(), alpha=0.0, zorder=text.get_zorder() + 0.01)
            (text.axes or fig).add_artist(twin)
            if text.axes is not None:
                twin.set_clip_path(text.axes.patch)
            twins.append(twin)
    try:
        yield
    finally:
        for twin in twins:
            twin.remove()


def write_atomic(path: str | os.PathLike, write: Callable) -> Path:
    """Call write(binary file) on a temporary file beside `path`, then move it over `path`
    (hzmap.model.atomic); ExportError says what went wrong, and an earlier file stays whole."""
    path = Path(path).expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.exists():
        raise ExportError(f"Cannot export to {path}: the folder {folder} does not exist")
    if not folder.is_dir():
        raise ExportError(f"Cannot export to {path}: {folder} is not a folder")
    if path.is_dir():
        raise ExportError(f"Cannot export to {path}: a folder of that name exists")
    try:
        return atomic.write_atomic(path, write)
    except OSError as e:
        raise ExportError(_explain(path, e)) from e
    except Exception as e:
        raise ExportError(f"Cannot export to {path}: drawing the map failed ({type(e).__name__}: {e})") from e
