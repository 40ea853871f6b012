"""Pages reposted in traditional characters (萧山, 泸州): read as simplified, cited as written.

A clean traditional repost is read through OpenCC's character table (resources/chinese/), one
character for one, so every offset holds in both: the rules read the simplified text, and the
draft's passages and the names it takes from the text are given back as the page writes them.
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace

_CJK = re.compile(r"[\u4e00-\u9fff]")
_RUN = re.compile(r"[\u4e00-\u9fff]+")
# a page is a traditional repost when enough of its characters are traditional forms
MIN_CHANGED = 10
MIN_SHARE = 0.03
SAMPLE = 20000


@functools.lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    from hzmap.paths import resources_root

    out: dict[int, str] = {}
    path = resources_root() / "chinese" / "TSCharacters.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or "\t" not in line:
            continue
        key, values = line.split("\t", 1)
        first = values.split(" ")[0].strip()
        if len(key) == 1 and len(first) == 1 and first != key:
            out[ord(key)] = first
    return out


@functools.lru_cache(maxsize=1)
def _traditional() -> re.Pattern:
    return re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(_table())) + "]")


def simplified(text: str) -> str | None:
    """The text in simplified characters, as long as it, when it is a traditional repost; else
    None (a simplified text is read as it is). Its opening decides: a repost is traditional
    throughout."""
    sample = text[:SAMPLE]
    changed = len(_traditional().findall(sample))
    if changed < MIN_CHANGED or changed < MIN_SHARE * len(_CJK.findall(sample)):
        return None
    return text.translate(_table())


def as_written(read: str, shown: str, value: str) -> str:
    """`value`, taken from the simplified reading `read`, as the page `shown` writes it: each run
    of Chinese characters found in the reading is given in the page's characters."""
    def back(m: re.Match) -> str:
        run, out = m.group(0), []
        while run:      # (a run the page sets over two lines, as a title, is found piece by piece)
            n = next((k for k in range(len(run), 0, -1) if read.find(run[:k]) >= 0), 0)
            if n == 0:
                out.append(run[0])
                run = run[1:]
                continue
            at = read.find(run[:n])
            out.append(shown[at:at + n])
            run = run[n:]
        return "".join(out)
    return _RUN.sub(back, value)


def restore(draft) -> None:
    """The draft's passages, names and words in the characters of the page it was read from."""
    doc = draft.document
    if not doc.shown:
        return
    read, shown = doc.text, doc.shown

    def fix(value):
        if isinstance(value, str):
            return as_written(read, shown, value)
        if isinstance(value, list):
            return [fix(v) for v in value]
        if isinstance(value, dict):
            # (a unit is the dataset's word, 亿元 and 个, whatever the page writes)
            return {k: (v if k in ("id", "plan", "file", "unit") else fix(v))
                    for k, v in value.items()}
        return value

    def cited(p):
        at = read.find(p.excerpt, max(0, p.start - 1))
        at = at if at >= 0 else read.find(p.excerpt)
        return replace(p, excerpt=shown[at:at + len(p.excerpt)]) if at >= 0 else p

    for rec in draft.records():
        rec.passages = [cited(p) for p in rec.passages]
        rec.data = fix(rec.data)
        if getattr(rec, "part", None):
            rec.part = as_written(read, shown, rec.part)
