"""Which document a number stands for: its canonical number, and its issue date when that tells.

Document numbers are not unique. Every province's people's committee, council and departments
number their documents from 1 each year (Hà Nội and Hà Tĩnh both issued a "74/2025/QĐ-UBND" in
2025), and a number without a year ("2828/QĐ-UBND", "1085/QĐ-TTg") comes back every year. What
tells such documents apart is when they were issued:

- a number with a year whose issuers are all bodies of which the country has one (the
  Government, a ministry, the National Assembly: "61/2018/NĐ-CP"; ``national`` in
  ``data/agencies.tsv``) names one document;
- a national number without a year names one document a year (``1085/QĐ-TTg@2022``), save the
  Party's central documents, which are numbered through a congress term ("57-NQ/TW"): one document;
- any other number names one document a day: ``74/2025/QĐ-UBND@2025-12-04``.

A number gets such keys only when the corpus dates it in two or more ways (in its own files or in
the citations of it); a mention that gives no date then stays on the bare number, since the corpus
cannot tell which one it means. A date that cannot be the issue date (another year than the
number's own) is no evidence. A number dated one way at most keeps its bare key.

>>> from vngovdirectives.dates import parse_date
>>> from vngovdirectives.numbers import parse_number
>>> n = parse_number("74/2025/QĐ-UBND")
>>> ids = Identities([(n, parse_date("04/12/2025")), (n, parse_date("ngày 20 tháng 11 năm 2025")), (n, None)])
>>> ids.key(n, parse_date("20/11/2025")), ids.key(n, None)
('74/2025/QĐ-UBND@2025-11-20', '74/2025/QĐ-UBND')
>>> decree = parse_number("02/2017/TT-VPCP")
>>> Identities([(decree, parse_date("30/10/2017")), (decree, parse_date("31/10/2017"))]).key(decree, None)
'02/2017/TT-VPCP'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vngovdirectives.dates.model import Precision
from vngovdirectives.numbers.codes import is_national_code
from vngovdirectives.numbers.grammar import NumberScheme

if TYPE_CHECKING:
    from collections.abc import Iterable

    from vngovdirectives.dates.model import VnDate
    from vngovdirectives.numbers.model import DocumentNumber

__all__ = ["Identities"]


def _national(number: DocumentNumber) -> bool:
    return bool(number.issuers) and all(is_national_code(code) for code in number.issuers)


def _stamp(number: DocumentNumber, issued_on: VnDate | None) -> str | None:
    """What of ``issued_on`` tells documents numbered ``number`` apart: its day, its year, or
    nothing (a national number with a year; a date too vague, or in another year than the
    number's)."""
    if issued_on is None or issued_on.lunar or issued_on.year is None:
        return None
    if number.year is not None and issued_on.year != number.year:
        return None
    if _national(number):
        return None if number.year is not None or number.scheme is NumberScheme.PARTY else str(issued_on.year)
    return issued_on.iso() if issued_on.precision is Precision.DAY else None


class Identities:
    """The keys of the documents of a corpus, from every (number, issue date) the corpus states."""

    def __init__(self, mentions: Iterable[tuple[DocumentNumber, VnDate | None]]) -> None:
        stamps: dict[str, set[str]] = {}
        for number, issued_on in mentions:
            stamp = _stamp(number, issued_on)
            if stamp is not None:
                stamps.setdefault(str(number), set()).add(stamp)
        self._shared = frozenset(number for number, seen in stamps.items() if len(seen) > 1)

    def key(self, number: DocumentNumber, issued_on: VnDate | None) -> str:
        """The key of the document that ``number``, issued on ``issued_on`` (if known), stands for."""
        bare = str(number)
        stamp = _stamp(number, issued_on) if bare in self._shared else None
        return bare if stamp is None else f"{bare}@{stamp}"
