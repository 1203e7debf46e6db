"""Effective-date clauses that name an event, not a day: "có hiệu lực kể từ ngày ký".

A clause with a day ("có hiệu lực kể từ ngày 05/11/2019") or an amount of time ("có hiệu lực sau
10 ngày kể từ ngày ký") is found from its date or its amount (:mod:`vngovdirectives.deadlines.scan`);
the clauses here have neither: the document takes effect on the day of an event — its signing,
its passing, another document's taking effect. The event is kept as written, up to where the
clause goes on with something else ("… kể từ ngày ký, thay thế Quyết định số …").

>>> text = "Quyết định này có hiệu lực kể từ ngày ký ban hành."
>>> [(text[s:e], v.anchor) for s, e, v in effective_events(text)]
[('có hiệu lực kể từ ngày ký ban hành', 'ngày ký ban hành')]

The day of the event, when the text writes it in brackets, is the effective day:

>>> [str(v) for _, _, v in effective_events("Nghị định có hiệu lực kể từ ngày ký (22/10/2025).")]
['có hiệu lực kể từ ngày 22 tháng 10 năm 2025']
"""

from __future__ import annotations

import re
from typing import Final

from vngovdirectives.dates.candidate import led_by, make_date
from vngovdirectives.deadlines.leads import lead
from vngovdirectives.deadlines.model import Effective
from vngovdirectives.text.normalize import lowered
from vngovdirectives.text.patterns import S0, S

__all__ = ["effective_events"]

#: "có hiệu lực (thi hành) (kể) từ ngày <an event>": the event starts with "ngày" and a word, not a number.
_EVENT_CLAUSE: Final = re.compile(rf"{lead('effective')}{S0}(?P<event>ngày{S}(?![\d\s])[^\d.,;:()\[\]\n]{{1,80}})")
#: Where an event's words end: the clause goes on with another verb or a list.
_EVENT_END: Final = re.compile(
    rf"{S}(?:và|đồng{S}thời|thay{S}thế|bãi{S}bỏ|sửa{S}đổi|trừ|đối{S}với|cho|của{S}(?!luật|nghị|quyết|thông)|"
    rf"giao|các|trong|đến|tới)(?!\w)"
)
#: The day of the event, in brackets after it: "có hiệu lực kể từ ngày ký (22/10/2025)".
_DAY_IN_BRACKETS: Final = re.compile(
    rf"{S0}\({S0}(?:ngày{S})?(?P<d>\d{{1,2}}){S0}[/.-]{S0}(?P<m>\d{{1,2}}){S0}[/.-]{S0}(?P<y>\d{{4}}){S0}\)"
)
#: An event is at most nine words.
_FIRST_WORDS: Final = re.compile(rf"\S+(?:{S}\S+){{0,8}}")


def effective_events(text: str, low: str | None = None) -> list[tuple[int, int, Effective]]:
    """Every effective-date clause of ``text`` (normalised) that names an event, with its span."""
    low = lowered(text) if low is None else low
    found: list[tuple[int, int, Effective]] = []
    for m in led_by(low, "hiệu", _HIEU_LUC):
        start = _clause_start(low, m.start())
        clause = _EVENT_CLAUSE.match(low, start)
        if clause is None or (found and start < found[-1][1]):
            continue
        event_start = clause.start("event")
        end = _event_end(low, event_start, clause.end("event"))
        day = _DAY_IN_BRACKETS.match(low, end)
        due = make_date(int(day["y"]), int(day["m"]), int(day["d"])) if day is not None else None
        if day is not None and due is not None:  # the event's day is written: that is the day
            found.append((start, day.end(), Effective(due=due)))
            continue
        event = " ".join(text[event_start:end].split())
        found.append((start, end, Effective(anchor=event)))
    return found


_HIEU_LUC: Final = re.compile(rf"hiệu{S}lực")
_LEAD_START: Final = re.compile(rf"(?:(?:ngày{S})?(?:bắt{S}đầu{S})?có{S}|được{S})?{S0}$")


def _clause_start(low: str, pos: int) -> int:
    """Where the lead that ends in the "hiệu lực" at ``pos`` starts ("ngày có hiệu lực", "có hiệu lực")."""
    m = _LEAD_START.search(low, max(0, pos - 24), pos)
    return m.start() if m is not None and m.start() < pos else pos


def _event_end(low: str, start: int, end: int) -> int:
    """The end of an event's words: before a word that goes on with something else, at most nine words."""
    stop = _EVENT_END.search(low, start, end)
    m = _FIRST_WORDS.match(low, start, stop.start() if stop is not None else end)
    return m.end() if m is not None else start
