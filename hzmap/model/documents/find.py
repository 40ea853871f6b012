"""Searching the documents' text in Chinese, pinyin initials or full pinyin.

As in the search box (hzmap.model.dataset.search, whose pinyin reading this reuses): a query with
Chinese characters is matched as text (whitespace ignored); a Latin query is matched as pinyin
initials ("jzd" for 集聚地), as full pinyin from the start of a syllable ("jiju…"), and as Latin
text (APEC, eHub), case-insensitively. A pinyin match stays within one run of Chinese characters.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from hzmap.model.dataset.search import syllables

_HAN = re.compile(r"[\u4e00-\u9fff]+")
_LATIN = re.compile(r"[^a-z0-9]+")
SNIPPET = 24


@dataclass(frozen=True)
class Match:
    doc: str
    start: int
    end: int
    how: str          # "text" | "initials" | "pinyin"
    snippet: str      # the match with some text either side, on one line
    section: str


class PinyinIndex:
    """Per character of a document: its initial (one letter; '|' for a non-Chinese character)
    and its full syllable, with where each syllable starts in the joined full pinyin."""

    def __init__(self, text: str):
        initials = ["|"] * len(text)
        self.full_parts: list[str] = []
        self.full_pos: list[int] = []         # text offset of each syllable
        self.full_start: list[int] = []       # where each syllable starts in `full`
        n = 0
        for m in _HAN.finditer(text):
            syl = syllables(m.group())
            if len(syl) != len(m.group()):    # never seen: fall back to one at a time
                syl = [(syllables(c) or ["?"])[0] for c in m.group()]
            for k, s in enumerate(syl):
                s = s or "?"
                initials[m.start() + k] = s[0]
                self.full_parts.append(s)
                self.full_pos.append(m.start() + k)
                self.full_start.append(n)
                n += len(s)
            self.full_parts.append("|")       # a run ends: matches do not cross it
            self.full_pos.append(m.end())
            self.full_start.append(n)
            n += 1
        self.initials = "".join(initials)
        self.full = "".join(self.full_parts)

    def find_initials(self, q: str) -> list[tuple[int, int]]:
        out, i = [], self.initials.find(q)
        while i >= 0:
            out.append((i, i + len(q)))
            i = self.initials.find(q, i + 1)
        return out

    def find_full(self, q: str) -> list[tuple[int, int]]:
        out, i = [], self.full.find(q)
        while i >= 0:
            k = bisect.bisect_right(self.full_start, i) - 1
            if self.full_start[k] == i:       # starts a syllable
                last = bisect.bisect_right(self.full_start, i + len(q) - 1) - 1
                out.append((self.full_pos[k], self.full_pos[last] + 1))
            i = self.full.find(q, i + 1)
        return out


def search_document(doc, query: str, limit: int = 500) -> list[Match]:
    q = re.sub(r"\s+", "", query or "")
    if not q:
        return []
    spans: list[tuple[int, int, str]] = []
    if _HAN.search(q):
        spans = [(s, e, "text") for s, e in doc.find_all(q)]
    else:
        qa = _LATIN.sub("", q.lower())
        low = doc.text.lower()
        i = low.find(q.lower())
        while i >= 0:
            spans.append((i, i + len(q), "text"))
            i = low.find(q.lower(), i + 1)
        if len(qa) >= 2:
            seen = {(s, e) for s, e, _ in spans}
            for s, e in doc.pinyin.find_initials(qa):
                if (s, e) not in seen:
                    spans.append((s, e, "initials"))
                    seen.add((s, e))
            for s, e in doc.pinyin.find_full(qa):
                if (s, e) not in seen:
                    spans.append((s, e, "pinyin"))
                    seen.add((s, e))
    spans.sort()
    return [Match(doc.plan_id, s, e, how, _snippet(doc.text, s, e), doc.section_at(s))
            for s, e, how in spans[:limit]]


def _snippet(text: str, start: int, end: int) -> str:
    a = max(text.rfind("\n", 0, start) + 1, start - SNIPPET)
    b = text.find("\n", end)
    b = min(b if b >= 0 else len(text), end + SNIPPET)
    return ("…" if a > 0 and text[a - 1] != "\n" else "") + text[a:b] + \
           ("…" if b < len(text) and text[b] != "\n" else "")
