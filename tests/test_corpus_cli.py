"""Corpora on the command line: folders, lists of files, --jobs auto, --resume after a kill, the summary."""

from __future__ import annotations

import io
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vngovdirectives.cli import main
from vngovdirectives.cli.batch import cpu_count

SMALL = (
    "Chỉ đạo, điều hành của UBND tỉnh trong tuần (từ ngày {d1}/5 - {d2}/5/2020)\n\n"
    "Bảo đảm an toàn thực phẩm\n\n"
    "Đó là chỉ đạo của UBND tỉnh tại Công văn số {n}/UBND-KGVX ngày {d1}/5/2020. "
    "Yêu cầu Sở Y tế chủ trì kiểm tra, hoàn thành chậm nhất vào ngày {d2}/6/2020.\n"
)


def _tree(root: Path, count: int = 12) -> list[Path]:
    """Files in nested folders, some not text; returned in the order a folder walk gives."""
    made = []
    for i in range(count):
        folder = root / f"q{i % 3}" / ("sub" if i % 2 else "")
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"b{i:03d}.txt"
        path.write_text(SMALL.format(n=100 + i, d1=1 + i % 20, d2=2 + i % 20), encoding="utf-8")
        made.append(path)
    (root / "q0" / "notes.md").write_text("# không đọc", encoding="utf-8")
    (root / "q1" / "page.html").write_text("<p>Công văn số 7/UBND-VX</p>", encoding="utf-8")
    return made


def _sources(out: str) -> list[str]:
    return [json.loads(line)["source"] for line in out.splitlines()]


def test_a_folder_is_walked_recursively_in_sorted_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _tree(tmp_path)
    assert main(["extract", "-q", "--format", "jsonl", str(tmp_path)]) == 0
    sources = _sources(capsys.readouterr().out)
    assert len(sources) == 13  # 12 .txt and the .html; not notes.md
    assert sources == sorted(sources, key=lambda s: Path(s).relative_to(tmp_path).parts)
    assert str(tmp_path / "q1" / "page.html") in sources


def test_glob_chooses_the_files_of_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _tree(tmp_path)
    assert main(["extract", "-q", "--format", "jsonl", "--glob", "*.html", str(tmp_path)]) == 0
    assert _sources(capsys.readouterr().out) == [str(tmp_path / "q1" / "page.html")]
    assert main(["find", "-q", "--format", "jsonl", "--glob", "sub/*.txt", str(tmp_path / "q1")]) == 0
    assert {Path(s).parent.name for s in _sources(capsys.readouterr().out)} == {"sub"}


def test_files_from_a_list_or_standard_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    made = _tree(tmp_path)
    listing = tmp_path / "list.txt"
    listing.write_text("\n".join(map(str, made[:3])) + "\n\n", encoding="utf-8")
    assert main(["extract", "-q", "--format", "jsonl", "--files-from", str(listing)]) == 0
    assert _sources(capsys.readouterr().out) == [str(p) for p in made[:3]]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("\n".join(map(str, made[3:5])).encode())))
    assert main(["find", "-q", "--format", "jsonl", str(made[0]), "--files-from", "-"]) == 0
    assert sorted(set(_sources(capsys.readouterr().out))) == sorted(str(p) for p in (made[0], *made[3:5]))
    assert main(["extract", "--files-from", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err


def test_jobs_auto_is_one_per_cpu(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from vngovdirectives.cli.run import jobs

    assert jobs("auto") == cpu_count() >= 1
    made = _tree(tmp_path, 20)
    assert main(["extract", "--jobs", "auto", "--format", "jsonl", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 21
    assert "21 file(s), 0 document(s), 21 bulletin(s), 0 failed in " in captured.err
    assert all(str(p) in captured.out for p in made)


def test_the_summary_counts_matches_for_find(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _tree(tmp_path, 2)
    assert main(["find", "--format", "jsonl", "--glob", "*.txt", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("2 file(s), ")
    assert " match(s), 0 failed in " in err


# --------------------------------------------------------------------------- --resume


def _run(args: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "vngovdirectives", *args], stderr=subprocess.DEVNULL)


def _kill_when(path: Path, lines: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists() and path.read_bytes().count(b"\n") >= lines:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_resume_after_a_kill_equals_one_uninterrupted_run(tmp_path: Path, fmt: str, jobs: str) -> None:
    corpus = tmp_path / "corpus"
    _tree(corpus, 120)
    (corpus / "q2" / "bad.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 3)  # a failure is held like an item
    whole = tmp_path / f"whole.{fmt}"
    assert main(["extract", "-q", "--format", fmt, "-o", str(whole), str(corpus)]) == 1
    out = tmp_path / f"resumed.{fmt}"
    args = ["extract", "-q", "--jobs", jobs, "--format", fmt, "-o", str(out), "--resume", str(corpus)]
    _kill_when(out, 30, _run(args))
    held = out.read_bytes()
    assert 0 < len(held) < len(whole.read_bytes())
    with out.open("ab") as fh:  # a line cut short by the kill
        fh.write(b'{"kind": "bulletin", "source": "')
    done = subprocess.run([sys.executable, "-m", "vngovdirectives", *args], capture_output=True, check=False)
    assert done.returncode == 1  # bad.txt
    assert out.read_bytes() == whole.read_bytes()
    loud = [a for a in args if a != "-q"]
    again = subprocess.run([sys.executable, "-m", "vngovdirectives", *loud], capture_output=True, check=False)
    assert out.read_bytes() == whole.read_bytes()  # a finished output is finished
    assert "already in the output" in again.stderr.decode()


def test_resume_redoes_the_last_input_of_find(tmp_path: Path) -> None:
    from vngovdirectives.cli.resume import prepare

    out = tmp_path / "matches.jsonl"
    lines = [{"kind": "date", "source": "a.txt", "id": 1}, {"kind": "date", "source": "b.txt", "id": 2}]
    text = "".join(json.dumps(line) + "\n" for line in [lines[0], lines[1], lines[1]])
    out.write_text(text + '{"kind": "da', encoding="utf-8")
    held = prepare(str(out), "jsonl")
    assert held.done == frozenset({(1, "a.txt")})
    assert out.read_text(encoding="utf-8") == json.dumps(lines[0]) + "\n"


def test_resume_needs_a_json_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--resume", "--format", "csv", "-o", str(tmp_path / "a.csv"), str(tmp_path)]) == 2
    assert "--resume needs" in capsys.readouterr().err
    other = tmp_path / "other.json"
    other.write_text("[1, 2]\n", encoding="utf-8")
    assert main(["extract", "--resume", "--format", "json", "-o", str(other), str(tmp_path)]) == 2
    assert "cannot go on with it" in capsys.readouterr().err
