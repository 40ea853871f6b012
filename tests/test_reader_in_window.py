"""The source documents in the window: from an inspector item to its passage, and back."""


def test_open_at_source_from_the_inspector_scrolls_the_reader_to_the_passage(window, qtbot):
    window.state.update(layout="dt_4415")
    window.state.select_district("qiantang")
    insp = window.info_panel.inspector
    source = insp.items_of_kind("source")[0]
    insp.setCurrentItem(source)
    assert insp.source_action.isEnabled()
    insp.source_action.trigger()                           # 在原文中查看 Open at source
    reader = window.windows.reader
    assert window.windows.reader_dock.isVisible() and reader is not None
    excerpt = "".join(insp.current_sources()[0]["excerpt"].split())
    at = reader.text.textCursor().position()           # the reader put its cursor at the passage
    shown = "".join(reader.text.toPlainText()[at:at + 3 * len(excerpt)].split())
    assert shown.startswith(excerpt[:8]), (shown[:20], excerpt[:20])


def test_a_click_on_a_passage_selects_its_item_in_the_inspector(window, qtbot):
    window.state.update(layout="dt_4415")
    window.windows.reader_dock.show()
    reader = window.windows.reader
    anchor = next(a for a in reader.docs.anchors_of("place", "iot_park"))
    reader.activate(anchor)
    assert window.state.place == "iot_park"
    assert "物联网" in window.info_panel.title.text()
