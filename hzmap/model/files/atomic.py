"""Writing a file so that at every moment it is either the old file or the new one, whole. No Qt.

Every file hzmap writes (projects, exports, CSV tables, decks, drafted datasets) goes through
`write_atomic`: the content goes to a temporary file beside the target, is flushed and synced,
gets the user's normal permissions (mkstemp makes 0600), and is renamed over the target. A crash,
a full disk or a failing renderer leaves the earlier file as it was.

Saving keeps what the user pointed at: through a symlink the real file is replaced (the link
stays a link), and an existing read-only file is refused, not silently replaced.
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Callable, Union

Writer = Union[bytes, Callable]


class AtomicWriteError(OSError):
    """The file could not be written; `path` is the target the user named."""


def target_of(path: str | os.PathLike) -> Path:
    """The file a write to `path` must replace: the end of a symlink chain, else `path`."""
    path = Path(path).expanduser()
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def write_atomic(path: str | os.PathLike, data: Writer) -> Path:
    """Write `data` (bytes, or a callable given the open binary file) to `path` atomically.

    Returns the path written (the symlink's target when `path` is a link). Raises OSError
    (errno and strerror kept) for a folder that is missing or not writable, a read-only target
    or a full disk; anything the writer callable raises propagates. The earlier file is intact
    in every case.
    """
    target = target_of(path)
    folder = target.parent if str(target.parent) else Path(".")
    if len(os.fsencode(target.name)) > _name_max(folder):
        raise OSError(errno.ENAMETOOLONG, "the file name is too long for this disk", str(target))
    if target.is_dir():
        raise IsADirectoryError(21, "a folder of that name exists", str(target))
    if target.exists():
        mode = target.stat().st_mode
        if not stat.S_ISREG(mode):
            raise AtomicWriteError(22, "not a regular file", str(target))
        # the mode bits, not only access(): root may write anything, but a file someone made
        # read-only is a file they do not want replaced
        if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
            raise PermissionError(13, "the file is read-only", str(target))
    # the temporary name stays short whatever the target's name (NAME_MAX counts bytes)
    stem = os.fsencode(target.name)[:60].decode("utf-8", "ignore")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{stem}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, (bytes, bytearray, memoryview)):
                fh.write(data)
            else:
                data(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _normal_mode(target))
        os.replace(tmp, target)
        tmp = None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    _fsync_dir(folder)
    return target


def _name_max(folder: Path) -> int:
    if hasattr(os, "pathconf"):  # (POSIX only; NTFS allows 255 characters)
        try:
            return os.pathconf(folder, "PC_NAME_MAX")
        except (OSError, ValueError):
            pass
    return 255


def _normal_mode(target: Path) -> int:
    """The file's own mode when it exists, else what the user's umask gives a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
