"""Writing an exported figure to disk, atomically, with messages a planner can act on.

The figure is written to a temporary file in the target folder and moved over the target with
os.replace only once it is complete, so a failed export (full disk, a crash in the renderer)
never leaves a half-written file in place of an earlier good one.

`check_size` is the one rule for an export's pixels and DPI: an impossible value (DPI 0, a
negative or 10^6 px side, 60000 x 60000 px) is refused with a message, never replaced by a default
and never handed to Agg, which would raise or try to allocate gigabytes.
"""
from __future__ import annotations

import contextlib
import errno
import math
import numbers
import os
from pathlib import Path
from typing import Callable

from hzmap.model.files import atomic
FORMATS = ("png", "svg", "pdf")
DPI_RANGE = (96, 600)
#: Pixels a side and in all: A3 at 600 DPI (9921 x 7016 px) is the largest preset page.
SIDE_PX_RANGE = (100, 10_000)
MAX_PIXELS = 70_000_000


class ExportError(Exception):
    """An export that could not be written; the message names the file and the problem."""


def _whole(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value) \
            or value != int(value):
        raise ExportError(f"{what} {value!r} is not a whole number")
    return int(value)


def check_size(width_px, height_px, dpi) -> None:
    """Refuse an impossible export size with ExportError. None means "not given" (a preset's
    value is used); width and height come together or not at all."""
    if dpi is not None:
        dpi = _whole(dpi, "DPI")
        if not DPI_RANGE[0] <= dpi <= DPI_RANGE[1]:
            raise ExportError(f"DPI {dpi} is out of range: use {DPI_RANGE[0]}-{DPI_RANGE[1]}")
    if width_px is None and height_px is None:
        return
    if width_px is None or height_px is None:
        raise ExportError("give both a width and a height in pixels, or neither")
    lo, hi = SIDE_PX_RANGE
    w, h = _whole(width_px, "width"), _whole(height_px, "height")
    for name, v in (("width", w), ("height", h)):
        if not lo <= v <= hi:
            raise ExportError(f"{name} {v:,} px is out of range: use {lo}-{hi:,} px")
    if w * h > MAX_PIXELS:
        raise ExportError(f"{w:,} x {h:,} px is too large: at most {MAX_PIXELS / 1e6:.0f} million "
                          "pixels (A3 at 600 DPI)")


def _name_problem(path: Path) -> str | None:
    """Why the file name cannot exist on this file system, if it cannot."""
    limit = 255  # NTFS's, and what a POSIX disk that cannot say is taken to allow
    if hasattr(os, "pathconf"):  # (POSIX only)
        try:
            limit = os.pathconf(path.parent if str(path.parent) else ".", "PC_NAME_MAX")
        except (OSError, ValueError):
            pass
    size = len(os.fsencode(path.name))
    if size > limit:
        return (f"the file name is {len(path.name)} characters ({size} bytes) long; this disk "
                f"allows at most {limit} bytes: choose a shorter name")
    return None


def _shown(path: Path) -> str:
    """The path for a message: a 300-character name is cut, the folder kept."""
    name = path.name if len(path.name) <= 60 else path.name[:40] + "…" + path.name[-12:]
    return str(path.with_name(name)) if name else str(path)


def format_for(path: str | os.PathLike, fmt: str | None = None) -> str:
    """The format to write `path` in; the extension must name one of FORMATS (and agree with fmt),
    and the name must fit the file system (checked before anything is drawn)."""
    p = Path(path)
    ext = p.suffix.lower().lstrip(".")
    if not ext:
        raise ExportError(f"Cannot export to {_shown(p)}: the file name has no extension; "
                          f"end it with .png, .svg or .pdf")
    if ext not in FORMATS:
        raise ExportError(f"Cannot export to {_shown(p)}: unknown extension .{ext[:20]}; use .png, "
                          ".svg or .pdf")
    if fmt is not None and fmt.lower() != ext:
        raise ExportError(f"Cannot export to {p}: the extension .{ext} does not match the format "
                          f"{fmt.upper()}")
    too_long = _name_problem(p)
    if too_long:
        raise ExportError(f"Cannot export to {_shown(p)}: {too_long}")
    try:
        atomic.target_of(p)
    except atomic.DanglingLinkError as exc:
        raise ExportError(f"Cannot export to {_shown(p)}: {exc.strerror}") from None
    except OSError:
        pass  # a loop of links and the like: the write says what it is
    return ext


def _metadata(fmt: str, title: str) -> dict:
    if fmt == "png":
        return {"Title": title, "Software": "hzmap"}
    if fmt == "pdf":
        return {"Title": title, "Creator": "hzmap"}
    return {"Title": title}


def _explain(path: Path, err: OSError) -> str:
    folder = path.parent
    if isinstance(err, atomic.DanglingLinkError):
        return f"Cannot export to {path}: {err.strerror}"
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"Cannot export to {path}: the disk is full (no space left on device)"
    if err.errno == errno.EFBIG:
        return (f"Cannot export to {path}: the file is larger than this disk or account allows "
                "(file too large); the earlier file, if any, is unchanged")
    if err.errno == errno.ENAMETOOLONG:
        return f"Cannot export to {_shown(path)}: the file name is too long for this disk"
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
    if fmt == "png":  # our encoder: the same pixels in a fifth of the time (render/png.py)
        from hzmap.render.page.png import figure_png

        return write_atomic(path, lambda f: f.write(figure_png(fig, fig.dpi, _metadata(fmt, title),
                                                               facecolor=fig.get_facecolor())))
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
    (hzmap.model.files.atomic); ExportError says what went wrong, and an earlier file stays whole."""
    path = Path(path).expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    try:
        too_long = _name_problem(path)
        if too_long:
            raise ExportError(f"Cannot export to {_shown(path)}: {too_long}")
        if not folder.exists():
            raise ExportError(f"Cannot export to {path}: the folder {folder} does not exist")
        if not folder.is_dir():
            raise ExportError(f"Cannot export to {path}: {folder} is not a folder")
        if path.is_dir():
            raise ExportError(f"Cannot export to {path}: a folder of that name exists")
    except OSError as e:  # e.g. a folder name too long, a loop of links
        raise ExportError(_explain(path, e)) from e
    try:
        return atomic.write_atomic(path, write)
    except OSError as e:
        raise ExportError(_explain(path, e)) from e
    except Exception as e:
        raise ExportError(f"Cannot export to {path}: drawing the map failed ({type(e).__name__}: {e})") from e
