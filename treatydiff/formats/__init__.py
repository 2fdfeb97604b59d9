"""Reading and writing treaty files: plain text, web pages, Akoma Ntoso, ToTA, JSON."""

from __future__ import annotations

from treatydiff.formats.reader import detect, read, read_bytes

__all__ = ["detect", "read", "read_bytes"]
