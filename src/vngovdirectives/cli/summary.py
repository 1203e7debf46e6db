"""The readable summary of an extracted file (``extract --format text``)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vngovdirectives.directives.model import Directive, Extracted

__all__ = ["summary"]


def _head(path: str, item: Extracted) -> str:
    from vngovdirectives.directives.model import Bulletin

    if isinstance(item, Bulletin):
        title = item.title.text if item.title else "(no title)"
        period = ""
        if item.period is not None:
            period = f" [{item.period.first_day().isoformat()} … {item.period.last_day().isoformat()}]"
        return f"{path}: bulletin, {len(item.directives)} directive(s): {title}{period}\n"
    parts = (
        item.type_name or "document",
        str(item.number) if item.number else None,
        item.issued_on.iso() if item.issued_on else None,
        item.issuer.text if item.issuer else None,
    )
    head = f"{path}: {' '.join(p for p in parts if p)}\n"
    if item.addressees:
        head += f"     to:        {'; '.join(a.text for a in item.addressees)}\n"
    if item.effective is not None:
        head += f"     effective: {item.effective}\n"
    return head


def _directive(i: int, d: Directive, out: io.StringIO) -> None:
    out.write(f"  {i}. {d.title or '(no heading)'}\n")
    for ref in d.carriers or d.references[:1]:
        out.write(f"     reference: {ref.text}\n")
    if d.issuer is not None:
        out.write(f"     issuer:    {d.issuer.text}\n")
    if d.signer is not None:
        parts = [m.text for m in (d.signer.authority, d.signer.position, d.signer.name) if m is not None]
        out.write(f"     signer:    {' / '.join(parts)}\n")
    for task in d.tasks:
        roles = ", ".join(
            a.name if a.role.value == "responsible" else f"{a.name} ({a.role.value})" for a in task.assignees
        )
        label = f"[{task.label}] " if task.label else ""
        out.write(f"     task:      {label}{roles or '-'}\n")
        for dl in task.deadlines:
            last = f" → {dl.last_day.isoformat()}" if dl.last_day is not None else ""
            out.write(f"       by:      {dl.text}{last}\n")


def summary(path: str, item: Extracted) -> str:
    """The readable summary of one extracted file: its kind, title or header, and each directive."""
    out = io.StringIO()
    out.write(_head(path, item))
    for i, d in enumerate(item.directives, 1):
        _directive(i, d, out)
    return out.getvalue()
