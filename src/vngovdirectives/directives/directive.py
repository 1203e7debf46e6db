"""One directive: a bulletin item, or the content of a document — its tasks, its references, who gave it.

:func:`build_directive` reads the span of one item: the sentence that says whose directive it is
and where it was issued ("Đó là chỉ đạo của … tại Công văn số …", "UBND tỉnh ban hành Kế hoạch số
…"), the tasks, deadlines, references and targets inside it.
"""

from __future__ import annotations

import re
from typing import Final

from vngovdirectives.directives.model import Assignee, Directive, Mention, Reference, ReferenceRole, Signer
from vngovdirectives.directives.page import Page, clean, trim
from vngovdirectives.directives.targets import targets
from vngovdirectives.directives.tasks import (
    deadlines_in,
    leading_trigger,
    reference_mention,
    sentences,
    task,
    tasks_in_prose,
)
from vngovdirectives.directives.vocab import ATTRIBUTION, BODY_START
from vngovdirectives.finding.match import MatchKind
from vngovdirectives.text.patterns import UPPER

__all__ = ["CARRIER_INTRO", "build_directive"]

_ISSUER_PATTERNS: Final = (
    re.compile(r"[Đđ]ó là (?:ý kiến )?chỉ đạo của\s{1,3}(?P<who>[^.;]{2,160}?)\s{1,3}tại\s"),
    re.compile(r"[Nn]ội dung (?:trên|này) (?:được|do)\s{1,3}(?P<who>[^.;]{2,160}?)\s{1,3}(?:ban hành|chỉ đạo|nêu)"),
    re.compile(
        r"^(?:[^,.;]{0,40},\s{1,3})?(?P<who>[^,.;]{2,120}?)\s{1,3}(?:đã |vừa )?"
        r"(?:chỉ đạo|phê duyệt|ban hành|có|ký|yêu cầu|giao|đề nghị)\b"
    ),
)
_SUBJECT_AFTER_REF: Final = re.compile(
    r"\s{0,3},\s{1,3}(?P<who>[^,.;]{2,80}?)\s{1,3}(?:đã\s)?(?:yêu cầu|giao|chỉ đạo|đề nghị|phê duyệt|ban hành)\b"
)
#: A reference in parentheses that closes a news item's sentence: "… (Công văn số 60/UBND-KT ngày 10/01/2025)."
_CLOSING_REFERENCE: Final = re.compile(r"\s{0,3}\)[\s.;]{0,4}\Z")
CARRIER_INTRO: Final = re.compile(r"(?:\btại|\bban hành|\bcó|\bbằng|\bký|\btheo)\s{1,3}$|\(\s{0,3}$", re.IGNORECASE)
_PERSON: Final = re.compile(
    rf"^(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s{{1,3}}(?P<name>(?:[{UPPER}][\w]*\s{{1,3}}){{1,4}}[{UPPER}][\w]*)"
    r"\s{0,3},?\s{0,3}(?P<pos>.*)$"
)
_POSITION_BODY: Final = re.compile(
    r"(?:Phó\s)?(?:Chủ tịch|Giám đốc|Bí thư|Trưởng ban|Thủ tướng|Bộ trưởng|Chánh Văn phòng|Trưởng)\s{1,3}(?P<body>.+)$"
)


def _attribution(page: Page, start: int, end: int) -> tuple[Mention | None, Signer | None, list[Reference]]:
    """Issuer, signer and carrying references from the first sentence that says where the directive was issued."""
    text = page.text
    for s, e in sentences(text, start, end):
        sentence_refs = page.in_range(MatchKind.REFERENCE, s, e)
        if not sentence_refs:
            continue
        opens = text.startswith(("Tại ", "Theo "), s)
        lead = leading_trigger(text, s, e)
        cited_first = lead is not None and sentence_refs[0].start < lead.start()
        closing = _CLOSING_REFERENCE.search(text, sentence_refs[-1].end, e) is not None and text[
            max(s, sentence_refs[-1].start - 3) : sentence_refs[-1].start
        ].rstrip().endswith("(")
        if (
            not (opens or cited_first or closing)
            and not ATTRIBUTION.search(text, s, e)
            and task(page, s, e) is not None
        ):
            continue  # an order that cites a document ("Yêu cầu … theo Quyết định số …") is not attribution
        carriers = [
            reference_mention(page, m, ReferenceRole.CARRIER)
            for m in sentence_refs
            if CARRIER_INTRO.search(text[max(s, m.start - 30) : m.start])
        ]
        if not carriers:
            continue
        issuer: Mention | None = None
        signer: Signer | None = None
        first = sentence_refs[0].start
        for pattern in _ISSUER_PATTERNS:
            m = pattern.search(text[s:first])
            if m is None:
                continue
            ws, we = s + m.start("who"), s + m.end("who")
            who = text[ws:we]
            person = _PERSON.match(who)
            if person is not None:
                ns, ne = ws + person.start("name"), ws + person.end("name")
                ps, pe = ws + person.start("pos"), ws + person.end("pos")
                position = page.mention(ps, pe)
                signer = Signer(span=page.span(ws, we), name=page.mention(ns, ne), position=position)
                if position is not None:
                    body = _POSITION_BODY.match(text, *trim(text, ps, pe))
                    if body is not None:
                        issuer = page.mention(body.start("body"), body.end("body"))
            elif BODY_START.match(text, ws) or who[:1].isupper():
                issuer = page.mention(ws, we)
            break
        if issuer is None:
            after = _SUBJECT_AFTER_REF.match(text, sentence_refs[0].end, e)
            if after is not None:
                issuer = page.mention(after.start("who"), after.end("who"))
        if issuer is None and carriers[0].value.issuer:
            ref_m = sentence_refs[0]
            issuer_text = carriers[0].value.issuer
            at = text.find(issuer_text, ref_m.start, ref_m.end)
            if at >= 0:
                issuer = page.mention(at, at + len(issuer_text))
        return issuer, signer, carriers
    return None, None, []


def build_directive(page: Page, start: int, end: int, heading: tuple[int, int] | None, label: str | None) -> Directive:
    body_start = heading[1] if heading is not None else start
    issuer, signer, carriers = _attribution(page, body_start, end)
    tasks = tasks_in_prose(page, body_start, end)
    addressees: dict[str, Assignee] = {}
    for t in tasks:
        for a in t.assignees:
            addressees.setdefault(a.name, a)
    by_span = {c.span: c for c in carriers}
    references = tuple(
        by_span.get(page.span(m.start, m.end)) or reference_mention(page, m)
        for m in page.in_range(MatchKind.REFERENCE, start, end)
    )
    return Directive(
        text=clean(page.text[body_start:end]),
        span=page.span(*trim(page.text, start, end, " \t\r\n")),
        heading=page.mention(*heading) if heading is not None else None,
        references=references,
        carriers=tuple(carriers),
        issuer=issuer,
        signer=signer,
        addressees=tuple(addressees.values()),
        tasks=tuple(tasks),
        deadlines=deadlines_in(page, start, end),
        targets=targets(page, start, end),
        label=label,
    )
