"""The document reference model: a mention of a document in a text.

>>> from vngovdirectives.numbers import parse_number
>>> ref = DocumentReference(number=parse_number("607/QĐ-UBND"), serial="607", type_name="Quyết định")
>>> str(ref), ref.doc_type.label, ref.short, ref.relation.value
('Quyết định số 607/QĐ-UBND', 'Quyết định', False, 'cited')
"""

from __future__ import annotations

import attrs

from vngovdirectives.dates.model import VnDate  # noqa: TC001 - attrs and cattrs read the annotations
from vngovdirectives.numbers.codes import DocumentType
from vngovdirectives.numbers.model import DocumentNumber  # noqa: TC001 - attrs and cattrs read the annotations
from vngovdirectives.references.relation.model import Relation

__all__ = ["DocumentReference"]


@attrs.frozen(kw_only=True, slots=True)
class DocumentReference:
    """A mention of a document in a text.

    Attributes:
        number: the document number; None for a short reference ("Chỉ thị 16").
        serial: the serial as written in a short reference ("16", "30a"); for a full reference,
            the serial of ``number``.
        type_name: the document type as the text names it ("Công văn", "Văn bản", "Báo cáo thẩm
            định"), or as the type code implies when the text names none; None if neither says.
        issued_on: the issue date attached to this mention ("… ngày 29/3/2019"), if any.
        issuer: the issuing body named after "của", as written, if any.
        header: True for the number line of a document's own header ("Số: 07/KH-UBND").
        relation: what the referenced document is to the text that cites it (its basis, what it
            implements, amends, replaces …; :class:`~vngovdirectives.references.relation.Relation`),
            as the finders judge it from the words around the mention; ``cited`` when nothing says.
        part: the part of the referenced document the text names with the relation ("khoản 2
            Điều 15" of "sửa đổi khoản 2 Điều 15 Quyết định số …"), if any.
    """

    number: DocumentNumber | None = None
    serial: str
    type_name: str | None = None
    issued_on: VnDate | None = None
    issuer: str | None = None
    header: bool = False
    relation: Relation = Relation.CITED
    part: str | None = None

    @property
    def short(self) -> bool:
        """True for a reference without a symbol ("Nghị quyết 30a", "Quyết định số 1342")."""
        return self.number is None

    @property
    def doc_type(self) -> DocumentType | None:
        """The document type, from the type the text names or else from the number's type code."""
        if self.type_name is not None:
            named = DocumentType.from_label(self.type_name)
            if named is not None:
                return named
        return self.number.doc_type if self.number is not None else None

    def __str__(self) -> str:
        head = f"{self.type_name} số " if self.type_name else "số "
        body = str(self.number) if self.number is not None else self.serial
        date = f" {self.issued_on}" if self.issued_on is not None else ""
        issuer = f" của {self.issuer}" if self.issuer else ""
        return f"{head}{body}{date}{issuer}"
