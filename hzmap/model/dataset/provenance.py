"""Source documents: reading their text and checking that excerpts are verbatim.

An excerpt matches when, after removing all whitespace from both the excerpt and the document
(and HTML tags from documents that are HTML), it is a substring of the document. Everything else
(punctuation, full-width vs ASCII characters) must be exactly as in the file.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from hzmap.model.files.safeio import read_bytes
from .lang import text_in

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024

_TAG = re.compile(r"<[^>]+>")
_LOOKS_HTML = re.compile(r"</?(p|div|strong|span|br|a|h[1-6])\b", re.I)
_SPACE = re.compile(r"\s+")

# (path, mtime_ns, size) -> normalised text
_CACHE: dict[tuple[str, int, int], str] = {}


def squash(text: str) -> str:
    """Remove all whitespace (what excerpt matching compares)."""
    return _SPACE.sub("", text)


def strip_html(text: str) -> str:
    return html.unescape(_TAG.sub("", text))


def document_text(path: Path) -> str:
    """The document's text with HTML tags removed and all whitespace squashed; cached.
    Raises safeio.FileProblem when the file cannot be read."""
    st = path.stat()
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    hit = _CACHE.get(key)
    if hit is None:  # through safeio: a FIFO or a 5 GB file is refused (FileProblem), not read
        raw = read_bytes(path, MAX_DOCUMENT_BYTES, what="source document").decode("utf-8", "replace")
        if _LOOKS_HTML.search(raw):
            raw = strip_html(raw)
        hit = squash(raw)
        _CACHE[key] = hit
    return hit


def excerpt_found(excerpt: str, doc_text: str) -> bool:
    """``doc_text`` must come from :func:`document_text`."""
    needle = squash(excerpt)
    return bool(needle) and needle in doc_text


def closest_passage(excerpt: str, doc_text: str, width: int = 30) -> str | None:
    """A hint for a failed excerpt: the document passage around the longest matching start."""
    needle = squash(excerpt)
    best = None
    for n in range(min(len(needle), 12), 3, -1):
        i = doc_text.find(needle[:n])
        if i >= 0:
            best = doc_text[i:i + max(width, len(needle))]
            break
    return best


_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _chinese_number(text: str) -> str:
    """'二十七' -> '27' (section numbers up to 99), for English citations."""
    if "十" in text:
        tens, _, units = text.partition("十")
        return str((_DIGITS.get(tens, 1) if tens else 1) * 10 + (_DIGITS.get(units, 0) if units else 0))
    return "".join(str(_DIGITS[c]) for c in text)


def section_en(section: str) -> str:
    """'二(四)20' -> '2(4)20': the same section with Arabic numerals."""
    return re.sub("[零一二三四五六七八九十]+", lambda m: _chinese_number(m.group(0)), section)


def cite(source, plans: dict, lang: str = "zh") -> str:
    """'数字贸易强市三年行动计划 §二(一)1' for a Source (in English: the plan's English short name
    and the section in Arabic numerals); falls back to the plan id."""
    plan = plans.get(source.doc)
    if lang == "en":
        return f"{text_in('en', plan.short_name, plan.short_name_en) if plan else source.doc} §{section_en(source.section)}"
    return f"{plan.short_name if plan else source.doc} §{source.section}"


def source_dict(source, plans: dict) -> dict:
    plan = plans.get(source.doc)
    return {
        "doc": source.doc,
        "plan": plan.short_name if plan else source.doc,
        "section": source.section,
        "excerpt": source.excerpt,
        "cite": cite(source, plans),
    }
