"""Reading one date, partial date, time of day or period as Vietnamese government texts write them.

Every parser takes a text that is one expression ("ngày 05 tháng 02 năm 2020", "Quý 3-2018",
"từ ngày 16/8 đến hết ngày 15/9 năm 2021", "14h30") and raises
:class:`~vngovdirectives.errors.DateError` for anything else, with the offset of the problem.
The forms accepted are listed in ``docs/dates.md``.

>>> parse_date("mồng 5 tháng Giêng năm Giáp Thìn").iso()
'lunar:-(Giáp Thìn)-01-05'
"""

from __future__ import annotations

import re
from typing import Final

from vngovdirectives.dates.lunar import cycle_index
from vngovdirectives.dates.model import Period, Precision, TimeOfDay, VnDate
from vngovdirectives.errors import DateError, expect_type
from vngovdirectives.text.normalize import normalize
from vngovdirectives.text.patterns import MAX_YEAR, MIN_YEAR, S0, S, alternation
from vngovdirectives.text.vocab import table

__all__ = [
    "MAX_TEXT",
    "MONTH_NAMES",
    "date_at",
    "join_ends",
    "parse_date",
    "parse_period",
    "parse_time",
    "period_at",
    "plausible_year_range",
    "prepare",
    "strip_span",
    "time_at",
]

#: Longest text the single-value parsers accept; longer input is not one date expression.
MAX_TEXT: Final = 300
_ROMAN: Final = {roman: int(value) for roman, value in table("roman_numerals").items()}
_LUNAR_MONTH_WORDS: Final = {"giêng": 1, "chạp": 12}
#: Months written as words ("tháng Tám năm 1945"), lower case, with their number.
MONTH_NAMES: Final = {name: int(value) for name, value in table("month_names").items()}
_NUM = r"\d{1,6}"


def prepare(text: object, what: str) -> str:
    expect_type(text, str, f"parse_{what}")
    assert isinstance(text, str)
    if len(text) > MAX_TEXT:
        raise DateError(f"text too long to be one {what}", text[: MAX_TEXT + 20], MAX_TEXT)
    return normalize(text).text


def strip_span(text: str) -> tuple[int, int]:
    start, end = 0, len(text)
    while start < end and (text[start].isspace() or text[start] in "(,;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ").,;:"):
        end -= 1
    return start, end


def _int(text: str, group: int | str, m: re.Match[str], lo: int, hi: int, name: str, digits: int = 2) -> int:
    raw = m.group(group)
    if len(raw) > digits or not raw.isdigit() or not lo <= int(raw) <= hi:
        raise DateError(f"invalid {name}", text, m.start(group), raw)
    return int(raw)


def _year(text: str, group: int | str, m: re.Match[str]) -> int:
    raw = m.group(group)
    if len(raw) != 4 or not raw.isdigit() or int(raw) < 1000:
        raise DateError("a year has four digits", text, m.start(group), raw)
    return int(raw)


def _make(text: str, offset: int, fragment: str, **fields: int | bool | None) -> VnDate:
    try:
        return VnDate(**fields)  # type: ignore[arg-type]
    except ValueError as exc:
        raise DateError(f"impossible date: {exc}", text, offset, fragment) from None


_F = re.IGNORECASE
_RE_TARGET: Final = re.compile(rf"(?:(?:tầm{S}nhìn|định{S}hướng){S})?(?:đến|tới){S}", _F)
_RE_DMY: Final = re.compile(
    rf"(?:ngày{S})?(?P<d>{_NUM})(?P<s>[/.-])(?P<m>{_NUM})(?:(?P=s)(?P<y>{_NUM})|{S}năm{S}(?P<y2>{_NUM}))?", _F
)
_RE_WORDED: Final = re.compile(
    rf"(?:ngày{S})?(?P<d>{_NUM}){S}tháng{S}(?P<m>{_NUM})"
    rf"(?:{S0},?{S0}năm{S}(?P<y>{_NUM})|{S0}[/.-]{S0}(?P<y2>{_NUM}))?",
    _F,
)
_RE_MONTH: Final = re.compile(
    rf"tháng{S}(?P<m>{_NUM})(?:{S0}[/.-]{S0}(?P<y>{_NUM})|{S0},?{S0}năm{S}(?P<y2>{_NUM})|,{S0}(?P<y3>{_NUM}))?", _F
)
_RE_QUARTER: Final = re.compile(
    rf"quý{S}(?P<q>iv|i{{1,3}}|\d{{1,2}})(?:{S0}[/.-]{S0}(?P<y>{_NUM})|{S}năm{S}(?P<y2>{_NUM}))?", _F
)
_RE_WORD_MONTH: Final = re.compile(
    rf"(?:(?:ngày{S})?(?P<d>{_NUM}){S})?tháng{S}(?P<m>{alternation(MONTH_NAMES, S)}){S}năm{S}(?P<y>{_NUM})", _F
)
_RE_HALF: Final = re.compile(rf"6{S}tháng{S}(?P<pos>đầu|cuối){S}năm(?:{S}(?P<y>{_NUM}))?", _F)
_RE_YEAR: Final = re.compile(rf"(?:năm{S})?(?P<y>{_NUM})", _F)
_RE_LUNAR: Final = re.compile(
    rf"(?:(?P<kw>ngày|mùng|mồng){S})?(?:(?P<d>\d{{1,2}}){S})?"
    rf"(?:tháng{S}(?P<m>giêng|chạp|\d{{1,2}})(?P<leap>{S}nhuận)?|(?P<tet>tết)(?:{S}nguyên{S}đán)?)"
    rf"(?:{S}năm{S}(?P<y>\d{{4}}|[^\W\d_]{{1,5}}{S}[^\W\d_]{{1,5}}))?"
    rf"(?P<al>{S0}\(?{S0}âm{S}lịch{S0}\)?)?",
    _F,
)
_RE_LUNAR_NUM: Final = re.compile(
    rf"(?:(?:ngày|mùng|mồng){S})?(?P<d>\d{{1,2}})[/.-](?P<m>\d{{1,2}})(?:[/.-](?P<y>\d{{4}}))?"
    rf"{S0}\(?{S0}âm{S}lịch{S0}\)?",
    _F,
)


def _lunar(text: str, m: re.Match[str], leap: bool = False) -> VnDate:
    raw_m = m.group("m")
    month = 1 if raw_m is None else _LUNAR_MONTH_WORDS.get(raw_m.casefold()) or _int(text, "m", m, 1, 12, "month")
    day = None if m.group("d") is None else _int(text, "d", m, 1, 30, "lunar day")
    year: int | None = None
    cycle: int | None = None
    raw_y = m.group("y")
    if raw_y is not None:
        if raw_y.isdigit():
            year = _year(text, "y", m)
        else:
            cycle = cycle_index(raw_y)
            if cycle is None:
                raise DateError("unknown Can Chi year", text, m.start("y"), raw_y)
    return _make(text, m.start(), m.group(), year=year, month=month, day=day, lunar=True, leap=leap, cycle=cycle)


def date_at(text: str, start: int, end: int) -> VnDate:
    """Parse ``text[start:end]`` (already stripped) as one date, raising DateError."""
    try:
        return _date_frag(text[start:end])
    except DateError as exc:
        raise DateError(exc.reason, text, start + exc.offset, exc.fragment) from None


def _is_lunar_match(m: re.Match[str]) -> bool:
    kw = (m.group("kw") or "").casefold()
    month = (m.group("m") or "").casefold()
    year = m.group("y") or ""
    return bool(
        kw in {"mùng", "mồng"}
        or m.group("tet")
        or m.group("al")
        or m.group("leap")
        or month in _LUNAR_MONTH_WORDS
        or (year and not year.isdigit())
    )


def _date_frag(frag: str) -> VnDate:
    if not frag:
        raise DateError("empty date", frag, 0, "")
    tm = _RE_TARGET.match(frag)
    if tm:  # "đến năm 2025", "tầm nhìn đến năm 2030": a target year
        ym = _RE_YEAR.fullmatch(frag, tm.end())
        if ym is None:
            raise DateError("expected a year after 'đến'", frag, tm.end(), frag[tm.end() :])
        return _make(frag, tm.end(), frag, year=_year(frag, "y", ym))
    lm = _RE_LUNAR_NUM.fullmatch(frag)
    if lm:
        return _lunar(frag, lm)
    lm = _RE_LUNAR.fullmatch(frag)
    if lm and _is_lunar_match(lm):
        if lm.group("tet") and lm.group("d") is None:
            raise DateError("'Tết' alone is not a date", frag, 0, frag)
        return _lunar(frag, lm, leap=bool(lm.group("leap")))
    return _solar(frag)


def _solar(frag: str) -> VnDate:
    m = _RE_WORDED.fullmatch(frag)
    if m:
        y = (m.group("y") and _year(frag, "y", m)) or (m.group("y2") and _year(frag, "y2", m)) or None
        d = _int(frag, "d", m, 1, 31, "day")
        mo = _int(frag, "m", m, 1, 12, "month")
        return _make(frag, m.start(), frag, year=y, month=mo, day=d)
    m = _RE_DMY.fullmatch(frag)
    if m:
        y = (m.group("y") and _year(frag, "y", m)) or (m.group("y2") and _year(frag, "y2", m)) or None
        d = _int(frag, "d", m, 1, 31, "day")
        mo = _int(frag, "m", m, 1, 12, "month")
        return _make(frag, m.start("d"), frag, year=y, month=mo, day=d)
    m = _RE_MONTH.fullmatch(frag)
    if m:
        yg = next((g for g in ("y", "y2", "y3") if m.group(g)), None)
        y = None if yg is None else _year(frag, yg, m)
        return _make(frag, m.start(), frag, year=y, month=_int(frag, "m", m, 1, 12, "month"))
    m = _RE_WORD_MONTH.fullmatch(frag)
    if m:
        day = None if m.group("d") is None else _int(frag, "d", m, 1, 31, "day")
        month = MONTH_NAMES[" ".join(m.group("m").casefold().split())]
        return _make(frag, m.start(), frag, year=_year(frag, "y", m), month=month, day=day)
    m = _RE_QUARTER.fullmatch(frag)
    if m:
        raw = m.group("q").casefold()
        q = _ROMAN.get(raw) or _int(frag, "q", m, 1, 4, "quarter", 1)
        yg = next((g for g in ("y", "y2") if m.group(g)), None)
        y = None if yg is None else _year(frag, yg, m)
        return _make(frag, m.start(), frag, year=y, quarter=q)
    m = _RE_HALF.fullmatch(frag)
    if m:
        y = None if m.group("y") is None else _year(frag, "y", m)
        return _make(frag, m.start(), frag, year=y, half=1 if m.group("pos").casefold() == "đầu" else 2)
    m = _RE_YEAR.fullmatch(frag)
    if m:
        return _make(frag, m.start(), frag, year=_year(frag, "y", m))
    raise DateError("not a date expression", frag, 0, frag)


def parse_date(text: str) -> VnDate:
    """Read one date, partial date, quarter, half-year, year or lunar date.

    Accepted forms are listed in ``docs/dates.md``; an impossible date raises :class:`DateError`.

    >>> parse_date("ngày 05 tháng 02 năm 2020").iso()
    '2020-02-05'
    >>> parse_date("Quý 3-2018").iso(), parse_date("đến năm 2025").iso()
    ('2018-Q3', '2025')
    >>> parse_date("31/2/2019")
    Traceback (most recent call last):
        ...
    vngovdirectives.errors.DateError: impossible date: month 2 has no day 31 ...
    """
    norm = prepare(text, "date")
    start, end = strip_span(norm)
    return date_at(norm, start, end)


_RE_TIME: Final = re.compile(
    rf"(?P<h>\d{{1,2}}){S0}(?:(?P<sep>giờ|h|g|:){S0}(?:(?P<mi>\d{{1,2}}){S0}(?:phút|')?)?)", _F
)


def parse_time(text: str) -> TimeOfDay:
    """Read a clock time: "0 giờ", "0h00", "14 giờ 30 phút", "14h30", "8:30", "0h".

    >>> parse_time("14h30"), parse_time("0 giờ").iso()
    (TimeOfDay(hour=14, minute=30), '00:00')
    """
    norm = prepare(text, "time")
    start, end = strip_span(norm)
    return time_at(norm, start, end)


def time_at(text: str, start: int, end: int) -> TimeOfDay:
    m = _RE_TIME.fullmatch(text, start, end)
    if m is None or (m.group("sep") == ":" and m.group("mi") is None):
        raise DateError("not a time of day", text, start, text[start:end])
    h = _int(text, "h", m, 0, 23, "hour")
    mi = 0 if m.group("mi") is None else _int(text, "mi", m, 0, 59, "minute")
    return TimeOfDay(hour=h, minute=mi)


# --------------------------------------------------------------------------- periods

_PERIOD_WORDS = rf"giai{S0}đoạn|nhiệm{S}kỳ|năm{S}học|niên{S}khóa|niên{S}học|thời{S}kỳ|kỳ|mùa{S}\w+{S}năm"
_RE_YEAR_RANGE: Final = re.compile(rf"(?:(?P<kw>{_PERIOD_WORDS}){S0}|năm{S})?(?P<a>\d{{4}}){S0}-{S0}(?P<b>\d{{4}})", _F)
_RE_YEAR_GLUED: Final = re.compile(rf"(?P<kw>{_PERIOD_WORDS}){S0}(?P<a>\d{{4}})(?P<b>\d{{4}})", _F)
_RE_FIRST_MONTHS: Final = re.compile(
    rf"(?P<n>\d{{1,2}}){S}tháng(?:{S}(?P<pos>đầu|cuối))?(?:{S}năm(?:{S}(?P<y>\d{{4}}))?)?", _F
)
_RE_CONNECTOR: Final = re.compile(rf"{S0}(?:-|(?:đến|tới){S}hết|đến|tới){S0}", _F)
_RE_FROM: Final = re.compile(rf"(?:kể{S})?từ{S}", _F)
_RE_DAY_ONLY: Final = re.compile(rf"(?:(?P<kw>ngày|mùng|mồng){S})?(?P<d>\d{{1,2}})", _F)
_RE_END_TIME: Final = re.compile(
    rf"(?:hết{S})?(?:\d{{1,2}}{S0}(?:giờ|h|g|:){S0}(?:\d{{1,2}})?{S0}(?:phút|')?{S0})?", _F
)


def plausible_year_range(a: int, b: int) -> bool:
    """Whether two adjacent 4-digit numbers read as a multi-year period (second after the first, ≤ 50 years)."""
    return MIN_YEAR <= a < b <= a + 50 and b <= MAX_YEAR


def _year_range(text: str, m: re.Match[str]) -> Period:
    a, b = int(m.group("a")), int(m.group("b"))
    if not plausible_year_range(a, b):
        raise DateError("not a plausible range of years", text, m.start("a"), m.group())
    return Period(start=VnDate(year=a), end=VnDate(year=b))


def join_ends(left: VnDate, right: VnDate, text: str = "", offset: int = 0) -> Period:
    """A period from two ends, copying a year (and month) written on one end only.

    A year written only on the right end is copied leftwards (the previous year when the left
    end would come after the right one); a year written only on the left is copied rightwards.

    >>> join_ends(VnDate(month=12, day=25), VnDate(year=2020, month=1, day=3)).start.iso()
    '2019-12-25'
    """
    try:
        if left.has_year and not right.has_year:
            assert left.year is not None
            right = right.with_year(left.year)
            if right.last_day() < left.first_day():
                right = right.with_year(left.year + 1)
        elif right.has_year and not left.has_year:
            assert right.year is not None
            left = left.with_year(right.year)
            if left.first_day() > right.last_day():
                left = left.with_year(right.year - 1)
        return Period(start=left, end=right)
    except (ValueError, DateError) as exc:
        raise DateError(f"not a valid period: {exc}", text or f"{left.iso()}/{right.iso()}", offset) from None


def _left_end(text: str, start: int, end: int, right: VnDate) -> VnDate:
    """Parse a period's left end, which may omit the month (and year) written on the right."""
    dm = _RE_DAY_ONLY.fullmatch(text, start, end)
    if dm is not None:
        if right.precision is not Precision.DAY:
            raise DateError("a bare day needs a day on the right end", text, start, text[start:end])
        day = _int(text, "d", dm, 1, 31, "day")
        if right.lunar and dm.group("kw") and dm.group("kw").casefold() in {"mùng", "mồng"}:
            return _make(text, start, text[start:end], month=right.month, day=day, lunar=True, leap=right.leap)
        return _make(text, start, text[start:end], month=right.month, day=day, lunar=right.lunar, leap=right.leap)
    return date_at(text, start, end)


def period_at(text: str, start: int, end: int) -> Period:
    frag = text[start:end]
    m = _RE_YEAR_RANGE.fullmatch(frag) or _RE_YEAR_GLUED.fullmatch(frag)
    if m:
        return _year_range(frag, m)
    m = _RE_FIRST_MONTHS.fullmatch(frag)
    if m and (m.group("pos") or m.group("y")):
        n = _int(frag, "n", m, 1, 12, "number of months")
        y = None if m.group("y") is None else _year(frag, "y", m)
        last = (m.group("pos") or "").casefold() == "cuối"
        first, final = (13 - n, 12) if last else (1, n)
        return Period(start=VnDate(year=y, month=first), end=VnDate(year=y, month=final))
    if m and m.group("pos") is None and m.group("y") is None and not frag.rstrip().endswith("năm"):
        n = _int(frag, "n", m, 1, 12, "number of months")
        return Period(start=VnDate(month=1), end=VnDate(month=n))
    fm = _RE_FROM.match(frag)
    lead = fm.end() if fm else 0
    # Try each connector; the first split whose two sides parse wins (bounded by MAX_TEXT).
    last_error: DateError | None = None
    for cm in _RE_CONNECTOR.finditer(frag, lead):
        if cm.start() == lead:
            continue
        try:
            tail = _RE_END_TIME.match(frag, cm.end())
            rstart = tail.end() if tail else cm.end()
            right = date_at(text, start + rstart, end)
            left = _left_end(text, start + lead, start + cm.start(), right)
        except DateError as exc:
            last_error = exc
            continue
        return join_ends(left, right, text, start)
    if last_error is not None:
        raise last_error
    raise DateError("not a period expression", text, start, frag)


def parse_period(text: str) -> Period:
    """Read a period: year ranges, "từ … đến …" ranges, "6 tháng đầu năm 2019", "9 tháng".

    >>> p = parse_period("từ ngày 16/8 đến hết ngày 15/9 năm 2021")
    >>> p.start.iso(), p.end.iso()
    ('2021-08-16', '2021-09-15')
    >>> parse_period("6 tháng đầu năm 2019").iso()
    '2019-01/2019-06'
    >>> parse_period("giai đoạn 20112020").iso()
    '2011/2020'
    """
    norm = prepare(text, "period")
    start, end = strip_span(norm)
    return period_at(norm, start, end)
