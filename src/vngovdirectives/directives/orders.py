"""The order a sentence gives: who must act (with what role), on which trigger, where the action starts.

Three shapes are read ("Yêu cầu Sở Y tế …" and "Giao UBND các huyện chủ trì, phối hợp với …" put the
trigger first; "Sở Tài chính chủ trì, phối hợp với Sở Xây dựng …" and "Các cơ quan … có trách nhiệm
…" put the bodies first; "Sở Y tế: tổ chức …" or "Công an tỉnh - Chủ trì …" name the body in a
heading). The bodies that "chủ trì" lead, those after "phối hợp (với)" support, the others are
responsible. A sentence that opens with a verb names nobody: :func:`imperative` tells what role it
gives to the body a heading named before it ("Chủ trì, phối hợp với …" → lead, "Phối hợp …" →
support).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final, NamedTuple

from vngovdirectives.directives.bodies import BARE_PLURAL, list_end, split_bodies, starts_body
from vngovdirectives.directives.model import Assignee, AssigneeRole, TaskKind
from vngovdirectives.directives.vocab import (
    BODY_START,
    CIRCUMSTANCES,
    CONTEXT_PREFIX,
    HONORIFIC,
    IMPERATIVE,
    IMPERATIVE_START,
    ISSUER_SUBJECT,
    LEADING_TRIGGERS,
    NOT_ORDERS,
    SENTENCE_OPENERS,
    SUBJECT_ADVERBIAL,
    TRAILING_AFTER_ADVERBIAL,
    TRAILING_TRIGGERS,
    TRIGGER_KIND,
    word_starts,
)
from vngovdirectives.text.vocab import words

if TYPE_CHECKING:
    from vngovdirectives.directives.page import Page

__all__ = [
    "Order",
    "heading",
    "hinted",
    "imperative",
    "leading_trigger",
    "may_order",
    "read_order",
    "support",
    "word_of",
]

_S: Final = r"\s{1,3}"
#: "chủ trì" as the verb of the sentence (not "cơ quan chủ trì").
_LEADS: Final = re.compile(rf"(?:Chủ|chủ){_S}trì(?![\w])")
#: What "chủ trì" after it names, not a verb: "cơ quan chủ trì", "đơn vị chủ trì".
_LEADS_NOT_AFTER: Final = ("quan ", "vị ")
#: Bodies that support: "… phối hợp (chặt chẽ) (với) Công an tỉnh và các cơ quan …".
_SUPPORT: Final = re.compile(rf"(?:Phối|phối){_S}hợp(?:{_S}chặt{_S}chẽ)?(?:{_S}với)?{_S}")
_NARRATIVE: Final = re.compile(r"(?:đã|vừa|đang|từng|cũng đã)\s{0,3}$")
_OPENER: Final = rf"(?:{SENTENCE_OPENERS}|Đối với [^,]{{1,80}}),\s{{1,3}}"
#: A circumstance before the subject: "Để xác định vị trí …, Ủy ban nhân dân tỉnh …", "Với vai trò …, Tập đoàn …".
_CIRCUMSTANCE: Final = rf"(?:{CIRCUMSTANCES}|[Vv]ới|[Kk]hi)\s[^;.:]{{1,200}}?,\s{{1,3}}(?={BODY_START.pattern})"
#: What stands before a sentence's subject: a bullet, and an opener ("- Đồng thời, Sở Y tế …").
_INTRO: Final = re.compile(rf"[-+•–*]\s{{0,3}}(?:{_OPENER})?|{_OPENER}|{_CIRCUMSTANCE}")
#: A heading that names a body and stops: "Sở Tài chính:", "Công an tỉnh - Chủ trì …", "Sở Nội vụ".
_HEADING_END: Final = re.compile(r"\s{0,3}(?::|[-–](?=\s))\s{0,3}|\s{0,3}$")
#: A capital verb that opens a sentence without a subject ("Tăng cường …", "Chủ trì, phối hợp …").
_IMPERATIVE_START: Final = re.compile(rf"[-+•–*\s]{{0,4}}{IMPERATIVE_START.pattern}")


#: Words after the bodies that make the sentence a report ("… thông báo để …", "… đã ban hành …").
_REPORTS: Final = frozenset(words("reporting_verbs"))
#: The role the verb right after the bodies gives them ("Sở A chủ trì …", "các đơn vị phối hợp …").
_ROLE_OF: Final = {"chủ trì": AssigneeRole.LEAD, "phối hợp": AssigneeRole.SUPPORT}


#: The first word of each leading trigger (lower case), for a quick look before the pattern is tried.
_TRIGGER_HINTS: Final = tuple(sorted({w.split()[0] for w in words("leading_triggers")}))
#: How far into a sentence a leading trigger is looked for.
_TRIGGER_REACH: Final = 400


class Order(NamedTuple):
    """What a sentence orders: ``assignees`` (the subject's bodies, then those that support), ``kind``, the
    ``trigger`` word's span, where the ``action`` starts, and whether a trigger came first (``led``)."""

    kind: TaskKind
    assignees: tuple[Assignee, ...]
    action: int
    trigger: tuple[int, int] | None
    led: bool


#: What a sentence that gives an order may open with: a bullet, then a body, words of address, an opener or a
#: circumstance (the rest of :func:`read_order` decides).
_MAY_OPEN: Final = re.compile(
    rf"[-+•–*\s]{{0,4}}(?:{BODY_START.pattern}|{HONORIFIC.pattern}|{SENTENCE_OPENERS}|{CIRCUMSTANCES}"
    r"|Đối với|[Vv]ới|[Kk]hi)"
)


def hinted(page: Page, start: int, end: int) -> bool:
    """Whether the first word of a leading trigger stands (in any case) near the start of ``text[start:end]``:
    without one, :func:`leading_trigger` finds none. (One ``str.find`` a word, faster than a search of their
    alternation: 1.0 against 2.5 µs over 400 characters; the walk over a document's items asks for
    every sentence. A loop, not ``any()`` of a generator, which costs 15 % more.)"""
    low, stop = page.source.low, min(end, start + _TRIGGER_REACH)
    for word in _TRIGGER_HINTS:  # noqa: SIM110 - see above
        if low.find(word, start, stop) >= 0:
            return True
    return False


def may_order(page: Page, start: int, end: int, hint: bool | None = None) -> bool:
    """A quick look: whether ``text[start:end]`` may give an order (a trigger word in it, or a body, an opener
    or a circumstance where it opens). False means :func:`read_order` would find none. ``hint``: what
    :func:`hinted` says of it, when already asked."""
    if hinted(page, start, end) if hint is None else hint:
        return True
    return _MAY_OPEN.match(page.text, start, end) is not None


def word_of(m: re.Match[str]) -> str:
    """The trigger word of a match, its white space collapsed and lower-cased."""
    return " ".join(m.group("w").split()).casefold()


def leading_trigger(text: str, start: int, end: int, hint: bool = True) -> re.Match[str] | None:
    """The first "Yêu cầu / Đề nghị / Giao / Chỉ đạo" of the sentence that starts the order: at the
    start, after the issuer ("UBND tỉnh yêu cầu"), or after a circumstance ("Theo …, đề nghị"). ``hint``
    False: :func:`hinted` said that none stands there (the common case)."""
    if not hint:
        return None
    stop = min(end, start + _TRIGGER_REACH)
    for lead in word_starts(LEADING_TRIGGERS, text, start, stop):
        prefix = text[start : lead.start()]
        if prefix.endswith(("Ban ", "Ban chỉ ")):
            continue
        if (
            prefix.strip(" \t\n-+•–*") == ""
            or prefix.rstrip().endswith((";", ":"))
            or ISSUER_SUBJECT.match(prefix)
            or CONTEXT_PREFIX.match(prefix)
        ):
            return lead
    return None


def read_order(page: Page, start: int, end: int, *, acting: bool = False, hint: bool | None = None) -> Order | None:
    """The order ``text[start:end]`` gives, or None when it names no body that must act. With ``acting``
    (a document's own text), the body before "chỉ đạo" acts too: "Chủ tịch UBND cấp xã chỉ đạo Ban Chỉ huy …"
    is a task of both."""
    text = page.text
    lead = leading_trigger(text, start, end, hinted(page, start, end) if hint is None else hint)
    if lead is not None:
        order = _led(page, lead, end)
        if acting and word_of(lead) == "chỉ đạo":
            first = _skip_intro(text, start, lead.start())
            stop = list_end(text, first, lead.start() + 1)
            if starts_body(text, first) and stop >= lead.start() - 1:  # the subject's names, then "chỉ đạo"
                subject = split_bodies(page, first, lead.start(), AssigneeRole.RESPONSIBLE)
                order = order._replace(assignees=(*subject, *order.assignees))
        return order
    first = _skip_intro(text, start, end)
    if not starts_body(text, first):
        return None
    stop = list_end(text, first, end)
    if stop <= first:
        return None
    adverbial = SUBJECT_ADVERBIAL.match(text, stop, end)
    verb = adverbial.end() if adverbial is not None else stop
    said = IMPERATIVE.match(text, verb)
    if said is not None and word_of(said) in _REPORTS:
        return None  # "Văn phòng Chính phủ thông báo để …, thực hiện": who tells, not who must act
    trail = (
        TRAILING_TRIGGERS.match(text, verb)
        or TRAILING_AFTER_ADVERBIAL.match(text, verb, end)
        or _imperative_at(text, first, verb)
    )
    if trail is None:
        return None
    word = word_of(trail)
    role = _ROLE_OF.get(word, AssigneeRole.RESPONSIBLE)
    bodies = split_bodies(page, first, stop, role)
    if not bodies:
        return None
    action = trail.start("w")
    kind = TRIGGER_KIND.get(word, TaskKind.OTHER)
    return Order(kind, (*bodies, *support(page, action, end)), action, trail.span("w"), led=False)


def _led(page: Page, lead: re.Match[str], end: int) -> Order:
    text = page.text
    kind = TRIGGER_KIND.get(word_of(lead), TaskKind.OTHER)
    body_start = lead.end()
    stop = list_end(text, body_start, end)
    bodies = split_bodies(page, body_start, stop, AssigneeRole.RESPONSIBLE) if stop > body_start else []
    action = stop if bodies else body_start
    verb = IMPERATIVE.match(text, action)
    given = _ROLE_OF.get(word_of(verb)) if verb is not None else None
    if bodies and given is not None:
        bodies = [Assignee(name=a.name, span=a.span, role=given) for a in bodies]
    return Order(kind, (*bodies, *support(page, action, end)), action, lead.span("w"), led=True)


def support(page: Page, start: int, end: int) -> list[Assignee]:
    """The bodies after the first "phối hợp (với)" of ``text[start:end]``."""
    text = page.text
    m = next(word_starts(_SUPPORT, text, start, end), None)
    if m is None:
        return []
    s = m.end()
    if not (starts_body(text, s) or BARE_PLURAL.match(text, s)):
        return []
    stop = list_end(text, s, end) if starts_body(text, s) else _bare_end(text, s, end)
    return split_bodies(page, s, stop, AssigneeRole.SUPPORT, bare=True) if stop > s else []


def _bare_end(text: str, start: int, end: int) -> int:
    """The end of a support list that opens without a determiner ("sở, ngành có liên quan thực hiện")."""
    return list_end(text, start, min(end, start + 200), bare=True)


def heading(page: Page, start: int, end: int) -> tuple[list[Assignee], int] | None:
    """The bodies a heading names and where what follows them starts: "Sở Tài chính:", "Công an tỉnh - Chủ
    trì …", or a line that is only a name ("1. Bộ Chỉ huy Quân sự tỉnh"); None otherwise."""
    text = page.text
    if not starts_body(text, start):
        return None
    stop = list_end(text, start, end)
    m = _HEADING_END.match(text, stop, end)
    if stop <= start or m is None:
        return None
    bodies = split_bodies(page, start, stop, AssigneeRole.RESPONSIBLE)
    return (bodies, m.end()) if bodies else None


def imperative(text: str, start: int, end: int, *, any_case: bool = False) -> AssigneeRole | None:
    """The role a sentence that opens with a verb gives to the body named before it: lead for "Chủ trì …"
    (or a "chủ trì" later in it), support for "Phối hợp …", responsible for any other verb; None when the
    sentence does not open with a verb."""
    m = _IMPERATIVE_START.match(text, start, end)
    if m is None or not (any_case or m.group("w")[:1].isupper()):
        return None
    word = word_of(m)
    if word in NOT_ORDERS:
        return None
    if word == "chủ trì" or any(
        not text.endswith(_LEADS_NOT_AFTER, 0, lead.start()) for lead in word_starts(_LEADS, text, m.end(), end)
    ):
        return AssigneeRole.LEAD
    if word == "phối hợp":
        return AssigneeRole.SUPPORT
    return AssigneeRole.RESPONSIBLE


def _imperative_at(text: str, first: int, stop: int) -> re.Match[str] | None:
    """An action verb right after the bodies that start a sentence ("Các cơ quan … tiếp tục rà soát"),
    unless the sentence narrates ("UBND tỉnh đã ban hành …")."""
    m = IMPERATIVE.match(text, stop)
    if m is None or word_of(m) in NOT_ORDERS or _NARRATIVE.search(text, first, stop):
        return None
    return m


def _skip_intro(text: str, start: int, end: int) -> int:
    """Past a bullet, an opener ("Đồng thời, …") and words of address ("Các đồng chí …")."""
    m = _INTRO.match(text, start, end)
    pos = m.end() if m is not None else start
    h = HONORIFIC.match(text, pos, end)
    return h.end() if h is not None else pos
