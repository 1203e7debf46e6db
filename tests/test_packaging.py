"""What installing and importing the package gives a user."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata

import vngovdirectives


def test_public_names_are_exported() -> None:
    for name in vngovdirectives.__all__:
        assert hasattr(vngovdirectives, name), name
    assert vngovdirectives.__version__ == metadata.version("vngovdirectives")


def test_import_does_not_load_optional_or_heavy_packages() -> None:
    code = (
        "import sys, vngovdirectives; "
        "print(sorted(m for m in ('hypothesis', 'cattrs', 'holidays', 'lunar_vn') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_entry_points_are_declared() -> None:
    eps = metadata.entry_points()
    hooks = [ep for ep in eps.select(group="hypothesis") if ep.name == "vngovdirectives"]
    assert [ep.value for ep in hooks] == ["vngovdirectives._hypothesis_hook:_hypothesis_setup_hook"]
    scripts = [ep for ep in eps.select(group="console_scripts") if ep.name == "vngovdirectives"]
    assert [ep.value for ep in scripts] == ["vngovdirectives.cli:main"]


def test_typed_marker_ships() -> None:
    files = metadata.files("vngovdirectives") or []
    assert any(str(f).endswith("py.typed") for f in files) or (
        __import__("pathlib").Path(vngovdirectives.__file__).with_name("py.typed").exists()
    )
