"""A source document's file as clean text in paragraphs.

The shipped files are as they were collected: 004 is a news repost in HTML behind a front
matter, and 003 was extracted from a PDF with a space inside many words ("集 聚地") and
several measures run together on one line. Cleaning keeps every character of the text
otherwise, so an excerpt found in the file is found in the clean text (whitespace aside):
- HTML: the front matter, tags and images go; each <p> is a paragraph; a paragraph the repost
  broke mid-sentence (it ends on a character, not on punctuation) is joined to the next.
- one space between two CJK characters is dropped (a run of spaces is layout and stays);
- a heading that starts inside a line ("…(市委金融办) (十二)拓展…") starts a new paragraph.
"""
from __future__ import annotations

import html
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024
CJK = r"\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_ONE_SPACE = re.compile(rf"(?<=[{CJK}])[ \u3000](?=[{CJK}])")
_FRONT_MATTER = re.compile(r"\A\s*---\n.*?\n---\s*\n", re.S)
_LOOKS_HTML = re.compile(r"</?(p|div|strong|span|br|a|h[1-6])\b", re.I)
_PARA = re.compile(r"<p\b[^>]*>(.*?)</p\s*>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_ENDS_SENTENCE = re.compile(r"[。！？；：:;!?”」』）)》…—]$")
# a numbered heading that starts inside a line, after a space: 二、 (十二) ( 四) （三）
_INLINE_HEADING = re.compile(
    r"\s+(?=(?:[一二三四五六七八九十]+、|[(（]\s*[一二三四五六七八九十]+\s*[)）])[\u4e00-\u9fff])")


class DocumentError(Exception):
    """A source document cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


def read_file(path: Path) -> str:
    """The file's text, or DocumentError naming the file (absent, not a regular file, too big,
    not UTF-8). Checked before opening, so a FIFO or a device never blocks."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise DocumentError(f"{path}: cannot read the source document ({e.strerror or e})") from None
    if not stat.S_ISREG(st.st_mode):
        raise DocumentError(f"{path}: not a regular file")
    if st.st_size > MAX_BYTES:
        raise DocumentError(f"{path}: {st.st_size / 1e6:.1f} MB is too big for a source "
                            f"document (at most {MAX_BYTES // 2**20} MB)")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise DocumentError(f"{path}: cannot read the source document ({e.strerror or e})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DocumentError(f"{path}: not UTF-8 text (byte {e.start}); save it as UTF-8") from None


def join_cjk(text: str) -> str:
    """'集 聚地' -> '集聚地': one space between CJK characters is an extraction artefact."""
    return _ONE_SPACE.sub("", text)


def _html_paragraphs(raw: str) -> list[str]:
    body = _FRONT_MATTER.sub("", raw, count=1)
    paras = []
    for inner in _PARA.findall(body):
        text = html.unescape(_TAG.sub("", inner)).strip()
        if not text:
            continue
        if paras and not _ENDS_SENTENCE.search(paras[-1]) and len(paras[-1]) > 30:
            paras[-1] += text  # the repost broke a sentence across two <p>
        else:
            paras.append(text)
    return paras


def _plain_paragraphs(raw: str) -> list[str]:
    raw = _FRONT_MATTER.sub("", raw, count=1)
    paras = []
    for line in raw.splitlines():
        for part in _INLINE_HEADING.split(line):
            part = part.strip()
            if part:
                paras.append(part)
    return paras


def clean(raw: str) -> tuple[str, list[Paragraph]]:
    """(clean text, its paragraphs); paragraphs are separated by one newline."""
    paras = _html_paragraphs(raw) if _LOOKS_HTML.search(raw) else _plain_paragraphs(raw)
    out, spans, pos = [], [], 0
    for p in paras:
        p = join_cjk(p)
        spans.append(Paragraph(pos, pos + len(p)))
        out.append(p)
        pos += len(p) + 1
    return "\n".join(out), spans
