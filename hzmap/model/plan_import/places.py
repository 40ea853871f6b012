"""The places a passage names, through the gazetteer, and the districts they stand for.

A unit's own name (滨江区, 滨江, Binjiang) maps literally; everything else (an abolished unit, a
town, an area, a river, a dataset place) is an interpretation and carries the gazetteer's note,
so the draft can show the planner what was read into the text.
"""
from __future__ import annotations

import functools
import re
import weakref
from dataclasses import dataclass

from hzmap.model.geo.gazetteer import Entry, Gazetteer

# the end of a member's name the gazetteer does not know (临平 + 数智城), before the joiner
_NAME_TAIL = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:城|园|镇|谷|港|湾|岛)(?=[、和及与,，]|以及)")
# “A、B、C” or “A和B”: names joined like this are a list of members
_JOINERS = re.compile(r"^(?:(?:[、和及与,，]|以及)[\u4e00-\u9fff]{1,8}?)*(?:[、和及与,，]|以及)$")


@dataclass(frozen=True)
class PlaceHit:
    start: int
    end: int
    text: str
    entry: Entry


@dataclass
class Mapping:
    """Where a passage says something is: today's districts, dataset places, and why."""
    districts: list[str]
    places: list[str]
    names: list[str]               # the names as written, in order
    notes: list[str]               # one line per interpretation
    literal: str                   # the document's wording from the first name to the last

    @property
    def interpreted(self) -> bool:
        return bool(self.notes)

    @property
    def empty(self) -> bool:
        return not self.districts and not self.places


# words that make a place's name into the name of a part of it (紫金港 + 科技城, 西湖 + 景区)
_EXTENSION = re.compile(r"(?:科技城|科学城|新城|新区|小镇|产业园|园区|景区|街道|片区|区块|板块|一带)")


@functools.lru_cache(maxsize=4)
def outside_places(root=None):
    """Names of places outside Hangzhou (geodata/outside_places.csv)."""
    from hzmap.model.geo.townships import load_outside
    from hzmap.paths import data_root

    return load_outside(root or data_root())


_INDEX: "weakref.WeakKeyDictionary[Gazetteer, tuple]" = weakref.WeakKeyDictionary()


def _index(gaz: Gazetteer) -> tuple[dict[str, list[str]], dict[str, int]]:
    """The gazetteer's Chinese forms by first character, and each form's rank (longest first)."""
    if gaz not in _INDEX:
        by_first: dict[str, list[str]] = {}
        rank = {}
        for i, key in enumerate(gaz._forms):
            if key and not key.isdigit() and not key.isascii():
                by_first.setdefault(key[0], []).append(key)
                rank[key] = i
        _INDEX[gaz] = (by_first, rank)
    return _INDEX[gaz]


def find_all(gaz: Gazetteer, text: str) -> list[tuple[int, int, Entry]]:
    """Gazetteer.find_all's answer (longest forms first, no overlaps) in time proportional to
    the text: every form is looked up by the character it starts with, not searched for one
    by one, so a long document costs its length and not its length times the gazetteer's."""
    by_first, rank = _index(gaz)
    found = []
    for i, ch in enumerate(text):
        for key in by_first.get(ch, ()):
            if text.startswith(key, i):
                found.append((rank[key], i, key))
    found.sort()
    taken = bytearray(len(text))
    out = []
    for _, i, key in found:
        end = i + len(key)
        if not any(taken[i:end]):
            out.append((i, end, gaz._by_key[key]))
            taken[i:end] = b"\x01" * len(key)
    return sorted(out, key=lambda f: f[0])


_STREET = re.compile(r"[一二三四五六七八九十东西南北中]?(?:路|大道|大街|巷|街(?![道区]))")
# a town's or an area's name with 山/岭/峰 after it names a hill (望江山 is not 望江街道)
_HILL = re.compile(r"(?:山|岭|峰)(?![水区村乡镇城])")


def find(gaz: Gazetteer, text: str, start: int = 0, end: int | None = None) -> list[PlaceHit]:
    """Hangzhou's places named in text[start:end]. A name right after a place outside Hangzhou
    (南昌西湖区, 湖州德清) is that place's, not Hangzhou's, and is left out."""
    end = len(text) if end is None else end
    outside = {o.end for o in outside_places().find(text, max(0, start - 8), end)}
    out = []
    for s, e, entry in find_all(gaz, text[start:end]):
        s, e = start + s, start + e
        if s in outside or _STREET.match(text, e, end):
            continue        # 滨江二路, 西湖大道: a street named after a place is not the place
        if text[s:e].endswith("城") and text.startswith("市", e, end):
            continue        # 江南城市: cities of a region, not the area 江南城
        if entry.kind in ("township", "area") and _HILL.match(text, e, end) and \
                not text[s:e].endswith(("山", "岭", "峰")):
            continue        # 望江山: a hill named after a place
        if e == len(text) and any(len(k) > e - s and k.startswith(text[s:e])
                                  for k in _index(gaz)[0].get(text[s], ())):
            continue        # a page cut inside a longer name (…排入钱塘 of 钱塘江): no place to read
        x = _EXTENSION.match(text, e, end)
        if x and not text.startswith(x.group(0), s):
            e = x.end()
        out.append(PlaceHit(s, e, text[s:e], entry))
    return out


_HANGZHOU = re.compile(r"杭州|杭城|浙江省会")
_HANGZHOU_DISTRICTS = re.compile(r"上城|拱墅|西湖区|滨江区|萧山|余杭|临平|钱塘区|富阳|临安|桐庐|淳安|建德")


# cities the list holds as provinces, which they also are
_MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")


def elsewhere(text: str, title: str = "", issuer: str = "") -> str:
    """The place outside Hangzhou a document is about (温州市（浙江省）), or "" for Hangzhou: the
    city or province its title or issuer names, or the only one it names if it never names
    杭州. Provinces alone do not count (a Hangzhou plan names 浙江省 and 长三角 freely)."""
    out = outside_places()
    # (the province Hangzhou is in is no other place: its plans place things in Hangzhou too)
    own = [o for o in out.find(f"{title}\n{issuer}") if o.what != "浙江省"]
    if own and not _HANGZHOU.search(f"{title}{issuer}"):
        # (a name several places share, 市中区: the one whose city the text names, 济南)
        whats = own[0].also or (own[0].what,)
        parent = [w for w in whats if (m := re.search(r"（(.{2,8}?)[市省州盟]?）", w)) and m.group(1) in text]
        return (parent or list(whats))[0]
    cities = [o.what for o in out.find(text) if "市（" in o.what or o.what in _MUNICIPALITIES]
    if not cities:
        return ""
    city = max(set(cities), key=cities.count)
    home = len(_HANGZHOU.findall(text)) + len(_HANGZHOU_DISTRICTS.findall(text))
    # (a page about another city may name Hangzhou in passing, 继杭州钱塘新区后: it is about the
    # city it names again and again, at least three times as often as Hangzhou and its districts)
    if home == 0 or (cities.count(city) >= 5 and cities.count(city) >= 3 * home):
        return city
    return ""


def member_list(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """The longest run of names joined by 、/和/及 (a list of members), or [] if none has two. An
    item the gazetteer does not know (龙翔桥一带) does not break the list.

    “以自贸试验区为引领,推动滨江区、萧山区、钱塘区、余杭区…” names the leader and then the
    members; the members are the list."""
    best: list[PlaceHit] = []
    run: list[PlaceHit] = []
    for h in hits:
        gap = text[run[-1].end:h.start] if run else ""
        gap = _NAME_TAIL.sub("", gap, count=1)     # 临平数智城、萧山科技城: the rest of a name
        if run and _JOINERS.match(gap or "x"):
            run.append(h)
        else:
            run = [h]
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= 2 else []


def map_hits(text: str, hits: list[PlaceHit]) -> Mapping:
    districts: list[str] = []
    places: list[str] = []
    notes: list[str] = []
    for h in hits:
        e = h.entry
        for d in e.districts:
            if d not in districts:
                districts.append(d)
        if e.place and e.place not in places:
            places.append(e.place)
        if e.interpretation:
            what = e.note or {"place": "a place in the dataset", "area": "an area",
                              "former": "a unit abolished in 2021"}.get(e.kind, "another name")
            notes.append(f"{h.text} → {'、'.join(e.districts)} ({what})")
    literal = text[hits[0].start:hits[-1].end] if hits else ""
    return Mapping(districts, places, [h.text for h in hits], list(dict.fromkeys(notes)),
                   literal)


def where(gaz: Gazetteer, text: str, start: int, end: int, *, members_only: bool = True) -> Mapping:
    """The places text[start:end] names. With `members_only`, a list of units (“A、B、C”) is
    taken as the members and other names in the passage (a leader, a place in passing) only add
    dataset places, not districts."""
    # (not a place the passage takes something from: 承接杭州高新区(滨江)的…产业溢出)
    hits = [h for h in find(gaz, text, start, end) if not _FROM_ELSEWHERE.search(text, max(0, h.start - 4), h.start)]
    members = member_list(text, hits) if members_only else []
    if not members:
        return map_hits(text, hits)
    m = map_hits(text, members)
    for h in hits:
        if h.entry.place and h.entry.place not in m.places and _carrier(text, h.start):
            m.places.append(h.entry.place)
    return m


_FROM_ELSEWHERE = re.compile(r"(?:承接|对接|接轨|接受)$")
_CARRIER = re.compile(r"(?:以|依托|围绕|依靠)[^，,；;。为]*$")


def _carrier(text: str, pos: int) -> bool:
    """Whether the name at `pos` is what the clause builds on: “以A为引领”, “依托A和B”."""
    from .text import clause_start as _start
    clause_start = _start(text, pos)
    return bool(_CARRIER.search(text[clause_start:pos]))
