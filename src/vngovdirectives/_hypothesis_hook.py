"""Registration of the library's strategies with hypothesis, through hypothesis' entry point, lazily.

Hypothesis runs its entry points while it is being imported, in every project of the environment,
whether or not it uses vngovdirectives. So the hook imports nothing of the library: it registers
the strategies of the models whose modules are already imported, and for the others it leaves a
small import hook that registers them right after their module is first imported. Registering
costs a few microseconds; ``import hypothesis`` stays as fast as without the package
(``benchmarks/bench_import.py`` measures it, ``tests/test_hypothesis_hook.py`` checks that no
module of the library is imported).

Each type is registered with a function that hypothesis calls when it resolves the type, so
:mod:`vngovdirectives.strategies` itself is imported only when a test first asks for one of them.
"""

from __future__ import annotations

import importlib.abc
import sys
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType

#: The modules that define the models with a strategy, and the names of those models.
MODELS: Final[dict[str, tuple[str, ...]]] = {
    "vngovdirectives.numbers.model": ("DocumentNumber",),
    "vngovdirectives.dates.model": ("VnDate", "Period", "TimeOfDay"),
    "vngovdirectives.deadlines.model": (
        "NoLaterThan",
        "Before",
        "Within",
        "Relative",
        "Starting",
        "Effective",
        "Recurring",
    ),
    "vngovdirectives.directives.model": ("Directive", "Bulletin", "Document", "Task"),
}


def _strategy_for(type_: type[Any]) -> Any:
    """The strategy of ``type_`` (hypothesis calls this when it resolves the type)."""
    from vngovdirectives.strategies import type_strategies

    return type_strategies()[type_]


def _register(module: ModuleType) -> None:
    from hypothesis import strategies as st

    for name in MODELS[module.__name__]:
        st.register_type_strategy(getattr(module, name), _strategy_for)


class _Loader(importlib.abc.Loader):
    """Runs the real loader, then registers the module's models."""

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self._loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self._loader.exec_module(module)
        _register(module)

    def __getattr__(self, name: str) -> Any:  # get_source, get_resource_reader … of the real loader
        return getattr(self._loader, name)


class _RegisterOnImport(importlib.abc.MetaPathFinder):
    """Finds nothing itself: for the model modules, it wraps the loader the other finders find."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname not in MODELS:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _Loader(spec.loader)
                return spec
        return None


def _hypothesis_setup_hook() -> None:
    """Let ``st.from_type`` build the library's models, registering each once its module is imported."""
    for name in MODELS:
        module = sys.modules.get(name)
        if module is not None:
            _register(module)
    if not any(isinstance(finder, _RegisterOnImport) for finder in sys.meta_path):
        sys.meta_path.insert(0, _RegisterOnImport())
