"""Where the command line writes (``-o PATH`` safety, standard output errors) and what it reads
(one reader for ``find`` and ``extract``: HTML, encodings by evidence, warnings)."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from vngovdirectives.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BULLETIN = EXAMPLES / "bulletin-weekly.txt"
DOCUMENT = EXAMPLES / "document-decision.txt"


def _run(*args: str, stdout: object = subprocess.PIPE, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "vngovdirectives", *args],
        check=False,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=timeout,
    )


def _no_temporaries(folder: Path) -> None:
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []


# --------------------------------------------------------------------------- -o PATH


def test_a_symbolic_link_is_followed_to_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert main(["extract", "-q", "--format", "json", "-o", str(link), str(BULLETIN)]) == 0
    assert link.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["items"][0]["source"] == str(BULLETIN)
    _no_temporaries(tmp_path)


def test_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "new.csv")
    assert main(["extract", "-q", "--format", "csv", "-o", str(link), str(BULLETIN)]) == 0
    assert link.is_symlink()
    assert (tmp_path / "new.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_device_is_written_directly_and_stays_a_device() -> None:
    assert main(["extract", "-q", "--format", "json", "-o", os.devnull, str(BULLETIN)]) == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_device_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "-q", "--format", "json", "-o", "/dev/full", str(BULLETIN)]) == 2
    err = capsys.readouterr().err
    assert err == "error: /dev/full: No space left on device\n"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_fifo_is_written_directly(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    assert main(["extract", "-q", "--format", "jsonl", "-o", str(fifo), str(BULLETIN)]) == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert json.loads(got[0])["source"] == str(BULLETIN)


def test_a_directory_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "-q", "--format", "json", "-o", str(tmp_path), str(BULLETIN)]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path}: Is a directory\n"


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_new_file_gets_the_mode_open_gives(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        for fmt in ("json", "csv", "markdown"):
            target = tmp_path / f"out-{umask:o}.{fmt}"
            assert main(["extract", "-q", "--format", fmt, "-o", str(target), str(BULLETIN)]) == 0
            assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    finally:
        os.umask(old)


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    assert main(["extract", "-q", "--format", "json", "-o", str(target), str(BULLETIN)]) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8").startswith('{"format": "vngovdirectives"')


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "text"])
def test_the_output_is_untouched_when_every_input_fails(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out"
    target.write_bytes(b"previous run")
    missing = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert main(["extract", "--format", fmt, "-o", str(target), *missing]) == 1
    assert target.read_bytes() == b"previous run"
    assert "2 file(s), 0 document(s), 0 bulletin(s), 2 failed" in capsys.readouterr().err
    _no_temporaries(tmp_path)
    assert main(["extract", "-q", "--format", fmt, "-o", str(target), missing[0], str(BULLETIN)]) == 1
    assert target.read_bytes() != b"previous run"  # one input worked: the output is written


def test_errors_name_the_users_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no" / "such" / "folder" / "out.json"
    assert main(["extract", "-q", "--format", "json", "-o", str(target), str(BULLETIN)]) == 2
    assert capsys.readouterr().err == f"error: {target}: No such file or directory\n"


# --------------------------------------------------------------------------- standard output


def test_a_closed_pipe_is_a_one_line_error(tmp_path: Path) -> None:
    files = [str(BULLETIN)] * 200
    with subprocess.Popen(
        [sys.executable, "-m", "vngovdirectives", "extract", "-q", "--format", "jsonl", *files],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.read(100)
        proc.stdout.close()
        err = proc.stderr.read().decode()
        status = proc.wait(timeout=120)
    assert status == 2
    assert err == "error: standard output: Broken pipe\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_on_standard_output_is_a_one_line_error() -> None:
    with open("/dev/full", "wb") as full:
        done = _run("extract", "-q", "--format", "json", str(BULLETIN), stdout=full)
    assert done.returncode == 2
    assert done.stderr.decode() == "error: standard output: No space left on device\n"


def test_sigterm_leaves_no_temporary_file_and_the_output_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"previous run")
    files = [str(BULLETIN), str(DOCUMENT)] * 2000
    with subprocess.Popen(
        [sys.executable, "-m", "vngovdirectives", "extract", "-q", "--format", "jsonl", "-o", str(target), *files],
        stderr=subprocess.PIPE,
    ) as proc:
        deadline = time.monotonic() + 60
        while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGTERM)
        status = proc.wait(timeout=60)
    assert status == 128 + signal.SIGTERM
    assert target.read_bytes() == b"previous run"
    _no_temporaries(tmp_path)


# --------------------------------------------------------------------------- one reader


PAGE = (
    "<html><head><script>var so = 'Quyết định số 99/QĐ-XYZ';</script></head><body>"
    "<p>Ngày 08/5/2024, UBND tỉnh ban hành Công văn số 1502/UBND-KT.</p></body></html>"
)


@pytest.mark.parametrize("name", ["page.html", "page.txt"])
def test_find_reads_html_like_extract(tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    path.write_text(PAGE, encoding="utf-8")
    assert main(["find", "-q", "--format", "jsonl", str(path)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    numbers = [r["value"]["number"] for r in records if r["kind"] == "reference"]
    assert numbers == ["1502/UBND-KT"]  # not the one inside <script>
    for r in records:
        start, end = r["span"]
        assert PAGE[start:end] == r["text"]
    assert main(["extract", "-q", "--format", "jsonl", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["source_format"] == "html"


def test_the_html_flag_forces_html_for_both(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "fragment.txt"
    path.write_text("Công văn số 1502/UBND&#8209;KT", encoding="utf-8")  # no tag: read as text by default
    assert main(["find", "-q", "--format", "jsonl", str(path)]) == 0
    assert "1502/UBND-KT" not in capsys.readouterr().out
    assert main(["find", "-q", "--html", "--format", "jsonl", str(path)]) == 0
    assert "1502/UBND-KT" in capsys.readouterr().out
    assert main(["extract", "-q", "--html", "--format", "jsonl", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["source_format"] == "html"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_extract_reads_wide_encodings_without_a_mark(
    tmp_path: Path, encoding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(DOCUMENT.read_text(encoding="utf-8").encode(encoding))
    assert main(["extract", "-q", "--format", "jsonl", str(path)]) == 0
    item = json.loads(capsys.readouterr().out)
    assert (item["kind"], item["number"]["canonical"]) == ("document", "845/QĐ-UBND")


@pytest.mark.parametrize("command", ["find", "extract"])
@pytest.mark.parametrize(("data", "warning"), [(b"", "empty input"), (b" \n\t\n", "no text, only white space")])
def test_an_empty_input_is_a_warning(
    tmp_path: Path, command: str, data: bytes, warning: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    assert main([command, "--format", "jsonl", str(path)]) == 0
    assert f"warning: {path}: {warning}\n" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["find", "extract"])
def test_binary_data_is_an_error_for_both(tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 8)
    assert main([command, "-q", "--format", "jsonl", str(path)]) == 1
    assert f"error: {path}: " in capsys.readouterr().err


# --------------------------------------------------------------------------- the schema of every JSON output


@pytest.mark.parametrize("command", ["extract", "find"])
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_every_json_output_of_the_command_line_validates(
    command: str, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from vngovdirectives.plugins.exporters.builtin import json_schema

    schema = json_schema()
    missing = str(tmp_path / "missing.txt")
    files = [str(BULLETIN), str(DOCUMENT), str(EXAMPLES / "bulletin-weekly.html"), missing]
    main([command, "-q", "--format", fmt, *files])
    out = capsys.readouterr().out
    if fmt == "json":
        documents = [json.loads(out)]
    else:
        item = {"$schema": schema["$schema"], "$ref": "#/$defs/Item", "$defs": schema["$defs"]}
        schema, documents = item, [json.loads(line) for line in out.splitlines()]
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    for document in documents:
        assert [e.message[:200] for e in validator.iter_errors(document)] == []
    assert '"kind": "error"' in out
