"""The plans in full: clean text, contents, every excerpt at its passage, search, citations."""
from __future__ import annotations

import os
import re

import pytest

from hzmap.model.documents import DocumentError, join_cjk, load_documents
from hzmap.model.documents.document import Document

PLANS = ("st2021", "dt2024", "open2018", "ps2024", "nst2021")


@pytest.fixture(scope="module")
def docs(dataset):
    return load_documents(dataset)


def squash(s: str) -> str:
    return re.sub(r"\s", "", s)


def test_the_five_plans_are_read_from_the_shipped_copy(docs):
    assert [d.plan_id for d in docs] == list(PLANS)
    assert all(d.path.parent.name == "sources" and d.path.parent.parent.name == "geodata"
               for d in docs)


def test_html_and_front_matter_are_removed(docs):
    text = docs["nst2021"].text
    assert "<" not in text and "title:" not in text and "headimg" not in text
    assert text.startswith("财联社10月19日讯")
    # the repost broke this sentence across two <p>: it reads as one paragraph again
    assert "推动东部地区率先实现服务贸易高质量发展。" in docs["nst2021"].paragraph_text(
        text.index("充分发挥东部地区高端要素集聚优势"))


def test_extraction_spaces_inside_words_are_gone(docs):
    text = docs["ps2024"].text
    assert "打造全国先进生产性服务业集聚地" in text and "集 聚地" not in text
    assert "2024 年 10 月 15 日" in text      # only spaces between two CJK characters go
    assert join_cjk("集 聚地") == "集聚地"
    assert join_cjk("杭州市商务局        杭州市发展") == "杭州市商务局        杭州市发展"   # layout


def test_measures_run_together_in_one_line_become_paragraphs(docs):
    doc = docs["ps2024"]
    starts = [doc.text[p.start:p.end] for p in doc.paragraphs]
    for head in ("(十二)拓展金融服务广度深度。", "三、聚焦金融服务", "( 四)提升检验检测服务能力。"):
        assert any(s.startswith(head) for s in starts), head


def test_contents_follow_the_documents_numbering(docs):
    st = docs["st2021"]
    assert [h.label for h in st.contents] == ["一、发展基础和面临形势", "二、总体要求", "三、主要任务",
                                              "四、重点领域", "五、保障措施"]
    by_section = {h.section: h for h in docs["dt2024"].headings}
    assert by_section["二(一)7"].title == "培育数据贸易"
    assert by_section["二(一)7"].parent.title == "加强业态培育"
    assert [h.section for h in docs["nst2021"].contents] == list("一二三四五六七八九")


def test_lost_headings_are_put_back_where_the_plan_says(docs):
    ps = docs["ps2024"]
    four = next(h for h in ps.contents if h.number == "四")
    assert four.lost and [c.number for c in four.children] == [
        "(十七)", "(十八)", "(十九)", "(二十)", "(二十一)"]
    assert ps.section_at(ps.text.index("萧山白鹿塘")) == "四(二十)"


def test_every_excerpt_is_found_at_its_place_in_all_five_documents(dataset, docs):
    assert not docs.missing
    n_sources = sum(len(rec.all_sources) for rec in (
        *dataset.places.values(), *dataset.layouts.values(), *dataset.measures.values(), *dataset.targets.values(),
        *(el for _, el in dataset.elements())))
    assert len(docs.anchors) == n_sources
    wrong = []
    for a in docs.anchors:
        doc = docs[a.doc]
        if squash(doc.text[a.start:a.end]) != squash(a.excerpt):
            wrong.append((a.id, "text", a.excerpt))
        section = squash(doc.section_at(a.start))
        if not (section.endswith(squash(a.section)) or (a.section == "前言" and section == "")):
            wrong.append((a.id, a.section, section))
        para = doc.paragraph_at(a.start)
        if a.end > para.end:
            wrong.append((a.id, "crosses a paragraph"))
    assert not wrong
    assert {a.doc for a in docs.anchors} == set(PLANS)   # every plan has its items


def test_search_in_chinese_initials_and_pinyin(docs):
    text = docs["ps2024"].text
    at = text.index("集聚地")
    for query, how in (("集聚地", "text"), ("jjd", "initials"), ("jijudi", "pinyin"),
                       ("jiju", "pinyin")):
        hits = docs.search(query, doc="ps2024")
        assert any(m.start == at and m.how == how for m in hits), query
    apec = docs.search("apec", doc="ps2024")
    assert apec and all(text[m.start:m.end] == "APEC" for m in apec)
    everywhere = {m.doc for m in docs.search("开放")}
    assert everywhere == set(PLANS)
    hit = docs.search("先进生产性服务业集聚地", doc="ps2024")[0]
    assert hit.section == "" and "集聚地" in hit.snippet


def test_citation_in_gbt_7714_style(docs):
    doc = docs["dt2024"]
    at = doc.text.index("构建“123”快货物流圈")
    assert docs.cite("dt2024", at) == ("杭州市人民政府办公厅. 杭州市推进数字贸易强市三年行动计划"
                                       "（2024—2026年）[Z]. 2024-05-24: 二(三)17.")
    assert docs.cite("st2021", section="二(四)") == (
        "杭州市商务局, 杭州市发展和改革委员会. 杭州市服务贸易发展“十四五”规划[Z]. 2021-08-02: 二(四).")


def test_a_passage_gives_paragraph_heading_and_citation(docs):
    a = docs.anchors_of("element", "dt_4415/ftz_led")[0]
    p = docs.passage(a)
    assert a.excerpt.replace(" ", "") in p["paragraph"].replace(" ", "")
    assert p["heading"]["title"] == "发展目标" and p["citation"].endswith(": 一.")


@pytest.mark.parametrize("content, why", [
    ("杭州".encode("gbk"), "not UTF-8"),
    (None, "not a regular file"),
    (b"x" * (5 * 1024 * 1024 + 1), "too big"),
])
def test_a_bad_document_file_gets_a_clear_message(dataset, tmp_path, content, why):
    path = tmp_path / "doc.txt"
    if content is None:
        os.mkfifo(path)
    else:
        path.write_bytes(content)
    with pytest.raises(DocumentError) as exc:
        Document.read(dataset.plans["dt2024"], path)
    assert str(path) in str(exc.value) and why in str(exc.value)


def test_a_missing_document_folder_names_the_file(dataset, tmp_path):
    with pytest.raises(DocumentError, match="000_e06db5c896921476.txt"):
        load_documents(dataset, tmp_path / "absent")
