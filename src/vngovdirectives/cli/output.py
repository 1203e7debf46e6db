"""Where a command writes: standard output, or a file written safely (``-o PATH``).

A file is written the way a careful user would:

- a regular file (or a new one) is written to a temporary file in the same directory and renamed
  over the target only when the command succeeds, so a failed run never leaves half a file; an
  existing output is left untouched when every input failed (:meth:`Output.abandon`);
- a symbolic link is followed: its target is replaced, and the link stays a link;
- a device or a FIFO (``/dev/null``, a named pipe) is written directly, since it cannot be
  replaced; a directory is refused;
- a new file gets the mode ``open()`` would give it (0666 less the umask), a replaced file keeps its own;
- every error names the output as the user gave it (never the temporary file), as an
  :class:`~vngovdirectives.errors.OutputError`, also for standard output (a closed pipe, a full disk).
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import sys
import tempfile
import threading
from typing import IO, TYPE_CHECKING, Any, BinaryIO, cast

from vngovdirectives.errors import OutputError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from types import TracebackType

    from vngovdirectives.plugins import Exportable, Record

__all__ = ["STDOUT_NAME", "Output", "is_text_media_type", "output_error", "write_export"]

STDOUT_NAME = "standard output"


def is_text_media_type(media_type: str) -> bool:
    """Whether output of ``media_type`` is text that may go to a terminal.

    >>> is_text_media_type("text/csv; charset=utf-8"), is_text_media_type("application/vnd.sqlite3")
    (True, False)
    """
    base = media_type.split(";", maxsplit=1)[0].strip().lower()
    return base.startswith("text/") or base.endswith(("/json", "+json", "/jsonl", "/x-ndjson", "+xml"))


def output_error(exc: OSError, name: str) -> OutputError:
    """``exc`` as an :class:`OutputError` that names the output ``name``."""
    if isinstance(exc, OutputError):
        return exc
    code = exc.errno if exc.errno is not None else errno.EIO
    return OutputError(code, exc.strerror or os.strerror(code), name)


class _Guarded:
    """A binary stream whose write errors name the user's output."""

    def __init__(self, stream: IO[bytes], name: str) -> None:
        self._stream = stream
        self._name = name

    def write(self, data: bytes) -> int:
        try:
            return self._stream.write(data)
        except OSError as exc:
            raise output_error(exc, self._name) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise output_error(exc, self._name) from None

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._stream, attribute)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGTERM and SIGINT back (where the system allows) while a temporary file is made and
    recorded, so that the command's clean-up always knows it."""
    held = {signal.SIGTERM, signal.SIGINT}
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class Output:
    """The output of a command: ``with Output(path) as stream: ...``.

    ``path`` None or ``"-"`` is standard output. With ``append=True`` a file is opened in place
    for appending (``--resume``) instead of through a temporary file.
    """

    def __init__(self, path: str | None, *, append: bool = False) -> None:
        self.name = STDOUT_NAME if path in (None, "-") else str(path)
        self.to_stdout = path in (None, "-")
        self._append = append
        self._tmp: str | None = None
        self._target: str | None = None
        self._file: IO[bytes] | None = None
        self._abandoned = False

    @property
    def is_terminal(self) -> bool:
        """Whether the output is a terminal."""
        return self.to_stdout and sys.stdout.isatty()

    def __enter__(self) -> BinaryIO:
        if self.to_stdout:
            sys.stdout.flush()
            return cast("BinaryIO", _Guarded(sys.stdout.buffer, self.name))
        try:
            with _signals_held():  # a SIGTERM now would leave a temporary file nobody removes
                self._file = self._open()
        except BaseException as exc:
            self._close(success=False)
            if isinstance(exc, OSError):
                raise output_error(exc, self.name) from None
            raise
        return cast("BinaryIO", _Guarded(self._file, self.name))

    def _open(self) -> IO[bytes]:
        target = os.path.realpath(self.name)  # a symbolic link is followed to its target
        try:
            info: os.stat_result | None = os.stat(target)
        except FileNotFoundError:
            info = None
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if self._append or (info is not None and not stat.S_ISREG(info.st_mode)):
            return open(target, "ab" if self._append else "wb")  # a device or a FIFO is written directly
        mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=f".{os.path.basename(target)}.", suffix=".tmp")
        self._tmp, self._target = tmp, target
        with contextlib.suppress(OSError):  # a file system without modes
            os.fchmod(fd, mode)
        return os.fdopen(fd, "wb")

    def abandon(self) -> None:
        """Leave an existing output untouched: the temporary file is removed at the end."""
        self._abandoned = True

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if self.to_stdout:
            if kind is None:
                try:
                    sys.stdout.buffer.flush()
                except OSError as exc:
                    raise output_error(exc, self.name) from None
            return
        try:
            self._close(success=kind is None and not self._abandoned)
        except OSError as exc:
            if kind is None:
                raise output_error(exc, self.name) from None

    def _close(self, *, success: bool) -> None:
        try:
            if self._file is not None:
                self._file.close()
            if success and self._tmp is not None and self._target is not None:
                os.replace(self._tmp, self._target)
                self._tmp = None
        finally:
            if self._tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(self._tmp)


def write_export(items: Iterable[Exportable | Record], fmt: str, output: str | os.PathLike[str] | None) -> None:
    """Export ``items`` in format ``fmt`` to the file ``output`` (safely, see the module), or to
    standard output, which is refused for a binary format when it is a terminal.

    Raises:
        UnknownFormatError, PluginError, ExportError: as :func:`vngovdirectives.plugins.export`.
        OutputError: the output cannot be written.
    """
    from vngovdirectives.errors import ExportError
    from vngovdirectives.plugins import export, get_exporter

    exporter = get_exporter(fmt)
    target = Output(None if output is None else os.fspath(output))
    if target.is_terminal and not is_text_media_type(exporter.media_type):
        raise ExportError(
            f"the {fmt!r} format is binary ({exporter.media_type}); write it to a file with -o FILE{exporter.suffix}"
        )
    with target as stream:
        export(items, to=fmt, stream=stream)
