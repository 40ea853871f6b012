"""A dataset text in the language shown, falling back to the other one.

An imported plan has Chinese names and, until the planner writes them, no English ones: in
English it shows its Chinese name (never an empty title or "4+4+1+5 ()"), and a Chinese view
adds an English name only where there is one.
"""
from __future__ import annotations


def text_in(lang: str, zh: str | None, en: str | None) -> str:
    """`en` in English and `zh` otherwise, each falling back to the other when empty."""
    return (en or zh or "") if lang == "en" else (zh or en or "")


def with_english(zh: str | None, en: str | None, brackets: str | tuple[str, str] = "（）") -> str:
    """“4+4+1+5（4+4+1+5 layout）”, or the Chinese name alone when there is no other English.
    `brackets`: the opening and closing marks (" (", ")" for an English line)."""
    zh, en = zh or "", en or ""
    return f"{zh}{brackets[0]}{en}{brackets[1]}" if en and en != zh and zh else (zh or en)


def joined(*parts: str | None, sep: str = " · ") -> str:
    """The non-empty parts joined: no dangling separator when one is missing."""
    return sep.join(p for p in parts if p)
