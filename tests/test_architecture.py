"""The shape of the package (docs/architecture.md): layers without cycles, one home per name, small
modules and functions, vocabulary as data."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "vngovdirectives"
MODULES = sorted(SRC.rglob("*.py"))
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULE_NAMES = {_module_name(p) for p in MODULES}


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_imports_another_modules_private_names(path: Path) -> None:
    here = _module_name(path)
    offenders = [
        f"line {node.lineno}: {node.module}.{alias.name}"
        for node in ast.walk(_tree(path))
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("vngovdirectives")
        for alias in node.names
        if alias.name.startswith("_")
        and node.module != here
        and f"{node.module}.{alias.name}" not in MODULE_NAMES  # a private module: import-linter's contract
    ]
    assert offenders == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_modules_and_functions_stay_small(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"{lines} lines: split the module by concept"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(_tree(path))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []


_EXCEPTION_CLASS = re.compile(r"^class \w+\((?:[\w.]*(?:Error|Exception|Warning)\b[^)]*)\):", re.MULTILINE)


def test_every_exception_is_defined_in_errors_py() -> None:
    homes = [str(p.relative_to(SRC)) for p in MODULES if _EXCEPTION_CLASS.search(p.read_text(encoding="utf-8"))]
    assert homes == ["errors.py"]


def test_vocabulary_files_are_documented_and_used() -> None:
    vocab = SRC / "data" / "vocab"
    code = "\n".join(p.read_text(encoding="utf-8") for p in MODULES)
    for path in sorted(vocab.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("#"), f"{path.name} must open with a comment saying what it is for"
        assert f'"{path.stem}"' in code or f"'{path.stem}'" in code, f"{path.name} is read by no module"


@pytest.mark.skipif(shutil.which("lint-imports") is None, reason="import-linter is not installed")
def test_import_contracts_hold() -> None:
    """The layer contract and the ban on cycles in pyproject.toml ([tool.importlinter])."""
    done = subprocess.run(
        ["lint-imports", "--no-cache"], cwd=SRC.parents[1], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_letter_cases_are_classes_not_code_point_ranges(path: Path) -> None:
    """Upper and lower case are text.patterns.UPPER and LOWER: a range of code points from "À" to "Ỹ"
    holds both cases (it made "Điều" a lower-case word and "đề nghị" a capitalised one)."""
    source = path.read_text(encoding="utf-8")
    assert not re.search("[ÀàÁáẠạ]-[ỸỹỴỵ]", source)
