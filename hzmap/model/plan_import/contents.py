"""Tables of contents: their lines are titles of parts, not measures.

A contents line has dot leaders or a page number in brackets (…成就 (6)), or it is one of the
heading lines that follow a line 目录 with no line of text between them.
"""
from __future__ import annotations

import re

from .text import Document, Heading, line_spans

_LEADERS = re.compile(r"[.．…·]{6,}|[(（]\d{1,3}[)）][ \t]*$")     # (or a page number in brackets: …成就 (6))


def before(doc: Document, h: Heading, blocks: list[tuple[int, int]]) -> bool:
    """Whether the heading before h is a line of a table of contents."""
    earlier = [x for x in doc.headings if x.start < h.start]
    return bool(earlier) and line(doc, earlier[-1], blocks)


def line(doc: Document, h: Heading, blocks: list[tuple[int, int]]) -> bool:
    """Whether h's line is a line of a table of contents: dot leaders or a page number, or one of
    the heading lines that follow a line 目录 without a line of text between them."""
    line_end = doc.text.find("\n", h.start)
    if _LEADERS.search(doc.text, h.start, len(doc.text) if line_end < 0 else line_end):
        return True
    return any(a <= h.start < b for a, b in blocks)      # (blocks: blocks())


def blocks(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of each table of contents without leaders: the run of heading lines after a
    line ending in 目录, up to the first line that is no heading."""
    text, starts, out = doc.text, {x.start for x in doc.headings}, []
    for m in re.finditer(r"目\s*录[ \t]*$", text, re.M):
        end = m.end()
        for a, b in line_spans(text, m.end() + 1):
            lead = a + len(text[a:b]) - len(text[a:b].lstrip())
            if text[a:b].strip(" \t?？") and lead not in starts:
                break
            end = b
        out.append((m.end(), end))
    return out + _bare_outline(doc, starts)


_RUN = 8        # heading lines in a row that make an outline


def _bare_outline(doc: Document, starts: set[int]) -> list[tuple[int, int]]:
    """(start, end) of each run of at least eight heading lines with no other line between them,
    parts (一、) and their sections ((一)) alone, none a sentence (…发展基础 / (二)发展环境 / 二、… /
    (一)…): a table of contents whose 目录 line the page lost."""
    text, out, run = doc.text, [], []
    level_at = {h.start: h.level for h in doc.headings}

    def close() -> None:
        if len(run) >= _RUN and {level_at[a] for a, _ in run} == {1, 2}:
            out.append((run[0][0], run[-1][1]))

    for a, b in line_spans(text):
        line = text[a:b].strip()
        if not line:
            continue
        lead = a + len(text[a:b]) - len(text[a:b].lstrip())
        if lead in starts and len(line) <= 40 and not line.endswith(("。", "；", ";")):
            run.append((lead, b))
            continue
        close()
        run = []
    close()
    return out
