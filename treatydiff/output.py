"""Writing results to a user's file or stdout: whole, nothing replaced by mistake.

:func:`write_file` replaces a regular file atomically (a temporary file beside
it, then a rename), keeping the existing file's permission bits (a new file
gets the umask's). It never replaces what is not a regular file: a FIFO or a
character device (``/dev/null``, a terminal) is written through, as a shell
redirection would; a symbolic link, a directory, a block device or a socket is
refused, and so is a write-protected file. Errors are ``OSError`` naming the
user's path, never the temporary file. :func:`write_stdout` prints text that
the terminal's encoding cannot show as UTF-8 bytes, or with escapes on a
terminal. :func:`write_chunks` writes a long result piece by piece, to a file
(still whole or not at all) or to stdout. :func:`safe` shows control and
bidirectional-override characters of treaty text as escapes (every report
and error line goes through it).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator

__all__ = ["check_target", "safe", "write_chunks", "write_file", "write_stdout"]

_UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)


def safe(text: object) -> str:
    """``text`` as a string, with control and bidi-override characters escaped."""
    return _UNSAFE.sub(
        lambda m: m.group().encode("unicode_escape").decode("ascii"),
        "" if text is None else str(text),
    )


def write_stdout(text: str) -> None:
    """Print ``text``; a closed stdout raises ``OSError`` (EBADF)."""
    stream = sys.stdout
    if stream is None or stream.closed:
        raise OSError(errno.EBADF, "standard output is closed")
    try:
        text.encode(stream.encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        buffer = getattr(stream, "buffer", None)
        if buffer is None or stream.isatty():
            text = text.encode("ascii", "backslashreplace").decode("ascii")
        else:
            with _named("standard output"):
                stream.flush()
                buffer.write(text.encode("utf-8"))
                buffer.flush()
            return
    with _named("standard output"):
        stream.write(text)
        stream.flush()


@contextlib.contextmanager
def _named(target: str) -> Iterator[None]:
    """An ``OSError`` of writing ``target`` names it (a full device, say);
    the errno, hence the subclass (``BrokenPipeError``), is kept."""
    try:
        yield
    except OSError as exc:
        if exc.filename is not None:
            raise
        raise OSError(exc.errno, exc.strerror, target) from None


def write_file(text: str | bytes, path: str) -> None:
    """Write ``text`` (as UTF-8 when a str) to ``path`` (see the module docstring)."""
    _write_path([text.encode("utf-8") if isinstance(text, str) else text], path)


def write_chunks(chunks: Iterable[str], path: str | None) -> None:
    """Write the texts ``chunks`` one after another as they come, to ``path``
    as :func:`write_file` does, or to stdout when ``path`` is None."""
    if path is None:
        for chunk in chunks:
            write_stdout(chunk)
    else:
        _write_path((chunk.encode("utf-8") for chunk in chunks), path)


def _write_path(data: Iterable[bytes], path: str) -> None:
    st = _target(path)
    if st is not None and _writes_through(st.st_mode):
        with _named(path), open(path, "wb") as handle:  # a FIFO or a device
            handle.writelines(data)
        return
    _replace(data, path, st)


def check_target(path: str) -> None:
    """Raise the ``OSError`` that writing ``path`` would (a directory, a
    missing directory, a symbolic link, a write-protected file), so a command
    can fail before its work."""
    _target(path)


def _target(path: str) -> os.stat_result | None:
    """What ``path`` is now (``None``: nothing yet), once it is sure that
    writing it is allowed; else the ``OSError`` saying why not."""
    if path.endswith(("/", os.sep)):
        raise IsADirectoryError(errno.EISDIR, "is a directory, not a file", path)
    if os.path.isdir(path) and not os.path.islink(path):
        raise IsADirectoryError(errno.EISDIR, "is a directory; not replaced", path)
    if not os.path.isdir(os.path.dirname(path) or "."):
        raise FileNotFoundError(
            errno.ENOENT, "no such directory for the output file", path
        )
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(st.st_mode):
        try:
            target = os.stat(path)
        except OSError:
            target = None
        if target is None or not _writes_through(target.st_mode):
            raise OSError(
                errno.EPERM, "is a symbolic link; not replaced (give its target)", path
            )
        st = target
    if _writes_through(st.st_mode):
        return st
    if not stat.S_ISREG(st.st_mode):
        kind = "a directory" if stat.S_ISDIR(st.st_mode) else "not a regular file"
        raise OSError(errno.EPERM, f"is {kind}; not replaced", path)
    if not st.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, "write-protected; not replaced", path)
    return st


def _writes_through(mode: int) -> bool:
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def _replace(data: Iterable[bytes], path: str, st: os.stat_result | None) -> None:
    """Write a temporary file beside ``path``, then rename it over ``path``."""
    parent = os.path.dirname(path) or "."
    if st is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    else:
        mode = stat.S_IMODE(st.st_mode)
    try:
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{os.path.basename(path)}.")
    except OSError as exc:
        if not os.path.isdir(parent):
            raise FileNotFoundError(
                errno.ENOENT, "no such directory for the output file", path
            ) from None
        raise OSError(exc.errno, exc.strerror, path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.writelines(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), mode)
            if st is not None and hasattr(os, "fchown"):
                with contextlib.suppress(OSError):  # only root may give files away
                    os.fchown(handle.fileno(), st.st_uid, st.st_gid)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OSError(exc.errno, exc.strerror, path) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
