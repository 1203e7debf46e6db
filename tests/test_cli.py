"""The command line, run in-process and as `python -m vngovdirectives`."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

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


SAMPLE = "Ngày 08/5/2024, UBND tỉnh ban hành Công văn số 1502/UBND-KT, yêu cầu hoàn thành trước ngày 20/5/2024."


def test_find_jsonl_follows_the_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    assert main(["find", "--format", "jsonl", str(path)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    kinds = [r["kind"] for r in records]
    assert kinds.count("reference") == 1
    assert "deadline" in kinds
    for r in records:
        assert list(r) == ["kind", "source", "id", "span", "text", "value"]
        assert (r["source"], r["id"]) == (str(path), 1)
        start, end = r["span"]
        assert SAMPLE[start:end] == r["text"]
    ref = next(r for r in records if r["kind"] == "reference")
    assert ref["value"] == {
        "number": "1502/UBND-KT",
        "doc_type": "Công văn",
        "issued_on": "2024-05-08",
        "issuer": "UBND tỉnh",
        "short": False,
        "relation": "carrier",
        "part": None,
    }
    deadline = next(r for r in records if r["kind"] == "deadline")
    assert deadline["value"] == {
        "kind": "before",
        "due": "2024-05-20",
        "time": None,
        "amount": None,
        "unit": None,
        "anchor": None,
    }
    assert next(r for r in records if r["kind"] == "date")["value"] == "2024-05-08"


def _cp1258_text(text: str) -> bytes:
    # Windows-1258 has the vowels with hat, breve and horn precomposed, and the tones as
    # combining marks: split each tone off its letter, then encode.
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    return out


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),
        lambda s: s.encode("utf-16-le"),
        lambda s: s.encode("utf-16-be"),
        lambda s: s.encode("utf-32"),
        lambda s: s.encode("utf-32-le"),
        lambda s: s.encode("utf-32-be"),
        _cp1258_text,
    ],
    ids=[
        "utf-8",
        "utf-8-bom",
        "utf-16",
        "utf-16le-no-bom",
        "utf-16be-no-bom",
        "utf-32",
        "utf-32le",
        "utf-32be",
        "cp1258",
    ],
)
def test_find_reads_every_supported_encoding(
    encode: Callable[[str], bytes], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(encode(SAMPLE))
    assert main(["find", "--format", "jsonl", str(path)]) == 0
    numbers = [
        json.loads(line)["value"]["number"]
        for line in capsys.readouterr().out.splitlines()
        if json.loads(line)["kind"] == "reference"
    ]
    assert numbers == ["1502/UBND-KT"]


def test_find_reports_undecodable_and_missing_files_but_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x81\x8d\x8f\x90 not text")
    good = tmp_path / "good.txt"
    good.write_text(SAMPLE, encoding="utf-8")
    status = main(["find", str(bad), str(tmp_path / "missing.txt"), str(good)])
    captured = capsys.readouterr()
    assert status == 1
    assert "bad.txt: cannot decode" in captured.err
    assert "missing.txt" in captured.err
    assert "1502/UBND-KT" in captured.out
    assert "Traceback" not in captured.err


def test_find_context_date_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Nộp trước ngày 05/01.".encode())))
    assert main(["find", "--format", "jsonl", "--context-date", "2019-12-28", "-"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert any(r["kind"] == "deadline" and r["value"]["due"] == "2020-01-05" for r in records)
    with pytest.raises(SystemExit):
        main(["find", "--context-date", "28/12/2019", "-"])
