"""A tour as a 16:9 slide deck, one slide per step: PPTX (python-pptx) or PDF (matplotlib). No Qt.

A slide holds the step's map, title, caption, source and speaker notes. The map is the finished
export (hzmap.render.page.compose, the same picture as File › Export) as a 1920×1080 PNG; title,
caption and source are real text, so a planner can edit and search them in PowerPoint or a PDF
reader. python-pptx is the well-kept library for writing PowerPoint files without Office; it is
imported only when a PPTX is written. PDF pages use PdfPages with our font embedded (Type 42).
"""
from __future__ import annotations

import io
import math
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from matplotlib.figure import Figure

from hzmap.model.tours.source_line import source_with_status
from hzmap.render.page.export_io import ExportError, write_atomic
from hzmap.render.page.png import figure_png

DECK_FORMATS = ("pptx", "pdf")
MAX_SLIDES = 200   # a hand-edited tour of thousands of steps is refused, not drawn for hours

# Where things sit on a 13.333 × 7.5 in (16:9) slide, in inches: (left, top, width, height).
SLIDE_W, SLIDE_H = 13.333, 7.5
TITLE_BOX = (0.5, 0.3, 12.33, 0.75)
MAP_BOX = (0.3, 1.1, 9.6, 5.4)            # 16:9, like the exported map (which has its own margin)
CAPTION_BOX = (10.1, 1.45, 2.9, 4.9)
SOURCE_BOX = (0.5, 6.65, 12.33, 0.5)
LINE_STEP = 1.45                          # baseline to baseline, in type sizes
#: role -> (box, (largest, smallest) type size in pt, bold): long texts get smaller type
BOXES = {"title": (TITLE_BOX, (28, 18), True), "caption": (CAPTION_BOX, (20, 11), False),
         "source": (SOURCE_BOX, (12, 8), False)}
INK, GREY = "#222222", "#555555"


class DeckError(ExportError):
    """A deck that could not be made or written; the message names the file or the step."""


@dataclass
class Slide:
    title: str
    caption: str
    source: str
    notes: str
    image: bytes            # the map, PNG, 16:9
    alt: str = ""           # what the picture shows, for screen readers


@dataclass
class Deck:
    title: str
    slides: list[Slide] = field(default_factory=list)
    lang: str = "zh"


# -- building -----------------------------------------------------------------------------
def slide_figure(step, geo, ds, lang: str = "zh", dpi: int | None = None, user_layers=(), layers=None,
                 as_of=None):
    """The step's map as a finished 16:9 export, with the step's spotlight as the room saw it
    (a Composed page). The one place the deck calls the exporter. `user_layers` (LayerStates
    whose data is in the LayerStore `layers`) are drawn over every slide, legend included."""
    from hzmap.model.geo.extent import Extent
    from hzmap.model.tours.tour import step_view
    from hzmap.model.view.viewstate import View
    from hzmap.render.page.compose import ExportSpec, compose
    from hzmap.render.map.spotlight import Spotlight

    base = View(extent=Extent.from_bounds(step.extent), lang=lang, as_of=as_of)
    under = tuple(lay for lay in user_layers if lay.kind == "basemap")  # the base map: under all
    over = tuple(lay for lay in user_layers if lay.kind != "basemap")
    view = step_view(step, replace(base, layers=under + base.layers + over))
    page = compose(ExportSpec(view=view, preset="16:9", dpi=dpi, layers=layers), geo, ds)
    spot = Spotlight(page.scene.renderer)
    if step.spotlight_element and step.layout:
        spot.show_element(step.spotlight_element)
    elif step.spotlight_districts:
        spot.show_districts(step.spotlight_districts)
    return page


def default_notes(ds, step, lang: str = "zh") -> str:
    """Notes for a step nobody wrote notes for: the document's own words for its element."""
    from hzmap.model.dataset.provenance import section_en
    layout = ds.layouts.get(step.layout) if ds is not None and step.layout else None
    element = next((e for e in layout.elements if e.id == step.spotlight_element), None) if layout else None
    if element is None:
        return ""
    from hzmap.model.dataset.lang import text_in
    lines = []
    for src in element.all_sources:
        plan = ds.plans.get(src.doc)
        name = text_in(lang, plan.short_name, plan.short_name_en) if plan else src.doc
        section = section_en(src.section) if lang == "en" else src.section
        lines.append(f"{'Source text' if lang == 'en' else '原文'} ({name} §{section}): 「{src.excerpt}」")
    if element.interpretation is not None:
        lines.append(f"{'Interpretation' if lang == 'en' else '解读'}: {element.interpretation.note}")
    return "\n".join(lines)


def build_deck(tour, geo, ds, lang: str = "zh", dpi: int | None = None, progress=None,
               user_layers=(), layers=None, as_of=None) -> Deck:
    """One slide per step of `tour`. progress(done, total, title) is called before each slide.
    `user_layers` and `layers`: the user's layers on every slide (see slide_figure). Each
    slide's source gives its plan's period and status today, or on the `as_of` day."""
    steps = list(tour.steps)
    if not steps:
        raise DeckError(f"the tour {tour.name!r} has no steps: nothing to put on slides")
    if len(steps) > MAX_SLIDES:
        raise DeckError(f"the tour {tour.name!r} has {len(steps)} steps; decks of more than "
                        f"{MAX_SLIDES} slides are refused")
    name = (tour.name_en or tour.name) if lang == "en" else (tour.name or tour.name_en)
    deck = Deck(title=str(name or "hzmap"), lang=lang)
    for i, step in enumerate(steps, 1):
        title = _text(step.title(lang)) or (f"Step {i}" if lang == "en" else f"第 {i} 步")
        if progress is not None:
            progress(i - 1, len(steps), title)
        _check_step(step, i, ds)
        try:
            page = slide_figure(step, geo, ds, lang, dpi, user_layers, layers, as_of)
        except (ExportError, KeyError, ValueError) as e:
            raise DeckError(f"step {i} ({title}): {e}") from e
        image = figure_png(page.figure, page.figure.dpi, facecolor="white")  # render/png.py
        deck.slides.append(Slide(title=title, caption=_text(step.caption(lang)),
                                 source=_text(source_with_status(ds, step, lang, as_of)),
                                 notes=_text(step.notes(lang)) or default_notes(ds, step, lang),
                                 image=image, alt=f"{page.title}: {title}"))
    if progress is not None:
        progress(len(steps), len(steps), "")
    return deck


def _text(value) -> str:
    """Text as a slide can hold it: control characters (which XML refuses) dropped."""
    if value is None:
        return ""
    return "".join(c for c in str(value) if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cs")).strip()


def _check_step(step, number: int, ds) -> None:
    x0, y0, x1, y1 = step.extent
    if not all(math.isfinite(v) for v in step.extent) or x1 <= x0 or y1 <= y0:
        raise DeckError(f"step {number}: its extent {tuple(step.extent)} is not an area of the map")
    if step.layout is not None and ds is not None and step.layout not in ds.layouts:
        raise DeckError(f"step {number}: unknown layout {step.layout!r}")


# -- writing ------------------------------------------------------------------------------
def deck_format(path) -> str:
    ext = Path(path).suffix.lower().lstrip(".")
    if ext not in DECK_FORMATS:
        raise DeckError(f"Cannot write a deck to {path}: end the file name with .pptx or .pdf")
    return ext


def save_deck(deck: Deck, path) -> Path:
    """Write the deck as PPTX or PDF, chosen by the extension; atomically (an earlier file stays
    whole when writing fails). Raises DeckError naming the file."""
    fmt = deck_format(path)
    try:
        return (write_pptx if fmt == "pptx" else write_pdf)(deck, path)
    except DeckError:
        raise
    except ExportError as e:
        raise DeckError(str(e)) from e


_NO_LINE_START = set("、，。；：！？）」』》〉】,.;:!?)")


def wrap_text(text: str, pt: float, width_in: float) -> list[str]:
    """Lines of `text` at `pt` points in a column `width_in` wide; a Chinese comma or closing
    bracket never starts a line (it stays with the character before it, as typesetters do)."""
    from hzmap.render.page.compose import wrap
    em = pt / 72 * 1.05                           # one CJK character's advance, inches
    lines: list[str] = []
    for part in text.split("\n"):
        for line in wrap(part, max(1, int(width_in / em))):
            while lines and line and line[0] in _NO_LINE_START:
                lines[-1], line = lines[-1] + line[0], line[1:]
            if line or not lines:
                lines.append(line)
    return lines


def fit_text(text: str, role: str) -> tuple[int, list[str]]:
    """(type size, lines) for the title, caption or source: the largest size at which the text
    fits its box; at the smallest size the lines that do not fit end in "…"."""
    box, (big, small), _bold = BOXES[role]
    for pt in range(big, small - 1, -1):
        lines = wrap_text(text, pt, box[2])
        room = max(1, int(box[3] / (pt / 72 * LINE_STEP)))
        if len(lines) <= room:
            return pt, lines
    return small, lines[:room - 1] + [lines[room - 1][:-1] + "…"]


def write_pptx(deck: Deck, path) -> Path:
    try:
        from pptx import Presentation
        from pptx.util import Inches
    except ImportError as e:
        raise DeckError(f"Cannot write {path}: PowerPoint decks need python-pptx ({e})") from e
    try:
        prs = Presentation()
        prs.slide_width, prs.slide_height = Inches(SLIDE_W), Inches(SLIDE_H)
        prs.core_properties.title = deck.title
        prs.core_properties.author = "hzmap"
        prs.core_properties.language = "en-US" if deck.lang == "en" else "zh-CN"
        title_only = prs.slide_layouts[5]
        for slide in deck.slides:
            _pptx_slide(prs.slides.add_slide(title_only), slide, deck.lang)
    except Exception as e:  # a broken python-pptx install or template: a message, not a traceback
        raise DeckError(f"Cannot write {path}: building the slides failed ({type(e).__name__}: {e})") from e
    return write_atomic(path, prs.save)


def _pptx_slide(s, slide: Slide, lang: str) -> None:
    """Title in the layout's title placeholder (outline view, accessibility), the map as a
    picture, caption and source as text boxes, notes on the notes page."""
    from pptx.util import Inches

    def box(b):
        return [Inches(v) for v in b]

    for role, text in slide_texts(slide, lang).items():
        where, _sizes, bold = BOXES[role]
        shape = s.shapes.title if role == "title" else s.shapes.add_textbox(*box(where))
        shape.left, shape.top, shape.width, shape.height = box(where)
        shape.name = role.capitalize()
        _pptx_text(shape.text_frame, text, fit_text(text, role)[0], _colour(role), lang, bold)
    pic = s.shapes.add_picture(io.BytesIO(slide.image), *box(MAP_BOX))
    pic.name = "Map"
    pic._element.nvPicPr.cNvPr.set("descr", slide.alt or slide.title)
    if slide.notes:
        s.notes_slide.notes_text_frame.text = slide.notes


def _pptx_text(frame, text: str, pt: int, colour: str, lang: str, bold: bool = False) -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Pt
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = 0
    for i, line in enumerate(text.split("\n")):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.alignment = PP_ALIGN.LEFT
        para.line_spacing = 1.15
        run = para.add_run() if i else (para.runs[0] if para.runs else para.add_run())
        run.text = line
        font = run.font
        font.size, font.bold = Pt(pt), bold
        font.color.rgb = RGBColor.from_string(colour.lstrip("#"))
        rpr = run._r.get_or_add_rPr()
        rpr.set("lang", "en-US" if lang == "en" else "zh-CN")
        rpr.set("altLang", "zh-CN" if lang == "en" else "en-US")
        # Chinese glyphs come from the East Asian font: one every Chinese Windows office has
        ea = rpr.makeelement("{http://schemas.openxmlformats.org/drawingml/2006/main}ea",
                             {"typeface": "Microsoft YaHei"})
        rpr.append(ea)


def write_pdf(deck: Deck, path) -> Path:
    from matplotlib.backends.backend_pdf import PdfPages

    from hzmap import fonts
    fonts.register_matplotlib()   # Type 42: the font is embedded and the text stays searchable

    def write(fh):
        with PdfPages(fh, metadata={"Title": deck.title, "Creator": "hzmap"}) as pdf:
            for slide in deck.slides:
                pdf.savefig(pdf_page(slide, deck.lang))
    return write_atomic(path, write)


def slide_texts(slide: Slide, lang: str) -> dict[str, str]:
    """The slide's text boxes by role (title always; caption and source when there is one)."""
    texts = {"title": slide.title, "caption": slide.caption}
    if slide.source:
        texts["source"] = ("Source: " if lang == "en" else "来源：") + slide.source
    return {role: text for role, text in texts.items() if text or role == "title"}


def _colour(role: str) -> str:
    return GREY if role == "source" else INK


def pdf_page(slide: Slide, lang: str = "zh") -> Figure:
    """One slide as a 16:9 page: the same boxes as the PPTX slide."""
    import matplotlib.image as mpimg

    fig = Figure(figsize=(SLIDE_W, SLIDE_H))
    fig.set_facecolor("white")

    def at(box, dy=0.0):  # a box's top-left corner in figure fractions
        return box[0] / SLIDE_W, 1 - (box[1] + dy) / SLIDE_H

    left, top, w, h = MAP_BOX
    ax = fig.add_axes((left / SLIDE_W, 1 - (top + h) / SLIDE_H, w / SLIDE_W, h / SLIDE_H))
    ax.imshow(mpimg.imread(io.BytesIO(slide.image), format="png"), interpolation="none")
    ax.set_axis_off()
    for role, text in slide_texts(slide, lang).items():
        where, _sizes, bold = BOXES[role]
        pt, lines = fit_text(text, role)
        for i, line in enumerate(lines):  # one text per line: even steps, whatever the glyphs
            fig.text(*at(where, i * pt / 72 * LINE_STEP), line, fontsize=pt, color=_colour(role),
                     fontweight="bold" if bold else "normal", va="top")
    return fig
