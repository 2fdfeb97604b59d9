"""Which arguments are web addresses: the readers download those
(:mod:`.fetch`, loaded only then: the network modules take a command a
fifth of its start-up) and read everything else as a file.

>>> is_url("https://example.org/t.html"), is_url("file:///etc/passwd"), is_url("t.txt")
(True, False, False)
"""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["is_url"]

_SCHEMES = ("http", "https")


def is_url(text: str) -> bool:
    """Whether ``text`` is an http(s) URL (a malformed one, such as
    ``http://[::1``, counts: :func:`~treatydiff.formats.fetch.download` then
    says what is wrong)."""
    try:
        parts = urlsplit(text)
    except ValueError:
        return text.lower().startswith(tuple(f"{s}://" for s in _SCHEMES))
    return parts.scheme.lower() in _SCHEMES and bool(parts.netloc)
