"""File menu for projects: new, open, save, save as, recent files; modified mark; autosave/recovery.

What counts as unsaved: annotation changes always; layout and filter changes once the window
shows a saved project (an untitled session that only browsed has nothing to lose, so closing
it never asks). Every dialog goes through an `ask_*`/`show_*` method so tests can answer it;
with no display to answer on (offscreen) dialogs are skipped and unsaved work goes to the
recovery file instead of being asked about.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from hzmap.model.project import SUFFIX, Project, ProjectError, load_project, save_project
from hzmap.ui.annotation_tools import interactive
from hzmap.ui.settings import data_dir, settings
from hzmap.ui.i18n import _source_of, tr

AUTOSAVE_MS = 60_000
MAX_RECENT = 8
RECENT_KEY = "project/recent"
RECOVERY_SOURCE_KEY = "project/recovery_source"
FILE_FILTER = "hzmap 项目 (*.hzmap);;JSON (*.json);;所有文件 (*)"




def recovery_path() -> Path:
    return data_dir() / "recovery.hzmap"


class ProjectActions(QObject):
    def __init__(self, window, annotations) -> None:
        super().__init__(window)
        self.window = window
        self.state = window.state
        self.annotations = annotations
        self.path: Path | None = None
        self.tours: list | None = None  # presentation tours, kept for their module
        self._extra: dict = {}
        self._saved_doc = self._doc()
        self._restored = False  # restored from recovery: unsaved until saved
        self._kept = False  # the last maybe_save kept the work in the recovery file
        self._base_title = _source_of(window.windowTitle())  # the source text: tr() it each time
        self._build_menu()
        annotations.history_changed.connect(self.update_title)
        self.state.layout_changed.connect(lambda _v: self.update_title())
        self.state.filters_changed.connect(lambda _v: self.update_title())
        self.autosave_timer = QTimer(self, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        window.installEventFilter(self)
        self.update_title()
        if interactive():
            QTimer.singleShot(0, self.offer_recovery)

    # -- menu ---------------------------------------------------------------------------
    def _build_menu(self) -> None:
        menu = self.window.menus["file"]
        first = menu.actions()[0] if menu.actions() else None

        def action(text, slot, key=None):
            act = QAction(text, self)
            if key is not None:
                act.setShortcut(QKeySequence(key))
            act.triggered.connect(lambda _c=False: slot())
            menu.insertAction(first, act)
            self.window.addAction(act)
            return act

        self.new_action = action(tr("新建 New"), self.new_project, QKeySequence.New)
        self.open_action = action(tr("打开 Open…"), self.open, "Ctrl+O")
        self.recent_menu = menu.addMenu(tr("最近打开 Recent"))
        menu.insertMenu(first, self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.save_action = action(tr("保存 Save"), self.save, "Ctrl+S")
        self.save_as_action = action(tr("另存为 Save As…"), self.save_as, "Ctrl+Shift+S")
        if first is not None:
            menu.insertSeparator(first)

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

    # -- modified mark --------------------------------------------------------------------
    def _doc(self) -> tuple:
        return (self.state.layout, self.state.filters)

    def is_modified(self) -> bool:
        if self._restored or self.annotations.is_modified():
            return True
        return self.path is not None and self._doc() != self._saved_doc

    def update_title(self) -> None:
        name = self.path.name if self.path is not None else tr("未命名 Untitled")
        self.window.setWindowTitle(f"{tr(self._base_title)} — {name}[*]")
        self.window.setWindowModified(self.is_modified())

    def _mark_saved(self, path: Path | None) -> None:
        self.path = path
        self._restored = False
        self._saved_doc = self._doc()
        self.annotations.mark_saved()  # emits history_changed -> update_title
        self.update_title()

    # -- project <-> window -----------------------------------------------------------------
    def capture(self) -> Project:
        r = self.window.canvas.renderer_
        s = self.state
        return Project(view=s.view, extent=tuple(float(v) for v in r.limits()), layout=s.layout,
                       selection=s.selection, place=s.place, filters=s.filters,
                       annotations=list(self.annotations), tours=self._tours_out(), extra=dict(self._extra))

    def _tours_out(self) -> list | None:
        """The tour editor's tours (window.tours) as plain dicts; else what the file had."""
        tours = getattr(self.window, "tours", None)
        if tours is None:
            return self.tours
        from hzmap.model.tours import tour_to_dict

        return [tour_to_dict(t) for t in tours] if tours or self.tours is not None else None

    def _tours_in(self, raw: list | None) -> list[str]:
        """Hand the file's tours to the tour editor; returns what could not be read."""
        self.tours = raw
        tours = getattr(self.window, "tours", None)
        if tours is None:
            return []
        from hzmap.model.tours import tour_from_dict

        loaded, problems = [], []
        for i, d in enumerate(raw or [], 1):
            try:
                loaded.append(tour_from_dict(d))
            except Exception as exc:  # any malformed tour: report it, keep the others
                problems.append(f"tour {i} not loaded: {exc}")
        tours[:] = loaded
        return problems

    def apply(self, p: Project) -> list[str]:
        s = self.state
        s.place = None
        s.selection = None
        s.layout = p.layout
        s.filters = p.filters
        s.selection = p.selection
        s.place = p.place
        if p.view == "custom" and p.extent is not None:
            self.window.canvas.renderer_.set_limits(*p.extent)
            s.view = "custom"
        else:
            s.view = p.view
        self.annotations.replace_all(p.annotations)
        self._extra = dict(p.extra)
        self.window.canvas.draw_idle()
        return self._tours_in(p.tours)

    def _known(self) -> dict:
        ds = self.window.dataset
        return {"known_layouts": set(ds.layouts) if ds is not None else None,
                "known_districts": set(self.window.geo.districts),
                "known_places": set(ds.places) if ds is not None else None}

    # -- commands -----------------------------------------------------------------------------
    def new_project(self) -> bool:
        if not self.maybe_save():
            return False
        self.apply(Project())
        self._mark_saved(None)
        return True

    def open(self, path=None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            path = self.ask_open_path()
            if not path:
                return False
        path = Path(path)
        project, problems = load_project(path, **self._known())
        if project is None:
            self.show_error(tr("无法打开项目 Cannot open project"), "\n".join(problems))
            return False
        problems += [f"{path}: {t}" for t in self.apply(project)]
        self._mark_saved(path)
        self._remember(path)
        if problems:
            self.show_problems(tr("项目部分内容未能载入 Some of the project could not be loaded"),
                               "\n".join(problems))
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        path = self.ask_save_path()
        if not path:
            return False
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(SUFFIX)
        return self.save_to(path)

    def save_to(self, path) -> bool:
        path = Path(path)
        try:
            save_project(path, self.capture())
        except ProjectError as exc:
            self.show_error(tr("无法保存项目 Cannot save project"),
                            f"{exc}\n\n" + tr("您的修改仍在窗口中，请换一个位置保存。\n"
                                                "Your changes are still in the window; save them elsewhere."))
            return False
        self._mark_saved(path)
        self._remember(path)
        self.remove_recovery()
        self.window.statusBar().showMessage(f"{tr('已保存 Saved')} {path}", 5000)
        return True

    def maybe_save(self) -> bool:
        """Before the project is replaced or closed: True when it may go ahead."""
        if not self.is_modified():
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.save()
        if answer == "keep":  # nobody to ask: the work stays in the recovery file
            self._kept = self.autosave()
            return self._kept
        return answer == "discard"

    # -- autosave and recovery ------------------------------------------------------------------
    def autosave(self) -> bool:
        """Write unsaved work to the recovery file (every minute, and on unattended close)."""
        if not self.is_modified():
            return False
        target = recovery_path()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            save_project(target, self.capture())
        except (OSError, ProjectError) as exc:
            print(f"hzmap: autosave failed: {exc}", file=sys.stderr)
            return False
        settings().setValue(RECOVERY_SOURCE_KEY, str(self.path) if self.path else "")
        return True

    def remove_recovery(self) -> None:
        try:
            recovery_path().unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            print(f"hzmap: cannot remove {recovery_path()}: {exc}", file=sys.stderr)
        settings().remove(RECOVERY_SOURCE_KEY)

    def recovery_info(self) -> dict | None:
        """The recovery file left by a session that did not close normally, if newer than its save."""
        rec = recovery_path()
        if not rec.is_file():
            return None
        source = settings().value(RECOVERY_SOURCE_KEY, "") or ""
        source_path = Path(source) if source else None
        if source_path is not None and source_path.is_file() \
                and source_path.stat().st_mtime >= rec.stat().st_mtime:
            self.remove_recovery()  # saved after the last autosave: nothing to recover
            return None
        return {"path": rec, "source": source_path, "mtime": rec.stat().st_mtime}

    def offer_recovery(self, ask=None) -> bool:
        """At start-up: offer the work an earlier session did not save. True if restored."""
        info = self.recovery_info()
        if info is None:
            return False
        if not (ask or self.ask_recovery)(info):
            self.remove_recovery()
            return False
        project, problems = load_project(info["path"], **self._known())
        if project is None:
            self.show_error(tr("无法恢复 Cannot recover"), "\n".join(problems))
            return False
        problems += [f"{info['path']}: {t}" for t in self.apply(project)]
        self.path = info["source"]
        self._saved_doc = ()
        self._restored = True
        self.update_title()
        if problems:
            self.show_problems(tr("恢复的项目部分内容未能载入 Some recovered items could not be loaded"),
                               "\n".join(problems))
        return True

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if obj is self.window and event.type() == QEvent.LanguageChange:
            self.update_title()  # "— <file name>" is not in the catalogue: build the title again
        if obj is self.window and event.type() == QEvent.Close:
            self._kept = False
            if not self.maybe_save():
                event.ignore()
                return True
            if not self._kept:
                self.remove_recovery()
            self.autosave_timer.stop()
        return False

    # -- dialogs (tests replace these) ------------------------------------------------------------
    def ask_save_changes(self) -> str:
        """'save', 'discard', 'cancel', or 'keep' (in the recovery file) when no one can answer."""
        if not interactive():
            return "keep"
        name = self.path.name if self.path else tr("未命名项目 the untitled project")
        box = QMessageBox(QMessageBox.Warning, "hzmap",
                          tr("保存对 {name} 的修改吗？\nSave changes to {name}?").format(name=name),
                          QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, self.window)
        box.setDefaultButton(QMessageBox.Save)
        return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(box.exec(), "cancel")

    def ask_recovery(self, info: dict) -> bool:
        from datetime import datetime

        if not interactive():
            return False
        when = datetime.fromtimestamp(info["mtime"]).strftime("%Y-%m-%d %H:%M")
        of = f"（{info['source'].name}）" if info["source"] else ""
        answer = QMessageBox.question(
            self.window, tr("hzmap: 恢复未保存的工作 Recover unsaved work"),
            tr("上次 hzmap 未正常关闭。是否恢复 {when} 自动保存的项目{of}？\n"
               "hzmap did not close normally last time. Restore the work autosaved at {when}?").format(
                when=when, of=of),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
        return answer == QMessageBox.Yes

    def ask_open_path(self) -> str:
        start = str(self.path.parent) if self.path else ""
        path, _ = QFileDialog.getOpenFileName(self.window, tr("打开项目 Open project"), start, tr(FILE_FILTER))
        return path

    def ask_save_path(self) -> str:
        start = str(self.path) if self.path else tr("未命名") + SUFFIX
        path, _ = QFileDialog.getSaveFileName(self.window, tr("保存项目 Save project"), start, tr(FILE_FILTER))
        return path

    def show_error(self, title: str, text: str) -> None:
        print(f"hzmap: {text}", file=sys.stderr)
        self.window.statusBar().showMessage(text.splitlines()[0], 10000)
        if interactive():
            QMessageBox.warning(self.window, f"hzmap: {title}", text)

    def show_problems(self, title: str, text: str) -> None:
        self.show_error(title, text)

