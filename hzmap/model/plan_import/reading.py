"""Reading a plan document: .txt in any common Chinese encoding, .docx, a PDF's text layer, or
pasted text. No Qt.

Every refusal is a :class:`PlanReadError` whose message names the file and says what to do.
Files are read through hzmap.model.files.safeio, as every reader of files that are not ours: a FIFO
or a device never blocks, and no more than :data:`MAX_BYTES` are read, whatever ``stat`` says.

The .docx and PDF readers are imported only when such a file is opened, so start-up does not pay
for them. python-docx is the maintained reader of the Word format; pypdf (pure Python, no native
code, already used by the export tests) reads the text layer of a PDF. pdfplumber would add
pdfminer.six for layout detail the importer does not use.
"""
from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from hzmap.model.files import safeio
MAX_BYTES = 20 * 1024 * 1024         # a 300-page plan as PDF is ~5 MB; scans are refused anyway
MAX_UNZIPPED = 200 * 1024 * 1024     # a .docx whose parts unpack to more than this is a zip bomb
MAX_XML = 64 * 1024 * 1024           # its XML (parsed into memory whole): a 300-page plan has ~5 MB
MAX_PDF_PAGES = 2000
MIN_TEXT_CHARS = 20                  # less than this from a PDF means it has no text layer

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # Word 97-2003 .doc, .wps, old .xls


class PlanReadError(ValueError):
    """The document cannot be read; the message names the file and the problem."""


@dataclass
class SourceText:
    """A document's text as read, with where it came from and what the reader had to assume."""
    name: str                         # file name, or "pasted text"
    text: str
    kind: str                         # txt | docx | pdf | pasted
    path: Path | None = None
    notes: list[str] = field(default_factory=list)   # e.g. "read as GB18030 (not UTF-8)"


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes:
    """At most `limit` bytes of a regular file (hzmap.model.files.safeio: a FIFO or device never
    blocks, the bytes read are bounded whatever stat says); a refusal says what to do."""
    try:
        return safeio.read_bytes(path, limit, what="document")
    except safeio.FileProblem as exc:
        hint = {"not-regular": "; save the document as a file and import that",
                "too-large": "; a plan's text is far smaller: import the text itself (.txt or .docx)"}
        raise PlanReadError(f"{exc}{hint.get(exc.kind, '')}") from None


def decode_text(data: bytes, name: str) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM), UTF-16 by its BOM, else GBK/GB18030 when the bytes read as
    Chinese (safeio.decode_as: explicit rules rather than a guesser, which misreads short
    Chinese texts as Big5 or Latin-1)."""
    try:
        text, encoding = safeio.decode_as(data, name, ("utf-8", "utf-16", "utf-32", "gb18030"))
    except safeio.FileProblem as exc:
        raise PlanReadError(f"{exc} (or import the .docx or PDF)") from None
    if encoding == "gb18030":
        return text, [f"{name}: not UTF-8; read as GBK/GB18030 Chinese text"]
    if encoding.startswith("utf-16") or encoding.startswith("utf-32"):
        return text, [f"read as {encoding.upper()} (byte order mark)"]
    return text, []


def _docx_text(data: bytes, name: str) -> str:
    from hzmap.model.files import safezip

    try:  # names, encryption, compression and zip bombs checked before Word's reader sees it
        zf, parts = safezip.open_zip(io.BytesIO(data), ".docx")
        zf.close()
    except safeio.FileProblem as exc:
        if exc.kind == "syntax":
            raise PlanReadError(f"{name}: not a valid .docx file (it is damaged or not a Word "
                                "document)") from None
        raise PlanReadError(f"{name}: {exc.problem}") from None
    if "word/document.xml" not in {p.filename for p in parts}:
        raise PlanReadError(f"{name}: not a Word .docx document (no word/document.xml inside)")
    xml = sum(p.file_size for p in parts if p.filename.lower().endswith((".xml", ".rels")))
    if sum(p.file_size for p in parts) > MAX_UNZIPPED or xml > MAX_XML:
        total = sum(p.file_size for p in parts)
        raise PlanReadError(f"{name}: unpacks to more than hzmap reads ({safeio.size_text(total)}, "
                            f"{safeio.size_text(xml)} of it XML; at most {safeio.size_text(MAX_UNZIPPED)} "
                            f"and {safeio.size_text(MAX_XML)}); a plan's .docx is far smaller; refused")
    import docx  # python-docx: imported here so start-up does not pay for lxml

    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises several kinds for a broken package
        raise PlanReadError(f"{name}: cannot read the .docx ({type(e).__name__})") from None
    lines = [_paragraph_text(p) for p in doc.element.body.iterchildren(_W + "p")]
    for table in doc.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RUN_TEXT = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


def _paragraph_text(p) -> str:
    """What python-docx's Paragraph.text gives (runs, and runs in hyperlinks: text, tabs, line
    breaks, non-breaking hyphens), walking the elements instead of one XPath query a paragraph:
    a 100,000-paragraph document in a second instead of ten."""
    out: list[str] = []
    for child in p:
        runs = (child,) if child.tag == _W + "r" else [r for r in child if r.tag == _W + "r"] \
            if child.tag == _W + "hyperlink" else ()
        for run in runs:
            for e in run:
                if e.tag == _W + "t":
                    out.append(e.text or "")
                elif e.tag == _W + "br":
                    out.append("\n" if e.get(_W + "type", "textWrapping") == "textWrapping" else "")
                else:
                    out.append(_RUN_TEXT.get(e.tag, ""))
    return "".join(out)


def _pdf_text(data: bytes, name: str) -> str:
    import pypdf  # imported here: only a PDF import pays for it
    from pypdf.errors import PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PlanReadError(f"{name}: the PDF is password-protected")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise PlanReadError(f"{name}: more than {MAX_PDF_PAGES} pages; refused")
        pages = [page.extract_text() or "" for page in reader.pages]
    except PlanReadError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError):
        raise PlanReadError(f"{name}: not a readable PDF (damaged or not a PDF)") from None
    text = "\n".join(pages)
    if sum(1 for c in text if not c.isspace()) < MIN_TEXT_CHARS:
        raise PlanReadError(f"{name}: this PDF has no text layer (its pages are images, e.g. a "
                            "scan); run text recognition (OCR) on it first, or paste the text")
    return text


def read_document(path: str | os.PathLike) -> SourceText:
    """The text of a plan document: .txt (any name that is text), .docx or a PDF."""
    path = Path(path)
    name = path.name or str(path)
    suffix = path.suffix.lower()
    data = read_bounded(path)
    if not data.strip():
        raise PlanReadError(f"{name}: the file is empty")
    if data.startswith(_OLE2) or suffix in (".doc", ".wps"):
        raise PlanReadError(f"{name}: an old Word (.doc/.wps) file cannot be read; open it in "
                            "Word or WPS and save it as .docx, then import the .docx")
    if data.startswith(b"%PDF") or suffix == ".pdf":
        return SourceText(name, _pdf_text(data, name), "pdf", path)
    if data.startswith(b"PK\x03\x04") or suffix == ".docx":
        return SourceText(name, _docx_text(data, name), "docx", path)
    text, notes = decode_text(data, name)
    if not text.strip():
        raise PlanReadError(f"{name}: the file is empty")
    return SourceText(name, text, "txt", path, notes)


def pasted(text: str, name: str = "pasted text") -> SourceText:
    if not text or not text.strip():
        raise PlanReadError(f"{name}: nothing was pasted")
    if len(text) > MAX_BYTES // 3:
        raise PlanReadError(f"{name}: more than {MAX_BYTES // 3 // 1_000_000} million characters")
    return SourceText(name, text, "pasted")
