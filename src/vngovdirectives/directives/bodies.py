"""The names of bodies a task names: where a list of them ends, and the list split into its bodies.

"Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Tài chính, Xây dựng; Chủ tịch UBND các xã và tổ chức,
cá nhân có liên quan ‖ chịu trách nhiệm thi hành …" gives "Chánh Văn phòng UBND tỉnh", "Giám đốc Sở
Tài chính", "Giám đốc Sở Xây dựng", "Chủ tịch UBND các xã", "tổ chức, cá nhân có liên quan": a list is
cut where a new body starts (:data:`~vngovdirectives.directives.vocab.BODY_START`), a shared head
("các Sở: A, B") is given to each body, words of address ("các đồng chí") and asides in brackets are
left out. A body that "uỷ ban nhân dân các tỉnh, thành phố" names is kept whole.
"""

from __future__ import annotations

import re
from typing import Final

from vngovdirectives.directives.model import Assignee, AssigneeRole
from vngovdirectives.directives.page import Page, trim
from vngovdirectives.directives.units import plain
from vngovdirectives.directives.vocab import (
    BODY_START,
    COMMA_NAMES,
    HONORIFIC,
    IMPERATIVE,
    IMPERATIVE_START,
    word_starts,
)
from vngovdirectives.text.patterns import LOWER, UPPER
from vngovdirectives.text.vocab import rows

__all__ = ["BARE_PLURAL", "list_end", "shared_colon", "split_bodies", "starts_body"]

#: How far a list of bodies may run before its action.
_REACH: Final = 420
#: Action words inside a name, with the words one of which must stand before them (none: anywhere).
_NAME_PHRASES: Final = tuple(
    (re.compile(re.escape(r[0]).replace(r"\ ", r"\s{1,3}") + r"(?![\w])"), tuple(r[1].split("|")) if len(r) > 1 else ())
    for r in rows("name_phrases")
)
_VERB: Final = IMPERATIVE_START.pattern.replace("(?P<w>", "(?:")
#: What ends a list of bodies besides an action word: a colon, a dash before a verb ("Công an tỉnh - Chủ
#: trì …"), the end of a sentence, a line that opens a point or a sentence with a verb.
_LIST_STOP: Final = re.compile(
    rf":|\s[-–]\s{{1,3}}(?=[{LOWER}]|{_VERB})|\.(?=\s|$)|\n\s*(?=[-+•–*]|\d{{1,2}}[.)]|[a-zđ]\)|(?=[{UPPER}]){_VERB})"
)
#: Where a list may be cut: a separator, or (a comma lost) a capital office holder after a complete name.
_SEPARATOR: Final = re.compile(
    r"\s{0,2}(?:[,;]|\s(?:và|với|cùng))\s{1,3}|\s(?=(?:Giám đốc|Chủ tịch|Thủ trưởng|Chánh)\s)"
)
#: A head shared by the bodies after it: "Giám đốc các Sở: Tài chính, Xây dựng".
_HEADS: Final = r"Sở|Bộ|Ban|Cục|Vụ|Phòng|Tập\s{1,3}đoàn|sở|bộ|ban"
#: "các Sở:", "các Bộ, cơ quan:" — the head word given to each name after the colon.
_SHARED: Final = re.compile(
    rf"(?P<head>(?:các|Các)\s{{1,3}}(?P<word>{_HEADS})(?:,\s{{1,3}}(?:cơ\s{{1,3}}quan|ngành))?)\s{{0,2}}:\s{{0,3}}"
)
#: Plural heads a support list may name without a determiner ("phối hợp sở, ngành có liên quan").
BARE_PLURAL: Final = re.compile(r"(?:sở|cơ\s{1,3}quan|đơn\s{1,3}vị|địa\s{1,3}phương|ngành|tổ\s{1,3}chức)[\s,]")
_PAREN: Final = re.compile(r"\([^()]{0,160}\)")
_SHARED_BEFORE: Final = re.compile(
    rf"(?:các|Các)\s{{1,3}}(?:{_HEADS})(?:,\s{{1,3}}(?:cơ\s{{1,3}}quan|ngành))?\s{{0,2}}$"
)
_ASIDE: Final = re.compile(rf"\s{{0,2}}\([^()]{{0,160}}\)|\s[-–]\s{{1,3}}(?=[{LOWER}]).*$", re.DOTALL)
_EDGE: Final = " \t\r\n,;:-–.*("


def starts_body(text: str, pos: int) -> bool:
    """Whether the name of a body starts at ``pos`` ("Sở Y tế", "các sở, ngành", "Chủ tịch UBND …")."""
    return BODY_START.match(text, pos) is not None


def shared_colon(text: str, pos: int) -> bool:
    """Whether the colon at ``pos`` follows a head shared by the bodies after it ("các Sở: A, B")."""
    return _SHARED_BEFORE.search(text, max(0, pos - 24), pos) is not None


def list_end(text: str, start: int, end: int, *, bare: bool = False) -> int:
    """Where the list of bodies that starts at ``start`` ends and its action begins (``start`` when no
    body starts there; the stop when no action word follows: "1. Sở Tài chính:"); with ``bare``, the list
    may open with a plural head without its determiner ("cơ quan thanh tra")."""
    head = BODY_START.match(text, start, end) or (BARE_PLURAL.match(text, start, end) if bare else None)
    if head is None:
        return start
    limit = min(end, start + _REACH)
    for stop in _LIST_STOP.finditer(text, head.end(), limit):
        if not _SHARED_BEFORE.search(text, max(start, stop.start() - 24), stop.start()):
            limit = stop.start()  # a colon after "các Sở" shares the head, it does not end the list
            break
    for m in word_starts(IMPERATIVE, text, head.end(), limit):
        if _in_name(text, start, m.start()):
            continue
        return m.start()
    return limit


def _in_name(text: str, start: int, pos: int) -> bool:
    """An action word that is part of a name: "Ban Chỉ đạo", "trực thuộc Trung ương", "các tổ chức"."""
    if text.startswith("đạo", pos):
        return True
    before = text[max(start, pos - 12) : pos].rstrip().replace(",", " , ").split()
    last = before[-1] if before else ""
    return any(rx.match(text, pos) and (not after or last in after) for rx, after in _NAME_PHRASES)


def split_bodies(page: Page, start: int, end: int, role: AssigneeRole, *, bare: bool = False) -> list[Assignee]:
    """The bodies named in ``text[start:end]``, each once, in order; with ``bare``, a piece may also open
    with a plural head without its determiner ("phối hợp sở, ngành có liên quan")."""
    text = page.text
    out: list[Assignee] = []
    seen: set[str] = set()
    for ps, pe, prefix in _pieces(text, start, end, bare):
        s = _after_honorific(text, ps, pe)
        s, e = trim(text, s, _before_aside(text, s, pe), _EDGE)
        if e - s < 2 or not (BODY_START.match(text, s) or prefix or (bare and BARE_PLURAL.match(text, s))):
            continue
        own_head = prefix and BODY_START.match(text, s) is not None  # "Tập đoàn Điện lực" in "các Bộ, cơ quan: …"
        name = plain(prefix + text[s:e]) if prefix and not own_head else plain(text[s:e])
        if name not in seen:
            seen.add(name)
            out.append(Assignee(name=name, span=page.span(s, e), role=role))
    return out


def _pieces(text: str, start: int, end: int, bare: bool = False) -> list[tuple[int, int, str]]:
    """The pieces of a list: cut where a new body starts after a separator; the bodies after a shared
    head ("Giám đốc các Sở: A, B") each get the head ("Giám đốc Sở ")."""
    shared = _SHARED.search(text, start, end)
    if shared is not None:
        holder = _holder_start(text, start, shared.start())
        tail = _shared_tail(text, shared.end(), end)
        head = plain(text[holder : shared.start()] + " " + shared.group("word").capitalize()) + " "
        items = [(s, e, head) for s, e in _cut(text, shared.end(), tail, always=True)]
        return [*_cut_pieces(text, start, holder, bare), *items, *_pieces(text, tail, end, bare)]
    return _cut_pieces(text, start, end, bare)


def _cut_pieces(text: str, start: int, end: int, bare: bool) -> list[tuple[int, int, str]]:
    return [(s, e, "") for s, e in _cut(text, start, end, always=False, bare=bare)]


def _cut(text: str, start: int, end: int, *, always: bool, bare: bool = False) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at its separators (where a new body starts, unless ``always``); a name with a
    comma of its own ("Văn hóa, Thể thao và Du lịch") and asides in brackets are never cut."""
    keep = [m.span() for rx in (COMMA_NAMES, _PAREN) for m in rx.finditer(text, start, end)]
    cuts: list[tuple[int, int]] = []
    pos = start
    for m in _SEPARATOR.finditer(text, start, end):
        if any(a < m.start() < b for a, b in keep):
            continue
        sep = m.group().strip()
        if always and sep not in (",", ";"):
            continue
        new_body = BODY_START.match(text, m.end()) or (bare and sep == "và" and BARE_PLURAL.match(text, m.end()))
        if not always and sep != ";" and not new_body:
            continue
        cuts.append((pos, m.start()))
        pos = m.end()
    cuts.append((pos, end))
    return [c for c in cuts if c[1] > c[0]]


def _holder_start(text: str, start: int, at: int) -> int:
    """Where the office holder before a shared head starts ("…, ‖Giám đốc các Sở:")."""
    k = max(text.rfind(",", start, at), text.rfind(";", start, at))
    return start if k < 0 else k + 1


def _shared_tail(text: str, start: int, end: int) -> int:
    """Where the bodies after a shared head end: at ";" or at a separator before a new body."""
    k = text.find(";", start, end)
    stop = end if k < 0 else k
    for m in _SEPARATOR.finditer(text, start, stop):
        if BODY_START.match(text, m.end()):
            return m.start()
    return stop


def _after_honorific(text: str, s: int, e: int) -> int:
    s = trim(text, s, e, _EDGE)[0]
    m = HONORIFIC.match(text, s, e)
    return m.end() if m is not None else s


def _before_aside(text: str, s: int, e: int) -> int:
    m = _ASIDE.search(text, s, e)
    return m.start() if m is not None and m.start() > s else e
