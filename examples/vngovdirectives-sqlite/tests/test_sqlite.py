"""The sqlite plugin, checked through vngovdirectives itself (as an installed plugin)."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from vngovdirectives.plugins import available_formats, export, list_plugins
from vngovdirectives.testing import check_exporter, sample_items

if TYPE_CHECKING:
    from pathlib import Path


def test_the_format_is_listed_by_vngovdirectives() -> None:
    assert "sqlite" in available_formats()
    info = {p.name: p for p in list_plugins()}["sqlite"]
    assert info.formats == ("sqlite",)
    assert info.package == "vngovdirectives-sqlite"
    assert not info.builtin


def test_conforms_to_the_exporter_contract() -> None:
    assert check_exporter("sqlite").startswith(b"SQLite format 3\x00")


def test_tables_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "out.db"
    path.write_bytes(export(sample_items(), to="sqlite"))
    db = sqlite3.connect(path)
    try:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables == {"items", "directives", "document_references", "tasks", "assignees", "deadlines"}
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert [r[0] for r in db.execute("SELECT id FROM directives ORDER BY id")] == ["1.1", "1.2", "2.1", "3.1"]
        kinds = db.execute("SELECT kind FROM items ORDER BY id").fetchall()
        assert kinds == [("bulletin",), ("document",), ("directive",)]
        rows = db.execute(
            "SELECT d.reference, t.id, dl.text, dl.last_day, dl.time FROM deadlines dl "
            "JOIN directives d ON d.id = dl.directive_id LEFT JOIN tasks t ON t.id = dl.task_id "
            "WHERE d.id = '1.1' ORDER BY dl.id"
        ).fetchall()
        assert rows == [
            ("39/CV-BCĐ", "1.1.1", "trước 0 giờ ngày 01/4/2019", "2019-03-31", "00:00"),
            ("39/CV-BCĐ", None, "trong quý II/2019", "2019-06-30", None),
        ]
        roles = db.execute("SELECT name, role FROM assignees WHERE task_id = '1.1.1' ORDER BY id").fetchall()
        assert roles == [("Sở Y tế", "lead"), ("Công an tỉnh", "support")]
    finally:
        db.close()
