"""Registration of the library's strategies with hypothesis, run through hypothesis' entry point.

This module must not import :mod:`vngovdirectives.strategies` at import time: hypothesis runs its
entry points while it is itself being imported, possibly from inside that very module.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """Let ``st.from_type`` build the library's models (resolved lazily, on first use)."""
    from hypothesis import strategies as st

    from vngovdirectives.docnumbers import DocumentNumber

    def numbers() -> st.SearchStrategy[DocumentNumber]:
        from vngovdirectives.strategies import document_numbers

        return document_numbers()

    st.register_type_strategy(DocumentNumber, st.deferred(numbers))
