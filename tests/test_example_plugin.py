"""The example third-party plugin (examples/vngovdirectives-sqlite), when it is installed.

CI installs it with ``pip install ./examples/vngovdirectives-sqlite``; elsewhere these tests skip.
"""

from __future__ import annotations

import sqlite3
from importlib.metadata import entry_points
from typing import TYPE_CHECKING

import pytest

from vngovdirectives.plugins import ENV_LOAD_PLUGINS, available_formats, export, list_plugins
from vngovdirectives.plugins import host as plugins
from vngovdirectives.testing import check_exporter, sample_items

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.skipif(
    not any(ep.name == "sqlite" for ep in entry_points(group="vngovdirectives")),
    reason="the example plugin is not installed (pip install ./examples/vngovdirectives-sqlite)",
)


@pytest.fixture(autouse=True)
def _real_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    """Discover the installed plugins for real, from an unbuilt plugin manager."""
    monkeypatch.setattr(plugins, "_host", None)
    monkeypatch.delenv(ENV_LOAD_PLUGINS, raising=False)


def test_installing_the_plugin_adds_its_format() -> None:
    assert "sqlite" in available_formats()
    assert {"json", "jsonl", "csv", "markdown"} <= set(available_formats())
    info = {p.name: p for p in list_plugins()}["sqlite"]
    assert (info.builtin, info.formats, info.package) == (False, ("sqlite",), "vngovdirectives-sqlite")
    assert info.version


def test_the_plugin_conforms() -> None:
    check_exporter("sqlite")


def test_the_database_opens_and_keeps_its_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "export.db"
    path.write_bytes(export(sample_items(), to="sqlite"))
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("SELECT count(*) FROM directives").fetchone() == (4,)
    db.close()


def test_the_environment_variable_can_leave_it_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_LOAD_PLUGINS, "")
    assert "sqlite" not in available_formats()
