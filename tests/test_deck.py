"""Slide decks read back as a planner would open them: PowerPoint (python-pptx) and PDF (pypdf)."""
import copy
import json
import os
import stat

import pytest
import pptx
import pypdf

from hzmap.cli.main import main
from hzmap.model.tours.tour import TourStep, default_tour, step_from_dict, step_to_dict, tour_to_dict


def _squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def tour_4415(data):
    geo, ds = data
    return default_tour(ds, geo, "dt_4415")


@pytest.fixture(scope="module")
def cli_decks(tmp_path_factory, data):
    """`hzmap deck --layout 4+4+1+5` as PPTX and as PDF, written once for the module."""
    folder = tmp_path_factory.mktemp("decks")
    out = {}
    for ext in ("pptx", "pdf"):
        path = folder / f"deck.{ext}"
        assert main(["deck", "--layout", "4+4+1+5", "--out", str(path)]) == 0
        out[ext] = path
    return out


def test_pptx_has_one_16_9_slide_per_step_with_title_map_caption_source_and_notes(cli_decks, tour_4415):
    prs = pptx.Presentation(str(cli_decks["pptx"]))
    assert round(prs.slide_width / prs.slide_height, 2) == 1.78
    assert len(prs.slides) == len(tour_4415.steps) == 4
    for slide, step in zip(prs.slides, tour_4415.steps):
        assert slide.shapes.title.text == step.title_zh
        texts = {s.name: s.text_frame.text for s in slide.shapes if s.has_text_frame}
        assert _squash(texts["Caption"]) == _squash(step.caption_zh)
        assert step.source_zh in texts["Source"]
        pictures = [s for s in slide.shapes if s.shape_type == pptx.enum.shapes.MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1 and pictures[0].image.size == (1920, 1080)
        # nobody wrote notes for the default tour: the notes quote the document
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.startswith("原文 (数字贸易强市三年行动计划 §一)") and "「" in notes


def test_pdf_has_one_page_per_step_with_chinese_text_and_embedded_fonts(cli_decks, tour_4415):
    reader = pypdf.PdfReader(str(cli_decks["pdf"]))
    assert len(reader.pages) == len(tour_4415.steps)
    for page, step in zip(reader.pages, tour_4415.steps):
        text = _squash(page.extract_text())
        assert _squash(step.title_zh) in text
        assert _squash(step.caption_zh) in text
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert round(width / height, 2) == 1.78
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts.append((str(font["/BaseFont"]), "/FontFile2" in desc.get_object()))
    assert fonts and all(embedded for _name, embedded in fonts), fonts
    assert any("HzmapSansSC" in name for name, _ in fonts)


def test_english_deck_has_english_titles_and_sources(data, tour_4415, tmp_path):
    import datetime as dt

    from hzmap.model import clock
    from hzmap.render.page.deck import build_deck, save_deck
    geo, ds = data
    with clock.fixed(dt.date(2026, 12, 7)):
        deck = build_deck(tour_4415, geo, ds, lang="en", dpi=96)
    save_deck(deck, tmp_path / "en.pptx")
    prs = pptx.Presentation(str(tmp_path / "en.pptx"))
    assert [s.shapes.title.text for s in prs.slides] == [s.title_en for s in tour_4415.steps]
    source = next(s for s in prs.slides[0].shapes if s.name == "Source").text_frame.text
    assert source == ("Source: Digital Trade Three-Year Action Plan §1 "
                      "(in force 2024-05-24 to 2026-12-31, ends in 24 days)")
    assert prs.slides[0].notes_slide.notes_text_frame.text.startswith("Source text (")


def _project_with_tour(path, tour):
    path.write_text(json.dumps({"format": "hzmap-project", "version": 1, "layout": tour.layout,
                                "tours": [{"name": "other", "layout": tour.layout, "steps": []},
                                          tour_to_dict(tour)]}, ensure_ascii=False), encoding="utf-8")


def test_project_tour_gives_its_steps_and_the_presenters_own_notes(data, tour_4415, tmp_path):
    tour = copy.deepcopy(tour_4415)
    tour.name = "周一例会"
    tour.steps = tour.steps[:2]
    tour.steps[0].notes_zh = "先讲自贸区的四个片区，再看滨江。"
    _project_with_tour(tmp_path / "plan.hzmap", tour)
    out = tmp_path / "weekly.pptx"
    assert main(["deck", "--project", str(tmp_path / "plan.hzmap"), "--tour", "周一例会",
                 "--out", str(out)]) == 0
    prs = pptx.Presentation(str(out))
    assert len(prs.slides) == 2
    assert prs.slides[0].notes_slide.notes_text_frame.text == "先讲自贸区的四个片区，再看滨江。"
    assert prs.slides[1].notes_slide.notes_text_frame.text.startswith("原文")


def test_notes_survive_the_project_round_trip_and_old_steps_still_load():
    step = TourStep(extent=(0, 0, 10, 10), title_zh="一核", notes_zh="讲三分钟", notes_en="3 minutes")
    back = step_from_dict(json.loads(json.dumps(step_to_dict(step))))
    assert (back.notes("zh"), back.notes("en")) == ("讲三分钟", "3 minutes")
    old = step_from_dict({"extent": [0, 0, 10, 10], "title_zh": "一核"})  # written before notes
    assert old.notes("zh") == old.notes("en") == ""
    assert TourStep(extent=(0, 0, 1, 1), notes_zh="只有中文").notes("en") == "只有中文"


@pytest.mark.parametrize("args, message", [
    (["--layout", "4+4+1+5", "--out", "deck.ppt"], "end the file name with .pptx or .pdf"),
    (["--out", "deck.pptx"], "give --layout"),
    (["--layout", "4+4+1+5", "--tour", "x", "--out", "deck.pptx"], "give --project"),
    (["--layout", "不存在", "--out", "deck.pptx"], "no layout named '不存在'"),
    (["--project", "missing.hzmap", "--out", "deck.pptx"], "no project file missing.hzmap"),
])
def test_bad_arguments_exit_2_with_a_message(args, message, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["deck", *args]) == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_unknown_tour_name_lists_the_projects_tours(tour_4415, tmp_path, capsys):
    _project_with_tour(tmp_path / "p.hzmap", tour_4415)
    assert main(["deck", "--project", str(tmp_path / "p.hzmap"), "--tour", "nope",
                 "--out", str(tmp_path / "d.pdf")]) == 2
    assert "no tour named 'nope'" in capsys.readouterr().err


def test_broken_step_is_named_and_nothing_is_written(tmp_path, capsys):
    (tmp_path / "p.hzmap").write_text(json.dumps({"format": "hzmap-project", "version": 1, "tours": [
        {"name": "t", "steps": [{"extent": [0, 0, 1, 1]}, {"extent": [5, 5, 5, "nan"]}]}]}))
    assert main(["deck", "--project", str(tmp_path / "p.hzmap"), "--out", str(tmp_path / "d.pdf")]) == 2
    assert "step 2: a tour step needs an extent of 4 numbers" in capsys.readouterr().err
    assert not (tmp_path / "d.pdf").exists()


def test_read_only_deck_is_not_replaced(tmp_path, capsys):
    out = tmp_path / "deck.pdf"
    out.write_bytes(b"the earlier deck")
    os.chmod(out, stat.S_IRUSR)
    assert main(["deck", "--layout", "4+4+1+5", "--out", str(out)]) == 1
    assert "read-only" in capsys.readouterr().err
    assert out.read_bytes() == b"the earlier deck"


def test_a_project_whose_first_tour_is_empty_gives_the_next_ones_slides(data, tour_4415, tmp_path, capsys):
    """A tour just made in the 导览 dock has no steps: the deck is the first tour with steps."""
    tour = copy.deepcopy(tour_4415)
    tour.name, tour.steps = "例会", tour.steps[:1]
    _project_with_tour(tmp_path / "plan.hzmap", tour)           # "other" (empty) comes first
    out = tmp_path / "deck.pptx"
    assert main(["deck", "--project", str(tmp_path / "plan.hzmap"), "--out", str(out)]) == 0
    assert "tour 'other' has no steps; left out" in capsys.readouterr().err
    assert len(pptx.Presentation(str(out)).slides) == 1
    # named, the empty tour is an error that says what to do
    assert main(["deck", "--project", str(tmp_path / "plan.hzmap"), "--tour", "other",
                 "--out", str(tmp_path / "d.pptx")]) == 2
    assert "tour 'other' has no steps: add steps" in capsys.readouterr().err
