"""Downloading treaty pages: http(s) only, a timeout, a size limit, few
redirects, and a cache in the user's cache directory by URL and content hash.

The cache lives in ``$TREATYDIFF_CACHE_DIR``, else ``$XDG_CACHE_HOME/treatydiff``,
else ``~/.cache/treatydiff``: ``pages/<sha256 of the content>`` holds each
page once and ``urls/<sha256 of the URL>.json`` says which page a URL gave.
A cached URL is not downloaded again unless ``refresh`` is asked for.
Which arguments are URLs is :func:`.urls.is_url`'s call.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import json
import os
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from http.client import HTTPMessage
from pathlib import Path
from typing import IO, Any
from urllib.parse import urljoin

import attrs

from treatydiff.errors import FetchError
from treatydiff.formats.urls import is_url

__all__ = [
    "CACHE_ENV",
    "MAX_BYTES",
    "MAX_REDIRECTS",
    "TIMEOUT",
    "Page",
    "cache_dir",
    "download",
]

CACHE_ENV = "TREATYDIFF_CACHE_DIR"
#: Seconds to wait for the server.
TIMEOUT = 20.0
#: The largest page accepted, in bytes.
MAX_BYTES = 20 * 1024 * 1024
#: Redirects followed before giving up.
MAX_REDIRECTS = 5
_BY_HAND = "download it by hand and pass the file"


@attrs.frozen(kw_only=True)
class Page:
    """A downloaded page: the URL asked for, the URL it came from after
    redirects, its bytes, their sha256 and where the cache keeps them."""

    url: str
    final_url: str
    data: bytes = attrs.field(repr=False)
    sha256: str
    path: Path
    cached: bool


def cache_dir() -> Path:
    """The cache directory (see the module docstring)."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "treatydiff"


class _Redirects(urllib.request.HTTPRedirectHandler):
    """At most :data:`MAX_REDIRECTS` redirects, each to an http(s) URL."""

    max_redirections = MAX_REDIRECTS

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
    ) -> IO[bytes] | None:
        location = headers.get("location") or headers.get("uri")
        if location and not is_url(urljoin(req.full_url, location)):
            raise FetchError(
                f"{req.full_url}: redirected to {location!r}, which is not http(s); "
                + _BY_HAND
            )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def download(
    url: str,
    *,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    refresh: bool = False,
) -> Page:
    """The page at ``url``, from the cache when it holds it (unless ``refresh``).

    Raises :class:`FetchError` with one line saying what went wrong and what
    to do: not http(s), unreachable, an HTTP error, too many redirects, a
    timeout, a page larger than ``max_bytes``.
    """
    if not is_url(url):
        raise FetchError(
            f"{url!r} is not an http(s) URL; pass a file or an http(s) URL"
        )
    root = cache_dir()
    index = root / "urls" / f"{_sha(url.encode())}.json"
    entry = None if refresh else _entry(index)
    if entry is not None:
        path = root / "pages" / entry["sha256"]
        data = path.read_bytes()
        if _sha(data) == entry["sha256"]:
            return Page(
                url=url,
                final_url=entry["final_url"],
                data=data,
                sha256=entry["sha256"],
                path=path,
                cached=True,
            )
    data, final_url = _get(url, timeout, max_bytes)
    digest = _sha(data)
    path = root / "pages" / digest
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        index.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(path, data)
        entry_data = {"url": url, "final_url": final_url, "sha256": digest}
        _write_atomic(index, json.dumps(entry_data).encode("utf-8"))
    except OSError as exc:
        raise FetchError(
            f"cannot write the cache {root}: {exc.strerror or exc}; "
            f"set {CACHE_ENV} to a writable directory"
        ) from exc
    return Page(
        url=url, final_url=final_url, data=data, sha256=digest, path=path, cached=False
    )


_DIGEST = re.compile(r"[0-9a-f]{64}")


def _entry(index: Path) -> dict[str, str] | None:
    """The cache entry ``index`` when it is whole and names a stored page;
    ``None`` (fetch again) for a missing, damaged or foreign one."""
    try:
        entry = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not (
        isinstance(entry, dict)
        and isinstance(entry.get("final_url"), str)
        and isinstance(entry.get("sha256"), str)
        and _DIGEST.fullmatch(entry["sha256"])
        and (index.parent.parent / "pages" / entry["sha256"]).is_file()
    ):
        return None
    return entry


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed over it: a
    run cut short leaves the old file or none, never half of one."""
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        part.write_bytes(data)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _Deadline:
    """One deadline for a whole download, redirects included: each connection
    is watched, and one still open at the deadline has its socket shut, so
    a server that trickles its headers or its body a byte at a time cannot
    hold the download (the timeout holds for each read only)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._lock = threading.Lock()
        self._timers: list[threading.Timer] = []
        self._done = False

    def watch(self, sock: socket.socket) -> None:
        timer = threading.Timer(
            max(0.0, self.end - time.monotonic()), self._cut, (sock,)
        )
        timer.daemon = True
        with self._lock:
            if self._done:
                return
            self._timers.append(timer)
        timer.start()

    def _cut(self, sock: socket.socket) -> None:
        with self._lock:
            if self._done:
                return
            self.expired = True
            with contextlib.suppress(OSError):  # closed meanwhile
                sock.shutdown(socket.SHUT_RDWR)

    def stop(self) -> None:
        """No connection is cut after this returns."""
        with self._lock:
            self._done = True
            for timer in self._timers:
                timer.cancel()


def _watched(deadline: _Deadline) -> list[urllib.request.BaseHandler]:
    """HTTP and HTTPS handlers whose connections ``deadline`` watches."""

    class HTTP(http.client.HTTPConnection):
        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    class HTTPS(http.client.HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    class HTTPHandler(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(HTTP, req)

    class HTTPSHandler(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(HTTPS, req)

    return [HTTPHandler(), HTTPSHandler()]


def _get(url: str, timeout: float, max_bytes: int) -> tuple[bytes, str]:
    deadline = _Deadline(3 * timeout)
    opener = urllib.request.build_opener(_Redirects(), *_watched(deadline))
    request = urllib.request.Request(url, headers={"User-Agent": "treatydiff"})
    late = FetchError(
        f"{url}: still downloading after {deadline.seconds:g} s; try again later "
        f"or {_BY_HAND}"
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            data = _limited(response, max_bytes, url)
            deadline.stop()  # before the socket is closed
            if deadline.expired:
                raise late
            final: str = response.geturl()
    except Exception as exc:
        if deadline.expired:  # whatever cutting the socket short raised
            raise late from None
        if isinstance(exc, FetchError):
            raise
        raise _failure(url, timeout, exc) from None
    finally:
        deadline.stop()
    return data, final


def _failure(url: str, timeout: float, exc: Exception) -> Exception:
    """The one-line :class:`FetchError` for what ``urlopen`` raised (others
    as they are)."""
    if isinstance(exc, urllib.error.HTTPError):
        if exc.code in (301, 302, 303, 307, 308):
            return FetchError(f"{url}: more than {MAX_REDIRECTS} redirects; {_BY_HAND}")
        return FetchError(
            f"{url}: HTTP {exc.code} {exc.reason}; the page may have moved: " + _BY_HAND
        )
    if isinstance(exc, urllib.error.URLError) and not isinstance(
        exc.reason, TimeoutError
    ):
        return FetchError(
            f"cannot reach {url}: {_reason(exc.reason)}; check the address and the "
            f"network, or {_BY_HAND}"
        )
    if isinstance(exc, urllib.error.URLError | TimeoutError):
        return FetchError(
            f"{url}: no answer within {timeout:g} s; try again later or {_BY_HAND}"
        )
    if isinstance(exc, OSError):
        return FetchError(f"cannot read {url}: {_reason(exc)}; {_BY_HAND}")
    if isinstance(exc, ValueError | http.client.HTTPException):
        # A malformed address (``http://[::1``, a space, a host that is not
        # ASCII) of the URL or of a redirect, or a reply that is not HTTP.
        reason = _reason(exc) or type(exc).__name__
        return FetchError(f"cannot read {url}: {reason}; {_BY_HAND}")
    return exc


def _limited(response: Any, max_bytes: int, url: str) -> bytes:
    """The body of ``response``: at most ``max_bytes``, all that its
    ``Content-Length`` promised."""
    chunks = []
    size = 0
    while chunk := response.read1(65536):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(
                f"{url}: larger than {max_bytes} bytes, not a treaty page? {_BY_HAND}"
            )
        chunks.append(chunk)
    expected = response.headers.get("Content-Length", "")
    if (
        expected.isdigit()
        and int(expected) > size
        and not response.headers.get("Content-Encoding")
    ):
        raise FetchError(
            f"{url}: the connection closed after {size} of {expected} bytes; "
            f"try again later or {_BY_HAND}"
        )
    return b"".join(chunks)


def _reason(reason: object) -> str:
    return str(getattr(reason, "strerror", None) or reason)
