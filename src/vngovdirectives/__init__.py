"""vngovdirectives: read Vietnamese government text as typed objects.

>>> from vngovdirectives import parse_number
>>> n = parse_number("Số: 607/QĐ-UBND")
>>> str(n), n.doc_type.label
('607/QĐ-UBND', 'Quyết định')

The top level holds the verbs (``parse_*``, ``find_*``, ``extract``, ``export``, ``load_json``,
``load_records``, ``make_converter``), the models and the errors. Every function that reads a
text raises :class:`InputTypeError` (a ``TypeError``) when given anything else. Helpers live in
their packages: the working-day calendar in :mod:`vngovdirectives.deadlines.workdays`, HTML reading in
:mod:`vngovdirectives.text.html`, completion of year-less dates in :mod:`vngovdirectives.dates`
and :mod:`vngovdirectives.deadlines`, the plugin host in :mod:`vngovdirectives.plugins`.
The names below load their modules on first use, so ``import vngovdirectives`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from vngovdirectives.errors import (
    CalendarError,
    DateError,
    DeadlineError,
    DeadlineParseError,
    DocumentNumberError,
    DocumentReferenceError,
    ExportError,
    ExtractError,
    HtmlError,
    InputTypeError,
    LoadError,
    MissingExtraError,
    OutputError,
    ParseError,
    PluginError,
    PluginWarning,
    SourceError,
    UnknownFormatError,
    VnGovDirectivesError,
)

if TYPE_CHECKING:
    from vngovdirectives.dates import (
        DurationUnit,
        Period,
        Precision,
        TimeOfDay,
        VnDate,
        parse_date,
        parse_period,
        parse_time,
    )
    from vngovdirectives.deadlines import (
        Before,
        Deadline,
        Effective,
        Frequency,
        NoLaterThan,
        Recurring,
        Relative,
        Starting,
        Within,
        last_moment,
        next_due,
        parse_deadline,
        resolve_deadline,
    )
    from vngovdirectives.directives import (
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
        extract,
        parse_bulletin,
        parse_document,
    )
    from vngovdirectives.finding import (
        Match,
        MatchKind,
        Resolution,
        find_all,
        find_dates,
        find_deadlines,
        find_numbers,
        find_periods,
        find_references,
        parse_reference,
        resolve_references,
    )
    from vngovdirectives.numbers import DocumentNumber, DocumentType, NumberScheme, is_valid_number, parse_number
    from vngovdirectives.plugins import Record, export, load_json, load_records
    from vngovdirectives.references import DocumentReference
    from vngovdirectives.serde import make_converter
    from vngovdirectives.text.source import SourceText

#: Where each lazily loaded name lives.
_LAZY: dict[str, str] = {
    **dict.fromkeys(("DocumentNumber", "DocumentType", "NumberScheme", "is_valid_number", "parse_number"), "numbers"),
    **dict.fromkeys(
        ("DurationUnit", "Period", "Precision", "TimeOfDay", "VnDate", "parse_date", "parse_period", "parse_time"),
        "dates",
    ),
    **dict.fromkeys(
        (
            "Before",
            "Deadline",
            "Effective",
            "Frequency",
            "NoLaterThan",
            "Recurring",
            "Relative",
            "Starting",
            "Within",
            "last_moment",
            "next_due",
            "parse_deadline",
            "resolve_deadline",
        ),
        "deadlines",
    ),
    "DocumentReference": "references",
    **dict.fromkeys(
        (
            "Match",
            "MatchKind",
            "Resolution",
            "find_all",
            "find_dates",
            "find_deadlines",
            "find_numbers",
            "find_periods",
            "find_references",
            "parse_reference",
            "resolve_references",
        ),
        "finding",
    ),
    **dict.fromkeys(
        (
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
        ),
        "directives",
    ),
    "SourceText": "text.source",
    "make_converter": "serde",
    "export": "plugins",
    "load_json": "plugins",
    "load_records": "plugins",
    "Record": "plugins",
}

#: Names the top level no longer holds, and where they live now.
_MOVED: dict[str, str] = {
    **dict.fromkeys(
        ("WorkingCalendar", "add_working_days", "count_working_days", "is_working_day", "next_working_day"),
        "vngovdirectives.deadlines.workdays",
    ),
    **dict.fromkeys(("HtmlText", "html_to_text", "looks_like_html"), "vngovdirectives.text.html"),
    **dict.fromkeys(("complete", "format_date"), "vngovdirectives.dates"),
    **dict.fromkeys(("complete_deadline", "TemporalValue"), "vngovdirectives.deadlines"),
    **dict.fromkeys(("agency_name", "is_known_code"), "vngovdirectives.numbers"),
    **dict.fromkeys(
        (
            "Exporter",
            "PluginInfo",
            "available_formats",
            "get_exporter",
            "get_plugin_manager",
            "hookimpl",
            "list_plugins",
        ),
        "vngovdirectives.plugins",
    ),
}

__all__ = [
    "Assignee",
    "AssigneeRole",
    "Before",
    "Bulletin",
    "CalendarError",
    "DateError",
    "Deadline",
    "DeadlineError",
    "DeadlineMention",
    "DeadlineParseError",
    "Directive",
    "Document",
    "DocumentNumber",
    "DocumentNumberError",
    "DocumentReference",
    "DocumentReferenceError",
    "DocumentType",
    "DurationUnit",
    "Effective",
    "ExportError",
    "ExtractError",
    "Extracted",
    "Frequency",
    "HtmlError",
    "InputTypeError",
    "LoadError",
    "Match",
    "MatchKind",
    "Mention",
    "MissingExtraError",
    "NoLaterThan",
    "NumberScheme",
    "OutputError",
    "ParseError",
    "Period",
    "PluginError",
    "PluginWarning",
    "Precision",
    "Record",
    "Recurring",
    "Reference",
    "ReferenceRole",
    "Relative",
    "Resolution",
    "Signer",
    "SourceError",
    "SourceFormat",
    "SourceText",
    "Span",
    "Starting",
    "Target",
    "TargetKind",
    "Task",
    "TaskKind",
    "TimeOfDay",
    "UnknownFormatError",
    "VnDate",
    "VnGovDirectivesError",
    "Within",
    "export",
    "extract",
    "find_all",
    "find_dates",
    "find_deadlines",
    "find_numbers",
    "find_periods",
    "find_references",
    "is_valid_number",
    "last_moment",
    "load_json",
    "load_records",
    "make_converter",
    "next_due",
    "parse_bulletin",
    "parse_date",
    "parse_deadline",
    "parse_document",
    "parse_number",
    "parse_period",
    "parse_reference",
    "parse_time",
    "resolve_deadline",
    "resolve_references",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f"vngovdirectives.{module}"), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    if name == "__version__":
        from importlib.metadata import version

        return version("vngovdirectives")
    if name in _MOVED:
        raise AttributeError(f"vngovdirectives.{name} has moved: import it from {_MOVED[name]}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY, "__version__"])
