"""Where every dataset item's excerpts stand in the documents.

An item is a place, a layout, an element (id "layout/element", as the search box and the view
state write it), a measure or a target; each of its sources is an Anchor at the passage its
excerpt quotes.
"""
from __future__ import annotations

from dataclasses import dataclass

KINDS = ("place", "layout", "element", "measure", "target")


@dataclass(frozen=True)
class Anchor:
    kind: str            # place | layout | element | measure | target
    id: str              # an element's id is "layout_id/element_id"
    name: str            # how the item is called (Chinese)
    doc: str             # plan id
    section: str         # as the dataset gives it
    excerpt: str
    start: int           # the excerpt's place in the document's clean text
    end: int
    index: int = 0       # which of the item's sources

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.id)


def items(ds):
    """(kind, id, name, record) for every item with sources, in dataset order."""
    for p in ds.places.values():
        yield "place", p.id, p.name, p
    for lay in ds.layouts.values():
        yield "layout", lay.id, lay.name, lay
        for el in lay.elements:
            yield "element", f"{lay.id}/{el.id}", f"{lay.name} · {el.name}", el
    for m in ds.measures.values():
        yield "measure", m.id, f"{m.number}. {m.title}", m
    for t in ds.targets.values():
        yield "target", t.id, t.indicator, t


def locate_all(ds, docs: dict) -> tuple[list[Anchor], list[tuple[str, str, object]]]:
    """(the anchors found, (kind, id, source) of every excerpt not found)."""
    found, missing = [], []
    for kind, rid, name, rec in items(ds):
        for i, src in enumerate(rec.all_sources):
            doc = docs.get(src.doc)
            span = doc.locate(src.excerpt, src.section) if doc is not None else None
            if span is None:
                missing.append((kind, rid, src))
                continue
            found.append(Anchor(kind, rid, name, src.doc, src.section, src.excerpt, *span, i))
    return found, missing
