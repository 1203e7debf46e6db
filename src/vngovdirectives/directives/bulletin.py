"""Bulletins: "Chỉ đạo, điều hành nổi bật của UBND tỉnh trong tuần qua", a list of directives.

Items are numbered ("1. Tăng cường …"), headed (a heading line, then its paragraphs), or, when
neither, paragraphs that each cite the document carrying them. Text before the bulletin's title
(menus, slogans) is skipped; an item that cites nothing, orders nothing and sets no deadline is
page furniture (a photo caption, a "related news" box), not a directive.
"""

from __future__ import annotations

import re
from typing import Final, TypeAlias

from vngovdirectives.dates.model import Period
from vngovdirectives.directives.directive import CARRIER_INTRO, build_directive
from vngovdirectives.directives.model import Bulletin, Mention, Span
from vngovdirectives.directives.page import Page, lines, trim
from vngovdirectives.directives.tasks import reference_mention, sentences
from vngovdirectives.finding.match import MatchKind

__all__ = ["BULLETIN_TITLE", "read_bulletin"]

#: The title of a bulletin ("Chỉ đạo, điều hành của UBND tỉnh …").
BULLETIN_TITLE: Final = re.compile(r"chỉ đạo,?\s{1,3}(?:và\s{1,3})?điều hành", re.IGNORECASE)
_NUMBERED: Final = re.compile(r"(?P<label>\d{1,2}|[IVX]{1,5})[.)]\s{1,3}(?=\S)")
_SENTENCE_PUNCT: Final = tuple(".;:,!?…")
#: A bulletin item: start, end, the heading's (start, end) if any, the label if numbered.
_Item: TypeAlias = "tuple[int, int, tuple[int, int] | None, str | None]"
_Line: TypeAlias = "tuple[int, int]"


def read_bulletin(page: Page) -> Bulletin:
    """The bulletin ``page`` holds."""
    text = page.text
    all_lines = lines(text)
    title_i = next(
        (i for i, (s, e) in enumerate(all_lines[:40]) if BULLETIN_TITLE.search(text, s, min(e, s + 200))), None
    )
    title: Mention | None = None
    period: Period | None = None
    period_span: Span | None = None
    body = all_lines
    if title_i is not None:
        ts, te = all_lines[title_i]
        title = page.mention(ts, te)
        for pm in page.in_range(MatchKind.PERIOD, ts, te):
            if isinstance(pm.value, Period):
                period, period_span = pm.value, page.span(pm.start, pm.end)
                break
        body = all_lines[title_i + 1 :]
    news = _news_items(page, body) if title_i is None else None
    items, summary = news if news is not None else _items(page, body)
    # An item that cites no document, orders nothing and sets no deadline is page furniture.
    directives = tuple(
        d
        for d in (build_directive(page, s, e, h, label) for s, e, h, label in items)
        if d.references or d.tasks or d.deadlines
    )
    known = {r.span: r for d in directives for r in d.references}
    references = tuple(
        known.get(page.span(m.start, m.end)) or reference_mention(page, m)
        for m in page.matches
        if m.kind is MatchKind.REFERENCE
    )
    return Bulletin(
        references=references,
        span=Span(start=0, end=len(page.source.source)),
        directives=directives,
        title=title,
        period=period,
        period_span=period_span,
        summary=summary,
        context_date=page.context_date,
        source_format=page.format,
    )


def _items(page: Page, body: list[_Line]) -> tuple[list[_Item], Mention | None]:
    """The items of the bulletin's body, and the summary that stands before them."""
    text = page.text
    numbered = [ln for ln in body if _NUMBERED.match(text, ln[0])]
    if len(numbered) >= 2:
        pre = [ln for ln in body if ln[1] <= numbered[0][0]]
        summary = page.mention(pre[0][0], pre[-1][1]) if pre else None
        return _numbered_items(text, body, numbered), summary
    heads = [i for i, ln in enumerate(body) if _is_heading(text, ln, body[i + 1] if i + 1 < len(body) else None)]
    if heads:
        summary = page.mention(body[0][0], body[heads[0] - 1][1]) if heads[0] > 0 else None
        items: list[_Item] = []
        for k, hi in enumerate(heads):
            stop = body[heads[k + 1] - 1][1] if k + 1 < len(heads) else body[-1][1]
            hs, he = body[hi]
            items.append((hs, stop, (hs, he), None))
        return items, summary
    return (_paragraph_items(page, body) if body else []), None


def _numbered_items(text: str, body: list[_Line], starts: list[_Line]) -> list[_Item]:
    """Items that start with a number ("1. …"); a short first sentence or line is the heading."""
    items: list[_Item] = []
    bounds = [ln[0] for ln in starts] + [body[-1][1]]
    for i, ln in enumerate(starts):
        m = _NUMBERED.match(text, ln[0])
        assert m is not None
        s, e = ln[0], bounds[i + 1]
        first_sentence = sentences(text, m.end(), ln[1])
        heading = None
        if first_sentence and first_sentence[0][1] - first_sentence[0][0] <= 220 and len(first_sentence) > 1:
            heading = trim(text, *first_sentence[0])
        elif ln[1] - m.end() <= 220 and text[ln[1] - 1] not in _SENTENCE_PUNCT and ln[1] < e:
            heading = (m.end(), ln[1])
        items.append((s, e, heading, m.group("label")))
    return items


def _is_heading(text: str, line: _Line, following: _Line | None) -> bool:
    s, e = line
    if following is None or e - s > 300 or e - s < 8:
        return False
    if text[e - 1] in _SENTENCE_PUNCT or not (text[s].isupper() or text[s].isdigit()):
        return False
    fs, fe = following
    return text[fe - 1] in '.;:!?…)"”' or (fe - fs) > 1.5 * (e - s)


#: What introduces the document a news paragraph reports: "Chính phủ ban hành Nghị định số …", "Thủ tướng vừa
#: ký Công điện số …", "… (Kế hoạch số 07/KH-UBND ngày 13/01/2026)".
_REPORTS: Final = re.compile(r"(?:\bban hành|\bký|\bcó|\bcông bố|\bphê duyệt)\s{1,3}$|\(\s{0,3}$", re.IGNORECASE)


def _news_items(page: Page, body: list[_Line]) -> tuple[list[_Item], Mention | None] | None:
    """The items of a page without a bulletin's title (a portal's news page): one per document it reports,
    from the paragraph that reports it to the next one that reports another (headings inside an article
    are part of it). None when the page reports no document that way."""
    text = page.text
    starts: list[int] = []
    seen: set[str] = set()
    for i, (s, e) in enumerate(body):
        for m in page.in_range(MatchKind.REFERENCE, s, e):
            key = str(getattr(m.value, "number", None) or m.text)
            if key not in seen and _REPORTS.search(text[max(s, m.start - 30) : m.start]):
                seen.add(key)
                if not starts or starts[-1] != i:
                    starts.append(i)
    if not starts:
        return None
    summary = page.mention(body[0][0], body[starts[0] - 1][1]) if starts[0] > 0 else None
    bounds = [*starts[1:], len(body)]
    return [(body[i][0], body[j - 1][1], None, None) for i, j in zip(starts, bounds, strict=True)], summary


def _paragraph_items(page: Page, body: list[_Line]) -> list[_Item]:
    """Items of a bulletin without headings or numbers: each paragraph that cites a document
    ("Ngày 15/4, UBND tỉnh ban hành Công văn số …") starts one; the paragraphs after it that cite
    none belong to it. A text with no such paragraph is one item."""
    starts = [
        i
        for i, (s, e) in enumerate(body)
        if any(
            CARRIER_INTRO.search(page.text[max(s, m.start - 30) : m.start])
            for m in page.in_range(MatchKind.REFERENCE, s, e)
        )
    ]
    if len(starts) < 2:
        return [(body[0][0], body[-1][1], None, None)]
    bounds = [*starts[1:], len(body)]
    items: list[_Item] = [(body[0][0], body[starts[0] - 1][1], None, None)] if starts[0] > 0 else []
    items.extend((body[i][0], body[j - 1][1], None, None) for i, j in zip(starts, bounds, strict=True))
    return items
