"""Reading from a URL and `treatydiff fetch`, against a local HTTP server on
127.0.0.1 serving pages written here (never the internet)."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from treatydiff import bundled, read
from treatydiff.cli import main
from treatydiff.errors import FetchError, ParseError
from treatydiff.formats.fetch import CACHE_ENV, download
from treatydiff.formats.urls import is_url

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TEXT = (FIXTURES / "crosslingual" / "defence.en.txt").read_bytes()
PAGE = (FIXTURES / "html" / "en_mfa_page.html").read_bytes()


def _kp_text() -> bytes:
    digest = bundled.load("ru-kp-2024")
    lines = [digest.title or "", ""]
    for art in digest.articles:
        body = (
            art.text if art.encoded and art.text else "The Parties act in good faith."
        )
        lines += [f"Article {art.num}", body, ""]
    return "\n".join(lines).encode()


ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/treaty.txt": (200, {"Content-Type": "text/plain; charset=utf-8"}, TEXT),
    "/page.html": (200, {"Content-Type": "text/html"}, PAGE),
    "/kp.txt": (200, {"Content-Type": "text/plain"}, _kp_text()),
    "/moved": (302, {"Location": "/treaty.txt"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/big": (200, {"Content-Type": "text/plain"}, b"Article 1\nx\n" * 5000),
    "/menu.html": (200, {"Content-Type": "text/html"}, b"<html><body><p>Menu</p>"),
    "/to-bad-ipv6": (302, {"Location": "http://[::1"}, b""),
    "/to-space": (302, {"Location": "http://exa mple.org/"}, b""),
}


class _Handler(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/not-http":  # no status line: an HTTP/0.9 reply
            self.wfile.write(b"garbage\r\n\r\n")
            return
        if self.path == "/trickle":  # a byte at a time, each in time
            self.send_response(200)
            self.send_header("Content-Length", "40")
            self.end_headers()
            for byte in TEXT[:40]:
                try:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                except BrokenPipeError:  # the client gave up, as it should
                    return
                time.sleep(0.1)
            return
        if self.path == "/trickle-headers":  # a header line at a time, each in time
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for k in range(40):
                try:
                    self.wfile.write(f"X-Wait-{k}: still here\r\n".encode())
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    return
                time.sleep(0.1)
            return
        if self.path == "/short":  # promises more than it sends, then closes
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(TEXT[:100])
            self.close_connection = True
            return
        status, headers, body = ROUTES.get(self.path, (404, {}, b"not found"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(tmp_path, monkeypatch) -> Iterator[str]:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    _Handler.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_only_http_and_https_are_urls():
    assert is_url("http://127.0.0.1/x") and is_url("HTTPS://example.org")
    assert not is_url("file:///etc/passwd") and not is_url("ftp://x/y")
    assert not is_url("treaty.txt")


def test_read_downloads_and_parses_a_text_and_an_html_page(server):
    treaty = read(f"{server}/treaty.txt")
    assert len(treaty.articles) == 9 and treaty.source == f"{server}/treaty.txt"
    page = read(f"{server}/page.html")
    assert page.articles


def test_a_page_is_cached_by_url_and_content_hash(server, tmp_path):
    first = download(f"{server}/treaty.txt")
    second = download(f"{server}/treaty.txt")
    assert not first.cached and second.cached and second.data == TEXT
    assert _Handler.hits.count("/treaty.txt") == 1
    assert first.path == tmp_path / "cache" / "pages" / first.sha256
    assert download(f"{server}/treaty.txt", refresh=True).sha256 == first.sha256
    assert _Handler.hits.count("/treaty.txt") == 2


def test_redirects_are_followed_a_few_times_and_only_to_http(server):
    assert download(f"{server}/moved").data == TEXT
    with pytest.raises(FetchError, match="more than 5 redirects"):
        download(f"{server}/loop")
    with pytest.raises(FetchError, match="not http"):
        download(f"{server}/to-file")


def test_errors_are_one_line_saying_what_to_do(server):
    with pytest.raises(FetchError, match="HTTP 404") as err:
        download(f"{server}/gone")
    assert "download it by hand and pass the file" in str(err.value)
    with pytest.raises(FetchError, match="larger than 1000 bytes"):
        download(f"{server}/big", max_bytes=1000)
    with pytest.raises(FetchError, match=r"no answer within 0\.3 s"):
        download(f"{server}/slow", timeout=0.3)
    with pytest.raises(FetchError, match="not an http"):
        download("file:///etc/passwd")


def test_an_unreachable_host_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    with pytest.raises(FetchError, match=r"cannot reach http://127\.0\.0\.1:9/"):
        download("http://127.0.0.1:9/treaty.txt", timeout=2)


def test_a_page_that_is_not_a_treaty_says_to_pass_a_file(server):
    with pytest.raises(ParseError, match="not a treaty text"):
        read(f"{server}/menu.html")


def test_cli_compares_urls_and_reports_errors_in_one_line(server, capsys):
    assert main(["compare", f"{server}/treaty.txt", "ru-kp-2024"]) == 0
    assert "treaty" in capsys.readouterr().out
    assert main(["compare", f"{server}/gone", "ru-kp-2024"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("treatydiff: error: ") and err.count("\n") == 1
    assert "HTTP 404" in err


def test_cli_fetch_takes_the_first_recorded_url_that_is_the_treaty(
    server, tmp_path, monkeypatch, capsys
):
    urls = [
        {"publisher": "Official portal", "url": f"{server}/gone", "role": "official"},
        {"publisher": "Wrong treaty", "url": f"{server}/treaty.txt", "role": "copy"},
        {"publisher": "A copy", "url": f"{server}/kp.txt", "role": "copy"},
    ]
    monkeypatch.setattr(bundled, "places", lambda _id: urls)
    out = tmp_path / "kp.txt"
    assert main(["fetch", "ru-kp-2024", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"23 articles from {server}/kp.txt (A copy; copy)" in said
    assert out.read_bytes() == ROUTES["/kp.txt"][2]
    assert f"treatydiff compare ru-kp-2024={out}" in said
    assert _Handler.hits[:2] == ["/gone", "/treaty.txt"]


def test_cli_fetch_says_what_each_url_gave_when_none_works(server, monkeypatch, capsys):
    urls = [{"publisher": "Official portal", "url": f"{server}/gone"}]
    monkeypatch.setattr(bundled, "places", lambda _id: urls)
    assert main(["fetch", "ru-kp-2024"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "HTTP 404" in err
    assert "pass it as ru-kp-2024=FILE" in err


def test_recorded_places_put_official_publishers_first():
    for treaty_id in bundled.ids():
        roles = [p.get("role") for p in bundled.places(treaty_id)]
        assert roles == sorted(roles, key=lambda r: r != "official")
        assert all(role in ("official", "copy") for role in roles)


def test_an_official_text_can_come_from_a_url(server):
    text = bundled.resolve(f"ru-kp-2024={server}/kp.txt")
    assert text.id == "ru-kp-2024" and text.kind == "text"
    assert text.source is not None
    assert text.source.startswith(f"official text from {server}/kp.txt (sha256 ")
    with pytest.raises(FetchError, match="HTTP 404"):
        bundled.resolve(f"ru-kp-2024={server}/gone")


@pytest.mark.parametrize("path", ["/to-bad-ipv6", "/to-space", "/not-http", "/short"])
def test_a_malformed_redirect_or_reply_is_one_fetch_error(server, path):
    # Regressions: each was a traceback (ValueError, InvalidURL, BadStatusLine)
    # or, for the short body, a truncated page accepted and cached.
    with pytest.raises(FetchError, match=r"cannot read|closed after 100 of 100000"):
        download(server + path)


@pytest.mark.parametrize(
    "url", ["http://[::1/x", "https://exa mple.com/", "http://\u2603.invalid/"]
)
def test_a_malformed_url_is_one_error_line(url, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    assert is_url(url)
    assert main(["parse", url]) == 1
    err = capsys.readouterr().err
    assert err.startswith("treatydiff: error: ") and err.count("\n") == 1


@pytest.mark.parametrize(
    "entry", ["{truncated", "{}", "[]", '{"sha256": 5}', '{"sha256": "/etc/passwd"}']
)
def test_a_damaged_cache_entry_is_fetched_again(server, tmp_path, entry):
    url = server + "/treaty.txt"
    first = download(url)
    index = tmp_path / "cache" / "urls"
    [stored] = index.iterdir()
    stored.write_text(entry, encoding="utf-8")
    again = download(url)
    assert not again.cached and again.data == first.data == TEXT
    assert download(url).cached  # and the entry is whole again


def test_a_trickling_server_cannot_hold_a_download_open(server):
    # Regression: the timeout held for each read only; a byte every few
    # seconds kept the download going for ever.
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"still downloading after 0\.9 s"):
        download(server + "/trickle", timeout=0.3)
    assert time.monotonic() - started < 3


def test_a_server_trickling_its_headers_cannot_hold_a_download_open(server):
    # Regression: only the body had an overall deadline; headers sent a line
    # every few seconds (each read within the timeout) held it for ever.
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"still downloading after 0\.9 s"):
        download(server + "/trickle-headers", timeout=0.3)
    assert time.monotonic() - started < 3
