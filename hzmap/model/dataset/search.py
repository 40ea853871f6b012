"""Text search over districts, places, layouts, elements and measures.

Each searchable item gets keys when the first search builds the index: its Chinese names (matched as substrings), English names
and ids (case-insensitive), full pinyin ("binjiang") and pinyin initials ("bjq"). A query is
matched against every key; the best key decides the item's score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lang import joined

KIND_ORDER = {"district": 0, "place": 1, "layout": 2, "element": 3, "measure": 4}
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _ascii(s: str) -> str:
    return _NON_ALNUM.sub("", s.lower())


def syllables(text: str) -> list[str]:
    """The pinyin of each character of a run of Chinese characters, read in context
    (['ji', 'ju', 'di'] for 集聚地); also what the document search matches against."""
    from pypinyin import lazy_pinyin  # 0.3 s to import: only when an index is built

    return [_ascii(s) for s in lazy_pinyin(text)]


def pinyin_keys(text: str) -> tuple[str, str]:
    """('binjiangqu', 'bjq') for 滨江区; Latin letters pass through."""
    han = "".join(_HAN.findall(text)) or text
    syl = syllables(han)
    return "".join(syl), "".join(s[:1] for s in syl)


@dataclass
class Hit:
    kind: str            # district | place | layout | element | measure
    id: str              # for an element: "<layout id>/<element id>"
    label: str           # display text (Chinese)
    detail: str          # a short second line (plan, district, English name)
    score: float
    plan: str | None = None   # the plan a layout, element or measure belongs to (its status)


@dataclass
class _Entry:
    kind: str
    id: str
    label: str
    detail: str
    names: list[str]                                  # primary Chinese names (prefix counts)
    texts: list[str] = field(default_factory=list)    # other Chinese text (substring only)
    latin: list[str] = field(default_factory=list)    # ids, English names (lowercased)
    pinyin: list[str] = field(default_factory=list)   # full pinyin of the names
    initials: list[str] = field(default_factory=list)
    plan: str | None = None


def _score_entry(e: _Entry, q: str, qa: str) -> float:
    best = 0.0
    for n in e.names:
        if q == n:
            best = max(best, 100)
        elif n.startswith(q):
            best = max(best, 85 - min(len(n) - len(q), 10))
        elif q in n:
            best = max(best, 65 - min(len(n) - len(q), 10))
    for t in e.texts:
        if q in t:
            best = max(best, 40)
            break
    if qa:
        for s in e.latin:
            if s == qa:
                best = max(best, 95)
            elif s.startswith(qa):
                best = max(best, 70)
            elif len(qa) >= 3 and qa in s:
                best = max(best, 45)
        for p in e.pinyin:
            if p == qa:
                best = max(best, 92)
            elif p.startswith(qa) and len(qa) >= 2:
                best = max(best, 80 - min(len(p) - len(qa), 10))
            elif len(qa) >= 4 and qa in p:
                best = max(best, 45)
        for i in e.initials:
            if i == qa:
                best = max(best, 90)
            elif i.startswith(qa):
                best = max(best, 75 - min(len(i) - len(qa), 10))
            elif len(qa) >= 2 and qa in i:
                best = max(best, 35)
    return best


class SearchIndex:
    def __init__(self, ds):
        self.entries: list[_Entry] = []
        for d in ds.districts.values():
            self._add("district", d.id, d.name_zh, d.name_en, [d.name_zh, d.short_name], [],
                      [d.id, d.name_en, d.pinyin])
        for p in ds.places.values():
            where = "、".join(ds.districts[x].name_zh for x in p.districts if x in ds.districts)
            self._add("place", p.id, p.name, joined(p.name_en, where), [p.name, *p.aliases], [],
                      [p.id, p.name_en])
        for lay in ds.layouts.values():
            plan = ds.plans.get(lay.plan)
            pname = plan.short_name if plan else lay.plan
            self._add("layout", lay.id, lay.name, joined(pname, lay.name_en), [lay.name],
                      [lay.theme or ""], [lay.id, lay.name_en], lay.plan)
            for el in lay.elements:
                self._add("element", f"{lay.id}/{el.id}", f"{lay.name} · {el.name}",
                          joined(pname, el.role_en), [el.name], [el.literal, el.function],
                          [el.id, el.name_en], lay.plan)
        for m in ds.measures.values():
            plan = ds.plans.get(ds.measure_plan.get(m.id, ""))
            pname = plan.short_name if plan else ""
            self._add("measure", m.id, f"{m.number}. {m.title}", pname, [m.title],
                      [m.summary, *m.units], [m.id], ds.measure_plan.get(m.id))

    def _add(self, kind, rid, label, detail, names, texts, latin, plan=None):
        names = [n for n in names if n]
        pys = [pinyin_keys(n) for n in names if _HAN.search(n)]
        self.entries.append(_Entry(kind, rid, label, detail, names, [t for t in texts if t],
                                   [_ascii(x) for x in latin if x],
                                   [p for p, _ in pys], [i for _, i in pys], plan))

    def search(self, text: str, limit: int = 20) -> list[Hit]:
        q = re.sub(r"\s+", "", text or "")
        if not q:
            return []
        qa = _ascii(q) if not _HAN.search(q) else ""
        hits = []
        for e in self.entries:
            s = _score_entry(e, q, qa)
            if s > 0:
                hits.append(Hit(e.kind, e.id, e.label, e.detail, s, e.plan))
        hits.sort(key=lambda h: (-h.score, KIND_ORDER[h.kind], len(h.label), h.id))
        return hits[:limit]


def search(ds, text: str, limit: int = 20) -> list[Hit]:
    """Ranked hits for ``text`` (Chinese substring, pinyin, initials, English or id)."""
    if ds.index is None:
        ds.index = SearchIndex(ds)
    return ds.index.search(text, limit)
