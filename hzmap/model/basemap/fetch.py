"""hzmap's own HTTP for tiles: bounded in time and size, checked before use. No Qt.

A tile server may be slow, silent, wrong or hostile. Every request here has a connect/read
timeout (a server that never answers costs `timeout` seconds, not forever), a deadline for the
whole response (a server that drips one byte a second is cut off too), a size cap counted on
the bytes actually read (a 50 MB "tile" stops at the cap, whatever Content-Length says),
redirects only to http(s), and a check that the body is an image (PNG, JPEG, WebP or GIF) before
anyone decodes it. Errors are FetchError with a `kind` the app can explain: "forbidden" (HTTP
401/403: a wrong or missing key), "busy" (429/503, with the server's Retry-After),
"missing" (404), "not-image", "too-large", "timeout", "http" and "network".

This module is only ever called for a base map the planner turned on; nothing else in hzmap
opens a connection.
"""
from __future__ import annotations

import time
import urllib.error
import urllib.request

MAX_TILE_BYTES = 4 * 1024 * 1024  # a 512-pixel imagery tile is well under 1 MB
TIMEOUT_S = 6.0                   # connect, and each wait for data
DEADLINE_S = 20.0                 # the whole response
USER_AGENT = "hzmap/0.1 (desktop map of Hangzhou's policy layouts; tile client)"
_MAGIC = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF87a", "gif"), (b"GIF89a", "gif"))


class FetchError(Exception):
    def __init__(self, url: str, kind: str, message: str, retry_after: float | None = None) -> None:
        self.url, self.kind, self.retry_after = url, kind, retry_after
        super().__init__(message)


def redact(url: str) -> str:
    """The URL as messages and logs show it: a key in the query is replaced by ***."""
    import re

    return re.sub(r"(?i)([?&](?:tk|key|token|access_token|apikey)=)[^&#]*", r"\1***", url)


def image_type(data: bytes) -> str | None:
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not newurl.lower().startswith(("http://", "https://")):
            raise urllib.error.HTTPError(newurl, code, "redirect to a non-http URL refused", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)


def fetch(url: str, timeout: float = TIMEOUT_S, deadline: float = DEADLINE_S,
          max_bytes: int = MAX_TILE_BYTES, referer: str | None = None) -> bytes:
    """The body of a GET of `url`, which must be an image; FetchError otherwise."""
    shown = redact(url)
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(shown, "http", f"{shown}: only http(s) tile URLs are fetched")
    headers = {"User-Agent": USER_AGENT, "Accept": "image/png,image/jpeg,image/webp,image/*;q=0.8"}
    if referer:
        headers["Referer"] = referer
    end = time.monotonic() + deadline
    try:
        with _OPENER.open(urllib.request.Request(url, headers=headers), timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(shown, "too-large", f"{shown}: the tile is {int(length):,} bytes, "
                                                     f"more than the {max_bytes:,} a tile may have")
            chunks, got = [], 0
            while True:
                if time.monotonic() > end:
                    raise FetchError(shown, "timeout", f"{shown}: no complete answer within {deadline:.0f} s")
                chunk = resp.read(65536)
                if not chunk:
                    break
                got += len(chunk)
                if got > max_bytes:
                    raise FetchError(shown, "too-large", f"{shown}: the tile is more than {max_bytes:,} bytes")
                chunks.append(chunk)
    except FetchError:
        raise
    except urllib.error.HTTPError as e:
        raise _http_error(shown, e) from None
    except (TimeoutError, OSError) as e:  # socket.timeout is a TimeoutError (an OSError)
        reason = getattr(e, "reason", e)
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise FetchError(shown, "timeout", f"{shown}: the server did not answer within {timeout:.0f} s") from None
        raise FetchError(shown, "network", f"{shown}: {reason}") from None
    data = b"".join(chunks)
    if image_type(data) is None:
        head = data[:60].decode("utf-8", "replace").strip().replace("\n", " ")
        raise FetchError(shown, "not-image", f"{shown}: the server sent something that is not an image"
                                             + (f" ({head!r}...)" if head else " (an empty answer)"))
    return data


def _http_error(shown: str, e: urllib.error.HTTPError) -> FetchError:
    code = e.code
    if code in (401, 403):
        return FetchError(shown, "forbidden", f"{shown}: the server refused the request (HTTP {code}): "
                                              "the key is wrong, expired or not allowed for this service")
    if code in (429, 503):
        after = e.headers.get("Retry-After") if e.headers else None
        wait = float(after) if after and after.strip().isdigit() else None
        return FetchError(shown, "busy", f"{shown}: the server is busy (HTTP {code})", retry_after=wait)
    if code == 404:
        return FetchError(shown, "missing", f"{shown}: no such tile (HTTP 404)")
    return FetchError(shown, "http", f"{shown}: HTTP {code} {e.reason}")
