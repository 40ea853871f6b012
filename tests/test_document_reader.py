"""The document reader on its own: every excerpt highlighted at its place, a click on one
selects its item through the view state, open_at scrolls to a passage and flashes it."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor

from hzmap.model.documents import load_documents
from hzmap.model.view.viewstate import Selection, ViewState

PLANS = ("st2021", "dt2024", "open2018", "ps2024", "nst2021")


@pytest.fixture(scope="module")
def docs(dataset):
    return load_documents(dataset)


@pytest.fixture
def reader(qtbot, dataset, docs, geodata):
    from hzmap.ui.panels.document_reader import DocumentReader

    state = ViewState(geodata)
    w = DocumentReader(docs, dataset, state)
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


def squash(s: str) -> str:
    return re.sub(r"\s", "", s)


def test_each_document_shows_every_excerpt_highlighted_at_its_place(reader, docs):
    for plan in PLANS:
        reader.open_document(plan)
        doc = docs[plan]
        assert reader.text.toPlainText() == doc.text.replace("\xa0", " ")   # Qt shows nbsp as space
        shown = {(s.cursor.selectionStart(), s.cursor.selectionEnd()): s.cursor.selectedText()
                 for s in reader.text.extraSelections()}
        anchors = docs.anchors_in(plan)
        assert anchors, plan
        for a in anchors:
            assert squash(shown[(a.start, a.end)]) == squash(a.excerpt), (plan, a.id)


def click_offset(qtbot, reader, offset: int) -> None:
    """A real left click on the character at `offset` (scrolled into view first)."""
    cur = QTextCursor(reader.text.document())
    cur.setPosition(offset)
    reader.text.setTextCursor(cur)
    reader.text.ensureCursorVisible()
    rect = reader.text.cursorRect(cur)
    qtbot.mouseClick(reader.text.viewport(), Qt.LeftButton, pos=QPoint(rect.x() + 3, rect.center().y()))


def first_clickable(docs, kind, test=lambda a: True):
    """An anchor of `kind` that is the one a click in its middle picks."""
    for plan in PLANS:
        for a in docs.anchors_in(plan):
            mid = (a.start + a.end) // 2
            if a.kind == kind and test(a) and docs.anchors_at(plan, mid)[0] == a:
                return a
    raise LookupError(kind)


def test_clicking_an_element_shows_its_layout_and_selects_it(qtbot, reader, docs):
    a = first_clickable(docs, "element", lambda a: a.id == "dt_4415/ftz_led")
    reader.open_document(a.doc)
    with qtbot.waitSignal(reader.item_clicked) as sig:
        click_offset(qtbot, reader, (a.start + a.end) // 2)
    assert sig.args == ["element", "dt_4415/ftz_led"]
    assert reader.state.layout == "dt_4415"
    assert reader.state.selection == Selection.element("dt_4415", "ftz_led")
    assert ("selected" in {w for s, e, w in reader.highlights() if (s, e) == (a.start, a.end)})


def test_clicking_a_place_shows_a_layout_that_draws_it(qtbot, reader, docs):
    a = first_clickable(docs, "place", lambda a: a.id == "china_data_valley")
    reader.open_document(a.doc)
    reader.state.update(layout="st_core_belt_wings")       # does not draw 中国数谷
    click_offset(qtbot, reader, (a.start + a.end) // 2)
    assert reader.state.selection == Selection.place("china_data_valley")
    assert reader.state.layout == "dt_platforms"


def test_clicking_a_measure_selects_its_district(qtbot, reader, docs, dataset):
    a = first_clickable(docs, "measure", lambda a: bool(dataset.measures[a.id].districts))
    reader.open_document(a.doc)
    click_offset(qtbot, reader, (a.start + a.end) // 2)
    assert reader.state.selection == Selection.district(dataset.measures[a.id].districts[0])


def test_clicking_plain_text_changes_nothing(qtbot, reader, docs):
    reader.open_document("st2021")
    plain = next(i for i in range(len(docs["st2021"].text)) if not docs.anchors_at("st2021", i)
                 and docs["st2021"].text[i] not in "\n ")
    before = reader.state.view
    click_offset(qtbot, reader, plain)
    assert reader.state.view == before


def visible(reader, offset: int) -> bool:
    cur = QTextCursor(reader.text.document())
    cur.setPosition(offset)
    return reader.text.viewport().rect().contains(reader.text.cursorRect(cur).center())


def test_open_at_scrolls_to_the_passage_and_flashes_it(qtbot, reader, docs):
    a = docs.anchors_in("st2021")[-1]            # near the end of the longest plan
    reader.open_document("dt2024")
    assert reader.open_at(a)
    assert reader.doc_id == "st2021" and reader.doc_combo.currentData() == "st2021"
    assert reader.text.verticalScrollBar().value() > 0 and visible(reader, a.start)
    assert (a.start, a.end, "flash") in reader.highlights()
    qtbot.waitUntil(lambda: reader._flash is None, timeout=4000)           # the flash ends
    assert all(w != "flash" for _, _, w in reader.highlights())


def test_open_at_takes_an_item_a_source_or_an_offset(reader, docs, dataset):
    from hzmap.model.dataset import district_profile

    assert reader.open_at(("element", "dt_4415/ftz_led"))
    a = docs.anchors_of("element", "dt_4415/ftz_led")[0]
    assert reader._flash == (a.start, a.end)
    src = district_profile(dataset, "binjiang")["roles_by_plan"][-1]["items"][0]["sources"][0]
    assert reader.open_at(src) and reader.doc_id == src["doc"] == "nst2021"   # the inspector's
    para = docs["ps2024"].paragraph_at(2000)
    assert reader.open_at(("ps2024", 2000)) and reader._flash == (para.start, para.end)
    assert reader.open_at(Selection.place("iot_park"))
    assert not reader.open_at(("place", "no_such_place"))


def test_contents_tree_follows_the_headings_and_jumps(qtbot, reader, docs):
    reader.open_document("ps2024")
    top = reader.contents.topLevelItem(0)
    labels = [top.child(i).text(0) for i in range(top.childCount())]
    assert labels[0] == "一、(标题缺失)" and labels[3] == "四、(标题缺失)"
    four = top.child(3)
    item = four.child(0)                                          # (十七)着力提升枢纽能级
    assert item.text(0) == "(十七)着力提升枢纽能级"
    reader._on_contents_clicked(item)
    assert visible(reader, docs["ps2024"].text.index("(十七)着力提升枢纽能级"))


def test_search_one_document_or_all_in_pinyin_initials(reader, docs):
    reader.open_document("ps2024")
    reader.search_edit.setText("jjd")
    hits = reader.run_search()
    at = docs["ps2024"].text.index("集聚地")
    assert any(m.start == at for m in hits) and {m.doc for m in hits} == {"ps2024"}
    assert (at, at + 3, "hit") in reader.highlights() and reader.results.count() == len(hits)
    reader.scope.setCurrentIndex(1)                                  # all documents
    assert {m.doc for m in reader._hits} > {"ps2024"}
    reader.results.itemClicked.emit(reader.results.item(reader.results.count() - 1))
    assert reader.doc_id == reader._hits[-1].doc


def test_copy_with_citation(reader, docs):
    reader.open_at(("element", "dt_platforms/ftz_data_pilot"))
    text = reader.copy_with_citation()
    assert text.startswith("“15.推动数据跨境流动便利化。依托自贸试验区先行开展数据出境评估便利化试点")
    assert text.endswith("[Z]. 2024-05-24: 二(三)15.")
    assert QGuiApplication.clipboard().text() == text
    doc = docs["dt2024"]
    start = doc.text.index("构建“123”快货物流圈")
    reader.text.setTextCursor(reader.text.cursor_at(start, start + len("构建“123”快货物流圈")))
    assert reader.copy_with_citation().startswith("“构建“123”快货物流圈”\n杭州市人民政府办公厅.")


def test_it_speaks_english_after_a_language_change(qtbot, reader):
    from hzmap.ui.common import i18n
    try:
        reader.state.update(lang="en")      # the view's language: the reader follows it
        qtbot.waitUntil(lambda: reader.copy_button.text() == "Copy with citation")
        assert reader.scope.itemText(1) == "All documents"
        assert reader.doc_combo.itemText(1) == "Digital Trade Three-Year Action Plan"
        assert not i18n.CJK.search(reader.search_edit.placeholderText())
    finally:
        reader.state.update(lang="zh")
    qtbot.waitUntil(lambda: reader.copy_button.text() == "复制并注明出处 Copy with citation")
