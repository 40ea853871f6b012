"""中文 / English: Qt's translation system for the UI, the dataset's English names for the map.

The source strings in the code are the Chinese (often "中文 English") texts the app shows by
default; resources/i18n/hzmap_en.ts maps them to English and is compiled to hzmap_en.qm with
pyside6-lrelease (resources/i18n/build_i18n.py). Every wrapped string uses one context, "hzmap",
so a language switch can re-translate the widgets that already exist: `retranslate` walks the
window's actions, menus, docks, labels and buttons and looks each text up again, going back to
the source text through the catalogue's reverse map. Panels built from data (layer tree,
inspector) are rebuilt, and the map is re-labelled through render.spotlight.apply_language; an
open presentation follows. The choice is kept in QSettings and applied when the dataset is in.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QDockWidget, QGroupBox, QLabel, QLineEdit, QMenu, QToolBar,
                               QWidget)

from hzmap.paths import resources_root
from hzmap.ui.settings import settings

CONTEXT = "hzmap"
SETTINGS_KEY = "ui/language"
LANGUAGES = (("zh", "中文"), ("en", "English"))
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")

_translator: QTranslator | None = None
_reverse: dict[str, str] | None = None
current = "zh"


def tr(text: str) -> str:
    """Translate a UI string (context "hzmap"); the source text when no English is loaded."""
    return QCoreApplication.translate(CONTEXT, text)


def tr_data(zh: str, en: str | None) -> str:
    """Dataset text in the language in force: the English field when there is one."""
    return en if current == "en" and en else zh


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


def _source_of(text: str) -> str:
    global _reverse
    if _reverse is None:
        _reverse = {en: zh for zh, en in catalogue().items()}
    return _reverse.get(text, text)


def install(lang: str) -> None:
    """Load (en) or remove (zh) the English translator for the whole application."""
    global _translator, current
    app = QCoreApplication.instance()
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    if lang == "en":
        translator = QTranslator(app)
        if not translator.load(str(qm_path())):
            raise FileNotFoundError(f"{qm_path()} missing: run resources/i18n/build_i18n.py")
        app.installTranslator(translator)
        _translator = translator
    current = lang


def retranslate_widgets(root: QWidget) -> None:
    """Look up again every text of the actions, menus, docks, labels and buttons under `root`."""
    def again(text: str) -> str:
        if not text:
            return text
        return tr(_source_of(text))

    if root.windowTitle():
        root.setWindowTitle(again(root.windowTitle()))
    for action in root.findChildren(QAction):
        action.setText(again(action.text()))
        action.setToolTip(again(action.toolTip()))
    for menu in root.findChildren(QMenu):
        menu.setTitle(again(menu.title()))
    for widget in root.findChildren(QDockWidget) + root.findChildren(QToolBar):
        widget.setWindowTitle(again(widget.windowTitle()))
    for label in root.findChildren(QLabel):
        if not label.objectName().startswith("caption"):  # data, not UI: set by its owner
            label.setText(again(label.text()))
    for button in root.findChildren(QAbstractButton):
        button.setText(again(button.text()))
        button.setToolTip(again(button.toolTip()))
    for edit in root.findChildren(QLineEdit):
        edit.setPlaceholderText(again(edit.placeholderText()))
    for box in root.findChildren(QGroupBox):
        box.setTitle(again(box.title()))
    for combo in root.findChildren(QComboBox):
        for i in range(combo.count()):
            combo.setItemText(i, again(combo.itemText(i)))


def set_language(window, lang: str) -> None:
    """Switch the UI and the map to `lang` at once."""
    from hzmap.render.spotlight import apply_language

    install(lang)
    window.language = lang
    apply_language(window.canvas.renderer_, lang)
    window.canvas.draw_idle()
    retranslate_widgets(window)
    _refill_layout_combos(window)
    if getattr(window, "layer_panel", None) is not None:
        _retranslate_layer_tree(window.layer_panel)
    panel = window.info_panel
    if panel.inspector is not None and window.state.place is not None:
        panel._on_place_changed(window.state.place)
    else:
        panel._on_selection_changed(window.state.selection)
    editor = getattr(window, "tour_editor", None)
    if editor is not None:
        editor.retranslate()
    for key, action in getattr(window, "language_actions", {}).items():
        action.setChecked(key == lang)
    presentation = getattr(window, "presentation", None)
    if presentation is not None:
        presentation.set_language(lang)
    settings().setValue(SETTINGS_KEY, lang)


def saved_language() -> str:
    """The language chosen last time ("zh" when none was, or the value is unknown)."""
    lang = settings().value(SETTINGS_KEY, "zh")
    return lang if lang in dict(LANGUAGES) else "zh"


def _refill_layout_combos(window) -> None:
    from hzmap.ui.layer_panel import fill_layout_combo

    if window.dataset is None:
        return
    combos = [window.layout_combo]
    if getattr(window, "layer_panel", None) is not None:
        combos.append(window.layer_panel.combo)
    for combo in combos:
        combo.blockSignals(True)
        fill_layout_combo(combo, window.dataset)
        combo.setCurrentIndex(max(0, combo.findData(window.state.layout)))
        combo.blockSignals(False)


def _retranslate_layer_tree(panel) -> None:
    """Re-label the layer tree in place, so the user's ticks survive the switch."""
    from PySide6.QtCore import Qt

    layout = panel.ds.layouts.get(panel.state.layout) if panel.state.layout else None
    elements = {el.id: el for el in layout.elements} if layout else {}
    panel.tree.blockSignals(True)
    for item in panel.tree.findItems("*", Qt.MatchWildcard | Qt.MatchRecursive):
        key = item.data(0, Qt.UserRole)
        if key and key[0] == "element" and key[1] in elements:
            el = elements[key[1]]
            item.setText(0, tr_data(el.name, el.name_en)
                         + (tr("（示意）") if el.geometry.type == "schematic" else ""))
        elif key is None and layout is not None and item.parent() is None and item.childCount() \
                and any((item.child(i).data(0, Qt.UserRole) or ("",))[0] == "element"
                        for i in range(item.childCount())):
            item.setText(0, tr_data(f"{layout.name}（{layout.name_en}）", layout.name_en))
        else:
            item.setText(0, tr(_source_of(item.text(0))))
    panel.tree.blockSignals(False)


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


def attach(window) -> None:
    window.language = current
    menu = window.menus["view"].addMenu(tr("语言 Language"))
    group = QActionGroup(window)
    window.language_actions = {}
    for key, label in LANGUAGES:
        action = QAction(label, window, checkable=True)
        action.setObjectName(f"lang_{key}")
        action.setChecked(key == current)
        action.triggered.connect(lambda _c=False, k=key: set_language(window, k))
        group.addAction(action)
        menu.addAction(action)
        window.language_actions[key] = action
    # Start in the language chosen last time; the features attached after this one then build
    # their texts in it directly.
    lang = saved_language()
    if lang != current or lang != "zh":
        set_language(window, lang)
