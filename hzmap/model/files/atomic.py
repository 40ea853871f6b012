"""Writing a file so that at every moment it is either the old file or the new one, whole. No Qt.

Every file hzmap writes (projects, exports, CSV tables, decks, drafted datasets) goes through
`write_atomic`: the content goes to a temporary file beside the target, is flushed and synced,
gets the user's normal permissions (mkstemp makes 0600), and is renamed over the target. A crash,
a full disk or a failing renderer leaves the earlier file as it was.

Saving keeps what the user pointed at: through a symlink the real file is replaced (the link
stays a link), and an existing read-only file is refused, not silently replaced. A link that
leads nowhere is refused: writing through it would create a file wherever it points. Writers of
files nobody named (the desktop files, the parse cache) pass `follow_links=False`: a link
planted where they write is replaced by the file, never written through.

The temporary file's name carries the writer's process id (`.<name>.<pid>.<random>.part`), so
a part left by a process that was killed can be told from one being written:
`clean_stale_parts` removes those whose process is gone (called where hzmap writes again).
"""
from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Union

Writer = Union[bytes, Callable]


class AtomicWriteError(OSError):
    """The file could not be written; `path` is the target the user named."""


class DanglingLinkError(AtomicWriteError):
    """`path` is a symbolic link to a file that does not exist: not written through."""


def target_of(path: str | os.PathLike, follow_links: bool = True) -> Path:
    """The file a write to `path` must replace: the end of a symlink chain (DanglingLinkError
    when it leads to nothing), else `path`."""
    path = Path(path).expanduser()
    if not follow_links or not path.is_symlink():
        return path
    real = Path(os.path.realpath(path))
    if not real.exists():
        raise DanglingLinkError(errno.ENOENT, f"it is a link to {real}, which does not exist; nothing is "
                                              "written through a link that leads nowhere", str(path))
    return real


def write_atomic(path: str | os.PathLike, data: Writer, *, follow_links: bool = True,
                 mode: int | None = None) -> Path:
    """Write `data` (bytes, or a callable given the open binary file) to `path` atomically.

    Returns the path written (the symlink's target when `path` is a link and `follow_links`).
    Raises OSError (errno and strerror kept) for a folder that is missing or not writable, a
    read-only target, a dangling link or a full disk; anything the writer callable raises
    propagates. The earlier file is intact in every case. `mode`: the new file's permissions
    (default: the earlier file's, else what the umask gives).
    """
    target = target_of(path, follow_links)
    folder = target.parent if str(target.parent) else Path(".")
    if len(os.fsencode(target.name)) > _name_max(folder):
        raise OSError(errno.ENAMETOOLONG, "the file name is too long for this disk", str(target))
    if target.is_dir() and not target.is_symlink():
        raise IsADirectoryError(21, "a folder of that name exists", str(target))
    if follow_links and target.exists():
        st_mode = target.stat().st_mode
        if not stat.S_ISREG(st_mode):
            raise AtomicWriteError(22, "not a regular file", str(target))
        # the mode bits, not only access(): root may write anything, but a file someone made
        # read-only is a file they do not want replaced
        if not st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
            raise PermissionError(13, "the file is read-only", str(target))
    # the temporary name stays short whatever the target's name (NAME_MAX counts bytes)
    stem = os.fsencode(target.name)[:60].decode("utf-8", "ignore")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{stem}.{os.getpid()}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, (bytes, bytearray, memoryview)):
                fh.write(data)
            else:
                data(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode if mode is not None else _normal_mode(target, follow_links))
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


def _normal_mode(target: Path, follow_links: bool = True) -> int:
    """The file's own mode when it exists, else what the user's umask gives a new file."""
    try:
        st = target.stat() if follow_links else target.lstat()
        if stat.S_ISREG(st.st_mode):
            return stat.S_IMODE(st.st_mode)
        raise OSError
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


_PART = re.compile(r"^\.(?P<stem>.*)\.(?P<pid>\d+)\.[A-Za-z0-9_]{6,}\.part$")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill would end the process there: treat it as alive
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def clean_stale_parts(folder, name: str | None = None, older_than: float = 86_400.0) -> list[Path]:
    """Remove the temporary files that writers killed mid-write left in `folder` (only those of
    the file `name`, when given): regular files of this user whose process is gone, or (where
    that cannot be told) older than `older_than` seconds. Returns what was removed."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    stem = os.fsencode(name)[:60].decode("utf-8", "ignore") if name else None
    now = time.time()
    for entry in entries:
        m = _PART.match(entry.name)
        if m is None or (stem is not None and m.group("stem") != stem):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode) or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
            continue
        if _alive(int(m.group("pid"))) and now - st.st_mtime < older_than:
            continue
        try:
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            pass
    return removed
