"""中文 / English: Qt's translation system for the UI, the dataset's English names for the map.

The source strings in the code are the Chinese (often "中文 English") texts the app shows by
default; resources/i18n/hzmap_en.ts maps them to English and is compiled to hzmap_en.qm with
pyside6-lrelease (resources/i18n/build_i18n.py). Every wrapped string uses one context, "hzmap".

The language is a field of the view state (View.lang), and the UI follows it one way: every
widget keeps the texts it set in a `Texts` made with the state, which sets them again when the
language changes and then calls back what the widget built from data (`then`). Qt's translator is
switched first, by the state's own subscription (`follow_language`), so every `tr` after it, in
any handler, speaks the new language. The map re-labels through its Scene.
"""
from __future__ import annotations

import re
import weakref
import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QGroupBox, QLabel, QMenu, QToolBar, QWidget

from hzmap.paths import resources_root
from hzmap.ui.common.follow import follow
from hzmap.ui.common.settings import settings

CONTEXT = "hzmap"
SETTINGS_KEY = "ui/language"
LANGUAGES = (("zh", "中文"), ("en", "English"))
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")

_translator: QTranslator | None = None
current = "zh"  # the translator installed (Qt's translators are application-wide)


def tr(text: str) -> str:
    """Translate a UI string (context "hzmap"); the source text when no English is loaded."""
    return QCoreApplication.translate(CONTEXT, text)


def tr_data(zh: str, en: str | None) -> str:
    """Dataset text in the language in force: the English field when there is one."""
    return en if current == "en" and en else zh


class Texts:
    """The translatable texts of one widget (or one set of actions), set again whenever the
    View's language changes, for as long as `owner` lives.

    `texts.tr(label.setText, SOURCE_TEXT)` sets the translation now and remembers the pair; `fmt`
    values are filled in with str.format after translating. After a language change each text is
    set again, then each `then` callback runs (the widget rebuilds what it made from data)."""

    def __init__(self, state, owner, then=None) -> None:
        self._items: list[tuple] = []
        self._then = [then] if callable(then) else list(then or ())
        follow_language(state)
        follow(owner, state.changed, self._on_view_changed)

    def tr(self, setter, source: str, **fmt) -> str:
        text = tr(source).format(**fmt) if fmt else tr(source)
        setter(text)
        self._items.append((setter, source, fmt))
        return text

    def _on_view_changed(self, _view, fields) -> None:
        if "lang" in fields:
            self.retranslate()
            for then in self._then:
                then()

    def retranslate(self) -> None:
        alive = []
        for setter, source, fmt in self._items:
            try:
                setter(tr(source).format(**fmt) if fmt else tr(source))
            except RuntimeError:  # the Qt object is gone
                continue
            alive.append((setter, source, fmt))
        self._items = alive


_following: "weakref.WeakSet" = weakref.WeakSet()


def follow_language(state) -> None:
    """Switch Qt's translator when `state`'s language changes, before any other subscriber
    hears of the change (the texts they build then are in the new language)."""
    if state not in _following:
        _following.add(state)
        state.changed.connect(_switch_language, priority=100)


def _switch_language(view, fields) -> None:
    if "lang" in fields:
        install(view.lang)


def ts_path():
    return resources_root() / "i18n" / "hzmap_en.ts"


def qm_path():
    return resources_root() / "i18n" / "hzmap_en.qm"


def catalogue() -> dict[str, str]:
    """source -> English, read from the .ts file (finished translations only)."""
    out = {}
    for msg in ET.parse(ts_path()).getroot().iter("message"):
        source, translation = msg.findtext("source"), msg.find("translation")
        if source and translation is not None and translation.text and translation.get("type") is None:
            out[source] = translation.text
    return out


def install(lang: str) -> None:
    """Load (en) or remove (zh) the English translator for the whole application (Qt's own
    widgets, a dialog's standard buttons, follow it through their LanguageChange event)."""
    global _translator, current
    app = QCoreApplication.instance()
    if lang == current and (lang == "zh" or _translator is not None):
        return
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    current = lang
    if lang == "en":
        translator = QTranslator(app)
        if not translator.load(str(qm_path())):
            current = "zh"
            raise FileNotFoundError(f"{qm_path()} missing: run resources/i18n/build_i18n.py")
        app.installTranslator(translator)
        _translator = translator
    # Qt posts the LanguageChange; deliver it now, so the switch is one synchronous step
    QCoreApplication.sendPostedEvents(None, QEvent.LanguageChange)


def saved_language() -> str:
    """The language chosen last time ("zh" when none was, or the value is unknown)."""
    lang = settings().value(SETTINGS_KEY, "zh")
    return lang if lang in dict(LANGUAGES) else "zh"


def remember_language(lang: str) -> None:
    settings().setValue(SETTINGS_KEY, lang)


def untranslated(root: QWidget) -> list[str]:
    """UI texts under `root` that still contain Chinese (for tests and the report)."""
    texts = [root.windowTitle()]
    texts += [a.text() for a in root.findChildren(QAction) if not a.objectName().startswith("lang_")]
    texts += [m.title() for m in root.findChildren(QMenu)]
    texts += [w.windowTitle() for w in root.findChildren(QDockWidget) + root.findChildren(QToolBar)]
    texts += [b.title() for b in root.findChildren(QGroupBox)]
    texts += [w.text() for w in root.findChildren(QLabel) + root.findChildren(QAbstractButton)
              if w.isVisibleTo(root)]
    return sorted({t for t in texts if t and CJK.search(t)})
