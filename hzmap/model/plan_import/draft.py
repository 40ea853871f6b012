"""The draft of a plan: records the planner accepts, edits or rejects before anything is saved.

Each record holds the dataset fields it will be written with (`data`, shaped as in
geodata/dataset/SCHEMA.md), the passages it was drawn from (with offsets into the document text,
for highlighting), the flags where the planner must decide (a place mapped by interpretation,
a figure's assumed year, a plan already in use) and the notes on what was left as the document
has it (no units stated, no English name yet), which need no decision. Nothing here writes a file; see
``writer.py``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from .text import Document

PENDING, ACCEPTED, EDITED, REJECTED = "pending", "accepted", "edited", "rejected"


@dataclass(frozen=True)
class Passage:
    """Where a record comes from: the section label, the verbatim excerpt, and its place in
    ``Draft.document.text`` (start, end) for highlighting."""
    section: str
    excerpt: str
    start: int
    end: int

    def source(self, doc_id: str) -> dict:
        return {"doc": doc_id, "section": self.section, "excerpt": self.excerpt}


@dataclass
class Record:
    kind: str                                  # plan | layout | element | measure | target
    data: dict[str, Any]
    passages: list[Passage] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)    # what the planner must decide
    notes: list[str] = field(default_factory=list)    # what was left as the text has it
    status: str = PENDING
    children: list["Record"] = field(default_factory=list)   # a layout's elements
    part: str = ""                             # an element's part of the slogan (一核, 两翼, 4)
    from_table: bool = False                   # a measure read from a row of a task table
    task_end: int = 0                          # where a table row's task cell(s) end

    @property
    def id(self) -> str:
        return self.data.get("id", "")

    @property
    def label(self) -> str:
        d = self.data
        return str(d.get("name") or d.get("title") or d.get("indicator") or d.get("id", ""))

    def accept(self) -> None:
        self.status = ACCEPTED

    def reject(self) -> None:
        self.status = REJECTED

    def edit(self, **fields: Any) -> None:
        """Change fields (e.g. districts=[...], geometry={...}); the record counts as edited."""
        self.data.update(fields)
        self.status = EDITED

    @property
    def kept(self) -> bool:
        return self.status != REJECTED

    def problems(self) -> list[str]:
        """What the dataset schema says about this record as it stands (one line each, in the
        loader's own words), so the review can show it before saving."""
        import yaml

        from hzmap.model.dataset import schema
        from hzmap.model.dataset.loader import validate_record

        model = {"plan": schema.Plan, "element": schema.Element, "measure": schema.Measure,
                 "target": schema.Target, "layout": schema.Layout}[self.kind]
        data = dict(self.data)
        if self.kind == "layout":
            data["elements"] = [el.data for el in self.children] or [{}]
        problems: list[str] = []
        validate_record(model, yaml.safe_load(yaml.safe_dump(data, allow_unicode=True)),
                        self.kind, f"{self.kind} '{self.id}'", problems)
        return problems

    @property
    def needs_place(self) -> bool:
        """An element the document names no place for: kept and saved as such, and shown as
        needing a place until the planner gives it one."""
        d = self.data
        return self.kind == "element" and not d.get("districts") and not d.get("places")


@dataclass
class Draft:
    document: Document
    plan: Record
    layouts: list[Record] = field(default_factory=list)
    measures: list[Record] = field(default_factory=list)
    targets: list[Record] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)     # about the whole document

    @property
    def plan_id(self) -> str:
        return self.plan.data["id"]

    def records(self) -> Iterator[Record]:
        yield self.plan
        for lay in self.layouts:
            yield lay
            yield from lay.children
        yield from self.measures
        yield from self.targets

    def flagged(self) -> list[Record]:
        return [r for r in self.records() if r.flags and r.kept]

    def accept_all(self) -> None:
        for r in self.records():
            if r.status == PENDING:
                r.accept()

    def summary(self) -> dict[str, int]:
        return {"layouts": len(self.layouts),
                "elements": sum(len(lay.children) for lay in self.layouts),
                "measures": len(self.measures), "targets": len(self.targets),
                "flagged": len(self.flagged())}
