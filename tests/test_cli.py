"""The command line, run in-process and as `python -m vngovdirectives`."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from vngovdirectives.cli import main


def test_number_prints_the_parts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["number", "Số: 61/2018/NĐCP"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "61/2018/NĐ-CP"
    assert "Nghị định" in out
    assert "legal" in out


def test_number_jsonl_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("8662/VPCP-KGVX\n\n05 – CT/TW\n"))
    assert main(["number", "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["number"] for r in records] == ["8662/VPCP-KGVX", "05-CT/TW"]
    assert records[0]["units"] == ["KGVX"]
    assert records[1]["scheme"] == "party"


def test_number_reports_bad_input_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["number", "15/3/2024", "07/KH-UBND"]) == 1
    captured = capsys.readouterr()
    assert "07/KH-UBND" in captured.out
    assert "looks like a date" in captured.err


def test_number_jsonl_error_record(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["number", "--format", "jsonl", "12/QĐ UBND"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record == {
        "input": "12/QĐ UBND",
        "error": "white space inside a document number",
        "offset": 5,
        "fragment": " ",
    }


def test_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vngovdirectives", "number", "5/ct-ttg"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert done.stdout.splitlines()[0] == "05/CT-TTg"
