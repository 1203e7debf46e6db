"""The ``ics`` format: every deadline as an iCalendar to-do (VTODO), due in Vietnam's time zone.

Needs the ``icalendar`` package: ``pip install "vngovdirectives[ics]"``. It is imported only
when an export runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
from typing import TYPE_CHECKING, Any, BinaryIO, Final

from vngovdirectives.errors import ExportError
from vngovdirectives.plugins.exporters import _rows
from vngovdirectives.plugins.model import Exporter

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from vngovdirectives.directives import DeadlineMention, Task
    from vngovdirectives.plugins.model import Exportable, Record

__all__ = ["ICS", "TIMEZONE", "due_of", "write_ics"]

TIMEZONE: Final = "Asia/Ho_Chi_Minh"
"""The time zone of every DUE (UTC+7, no daylight saving)."""

_END_OF_DAY: Final = dt.time(23, 59, 59)

# Vietnam has kept UTC+7, without daylight saving, since 13 June 1975.
_VTIMEZONE: Final = (
    b"BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\nBEGIN:STANDARD\r\nDTSTART:19750613T000000\r\n"
    b"TZOFFSETFROM:+0800\r\nTZOFFSETTO:+0700\r\nTZNAME:+07\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
)


def _icalendar() -> Any:
    try:
        return importlib.import_module("icalendar")  # an optional package: mypy must not need it
    except ImportError as exc:
        raise ExportError(
            f'the "ics" format needs the icalendar package ({exc}): pip install "vngovdirectives[ics]"'
        ) from exc


def due_of(mention: DeadlineMention) -> dt.datetime | None:
    """When a deadline falls due, in Asia/Ho_Chi_Minh; None when the text fixes no day.

    The last moment of the deadline (:func:`vngovdirectives.deadlines.last_moment`), the same
    the other formats write: "chậm nhất 17 giờ ngày 25/4/2019" and "trước 17 giờ ngày 25/4/2019"
    are due 2019-04-25 17:00; "trước 0 giờ ngày 01/4/2019" and "trước ngày 01/4/2019" at the end
    of 31 March (23:59:59). A start ("from"), an effective date and a recurring deadline have no
    single due moment.
    """
    from zoneinfo import ZoneInfo

    if mention.value.kind in ("from", "effective", "recurring"):
        return None
    day, time = _rows.last_moment(mention)
    if day is None:
        return None
    return dt.datetime.combine(day, time if time is not None else _END_OF_DAY, ZoneInfo(TIMEZONE))


def _start_of(mention: DeadlineMention) -> dt.date | None:
    if mention.value.kind != "from":
        return None
    return _rows.last_day(mention)


def _shorten(text: str, width: int = 120) -> str:
    words = " ".join(text.split())
    return words if len(words) <= width else words[: width - 1].rsplit(" ", 1)[0] + "…"


def _todos(located: _rows.Located) -> Iterator[tuple[str | None, Task | None, DeadlineMention]]:
    for n, task in enumerate(located.directive.tasks, 1):
        for mention in task.deadlines:
            yield f"{located.key}.{n}", task, mention
    for mention in _rows.loose_deadlines(located.directive):
        yield None, None, mention


def _description(located: _rows.Located, mention: DeadlineMention) -> str:
    d = located.directive
    ref, who = _rows.carrier(d), _rows.issuer(d)
    lines = [d.title] if d.title else []
    if ref is not None:
        lines.append(f"Văn bản: {ref.text}")
    if who:
        lines.append(f"Cơ quan: {who}")
    lines.append(f"Hạn: {mention.text}")
    if located.source is not None:
        lines.append(f"Nguồn: {located.source}")
    text = " ".join(d.text.split())
    if text:
        lines.extend(("", text))
    return _rows.printable("\n".join(lines))


def write_ics(items: Iterable[Exportable | Record], stream: BinaryIO) -> None:
    """A VCALENDAR with a VTIMEZONE and one VTODO per deadline, written one to-do at a time.

    Each to-do's description names its source; its UID is stable for the same source (or item
    id when unnamed), directive, task and deadline. Inputs that failed have no to-do.
    """
    ical = _icalendar()
    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    stream.write(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//vngovdirectives//vngovdirectives//VI\r\nCALSCALE:GREGORIAN\r\n"
    )
    stream.write(_VTIMEZONE)
    for located in _rows.directives_of(items):
        for task_id, task, mention in _todos(located):
            todo = ical.Todo()
            where = located.source if located.source is not None else located.item
            task_n = task_id.rsplit(".", 1)[-1] if task_id is not None else None
            key = f"{where}|{located.index}|{task_n}|{mention.span.start}|{mention.span.end}|{mention.text}"
            digest = hashlib.sha1(key.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()
            todo.add("uid", digest + "@vngovdirectives")
            todo.add("dtstamp", stamp)
            if task is not None:
                who = _rows.names(task)
                summary = f"{who}: {_shorten(task.text)}" if who else _shorten(task.text)
            else:
                summary = _shorten(located.directive.title or located.directive.text)
            todo.add("summary", _rows.printable(summary))
            todo.add("description", _description(located, mention))
            due, start = due_of(mention), _start_of(mention)
            if due is not None:
                todo.add("due", due)
            if start is not None:
                todo.add("dtstart", start)
            stream.write(todo.to_ical())
    stream.write(b"END:VCALENDAR\r\n")


ICS: Final = Exporter(
    name="ics",
    media_type="text/calendar",
    suffix=".ics",
    write=write_ics,
    description="deadlines as iCalendar to-dos due in Asia/Ho_Chi_Minh (needs vngovdirectives[ics])",
    records=True,
)
