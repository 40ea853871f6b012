"""What a text reports as done, not sets as a goal: a part under a title line on how a plan
went, and a news report's figures. Shared by the target reader (targets.py)."""
from __future__ import annotations

import re

# a news report (its source a paper, a site or a reporter): it tells what was achieved, and a
# figure there is a goal only with a word of what is to come
_NEWS = re.compile(r"来源\s*[:：]\s*[^\n]{0,12}?(?:报|网|电视台|广播|新闻|客户端|融媒)|记者[ \t\u3000]*[\u4e00-\u9fff]{2,4}|"
                   r"\(原标题[:：]|（原标题[:：]")
FUTURE = re.compile(r"将|力争|争取|确保|计划|目标|预计|拟|要|到20\d\d|至20\d\d|年底前|今后|未来")


def news(text: str) -> bool:
    """Whether the page is a news report: its source a paper, a site or a reporter."""
    return bool(_NEWS.search(text[:1500]))


_REPORT_LINE = re.compile(r"(?:执行|完成|落实)情况|工作回顾|回顾$")


def under_report_line(text: str, pos: int) -> bool:
    """Whether the nearest title line above pos (a short line with no full stop, not a
    table's row or the page's first line) says the part reports what was done."""
    para = text.rfind("\n", 0, pos)
    k = 0
    while para > 0 and k < 12:
        prev = text.rfind("\n", 0, para)
        line = text[prev + 1:para].strip()
        para, k = prev, k + 1
        if not line or "|" in line or "\t" in line:
            continue
        if len(line) <= 40 and not re.search(r"[。；;，,:：]", line):
            return prev > 0 and bool(_REPORT_LINE.search(line)) and \
                not re.search(r"目标|计划\(草案\)|计划（草案）", line.split("执行情况")[-1])
    return False
