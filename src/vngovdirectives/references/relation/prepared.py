"""One text prepared for classifying its references: the references masked out, the sentence
breaks, every cue found, the lists of references, the lists headed by a colon-ended cue.

Everything here is found once per text, by patterns that run in linear time; the classifier
(:mod:`~vngovdirectives.references.relation.scan`) then only looks things up by binary search.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Final

import attrs

from vngovdirectives.references.relation.cues import (
    MASK,
    MODAL,
    OPENERS,
    OTHERS,
    SUBJECT,
    Cue,
    Genre,
    Where,
    cue_of,
)
from vngovdirectives.references.relation.model import ACTS, REVERSE, RefSpan, Relation
from vngovdirectives.text.normalize import lowered

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["LINK", "CueHit", "CueText", "infer_genre"]

LINK: Final = 300  # most characters between two references of one list
TAIL: Final = 150  # most characters of a reference's description ("của Chính phủ về việc …")
LIST_REACH: Final = 3000  # most characters of a list headed by a colon-ended cue
_SUBJECT_REACH: Final = 250  # how far before a reverse cue its subject is looked for (quoted words included)
_MODAL_REACH: Final = 120  # how far before an act a task word is looked for

_OPENER_KINDS: Final = (Where.OPENS, Where.SENTENCE, Where.LEADS)
_LISTING: Final = REVERSE | ACTS | {Relation.BASIS}  # may head a list
_BREAK: Final = re.compile(
    r"[;:.!?][ \t\"”’)*_]*\n|\n[ \t]*\n|\||\n(?=[ \t]*\d{1,3}[ \t]*\n)"
    r"|\n(?=[ \t*_]*(?:[-+•–]|\d{1,2}[.)]\s|[a-zđ]\)|Điều\s+\d|Chương\s|QUYẾT ĐỊNH|CHỈ THỊ|NGHỊ QUYẾT"
    r"|Ngày\s+\d|Tại\s|Theo\s))"
    # not after "No." of a translation; the look-behind stands after the mark, so that every branch
    # opens with a character and the engine skips to the next candidate (2.6 times faster on 1 MB)
    r"|[.!?…](?<!\bNo.)(?<!\bno.)[\"”’)]*[ \t]+(?=[\"“(*]*(\S))"
)
_DOC_LINE: Final = re.compile(
    r"^[ \t|*#>]*(?:(QUYẾT ĐỊNH|CHỈ THỊ|KẾ HOẠCH|NGHỊ QUYẾT|NGHỊ ĐỊNH|THÔNG TƯ|THÔNG BÁO|HƯỚNG DẪN|CÔNG ĐIỆN"
    r"|CÔNG VĂN|TỜ TRÌNH|BÁO CÁO|KẾT LUẬN|QUY CHẾ|QUY ĐỊNH|CHƯƠNG TRÌNH|ĐỀ ÁN|LUẬT|BỘ LUẬT|PHÁP LỆNH)"
    r"\b([^\n]{0,200})|Kính gửi)",
    re.MULTILINE,
)
_ID: Final = r"(?:\d{1,3}[a-zđ]?|[IVXLC]{1,6}|[a-zđ])(?!\w)"
_PIECE: Final = (
    rf"(?:(?:điểm|khoản|điều|chương|mục|phần|phụ lục|mẫu số|mẫu)\s+{_ID}(?:\s*(?:,|và)\s*{_ID}){{0,8}}"
    # parts named without a number: "thay thế Phụ lục ban hành kèm theo …", "bãi bỏ một số điều của …"
    r"|(?:các\s+)?(?:phụ lục|biểu mẫu|mẫu biểu|danh mục|cụm từ)(?!\s+(?:số\s+)?[0-9IVXLC])"
    r"|một\s+số\s+(?:điều|khoản|điểm|nội\s+dung|quy\s+định))"
)
_PART: Final = re.compile(rf"(?<!\w){_PIECE}(?:(?:\s*,\s*|\s+và\s+|\s+)(?:của\s+)?{_PIECE}){{0,5}}", re.IGNORECASE)
_PART_TAIL: Final = re.compile(r"[\s,]*(?:của)?\s*\Z", re.IGNORECASE)
_PART_SUBJECT: Final = re.compile(
    r"(?<!\w)(?:điều|khoản|điểm|đoạn|tiết|chương|mục|phần|phụ lục|biểu mẫu|mẫu)\s+\Z", re.IGNORECASE
)
#: The words that join an act's object to the document it is in: "… tại", "… ban hành kèm theo".
_CONNECTORS: Final = re.compile(
    r"(?:\s|,|:|\(|(?<!\w)(?:tại|của|trong|thuộc|theo|quy định tại|ban hành kèm theo|kèm theo|được ban hành"
    r"|đã ban hành|ban hành|và|toàn bộ|các|những|văn bản|sau|sau đây|số"
    r"|the|of|No\.?|Government's|Circular|Decree|Decision|Resolution|Law|Joint)(?!\w))*\Z",
    re.IGNORECASE,
)
#: What names the document itself, not a part of it ("các văn bản sau", "toàn bộ").
_WHOLE: Final = re.compile(r"(?:toàn bộ|các|những)?\s*(?:văn bản|nội dung)?\s*(?:sau(?: đây)?)?:?", re.IGNORECASE)
_COORDINATED: Final = (["và"], ["đồng", "thời"], ["và", "đồng", "thời"], ["đồng", "thời", "và"])
#: "… sau (đây)" right before a verb that ends its line with a colon: the list below is what it acts on.
_FOLLOWING: Final = re.compile(r"(?<!\w)sau(?:\s+đây)?\s*\Z", re.IGNORECASE)
_ISSUER: Final = re.compile(r"(?<!\w)của\s", re.IGNORECASE)
#: What follows a verb that heads a list: the rest of its line, ending with a colon ("bãi bỏ các
#: văn bản sau:"), or a heading that names documents with no colon, right above numbered items
#: ("Điều 1. Bãi bỏ toàn bộ một số văn bản quy phạm pháp luật …\n\n1. Quyết định số …").
_LIST_INTRO: Final = re.compile(
    rf"(?:[^\n:;.{MASK}]|\n(?![ \t]*\n)){{0,60}}:[ \t*_]*\n"  # a line may break inside it ("các Quyết\nđịnh sau:")
    rf"|[^\n:;.{MASK}]{{0,30}}(?<!\w)(?:văn bản|VĂN BẢN)(?!\w)[^\n:;.{MASK}]{{0,80}}\n"
    r"(?=[ \t]*\n?[ \t*_]*(?:\d{1,2}[.)]|[a-zđ]\))[ \t])"
)
#: Quotation marks: curly ones nest and may run a few pages, straight ones pair within a line.
_CURLY: Final = re.compile(r"[“”]")
_STRAIGHT: Final = re.compile(r"\"[^\"\n]{1,300}\"")
_QUOTE_REACH: Final = 12000
#: Where such a list ends: a blank line not followed by another item, an article, a chapter, "Nơi nhận".
#: The end of a list: a blank line before a line that is no item, a new article (an "Điều" line that
#: names no document: "Điều 3 Quyết định số …" is an item acting on that article), a chapter, the
#: recipients or the enacting words.
#: A line that ends with an article's or a point's label ("Điều 2", "Mục II") opens what follows.
_LABEL_END: Final = re.compile(r"(?:^|\n)[ \t*_#]*(?:Điều|Mục|Chương|Phần|Khoản|Điểm)[ \t]+[\dIVXLC]{1,6}[a-zđ]?\Z")
_LIST_END: Final = re.compile(
    r"\n[ \t]*\n(?![ \t*_]*(?:[-+•–]|\d{1,3}[.)]|[a-zđ]\)))"
    rf"|\n(?=[ \t*_]*(?:Điều\s+\d(?![^\n{MASK}]{{0,40}}{MASK})|Chương\s|Nơi nhận|QUYẾT ĐỊNH))"
)


def infer_genre(text: str, refs: Sequence[RefSpan]) -> Genre:
    """DOCUMENT when the text has a header number, a type line in capitals ("QUYẾT ĐỊNH …") or
    "Kính gửi"; NEWS (a page that reports documents) otherwise."""
    if any(r.header for r in refs):
        return Genre.DOCUMENT
    for m in _DOC_LINE.finditer(text):
        if m.group(1) is None or m.group(2).upper() == m.group(2):
            return Genre.DOCUMENT
    return Genre.NEWS


@attrs.frozen(slots=True)
class CueHit:
    """A cue found in the text."""

    start: int
    end: int
    cue: Cue


def _near(text: str, end: int, start: int, gap: int) -> bool:
    """Whether a word ending at ``end`` stands within ``gap`` of ``start``; a word meant to stand
    right before (a gap of 2 or less) must stand on the same line ("NGHỊ QUYẾT\nSửa đổi …" is a
    title line, then the title)."""
    return start - end <= gap and (gap > 2 or "\n" not in text[end:start])


def _is_break(m: re.Match[str]) -> bool:
    nxt = m.group(1)
    return nxt is None or nxt.isupper() or nxt.isdigit() or nxt == MASK


def _quotations(text: str) -> list[tuple[int, int]]:
    """The spans of the quotations of ``text``, sorted: provisions or words of another text ("…
    quy định như sau: “Điều 33. … hết hiệu lực …”", "thay thế cụm từ “Quyết định số …”"). Curly
    quotes nest ("“… Bỏ cụm từ “lệ phí” tại …”"); one left open longer than a few pages is dropped."""
    spans = [m.span() for m in _STRAIGHT.finditer(text) if "“" not in m.group()]
    depth, start = 0, 0
    for m in _CURLY.finditer(text):
        if depth and m.start() - start > _QUOTE_REACH:
            depth = 0  # never closed: not a quotation
        if m.group() == "“":
            depth, start = depth + 1, (m.start() if depth == 0 else start)
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, m.end()))
    return sorted(spans)


#: What a clause opens after; a legal basis ("Căn cứ …") opens a preamble's line or a sentence, not
#: a bracket or a step ("Phí … (Căn cứ Điều 9 Nghị quyết số …)", "Bước 2: Căn cứ tiêu chí …").
_OPENS: Final = "\n;:.|("
_BASIS_OPENS: Final = "\n;.|"


class CueText:
    """One text prepared for classification: masked text, sentence breaks, cue hits, sorted references.

    ``refs`` must be sorted by start (the longer first); a reference's span is cut before a cue
    its issuer swallowed ("… của Chính phủ sửa đổi, bổ sung …").
    """

    def __init__(self, text: str, refs: Sequence[RefSpan], genre: Genre) -> None:
        self.genre = genre
        self.folded = text  # the normalised text (old tone placement is the cues' business)
        self.refs = [self._trim(r) for r in refs]
        self.starts = [r.start for r in self.refs]
        self.ends = [r.end for r in self.refs]
        self.masked = self._mask()
        low = self.low = lowered(self.masked)
        self.breaks = [m.end() for m in _BREAK.finditer(self.masked) if _is_break(m)]
        hits = [
            CueHit(m.start(), m.end(), cue_of(m))
            for m in OTHERS[genre].find(self.masked, low)
            if not self._alias_parenthesis(m.start(), m.end())
        ]
        hits += [
            CueHit(m.start(), m.end(), cue_of(m))
            for m in OPENERS[genre].find(self.masked, low)
            if self._clause_start(m.start(), _BASIS_OPENS if cue_of(m).relation is Relation.BASIS else _OPENS)
            and not (cue_of(m).where is Where.LEADS and self._broken_line(m.start()))
        ]
        hits.sort(key=lambda h: (h.start, h.cue.where in _OPENER_KINDS))  # at one place an opener wins
        self.hits = hits
        self.hit_starts = [h.start for h in hits]
        self.openers = [h for h in hits if h.cue.where in (Where.OPENS, Where.SENTENCE)]
        self.opener_starts = [h.start for h in self.openers]
        self.chain = list(range(len(self.refs)))  # the first reference of the list each one belongs to
        for k in range(1, len(self.refs)):
            if self.starts[k] - self.ends[k - 1] <= LINK and self.same_sentence(self.ends[k - 1], self.starts[k]):
                self.chain[k] = self.chain[k - 1]
        self.speakers: set[int] = set()  # references whose descriptions speak for the page
        self.lists = self._lists()
        self.list_starts = [start for start, _, _ in self.lists]
        self.quotes = _quotations(self.folded)

    def _mask(self) -> str:
        pieces, last = [], 0
        for r in self.refs:
            if r.start >= last:
                pieces += [self.folded[last : r.start], MASK * (r.end - r.start)]
                last = r.end
        return "".join([*pieces, self.folded[last:]])

    def _trim(self, ref: RefSpan) -> RefSpan:
        """The span without a cue its issuer swallowed ("… của Chính phủ sửa đổi, bổ sung …")."""
        issuer = _ISSUER.search(self.folded, ref.start, ref.end)
        if issuer is None:
            return ref
        span = self.folded[issuer.end() : ref.end]
        found = OTHERS[self.genre].find(span, lowered(span))
        if not found or cue_of(found[0]).where is Where.AFTER:
            return ref
        return attrs.evolve(ref, end=issuer.end() + found[0].start())

    def _alias_parenthesis(self, start: int, end: int) -> bool:
        """Whether a bare "(" cue opens right after a reference: it holds the reference's alias or
        description ("Nghị định số … (Nghị định 100) và …"), not a news item's closing reference."""
        return end - start == 1 and self.masked[max(0, start - 3) : start].rstrip().endswith(MASK)

    def _broken_line(self, pos: int) -> bool:
        """Whether ``pos`` opens a line that goes on with the sentence before it: the line before
        ends with a word ("… đã được\nsửa đổi, bổ sung …"), not with a mark or a label."""
        before = self.masked[max(0, pos - 40) : pos].rstrip(" \t*_#>•+-–")
        if not before.endswith("\n"):
            return False
        last = before[:-1].rstrip(" \t*_")
        return bool(last) and last[-1].isalpha() and _LABEL_END.search(last) is None

    def _clause_start(self, pos: int, marks: str = "\n;:.|(") -> bool:
        """True where only spaces or list marks stand between ``pos`` and a line start or one of ``marks``."""
        j = pos - 1
        while j >= 0 and pos - j <= 12 and self.masked[j] in " \t*_#>•+-–":
            j -= 1
        return j < 0 or self.masked[j] in marks

    def _lists(self) -> list[tuple[int, int, CueHit]]:
        """Lists headed by a cue that ends its line with a colon: (first item, end, heading cue)."""
        ends: list[int] | None = None
        lists = []
        for hit in self.hits:
            listing = hit.cue.relation in _LISTING and hit.cue.where is not Where.THROUGH
            if listing and hit.cue.where is Where.AFTER:  # only "… sau đây hết hiệu lực:", not a title "… bị bãi bỏ:"
                listing = _FOLLOWING.search(self.masked, max(0, hit.start - 16), hit.start) is not None
            intro = _LIST_INTRO.match(self.masked, hit.end) if listing else None
            if intro is not None:
                if ends is None:
                    ends = [m.start() for m in _LIST_END.finditer(self.masked)]
                k = bisect.bisect_right(ends, intro.end())
                end = min(ends[k] if k < len(ends) else len(self.masked), intro.end() + LIST_REACH)
                lists.append((intro.end(), end, hit))
        return lists

    def quoted(self, r: int) -> bool:
        """Whether reference ``r`` stands inside a quotation (another text's words)."""
        k = bisect.bisect_right(self.quotes, (self.starts[r], len(self.folded))) - 1
        return k >= 0 and self.starts[r] < self.quotes[k][1]

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts."""
        i = bisect.bisect_right(self.breaks, pos) - 1
        return self.breaks[i] if i >= 0 else 0

    def same_sentence(self, a: int, b: int) -> bool:
        """Whether positions ``a <= b`` lie in one sentence."""
        return self.sentence_start(b) <= a

    def opener(self, start: int, sentence: int) -> CueHit | None:
        """The last clause or sentence opener between ``sentence`` and ``start``; one that opens a
        parenthesis ("(Căn cứ Điều 7 Nghị quyết số …)") ends with it."""
        k = bisect.bisect_left(self.opener_starts, start) - 1
        if k < 0 or self.openers[k].start < sentence:
            return None
        hit = self.openers[k]
        return None if self.closed(hit, start) else hit

    def closed(self, hit: CueHit, pos: int) -> bool:
        """Whether ``hit`` opens a parenthesis that closes before ``pos``: it governs nothing there."""
        head = self.masked[max(0, hit.start - 12) : hit.start].rstrip(" \t*_")
        return head.endswith("(") and ")" in self.masked[hit.end : pos]

    def tail_owner(self, hit: CueHit) -> int | None:
        """The reference whose description holds the cue ("Nghị định số … của Chính phủ sửa đổi …")."""
        p = bisect.bisect_right(self.ends, hit.start) - 1
        if p < 0 or hit.start - self.ends[p] > TAIL or not self.same_sentence(self.ends[p], hit.start):
            return None
        between = self.masked[self.ends[p] : hit.start]
        if "," in between or ";" in between or ":" in between or between.split() in _COORDINATED:
            return None  # a verb of the clause's own list: "thay thế Quyết định số … và bãi bỏ …"
        return p

    def _subjects(self, lo: int, hi: int) -> list[tuple[int, int, int]]:
        """The words naming this document (or a part of it) in ``masked[lo:hi]``: (end, start, gap)."""
        return [(m.end(), m.start(), cue_of(m).gap) for m in SUBJECT.find(self.masked, self.low, max(0, lo), hi)]

    def own_subject(self, hit: CueHit) -> tuple[bool, str | None]:
        """Whether a reverse cue speaks of this document ("Quyết định này …", or a self reference
        just before it), and the part of it the subject names ("Khoản này", "Cụm từ “…”"; None:
        the whole document)."""
        sentence = self.sentence_start(hit.start)
        found = self._subjects(max(sentence, hit.start - _SUBJECT_REACH), hit.start)
        if found:
            end, start, gap = found[-1]
            if end >= max(sentence, hit.start - gap):
                return True, self._subject_part(start, end, hit.start)
        p = bisect.bisect_right(self.ends, hit.start) - 1
        return p in self.speakers and hit.start - self.ends[p] <= LINK and self.ends[p] >= sentence, None

    def subject_between(self, start: int, end: int) -> bool:
        """Whether words naming this document ("Kế hoạch này") stand between ``start`` and ``end``."""
        return bool(self._subjects(start, end))

    def _subject_part(self, start: int, end: int, cue: int) -> str | None:
        """The part a subject names: "Khoản này", "Cụm từ “quy hoạch”"; None for the document itself."""
        if self.masked[end - 1] == "“":  # quoted words: up to the closing quote
            close = self.masked.find("”", end, cue)
            return " ".join(self.folded[start : close + 1 if close >= 0 else end].split())
        head = _PART_SUBJECT.search(self.masked, max(0, start - 12), start)
        return " ".join(self.folded[head.start() : end].split()) if head else None

    def under_modal(self, hit: CueHit) -> bool:
        """Whether a task or proposal word ("tham mưu", "đề xuất") stands before the verb in its sentence."""
        sentence = self.sentence_start(hit.start)
        found = MODAL[self.genre].find(self.masked, self.low, max(sentence, hit.start - _MODAL_REACH), hit.start)
        near = [cue_of(m).relation for m in found if _near(self.masked, m.end(), hit.start, cue_of(m).gap)]
        return bool(near) and near[-1] is Relation.CITED  # "ban hành Thông tư sửa đổi …" keeps the verb

    def governed(self, hit: CueHit, r: int) -> int | None:
        """The first reference of the list the cue governs, if that list reaches reference ``r``."""
        f = bisect.bisect_left(self.starts, hit.end)
        if f > r or self.starts[f] - hit.end > hit.cue.gap or self.chain[r] > f:
            return None
        between = self.masked[hit.end : self.starts[f]]
        if between.count(")") > between.count("("):
            return None  # the cue stood in a parenthesis that closed: "(thay thế)\nNghị quyết số …"
        return f if self.same_sentence(hit.start, self.starts[f]) else None

    def part(self, hit: CueHit, r: int) -> str | None:
        """The part of the other document named before reference ``r``: between the cue and it when
        it is the first the cue governs ("sửa đổi khoản 2 Điều 15 Quyết định số …"), else between the
        reference before it and it ("bãi bỏ … Nghị định A (khoản 3 Điều 4 Nghị định B)"). For an
        act, what else it names first is a part too ("bãi bỏ 06 thủ tục hành chính tại Quyết định
        số …", "bãi bỏ một phần …"): the act is not on the whole document."""
        start = hit.end if r == 0 or self.ends[r - 1] <= hit.end else self.ends[r - 1]
        found = list(_PART.finditer(self.masked, start, self.starts[r]))
        # the part right before the reference, when only joining words stand between them (the
        # words before it may be the title of the reference before: "… ban hành Quy định một số
        # nội dung …; Điều 3 Quyết định số …"); else the first named
        m = next(
            (m for m in reversed(found) if _CONNECTORS.match(self.folded, m.end(), self.starts[r])),
            found[0] if found else None,
        )
        if m is not None:
            return _PART_TAIL.sub("", self.folded[m.start() : m.end()]) or None
        if hit.cue.relation not in ACTS or start != hit.end:
            return None
        words = _CONNECTORS.sub("", self.folded[start : self.starts[r]]).split()
        return " ".join(words[:12]) if len(words) >= 2 and not _WHOLE.fullmatch(" ".join(words)) else None

    def line_head(self, r: int) -> str:
        """What stands before reference ``r`` on its line (at most 40 characters; "?" when more)."""
        start = self.starts[r]
        newline = self.masked.rfind("\n", max(0, start - 40), start)
        if newline < 0:
            return self.masked[:start] if start <= 40 else "?"
        return self.masked[newline + 1 : start]
