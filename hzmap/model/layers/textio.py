"""Reading a user's CSV text: through hzmap.model.files.safeio (regular files only, bounded reads,
explicit decoding), in UTF-8 or the Chinese legacy encodings, within bounded lines.

Spreadsheets exported on Chinese Windows are usually GBK; Excel's "CSV UTF-8" starts with a
BOM. GB18030 is a superset of GBK and GB2312, so one fallback covers them.

A file is refused before it is decoded when a line is longer than MAX_LINE_BYTES or there are
more than MAX_ROWS lines (a 900 MB file of one line would otherwise take gigabytes to parse).
A few lines that are not text in the file's encoding (one row pasted from a GBK file into a
UTF-8 one, a stray NUL byte) are left out and named, rather than refusing the file: `read_rows`
returns them as `bad` {line number: why}. Most lines bad is a file in another encoding, and the
message says which it looks like.
"""
from __future__ import annotations

from pathlib import Path

from hzmap.model.files import safeio
from hzmap.model.layers.errors import LayerError

MAX_TEXT_BYTES = 1 << 30
MAX_LINE_BYTES = 16 << 20     # a WKT polygon column fits many times over
MAX_ROWS = 2_000_000          # Excel holds 1,048,576
ENCODINGS = ("utf-8", "utf-16", "gb18030")
_LABELS = {"utf-8": "UTF-8", "gb18030": "GBK/GB18030"}
_CHUNK = 64 << 20


def read_bytes(path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """At most `limit` bytes of a regular file; LayerError if it is longer or unreadable."""
    try:
        return safeio.read_bytes(path, limit, what="table")
    except safeio.FileProblem as exc:
        raise LayerError(Path(path), exc.problem) from None


def decode_text(raw: bytes, path=None) -> tuple[str, str]:
    """(text, encoding name) for CSV bytes: a BOM decides, else UTF-8, else GBK/GB18030."""
    try:
        return safeio.decode_as(raw, path, ENCODINGS)
    except safeio.FileProblem as exc:
        raise LayerError(path, exc.problem) from None


def check_lines(raw: bytes, path) -> int:
    """The number of lines; LayerError for a line over MAX_LINE_BYTES or over MAX_ROWS lines."""
    import numpy as np

    data = np.frombuffer(raw, dtype=np.uint8)
    start, lines = 0, 0
    for offset in range(0, len(data), _CHUNK):
        ends = np.flatnonzero(data[offset:offset + _CHUNK] == 10) + offset
        if ends.size:
            longest = int(max(ends[0] - start, np.diff(ends).max() if ends.size > 1 else 0))
            if longest > MAX_LINE_BYTES:
                at = lines + 1 + (0 if ends[0] - start > MAX_LINE_BYTES else
                                  int(np.argmax(np.diff(ends) > MAX_LINE_BYTES)) + 1)
                raise _long_line(path, at)
            start, lines = int(ends[-1]) + 1, lines + int(ends.size)
        if lines > MAX_ROWS:
            raise LayerError(path, f"has more than {MAX_ROWS:,} lines; hzmap reads at most {MAX_ROWS:,} rows "
                                   "(split the file)")
    if len(raw) - start > MAX_LINE_BYTES:
        raise _long_line(path, lines + 1)
    return lines + (1 if len(raw) > start else 0)


def _long_line(path, line: int) -> LayerError:
    return LayerError(path, f"line {line:,} is longer than {safeio.size_text(MAX_LINE_BYTES)}; a table's "
                            "rows are far shorter (is it a table?)")


def read_rows(path, limit: int = MAX_TEXT_BYTES) -> tuple[str, str, dict, bytes | None]:
    """(text, encoding, bad lines {number: why}, utf8) of a CSV file; bad lines are left empty
    in the text, so the other lines keep their numbers. `utf8` is the text's UTF-8 bytes when
    the file holds just those (UTF-8, read whole; its BOM taken off), else None."""
    path = Path(path)
    if _size(path) <= MAX_LINE_BYTES:
        first = read_bytes(path, limit)
    else:  # a first look at a large file, for one huge line
        from hzmap.model.layers.sniff import head

        first = head(path, MAX_LINE_BYTES + 1)
    if len(first) > MAX_LINE_BYTES and b"\n" not in first:  # one huge line: refused unread
        raise _long_line(path, 1)
    raw = first if len(first) <= MAX_LINE_BYTES else read_bytes(path, limit)
    check_lines(raw, path)
    try:
        text, encoding = decode_text(raw, path)
        return text, encoding, {}, (raw.removeprefix(_UTF8_BOM) if encoding == "utf-8" else None)
    except LayerError as whole:
        found = _decode_by_line(raw, path)
        if found is None:
            raise whole from None
        return (*found, None)


_UTF8_BOM = b"\xef\xbb\xbf"


def _size(path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _decode_by_line(raw: bytes, path):
    lines = raw.split(b"\n")
    allowed = max(10, len(lines) // 100)
    best = None
    for encoding in ("utf-8", "gb18030"):
        out, bad = [], {}
        for number, line in enumerate(lines, 1):
            if b"\x00" in line:
                bad[number] = "holds NUL bytes (binary data, not text)"
                out.append("")
                continue
            try:
                out.append(line.decode("utf-8-sig" if number == 1 and encoding == "utf-8" else encoding))
            except UnicodeDecodeError:
                bad[number] = f"is not {_LABELS[encoding]} text, as the rest of the file is"
                out.append("")
                if len(bad) > allowed:
                    break
        if len(bad) > allowed:
            continue
        text = "\n".join(out)
        if encoding == "gb18030" and not safeio.looks_gbk(text):
            continue
        if best is None or len(bad) < len(best[2]):
            best = (text, encoding, bad)
    return best
