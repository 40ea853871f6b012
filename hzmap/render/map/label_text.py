"""The words a label shows: names whole, in one language, wrapped when long. No Qt.

A name is never cut: "China (Zhejiang) Pilot Free Trade Zone, Hangzhou Area" is shown whole,
over lines, not as "China". A shorter name is used only where the dataset gives one (a place's
alias in Chinese, an element's or place's `short_name` / `short_name_en`), and only when the whole
name finds no room; a name that fits nowhere goes into the map's numbered key, whole.
"""
from __future__ import annotations

import math
import unicodedata

LATIN_LINE = 22    # characters a line of an English label holds before it wraps
CJK_LINE = 9       # Chinese characters a line holds
CJK_ONE_LINE = 11  # a Chinese name up to this long stays on one line
BREAK_AFTER = "·、，,:：;；/"


def _wide(c: str) -> bool:
    return unicodedata.east_asian_width(c) in ("W", "F")


def text_width(text: str) -> float:
    """Width in Chinese characters (a Latin letter counts about half)."""
    return sum(1.0 if _wide(c) else 0.55 for c in text)


CLOSING = "）”』」】、，。：；！？"


def _tokens(text: str) -> list[str]:
    """Latin words (with their trailing space) and single wide characters; a closing bracket or
    mark stays with what it closes."""
    out: list[str] = []
    word = ""
    for c in text:
        if _wide(c):
            if word:
                out.append(word)
                word = ""
            if c in CLOSING and out:
                out[-1] += c
            else:
                out.append(c)
        else:
            word += c
            if c == " ":
                out.append(word)
                word = ""
    if word:
        out.append(word)
    return out


def _natural(tokens: list[str], i: int) -> bool:
    """Whether a line may well end after tokens[i]: after a separator, or before a bracket."""
    here = tokens[i].rstrip()
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    return here[-1:] in BREAK_AFTER or after[:1] in "(（"


def wrap_label(text: str) -> str:
    """`text` over balanced lines when it is long (English past LATIN_LINE characters, Chinese
    past CJK_ONE_LINE); never broken inside a Latin word, before a closing mark or after an
    opening one, and at a separator (·、:) or before a bracket where that keeps lines even."""
    text = " ".join(text.split())
    wide = any(_wide(c) for c in text)
    width = text_width(text)
    if (wide and width <= CJK_ONE_LINE) or (not wide and len(text) <= LATIN_LINE):
        return text
    tokens = _tokens(text)
    widths = [text_width(t.rstrip()) for t in tokens]
    line_w = CJK_LINE if wide else LATIN_LINE * 0.55
    lines = min(len(tokens), max(2, math.ceil(width / line_w)))
    target = width / lines
    bonus = (target * 0.35) ** 2
    n = len(tokens)
    cum = [0.0]
    for t in tokens:
        cum.append(cum[-1] + text_width(t))

    def cost(i: int, j: int) -> float:  # tokens i..j-1 on one line
        w = cum[j] - cum[i] - (text_width(tokens[j - 1]) - widths[j - 1])
        return (w - target) ** 2 + (0.0 if w <= line_w * 1.25 else 1e6)

    best = {(0, 0): (0.0, None)}  # (tokens used, lines made) -> (cost, previous split)
    for k in range(1, lines + 1):
        for j in range(k, n + 1):
            options = []
            for i in range(k - 1, j):
                if (i, k - 1) not in best:
                    continue
                c = best[(i, k - 1)][0] + cost(i, j)
                if j < n and _natural(tokens, j - 1):
                    c -= bonus
                options.append((c, i))
            if options:
                best[(j, k)] = min(options)
    cuts, j = [], n
    for k in range(lines, 0, -1):
        i = best[(j, k)][1]
        cuts.append((i, j))
        j = i
    return "\n".join("".join(tokens[i:j]).strip() for i, j in reversed(cuts))


def one_line(text: str) -> str:
    return " ".join(text.split())


def place_names(place, en: bool) -> tuple[str, ...]:
    """A place's label texts, the whole first: English, its name (then its short name, if the
    dataset gives one); Chinese, the shortest of its name and aliases the documents use (as
    before: the map's Chinese labels stay short), then its short name."""
    short = getattr(place, "short_name_en" if en else "short_name", None)
    if en:  # (an imported place may have no English name yet: its Chinese one, as elsewhere)
        names = [place.name_en or place.name]
    else:
        names = [min([place.name, *[a for a in place.aliases if len(a) >= 2]], key=len)]
    if short and short not in names:
        names.append(short)
    return tuple(wrap_label(n) for n in names)


def element_names(element, text: str, en: bool) -> tuple[str, ...]:
    """An element's label texts: `text` (its whole name as the map words it), then its short
    name if the dataset gives one."""
    short = getattr(element, "short_name_en" if en else "short_name", None)
    names = [text]
    if short and short != text:
        names.append(short)
    return tuple(wrap_label(n) for n in names)
