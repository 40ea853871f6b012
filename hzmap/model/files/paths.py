"""Paths stored in files hzmap reads: resolved inside the folder they belong to. No Qt."""
from __future__ import annotations

from pathlib import Path, PurePosixPath


def safe_relative_path(base, relative: str) -> Path:
    """`relative` (as stored in a project) resolved under `base`, the folder the user chose.

    A project stores its user layers' and base map's files relative with '/' separators and
    reads them through here, so a crafted file cannot point hzmap outside the folder. Raises ValueError for absolute paths, drive letters, '..' parts,
    or a result that escapes `base` through a symlink.
    """
    if not isinstance(relative, str) or not relative or "\\" in relative or "\x00" in relative:
        raise ValueError(f"path {relative!r} is not a relative path with '/' separators")
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ":" in pure.parts[0] or any(part == ".." for part in pure.parts):
        raise ValueError(f"path {relative!r} must stay inside the project's folder")
    base = Path(base).resolve()
    target = (base / Path(*pure.parts)).resolve()
    if target != base and base not in target.parents:
        raise ValueError(f"path {relative!r} leads outside {base}")
    return target
