"""Document references: mentions of a document in a text, full ("Quyết định số 607/QĐ-UBND ngày
29/3/2019 của UBND tỉnh") or short ("Chỉ thị 16").

:class:`DocumentReference` is the model; :func:`~vngovdirectives.references.scan.scan_references`
the scanner behind the finders (:func:`vngovdirectives.find_references` is the public entry
point, :func:`vngovdirectives.parse_reference` reads a text that is exactly one reference).
:mod:`~vngovdirectives.references.relation` tells what each referenced document is to the text
that cites it (:class:`Relation`: its basis, what it implements, amends, replaces, repeals …).
"""

from __future__ import annotations

from vngovdirectives.references.model import DocumentReference
from vngovdirectives.references.relation import Relation

__all__ = ["DocumentReference", "Relation"]
