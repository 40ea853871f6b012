"""Writing several files as one: all of them, or none. No Qt.

A drafted dataset is a handful of files (plans.yaml, layouts, measures, targets, the source
text). Written one by one, a failure half-way (a full disk, a folder that cannot be written)
would leave half a dataset that the next `validate` or import trips over. `write_all` writes a
new folder beside its final place and renames it into place at the end; into an existing folder
it writes each file atomically (hzmap.model.files.atomic) and, when one fails, puts back every
file it had replaced and removes every file and folder it had made.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from hzmap.model.files.atomic import write_atomic


def _parts(rel: str) -> tuple[str, ...]:
    p = PurePosixPath(rel)
    if p.is_absolute() or ".." in p.parts or "\\" in rel or not p.parts:
        raise ValueError(f"{rel!r}: not a path inside the folder")
    return p.parts


def _missing_parents(folder: Path) -> list[Path]:
    made, p = [], folder
    while not p.exists():
        made.append(p)
        p = p.parent
    return made


def write_all(folder, files: dict[str, bytes]) -> list[Path]:
    """Write `files` ({relative '/' path: bytes}) into `folder`; the paths written. On any
    error (re-raised) the folder is as it was: nothing is left behind."""
    folder = Path(folder)
    for rel in files:
        _parts(rel)
    if not folder.exists():
        return _write_new(folder, files)
    return _write_into(folder, files)


def _write_new(folder: Path, files: dict[str, bytes]) -> list[Path]:
    made = _missing_parents(folder.parent)
    folder.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{folder.name[:60]}.", suffix=".part", dir=folder.parent))
    try:
        for rel, data in files.items():
            path = stage.joinpath(*_parts(rel))
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "xb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(stage, 0o777 & ~_umask())
        os.rename(stage, folder)  # fails if something took the name meanwhile
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        for p in made:
            try:
                p.rmdir()
            except OSError:
                pass
        raise
    return [folder.joinpath(*_parts(rel)) for rel in files]


def _write_into(folder: Path, files: dict[str, bytes]) -> list[Path]:
    done: list[tuple[Path, bytes | None]] = []
    made: list[Path] = []
    try:
        for rel, data in files.items():
            path = folder.joinpath(*_parts(rel))
            new_dirs = _missing_parents(path.parent)
            path.parent.mkdir(parents=True, exist_ok=True)
            made += new_dirs
            old = path.read_bytes() if path.is_file() else None
            write_atomic(path, data)
            done.append((path, old))
    except BaseException:
        for path, old in reversed(done):
            try:
                if old is None:
                    path.unlink()
                else:
                    write_atomic(path, old)
            except OSError:
                pass
        for p in sorted(made, key=lambda d: len(d.parts), reverse=True):
            try:
                p.rmdir()
            except OSError:
                pass
        raise
    return [path for path, _old in done]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
