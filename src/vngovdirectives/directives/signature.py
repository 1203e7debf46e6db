"""The end of a document: who signs it ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Hồ Tiến Thiệu") and who receives it.

The signer block is a capacity line (:data:`AUTHORITY`, "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"),
a position line ("PHÓ CHỦ TỊCH") and the signer's name; the recipients follow "Nơi nhận:", the
addressees "Kính gửi:".
"""

from __future__ import annotations

import re
from typing import Final

from vngovdirectives.directives.model import Mention, Signer
from vngovdirectives.directives.page import Page, clean, trim
from vngovdirectives.text.patterns import alternation
from vngovdirectives.text.vocab import words

__all__ = ["AUTHORITY", "RECIPIENTS", "recipients", "signer"]

RECIPIENTS: Final = re.compile(r"(?P<w>Nơi\s{1,3}nhận|Kính\s{1,3}gửi)\s{0,3}:?", re.IGNORECASE)
#: A capacity line: "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN".
AUTHORITY: Final = re.compile(rf"{alternation(words('signing_capacities'))}\.\s{{0,3}}[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ\s.]{{2,60}}$")
_POSITIONS: Final = alternation(words("signer_positions"), r"\s{1,3}")
_POSITION: Final = re.compile(rf"(?:PHÓ\s{{1,3}})?{_POSITIONS}(?:\s[A-ZĐÀ-Ỹ\s]{{0,40}})?$")
_NAME: Final = re.compile(
    r"(?!Chương|Điều|Mục|Phần|Phụ lục|Nơi|Kính)(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]{0,7}\s{1,2}){1,4}[A-ZĐÀ-Ỹ][a-zà-ỹđ]{0,7}$"
)
_SIGNED: Final = re.compile(r"\(?\s{0,3}(?:Đã\s{1,3}ký|đã\s{1,3}ký|ký)\s{0,3}\)?\.?$")
_RECIPIENT_ITEM: Final = re.compile(r"[^;]+")
#: A deputy's position on the capacity line itself: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH".
_DEPUTY_AFTER: Final = re.compile(r"\s(PHÓ\s{1,3}[A-ZĐÀ-Ỹ ]{4,30})$")


def recipients(page: Page, segs: list[tuple[int, int]], start: int, *, kinh_gui_only: bool = False) -> list[Mention]:
    """The items after "Nơi nhận:" (after ``start``) and after "Kính gửi:" (anywhere)."""
    text = page.text
    out: list[Mention] = []
    i = 0
    n = len(segs)
    while i < n:
        s, e = segs[i]
        m = RECIPIENTS.match(text, s, e) if s >= start or text.startswith("Kính", s) else None
        if m is not None and kinh_gui_only and not m.group("w").startswith("Kính"):
            m = None
        if m is None:
            i += 1
            continue
        pieces = [(m.end(), e)]
        i += 1
        while i < n:
            s2, e2 = segs[i]
            piece = text[s2:e2]
            if not piece.startswith(("-", "+", "•", "–")) or AUTHORITY.match(piece) or _POSITION.match(piece):
                break
            pieces.append((s2, e2))
            i += 1
        for ps, pe in pieces:
            for part in _RECIPIENT_ITEM.finditer(text, ps, pe):
                a, b = trim(text, part.start(), part.end(), " \t-+•–;,.")
                if b - a >= 2:
                    out.append(Mention(text=clean(text[a:b]), span=page.span(a, b)))
    return out


def signer(page: Page, segs: list[tuple[int, int]], start: int) -> tuple[Signer | None, int | None]:
    """The signer block near the end: authority ("KT. CHỦ TỊCH"), position, name."""
    text = page.text
    tail = [(s, e) for s, e in segs if s >= start][-40:]
    authority: tuple[int, int] | None = None
    position: tuple[int, int] | None = None
    name: tuple[int, int] | None = None
    first: int | None = None
    for s, e in tail:
        piece = text[s:e]
        if authority is None and position is None and AUTHORITY.match(piece):
            authority, first = (s, e), s
            continue
        if position is None and _POSITION.fullmatch(piece) and (authority is not None or len(piece) < 40):
            position = (s, e)
            first = first if first is not None else s
            continue
        if (authority or position) and name is None and _NAME.fullmatch(piece) and not _SIGNED.fullmatch(piece):
            name = (s, e)
    if authority is None and position is None:
        return None, None
    if authority is not None and position is None:
        # "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" is caught above; "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" on one line here.
        m = _DEPUTY_AFTER.search(text[authority[0] : authority[1]])
        if m is not None:
            position = (authority[0] + m.start(1), authority[1])
            authority = (authority[0], authority[0] + m.start())
    pieces = [p for p in (authority, position, name) if p is not None]
    span = page.span(min(p[0] for p in pieces), max(p[1] for p in pieces))
    found = Signer(
        span=span,
        authority=page.mention(*authority) if authority else None,
        position=page.mention(*position) if position else None,
        name=page.mention(*name) if name else None,
    )
    return found, first
