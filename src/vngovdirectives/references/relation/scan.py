"""What each referenced document is to the text that cites it.

:func:`classify_relations` gives, for every reference span of a text, its
:class:`~vngovdirectives.references.relation.model.Relation` to the page's own document (on a news
page or a bulletin: to the item that reports it), the part of the referenced document the text
names ("khoản 2 Điều 15") and the cue that decided. The cue words are data
(``data/vocab/relation_cues.txt``, :mod:`~vngovdirectives.references.relation.cues`).

How a reference is judged, in order (an alias in parentheses right after a reference, "(Nghị
định 116)", shares its relation):

1. ``self``: the header number ("Số: …"), a metadata row ("Số hiệu: …"), a page title opening the
   text, and every other mention of those numbers.
2. A sentence-opening cue of kind ``sentence`` ("Trong những năm qua, …") decides its whole
   sentence; a clause opener ("Căn cứ", "Xét", "Theo đề nghị") decides every reference of its
   sentence in a document, and on a news page every reference not governed by a later verb of its own.
3. Otherwise the nearest cue before the reference governs it when the reference (or the list it
   belongs to) follows within the cue's gap. A cue inside the description of an earlier reference
   ("Nghị định số … của Chính phủ sửa đổi … Nghị định số …") tells how two other documents relate:
   ``cited``. A reverse cue ("được sửa đổi bởi") counts only when its subject is this document
   ("Khoản này", or a self reference); an act under a task word ("tham mưu … thay thế …") is ``cited``.
4. A reference inside a quotation ("… như sau: “Điều 33. … hết hiệu lực …”", "cụm từ “Quyết
   định số …”") quotes another text: ``cited``.
5. Then a cue after the reference ("… hết hiệu lực"), a colon-ended cue heading a list ("… bãi bỏ
   các văn bản sau:"), a news page's reported document named again, and finally ``cited``.

>>> text = "Căn cứ Nghị định số 30/2020/NĐ-CP; Quyết định này thay thế Quyết định số 12/2019/QĐ-UBND."
>>> a, b = text.index("Nghị định"), text.index("Quyết định số")
>>> [c.relation.value for c in classify_relations(text, [(a, a + 26, False), (b, len(text) - 1, False)])]
['basis', 'replaces']
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Final

import attrs

from vngovdirectives.errors import InputTypeError, SpanError, expect_type
from vngovdirectives.references.relation.cues import INSIDE, MASK, TITLE, Genre, Where
from vngovdirectives.references.relation.model import ACTS, REVERSE, Classified, RefSpan, Relation
from vngovdirectives.references.relation.prepared import CueHit, CueText, infer_genre
from vngovdirectives.text.normalize import normalize
from vngovdirectives.text.patterns import alternation
from vngovdirectives.text.vocab import words

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["classify_relations", "relations_of_spans"]

WALK: Final = 24  # most cues looked at before a reference
_CITED: Final = Classified(Relation.CITED)
_SELF: Final = Classified(Relation.SELF)
_QUOTED: Final = Classified(Relation.CITED, cue="“…”")
_LEDE_CARRIER: Final = Classified(Relation.CARRIER, cue="lede")
_GAP: Final = r"[ \t]+"
#: What may stand before a news lede's subject in its sentence: list marks, the site's tag
#: ("(Chinhphu.vn) -"), a dateline ("Ngày 01/7/2025,"), a word that links it to the sentence before
#: ("Trong đó,", "Đồng thời,": data/vocab/sentence_openers.txt).
_LEDE: Final = re.compile(
    r"[ \t*_#>•+\-–]{0,12}(?:\([^()\n]{1,40}\)[ \t]*[-–][ \t]*)?"
    r"(?:(?:Ngày|ngày|Sáng|Chiều|Tối)[^,.;\n]{1,30},[ \t]*)?"
    rf"(?:{alternation(words('sentence_openers'), _GAP)}[ \t]*,?[ \t]*)?\Z"
)
_OPENER_KINDS: Final = (Where.OPENS, Where.SENTENCE)
_CONNECTOR: Final = re.compile(r"(?:,|;|(?<!\w)(?:và|hoặc))\s*\Z", re.IGNORECASE)
_ITEM_HEAD: Final = re.compile(r"[ \t*_]*(?:[-+•–]|\d{1,3}[.)]|[a-zđ]\))?[ \t*_]*")
#: How many lines of a basis list a line may go on from ("Căn cứ …;\n…;\n…;").
_BASIS_LINES: Final = 40
#: An item that names the part it acts on first: "thay thế:\nĐiều 14, 18 Quyết định số …".
_ITEM_PART: Final = re.compile(
    r"[ \t*_]*(?:[-+•–]|\d{1,3}[.)]|[a-zđ]\))?[ \t*_]*"
    r"(?:(?:điểm|khoản|điều|chương|mục|phần|phụ lục)[ \t]+\w{1,4}(?:[ \t]*(?:,|và)[ \t]*\w{1,4}){0,8}[ \t]+){1,4}"
    r"(?:(?:của|tại)[ \t]+)?",
    re.IGNORECASE,
)
#: Between a reference and its alias: "Nghị định số 116/2020/NĐ-CP (Nghị định 116)", "(sau đây gọi tắt là …".
_ALIAS: Final = re.compile(
    r"[ \t]*\([ \t]*(?:(?:sau[ \t]+đây[ \t]+)?(?:gọi|viết)[ \t]+tắt[ \t]+là[ \t]*:?[ \t]*)?", re.IGNORECASE
)
_NUMBER: Final = re.compile(r"(?<![\w/])\d{1,6}[\w&.\-]{0,12}(?:[ \t]*/[ \t]*[\w&.\-]{1,30}){1,4}")
_NOISE: Final = re.compile(r"[\s.\-]")
_YEAR: Final = re.compile(r"(?:19|20)\d\d")


def _number_key(number: str | None) -> tuple[str, str | None] | None:
    """A loose key telling mentions of one document: (number without its year, year)."""
    if not number or "/" not in number:
        return None
    s = number.upper().replace("Đ", "D")
    parts = _NOISE.sub("", s).split("/")
    year = next((p for p in parts[1:] if _YEAR.fullmatch(p)), None)
    core = [p for p in parts if p != year]
    return "/".join([core[0].lstrip("0") or "0", *core[1:]]), year


class _Keys:
    """Documents seen, to tell their other mentions: numbers matched loosely (a year stated on one
    side only does not tell them apart), and a short reference by its type and serial."""

    def __init__(self, refs: Iterable[RefSpan] = ()) -> None:
        self._years: dict[str, set[str | None]] = {}
        self._names: set[str] = set()
        for ref in refs:
            self.add(ref)

    def add(self, ref: RefSpan) -> None:
        key = _number_key(ref.number)
        if key is not None:
            self._years.setdefault(key[0], set()).add(key[1])
        if ref.name is not None:
            self._names.add(ref.name)

    def has(self, ref: RefSpan) -> bool:
        if ref.number is None:
            return ref.name is not None and ref.name in self._names
        key = _number_key(ref.number)
        if key is None or key[0] not in self._years:
            return False
        years = self._years[key[0]]
        return key[1] is None or None in years or key[1] in years


def _walk(scan: CueText, r: int) -> Classified | None:
    """The cue that governs reference ``r`` from before it, walking back from the nearest one."""
    start = scan.starts[r]
    sentence = scan.sentence_start(start)
    opener = scan.opener(start, sentence)
    if opener is not None and (opener.cue.where is Where.SENTENCE or scan.genre is Genre.DOCUMENT):
        part = scan.part(opener, r) if bisect.bisect_left(scan.starts, opener.end) == r else None
        return Classified(opener.cue.relation, part, opener.cue.phrase)  # "Căn cứ" wins in its clause
    fallback: Classified | None = None  # a cue that yields to a verb before it ("… kèm theo")
    blocked = False  # a verb whose object is something else stands between: only a clause's lead may still govern
    i = bisect.bisect_left(scan.hit_starts, start)
    for hit in reversed(scan.hits[max(i - WALK, 0) : i]):
        if hit.start < sentence:
            break
        if hit.cue.where is Where.AFTER or (blocked and hit.cue.where is not Where.LEADS):
            continue
        if scan.closed(hit, start):  # "(Thực hiện Kế hoạch số …)": a cue in brackets ends with them
            if hit.cue.where is Where.OPENS:
                return None
            continue
        if hit.cue.where is Where.OPENS:
            return Classified(hit.cue.relation, cue=hit.cue.phrase)
        if hit.cue.where is Where.THROUGH:
            if fallback is None and scan.governed(hit, r) is not None:
                fallback = Classified(hit.cue.relation, cue=hit.cue.phrase)
            continue
        owner = scan.tail_owner(hit)
        if owner is not None and opener is not None:
            continue  # an opener wins over the words describing the references of its list
        first = scan.governed(hit, r)
        if first is None:
            # a verb whose object is something else ("Thực hiện chỉ đạo … về việc triển khai kết
            # luận … (Công văn số …)"): the clause's lead before it may still reach the reference
            blocked = blocked or owner is None
            continue
        if owner is not None and _CONNECTOR.search(scan.masked, hit.end, scan.starts[first]):
            continue  # the verb describes the previous item; the outer list goes on
        return _decide(scan, hit, r, first, owner)
    return fallback


def _decide(scan: CueText, hit: CueHit, r: int, first: int, owner: int | None) -> Classified:
    relation = hit.cue.relation
    if relation in REVERSE:
        own, part = scan.own_subject(hit)
        if own:  # the part affected is this document's: "Khoản này được sửa đổi bởi …"
            return Classified(relation, part, hit.cue.phrase)
        relation = Relation.CITED  # "Luật … được sửa đổi bởi …": between two other documents
    elif relation in ACTS and scan.under_modal(hit):
        relation = Relation.CITED  # "tham mưu UBND tỉnh thay thế Quyết định số …": a task, not this text's act
    elif owner is not None and owner not in scan.speakers and not scan.subject_between(scan.ends[owner], hit.start):
        relation = Relation.CITED  # "Kế hoạch số … thực hiện Kết luận số …": between two other documents
    return Classified(relation, scan.part(hit, r), hit.cue.phrase)


def _after(scan: CueText, r: int) -> Classified | None:
    """A cue after the reference (or after the list it ends): "Quyết định số … hết hiệu lực". The
    words of its title between them may hold other cues ("… ban hành Quy chế … hết hiệu lực")."""
    i = bisect.bisect_left(scan.hit_starts, scan.ends[r])
    for hit in scan.hits[i : i + WALK]:
        last = bisect.bisect_right(scan.ends, hit.start) - 1
        if scan.chain[last] > r:
            return None  # past another list
        if hit.cue.where is not Where.AFTER:
            continue
        if hit.start - scan.ends[last] > hit.cue.gap or not scan.same_sentence(scan.ends[r], hit.start):
            return None
        return Classified(hit.cue.relation, cue=hit.cue.phrase)
    return None


def _listed(scan: CueText, r: int) -> Classified | None:
    """A reference opening an item of a list headed by a colon-ended cue ("… được sửa đổi, bổ sung bởi:")."""
    k = bisect.bisect_right(scan.list_starts, scan.starts[r]) - 1
    if k < 0 or scan.starts[r] >= scan.lists[k][1]:
        return None
    head = scan.line_head(r)
    if not (_ITEM_HEAD.fullmatch(head) or _ITEM_PART.fullmatch(head)):
        return None
    hit = scan.lists[k][2]
    if hit.cue.where is Where.OPENS:
        return Classified(hit.cue.relation, cue=hit.cue.phrase)
    return _decide(scan, hit, r, r, None)


def _basis_goes_on(scan: CueText, r: int) -> Classified | None:
    """A line that opens with a reference after a "Căn cứ …;" line goes on with its basis
    ("Căn cứ Nghị định số …;\nNghị định số … về …;"), also after other such lines."""
    if scan.line_head(r).strip(" \t*_-+•–"):
        return None
    sentence = scan.sentence_start(scan.starts[r])
    for _ in range(_BASIS_LINES):
        if not scan.masked[:sentence].rstrip(" \t\n*_").endswith(";"):
            return None
        before = scan.sentence_start(sentence - 1)
        opener = scan.opener(sentence - 1, before)
        if opener is not None:
            return Classified(Relation.BASIS, cue=opener.cue.phrase) if opener.cue.relation is Relation.BASIS else None
        if not scan.masked[before:sentence].lstrip(" \t\n*_-+•–").startswith(MASK):
            return None  # the line before neither opens the basis nor goes on with it
        sentence = before
    return None


def _lede(scan: CueText, r: int) -> bool:
    """On a news page, a reference that opens its sentence and whose own description acts on
    another ("Nghị định số 227/2025/NĐ-CP … sửa đổi, bổ sung … Nghị định 156/2018/NĐ-CP"): the
    document the page reports, even when no "ban hành" says so."""
    start = scan.starts[r]
    if scan.genre is not Genre.NEWS or not _LEDE.match(scan.masked, scan.sentence_start(start), start):
        return False
    i = bisect.bisect_left(scan.hit_starts, scan.ends[r])
    for hit in scan.hits[i : i + WALK]:
        if not scan.same_sentence(start, hit.start):
            return False
        if hit.cue.relation in ACTS and scan.tail_owner(hit) == r:
            return True
    return False


def _self_refs(scan: CueText) -> set[int]:
    """Header numbers, a page title naming a document, and every other mention of those numbers."""
    own = {
        k
        for k, r in enumerate(scan.refs)
        if (r.header and scan.folded.startswith("Số", r.start)) or INSIDE.match(scan.folded, r.start, r.end)
    }
    if scan.refs and scan.starts[0] < 300 and _opens_text(scan):
        own.add(0)
    keys = _Keys(scan.refs[k] for k in own)
    return own | {k for k, r in enumerate(scan.refs) if keys.has(r)}


def _opens_text(scan: CueText) -> bool:
    """Whether the first reference is a page title: an upper-case start of a sentence, alone at its
    line start or after a title's words ("## Toàn văn: Thông tư số …")."""
    start = scan.starts[0]
    head = scan.line_head(0)
    lead = head.lstrip(" \t*#|>")
    title = TITLE.match(lead)
    if title is not None and not lead[title.end() :].strip(" \t:*-–"):
        return True
    before = scan.masked[scan.sentence_start(start) : start]
    alone = not before.strip(" \t\n*#|>") and not head.strip(" \t*#|>")
    return alone and scan.folded[start].isupper()


def _judge(scan: CueText, own: set[int]) -> list[Classified]:
    """Every reference in text order; on a news page the reported documents speak like the page's own."""
    found: list[Classified | None] = []
    scan.speakers = set(own)  # references whose descriptions speak for the page ("Quyết định số … thay thế …")
    carriers = _Keys()
    for r, ref in enumerate(scan.refs):
        prev = found[r - 1] if r > 0 else None
        c: Classified | None
        if prev is not None and _ALIAS.fullmatch(scan.masked, scan.ends[r - 1], ref.start):
            c = Classified(prev.relation, cue=prev.cue)  # "Nghị định số 116/2020/NĐ-CP (Nghị định 116)"
        elif r not in own and scan.quoted(r):
            c = _QUOTED  # another text's words: its relations are not this text's
        else:
            c = _SELF if r in own else _walk(scan, r) or _after(scan, r)
        if c is None and _lede(scan, r):
            c = _LEDE_CARRIER
        if c is None:
            found.append(_listed(scan, r) or _basis_goes_on(scan, r))
        elif c.relation is Relation.CITED:  # a stop after it ("… về thực hiện thủ tục hành chính;")
            found.append(_basis_goes_on(scan, r) or c)  # does not end a list of bases
        else:
            found.append(c)
        if c is not None and c.relation is Relation.CARRIER:
            carriers.add(ref)
        if carriers.has(ref) or (r - 1 in scan.speakers and ref.start - scan.ends[r - 1] <= 3):
            scan.speakers.add(r)  # the reported document, or its short name right after it ("(Nghị định 60)")
    for r, c in enumerate(found):
        if c is None and carriers.has(scan.refs[r]):
            found[r] = Classified(Relation.CARRIER)  # the reported document named again
    return [c or _CITED for c in found]


def relations_of_spans(text: str, spans: Sequence[RefSpan], *, genre: Genre | None = None) -> list[Classified]:
    """:func:`classify_relations` of a normalised text (:mod:`vngovdirectives.text.normalize`) and
    spans sorted by start, the longer first: what the finders call, with their own spans."""
    if not spans:
        return []
    scan = CueText(text, spans, genre or infer_genre(text, spans))
    return _judge(scan, _self_refs(scan))


def classify_relations(
    text: str, refs: Sequence[RefSpan | tuple[int, int, bool]], *, genre: Genre | None = None
) -> list[Classified]:
    """The relation of every reference of ``text`` (in the order given), with the part it names.

    ``refs`` are the references' spans in ``text``, as :class:`RefSpan` or ``(start, end,
    is_header)``; a :class:`RefSpan` may carry the canonical number. ``genre`` (a document, or a
    page that reports documents) is inferred from the text when None. The finders do this for
    every reference they find (``DocumentReference.relation``); call it for spans of your own.
    A span that is no non-empty piece of ``text`` is a :class:`~vngovdirectives.errors.SpanError`.
    """
    expect_type(text, str, "classify_relations")
    spans = [_checked_span(text, k, r) for k, r in enumerate(refs)]
    norm = normalize(text)
    if norm.offsets:  # decomposed input: the spans move with the composed text
        where = norm.offsets
        spans = [
            attrs.evolve(s, start=bisect.bisect_left(where, s.start), end=bisect.bisect_left(where, s.end))
            for s in spans
        ]
    spans = [_with_number(norm.text, s) for s in spans]
    order = sorted(range(len(spans)), key=lambda k: (spans[k].start, -spans[k].end))
    found = relations_of_spans(norm.text, [spans[k] for k in order], genre=genre)
    result = [_CITED] * len(spans)
    for r, c in enumerate(found):
        result[order[r]] = c
    return result


def _checked_span(text: str, k: int, ref: object) -> RefSpan:
    """Reference ``k`` of those given, as a span of ``text``; a typed error when it is none."""
    expect_type(ref, (RefSpan, tuple), "classify_relations", f"refs[{k}]")
    span = ref if isinstance(ref, RefSpan) else None
    if span is None:
        assert isinstance(ref, tuple)
        if len(ref) != 3:
            raise InputTypeError(f"classify_relations() reads refs[{k}] as (start, end, is_header), not {ref!r}")
        start, end, header = ref
        expect_type(start, int, "classify_relations", f"refs[{k}] start")
        expect_type(end, int, "classify_relations", f"refs[{k}] end")
        span = RefSpan(start, end, bool(header))
    if not 0 <= span.start < span.end <= len(text):
        raise SpanError(
            f"classify_relations(): refs[{k}] = ({span.start}, {span.end}) is not a non-empty span of the "
            f"text (length {len(text)})"
        )
    return span


def _with_number(text: str, span: RefSpan) -> RefSpan:
    if span.number is None:
        m = _NUMBER.search(text, span.start, span.end)
        span = attrs.evolve(span, number=m.group() if m else None)
    return span
