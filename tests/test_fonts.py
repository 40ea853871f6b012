"""hzmap's shipped font draws every Chinese string the program and its data hold, in
matplotlib (screen, PNG, PDF with extractable text) and in Qt, with no CJK font installed."""

from __future__ import annotations

import importlib.util
import io
import os
import warnings
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hzmap import fonts  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SAMPLE = "杭州市 滨江区 钱塘区 一核一带两翼多基地"


# --------------------------------------------------------------------------- strings


def project_strings() -> dict[str, list[str]]:
    """What the font build collects (the source documents the reader shows, data files and
    program strings), read by the build script's own functions so the two never disagree."""
    spec = importlib.util.spec_from_file_location("build_fonts", REPO / "resources" / "fonts" / "build_fonts.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return build.project_strings(REPO, seeds=REPO / "geodata" / "sources")


def test_font_files_are_shipped():
    for path in fonts.font_files():
        assert path.is_file(), f"{path} missing: run resources/fonts/build_fonts.py"
        assert 100_000 < path.stat().st_size < 8_000_000


def test_every_project_string_has_glyphs():
    strings = project_strings()
    assert "geodata/districts.csv" in strings
    assert sum(p.endswith(".txt") for p in strings) == 5          # the documents, as the reader shows them
    assert any("滨江区" in s for s in strings["geodata/districts.csv"])
    where: dict[str, set[str]] = {}
    for origin, texts in strings.items():
        for text in texts:
            for ch in fonts.missing_glyphs(text):
                where.setdefault(ch, set()).add(origin)
    if where:
        listing = "\n".join(
            f"  {ch!r} U+{ord(ch):04X} in {', '.join(sorted(origins))}" for ch, origins in sorted(where.items())
        )
        pytest.fail(
            f"{len(where)} characters have no glyph in {fonts.FONT_FAMILY}:\n{listing}\n"
            "re-run resources/fonts/build_fonts.py to add them to the shipped font"
        )


def test_missing_glyphs_ignores_whitespace_and_reports_gaps():
    assert fonts.missing_glyphs("杭州 市\t\n\u3000A-1（）、。") == set()
    assert fonts.missing_glyphs("\U0001F600杭") == {"\U0001F600"}


# --------------------------------------------------------------------------- matplotlib


@pytest.fixture(scope="module")
def mpl():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    assert fonts.register_matplotlib() == fonts.FONT_FAMILY
    assert fonts.register_matplotlib() == fonts.FONT_FAMILY  # idempotent
    yield plt
    plt.close("all")


def test_matplotlib_finds_our_files(mpl):
    from matplotlib import font_manager

    regular = font_manager.findfont(font_manager.FontProperties(family=fonts.FONT_FAMILY), fallback_to_default=False)
    bold = font_manager.findfont(
        font_manager.FontProperties(family=fonts.FONT_FAMILY, weight="bold"), fallback_to_default=False
    )
    assert Path(regular).name == "HzmapSansSC-Regular.ttf"
    assert Path(bold).name == "HzmapSansSC-Bold.ttf"
    default = font_manager.findfont(font_manager.FontProperties())
    assert Path(default).name == "HzmapSansSC-Regular.ttf"


def test_matplotlib_draws_chinese_without_missing_glyphs(mpl):
    fig = mpl.figure(figsize=(4, 1), dpi=100)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = fig.text(0.02, 0.5, SAMPLE, fontsize=12)
        title = fig.suptitle("杭州市服务贸易", fontweight="bold")
        fig.canvas.draw()
        extent = text.get_window_extent()
        title_extent = title.get_window_extent()
    glyph_warnings = [str(w.message) for w in caught if "missing" in str(w.message).lower()]
    assert not glyph_warnings, glyph_warnings
    # 20 characters at 12 pt, 100 dpi: ~17 px each for the hanzi; a box of .notdef or nothing
    # would not give this shape
    assert extent.width > 200 and extent.height > 10, extent
    assert title_extent.width > 80, title_extent


def test_pdf_export_embeds_font_with_extractable_text(mpl):
    import pypdf

    fig = mpl.figure(figsize=(4, 1))
    fig.text(0.02, 0.5, SAMPLE)
    buf = io.BytesIO()
    fig.savefig(buf, format="pdf")
    data = buf.getvalue()
    reader = pypdf.PdfReader(io.BytesIO(data))
    extracted = "".join(page.extract_text() for page in reader.pages)
    assert "滨江区" in extracted, extracted
    assert "一核一带两翼多基地" in extracted.replace(" ", ""), extracted
    assert b"FontFile2" in data  # embedded TrueType (Type 42), not a reference to a system font
    assert b"HzmapSansSC" in data


def test_svg_and_png_export(mpl):
    fig = mpl.figure(figsize=(3, 1))
    fig.text(0.02, 0.5, "滨江区")
    svg = io.BytesIO()
    fig.savefig(svg, format="svg")
    assert b"<path" in svg.getvalue() and "滨江区".encode() in svg.getvalue()  # outlines + comment
    png = io.BytesIO()
    fig.savefig(png, format="png")
    assert png.getvalue().startswith(b"\x89PNG")


# --------------------------------------------------------------------------- Qt


def test_qt_application_font(qapp):
    from PySide6.QtGui import QFont, QFontInfo, QFontMetrics

    from hzmap.ui.common.fonts import register_qt

    size = qapp.font().pointSizeF()
    assert register_qt(qapp) == fonts.FONT_FAMILY
    assert register_qt(qapp) == fonts.FONT_FAMILY  # idempotent
    metrics = QFontMetrics(QFont(fonts.FONT_FAMILY))
    for ch in "杭州市滨江区":
        assert metrics.inFontUcs4(ord(ch)), ch
    assert QFontInfo(qapp.font()).family() == fonts.FONT_FAMILY
    assert qapp.font().pointSizeF() == size
    bold = QFont(fonts.FONT_FAMILY)
    bold.setBold(True)
    assert QFontInfo(bold).family() == fonts.FONT_FAMILY


def test_qt_warns_about_missing_or_bad_font_file_and_goes_on(qapp, tmp_path, monkeypatch, capsys):
    from hzmap.ui.common import fonts as ui_fonts
    bad = tmp_path / "HzmapSansSC-Bad.ttf"
    bad.write_bytes(b"not a font")
    gone = tmp_path / "HzmapSansSC-Gone.ttf"
    monkeypatch.setattr(ui_fonts, "font_files", lambda: [gone, bad])
    monkeypatch.setattr(ui_fonts, "_loaded", {})
    assert ui_fonts.register_qt(qapp) is None
    err = capsys.readouterr().err
    assert str(gone) in err and "missing" in err
    assert str(bad) in err and "rejected" in err


def test_matplotlib_warns_about_missing_font_file(tmp_path, monkeypatch, capsys):
    gone = tmp_path / "HzmapSansSC-Gone.ttf"
    monkeypatch.setattr(fonts, "font_files", lambda: [gone])
    import matplotlib

    with matplotlib.rc_context():
        assert fonts.register_matplotlib() == fonts.FONT_FAMILY
    assert str(gone) in capsys.readouterr().err
