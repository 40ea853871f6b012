"""One plan's text: paragraphs, contents, and where a passage is."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .outline import Heading, outline
from .text import Paragraph, clean, read_file

_SPACE = re.compile(r"\s")


@dataclass(eq=False)
class Document:
    plan_id: str
    plan: Any                   # the dataset's Plan (title, issuer, dates)
    path: Path
    text: str                   # clean text, paragraphs separated by "\n"
    paragraphs: list[Paragraph]
    headings: list[Heading]     # in order
    contents: list[Heading]     # the contents tree's top level
    _squashed: tuple[str, list[int]] | None = field(default=None, repr=False)

    @classmethod
    def read(cls, plan, path: Path) -> "Document":
        text, paragraphs = clean(read_file(path))
        flat, roots = outline(text, paragraphs, getattr(plan, "lost_headings", ()))
        return cls(plan.id, plan, path, text, paragraphs, flat, roots)

    @property
    def title(self) -> str:
        return self.plan.title

    @cached_property
    def pinyin(self):
        """The text's pinyin index, built at the first pinyin search of this document."""
        from .find import PinyinIndex

        return PinyinIndex(self.text)

    # -- where things are ------------------------------------------------------------
    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    @cached_property
    def _heading_starts(self) -> list[int]:
        return [h.start for h in self.headings]

    def paragraph_at(self, offset: int) -> Paragraph:
        i = max(bisect.bisect_right(self._paragraph_starts, offset) - 1, 0)
        return self.paragraphs[i]

    def paragraph_text(self, offset: int) -> str:
        p = self.paragraph_at(offset)
        return self.text[p.start:p.end]

    def heading_at(self, offset: int) -> Heading | None:
        """The heading whose part of the text holds `offset` (the last one starting before)."""
        i = bisect.bisect_right(self._heading_starts, offset) - 1
        return self.headings[i] if i >= 0 else None

    def section_at(self, offset: int) -> str:
        h = self.heading_at(offset)
        return h.section if h else ""

    # -- finding a passage, whitespace aside --------------------------------------------
    def squashed(self) -> tuple[str, list[int]]:
        """(the text without whitespace, the offset in `text` of each of its characters)."""
        if self._squashed is None:
            index = [i for i, c in enumerate(self.text) if not _SPACE.match(c)]
            self._squashed = ("".join(self.text[i] for i in index), index)
        return self._squashed

    def find_all(self, passage: str) -> list[tuple[int, int]]:
        """Every (start, end) in `text` where `passage` stands, whitespace ignored on both sides."""
        needle = _SPACE.sub("", passage)
        if not needle:
            return []
        flat, index = self.squashed()
        out, i = [], flat.find(needle)
        while i >= 0:
            out.append((index[i], index[i + len(needle) - 1] + 1))
            i = flat.find(needle, i + 1)
        return out

    def locate(self, passage: str, section: str = "") -> tuple[int, int] | None:
        """Where `passage` stands; when it stands more than once, the place under `section`
        (the dataset's section ends the heading chain there: "(十)" matches "二(十)")."""
        spans = self.find_all(passage)
        if len(spans) > 1 and section:
            want = _norm_section(section)
            under = [s for s in spans if _norm_section(self.section_at(s[0])).endswith(want)]
            spans = under or spans
        return spans[0] if spans else None


def _norm_section(s: str) -> str:
    return re.sub(r"\s", "", s).replace("（", "(").replace("）", ")")
