"""Layouts found by their slogans, one element per part of the slogan.

Chinese plans name a spatial layout with a slogan in quotation marks followed by 格局 or 布局:
counted parts (“一核一带两翼多基地”, “一主六辅三城”, “两带引领+四廊支撑+多平台联动”) or figures
(“4+4+1+5”, “1+X”). Each counted part is defined by a passage that repeats its label (“一核”:…,
多基地:…) or by a clause that uses its word (以…为西翼); figures are defined by the clauses that
follow the slogan, one per part (“…格局:以A为引领,…;以B为联动,…;…”).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .bracketed import COUNTED_CHARS, SPELLED, chars_counted, figures_before, listed_before, members, told
from .definitions import run_together
from .history import clause_start as _clause_start, not_this_plans
from .parts import KIND_OF, VERBS, Part, bullet_block
from .text import cn_number, pair_quotes

# after a count, these words count things that are not places (两个维护, 四大建设, 三项任务)
# a part written as a side of the place and one word of what it does (北强, 南启, 中兴)
_POINTED = re.compile(r"^[东西南北中][\u4e00-\u9fff]$")
_NOT_A_PART = re.compile(r"^[个项条种类次年位大化者性型色]")
_WORDS = "|".join(sorted(KIND_OF, key=len, reverse=True))
_COUNT = r"(?:[二三四五六七八九]十[一二三四五六七八九]?|十[一二三四五六七八九]|[一二两三四五六七八九十百多双数]|\d{1,2})"      # (十一射, 二十四片区)
# (三大片区, 1个核心: a count may be written with 大 or 个 before the word, or with 条 and what the
# things are, 六条生态带; or with the kind it stands for in a bracket after its word: 一主(城)五副(城))
_PART = re.compile(rf"(?P<count>{_COUNT})(?:[大个]|条[\u4e00-\u9fff]{{0,2}}?)?(?P<word>{_WORDS})"
                   rf"(?:[(（][\u4e00-\u9fff]{{1,2}}[)）])?(?P<verb>{VERBS})?")
_FIGURES = re.compile(r"^[0-9XYNxyn]{1,2}(?:[+＋][0-9XYNxyn]{1,2})+$")
# (a repost may break a slogan with a stray space or line break, “一 主三副”, or open it with the
# closing mark, ”一主一副”: read as written, named without the break)
_QUOTED = re.compile(r"[“\"「”]([^“”\"」\n]{3,30}|[^“”\"」\n]{1,30}\n[^“”\"」\n]{1,30})[”\"」]")
_INNER_QUOTES = {ord("‘"): "“", ord("’"): "”"}
# a slogan is a layout when its clause announces one, after it (“…”的…空间格局, “…”布局) or
# before it (空间结构由“…”), or when a definition follows at once (“…”说的是, “…”即) or
# each of its parts is defined after it by its label (“三城”:…; “五基地”:…; 其中的“1”是…)
_ANNOUNCE = r"(?:格局|布局|结构|架构|空间(?:发展|功能)?体系)"
_CONTEXT = re.compile(r"(?:的(?:“[^“”\n]{1,12}”)?[^，,。；;:：！!？?“”\n]{0,30}?|[^，,。；;:：！!？?“”\n的]{0,8}?)" + _ANNOUNCE)
_BEFORE = re.compile(_ANNOUNCE + r"(?:由|是|为|即|[:：]|(?:将|要)?以|呈现[出为]?|上[^，,。；;！!？?\n]{0,6}?|由“[^”\n]{1,30}”"
                     r"(?:变成|变为|调整为|升级为|拓展为|扩展为|优化为|演变为|迭代为|转变为))$")
_LINE_GAP = re.compile(r"[ \t]*\n\s*")
_BUILT = re.compile(r"(?:构建|构筑|打造|形成|塑造)[ \t]*$")     # a headline's counted places built: 构建“三圈两带”
_HEADLINE_END = re.compile(r"[ \t]*(?:\n|$)")
# (or after what the slogan is called: “一核两翼”发展战略,即以…为核心)
_DEFINED = re.compile(r"(?:[\u4e00-\u9fff]{0,4}(?:战略|思路|布局思路|理念))?[,，]?\s*(?:说的是|指的是|是指|即|分别(?:是|为|指))")
# 构建以“一轴两带一区”为统领,以…为支撑,…的新发展格局: the slogan frames the layout announced later
_FRAMES = re.compile(r"为(?:统领|引领|骨架|主骨架|空间骨架|框架|主体|主干|核心)[^。；;！!？?\n]{0,60}?"
                     + _ANNOUNCE)
# words that announce a layout only after a slogan of counted places (a figure slogan's
# “1+N”政策体系 is a set of policies; “一廊五区”重大发展平台: places to build; “一核一带一极”
# 产业发展空间: the space a district's industries are laid out in)
_WIDE = re.compile(r"(?:的[^，,。；;:：！!？?“”\n]{0,12}?|[^，,。；;:：！!？?“”\n的]{0,6}?)"
                   r"(?:体系|形态|网络|框架|骨架|态势|版图|平台|(?:发展|产业|功能|城市)空间|(?<=等)(?:重点)?区域)")
# a transport network laid out by three counted parts or more (…内河航道网络, …高速公路骨架网络), not
# one of platforms (“一试点、一示范、多基地”的…平台网络)
_NETWORK = re.compile(r"[^，,。；;:：！!？?“”\n]{0,10}?(?:公路|铁路|航道|轨道|交通|航线|干线|国道|省道|县道|路)[^，,。；;:：！!？?“”\n]{0,4}?网")
_ROUTES = re.compile(r"\s*[^，,。；;:：！!？?“”\n]{0,6}?(?:通道|廊道|线路)")
# a space the slogan is laid out in, after 布局“…”: 布局“一心、一堡、四节点”的城镇空间
_SPACE_AFTER = re.compile(r"的?[^，,。；;:：！!？?“”\n]{0,6}?空间")
_UNQUOTED = re.compile(rf"((?:{_COUNT}(?:{_WORDS}))(?:、?{_COUNT}(?:{_WORDS})){{1,5}})的?(?:空间|发展|功能|产业)*(?:格局|布局)")   # (一心、二轴、三平台的空间布局)
# a slogan of counted places labelling its own line, its parts told after the colon
# (- 两核两区:打造A核、B核两核,C区、D区两区)
_LABEL = re.compile(rf"(?m)^[ \t\-•·●■]*((?:{_COUNT}(?:{_WORDS})){{2,6}})[:：]")
_CN_COUNT = {"一": 1, "二": 2, "两": 2, "双": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9, "十": 10}


@dataclass
class Slogan:
    text: str
    start: int                  # of the slogan text (inside the quotes)
    end: int
    context_end: int            # end of “…格局/布局”
    theme: str
    parts: list[Part] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)
    spelled: list[tuple[int, int]] = field(default_factory=list)   # each part's items in a bracket

    @property
    def figures(self) -> bool:
        return not any(p.word for p in self.parts)


def _count(c: str) -> int | None:
    # (a count of two characters or three is a numeral: 十一, 二十, 二十四)
    return int(c) if c.isdigit() else _CN_COUNT.get(c) if len(c) == 1 else cn_number(c)


_NAMED_PART = re.compile(rf"^({_COUNT})(?:个|条|大|座|类)?[\u4e00-\u9fff]{{2,10}}?({_WORDS})$")
_TOLD = re.compile(rf"^({_COUNT})({_WORDS})[\u4e00-\u9fff]{{2}}$")
_LED = re.compile(rf"^[\u4e00-\u9fff]{{2,4}}?({_COUNT})([\u4e00-\u9fff]{{1,2}})$")
_FREE_PART = re.compile(rf"(?P<count>{_COUNT})(?P<word>[\u4e00-\u9fff]{{1,3}}?)(?P<verb>{VERBS})?"
                        rf"(?={_COUNT}|$)")


def _one_counted(slogan: str) -> tuple[list[Part], list[str]] | None:
    """A slogan of one counted kind of place and what it is to do (“两翼齐飞”), announced as a
    layout: that part alone; else None."""
    m = re.fullmatch(rf"({_COUNT})({_WORDS})([\u4e00-\u9fff]{{2}})?", slogan.strip())
    n = _count(m.group(1)) if m else None
    return ([Part(m.group(1) + m.group(2), m.group(2), n, KIND_OF[m.group(2)], m.group(0))], []) \
        if m and (n is None or n >= 2) else None


def _places_only(slogan: str) -> bool:
    """Whether every part of the slogan counts a kind of place (一心两轴三片), not a figure."""
    parsed = parse(slogan)
    return bool(parsed) and not parsed[1] and all(p.word in KIND_OF for p in parsed[0])


def parse(slogan: str, free: bool = False) -> tuple[list[Part], list[str]] | None:
    """The parts of a slogan, or None if it is not a layout slogan. With `free` (the text
    announces a layout), a counted word outside the list of part words is a part too."""
    s = slogan.strip()
    if _FIGURES.match(s):
        toks = re.split(r"[+＋]", s)
        return [Part(t, "", int(t) if t.isdigit() else None,
                     "group") for t in toks], []
    parts: list[Part] = []
    unparsed: list[str] = []
    segs = [x for x in re.split(r"[、，,·\s]+", s) if x]
    if free and len(segs) >= 2 and all(_POINTED.match(x) for x in segs) \
            and len({x[0] for x in segs}) == len(segs):
        # “北强、南启、中兴”: each part is a side of the place and what it is to do
        return [Part(x, x[0], 1, "zone", x) for x in segs], []
    if free and len(segs) >= 3 and all(3 <= len(x) <= 4 and not re.match(_COUNT, x) for x in segs) \
            and sum(x[-1] in KIND_OF for x in segs) * 2 >= len(segs) + 1:
        # “创新核,产业芯,风情带,魅力城”: each part named by what it is and its kind of place
        return [Part(x, x[-1], 1, KIND_OF.get(x[-1], "zone"), x) for x in segs], []
    for seg in (x for x in re.split(r"[+＋，,、·\s]+", s) if x):
        pos, got = 0, []
        for m in _PART.finditer(seg):
            if m.start() != pos:
                break
            got.append(Part(m.group(0)[:m.end("word") - m.start()], m.group("word"),
                            _count(m.group("count")), KIND_OF[m.group("word")], m.group(0)))
            pos = m.end()
        told = _TOLD.match(seg) if free and (not got or pos != len(seg)) else None
        if told and re.match(_COUNT, seg[told.end(2):]):
            told = None     # “一岛两岸”: two counted places, not one and what it is to do
        if told:        # “一湾极化”: a counted place and two words of what it is to do
            got, pos = [Part(told.group(1) + told.group(2), told.group(2), _count(told.group(1)),
                             KIND_OF[told.group(2)], seg)], len(seg)
        if (not got or pos != len(seg)) and free:
            got, pos = [], 0
            for m in _FREE_PART.finditer(seg):
                word = m.group("word")
                if m.start() != pos or _NOT_A_PART.match(word):
                    break
                got.append(Part(m.group("count") + word, word, _count(m.group("count")),
                                KIND_OF.get(word, "zone"), m.group(0)))
                pos = m.end()
        named = _NAMED_PART.match(seg) if free and not (got and pos == len(seg)) else None
        if named:       # “一个文化旅游核心区”, “两条精品文化旅游带”: a count, then a name ending in its kind
            got, pos = [Part(seg, named.group(2), _count(named.group(1)), KIND_OF[named.group(2)], seg)], len(seg)
        led = _LED.match(seg) if free and not (got and pos == len(seg)) else None
        if led and led.group(2)[-1] in KIND_OF:     # “内联外接多轴带”: what it does, then a counted part
            got, pos = [Part(led.group(1) + led.group(2), led.group(2), _count(led.group(1)),
                             KIND_OF[led.group(2)[-1]], seg)], len(seg)
        if got and pos == len(seg):
            parts += got
        elif not got and (len(seg) <= 4 or free and len(seg) <= 8 and not re.search(_COUNT, seg)):
            unparsed.append(seg)      # “轴带双织”, “蓝绿网络高品质”: an idea, not a counted part
        else:
            return None
    # (announced, one counted part with words of what is to come: “双核驱动、协同发展”)
    return (parts, unparsed) if len(parts) >= 2 or (free and parts and unparsed) else None


def _listed(text: str, m: re.Match) -> bool:
    """Whether each part of the slogan is defined after it by its own label (“三城”:…,
    “五基地”:…): a list of parts is how a layout is spelled out when no 格局 names it."""
    # (其中的“1”是…,“4”是…: each figure in quotes; 以A区为“一体”,以B县为“东翼”: its places given)
    from .definitions import assigned, labelled, named_after, sides_named

    parsed = parse(_unbroken(m.group(1)), free=True)
    end = min(len(text), m.end() + 2000)
    # (all of them, or all but the last of three or more where the page ends before it could
    # come)
    told = [any(labelled_passage(text, x, m.end(), end) for x in p.labels)
            or labelled(text, p, parsed[0], m.end(), end)
            or assigned(text, p, m.end(), end) or named_after(text, p, m.end())
            or sides_named(text, p, m.end(), end) for p in parsed[0]] \
        if parsed else []
    return bool(told) and (all(told) or (len(told) >= 3 and all(told[:-1]) and end >= len(text)))


def _unbroken(slogan: str) -> str:
    """A slogan without the space or line break a page set inside a part (“一 主三副”) or
    between its parts (“一岛、 一区”)."""
    s = re.sub(r"(?<=[、，,+＋])\s+", "", slogan.strip())
    s = re.sub(r"(?<=[\u4e00-\u9fff]{4})的$", "", s)       # (a quote the page closes after 的: “一核四轴多点的”)
    return re.sub(r"(?<=[\u4e00-\u9fff])[ \t\u3000]*\n\s*(?=[\u4e00-\u9fff])", "", s)


def _in_title(text: str, pos: int) -> bool:
    """Whether pos lies inside a document's title in 《》 on its line."""
    line_start = text.rfind("\n", 0, pos) + 1
    opened = text.rfind("《", line_start, pos)
    closed = text.find("》", pos, pos + 80)
    return opened >= 0 and text.rfind("》", opened, pos) < 0 and closed >= 0 and \
        text.find("\n", pos, closed) < 0


def same_key(slogan: str) -> str:
    """A slogan as the same layout whether its parts are written apart (“两横、三纵、多区域”) or
    together (“两横三纵多区域”)."""
    return re.sub(r"[、，,·\s]", "", slogan)


def find_slogans(text: str, notes: list[str] | None = None) -> list[Slogan]:
    """Layout slogans in order. Slogans the text gives as history, superseded or cited are left
    out, with a line in `notes` saying so."""
    out: list[Slogan] = []
    seen: set[str] = set()
    skipped: set[str] = set()
    pairs: set[str] = set()
    quoted = pair_quotes(text).translate(_INNER_QUOTES)   # "…" as “…”, ‘一主八辅’ inside a quote read as one
    for m in SPELLED.finditer(quoted):
        sl = _spelled(text, m)
        if sl is not None and not not_this_plans(text, m.start(1), m.end(1)):
            seen.add(same_key(sl.text))
            out.append(sl)
    for m in _QUOTED.finditer(quoted):
        places = _places_only(m.group(1))
        # (read once: the counted parts with any word a part may have, and with the words for places)
        free, strict = parse(_unbroken(m.group(1)), free=True), parse(_unbroken(m.group(1)))
        ctx = _CONTEXT.match(text, m.end())
        gap = _LINE_GAP.match(text, m.end())
        if not ctx and gap and not text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip():
            ctx = _CONTEXT.match(text, gap.end())      # a slogan set on a line of its own
        if not ctx and text[max(0, m.start() - 1):m.start()] == "以":
            ctx = _FRAMES.match(text, m.end())
        pair = None if ctx else _QUOTED.match(quoted, m.end())
        if pair:        # “三山四水两平原”“一圈一团七轴带”的…总体格局: both announced
            ctx = _CONTEXT.match(text, pair.end())
        if not ctx and places:
            ctx = _WIDE.match(text, m.end())     # “一心两轴三片”的城镇体系, “一环两廊”生态网络
        net = None if ctx else _NETWORK.match(text, m.end())
        if net:         # “一绕、一环、十一射、三连”900公里高速公路骨架网络
            ctx = net if free and not free[1] and len(free[0]) >= 3 else None
        routes = None if ctx else _ROUTES.match(text, m.end())
        if routes:      # “ 三纵一横” 旅游通道: routes counted by their direction
            ctx = routes if free and not free[1] and all(p.word in "纵横环射" for p in free[0]) else None
        if not ctx and text.endswith("布局", 0, m.start()):
            ctx = _SPACE_AFTER.match(text, m.end())     # 布局“一心、一堡、四节点”的城镇空间
        before = _BEFORE.search(text, _clause_start(text, m.start()), m.start())
        before_list = listed_before(text, m.start(), strict[0]) if strict and not strict[1] else None
        defined = _DEFINED.match(text, m.end()) or _listed(text, m) or before_list
        # 《温州市“一核十片”建设三年行动计划》: a plan named for building a layout of places
        titled = places and _in_title(text, m.start())
        # three or more kinds of place counted (“一核三极四带”区域产业联动发展): a layout by itself
        bare = places and len({p.word for p in parse(m.group(1))[0]}) >= 3
        # or three sides or more, each with what it is to do (“北融、南协、西拓、东护”战略)
        sided = bool(free and len(free[0]) >= 3 and all(_POINTED.match(p.label) for p in free[0]))
        built = places and _BUILT.search(text, max(0, m.start() - 6), m.start()) and _HEADLINE_END.match(text, m.end())
        bare = bare or sided or bool(built) and m.start() - text.rfind("\n", 0, m.start()) <= 40
        # (nor a pair of a slogan's parts quoted again to define them: “一心两极”指的是…; but one
        # with its own 格局 is a layout of its own: “一群两心”的城镇空间格局)
        if not (ctx or before or defined or titled or bare) or same_key(m.group(1)) in seen or \
                (same_key(m.group(1)) in pairs and not ctx):
            continue
        counted = None if free or not ctx else figures_before(text, m.group(1), m.start())  # 以…为一大龙头,…“132N”
        before_list = counted[1] if counted else before_list
        parsed = (counted[0], []) if counted else free or (_one_counted(m.group(1)) if ctx else None) \
            or (run_together(text, m.group(1), m.end()) if ctx or before else None)
        if parsed is None or (not ctx and not before and not sided and parsed[0] and
                              all(p.word and p.word not in KIND_OF for p in parsed[0])):
            continue
        why = not_this_plans(text, m.start(1), m.end(1))
        if why:
            if notes is not None and m.group(1) not in skipped:
                notes.append(f"“{m.group(1)}” is mentioned as {why} (not this plan's layout): "
                             "not drafted")
            skipped.add(m.group(1))
            continue
        seen.add(same_key(m.group(1)))
        pairs.update(same_key(x) for x in re.split(r"[、，,·\s]+", m.group(1)) if x != m.group(1))
        end = ctx.end() if ctx else m.end()
        theme = text[pair.end() if pair else m.end():end].lstrip("的") if ctx else (
            text[max(_clause_start(text, before.start()), before.start() - 2):before.start() + 2]
            if before else "")
        out.append(Slogan(_unbroken(m.group(1)), m.start(1), m.end(1), end, theme, *parsed,
                          before_list if before_list and len(before_list) == len(parsed[0]) else []))
    for m in COUNTED_CHARS.finditer(text):       # a quote left open, its characters counted
        parsed = parse(m.group(1), free=True) if chars_counted(m) and same_key(m.group(1)) not in seen else None
        if parsed and len(parsed[0]) >= 2 and not not_this_plans(text, m.start(1), m.end(1)):
            seen.add(same_key(m.group(1)))
            out.append(Slogan(m.group(1), m.start(1), m.end(1), m.end(), "", *parsed))
    for m in _PROPOSED.finditer(text):
        sl = _proposed(text, m)
        if sl is not None and same_key(sl.text) not in seen:
            seen.add(same_key(sl.text))
            out.append(sl)
    for m in list(_UNQUOTED.finditer(text)) + list(_LABEL.finditer(text)):
        if same_key(m.group(1)) in seen or (m.start() > 0 and text[m.start() - 1] in "“\"「"):
            continue
        parsed = parse(m.group(1))
        if parsed is None or not_this_plans(text, m.start(1), m.end(1)):
            continue
        seen.add(same_key(m.group(1)))
        out.append(Slogan(m.group(1), m.start(1), m.end(1), m.end(),
                          text[m.end(1):m.end()].lstrip("的").rstrip(":："), *parsed))
    return sorted(out, key=lambda s: s.start)


# a slogan given without quotes as what a body proposes, a list of four-character phrases most of
# which count a kind of place and say what it is to do (提出:一湾极化、两廊牵引、多区联动、全域美丽)
_PROPOSED = re.compile(r"(?:提出|确立|明确|构建|形成|实施|谋划)了?[:：]\s*"
                       r"((?:[\u4e00-\u9fff]{4}、){2,7}[\u4e00-\u9fff]{4})(?=[。；;\n]|$)")


def _proposed(text: str, m: re.Match) -> Slogan | None:
    parsed = parse(m.group(1), free=True)
    if parsed is None or any(p.word not in KIND_OF for p in parsed[0]) \
            or len(parsed[0]) * 2 < len(parsed[0]) + len(parsed[1]) \
            or not_this_plans(text, m.start(1), m.end(1)):
        return None
    return Slogan(m.group(1), m.start(1), m.end(1), m.end(1), "", *parsed)


def _spelled(text: str, m: re.Match) -> Slogan | None:
    """The slogan of a bracketed.SPELLED match when its bracket spells out its parts: as many
    members as its parts count (two of 两廊 and one of 一轴), or each part in quotes; else None."""
    g = 2 if m.group(2) is not None else 3
    strict, spans = parse(m.group(1)), None
    if strict and not strict[1]:
        spans = members(text, m.start(g), m.end(g), strict[0]) or told(text, m.start(g), m.end(g), strict[0])
    free = None if spans else parse(m.group(1), free=True)
    if free and not free[1]:        # “六上一下”(水上、岛上…桥下): a part's word shortens its members
        spans = members(text, m.start(g), m.end(g), free[0], abbreviated=True)
    parsed = strict if strict and not strict[1] and spans else free
    return Slogan(m.group(1), m.start(1), m.end(1), m.end(), "", parsed[0], [], spans) if spans else None


# ---------------------------------------------------------------- where each part is defined



def labelled_passage(text: str, label: str, start: int, end: int) -> tuple[int, int] | None:
    """A passage that opens with the part's label: “一核”:… or 多基地:… (to the paragraph end)."""
    # or its label in quotes opening a line of its own: “一带”沿钱塘江的滨江景观带, “一核”。以…
    for m in re.finditer(rf"(?m)“?{re.escape(label)}”?\s*[:：]|^[ \t\u3000]*“{re.escape(label)}”"
                         r"[。.．]?(?=[\u4e00-\u9fff])", text[start:end]):
        s = start + m.start()
        nl = text.find("\n", s)
        stop = bullet_block(text, s, start + m.end(), len(text) if nl < 0 else nl)
        return s, min(end, stop)
    return None
