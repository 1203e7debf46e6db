"""Find dates, periods and deadlines in running text (the engine behind the finders).

:func:`scan` works on text already passed through :func:`vngovdirectives.text.normalize`. It
never raises on a ``str`` and runs in linear time: one pass of a regex anchored on digits (a
cheap first-character search), a few literal-anchored passes for words without digits
("quý I", "mồng 5", "Năm ngày làm việc"), then a left-to-right walk that joins neighbours into
periods and reads the few words before a date to recognise a deadline.

Conventions (those of the annotated corpus): every explicit date or partial date is a
``date`` hit, also inside document references and deadlines; the two ends of a ``period`` are
not reported again as dates; bare numbers that only look like years (serials, amounts,
"5 năm") are not dates; the serial and year of a document number ("61/2018/NĐ-CP") are skipped.

>>> [(h.kind.value, h.value.iso() if h.kind is not HitKind.DEADLINE else h.value.kind)
...  for h in scan("Quyết định số 607/QĐ-UBND ngày 29/3/2019, chậm nhất vào ngày 25/4/2019.")]
[('date', '2019-03-29'), ('deadline', 'no_later_than'), ('date', '2019-04-25')]
"""

from __future__ import annotations

import bisect
import datetime
import enum
import functools
import operator
import re
from typing import TYPE_CHECKING, Final, NamedTuple, TypeAlias

if TYPE_CHECKING:
    from collections.abc import Iterator

from vngovdirectives._fast import NEW_TUPLE as _NEW_TUPLE
from vngovdirectives.dates import (
    Period,
    Precision,
    TimeOfDay,
    VnDate,
    complete,
    join_ends,
    parse_date,
    plausible_year_range,
)
from vngovdirectives.deadlines import (
    Before,
    Deadline,
    DurationUnit,
    NoLaterThan,
    Relative,
    Starting,
    TemporalValue,
    Within,
    complete_deadline,
    number_of,
    unit_of,
)
from vngovdirectives.errors import DateError

__all__ = [
    "Hit",
    "HitKind",
    "detect_context_date",
    "detect_context_date_lowered",
    "lowered",
    "scan",
    "stated_dates",
    "stated_dates_lowered",
]


class HitKind(enum.Enum):
    """What a :class:`Hit` found."""

    DATE = "date"
    PERIOD = "period"
    DEADLINE = "deadline"


HitValue: TypeAlias = TemporalValue


class Hit(NamedTuple):
    """One finding: ``text[start:end]`` is a ``kind`` whose parsed value is ``value``.

    ``time`` is the clock time written with a date ("0 giờ ngày 01/4/2019"); ``parts`` are the
    spans of the dates inside a period or deadline. (A named tuple: thousands are made per page.)
    """

    start: int
    end: int
    kind: HitKind
    value: HitValue
    time: TimeOfDay | None = None
    parts: tuple[tuple[int, int], ...] = ()


# --------------------------------------------------------------------------- patterns (lower-case text)

_S = r"\s{1,3}"
_O = r"\s{0,3}"
_H = r"[^\S\n]"  # horizontal white space
# Every alternative starts after one digit already consumed, so the compiled pattern starts with
# a character class and the regex engine can skip quickly to the next digit. ``n2`` then takes the
# second digit when there is one (and only then: the engine never tries the alternatives twice,
# with and without it); the forms of four digits read two more.
_DIGIT_RE: Final = re.compile(
    r"[0-9](?<![0-9/.,][0-9])(?P<n2>\d|(?!\d))(?:"
    # A: 25-31/3/2019
    rf"{_O}-{_O}(?P<rb>\d{{1,2}})(?P<rs>[/.])(?P<rm>\d{{1,2}})(?P=rs)(?P<ry>\d{{4}})(?!\d)(?P<A>)"
    # B: 29/3/2019, 15-5-2016, 8.2.2024
    rf"|(?P<bs>[/.-])(?P<bm>\d{{1,2}})(?P=bs)(?P<by>\d{{4}})(?!\d|/[^\W\d_])(?P<B>)"
    # S: 06 / 7 /2005 (spaces around the slashes of a full date, as some typists leave them)
    rf"|[ ]{{0,2}}/[ ]{{0,2}}(?P<sm>\d{{1,2}})[ ]{{0,2}}/[ ]{{0,2}}(?P<sy>\d{{4}})(?![\d/])(?P<S>)"
    # C: 29 tháng 3 năm 2019, 29 tháng 12/2020, 29 tháng 3
    rf"|{_S}tháng{_S}(?P<cm>\d{{1,2}})"
    rf"(?:{_O},?{_O}năm{_S}(?P<cy>\d{{4}})|{_O}[/.-]{_O}(?P<cy2>\d{{4}}))?(?!\d)(?P<C>)"
    # H: 6 tháng đầu năm 2019, 5 tháng năm 2017
    rf"|{_S}tháng(?:{_S}(?P<hp>đầu|cuối))?{_S}năm(?:{_S}(?P<hy>\d{{4}}))?(?!\d)(?P<H>)"
    # M: (tháng) 5 năm 2019, (tháng) 6, 2019
    rf"|(?:{_S}năm{_S}|,{_O})(?P<my>\d{{4}})(?![\d/]|[.,]\d|{_O}-{_O}\d)(?P<M>)"
    # D: 29/3, 26-8, 1.9, 16/8 năm 2021
    rf"|(?P<ds>[/.-])(?P<dm>\d{{1,2}})(?:{_S}năm{_S}(?P<dy>\d{{4}}))?(?!\d|[/.-]\d|,\d)(?P<D>)"
    # E: 3/2019 (kept after "tháng")
    rf"|[/.-](?P<ey>\d{{4}})(?![\d/])(?P<E>)"
    # X: 2024-03-15 (ISO, in page metadata)
    rf"|\d{{2}}-(?P<xm>\d{{2}})-(?P<xd>\d{{2}})(?![\d/])(?P<X>)"
    # F: 2016 - 2020
    rf"|\d{{2}}{_O}-{_O}(?P<fb>\d{{4}})(?![\d/]|[.,]\d)(?P<F>)"
    # G: 20112020 (a period whose dash was lost)
    rf"|\d{{2}}(?P<gb>\d{{4}})(?!\d)(?P<G>)"
    # I: 0 giờ, 14h30, 8:30, 19h00'
    rf"|{_O}(?P<isep>giờ|h|g|:)(?:{_O}(?P<im>\d{{2}})(?!\d))?(?:{_O}phút|')?(?![^\W\d_])(?P<I>)"
    # J: 15 ngày làm việc, 30 ngày, 6 tháng
    rf"|(?P<jn>\d?)(?:{_H}\([^()\n]{{1,20}}\))?{_H}{{1,3}}"
    rf"(?P<ju>ngày{_S}làm{_S}việc|ngày|tuần|tháng|năm|giờ)(?![^\W\d_])(?P<J>)"
    # K: a 4-digit number that may be a year
    rf"|\d{{2}}(?![\d/]|[.,]\d|{_O}-{_O}\d)(?P<K>)"
    r")"
)
_QUARTER_RE: Final = re.compile(
    rf"quý{_S}(?P<q>iv|iii|ii|i|[1-4])(?![\w])(?:{_O}[/.-]{_O}(?P<y>\d{{4}})(?![\d/])|{_S}năm{_S}(?P<y2>\d{{4}}))?"
)
_WORK_WORD_RE: Final = re.compile(rf"làm{_S}việc")
_WORD_AMOUNT_BACK: Final = re.compile(rf"(?P<n>một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười){_S}ngày{_S}$")
# "mùng 5", "mồng 5": one literal-led pattern each (a class of two letters would not be one).
_LUNAR_KW_RES: Final = (("mùng", re.compile(rf"mùng{_S}\d")), ("mồng", re.compile(rf"mồng{_S}\d")))
_LUNAR_PHRASE: Final = re.compile(
    rf"(?:(?:ngày|mùng|mồng){_S})?\d{{1,2}}(?:{_S}tháng{_S}(?:giêng|chạp|\d{{1,2}})(?:{_S}nhuận)?)?"
    rf"(?:{_S}tết(?:{_S}nguyên{_S}đán)?)?(?:{_S}năm{_S}(?:\d{{4}}|[^\W\d_]{{1,5}}{_S}[^\W\d_]{{1,5}}))?"
    rf"(?:{_O}\({_O}âm{_S}lịch{_O}\)|{_S}âm{_S}lịch)?"
)
_LUNAR_AFTER: Final = re.compile(rf"(?:{_S}tháng)?{_S}(?:giêng|chạp)|{_O}\(?{_O}âm{_S}lịch")
_LUNAR_NAME: Final = re.compile(rf"âm{_S}lịch")
_LUNAR_REACH: Final = 12  # the farthest a lunar word of _LUNAR_AFTER starts after the date


def _led_by(low: str, word: str, rx: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """``rx.finditer(low)`` for a pattern that starts with ``word``, for rare words: str.find skips
    to each occurrence faster than the regex engine scans for a literal."""
    p = low.find(word)
    while p >= 0:
        m = rx.match(low, p)
        if m is None:
            p = low.find(word, p + 1)
        else:
            yield m
            p = low.find(word, m.end())


def _lunar_words(low: str) -> list[int]:
    """Where "giêng", "chạp" and "âm lịch" start in ``low``, sorted (each found by a literal search)."""
    found = [m.start() for m in _led_by(low, "âm", _LUNAR_NAME)]
    for word in ("giêng", "chạp"):
        p = low.find(word)
        while p >= 0:
            found.append(p)
            p = low.find(word, p + 1)
    found.sort()
    return found


# Words right before a date, read backwards from its start (the pattern ends with $).
_BACK_NLT: Final = re.compile(
    rf"(?:(?:chậm|muộn){_S}nhất(?:{_S}(?:là|vào))?(?:{_S}(?:trước|đến))?"
    rf"|hạn{_S}chót(?:[^.;\n\d]{{0,30}}?(?::|là|vào))?|(?:đến|tới){_S}hết|trước{_S}hoặc{_S}trong){_O}:?{_O}$"
)
_BACK_BEFORE: Final = re.compile(rf"trước{_O}$")
_BACK_WITHIN: Final = re.compile(rf"(?:trong|hết|vào|ngay{_S}trong){_O}$")
_BACK_FROM: Final = re.compile(rf"(?:kể{_S}từ|(?<!\w)từ|hiệu{_S}lực(?:{_S}thi{_S}hành)?{_O}:){_O}$")
_BACK_REL_LEAD: Final = re.compile(
    rf"(?P<lead>trong{_S}thời{_S}hạn|trong{_S}vòng|tối{_S}đa(?:{_S}không{_S}quá)?|không{_S}quá"
    rf"|trong{_S}thời{_S}gian|thời{_S}hạn(?:{_S}giải{_S}quyết|{_S}xử{_S}lý)?{_O}:"
    rf"|chậm{_S}nhất(?:{_S}là)?|sau|trong){_O}:?{_O}$"
)
_ACTION_RE: Final = re.compile(
    r"hoàn thành|hoàn tất|xong|phấn đấu|sơ kết|tổng kết|thực hiện|triển khai|ban hành|báo cáo|trình|nộp|gửi|"
    r"tổ chức|giải ngân|kết thúc|xây dựng|đưa vào|khởi công|bàn giao|đạt chuẩn|đạt|cấp|phê duyệt|chậm nhất|muộn nhất"
)
_YEARS: Final = (1800, 2200)  # years the scanner accepts in dates
# Every pattern read backwards from a date (_BACK_*) ends with one of these words, or a colon, just
# before the date: a test of the last word decides most dates without running any of them.
_LEAD_ENDINGS: Final = ("nhất", "là", "vào", "trước", "đến", "chót", "hết", "trong", "từ", ":")
_STRONG_REL_LEADS: Final = ("thời", "vòng", "đa", "quá")
_ANCHOR_RE: Final = re.compile(rf"{_O},?{_O}(?:kể|tính){_S}từ{_S}(?P<a>[^,.;:\n()|]{{1,160}})")
_RANGE_ENDINGS: Final = ("-", "đến", "hết", "tới")  # how _BARE_LEFT_END can end
_BARE_LEFT_END: Final = re.compile(
    rf"(?:từ{_S}(?:(?:ngày|mùng|mồng){_S})?|(?:ngày|mùng|mồng){_S})"
    rf"(?P<n>\d{{1,2}}){_O}(?:-|đến(?:{_S}hết)?|tới){_O}$"
)
# "tháng 4, 5/2010": months listed before the one that carries the year.
_DAY_LIST_BACK: Final = re.compile(
    rf"(?:ngày|mùng|mồng){_S}(?P<list>\d{{1,2}}(?:{_O}[,;]{_O}\d{{1,2}}){{0,5}}){_O}(?:,|và){_O}$"
)
_MONTH_LIST_BACK: Final = re.compile(rf"tháng{_S}(?P<list>\d{{1,2}}(?:{_O}[,;]{_O}\d{{1,2}}){{0,5}}){_O}(?:,|và){_O}$")
# A schedule row: "Tháng 7 | … | Ngày 03; 10; 17; 24; 31".
_DAY_LIST_RE: Final = re.compile(
    rf"ngày{_S}(?P<d>\d{{1,2}})(?![\d/.\-]|{_S}tháng)(?P<rest>(?:{_O}[;,]{_O}\d{{1,2}}(?![\d/.\-])){{0,31}})"
)
# A line that starts with its month: the only place _DAY_LIST_RE counts (led by a literal newline).
_ROW_LINE: Final = re.compile(rf"\n{_O}tháng{_S}\d")
_ROW_MONTH_RE: Final = re.compile(rf"{_O}tháng{_S}(?P<m>\d{{1,2}})(?!\d|{_O}[/.\-]\d)(?:{_S}năm{_S}(?P<y>\d{{4}}))?")
_NUMBER_RE: Final = re.compile(r"\d{1,2}")
_RANGE_GAP: Final = re.compile(
    rf"{_O}(?:-|(?:đến|tới)(?:{_S}hết)?)(?:{_S}(?:thứ{_S}[^\W\d_]{{1,4}}|chủ{_S}nhật),?)?(?:{_S}ngày)?{_O}"
)
_LIST_GAP: Final = re.compile(rf"{_O}(?:[,;]|và){_O}")
_TIME_DATE_GAP: Final = re.compile(rf"{_O}(?:-|,)?{_O}")
_FROM_BEFORE: Final = re.compile(rf"(?:kể{_S})?từ{_S}$")
_PERIOD_KW: Final = re.compile(rf"(?:giai{_O}đoạn|nhiệm{_S}kỳ|năm{_S}học|niên{_S}(?:khóa|học)|thời{_S}kỳ|năm){_O}$")
_NOT_YEAR_BEFORE: Final = ("số", "số:", "số :", "mã", "hiệu", "hiệu:", "khoản", "điều", "mẫu", "thứ", "lần")
_UNIT_AFTER_YEAR: Final = re.compile(
    r"\s{0,2}(?:%|ha\b|m2|km|kg|tấn|tỷ|triệu|nghìn|ngàn|đồng|người|hộ|xã|lượt|ca\b|học sinh|trường|"
    r"cơ sở|doanh nghiệp|dự án|văn bản|hồ sơ|thủ tục|bậc|lần)"
)
_START: Final = operator.itemgetter(0)  # a Hit's start
_DAY_KEYWORDS: Final = ("ngày", "mùng", "mồng", "hết", "trước", "sáng", "chiều", "tối", "trưa", "đêm", "từ")


class _Cand:
    """A candidate found by a pass, before the walk decides what it is."""

    __slots__ = ("dend", "dstart", "end", "form", "start", "time", "value")

    def __init__(self, start: int, end: int, form: str, value: VnDate | Period | Relative | TimeOfDay | None) -> None:
        self.start = start  # span including keyword words ("ngày", "năm", "giai đoạn", a time)
        self.end = end
        self.dstart = start  # span of the date text itself
        self.dend = end
        self.form = form  # "date", "maybe" (year-less day needing support), "period", "time", "rel"
        self.value = value
        self.time: TimeOfDay | None = None


@functools.lru_cache(maxsize=8192)
def _mk(
    year: int | None = None, month: int | None = None, day: int | None = None, quarter: int | None = None
) -> VnDate | None:
    """A solar value, or None when impossible (cached: documents cite the same dates again and again)."""
    if year is not None and not _YEARS[0] <= year <= _YEARS[1]:
        return None
    try:
        return VnDate(year=year, month=month, day=day, quarter=quarter)
    except ValueError:
        return None


_DMY_SEP: Final = re.compile(r"[/.-]")


@functools.lru_cache(maxsize=8192)
def _numeric_day(written: str) -> VnDate | None:
    """The value of a day written "29/3/2019", "8.2.2024" or "15-5-2016" (form B of _DIGIT_RE).

    Cached by the text: it is the most common form, and one call replaces three group lookups and
    three conversions."""
    day, month, year = _DMY_SEP.split(written)
    return _mk(int(year), int(month), int(day))


# Values that documents write again and again, made once (keyed by ints and strings: a key holding
# an enum member would be hashed by Enum.__hash__, a Python function).
@functools.lru_cache(maxsize=1024)
def _year_range(first: int, last: int) -> Period:
    return Period(start=VnDate(year=first), end=VnDate(year=last))


@functools.lru_cache(maxsize=1024)
def _time_of_day(hour: int, minute: int) -> TimeOfDay:
    return TimeOfDay(hour=hour, minute=minute)


@functools.lru_cache(maxsize=1024)
def _duration(amount: int, unit_words: str) -> Relative:
    return Relative(amount=amount, unit=unit_of(unit_words))


def _ends_with(low: str, pos: int, words: tuple[str, ...]) -> bool:
    return low[max(0, pos - 12) : pos].rstrip().endswith(words)


def _keyword_start(low: str, pos: int, word: str) -> int:
    """Start of ``word`` ending right before ``pos`` (across up to three spaces), else ``pos``."""
    if pos == 0 or not low[pos - 1].isspace():
        return pos
    k = pos - 1 - len(word)
    if low[pos - 1] == " " and k >= 0 and low.startswith(word, k):
        return k  # the common case: one space
    seg = low[max(0, pos - len(word) - 3) : pos]
    stripped = seg.rstrip()
    if stripped.endswith(word) and len(seg) - len(stripped) >= 1:
        return pos - (len(seg) - len(stripped)) - len(word)
    return pos


def _int(low: str, start: int, end: int) -> int:
    return int(low[start:end])


def _digit_cands(low: str, out: list[_Cand]) -> None:
    for m in _DIGIT_RE.finditer(low):
        form = m.lastgroup
        s = m.start()
        if form == "B":
            v = _numeric_day(m.group())
            if v is not None:
                out.append(_date_cand(low, s, m.end(), v))
        elif form == "S":
            v = _mk(int(m["sy"]), int(m["sm"]), _int(low, s, m.end("n2")))
            if v is not None:
                out.append(_date_cand(low, s, m.end(), v))
        elif form == "C":
            ys = m["cy"] or m["cy2"]
            v = _mk(int(ys) if ys else None, int(m["cm"]), _int(low, s, m.end("n2")))
            if v is not None:
                c = _date_cand(low, s, m.end(), v)
                if ys is None:
                    c.form = "maybe"
                out.append(c)
        elif form == "D":
            ys = m["dy"]
            v = _mk(int(ys) if ys else None, int(m["dm"]), _int(low, s, m.end("n2")))
            if v is not None:
                c = _date_cand(low, s, m.end(), v)
                if ys is None:
                    c.form = "maybe"
                out.append(c)
        elif form == "A":
            y, mo = int(m["ry"]), int(m["rm"])
            a = _mk(y, mo, _int(low, s, m.end("n2")))
            b = _mk(y, mo, int(m["rb"]))
            if a is not None and b is not None and a.day is not None and b.day is not None and a.day < b.day:
                c = _date_cand(low, s, m.end(), Period(start=a, end=b))
                c.form = "period"
                out.append(c)
        elif form == "E":
            if _ends_with(low, s, ("tháng",)):
                v = _mk(int(m["ey"]), _int(low, s, m.end("n2")))
                if v is not None:
                    c = _Cand(_keyword_start(low, s, "tháng"), m.end(), "date", v)
                    c.dstart = s
                    out.append(c)
            else:
                _month_list(low, s, m.end(), _int(low, s, m.end("n2")), int(m["ey"]), out)
        elif form == "M":
            ys = m.start("my")
            if _ends_with(low, s, ("tháng",)):
                v = _mk(int(m["my"]), _int(low, s, m.end("n2")))
                if v is not None:
                    c = _Cand(_keyword_start(low, s, "tháng"), m.end(), "date", v)
                    c.dstart = s
                    out.append(c)
            else:
                _year_cand(low, ys, m.end(), int(m["my"]), out)
        elif form == "X":
            v = _mk(_int(low, s, s + 4), int(m["xm"]), int(m["xd"]))
            if v is not None:
                out.append(_date_cand(low, s, m.end(), v))
        elif form in ("F", "G"):
            a_year = _int(low, s, s + 4)
            b_year = int(m["fb"] or m["gb"])
            kw = _PERIOD_KW.search(low, max(0, s - 16), s)
            if form == "G" and (kw is None or kw.group().startswith("năm")):
                continue
            if not plausible_year_range(a_year, b_year) or _ends_with(low, s, _NOT_YEAR_BEFORE):
                continue
            c = _Cand(kw.start() if kw else s, m.end(), "period", _year_range(a_year, b_year))
            c.dstart = s
            out.append(c)
        elif form == "H":
            n = _int(low, s, m.end("n2"))
            ys, pos = m["hy"], m["hp"]
            if not 1 <= n <= 12 or (pos is None and ys is None):
                continue
            hy = int(ys) if ys else None
            first, last = (13 - n, 12) if pos == "cuối" else (1, n)
            a, b = _mk(hy, first), _mk(hy, last)
            if a is not None and b is not None:
                out.append(_Cand(s, m.end(), "period", Period(start=a, end=b)))
        elif form == "I":
            if m["isep"] == ":" and m["im"] is None:
                continue
            h = _int(low, s, m.end("n2"))
            mi = int(m["im"]) if m["im"] else 0
            if h <= 23 and mi <= 59:
                out.append(_Cand(s, m.end(), "time", _time_of_day(h, mi)))
            elif m["isep"] == "giờ":
                out.append(_Cand(s, m.end(), "rel", Relative(amount=h, unit=unit_of("giờ"))))
        elif form == "J":
            n = _int(low, s, m.end("jn"))
            out.append(_Cand(s, m.end(), "rel", _duration(n, m["ju"])))
        elif form == "K":
            y = _int(low, s, m.end())
            _year_cand(low, s, m.end(), y, out)


def _date_cand(low: str, s: int, e: int, v: VnDate | Period) -> _Cand:
    c = _Cand(s, e, "date", v)
    if s >= 5 and low.startswith("ngày ", s - 5):  # the common case, without a call
        c.start = s - 5
    else:
        c.start = _keyword_start(low, s, "ngày")
    return c


def _year_cand(low: str, s: int, e: int, y: int, out: list[_Cand]) -> None:
    if not 1900 <= y <= 2100:
        return
    kstart = _keyword_start(low, s, "năm")
    if kstart < s:
        # "năm 2019"; also catch "đến năm 2025", kept as a year.
        out.append(_Cand(kstart, e, "date", _mk(y)))
        return
    before = low[max(0, s - 12) : s]
    if before.rstrip().endswith(("đến", "tới")):
        out.append(_Cand(s, e, "date", _mk(y)))
        return
    if not 1945 <= y <= 2100 or before.rstrip().endswith(_NOT_YEAR_BEFORE):
        return
    prev = low[s - 1] if s else " "
    nxt = low[e] if e < len(low) else " "
    if prev not in " \n\t(" or nxt not in " \n\t.,;:)!?\"'" or _UNIT_AFTER_YEAR.match(low, e):
        return
    if before.rstrip().endswith(("tháng", "quý")):
        return
    out.append(_Cand(s, e, "date", _mk(y)))


def _month_list(low: str, s: int, e: int, month: int, year: int, out: list[_Cand]) -> None:
    """Months listed before a month/year ("tháng 4, 5/2010") share its year."""
    back = _MONTH_LIST_BACK.search(low, max(0, s - 40), s)
    if back is None:
        return
    for n in _NUMBER_RE.finditer(low, back.start("list"), back.end("list")):
        v = _mk(year, int(n.group()))
        if v is not None:
            c = _Cand(n.start(), n.end(), "date", v)
            if n.start() == back.start("list"):
                c.start = back.start()
            out.append(c)
    v = _mk(year, month)
    if v is not None:
        out.append(_Cand(s, e, "date", v))


def _day_lists(low: str, out: list[_Cand]) -> None:
    """Days listed in a schedule row that starts with its month ("Tháng 7 | … | Ngày 03; 10; 17")."""
    if _ROW_MONTH_RE.match(low) is None and _ROW_LINE.search(low) is None:
        return  # no row of a schedule in the text
    for m in _DAY_LIST_RE.finditer(low):
        floor = max(0, m.start() - 400)
        line = low.rfind("\n", floor, m.start()) + 1
        if line == 0 and floor > 0:
            continue  # no row start within reach
        row = _ROW_MONTH_RE.match(low, line)
        if row is None or row.end() > m.start():
            continue
        month = int(row["m"])
        year = int(row["y"]) if row["y"] else None
        for n in _NUMBER_RE.finditer(low, m.start("d"), m.end()):
            v = _mk(year, month, int(n.group()))
            if v is not None:
                c = _Cand(m.start() if n.start() == m.start("d") else n.start(), n.end(), "date", v)
                c.dstart = n.start()
                out.append(c)


def _keyword_cands(low: str, out: list[_Cand]) -> None:
    _day_lists(low, out)
    for m in _led_by(low, "quý", _QUARTER_RE):
        raw = m["q"]
        q = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(raw) or int(raw)
        ys = m["y"] or m["y2"]
        v = _mk(int(ys) if ys else None, None, None, q)
        if v is not None:
            out.append(_Cand(m.start(), m.end(), "date", v))
    for m in _led_by(low, "làm", _WORK_WORD_RE):
        b = _WORD_AMOUNT_BACK.search(low, max(0, m.start() - 20), m.start())
        if b is not None:
            out.append(
                _Cand(b.start(), m.end(), "rel", Relative(amount=number_of(b["n"]), unit=unit_of("ngày làm việc")))
            )
    for starts in sorted(m.start() for word, rx in _LUNAR_KW_RES for m in _led_by(low, word, rx)):
        _lunar_cand(low, starts, out)


def _lunar_cand(low: str, start: int, out: list[_Cand]) -> None:
    m = _LUNAR_PHRASE.match(low, start)
    if m is None:
        return
    try:
        v = parse_date(low[m.start() : m.end()])
    except DateError:
        return
    if v.lunar:
        out.append(_Cand(m.start(), m.end(), "lunar", v))


# --------------------------------------------------------------------------- the walk


_BEGIN: Final = operator.attrgetter("start")
_END: Final = operator.attrgetter("end")


def _merge(cands: list[_Cand]) -> list[_Cand]:
    """Sort, drop candidates inside an earlier one, and absorb a time written next to a date."""
    # By start, the longer first: two stable sorts with C-level keys, no Python call per item.
    cands.sort(key=_END, reverse=True)
    cands.sort(key=_BEGIN)
    kept: list[_Cand] = []
    last_end = -1
    for c in cands:
        if c.start < last_end:
            # A date overlapping a duration or a clock time ("QH13 ngày 26/11/2013") wins.
            if kept[-1].form in ("rel", "time") and c.form not in ("rel", "time"):
                kept[-1] = c
                last_end = c.end
            continue
        kept.append(c)
        last_end = c.end
    return kept


def _attach_times(low: str, cands: list[_Cand]) -> list[_Cand]:
    out: list[_Cand] = []
    i = 0
    n = len(cands)
    while i < n:
        c = cands[i]
        if c.form == "time" and i + 1 < n:
            nxt = cands[i + 1]
            if nxt.form in ("date", "maybe") and isinstance(nxt.value, VnDate) and nxt.value.precision is Precision.DAY:
                gap = _TIME_DATE_GAP.fullmatch(low, c.end, nxt.start)
                if gap is not None:
                    nxt.time = c.value if isinstance(c.value, TimeOfDay) else None
                    nxt.start = c.start
                    if nxt.form == "maybe":
                        nxt.form = "date"
                    out.append(nxt)
                    i += 2
                    continue
        if c.form in ("date", "maybe") and c.time is None and i + 1 < n and cands[i + 1].form == "time":
            t = cands[i + 1]
            if isinstance(c.value, VnDate) and c.value.year is not None and c.value.precision is Precision.DAY:
                gap = _TIME_DATE_GAP.fullmatch(low, c.end, t.start)
                if gap is not None and gap.end() > gap.start() and "," in low[c.end : t.start]:
                    c.time = t.value if isinstance(t.value, TimeOfDay) else None
                    c.end = t.end
                    out.append(c)
                    i += 2
                    continue
        out.append(c)
        i += 1
    return out


def _deadline_for(low: str, c: _Cand, floor: int) -> tuple[int, Deadline] | None:
    """The deadline that the words before ``c`` make of it. Callers test first that the text before
    ``c`` ends with one of _LEAD_ENDINGS (nothing else can match)."""
    v = c.value
    if not isinstance(v, VnDate):
        return None
    lo = max(floor, c.start - 48)
    s = c.start
    if v.precision is Precision.DAY:
        m = _BACK_NLT.search(low, lo, s)
        if m is not None:
            return m.start(), NoLaterThan(due=v, time=c.time)
        m = _BACK_BEFORE.search(low, lo, s)
        if m is not None:
            return m.start(), Before(due=v, time=c.time)
        m = _BACK_FROM.search(low, lo, s)
        if m is not None:
            return m.start(), Starting(start=v, time=c.time)
        return None
    m = _BACK_WITHIN.search(low, lo, s)
    if m is not None:
        # A fronted time adverbial ("Trong tháng 5/2017, UBND tỉnh đã …") reports, it sets no limit.
        head = low[max(0, m.start() - 3) : m.start()].rstrip()
        if (not head or head[-1] in ".;:\n") and low.startswith(",", c.end):
            return None
        # A limit needs something to get done in the span; "thiệt hại trong năm 2015" only scopes.
        if _ACTION_RE.search(low, _clause_start(low, m.start()), m.start()) is None:
            return None
        return m.start(), Within(span=v)
    m = _BACK_NLT.search(low, lo, s)
    if m is not None and "hết" in m.group():
        return m.start(), Within(span=v)
    m = _BACK_BEFORE.search(low, lo, s)
    if m is not None:
        return m.start(), Before(due=v)
    return None


def _same_kind(model: Deadline, c: _Cand, v: VnDate) -> tuple[int, Deadline] | None:
    """A deadline of the same kind as ``model`` for the next date of a list ("trước ngày 05/4, 05/7")."""
    if isinstance(model, NoLaterThan):
        return c.start, NoLaterThan(due=v, time=c.time)
    if isinstance(model, Before):
        return c.start, Before(due=v, time=c.time)
    if isinstance(model, Starting):
        return c.start, Starting(start=v, time=c.time)
    return None


def _clause_start(low: str, pos: int) -> int:
    """Start of the sentence that ``pos`` is in, looking back at most 160 characters."""
    lo = max(0, pos - 160)
    cut = max(low.rfind(".", lo, pos), low.rfind(";", lo, pos), low.rfind("\n", lo, pos), low.rfind("!", lo, pos))
    return lo if cut < 0 else cut + 1


def _relative_hit(text: str, low: str, c: _Cand, floor: int) -> Hit | None:
    v = c.value
    if not isinstance(v, Relative):
        return None
    lead = _BACK_REL_LEAD.search(low, max(floor, c.start - 30), c.start)
    am = _ANCHOR_RE.match(low, c.end)
    strong = lead is not None and lead["lead"].endswith(_STRONG_REL_LEADS)
    if lead is not None and lead["lead"].endswith(("gian", ":")):
        strong = v.unit in (DurationUnit.DAY, DurationUnit.WORKING_DAY)
    if not (v.unit is DurationUnit.WORKING_DAY or strong or am is not None):
        return None
    if am is None and low.startswith((" qua", " vừa qua", " tới", " gần"), c.end):
        return None
    anchor = None
    end = c.end
    if am is not None:
        anchor = text[am.start("a") : am.end("a")].strip()
        end = am.start("a") + len(am["a"].rstrip())
    return Hit(
        start=lead.start() if lead is not None else c.start,
        end=end,
        kind=HitKind.DEADLINE,
        value=Relative(amount=v.amount, unit=v.unit, anchor=anchor or None),
    )


_JOIN_GAP: Final = 32  # the widest gap between the two ends of a period ("… đến hết ngày …")


def _try_join(low: str, a: _Cand, b: _Cand) -> Period | None:
    if b.start - a.end > _JOIN_GAP or not (isinstance(a.value, VnDate) and isinstance(b.value, VnDate)):
        return None
    if _RANGE_GAP.fullmatch(low, a.end, b.start) is None:
        return None
    pa, pb = a.value.precision, b.value.precision
    if (pa is Precision.YEAR) != (pb is Precision.YEAR) or a.value.lunar != b.value.lunar:
        return None
    try:
        p = join_ends(a.value, b.value)
    except DateError:
        return None
    return p


def scan(text: str, context_date: datetime.date | None = None, *, low: str | None = None) -> list[Hit]:
    """Every date, period and deadline in ``text`` (normalised text), in document order.

    With ``context_date`` (the document's own date) year-less values are completed: deadlines
    to the next occurrence on or after it, other values to the nearest occurrence. When only the
    document's year is known, pass 1 July of that year: every year-less day then lands in it.
    Lunar values are reported with ``iso()`` starting ``lunar:``.

    >>> [h.value.iso() for h in scan("Từ ngày 25/3- 31/3/2019 và giai đoạn 2016 - 2020")]
    ['2019-03-25/2019-03-31', '2016/2020']
    >>> scan("Ngày 12/9, UBND huyện …", context_date=datetime.date(2023, 9, 13))[0].value.iso()
    '2023-09-12'
    """
    if not text:
        return []
    low = lowered(text) if low is None else low
    cands: list[_Cand] = []
    _digit_cands(low, cands)
    _keyword_cands(low, cands)
    lunar_at = _lunar_words(low)
    if lunar_at:  # else no date can be lunar
        n_lunar = len(lunar_at)
        for c in cands:
            i = bisect.bisect_left(lunar_at, c.end)
            if (
                i < n_lunar
                and lunar_at[i] - c.end <= _LUNAR_REACH
                and c.form in ("maybe", "rel", "date")
                and _LUNAR_AFTER.match(low, c.end)
            ):
                _lunar_cand(low, min(c.start, _keyword_start(low, c.dstart, "ngày")), cands)
    items = _attach_times(low, _merge(cands))
    return _walk(text, low, items, context_date)


def _walk(text: str, low: str, items: list[_Cand], context: datetime.date | None) -> list[Hit]:
    hits: list[Hit] = []
    prev: _Cand | None = None  # the previous date-like candidate (accepted or pending)
    prev_hits = 0  # how many hits the previous candidate produced (to undo them when joined)
    prev_deadline: Deadline | None = None
    floor = 0
    for c in items:
        if c.form == "time":
            # "trong vòng 12 giờ": a number of hours, not a clock time.
            if not (low.endswith("giờ", c.start, c.end) and isinstance(c.value, TimeOfDay) and c.value.minute == 0):
                continue
            c.form, c.value = "rel", Relative(amount=c.value.hour, unit=DurationUnit.HOUR)
        if c.form == "rel":
            h = _relative_hit(text, low, c, floor)
            if h is not None:
                hits.append(h)
                floor = h.end
            continue
        if c.form == "period":
            if isinstance(c.value, Period):
                hits.append(_period_hit(low, c, c.value, floor, context))
            prev, prev_hits, prev_deadline = None, 0, None
            floor = c.end
            continue
        v = c.value
        if not isinstance(v, VnDate):
            continue
        # The words right before the date decide most of what follows: read them once.
        tail = low[max(0, c.start - 12) : c.start].rstrip()
        # A period whose two ends are both candidates.
        if prev is not None and c.start - prev.end <= _JOIN_GAP:
            p = _try_join(low, prev, c)
            if p is not None:
                del hits[len(hits) - prev_hits :]
                start = prev.start
                fm = _FROM_BEFORE.search(low, max(0, start - 8), start)
                if fm is not None:
                    start = fm.start()
                hits.append(
                    _finish(
                        Hit(
                            start=start,
                            end=c.end,
                            kind=HitKind.PERIOD,
                            value=p,
                            parts=((prev.dstart, prev.dend), (c.dstart, c.dend)),
                        ),
                        context,
                    )
                )
                prev, prev_hits, prev_deadline = None, 0, None
                floor = c.end
                continue
        # A period whose left end is a bare day ("từ ngày 12 đến ngày 15-10").
        if v.day is not None and tail.endswith(_RANGE_ENDINGS):
            lo = max(floor, c.start - 40)
            bm = _BARE_LEFT_END.search(low, lo, c.start)
            if bm is not None:
                day = int(bm["n"])
                left = _mk(None, v.month, day) if not v.lunar else None
                if v.lunar and v.month is not None:
                    try:
                        left = VnDate(month=v.month, day=day, lunar=True, leap=v.leap)
                    except ValueError:
                        left = None
                if left is not None:
                    try:
                        p = join_ends(left, v)
                    except DateError:
                        p = None
                    if p is not None:
                        hits.append(
                            _finish(
                                Hit(
                                    start=bm.start(),
                                    end=c.end,
                                    kind=HitKind.PERIOD,
                                    value=p,
                                    parts=((bm.start("n"), bm.end("n")), (c.dstart, c.dend)),
                                ),
                                context,
                            )
                        )
                        prev, prev_hits, prev_deadline = None, 0, None
                        floor = c.end
                        continue
        # Days listed before this one share its month and year ("ngày 5 và 6/3/2024").
        if v.day is not None and not v.lunar and c.start == c.dstart and tail.endswith((",", "và")):
            lo = max(floor, c.start - 40)
            dl_back = _DAY_LIST_BACK.search(low, lo, c.start)
            if dl_back is not None:
                for n in _NUMBER_RE.finditer(low, dl_back.start("list"), dl_back.end("list")):
                    listed_day = _mk(v.year, v.month, int(n.group()))
                    if listed_day is not None:
                        first = n.start() == dl_back.start("list")
                        hits.append(
                            _finish(
                                Hit(
                                    start=dl_back.start() if first else n.start(),
                                    end=n.end(),
                                    kind=HitKind.DATE,
                                    value=listed_day,
                                ),
                                context,
                            )
                        )
                c.form = "date"
        # Accept or reject a year-less day that has no keyword before it.
        if c.form == "maybe":
            listed = prev is not None and prev_hits > 0 and _LIST_GAP.fullmatch(low, prev.end, c.start) is not None
            if not (listed or c.start < c.dstart or tail.endswith(_DAY_KEYWORDS)):
                prev, prev_hits, prev_deadline = c, 0, None  # may still be the left end of a range
                continue
            dl = _deadline_for(low, c, floor) if tail.endswith(_LEAD_ENDINGS) else None
            if dl is None and listed and prev_deadline is not None:
                dl = _same_kind(prev_deadline, c, v)
        else:
            dl = _deadline_for(low, c, floor) if tail.endswith(_LEAD_ENDINGS) else None
        n_before = len(hits)
        if c.form == "lunar":
            hits.append(_finish(Hit(start=c.start, end=c.end, kind=HitKind.DATE, value=v), context))
        else:
            if dl is not None:
                hits.append(
                    _finish(
                        Hit(
                            start=dl[0],
                            end=c.end,
                            kind=HitKind.DEADLINE,
                            value=dl[1],
                            time=c.time,
                            parts=((c.dstart, c.dend),),
                        ),
                        context,
                    )
                )
            date_hit = _NEW_TUPLE(
                Hit, (c.start, c.end, HitKind.DATE, v, c.time, ())
            )  # Hit() without its Python __new__
            if context is not None and v.year is None:
                date_hit = _finish(date_hit, context, deadline=dl is not None)
            hits.append(date_hit)
        prev, prev_hits, prev_deadline = c, len(hits) - n_before, dl[1] if dl else None
        floor = c.end
    # By start only (a stable sort: a deadline stays before the date it holds; the finders order
    # kinds at one position themselves).
    hits.sort(key=_START)
    return hits


def _period_hit(low: str, c: _Cand, p: Period, floor: int, context: datetime.date | None) -> Hit:
    start = c.start
    fm = _FROM_BEFORE.search(low, max(floor, start - 8), start)
    if fm is not None:
        start = fm.start()
    return _finish(Hit(start=start, end=c.end, kind=HitKind.PERIOD, value=p, parts=((c.dstart, c.dend),)), context)


def _finish(hit: Hit, context: datetime.date | None, *, deadline: bool = False) -> Hit:
    if context is None:
        return hit
    v = hit.value
    if type(v) is VnDate and v.year is not None:
        return hit  # already complete: the common case, without a call into complete()
    try:
        if isinstance(v, VnDate | Period):
            done: HitValue = complete(v, context, deadline=deadline)
        else:
            done = complete_deadline(v, context)
    except (DateError, ValueError):
        return hit
    if done is v:
        return hit
    return hit._replace(value=done)


# --------------------------------------------------------------------------- context date

# A date line: a place, a comma, then "ngày 13 tháng 01 năm 2020". The place starts a line or a
# table cell, or follows a wide gap on the line of "Số: …". The comma is found first (a literal,
# which the regex engine skips to at once); the place is then checked backwards from it.
_DATE_LINE: Final = re.compile(rf",{_O}ngày{_S}(?P<d>\d{{1,2}}){_S}tháng{_S}(?P<m>\d{{1,2}}){_S}năm{_S}(?P<y>\d{{4}})")
_PLACE_BEFORE: Final = re.compile(r"(?:^|\n|\||[ \t]{2})(?P<place>[^\n,|]{2,60})$")
_PLACE_REACH: Final = 64
# A labelled date: "Cập nhật lúc: 11:02 02/01/2021", "Đăng ngày 22-11-2019", "Ngày ban hành: 05/03/2020".
# Each pattern starts with a literal key word (fast to skip to); the words of the label before the
# key are checked backwards.
_NEWS_TAIL = (
    rf"{_O}:?{_O}\|?{_O}(?:\d{{1,2}}:\d{{2}}{_S})?(?P<d>\d{{1,2}})(?P<s>[/.-])(?P<m>\d{{1,2}})(?P=s)(?P<y>\d{{4}})"
)
_NEWS_LABELS: Final = (
    # (key word, pattern from it, what must stand before it, whether that is optional)
    ("cập", re.compile(rf"cập{_S}nhật(?:{_S}lúc)?{_NEWS_TAIL}"), re.compile(rf"ngày{_S}$"), True),
    ("đăng", re.compile(rf"đăng{_S}ngày{_NEWS_TAIL}"), re.compile(rf"ngày{_S}$"), True),
    ("đăng", re.compile(rf"đăng{_NEWS_TAIL}"), re.compile(rf"ngày{_S}$"), False),
    ("hành", re.compile(rf"hành{_NEWS_TAIL}"), re.compile(rf"ngày{_S}(?:ban|phát){_S}$"), False),
)
_NEWS_REACH: Final = 16  # the longest label before a key word ("ngày   phát   ")
_WEEK_RANGE: Final = re.compile(rf"\({_O}(?:từ{_S})?ngày{_S}[^()\n]{{3,40}}\)")
_TITLE_YEAR: Final = re.compile(rf"năm{_S}(?P<y>\d{{4}})(?!\d)")
_H1 = r"[^\S\n]{0,3}"
# A page stamp: a line holding only a date, maybe with a weekday and a clock time
# ("Thứ sáu 18/9/2020", "08:57 - 07/10/2024", "13/09/2023"), or a date in brackets ending a line.
_STAMP_LINE: Final = re.compile(
    rf"(?:^|\n){_H1}(?:(?:thứ{_S}[^\W\d_]{{1,4}}|chủ{_S}nhật),?{_H1})?(?:\d{{1,2}}:\d{{2}}{_H1}-?{_H1})?"
    rf"(?P<d>\d{{1,2}})(?P<s>[/.-])(?P<m>\d{{1,2}})(?P=s)(?P<y>\d{{4}})(?:,?{_H1}\d{{1,2}}:\d{{2}})?{_H1}(?=\n|$)"
    rf"|\({_H1}(?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})/(?P<y2>\d{{4}}){_H1}\){_H1}(?=\n|$)"
)


def lowered(text: str) -> str:
    """``text`` in lower case, position for position (the few characters that lower-case to two
    are left as they are)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    return low


def _date_lines(low: str, start: int, end: int) -> Iterator[tuple[int, datetime.date]]:
    for m in _DATE_LINE.finditer(low, start, end):
        comma = m.start()
        # The place holds no line break, bar or comma: its start is after the last one of these,
        # which three C-level searches find, so the pattern is tried at a few positions only.
        lo = max(start, comma - _PLACE_REACH)
        lo = max(lo, low.rfind("\n", lo, comma), low.rfind("|", lo, comma), low.rfind(",", lo, comma))
        place = _PLACE_BEFORE.search(low, lo, comma)
        if place is None:
            continue
        try:
            yield place.start("place"), datetime.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            continue


def _news_dates(low: str, start: int, end: int) -> Iterator[tuple[int, datetime.date]]:
    found: dict[int, datetime.date] = {}
    for key, rx, before, optional in _NEWS_LABELS:
        if low.find(key, start, end) < 0:  # the common case in a small window: decided by str.find
            continue
        for m in rx.finditer(low, start, end):
            s = m.start()
            head = before.search(low, max(start, s - _NEWS_REACH), s)
            if head is None and not optional:
                continue
            try:
                found.setdefault(head.start() if head else s, datetime.date(int(m["y"]), int(m["m"]), int(m["d"])))
            except ValueError:
                continue
    for s in sorted(found):
        yield s, found[s]


def stated_dates(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, datetime.date]]:
    """The dates a document states for itself in ``text[start:end]``: date lines ("Lạng Sơn, ngày 13
    tháng 01 năm 2020") and labelled dates ("Ngày ban hành: 05/03/2020", "Cập nhật lúc …"), each
    with its position, in order of position.

    >>> stated_dates("Số: 07/KH-UBND    Lạng Sơn, ngày 13 tháng 01 năm 2020")
    [(0, datetime.date(2020, 1, 13))]
    """
    return stated_dates_lowered(lowered(text), start, end)


def stated_dates_lowered(low: str, start: int = 0, end: int | None = None) -> list[tuple[int, datetime.date]]:
    """:func:`stated_dates` of a text already passed through :func:`lowered`."""
    end = len(low) if end is None else end
    found = [*_date_lines(low, start, end), *_news_dates(low, start, end)]
    found.sort()
    return found


def detect_context_date(text: str, *, title_year: bool = True) -> datetime.date | None:
    """The document's own date, for completing year-less values.

    In order: a date line ("Lạng Sơn, ngày 13 tháng 01 năm 2020"), a news date ("Cập nhật lúc:
    11:02 02/01/2021", "Đăng ngày: 22-11-2019"), a page stamp near the top ("Thứ sáu 18/9/2020",
    "08:57 - 07/10/2024", a title ending "(01/07/2010)"), the end of a bulletin's week
    "(từ ngày 25/3- 31/3/2019)". Failing these, and with ``title_year``, a first line naming
    its year ("Lịch tiếp công dân năm 2025") gives 1 July of that year: not the document's
    date, but the anchor that completes every year-less day into that year. None otherwise.

    >>> detect_context_date("UBND TỈNH LẠNG SƠN\\nLạng Sơn, ngày 13 tháng 01 năm 2020\\nKẾ HOẠCH")
    datetime.date(2020, 1, 13)
    """
    if not isinstance(text, str):
        return None
    return detect_context_date_lowered(lowered(text[:_CONTEXT_REACH]), title_year=title_year)


_CONTEXT_REACH: Final = 20000  # where a document states its own date: near its top


def detect_context_date_lowered(low: str, *, title_year: bool = True) -> datetime.date | None:
    """:func:`detect_context_date` of a text already passed through :func:`lowered`."""
    low = low[:_CONTEXT_REACH]
    for found in (_date_lines(low, 0, len(low)), _news_dates(low, 0, len(low))):
        first = next(found, None)
        if first is not None:
            return first[1]
    m = _STAMP_LINE.search(low, 0, 400)
    if m is not None:
        g = ("y", "m", "d") if m["y"] else ("y2", "m2", "d2")
        try:
            return datetime.date(int(m[g[0]]), int(m[g[1]]), int(m[g[2]]))
        except ValueError:
            pass
    m = _WEEK_RANGE.search(low)
    if m is not None:
        for h in scan(low[m.start() : m.end()]):
            if isinstance(h.value, Period) and h.value.end.has_year:
                return h.value.last_day()
    if title_year:
        first_line = low[: min(300, len(low))].split("\n", 1)[0]
        ty = _TITLE_YEAR.search(first_line)
        if ty is not None and 1900 <= int(ty["y"]) <= 2100:
            return datetime.date(int(ty["y"]), 7, 1)
    return None
