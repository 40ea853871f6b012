"""A count of areas whose members the text then names one by one, each in quotes before the
areas' name: 打造12条未来乡村共富引领带 … “龙井茶香”未来乡村共富引领带 以…为轴线,串联西湖区转塘街道…
“浦阳印迹”未来乡村共富引领带 …: a layout whose parts are the quoted names, each defined by the
text that follows it up to the next member."""
from __future__ import annotations

import re

from .slogans import KIND_OF, Part, Slogan

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
