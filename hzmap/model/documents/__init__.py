"""The source documents in full: clean text, contents, every dataset item at its passage,
search and citations. No Qt.

    docs = load_documents(ds)                 # the five plans of the dataset
    doc = docs["dt2024"]                      # Document: text, paragraphs, headings, contents
    docs.anchors_of("element", "dt_4415/ftz_led")   # [Anchor(doc, start, end, ...)]
    docs.search("jzd")                        # [Match] in every document (or doc="ps2024")
    docs.passage(anchor)                      # paragraph, heading and citation of an excerpt
    docs.cite("dt2024", offset)               # GB/T 7714 citation of the passage at offset
"""
from __future__ import annotations

from pathlib import Path

from hzmap import paths
from .anchors import KINDS, Anchor, items, locate_all
from .citation import cite as _cite, reference
from .document import Document
from .find import Match, search_document
from .items import match_items
from .outline import Heading
from .text import DocumentError, Paragraph, join_cjk

__all__ = ["Anchor", "Document", "DocumentError", "Documents", "Heading", "KINDS", "Match",
           "Paragraph", "join_cjk", "load_documents", "match_items", "reference"]


_CLICK_ORDER = ("element", "place", "measure", "target", "layout")


class Documents:
    """The plans' documents and the anchors of the dataset's items in them."""

    def __init__(self, ds, docs: dict[str, Document], errors: list[str] | None = None):
        self.ds = ds
        self.docs = docs
        self.errors = list(errors or [])     # documents that could not be read (strict=False)
        self.anchors, self.missing = locate_all(ds, docs)
        self._by_item: dict[tuple[str, str], list[Anchor]] = {}
        self._by_doc: dict[str, list[Anchor]] = {d: [] for d in docs}
        for a in self.anchors:
            self._by_item.setdefault(a.key, []).append(a)
            self._by_doc[a.doc].append(a)
        for lst in self._by_doc.values():
            lst.sort(key=lambda a: (a.start, a.end))

    def __getitem__(self, plan_id: str) -> Document:
        return self.docs[plan_id]

    def __iter__(self):
        return iter(self.docs.values())

    def __len__(self) -> int:
        return len(self.docs)

    # -- anchors ------------------------------------------------------------------------
    def anchors_in(self, doc_id: str) -> list[Anchor]:
        return list(self._by_doc.get(doc_id, ()))

    def anchors_of(self, kind: str, item_id: str) -> list[Anchor]:
        return list(self._by_item.get((kind, item_id), ()))

    def anchors_at(self, doc_id: str, offset: int) -> list[Anchor]:
        """The anchors covering `offset`, the narrowest first; on a tie the map's own items
        (element, place) before measures, targets and layouts."""
        hits = [a for a in self._by_doc.get(doc_id, ()) if a.start <= offset < a.end]
        return sorted(hits, key=lambda a: (a.end - a.start, _CLICK_ORDER.index(a.kind)))

    # -- passages and citations ------------------------------------------------------------
    def cite(self, doc_id: str, offset: int | None = None, section: str | None = None) -> str:
        """GB/T 7714 citation of the document, with the section at `offset` (or `section`)."""
        doc = self.docs[doc_id]
        if section is None:
            section = doc.section_at(offset) if offset is not None else ""
        return _cite(doc.plan, section)

    def passage(self, anchor: Anchor) -> dict:
        """The excerpt with its whole paragraph, its heading and its citation (JSON-ready)."""
        doc = self.docs[anchor.doc]
        para = doc.paragraph_at(anchor.start)
        h = doc.heading_at(anchor.start)
        return {
            "doc": anchor.doc, "plan": doc.plan.short_name, "title": doc.plan.title,
            "section": anchor.section, "excerpt": anchor.excerpt,
            "start": anchor.start, "end": anchor.end,
            "paragraph": doc.text[para.start:para.end],
            "paragraph_start": para.start,
            "heading": {"section": h.section, "title": h.title, "label": h.label,
                        "path": [x.label for x in h.chain()]} if h else None,
            "citation": self.cite(anchor.doc, section=anchor.section),
        }

    # -- search ------------------------------------------------------------------------
    def search(self, query: str, doc: str | None = None, limit: int = 500) -> list[Match]:
        """Matches of `query` in one document or, with doc=None, in all of them in order."""
        out: list[Match] = []
        for d in ([self.docs[doc]] if doc else self.docs.values()):
            out += search_document(d, query, limit - len(out))
            if len(out) >= limit:
                break
        return out


def _source_path(folder: Path, name: str) -> Path:
    """The plan's document in `folder`; DocumentError for a name or link that leads elsewhere
    (a shared dataset is someone else's file)."""
    from hzmap.model.files.paths import safe_relative_path

    if not (folder / name).exists():
        return folder / name  # Document.read says it is missing
    try:
        return safe_relative_path(folder, name)
    except ValueError as e:
        raise DocumentError(f"{folder / name}: not read: {e}") from None


def load_documents(ds, seeds_dir: str | Path | None = None, strict: bool = True) -> Documents:
    """Every plan's document: a user dataset's plans from their own sources/ folder, the others
    from `seeds_dir` (default: the dataset's, else the shipped geodata/sources). A document that
    cannot be read raises DocumentError naming the file, or with strict=False is left out and
    its message kept in `Documents.errors` (one broken draft does not hide the other plans)."""
    folder = Path(seeds_dir) if seeds_dir is not None else (ds.seeds_dir or paths.seeds_dir())
    docs, errors = {}, []
    for plan in ds.plans.values():
        where = getattr(ds, "doc_dirs", {}).get(plan.id) or folder
        try:
            docs[plan.id] = Document.read(plan, _source_path(Path(where), plan.file))
        except DocumentError as e:
            if strict:
                raise
            errors.append(str(e))
    return Documents(ds, docs, errors)
