"""File › 导入规划 Import plan: read a document (or pasted text), draft its records, open the
review, and on Save write the accepted records as a new user dataset and install it.

Nothing is written before Save: reading and drafting only read. A document that cannot be read
is refused with the reader's message, which names the file and says what to do (no text layer,
an old .doc, empty, too large, not text); a note such as "read as GBK" is shown with the draft.
Save writes into a new folder under the user's data folder (never the shipped dataset),
validates it with the same loader on top of the datasets in use, and removes it again if it
does not validate. Every dialog goes through an `ask_*`/`show_*` method so tests can answer it.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from hzmap.model.dataset import DatasetError
from hzmap.model.dataset.overlay import load_dataset_with
from hzmap.model.dataset.userdata import new_dataset_dir
from hzmap.model.plan_import import PlanReadError, draft_plan, pasted, read_document, write_draft
from hzmap.model.plan_import.review import save_problems, to_save
from hzmap.ui.common import background
from hzmap.ui.common.i18n import Texts, tr
from hzmap.ui.common.settings import interactive
from hzmap.ui.common import messages
from hzmap.ui.common.messages import message_box

FILE_FILTER = "规划文件 Plan documents (*.txt *.docx *.pdf);;所有文件 All files (*)"
MAX_LINES = 20   # problems listed in a message; the rest are counted


class PlanImport(QObject):
    """`saved(dataset, layout_id or None)` after a draft was saved and validated: the window
    installs the dataset. `message(text)` is for the status bar. Drafts and saves are checked
    against the session's dataset in use."""

    saved = Signal(object, object)
    message = Signal(str)

    def __init__(self, session, canvas, user_data, window) -> None:
        super().__init__(window)
        self.session, self.canvas = session, canvas
        self.user_data = Path(user_data)
        self.window = window
        self.review = None
        self.texts = Texts(session.state, self)
        self.action = QAction(self)
        self.action.setObjectName("importPlanAction")
        self.texts.tr(self.action.setText, "导入规划 Import plan…")
        self.texts.tr(self.action.setToolTip, "从 .txt、.docx、PDF 或粘贴的文本起草新规划的布局、举措和目标 "
                                              "Draft a new plan's layouts, measures and targets from a document")
        self.action.triggered.connect(lambda _c=False: self.start())

    @property
    def dataset(self):
        return self.session.dataset

    # -- reading and drafting ------------------------------------------------------------------
    def start(self):
        """Ask for a document or pasted text, then open its review."""
        choice = self.ask_source()
        if choice is None:
            return None
        kind, value = choice
        return self.import_file(value) if kind == "file" else self.import_text(value)

    def import_file(self, path):
        """The review of the document at `path`, or None (and a message) if it cannot be read.
        The document is read and drafted off the window's thread (hzmap.ui.common.background)."""
        try:
            source, draft = background.run(self.window, f"{tr('正在读取 Reading')} {Path(path).name}…",
                                           lambda cancel: self._read_and_draft(path, cancel))
        except PlanReadError as exc:
            self.show_error(tr("无法导入 Cannot import"), str(exc))
            return None
        except background.Cancelled:
            self.message.emit(f"{tr('已取消读取 Reading cancelled:')} {path}")
            return None
        return self._review(source, draft)

    def _read_and_draft(self, path, cancel):
        source = read_document(path)
        if cancel.is_set():
            raise background.Cancelled(str(path))
        return source, draft_plan(source, self.dataset)

    def import_text(self, text: str, name: str = "pasted text"):
        try:
            source = pasted(text, name)
        except PlanReadError as exc:
            self.show_error(tr("无法导入 Cannot import"), str(exc))
            return None
        return self._review(source)

    def _review(self, source, draft=None):
        from hzmap.ui.plan_import.draft_review import DraftReview

        draft = draft if draft is not None else draft_plan(source, self.dataset)
        # a plan already in use is flagged on its record; the header says so at once too
        draft.notes += [f for f in draft.plan.flags if f.startswith("already in use")]
        if self.review is not None and not self.review.close():
            return None      # the planner kept the review that is open
        review = DraftReview(draft, source.name, self.session, self.canvas, self.window)
        review.setAttribute(Qt.WA_DeleteOnClose)
        review.save_requested.connect(self.save)
        review.message.connect(self.message.emit)
        review.closed.connect(lambda r=review: self._on_review_closed(r))
        self.review = review
        _beside(review, self.window)
        review.show()
        s = draft.summary()
        self.message.emit(tr("已起草 {name}：{layouts} 个布局、{measures} 项举措、{targets} 个目标，{flagged} 条需核对").format(name=source.name, **s))
        for note in source.notes:
            self.message.emit(note)
        return review

    def _on_review_closed(self, review) -> None:
        if self.review is review:
            self.review = None

    # -- saving ----------------------------------------------------------------------------------
    def save(self) -> bool:
        """Write the accepted records into a new user dataset, validate it, install it."""
        review = self.review
        if review is None:
            return False
        draft = review.draft
        problems = save_problems(draft)
        if problems:
            self.show_error(tr("无法保存 Cannot save"), _listing(problems))
            return False
        folder = None
        try:
            folder = new_dataset_dir(self.user_data, draft.plan_id)
            write_draft(draft, folder, only_accepted=True)
            dataset = load_dataset_with([folder], base=self.dataset, check_excerpts=True)
        except DatasetError as exc:
            _remove(folder)
            self.show_error(tr("无法保存 Cannot save"), _listing(exc.problems, folder))
            return False
        except (OSError, ValueError) as exc:
            _remove(folder)
            where = folder or self.user_data
            self.show_error(tr("无法保存 Cannot save"), f"{where}: {getattr(exc, 'strerror', None) or exc}")
            return False
        layout = next((lay.id for lay in draft.layouts if lay.id in dataset.layouts), None)
        n = to_save(draft)
        self.saved.emit(dataset, layout)
        self.message.emit(tr("已保存到 {folder}：{layouts} 个布局、{measures} 项举措、{targets} 个目标")
                          .format(folder=folder, **n))
        review.finish()
        return True

    # -- dialogs (tests replace these) -----------------------------------------------------------
    def ask_source(self):
        """('file', path), ('text', pasted text) or None."""
        if not interactive():
            return None
        box = message_box(QMessageBox.Question, tr("导入规划 Import plan"),
                          tr("从文件导入（.txt、.docx 或带文字层的 PDF），还是粘贴文本？\n"
                             "Import a file (.txt, .docx or a PDF with a text layer), or paste the text?"),
                          QMessageBox.Cancel, self.window)
        file_button = box.addButton(tr("选择文件… Choose a file…"), QMessageBox.AcceptRole)
        text_button = box.addButton(tr("粘贴文本… Paste text…"), QMessageBox.AcceptRole)
        box.exec()
        if box.clickedButton() is file_button:
            path, _ = QFileDialog.getOpenFileName(self.window, tr("导入规划 Import plan"), "", tr(FILE_FILTER))
            return ("file", path) if path else None
        if box.clickedButton() is text_button:
            text, ok = QInputDialog.getMultiLineText(self.window, tr("粘贴规划文本 Paste the plan's text"),
                                                     tr("规划全文 The plan's text:"))
            return ("text", text) if ok else None
        return None

    def show_error(self, title: str, text: str) -> None:
        print(f"hzmap: {text}", file=sys.stderr)
        self.message.emit(text.splitlines()[0] if text else title)
        if interactive():
            messages.warning(self.review or self.window, f"hzmap: {title}", text)


def _beside(review, window) -> None:
    """Put the review beside the main window when the screen has room, so the map stays in
    view while the planner picks on it."""
    screen = window.screen().availableGeometry() if window.screen() is not None else None
    frame = window.frameGeometry()
    if screen is not None and frame.right() + review.width() <= screen.right():
        review.move(frame.right() + 1, frame.top())


def _listing(problems: list[str], folder=None) -> str:
    head = f"{folder}:\n" if folder is not None else ""
    more = len(problems) - MAX_LINES
    return head + "\n".join(problems[:MAX_LINES]) + (f"\n… (+{more})" if more > 0 else "")


def _remove(folder) -> None:
    """A save that failed leaves nothing behind."""
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
