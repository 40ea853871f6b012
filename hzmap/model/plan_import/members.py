"""A count of areas whose members the text then names one by one, each in quotes before the
areas' name: 打造12条未来乡村共富引领带 … “龙井茶香”未来乡村共富引领带 以…为轴线,串联西湖区转塘街道…
“浦阳印迹”未来乡村共富引领带 …: a layout whose parts are the quoted names, each defined by the
text that follows it up to the next member."""
from __future__ import annotations

import re

from .history import not_this_plans
from .slogans import _COUNT, _WORDS, KIND_OF, Part, Slogan, _count, same_key

_AREA = "|".join(sorted((w for w in KIND_OF if KIND_OF[w] in ("belt", "zone", "group", "corridor")),
                        key=len, reverse=True))
_ANNOUNCED = re.compile(r"(?:打造|建设|布局|形成|构建|规划|培育)((\d{1,2}|[两三四五六七八九十]{1,3})[条个片大]"
                        rf"([\u4e00-\u9fff]{{2,12}}?({_AREA})))(?![\u4e00-\u9fff]{{0,2}}[”\"])")


def named_members(text: str) -> list[Slogan]:
    """Layouts of members named in quotes after their count (at least two named; a page may end
    before the last), in order."""
    out, seen = [], set()
    for m in _ANNOUNCED.finditer(text):
        name, word = m.group(3), m.group(4)
        if name in seen:
            continue
        members = list(re.finditer(rf"“([^“”\n]{{2,8}})”{re.escape(name)}", text[m.end():]))
        if len(members) < 2:
            continue
        seen.add(name)
        starts = [m.end() + x.start() for x in members] + [len(text)]
        spans = []
        for k, x in enumerate(members):
            stop = min(starts[k + 1], _paragraph_end(text, starts[k]))
            spans.append((starts[k], stop))
        parts = [Part(x.group(1), word, 1, KIND_OF[word]) for x in members]
        out.append(Slogan(m.group(1), m.start(1), m.end(1), m.end(), "", parts, [], spans))
    return out


def _paragraph_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


# a count of places of one kind listed after a colon: 划分成四大板块:A板块、B板块、C板块、D板块
_AREA_WORDS = "|".join(w for w in sorted(KIND_OF, key=len, reverse=True)
                       if KIND_OF[w] in ("group", "zone") and len(w) == 2)
COUNTED_LIST = re.compile(rf"(?:划分[成为]?|分为|分成|形成|构建|打造|建设|布局)({_COUNT}大?({_AREA_WORDS}))"
                           r"[:：]([^。；;:：\n]{4,200})")


def counted_list(text: str, m: re.Match) -> Slogan | None:
    """The layout “N大X” whose N members, each a …X, the text lists after it; else None."""
    count = _count(m.group(1)[0])
    word = m.group(2)
    items, pos = [], m.start(3)
    for sep in list(re.finditer(r"[、，,]|和|及", m.group(3))) + [None]:
        stop = m.start(3) + sep.start() if sep else m.end(3)
        items.append((pos, stop))
        if sep is None:
            break
        pos = m.start(3) + sep.end()
    items = [(a, b) for a, b in items if b - a > len(word)]
    if not count or len(items) != count or \
            not all(text[a:b].strip().endswith(word) for a, b in items):
        return None
    parts = [Part(text[a:b].strip(), word, 1, KIND_OF[word]) for a, b in items]
    return Slogan(m.group(1), m.start(1), m.end(1), m.end(2) + 1, "", parts, [], items)


# a count of areas as a heading line of its own (四大重点区域), each area then under a heading
# line of its own that names it (拱墅区域:大城北规划建设的核心区)
_COUNT_LINE = re.compile(r"(?m)^[ \t]*(([一二两三四五六七八九十]|\d{1,2})大?[\u4e00-\u9fff]{0,4}?"
                         r"(区域|片区|板块|组团|园区))[ \t]*$")


def headed_members(text: str) -> list[Slogan]:
    """Layouts of a count line whose areas follow one per heading line (at least two; a page
    may end before the last): each part is its heading line, which names its place."""
    out = []
    for m in _COUNT_LINE.finditer(text):
        count, word = _count(m.group(2)), m.group(3)
        head = re.compile(rf"(?m)^[ \t]*([\u4e00-\u9fff]{{2,10}}?{word})[:：][^\n]{{2,60}}$")
        found = list(head.finditer(text, m.end(), min(len(text), m.end() + 3000)))[:count or 0]
        if len(found) < 2:
            continue
        parts = [Part(x.group(1), word, 1, KIND_OF.get(word[-1], "zone")) for x in found]
        spans = [(x.start(1), x.end()) for x in found]
        out.append(Slogan(m.group(1), m.start(1), m.end(1), m.end(), "", parts, [], spans))
    return out


# the same with the list first: 重点布局A区、B区、…、F区六大区域
# (or after a colon: …新布局已经拉开:钱江世纪城、湘湖新城、空港新城三大新平台)
LISTED_COUNT = re.compile(r"(?:布局|打造|建设|形成|构建|规划|[:：])((?:[\u4e00-\u9fff]{2,14}、){1,11}"
                          rf"[\u4e00-\u9fff]{{2,14}}?)等?({_COUNT}大?[\u4e00-\u9fff]{{0,2}}?"
                          r"(?:区域|片区|板块|组团|园区|平台))")

# or the count in quotes, the word its list's items end in: 形成度假区、行政区、科技区“三区”互动发展的良性格局
# (with 大 before the count, its list naming the places: 打造智慧新城、智造新城、空港新城“大三城”)
LISTED_QUOTED = re.compile(r"(?:布局|打造|建设|形成|构建|规划)((?:[\u4e00-\u9fff]{2,14}、){1,11}[\u4e00-\u9fff]{2,14}?)"
                           r"[“\"]((?:大)?[两三四五六七八九十双](区|城|核|心|翼|带|园|港))[”\"]"
                           r"(?:(?=[^。；;！？!?\n“”]{0,20}?(?:格局|布局|结构))|(?<=[“\"]大..[”\"]))")


def listed_count(text: str, m: re.Match) -> Slogan | None:
    """The layout “六大区域” of the N areas listed right before it, each ending in a word for a
    kind of place (…商务区); else None."""
    count = _count(m.group(2).lstrip("大")[0])
    items, pos = [], m.start(1)
    for sep in list(re.finditer("、", m.group(1))) + [None]:
        stop = m.start(1) + sep.start() if sep else m.end(1)
        items.append((pos, stop))
        pos = m.start(1) + sep.end() if sep else stop
    words = [next((w for w in sorted(KIND_OF, key=len, reverse=True) if text[a:b].endswith(w)), "")
             for a, b in items]
    if not count or len(items) != count or not all(words) or \
            m.re is LISTED_QUOTED and not all(text[a:b].endswith(m.group(3)) for a, b in items):
        return None
    parts = [Part(text[a:b], w, 1, KIND_OF[w]) for (a, b), w in zip(items, words)]
    return Slogan(m.group(2), m.start(2), m.end(2), m.end(2), "", parts, [], items)


# the same with each area's name in quotes after the count: 划分为3大区域,“创新驱动引领区”包括…,
# “产业提速增效区”包括…
QUOTED_COUNT = re.compile(rf"(?:划分[成为]?|分为|分成|形成|构建|打造|布局)(({_COUNT})大?(区域|片区|板块|组团|园区))")


def quoted_count(text: str, m: re.Match) -> Slogan | None:
    """The layout “3大区域” whose areas the text then names in quotes, as many as it counts,
    each ending in the count's kind of place; else None."""
    count, kind = _count(m.group(2)), m.group(3)
    names = [n for n in re.finditer(r"“([^“”\n]{2,12})”", text[m.end():m.end() + 600])
             if n.group(1)[-1] == kind[0] or n.group(1).endswith(kind)]     # (not “云南速度”)
    if not count or len(names) != count:
        return None
    spans = [(m.end() + n.start(1), m.end() + n.end(1)) for n in names]
    word = kind[0] if kind[0] in KIND_OF else kind
    parts = [Part(n.group(1), word, 1, KIND_OF.get(word, "zone")) for n in names]
    return Slogan(m.group(1), m.start(1), m.end(1), m.end(), "", parts, [], spans)


# a count of one kind of place in quotes whose members a list further on names, as many as it
# counts, each ending in that kind: 发力“三大发展轴” … 将沿济青陆海发展主轴、滨海综合发展轴、青烟综合发展轴打造…
# (a name between the count and the kind: a bare part quoted alone, “三带”是…, is a slogan's)
QUOTED_KIND = re.compile(rf"[“\"](({_COUNT})[大条个]?[\u4e00-\u9fff]{{2,4}}?({_WORDS}))[”\"]")
_LEADS_LIST = re.compile(r"(?:将|要)?(?:沿|以|依托|围绕|推动|打造|建设|构建|提升)")


def kind_named(text: str, m: re.Match) -> Slogan | None:
    """The layout “三大发展轴” of the members a list after it names (within a few paragraphs),
    as many as it counts, each ending in its kind; else None."""
    n, word = _count(m.group(2)), m.group(3)
    if not n or n < 2 or n > 12:
        return None
    item = rf"[\u4e00-\u9fff]{{2,12}}?{re.escape(word)}"
    listed = re.compile(rf"({item})" + rf"(?:[、和及]({item}))" * (n - 1) + rf"(?![\u4e00-\u9fff]{{0,3}}[、和及]{item})")
    found = listed.search(text, m.end(), min(len(text), m.end() + 800))
    if found is None:
        return None
    spans = []
    for g in range(1, n + 1):
        a, b = found.span(g)
        lead = _LEADS_LIST.match(text, a) if g == 1 else None
        spans.append((lead.end() if lead else a, b))
    if any(b - a < len(word) + 2 for a, b in spans):
        return None
    parts = [Part(text[a:b], word, 1, KIND_OF[word]) for a, b in spans]
    return Slogan(m.group(1), m.start(1), m.end(1), m.end(), "", parts, [], spans)


# or one by one in the sentences right after it, each opening on its name: 分为四大功能区。研发区面积
# 5平方公里,…。产业化区面积40平方公里,…
SENTENCED_COUNT = re.compile(rf"(?:划分[成为]?|分为|分成)(({_COUNT})大?[\u4e00-\u9fff]{{0,4}}?(区|区域|片区|板块|组团|园区))。")


def sentenced_count(text: str, m: re.Match) -> Slogan | None:
    """The layout “四大功能区” of the N sentences after it that each open on the name of one
    of its areas; else None."""
    count, kind = _count(m.group(2)), m.group(3)
    spans, pos = [], m.end()
    for _ in range(count or 0):
        name = re.compile(rf"([\u4e00-\u9fff]{{2,14}}?{kind})(?=面积|是|为|位于|包括|主要|[,，])").match(text, pos)
        stop = text.find("。", pos)
        if name is None or stop < 0:
            return None
        spans.append((name.start(1), name.end(1), stop))
        pos = stop + 1
    if not count or count < 2:
        return None
    parts = [Part(text[a:b], kind[-1], 1, KIND_OF.get(kind[-1], "zone")) for a, b, _ in spans]
    return Slogan(m.group(1), m.start(1), m.end(1), m.end(), "", parts, [], [(a, c) for a, _, c in spans])


def counted_lists(text: str, taken: set[str]) -> list[Slogan]:
    """The counted lists of areas (划分成四大板块:A板块、…) that are no slogan already found
    (`taken`: their keys) and are this plan's."""
    out = []
    found = [(m, counted_list) for m in COUNTED_LIST.finditer(text)] + \
        [(m, listed_count) for m in LISTED_COUNT.finditer(text)] + \
        [(m, listed_count) for m in LISTED_QUOTED.finditer(text)] + \
        [(m, quoted_count) for m in QUOTED_COUNT.finditer(text)] + \
        [(m, kind_named) for m in QUOTED_KIND.finditer(text)] + \
        [(m, sentenced_count) for m in SENTENCED_COUNT.finditer(text)]
    for m, read in found:
        sl = read(text, m)
        if sl is not None and same_key(sl.text) not in taken and \
                not not_this_plans(text, m.start(1), m.end(1)):
            taken.add(same_key(sl.text))
            out.append(sl)
    return out
