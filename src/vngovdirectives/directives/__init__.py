"""Directives out of bulletins and documents: who must do what, by when, on whose order.

Two kinds of page are read:

- a *bulletin* ("Chỉ đạo, điều hành nổi bật của UBND tỉnh trong tuần qua"), a list of
  directives, each a heading and its paragraph(s) or a numbered item: :func:`parse_bulletin`;
- a single *document* (Quyết định, Kế hoạch, Công văn, Chỉ thị …) with its header, "Căn cứ"
  clauses, articles or numbered points, "Nơi nhận" and signer block: :func:`parse_document`.

:func:`extract` tells them apart. Every parser takes plain text or an HTML page; every piece it
returns keeps a :class:`Span` into the caller's string (the raw HTML for a page).

>>> b = parse_bulletin(
...     "Chỉ đạo, điều hành của UBND tỉnh trong tuần (từ ngày 01/4 - 07/4/2019)\\n\\n"
...     "Phòng, chống dịch tả lợn châu Phi\\n\\n"
...     "UBND tỉnh chỉ đạo nội dung trên tại Công văn số 301/UBND-KT ngày 02/4/2019. "
...     "Yêu cầu Sở Nông nghiệp và PTNT chủ trì, báo cáo kết quả trước ngày 15/4/2019.\\n")
>>> d = b.directives[0]
>>> d.heading.text, str(d.carrier.value.number), d.tasks[0].assignees[0].name
('Phòng, chống dịch tả lợn châu Phi', '301/UBND-KT', 'Sở Nông nghiệp và PTNT')
>>> d.tasks[0].deadlines[0].text, d.tasks[0].deadlines[0].last_day
('trước ngày 15/4/2019', datetime.date(2019, 4, 14))

The package holds the models (:mod:`~vngovdirectives.directives.model`), the reading of a page
(:mod:`~vngovdirectives.directives.page`), tasks (:mod:`~vngovdirectives.directives.tasks`,
:mod:`~vngovdirectives.directives.articles`), bulletins (:mod:`~vngovdirectives.directives.bulletin`),
documents (:mod:`~vngovdirectives.directives.document`, :mod:`~vngovdirectives.directives.signature`)
and the layout that tells them apart (:mod:`~vngovdirectives.directives.layout`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vngovdirectives._fast import paused_gc
from vngovdirectives.directives.bulletin import read_bulletin
from vngovdirectives.directives.document import read_document
from vngovdirectives.directives.layout import read_layout
from vngovdirectives.directives.model import (
    Assignee,
    AssigneeRole,
    Bulletin,
    DeadlineMention,
    Directive,
    Document,
    Extracted,
    Mention,
    Reference,
    ReferenceRole,
    Signer,
    SourceFormat,
    Span,
    Target,
    TargetKind,
    Task,
    TaskKind,
)
from vngovdirectives.directives.page import read_page

if TYPE_CHECKING:
    from vngovdirectives.text.source import SourceText

__all__ = [
    "Assignee",
    "AssigneeRole",
    "Bulletin",
    "DeadlineMention",
    "Directive",
    "Document",
    "Extracted",
    "Mention",
    "Reference",
    "ReferenceRole",
    "Signer",
    "SourceFormat",
    "Span",
    "Target",
    "TargetKind",
    "Task",
    "TaskKind",
    "extract",
    "parse_bulletin",
    "parse_document",
]


def parse_bulletin(source: str | SourceText, /, *, html: bool | None = None) -> Bulletin:
    """Read a "chỉ đạo, điều hành" bulletin (plain text or HTML; ``html=None`` detects it).

    Items are either headed (a heading line, then its paragraphs) or numbered ("1. Tăng cường …").
    Text before the bulletin's title (menus, slogans) is skipped. Never raises on a ``str``.

    Raises:
        InputTypeError: ``source`` is not a ``str``.
    """
    with paused_gc():
        return read_bulletin(read_page(source, html))


def parse_document(source: str | SourceText, /, *, html: bool | None = None) -> Document:
    """Read a single document (plain text or HTML; ``html=None`` detects it).

    Recognises the national motto, the issuing body, "Số: …", the date line, the type title,
    the trích yếu ("V/v …"), "Căn cứ …" clauses, "Điều 1/2/3" or numbered points, "Nơi nhận"
    (and "Kính gửi") and the signer block. What it cannot find stays None or empty; it never
    raises on a ``str``.

    Raises:
        InputTypeError: ``source`` is not a ``str``.
    """
    with paused_gc():
        return read_document(read_page(source, html))


def extract(source: str | SourceText, /, *, html: bool | None = None) -> Extracted:
    """Read ``source`` as a document when it has a document's layout (a header: the motto, a number
    line, a type line with its basis or articles; or a letter's "Kính gửi" and signature), else as a
    bulletin (a digest or a news page that reports documents).

    Raises:
        InputTypeError: ``source`` is not a ``str``.
    """
    with paused_gc():
        return _extract(source, html)


def _extract(source: str | SourceText, html: bool | None) -> Extracted:
    # Apart from :func:`extract`, so that the page is freed before the collector is turned back on: its first
    # collection then walks the result only, not every unit and match of the page (0.025 s -> 0.002 s of
    # collections over the 432 real documents).
    page = read_page(source, html)
    layout = read_layout(page)
    if layout.is_document:
        return read_document(page, layout)
    return read_bulletin(page)
