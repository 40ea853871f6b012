"""Recovery files: each running hzmap keeps its unsaved work in a file of its own. No Qt.

Every session holds an OS lock on its own lock file while it runs, so another window never
offers a live session's work as a crash to recover, and never deletes it. A recovery file
whose lock nobody holds was left by a session that ended without saving: that is what is
offered at start-up. The lock goes with the process, also when it is killed.
"""
from __future__ import annotations

import itertools
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from hzmap.model.files.atomic import clean_stale_parts, write_atomic
from hzmap.model.session.project import Project, encode, load_project

SUFFIX = ".hzmap"
_STARTED = itertools.count()  # sessions started in this process


@dataclass(frozen=True)
class Entry:
    path: Path            # the recovery project file
    source: Path | None   # the project it was autosaved from (None: untitled)
    mtime: float
    lock: Path


def _try_lock(path: Path):
    """An open, exclusively locked file descriptor on `path`, or None when another holds it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if os.name == "nt":  # pragma: no cover - Windows
            import msvcrt
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


class Recovery:
    """This session's recovery file in `folder`, and the ones dead sessions left there."""

    def __init__(self, folder) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        clean_stale_parts(self.folder)  # what a killed session was writing when it died
        # (the count: two sessions of one process may start within the same millisecond)
        stem = f"session-{os.getpid()}-{int(time.time() * 1000)}-{next(_STARTED)}"
        self.path = self.folder / f"{stem}{SUFFIX}"
        self.lock = self.folder / f"{stem}.lock"
        self._fd = _try_lock(self.lock)
        self._held: dict[Path, int] = {}  # locks of dead sessions' files we are offering

    # -- this session ------------------------------------------------------------------------
    def write(self, project: Project, source: Path | None) -> None:
        write_atomic(self.path, encode(project))
        write_atomic(self._meta(self.path), json.dumps({"source": str(source) if source else None}).encode())

    def discard(self) -> None:
        """The work was saved: this session's recovery file goes."""
        for p in (self.path, self._meta(self.path)):
            try:
                p.unlink()
            except FileNotFoundError:
                pass

    def close(self, keep: bool = False) -> None:
        if not keep:
            self.discard()
        for fd in [self._fd, *self._held.values()]:
            if fd is not None:
                os.close(fd)
        if not keep:
            try:
                self.lock.unlink()
            except FileNotFoundError:
                pass
        self._fd = None
        self._held.clear()

    # -- sessions that ended without saving ---------------------------------------------------------
    def orphans(self) -> list[Entry]:
        """Recovery files of sessions that are no longer running, newest first. Their locks are
        taken, so no other starting window offers the same file."""
        out = []
        for lock in sorted(self.folder.glob("*.lock")):
            if lock == self.lock:
                continue
            project = lock.with_suffix(SUFFIX)
            if lock not in self._held:
                fd = _try_lock(lock)
                if fd is None:
                    continue  # a live session
                self._held[lock] = fd
            if not project.is_file():
                self._forget(lock)
                continue
            entry = Entry(project, self._source(project), project.stat().st_mtime, lock)
            if entry.source is not None and entry.source.is_file() \
                    and entry.source.stat().st_mtime >= entry.mtime:
                self.drop(entry)  # saved after its last autosave: nothing to recover
                continue
            out.append(entry)
        return sorted(out, key=lambda e: -e.mtime)

    def drop(self, entry: Entry) -> None:
        """The user declined to recover it: delete it."""
        for p in (entry.path, self._meta(entry.path)):
            try:
                p.unlink()
            except FileNotFoundError:
                pass
        self._forget(entry.lock)

    def adopt(self, entry: Entry) -> None:
        """The entry was restored into this session: from now on its data lives in this
        session's own file (written at the next autosave); the old one goes."""
        try:
            os.replace(entry.path, self.path)
        except OSError:
            pass
        self.drop(entry)

    def _forget(self, lock: Path) -> None:
        fd = self._held.pop(lock, None)
        if fd is not None:
            os.close(fd)
        try:
            lock.unlink()
        except FileNotFoundError:
            pass

    @staticmethod
    def _meta(project: Path) -> Path:
        return project.with_suffix(".json")

    def _source(self, project: Path) -> Path | None:
        try:
            data = json.loads(self._meta(project).read_text(encoding="utf-8"))
            return Path(data["source"]) if isinstance(data, dict) and data.get("source") else None
        except (OSError, ValueError, KeyError, TypeError):
            return None


def recover(session, entry, allow_outside=False, project: Project | None = None, read=None) -> list[str]:
    """Session.recover: restore `entry` into `session`, its layer paths relative to the folder of
    the project it was kept for; the session's recovery data from now on, unsaved until saved."""
    problems = []
    if project is None:
        project, problems = load_project(entry.path, **session.known())
        if project is None:
            return problems
    folder = session.recovery_folder(entry)
    problems += [f"{entry.path}: {t}" for t in session.apply(project, folder, allow_outside, read=read)]
    session.recovery.adopt(entry)  # now this session's recovery data: kept until saved
    session.mark_restored(entry.source)
    return problems
