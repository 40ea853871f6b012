"""The presenter view: on the laptop while the map is on the projector.

What the presenter needs and the room must not see: the step shown now (small picture, title,
caption, source) with the speaker notes, a picture of the next step, the step count and the
elapsed time. The clicker's keys work here as in the room's window. Both windows follow one
TourPlayer (hzmap.model.tours.player): this view asks it to move and redraws when it says it
moved, so neither window calls the other. Pictures come from StepThumbnails (a small offscreen
Scene per step, kept), drawn after the texts so a key press answers at once. The view follows the
session: a plan saved, a user dataset removed or a user layer changed is in the next pictures.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
                               QTextBrowser, QVBoxLayout, QWidget)

from hzmap.model.tours.player import TourPlayer, room_view
from hzmap.model.tours.source_line import source_with_status
from hzmap.render.page.deck import default_notes
from hzmap.render.page.step_picture import StepThumbnails
from hzmap.ui.common.i18n import Texts, tr
from hzmap.ui.present.keys import claim_presenter_key, step_key

PICTURE_W = 560       # logical pixels to start with; the view fits them to its size. Both
MAX_PICTURE_W = 960   # pictures share one width, so the next step's picture becomes the current one.
ROOM_SHAPE_TOLERANCE = 0.05  # a change of the room's height/width by less than this keeps the pictures


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 3600:d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class PresenterView(QWidget):
    closed = Signal()

    def __init__(self, session, player: TourPlayer, room_size: QSize | None = None, parent=None) -> None:
        super().__init__(parent, Qt.Window)
        self.setObjectName("presenterView")
        self.session, self.state, self.player = session, session.state, player
        self.texts = Texts(self.state, self)  # the step's texts follow the language in _on_view_changed
        self.picture_w = PICTURE_W
        self.thumbnails = self._thumbnails(int(PICTURE_W * self.devicePixelRatioF()))
        self._pictures_timer = QTimer(self, singleShot=True, interval=0)  # one drawing for many asks
        self._pictures_timer.timeout.connect(self.show_pictures)
        self._fit_timer = QTimer(self, singleShot=True, interval=80)
        self._fit_timer.timeout.connect(self._fit_pictures)
        self._build()
        if room_size is not None:
            self.set_room_size(room_size.width(), room_size.height())
        self.setFocusPolicy(Qt.StrongFocus)
        self.texts.tr(self.setWindowTitle, "hzmap — 演讲者视图 Presenter view")
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._show_time)
        self._tick.start()
        player.moved.connect(self._on_moved)
        player.theme_changed.connect(self._on_theme_changed)
        player.ended.connect(self._on_ended)
        self.state.changed.connect(self._on_view_changed)
        session.dataset_changed.connect(self._on_data_changed)
        session.layers.changed.connect(self._on_data_changed)
        self.show_step()

    @property
    def ds(self):
        return self.session.dataset

    def _thumbnails(self, width_px: int, room_in=None) -> StepThumbnails:
        kw = {"room_in": room_in} if room_in is not None else {}
        return StepThumbnails(self.state.geo, self.ds, width_px, layers=self.session.layers, **kw)

    def _build(self) -> None:
        self.setStyleSheet("#presenterView { background: #1E1F22; } QLabel { color: #EDEDED; }"
                           " QTextBrowser { background: #26282C; color: #F4F4F4; border: none;"
                           " font-size: 22px; }")
        self.counter_label = QLabel(objectName="presenterCounter")
        self.counter_label.setStyleSheet("font-size: 26px; font-weight: 700;")
        self.time_label = QLabel(objectName="presenterTime")
        self.time_label.setStyleSheet("font-size: 26px; font-family: monospace;")
        self.buttons = {}
        top = QHBoxLayout()
        top.addWidget(self.counter_label)
        top.addSpacing(24)
        top.addWidget(self.time_label)
        top.addStretch(1)
        for key, text, slot in (("restart", "重新计时 Restart timer", self._restart_clock),
                                ("previous", "◀ 上一步 Previous", self.player.previous),
                                ("next", "下一步 Next ▶", self.player.next),
                                ("end", "结束放映 End (Esc)", self.player.end)):
            button = QPushButton(objectName=f"presenter_{key}")
            button.setFocusPolicy(Qt.NoFocus)  # the keys stay with the view
            self.texts.tr(button.setText, text)
            button.clicked.connect(lambda _c=False, f=slot: f())
            top.addWidget(button)
            self.buttons[key] = button
        self.current_picture, self.next_picture = (self._picture_label(n) for n in ("currentPicture", "nextPicture"))
        self.title_label = QLabel(objectName="presenterTitle", wordWrap=True)
        self.title_label.setStyleSheet("font-size: 28px; font-weight: 700;")
        self.caption_label = QLabel(objectName="presenterCaption", wordWrap=True)
        self.caption_label.setStyleSheet("font-size: 20px;")
        self.source_label = QLabel(objectName="presenterSource", wordWrap=True)
        self.source_label.setStyleSheet("font-size: 16px; color: #B8B8B8;")
        self.next_title = QLabel(objectName="presenterNextTitle", wordWrap=True)
        self.next_title.setStyleSheet("font-size: 20px; color: #CFCFCF;")
        self.notes = QTextBrowser(objectName="presenterNotes")
        self.notes.setFocusPolicy(Qt.NoFocus)
        headings = {}
        for key, text in (("now", "现在 Now"), ("next", "下一步 Next"), ("notes", "备注 Notes")):
            headings[key] = QLabel(objectName=f"heading_{key}")
            headings[key].setStyleSheet("font-size: 15px; color: #9AA0A6; font-weight: 600;")
            self.texts.tr(headings[key].setText, text)
        # Now and Next side by side, each with what the room reads; the notes below, full width.
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        now, nxt = QVBoxLayout(), QVBoxLayout()
        for w in (headings["now"], self.current_picture, self.title_label, self.caption_label, self.source_label):
            now.addWidget(w)
        for w in (headings["next"], self.next_picture, self.next_title):
            nxt.addWidget(w)
        for column in (now, nxt):
            column.addStretch(1)
        grid.addLayout(now, 0, 0)
        grid.addLayout(nxt, 0, 1)
        grid.addWidget(headings["notes"], 1, 0, 1, 2)
        grid.addWidget(self.notes, 2, 0, 1, 2)
        grid.setRowStretch(2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        box.addLayout(top)
        box.addLayout(grid, 1)

    def _picture_label(self, name: str) -> QLabel:
        label = QLabel(objectName=name, alignment=Qt.AlignCenter)
        label.setFixedSize(*self._picture_size())
        label.setStyleSheet("background: #111; color: #9AA0A6;")
        label.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        return label

    def set_room_size(self, width: int, height: int) -> None:
        """The room's map is `width` × `height` logical pixels: pictures take its shape. The
        room's caption grows a line on some steps; a change of shape that small keeps the
        pictures drawn so far."""
        w_in, h_in = self.thumbnails.room_in
        if width > 0 and height > 0 and abs((height / width) / (h_in / w_in) - 1) > ROOM_SHAPE_TOLERANCE:
            self.thumbnails.resize(self.thumbnails.width_px, (width / 100, height / 100))
            self._fit_pictures(force=True)

    def _picture_size(self) -> tuple[int, int]:
        w_in, h_in = self.thumbnails.room_in
        return self.picture_w, int(round(self.picture_w * h_in / w_in))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._fit_timer.start()

    def _fit_pictures(self, force: bool = False) -> None:
        """Two pictures side by side, as large as the view allows (at most 40% of its height,
        so the notes keep room)."""
        w_in, h_in = self.thumbnails.room_in
        width = (self.width() - 48 - 28) // 2
        width = int(max(240, min(MAX_PICTURE_W, width, 0.40 * self.height() * w_in / h_in)))
        if width == self.picture_w and not force:
            return
        self.picture_w = width
        for label in (self.current_picture, self.next_picture):
            label.setFixedSize(*self._picture_size())
        self._schedule_pictures()

    # -- the player -> the view ---------------------------------------------------------------
    def _on_moved(self, _index: int) -> None:
        self.show_step()

    def _on_theme_changed(self, _on: bool) -> None:
        self._schedule_pictures()

    def _on_view_changed(self, _view, fields) -> None:
        if fields & {"lang", "layers", "as_of"}:   # as_of: the source line's plan status
            self.show_step()

    def _on_data_changed(self, *_args) -> None:
        """A new dataset or new data in the layer store: the pictures kept were drawn from the
        old, so they are all drawn again (with the notes)."""
        self.thumbnails = self._thumbnails(self.thumbnails.width_px, self.thumbnails.room_in)
        self.show_step()

    def show_step(self) -> None:
        """Texts now; pictures on the next turn of the event loop."""
        p, lang = self.player, self.state.lang
        step, nxt = p.step, p.next_step
        self.counter_label.setText(f"{p.index + 1} / {len(p)}" if step else "")
        self.title_label.setText(step.title(lang) if step else "")
        self.caption_label.setText(step.caption(lang) if step else "")
        src = source_with_status(self.ds, step, lang, self.state.view.as_of) if step else ""
        self.source_label.setText(("Source: " if lang == "en" else "出处：") + src if src else "")  # the tour's language
        notes = (step.notes(lang) or default_notes(self.ds, step, lang)) if step else ""
        self.notes.setPlainText(notes)
        self.next_title.setText(nxt.title(lang) if nxt else tr("（导览结束）End of tour"))
        self.buttons["previous"].setEnabled(p.index > 0)
        self.buttons["next"].setEnabled(nxt is not None)
        self._show_time()
        self._schedule_pictures()

    def _schedule_pictures(self) -> None:
        self._pictures_timer.start()

    def show_pictures(self) -> None:
        p = self.player
        self.thumbnails.resize(int(self.picture_w * self.devicePixelRatioF()), self.thumbnails.room_in)
        for label, step in ((self.current_picture, p.step), (self.next_picture, p.next_step)):
            if step is None:
                label.clear()
                label.setText(tr("（导览结束）End of tour"))
                continue
            rgba = self.thumbnails.picture(room_view(self.state.view, step, self.ds), step, p.high_contrast)
            h, w = rgba.shape[:2]
            image = QImage(rgba.tobytes(), w, h, 4 * w, QImage.Format_RGBA8888).copy()
            image.setDevicePixelRatio(w / self.picture_w)
            label.setPixmap(QPixmap.fromImage(image))

    def _show_time(self) -> None:
        self.time_label.setText(clock_text(self.player.elapsed()))

    def _restart_clock(self) -> None:
        self.player.restart_clock()
        self._show_time()

    # -- keys -----------------------------------------------------------------------------------
    def event(self, event) -> bool:
        return claim_presenter_key(event) or super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        key = event.key()
        if step_key(self.player, key):
            pass
        elif key == Qt.Key_Escape:
            self.player.end()
        else:
            super().keyPressEvent(event)

    def _on_ended(self) -> None:
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._tick.stop()
        for signal, slot in ((self.player.moved, self._on_moved), (self.player.ended, self._on_ended),
                             (self.player.theme_changed, self._on_theme_changed)):
            signal.disconnect(slot)
        self.state.changed.disconnect(self._on_view_changed)
        self.session.dataset_changed.disconnect(self._on_data_changed)
        self.session.layers.changed.disconnect(self._on_data_changed)
        super().closeEvent(event)
        self.player.end()  # closing the presenter view ends the presentation
        self.closed.emit()
