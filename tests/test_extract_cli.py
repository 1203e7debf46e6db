"""The ``extract`` command: summaries, JSON lines, batches, workers, errors and plugin formats."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from vngovdirectives.cli import main
from vngovdirectives.directives import Bulletin, Document, extract
from vngovdirectives.serde import make_converter

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BULLETIN = EXAMPLES / "bulletin-weekly.txt"
DOCUMENT = EXAMPLES / "document-decision.txt"

SMALL = (
    "Chỉ đạo, điều hành của UBND tỉnh trong tuần (từ ngày {d1}/5 - {d2}/5/2020)\n\n"
    "Bảo đảm an toàn thực phẩm\n\n"
    "Đó là chỉ đạo của UBND tỉnh tại Công văn số {n}/UBND-KGVX ngày {d1}/5/2020. "
    "Yêu cầu Sở Y tế chủ trì kiểm tra, hoàn thành chậm nhất vào ngày {d2}/6/2020.\n"
)


def _small(tmp_path: Path, i: int) -> Path:
    path = tmp_path / f"b{i:03d}.txt"
    path.write_text(SMALL.format(n=100 + i, d1=1 + i % 20, d2=2 + i % 20), encoding="utf-8")
    return path


def test_text_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(BULLETIN), str(DOCUMENT)]) == 0
    out = capsys.readouterr().out
    assert f"{BULLETIN}: bulletin, 3 directive(s)" in out
    assert "reference: Công văn số 412/UBND-KT ngày 09/4/2019" in out
    assert "task:      Công an tỉnh\n       by:      chậm nhất vào ngày 15/5/2019 → 2019-05-15\n" in out
    assert "signer:    Phó Chủ tịch UBND tỉnh / Nguyễn Văn An" in out
    assert f"{DOCUMENT}: Quyết định 845/QĐ-UBND 2019-04-05 ỦY BAN NHÂN DÂN TỈNH BẮC SƠN" in out
    assert "signer:    KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Minh Hải" in out
    assert out.index(str(BULLETIN)) < out.index(str(DOCUMENT))


def test_json_lines_round_trip(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--format", "json", str(BULLETIN), str(DOCUMENT)]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert [(r["file"], r["kind"]) for r in records] == [(str(BULLETIN), "bulletin"), (str(DOCUMENT), "document")]
    conv = make_converter()
    union: Any = Bulletin | Document
    for record, path in zip(records, (BULLETIN, DOCUMENT), strict=True):
        del record["file"]
        assert conv.structure(record, union) == extract(path.read_text(encoding="utf-8"))


def test_stdin_and_html_flag(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    page = (EXAMPLES / "bulletin-weekly.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page), encoding="utf-8"))
    assert main(["extract", "--html", "--format", "json", "-"]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["file"] == "-"
    assert record["source_format"] == "html"
    assert len(record["directives"]) == 3
    first = record["directives"][0]["carriers"][0]
    text = page.decode("utf-8")
    assert text[first["span"]["start"] : first["span"]["end"]] == "Công văn số 412/UBND-KT ngày 09/4/2019"


def test_a_bad_file_does_not_stop_the_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x81\x8d\x8f\x90\x9d" * 3)  # undefined in UTF-8 and in Windows-1258
    missing = tmp_path / "missing.txt"
    good = _small(tmp_path, 1)
    assert main(["extract", "--format", "json", str(bad), str(missing), str(good)]) == 1
    captured = capsys.readouterr()
    assert [json.loads(line)["file"] for line in captured.out.splitlines()] == [str(good)]
    assert f"error: {bad}: " in captured.err
    assert f"error: {missing}: " in captured.err


def test_workers_keep_input_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = [_small(tmp_path, i) for i in range(12)]
    assert main(["extract", "--jobs", "2", "--format", "json", *map(str, paths)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["file"] for r in records] == [str(p) for p in paths]
    numbers = [r["directives"][0]["carriers"][0]["value"]["number"]["text"] for r in records]
    assert numbers == [f"{100 + i}/UBND-KGVX" for i in range(12)]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = [str(_small(tmp_path, i)) for i in range(25)]
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert main(["extract", *paths]) == 0
    assert "[25/25]" in err.getvalue()
    err2 = _Terminal()
    monkeypatch.setattr(sys, "stderr", err2)
    assert main(["extract", "--quiet", *paths]) == 0
    assert err2.getvalue() == ""


def test_no_progress_for_few_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert main(["extract", str(_small(tmp_path, 0))]) == 0
    assert err.getvalue() == ""


def test_other_formats_go_to_the_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    from vngovdirectives.plugins import Exporter, get_plugin_manager, hookimpl
    from vngovdirectives.plugins import host as plugins

    seen: dict[str, object] = {}

    class Demo:
        __name__ = "demo-plugin"

        @hookimpl
        def register_exporters(self) -> list[Exporter]:
            return [Exporter(name="demo", media_type="text/plain", suffix=".txt", write=self.write)]

        @staticmethod
        def write(items: Any, stream: Any) -> None:
            seen["items"] = list(items)
            stream.write(b"ok\n")

    monkeypatch.setattr(plugins, "_host", None)
    monkeypatch.setattr(plugins, "_entry_points", list)
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", out)
    pm = get_plugin_manager()
    pm.register(Demo(), name="demo-plugin")
    try:
        assert main(["extract", "--format", "demo", str(BULLETIN), str(DOCUMENT)]) == 0
    finally:
        pm.unregister(name="demo-plugin")
    items = seen["items"]
    assert isinstance(items, list)
    assert [type(i) for i in items] == [Bulletin, Document]
    out.flush()
    assert isinstance(out.buffer, io.BytesIO)
    assert out.buffer.getvalue() == b"ok\n"


def test_unknown_format_fails_before_reading(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--format", "nosuchformat", "missing-file.txt"]) == 2
    err = capsys.readouterr().err
    assert "nosuchformat" in err
    assert "missing-file.txt" not in err


def test_export_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    assert main(["extract", "--format", "csv", "-o", str(target), str(BULLETIN)]) == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "412/UBND-KT" in data.decode("utf-8-sig")


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["extract", "--jobs", "0", str(BULLETIN)])
    assert "--jobs needs at least 1" in capsys.readouterr().err


def test_stdin_among_files_with_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(_small(tmp_path, i)) for i in range(20)]
    stdin = io.TextIOWrapper(io.BytesIO(DOCUMENT.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    args = [*paths[:9], "-", *paths[9:]]
    assert main(["extract", "-j", "2", "--format", "json", *args]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["file"] for r in records] == args
    assert records[9]["kind"] == "document"


def test_unreadable_stdin_is_a_per_file_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"\x81\x8d\x8f\x90\x9d"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    good = str(_small(tmp_path, 3))
    assert main(["extract", "--format", "json", "-", good]) == 1
    captured = capsys.readouterr()
    assert [json.loads(line)["file"] for line in captured.out.splitlines()] == [good]
    assert "error: -: <stdin>: cannot decode" in captured.err
