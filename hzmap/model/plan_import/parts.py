"""A slogan's counted parts: the words that name kinds of places and what a part is.

Shared by the slogan reader (slogans.py) and the readers of where each part is defined
(definitions.py), so that neither imports the other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# part words, longest first, and the element kind each stands for
KIND_OF = {
    "基地": "base", "组团": "group", "中心": "core", "核心": "core", "走廊": "corridor", "平台": "platform",
    "板块": "group", "片区": "zone", "园区": "base", "新城": "zone", "副城": "zone", "小镇": "base",
    "枢纽": "hub", "核": "core", "心": "core", "主": "core", "极": "core", "带": "belt",
    "环": "belt", "翼": "wing", "轴": "axis", "廊": "corridor", "港": "hub", "站": "hub",
    "城": "zone", "区": "zone", "湾": "zone", "谷": "zone", "岛": "zone", "圈": "zone",
    "园": "base", "镇": "base", "点": "node", "星": "node", "辅": "node", "副": "node", "群": "group",
    "团": "group", "片": "group", "台": "platform", "网": "node", "链": "node",
    "集群": "group", "区块": "zone", "廊道": "corridor", "脉": "belt", "屏": "belt", "线": "belt",
    "连": "node", "组": "group", "峰": "node", "源": "zone", "厅": "zone", "客厅": "zone",
}
# words that stand for a part's word in a defining clause (以…为核心, …中心, 多点支撑)
SYNONYMS = {"核": ("核心", "中心"), "心": ("中心", "核心"), "点": ("多点", "节点", "支点"),
            "主": ("主城", "主中心")}
# what a slogan says a part does (两带引领, 多地协作): said of the part, not part of its name
VERBS = r"(?:引领|支撑|联动|协同|发展|驱动|辐射|带动|集聚|示范|融合|主导|协作|互动)"


@dataclass
class Part:
    label: str                  # the counted part: 一核, 两翼, 多基地, 4, X
    word: str                   # 核, 翼, 基地 ("" for a figure)
    count: int | None           # 1, 2 …; None for 多/数/X
    kind: str
    written: str = ""           # as the slogan writes it, with what the part does: 多平台联动

    @property
    def labels(self) -> tuple[str, ...]:
        """The forms a text defines the part by: as written (“双网融合”指…) or bare (“一核”即…)."""
        return (self.written, self.label) if self.written and self.written != self.label \
            else (self.label,)


BULLETS = "●•■◆▪○◇□◎"


def bullet_block(text: str, label_start: int, label_end: int, stop: int) -> int:
    """Where a bulleted label's passage ends: at `stop` (its line's end), unless the label stands
    alone on its line after a bullet (●五副:), when its members follow on the lines below, up
    to the next line with that bullet or a blank line."""
    line_start = text.rfind("\n", 0, label_start) + 1
    bullet = text[line_start:label_start].strip()
    nl = text.find("\n", label_end)
    if not bullet or bullet not in BULLETS or text[label_end:len(text) if nl < 0 else nl].strip():
        return stop
    nxt = re.compile(rf"\n[ \t\u3000]*(?:{re.escape(bullet)}|\n)").search(text, label_end)
    return nxt.start() if nxt else len(text)
