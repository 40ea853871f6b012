"""What can go wrong opening a user's file, and the checks made before any reader touches it.

Every problem is a LayerError whose message names the file, so the window and `hzmap layer`
can show it as it is. A file over LARGE_FILE_BYTES raises LargeFileError carrying its size, so
the window can ask before loading it (file_size() gives the size without raising).
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from hzmap.model.files import safeio
LARGE_FILE_BYTES = 1 << 30  # 1 GiB: ask the user first
#: Extensions of the files a shapefile is made of (checked and summed together).
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")


class LayerError(Exception):
    """A user file that cannot be shown as a layer; str(error) names the file and the problem."""

    def __init__(self, path, problem: str) -> None:
        self.path = None if path is None else Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}" if self.path is not None else problem)

    def __reduce__(self):  # comes back whole from the reader process
        return (type(self), (self.path, self.problem))


class LargeFileError(LayerError):
    """The file is larger than the limit the caller accepted; `size` is in bytes (unpacked, for a
    zip: `packed` is then its size on disk)."""

    def __init__(self, path, size: int, limit: int, packed: int | None = None) -> None:
        self.size, self.limit, self.packed = size, limit, packed
        what = f"{human_size(size)} unpacked ({human_size(packed)} on disk)" if packed is not None \
            else human_size(size)
        super().__init__(path, f"is {what}, over {human_size(limit)}; "
                               "loading it may take long and use much memory")

    def __reduce__(self):
        return (type(self), (self.path, self.size, self.limit, self.packed))


def human_size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"


def regular_file(path) -> Path:
    """`path` (symlinks followed) if it is a readable regular file; LayerError otherwise
    (hzmap.model.files.safeio's check: readers are never handed a FIFO, a device such as /dev/zero or
    a folder, which hang or read forever)."""
    path = Path(path)
    try:
        safeio.regular_stat(path, "file")
    except safeio.FileProblem as exc:
        raise LayerError(path, exc.problem) from None
    return path


def file_size(path) -> int:
    """Bytes hzmap would read to open `path` (a shapefile with its .dbf and .shx); raises
    LayerError if it is not a readable regular file. The window asks before loading a file
    over LARGE_FILE_BYTES."""
    path = regular_file(path)
    size = path.stat().st_size
    if path.suffix.lower() == ".shp":
        for ext in SHAPEFILE_PARTS[1:]:
            part = path.with_suffix(ext)
            if part.is_file():
                size += part.stat().st_size
    return size


def check_size(path, limit: int | None = LARGE_FILE_BYTES, size: int | None = None) -> int:
    """The size of `path` (or the `size` it unpacks to); LargeFileError if over `limit` (None:
    no limit)."""
    on_disk = file_size(path)
    size = on_disk if size is None else size
    if limit is not None and size > limit:
        raise LargeFileError(path, size, limit, on_disk if size != on_disk else None)
    return size


@contextmanager
def readers_available(path):
    """Inside: a reader package that cannot be imported (an installation or an offline bundle
    without lxml, python-calamine, ...) is a LayerError naming the file and the package."""
    try:
        yield
    except ImportError as exc:
        from hzmap import missing

        if not missing.is_missing(exc):  # our own code: a defect, not an installation's gap
            raise
        raise LayerError(path, f"cannot be read: {missing.message(exc)}") from None


def no_usable_column(path, columns) -> LayerError:
    shown = ", ".join(map(str, columns[:12])) + (" …" if len(columns) > 12 else "")
    return LayerError(path, "has no usable column: hzmap needs longitude and latitude columns "
                            "(lon/lng/经度 and lat/纬度, or x/y) or a column of district names or "
                            f"adcodes (滨江区, 330108); columns found: {shown}")
