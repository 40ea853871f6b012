"""Which dataset items a piece of text means: an id, a name, or words of an excerpt.

Used by `hzmap cite` and the reader. The first of these that finds anything decides:
1. an id (place, layout, measure, target; an element as "layout/element" or by its own id);
2. a name as written (a place's name or alias, a layout's or element's name, a measure's
   title, a target's indicator);
3. the search box's ranking of names (pinyin too) together with the excerpts that contain the
   text (whitespace ignored).
"""
from __future__ import annotations

import re

from hzmap.model.dataset.search import search

from .anchors import items

_SPACE = re.compile(r"\s+")
NAME_SCORE = 60       # search box scores from a substring of a name up


def _names(kind: str, rec, name: str) -> list[str]:
    if kind == "place":
        return [rec.name, *rec.aliases, rec.name_en]
    if kind == "element":
        return [rec.name, rec.name_en, name]
    if kind == "measure":
        return [rec.title]
    if kind == "target":
        return [rec.indicator]
    return [rec.name, rec.name_en]


def match_items(ds, text: str, limit: int = 50) -> list[tuple[str, str, str]]:
    """[(kind, id, name)] of the items `text` names, best first, at most `limit`."""
    q = _SPACE.sub("", text or "")
    if not q:
        return []
    every = list(items(ds))
    low = q.lower()
    by_id = [(k, i, n) for k, i, n, _ in every if low in (i.lower(), i.split("/")[-1].lower())]
    if by_id:
        return by_id[:limit]
    by_name = [(k, i, n) for k, i, n, rec in every
               if any(_SPACE.sub("", x).lower() == low for x in _names(k, rec, n) if x)]
    if by_name:
        return by_name[:limit]
    known = {(k, i): n for k, i, n, _ in every}
    out: dict[tuple[str, str], str] = {}
    for hit in search(ds, q, limit=limit):
        if hit.score >= NAME_SCORE and (hit.kind, hit.id) in known:
            out[(hit.kind, hit.id)] = known[(hit.kind, hit.id)]
    for k, i, n, rec in every:
        if k == "target" and q in _SPACE.sub("", rec.indicator):
            out.setdefault((k, i), n)
        if any(q in _SPACE.sub("", s.excerpt) for s in rec.all_sources):
            out.setdefault((k, i), n)
    return [(k, i, n) for (k, i), n in out.items()][:limit]
