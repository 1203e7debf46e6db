"""The hypothesis entry point: lazy (``import hypothesis`` imports none of the library's models),
and still complete (``st.from_type`` builds every model, imported before or after hypothesis)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from vngovdirectives._hypothesis_hook import MODELS


def _python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout.strip()


def test_import_hypothesis_loads_no_model() -> None:
    loaded = _python("""
        import sys, hypothesis
        print(sorted(m for m in sys.modules if m.startswith("vngovdirectives")))
    """)
    assert loaded == "['vngovdirectives', 'vngovdirectives._hypothesis_hook', 'vngovdirectives.errors']"


def test_models_imported_after_hypothesis_are_registered() -> None:
    out = _python("""
        import hypothesis
        from hypothesis import strategies as st
        from hypothesis.strategies._internal.types import _global_type_lookup
        from vngovdirectives import VnDate, DocumentNumber, Bulletin
        print(VnDate in _global_type_lookup, DocumentNumber in _global_type_lookup, Bulletin in _global_type_lookup)
        d = st.from_type(VnDate).example()
        print(type(d).__name__, type(st.from_type(DocumentNumber).example()).__name__)
    """)
    assert out.splitlines() == ["True True True", "VnDate DocumentNumber"]


def test_models_imported_before_hypothesis_are_registered() -> None:
    out = _python("""
        from vngovdirectives import Bulletin, Period
        import hypothesis
        from hypothesis import strategies as st
        print(type(st.from_type(Period).example()).__name__, type(st.from_type(Bulletin).example()).__name__)
    """)
    assert out == "Period Bulletin"


def test_the_hook_knows_every_model_with_a_strategy() -> None:
    from vngovdirectives.strategies import type_strategies

    registered = {f"{t.__module__}.{t.__name__}" for t in type_strategies()}
    assert registered == {f"{module}.{name}" for module, names in MODELS.items() for name in names}
