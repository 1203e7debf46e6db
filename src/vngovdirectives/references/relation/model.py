"""What a referenced document is to the text that cites it: the :class:`Relation` vocabulary.

>>> Relation("replaces").reverse
<Relation.REPLACED_BY: 'replaced_by'>
>>> [r.value for r in Relation if r.reverse is not None]
['amends', 'replaces', 'repeals', 'amended_by', 'replaced_by', 'repealed_by']
"""

from __future__ import annotations

import enum
from typing import Final

import attrs

__all__ = ["ACTS", "REVERSE", "Classified", "RefSpan", "Relation"]


class Relation(enum.Enum):
    """How a referenced document relates to the text that cites it (on a news page or a bulletin:
    to the item that reports it). ``docs/relations.md`` lists the cue words of each."""

    SELF = "self"  # the document's own number: its header "Số: …", a "Số hiệu" row, the page title
    BASIS = "basis"  # "Căn cứ …"
    IMPLEMENTS = "implements"  # "Thực hiện …", "triển khai …", "hướng dẫn thi hành …", "theo chỉ đạo tại …"
    PROPOSAL = "proposal"  # "Theo đề nghị của … tại Tờ trình số …", "Xét Tờ trình số …"
    AMENDS = "amends"  # "sửa đổi, bổ sung (một số điều của) …"
    REPLACES = "replaces"  # "thay thế …"
    REPEALS = "repeals"  # "bãi bỏ …", "hủy bỏ …", "… hết hiệu lực"
    AMENDED_BY = "amended_by"  # "(Khoản này) được sửa đổi, bổ sung bởi …"
    REPLACED_BY = "replaced_by"  # "(Thông tư này) đã được thay thế bởi …"
    REPEALED_BY = "repealed_by"  # "(Quyết định này) bị bãi bỏ bởi …"
    CARRIER = "carrier"  # the document a bulletin item or a news report carries ("… tại Công văn số …")
    REPLY = "reply"  # the letter this one answers ("… nhận được công văn số …", "Trả lời Công văn số …")
    CITED = "cited"  # any other mention

    @property
    def reverse(self) -> Relation | None:
        """The same act seen from the other document (amends ↔ amended_by …); None for the others."""
        return _REVERSES.get(self)


_REVERSES: Final = {
    Relation.AMENDS: Relation.AMENDED_BY,
    Relation.REPLACES: Relation.REPLACED_BY,
    Relation.REPEALS: Relation.REPEALED_BY,
    Relation.AMENDED_BY: Relation.AMENDS,
    Relation.REPLACED_BY: Relation.REPLACES,
    Relation.REPEALED_BY: Relation.REPEALS,
}

#: The relations of the other document acting on this one.
REVERSE: Final = frozenset({Relation.AMENDED_BY, Relation.REPLACED_BY, Relation.REPEALED_BY})
#: The acts of this document on another one.
ACTS: Final = frozenset({Relation.AMENDS, Relation.REPLACES, Relation.REPEALS})


@attrs.frozen(slots=True)
class RefSpan:
    """A reference to classify: its span in the text, whether the scanner read it as a header
    number line ("Số: 07/KH-UBND"), its canonical number when known (which tells the mentions
    of one document apart more surely than the number read back from the span), and its type and
    serial ("Nghị định 60"), which tell a short reference of a document the text names in full."""

    start: int
    end: int
    header: bool = False
    number: str | None = None
    name: str | None = None


@attrs.frozen(slots=True)
class Classified:
    """The relation of one reference, the part of the other document it names ("khoản 2 Điều 15"
    of "sửa đổi khoản 2 Điều 15 Quyết định số …"), and the cue phrase that decided (None: none did)."""

    relation: Relation
    part: str | None = None
    cue: str | None = None
