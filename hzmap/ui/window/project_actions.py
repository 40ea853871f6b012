"""The main window's projects: File › new, open, recent files, save, save as; autosave and recovery.

The session (hzmap.model.session.session) does the work; this module asks the user and reports. Every
dialog goes through an `ask_*`/`show_*` method so tests can answer it; with no display to
answer on (offscreen) dialogs are skipped and unsaved work goes to the recovery file instead of
being asked about.

A project may come from someone else: its files outside its folder (its layers' and its base
map's) are listed to the planner (`ask_outside`) before anything is read, and not read without a
yes; the layer files are read off the window's thread (hzmap.ui.common.background), with a Cancel.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from hzmap.model.files.atomic import clean_stale_parts
from hzmap.model.session.outside import outside_files
from hzmap.model.session.project import SUFFIX, ProjectError
from hzmap.model.session.session import Session
from hzmap.ui.common import background
from hzmap.ui.common.i18n import Texts, tr
from hzmap.ui.common.memory import release_free_memory
from hzmap.ui.common.settings import interactive, settings
from hzmap.ui.common import messages
from hzmap.ui.common.messages import message_box

AUTOSAVE_MS = 60_000
MAX_RECENT = 8
RECENT_KEY = "project/recent"
FILE_FILTER = "hzmap 项目 (*.hzmap);;JSON (*.json);;所有文件 (*)"


class ProjectActions(QObject):
    """`window` is the main window: the actions go at the top of its File menu, dialogs open over
    it; `message(text)` is for its status bar."""

    message = Signal(str)

    def __init__(self, session: Session, window) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self.texts = Texts(session.state, self)
        self._kept = False  # the last maybe_save kept the work in the recovery file
        t = self.texts

        def action(text, slot, key=None):
            act = QAction(self)
            t.tr(act.setText, text)
            if key is not None:
                act.setShortcut(QKeySequence(key))
            act.triggered.connect(lambda _c=False: slot())
            return act

        self.new_action = action("新建 New", self.new_project, QKeySequence.New)
        self.open_action = action("打开 Open…", self.open, "Ctrl+O")
        self.save_action = action("保存 Save", self.save, "Ctrl+S")
        self.save_as_action = action("另存为 Save As…", self.save_as, "Ctrl+Shift+S")
        self.recent_menu = QMenu(window)
        t.tr(self.recent_menu.setTitle, "最近打开 Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.autosave_timer = QTimer(self, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        file_menu = window.menus["file"]
        for act in (self.new_action, self.open_action):
            file_menu.addAction(act)
            window.addAction(act)
        file_menu.addMenu(self.recent_menu)
        for act in (self.save_action, self.save_as_action):
            file_menu.addAction(act)
            window.addAction(act)
        file_menu.addSeparator()
        for recent in self.recent_files():  # what a save killed last time left beside its project
            clean_stale_parts(Path(recent).parent, Path(recent).name)

    # -- recent files --------------------------------------------------------------------------
    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = self.recent_files()
        for i, p in enumerate(paths, 1):
            act = self.recent_menu.addAction(f"&{i} {Path(p).name}  —  {Path(p).parent}")
            act.triggered.connect(lambda _c=False, p=p: self.open(p))
        if not paths:
            self.recent_menu.addAction(tr("（无 none）")).setEnabled(False)

    def recent_files(self) -> list[str]:
        value = settings().value(RECENT_KEY, [])
        if isinstance(value, str):  # ini files give back one entry as a plain string
            value = [value] if value else []
        return [str(v) for v in (value or [])][:MAX_RECENT]

    def _remember(self, path: Path) -> None:
        p = str(Path(path).resolve())
        paths = [p] + [q for q in self.recent_files() if q != p]
        settings().setValue(RECENT_KEY, paths[:MAX_RECENT])

    # -- commands -----------------------------------------------------------------------------
    def new_project(self) -> bool:
        if not self.maybe_save():
            return False
        self.session.new()
        return True

    def open(self, path=None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            path = self.ask_open_path()
            if not path:
                return False
        project, problems = self.session.load(path)
        if project is None:
            self.show_error(tr("无法打开项目 Cannot open project"), "\n".join(problems))
            return False
        folder = Path(path).absolute().parent
        outside = outside_files(project, folder)
        allow = bool(outside) and self.ask_outside(Path(path), outside)
        try:
            read = background.run(self.window, f"{tr('正在打开 Opening')} {Path(path).name}…",
                                  lambda cancel: self.session.read_layers(project, folder, allow, cancel))
        except background.Cancelled:  # the layers' reads stop at once; this is the rest of the work
            self.message.emit(f"{tr('已取消读取 Reading cancelled:')} {path}")
            return False
        problems += self.session.show(path, project, read)
        self._remember(Path(path))
        release_free_memory()  # the previous project's artists and history
        if problems:
            self.show_problems(tr("项目部分内容未能载入 Some of the project could not be loaded"),
                               "\n".join(problems))
        return True

    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self.save_to(self.session.path)

    def save_as(self) -> bool:
        path = self.ask_save_path()
        if not path:
            return False
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(SUFFIX)
        return self.save_to(path)

    def save_to(self, path) -> bool:
        try:
            written = self.session.save(path)
        except ProjectError as exc:
            self.show_error(tr("无法保存项目 Cannot save project"),
                            f"{exc}\n\n" + tr("您的修改仍在窗口中，请换一个位置保存。\n"
                                                "Your changes are still in the window; save them elsewhere."))
            return False
        self._remember(Path(path))
        self.message.emit(f"{tr('已保存 Saved')} {written}")
        return True

    def maybe_save(self) -> bool:
        """Before the project is replaced or closed: True when it may go ahead."""
        self._kept = False
        if not self.session.is_modified():
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.save()
        if answer == "keep":  # nobody to ask: the work stays in the recovery file
            self._kept = self.session.autosave()
            return self._kept
        return answer == "discard"

    def close(self) -> bool:
        """The window is closing: False to stay open (the user cancelled)."""
        if not self.maybe_save():
            return False
        self.autosave_timer.stop()
        self.session.close(keep_recovery=self._kept)
        return True

    # -- autosave and recovery -------------------------------------------------------------------
    def autosave(self) -> bool:
        """Unsaved work goes to this session's own recovery file (every minute)."""
        ok = self.session.autosave()
        if not ok and self.session.is_modified():
            print("hzmap: autosave failed", file=sys.stderr)
        return ok

    def offer_recovery(self, ask=None) -> bool:
        """At start-up: offer the work a session that ended without saving left. True if restored."""
        recovery = self.session.recovery
        if recovery is None:
            return False
        for entry in recovery.orphans():
            if not (ask or self.ask_recovery)(entry):
                recovery.drop(entry)
                continue
            project, problems = self.session.load(entry.path)
            if project is not None:
                folder = self.session.recovery_folder(entry)
                outside = outside_files(project, folder)
                allow = bool(outside) and self.ask_outside(Path(entry.source), outside)
                try:   # the layers' files off the window's thread, with a Cancel, as in Open
                    read = background.run(self.window, f"{tr('正在恢复 Recovering')} {entry.path.name}…",
                                          lambda cancel: self.session.read_layers(project, folder, allow, cancel))
                except background.Cancelled:   # kept for the next start
                    self.message.emit(f"{tr('已取消读取 Reading cancelled:')} {entry.path}")
                    return False
                problems = self.session.recover(entry, allow, project, read)
            if problems:
                self.show_problems(tr("恢复的项目部分内容未能载入 Some recovered items could not be loaded"),
                                   "\n".join(problems))
            return True
        return False

    # -- dialogs (tests replace these) ------------------------------------------------------------
    def ask_save_changes(self) -> str:
        """'save', 'discard', 'cancel', or 'keep' (in the recovery file) when no one can answer."""
        if not interactive():
            return "keep"
        path = self.session.path
        name = path.name if path else tr("未命名项目 the untitled project")
        box = message_box(QMessageBox.Warning, "hzmap",
                          tr("保存对 {name} 的修改吗？\nSave changes to {name}?").format(name=name),
                          QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, self.window)
        box.setDefaultButton(QMessageBox.Save)
        return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(box.exec(), "cancel")

    def ask_recovery(self, entry) -> bool:
        from datetime import datetime

        if not interactive():
            return False
        when = datetime.fromtimestamp(entry.mtime).strftime("%Y-%m-%d %H:%M")
        of = f"（{entry.source.name}）" if entry.source else ""
        answer = messages.question(
            self.window, tr("hzmap: 恢复未保存的工作 Recover unsaved work"),
            tr("上次 hzmap 未正常关闭。是否恢复 {when} 自动保存的项目{of}？\n"
               "hzmap did not close normally last time. Restore the work autosaved at {when}?").format(
                when=when, of=of),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
        return answer == QMessageBox.Yes

    def ask_outside(self, path: Path, files: list) -> bool:
        """Whether the project `path` may read its files outside its folder (`files`: [(layer
        name, path)], the base map's among them). No one to ask: no."""
        if not interactive():
            return False
        listed = "\n".join(f"• {name}: {where}" for name, where in files[:20])
        answer = messages.question(
            self.window, tr("hzmap: 项目文件夹以外的文件 Files outside the project's folder"),
            tr("项目 {name} 要读取其文件夹以外的文件。仅当您信任此项目时才读取。\n"
               "The project {name} reads files outside its folder. Read them only if you trust "
               "the project.").format(name=path.name) + f"\n\n{listed}",
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def ask_open_path(self) -> str:
        start = str(self.session.path.parent) if self.session.path else ""
        path, _ = QFileDialog.getOpenFileName(self.window, tr("打开项目 Open project"), start, tr(FILE_FILTER))
        return path

    def ask_save_path(self) -> str:
        start = str(self.session.path) if self.session.path else tr("未命名") + SUFFIX
        path, _ = QFileDialog.getSaveFileName(self.window, tr("保存项目 Save project"), start, tr(FILE_FILTER))
        return path

    def show_error(self, title: str, text: str) -> None:
        print(f"hzmap: {text}", file=sys.stderr)
        self.message.emit(text.splitlines()[0] if text else title)
        if interactive():
            messages.warning(self.window, f"hzmap: {title}", text)

    def show_problems(self, title: str, text: str) -> None:
        self.show_error(title, text)
