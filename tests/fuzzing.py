"""The fuzz harness: every public entry point, the contract each keeps, and texts to feed them.

Used by ``tests/test_fuzz.py`` (hypothesis, a bounded number of examples, in CI) and by
``scripts/fuzz.py`` (a seeded random generator, a million calls and more, for a closing note).

The contract (``docs/api.md``): given a ``str``, a finder, reader or extractor never raises; a
parser raises only its own :class:`~vngovdirectives.errors.ParseError` subclass; whatever a
parser returns prints to a text that parses back to it; an extracted item exports to every
built-in format and ``load_json`` reads the ``json`` export back to an equal item. Given
anything but a ``str``, every entry point raises
:class:`~vngovdirectives.errors.InputTypeError` (a ``TypeError``).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any, Final

import attrs

import vngovdirectives as vg
from vngovdirectives import errors
from vngovdirectives.dates import complete, format_date
from vngovdirectives.deadlines import Recurring, complete_deadline, last_moment, next_due
from vngovdirectives.deadlines.workdays import add_working_days, count_working_days, is_working_day
from vngovdirectives.finding import detect_context_date
from vngovdirectives.graph import build_graph
from vngovdirectives.numbers import agency_name, is_known_code
from vngovdirectives.numbers.codes import is_national_code
from vngovdirectives.numbers.model import check as check_number
from vngovdirectives.plugins import available_formats, export, load_json
from vngovdirectives.references.relation import classify_relations
from vngovdirectives.text.decode import decode_bytes
from vngovdirectives.text.html import html_to_text, looks_like_html
from vngovdirectives.text.source import SourceText

#: Pieces real and hostile texts are made of: numbers, dates, deadlines, markup, entities, odd Unicode.
PIECES: Final = (
    "Số: 61/2018/NĐ-CP", "Công văn số 39/CV-BCĐ ngày 29/3/2019", "Quyết định số 1961/QĐUBND", "05-CT/TW",
    "83/2015/QH13", "55/2007/CĐT-UBND", "15972/SXD-QLN&", "&#272;", "&#x110;", "&amp;", "&nbsp;", "&", "1/A&",
    "5đ/QĐ-UBND", "1ỳ/Q", "0İ―Pΐ", "ngày 6/5/20", "<![19, ", "<![CDATA[x]]>", "<![if !supportLists]>", "<!--", "-->",
    "<p>", "</p>", "<script>var x = '12/QĐ-UBND';</script>", "<br/>", "<td>", "<", ">",
    "trước ngày 05/3", "chậm nhất vào ngày 25/4/2019", "trước 0 giờ ngày 01/4/2019", "trong quý II/2019",
    "trong thời hạn 15 ngày làm việc kể từ ngày nhận được hồ sơ", "kể từ ngày 01/10/2013", "đến năm 2025",
    "giai đoạn 2016 - 2020", "từ ngày 25/3 - 31/3/2019", "ngày 29 tháng 02 năm 2019", "ngày 31/12/9999",
    "tháng Giêng năm Giáp Tý", "ngày 15 tháng 8 âm lịch", "quý IV/9999", "năm 0000", "năm 10000",
    "Chỉ đạo, điều hành của UBND tỉnh trong tuần (từ ngày 25/12 - 31/12/9999)", "Yêu cầu Sở Y tế chủ trì, ",
    "phối hợp với Công an tỉnh báo cáo ", "Giao Sở\ud800 báo cáo.", "\udc80", "\x00", "\u2028", "\x85", "\ufeff",
    "Điều 1.", "Căn cứ Luật số 80/2015/QH13;", "Nơi nhận:", "KT. CHỦ TỊCH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CÔNG BÁO/Số 287 + 288/Ngày 08-4-2022", "Chỉ thị 16", "(Chỉ thị 16)", "=HYPERLINK(\"x\")", "\t", "\r\n",
    "\n\n", " ", "/", "-", ".", "ngày", "số", "Ð", "QD", "\u0301", "Q\u0110", "𝟙𝟚", "١٢/٣", "ǅ", "ﬁ",
)  # fmt: skip

_NON_TEXT: Final = (None, 1, 2.5, b"61/2018/ND-CP", ["x"], {"kind": "x"}, object())


def random_text(rng: random.Random, pieces: int = 6) -> str:
    """A text of a few pieces, random characters and, now and then, a long repetition."""
    out: list[str] = []
    for _ in range(rng.randint(0, pieces)):
        roll = rng.random()
        if roll < 0.6:
            out.append(rng.choice(PIECES))
        elif roll < 0.8:
            out.append("".join(chr(rng.choice((rng.randint(32, 126), rng.randint(0, 0x2FFF)))) for _ in range(3)))
        elif roll < 0.97:
            out.append(str(rng.randint(0, 99999)) + rng.choice("/-. ") + str(rng.randint(0, 9999)))
        else:
            out.append(rng.choice(PIECES) * rng.randint(2, 300))
    return "".join(out)


@attrs.frozen
class Target:
    """One public entry point: ``call(text)``, the errors its contract allows, and what to check."""

    name: str
    call: Callable[[str], object]
    allowed: tuple[type[BaseException], ...] = ()
    check: Callable[[str, Any], None] | None = None
    types: bool = True  # whether an argument of another type must raise InputTypeError
    accepts: tuple[type, ...] = (str,)  # the argument types it reads


def _reparses(parse: Callable[[str], object]) -> Callable[[str, Any], None]:
    def check(_text: str, value: object) -> None:
        again = parse(str(value))
        assert again == value, f"{parse.__name__}(str(value)) gives {again!r}, not {value!r}"

    return check


def _number_ok(text: str, value: Any) -> None:
    problem = check_number(value)
    assert problem is None, f"parse_number({text!r}) made an invalid number: {problem}"
    _reparses(vg.parse_number)(text, value)


def _spans_ok(text: str, found: Any) -> None:
    for m in found:
        assert text[m.start : m.end] == m.text, (m.start, m.end, m.text)
        number = getattr(m.value, "number", None) if m.kind.value == "reference" else m.value
        if m.kind.value in ("reference", "number") and number is not None:
            assert check_number(number) is None, f"finder made an invalid number {number!r}"


def exports_ok(_text: str, item: Any) -> None:
    for name in available_formats():
        export([item], to=name)
    assert load_json(export([item], to="json")) == [item]
    assert load_json(export([item], to="jsonl")) == [item]


def _context(text: str) -> dt.date:
    """A context date from the text's length, the extremes of the calendar included."""
    return (dt.date(1, 1, 1), dt.date(2019, 3, 31), dt.date(9999, 12, 31))[len(text) % 3]


def _resolve(text: str) -> object:
    deadline = complete_deadline(vg.parse_deadline(text), _context(text))
    return vg.resolve_deadline(deadline, start=_context(text))


def _last_moment(text: str) -> object:
    return last_moment(complete_deadline(vg.parse_deadline(text), _context(text)), start=_context(text))


def _next_due(text: str) -> object:
    deadline = vg.parse_deadline(text)
    return next_due(deadline, _context(text)) if isinstance(deadline, Recurring) else None


def _complete(text: str) -> object:
    return complete(vg.parse_date(text), _context(text), deadline=len(text) % 2 == 0)


def _workdays(text: str) -> object:
    day = _context(text)
    return (add_working_days(day, len(text) * 7), count_working_days(day, day), is_working_day(day))


def _as_bytes(call: Callable[[bytes], object]) -> Callable[[str], object]:
    def run(text: str) -> object:
        return call(
            text.encode("utf-8", "surrogatepass")[::-1] if len(text) % 2 else text.encode("utf-16-le", "surrogatepass")
        )

    return run


def _finder(find: Callable[..., Any], html: bool | None) -> Callable[[str], object]:
    def run(text: str) -> object:
        return list(find(text, html=html))

    run.__name__ = find.__name__
    return run


def _relations(text: str) -> object:
    """Relations of four spans that cut the text in quarters (none of an empty text)."""
    n = len(text)
    bounds = [(k * n // 4, min(n, max(k * n // 4 + 1, (k + 1) * n // 4))) for k in range(4)]
    return classify_relations(text, [(a, b, a == 0) for a, b in bounds if a < b])


def _graph(text: str) -> object:
    graph = build_graph([("a.txt", vg.extract(text)), ("b.txt", vg.extract(text[::-1]))])
    assert all(c.source in {d.key for d in graph.documents} for c in graph.citations)
    return graph


def targets() -> list[Target]:
    """Every public entry point with its contract."""
    e = errors
    out = [
        Target("parse_number", vg.parse_number, (e.DocumentNumberError,), _number_ok),
        Target("is_valid_number", vg.is_valid_number, types=False),
        Target("parse_date", vg.parse_date, (e.DateError,), _reparses(vg.parse_date)),
        Target("parse_period", vg.parse_period, (e.DateError,), _reparses(vg.parse_period)),
        Target("parse_time", vg.parse_time, (e.DateError,)),
        Target("parse_deadline", vg.parse_deadline, (e.DeadlineParseError,)),
        # complete_deadline raises DateError for a date no year near the context makes valid
        Target("resolve_deadline", _resolve, (e.DateError, e.DeadlineError, e.CalendarError), types=False),
        Target("last_moment", _last_moment, (e.DateError, e.DeadlineError, e.CalendarError), types=False),
        Target("next_due", _next_due, (e.DateError, e.DeadlineError, e.CalendarError), types=False),
        Target("complete", _complete, (e.DateError,), types=False),
        Target("add_working_days", _workdays, (e.CalendarError,), types=False),
        Target("format_date", lambda t: format_date(vg.parse_date(t)), (e.DateError,)),
        Target("parse_reference", vg.parse_reference, (e.DocumentReferenceError,)),
        Target("detect_context_date", detect_context_date),
        Target("agency_name", agency_name),
        Target("is_known_code", is_known_code),
        Target("is_national_code", is_national_code),
        Target("classify_relations", _relations, (e.SpanError,), types=False),
        Target("build_graph", _graph, (), types=False),
        Target("looks_like_html", looks_like_html),
        Target("html_to_text", html_to_text),
        Target("SourceText.read", lambda t: SourceText.read(t, html=None)),
        Target("load_json", load_json, (e.LoadError,), accepts=(str, bytes)),
        Target("load_json(bytes)", _as_bytes(load_json), (e.LoadError,), types=False),
        Target("decode_bytes", _as_bytes(decode_bytes), (e.SourceError,), types=False),
    ]
    for html in (False, True, None):
        for find in (vg.find_all, vg.find_references, vg.find_numbers, vg.find_dates, vg.find_periods):
            out.append(Target(f"{find.__name__}(html={html})", _finder(find, html), (), _spans_ok))
        for read in (vg.extract, vg.parse_bulletin, vg.parse_document):
            out.append(Target(f"{read.__name__}(html={html})", lambda t, r=read, h=html: r(t, html=h), (), exports_ok))
    out.append(Target("find_deadlines", _finder(vg.find_deadlines, False), (), _spans_ok))
    return out


def run_one(target: Target, text: str) -> None:
    """Call ``target`` on ``text``; raise AssertionError when it breaks its contract."""
    try:
        value = target.call(text)
    except target.allowed:
        return
    except Exception as exc:
        raise AssertionError(f"{target.name}({text!r}) raised {type(exc).__name__}: {exc}") from exc
    if target.check is not None:
        try:
            target.check(text, value)
        except AssertionError:
            raise
        except Exception as exc:
            raise AssertionError(
                f"{target.name}({text!r}) gave {value!r}, whose check raised {type(exc).__name__}: {exc}"
            ) from exc


def run_types(target: Target) -> None:
    """Call ``target`` with every kind of non-str argument; each must raise InputTypeError."""
    if not target.types:
        return
    for value in _NON_TEXT:
        if isinstance(value, target.accepts):
            continue
        try:
            target.call(value)  # type: ignore[arg-type]
        except errors.InputTypeError as exc:
            assert isinstance(exc, TypeError)
            continue
        except Exception as exc:
            raise AssertionError(f"{target.name}({value!r}) raised {type(exc).__name__}: {exc}") from exc
        raise AssertionError(f"{target.name}({value!r}) accepted a {type(value).__name__}")
