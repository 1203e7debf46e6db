"""The outline of a document's body: its articles, points and bullets, nested, and its paragraphs.

Each line that opens with a label ("Điều 3.", "II.", "1.", "1.2.", "a)", "(1)", "-", "+") starts an
item; a line that opens a paragraph (after a blank line, or a capital after a finished sentence) starts
one too; any other line goes on with the item before it, so a sentence broken over lines (as web pages
and gazette PDFs print them) stays one. Items nest by their kind of label, the way a reader sees it: a
kind met again closes the items opened after it. A plan's field lines ("Đơn vị chủ trì: …", "Thời gian
thực hiện: …") are items of their own, with the role they give.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final, NamedTuple

from vngovdirectives.directives.vocab import BODY_START
from vngovdirectives.text.patterns import S, alternation
from vngovdirectives.text.vocab import rows

if TYPE_CHECKING:
    from vngovdirectives.directives.units import Unit

__all__ = ["FIELD", "Item", "outline"]

_LABEL: Final = re.compile(
    r"(?P<article>Điều\s{1,3}(?P<an>\d{1,3}[a-z]?)\s{0,3}[.:]?(?=\s))"
    r"|(?P<chapter>(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s{1,3}[IVXLC\d]{1,6}\b)"
    r"|(?P<roman>(?P<rn>[IVX]{1,5})\s{0,2}[.)/-]\s)"
    r"|(?P<num>(?P<nn>\d{1,2}(?:\.\d{1,2}){0,3})(?P<np>[.)])(?=\s)|(?P<nd>\d{1,2}(?:\.\d{1,2}){1,3})(?=\s))"
    r"|(?P<paren>\((?P<pn>\d{1,2}|[a-zđ]|[ivx]{1,4})\)\s)"
    r"|(?P<letter>(?P<ln>[a-zđ])\s{0,2}[).]\s)"
    r"|(?P<dash>[-–—•·]\s{0,3}(?=\S))"
    r"|(?P<plus>\+\s{0,3}(?=\S))"
)
#: An article or chapter label broken after its word ("Điều\\n1. Phạm vi", "Chương\\nI").
_SPLIT_LABEL: Final = re.compile(
    r"(?P<article>Điều\s{1,3}(?P<an>\d{1,3}[a-z]?)\s{0,3}[.:]?(?=\s))"
    r"|(?P<chapter>(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s{1,3}[IVXLC\d]{1,6}\b)"
)
#: The characters a label (of :data:`_LABEL` or :data:`_SPLIT_LABEL`) may open with, besides a digit: a unit that
#: opens with another ("Sở …", "UBND …", "Tăng cường …", a quarter of the lines) is not tried against the patterns
#: (the outline of every unit of the real documents: 0.283 s -> 0.270 s, medians of 3 interleaved runs).
_LABEL_FIRST: Final = frozenset("ĐCMPIVX(-–—•·+abcdefghijklmnopqrstuvwxyzđ")
_FIELDS: Final = sorted(((r[0], r[1]) for r in rows("plan_fields")), key=lambda r: -len(r[0]))
#: A plan's field line: "Đơn vị chủ trì thực hiện: …", "*Thời gian thực hiện:* …".
FIELD: Final = re.compile(
    r"(?P<label>" + alternation((f for f, _ in _FIELDS), S, capital=True) + r")[\s*]{0,4}:[\s*]{0,4}"
)
_FIELD_FIRST: Final = frozenset(c for f, _ in _FIELDS for c in (f[0].upper(), f[0].lower()))
_FIELD_ROLE: Final = {" ".join(f.casefold().split()): role for f, role in _FIELDS}
_SENTENCE_DONE: Final = tuple(".;:!?…")


class Item(NamedTuple):
    """One article, point, bullet, paragraph or field line of the outline.

    ``kind`` is the label's kind ("article", "roman", "num1" … "num4", "num)", "paren", "letter", "dash",
    "plus"; "para" for a paragraph without a label; "field" for a field line, whose ``role`` says what
    it names: lead, support, responsible, time, content), ``label`` the label as printed ("Điều 3",
    "1.2", "a"; None for bullets and paragraphs), ``body`` where the text after the label starts, ``end``
    where the item's own text ends (its children follow), ``parent`` the index of the item it belongs to
    (-1 at the top).
    """

    kind: str
    label: str | None
    start: int
    body: int
    end: int
    parent: int
    role: str | None = None


def outline(text: str, units: list[Unit]) -> list[Item]:
    """The items of ``units`` (the non-rule units of a body, in order)."""
    items: list[Item] = []  # as first read; each one's parent and end are kept apart until the end
    parents: list[int] = []
    ends: list[int] = []  # each item's end, grown by the lines that go on with it
    stack: list[int] = []  # indices of the open labelled items
    prev: Unit | None = None
    body = -1  # where the text of the last item starts (-1: no item yet)
    for u in units:
        start, end, line, rule = u
        if rule:
            continue
        # The common case decided without a pattern: a line that opens with a small letter (not a label "a)")
        # goes on with the item before, a blank line between or not (some pages print each line as a paragraph).
        # Inline, with the unit unpacked once: the outline of the real documents 0.273 s -> 0.26 s.
        if body >= 0 and line[0].islower() and start >= body and not (len(line) > 1 and line[1] in ")."):
            ends[-1] = max(ends[-1], end)
            prev = u
            continue
        new = _item(text, u, prev)
        last = items[-1] if items else None
        if (
            new is None
            and last is not None
            and last.kind == "article"
            and prev is not None
            and _titled(text, last, prev, u)
        ):
            new = Item("para", None, start, start, end, -1)  # the line after an article's title
        if last is not None and (new is None or start < body or (new.kind == "para" and body >= ends[-1])):
            ends[-1] = max(end, ends[-1])
        else:
            item = new or Item("para", None, start, start, end, -1)
            parents.append(_parent(items, stack, item.kind))
            items.append(item)
            ends.append(item.end)
            body = item.body
            if item.kind not in ("para", "field"):
                stack.append(len(items) - 1)
        prev = u
    return [
        Item(it.kind, it.label, it.start, it.body, e, p, it.role) for it, p, e in zip(items, parents, ends, strict=True)
    ]


def _titled(text: str, article: Item, prev: Unit, u: Unit) -> bool:
    """An article's title line ("Điều 5. Trách nhiệm của Sở Tài chính") ends with its line when the line after
    it opens a sentence with a body ("Sở Tài chính có trách nhiệm …") and the title neither runs on nor is
    itself the start of a list of bodies ("Điều 4. Chánh Văn phòng / UBND tỉnh, …")."""
    if not (prev.start <= article.start < prev.end and article.body < prev.end):
        return False
    if prev.text.endswith((",", ";", ":", "-", "–")) or BODY_START.match(text, article.body):
        return False
    return BODY_START.match(u.text) is not None


def _item(text: str, u: Unit, prev: Unit | None) -> Item | None:
    """The item unit ``u`` starts, or None when it goes on with the one before."""
    first = text[u.start]
    m = (
        _LABEL.match(text, u.start, u.end + 1) or _SPLIT_LABEL.match(text, u.start, u.end + 12)
        if first in _LABEL_FIRST or first.isdecimal()
        else None
    )
    bullet = m is not None and m.lastgroup in ("dash", "plus")
    if m is not None and (m.end() < u.end or not bullet):
        kind, label = _kind(m)
        body = _skip(text, m.end(), min(len(text), max(u.end, m.end() + 8)))
        field = FIELD.match(text, body) if bullet and text[body : body + 1] in _FIELD_FIRST else None
        if field is None or _role(field) == "content":
            return Item(kind, label, u.start, body, u.end, -1)
        m = None
        u = u._replace(start=body)
    f = FIELD.match(text, u.start) if text[u.start] in _FIELD_FIRST else None
    if f is not None and f.start() < u.end and _role(f) != "content":
        return Item("field", None, u.start, f.end(), max(u.end, f.end()), -1, _role(f))
    if prev is None or text.count("\n", prev.end, u.start) >= 2 or _new_paragraph(prev.text, u.text):
        return Item("para", None, u.start, u.start, u.end, -1)
    return None


def _role(field: re.Match[str]) -> str | None:
    return _FIELD_ROLE.get(" ".join(field.group("label").casefold().split()))


def _new_paragraph(before: str, line: str) -> bool:
    """A finished sentence before, and a capital (or a digit) to open this line; or a heading in capitals
    before a line that is not."""
    if not (line[:1].isupper() or line[:1].isdigit()):
        return False
    return before.rstrip("*").endswith(_SENTENCE_DONE) or (before[:80].isupper() and not line[:80].isupper())


def _kind(m: re.Match[str]) -> tuple[str, str | None]:
    kind = m.lastgroup or "para"
    if kind == "article":
        return "article", f"Điều {m.group('an')}"
    if kind == "roman":
        return "roman", m.group("rn")
    if kind == "num":
        n = m.group("nn") or m.group("nd")
        return ("num)" if m.group("np") == ")" else f"num{n.count('.') + 1}"), n
    if kind in ("paren", "letter"):
        return kind, m.group("pn" if kind == "paren" else "ln")
    return kind, None


def _skip(text: str, pos: int, end: int) -> int:
    end = min(end, len(text))  # a label at the very end of the text ("… Điều 1.")
    while pos < end and text[pos] in " \t\r\n*":
        pos += 1
    return pos


def _parent(items: list[Item], stack: list[int], kind: str) -> int:
    """The parent of a new item of ``kind``; the stack is closed down to it (a kind met again closes the
    items opened after it; an article or chapter closes everything)."""
    if kind in ("para", "field"):
        return stack[-1] if stack else -1
    if kind in ("article", "chapter"):
        while stack and items[stack[-1]].kind != "chapter":
            stack.pop()
        if kind == "chapter":
            stack.clear()
        return stack[-1] if stack else -1
    for k in range(len(stack) - 1, -1, -1):
        if items[stack[k]].kind == kind:
            del stack[k:]
            break
    return stack[-1] if stack else -1
