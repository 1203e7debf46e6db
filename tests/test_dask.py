"""vngovdirectives.dask on a local two-worker cluster: the same records as one process, and as the
command line's jsonl; partitioned JSONL and Parquet output."""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from corpus import real
from vngovdirectives.cli import main
from vngovdirectives.errors import MissingExtraError

pytest.importorskip("distributed", reason='needs pip install "vngovdirectives[dask]"')

import vngovdirectives.dask as vd

DEV = real("documents-dev.jsonl.gz")

BULLETIN = (
    "Chỉ đạo, điều hành của UBND tỉnh trong tuần (từ ngày {d}/5 - {e}/5/2024)\n\n"
    "Bảo đảm an toàn thực phẩm\n\n"
    "Đó là chỉ đạo của UBND tỉnh tại Công văn số {n}/UBND-KGVX ngày {d}/5/2024. "
    "Yêu cầu Sở Y tế chủ trì kiểm tra, hoàn thành chậm nhất vào ngày {e}/6/2024.\n"
)
DOCUMENT = (
    "ỦY BAN NHÂN DÂN TỈNH BẮC SƠN\nSố: {n}/KH-UBND\nBắc Sơn, ngày {d} tháng 3 năm 2024\nKẾ HOẠCH\n"
    "Phòng, chống thiên tai năm 2024\n"
    "1. Sở Nông nghiệp và Phát triển nông thôn chủ trì, báo cáo trước ngày {e}/4/2024.\n"
)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A local cluster of two worker processes, one thread each."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _files(folder: Path) -> list[str]:
    paths = []
    for i in range(12):
        text = (BULLETIN if i % 2 else DOCUMENT).format(n=100 + i, d=1 + i, e=10 + i)
        path = folder / f"{i:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    (folder / "bad.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 3)
    paths.insert(5, str(folder / "bad.txt"))
    paths.append(str(folder / "missing.txt"))
    return paths


def _cli_jsonl(paths: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    main(["extract", "-q", "--format", "jsonl", *paths])
    return capsys.readouterr().out


def test_the_cluster_gives_the_records_of_one_process_and_of_the_cli(
    client: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(client.scheduler_info()["workers"]) == 2
    paths = _files(tmp_path)
    on_cluster = vd.extract_bag(paths, partition_size=3).compute()
    assert on_cluster == list(vd.extract_records(paths))
    cli = _cli_jsonl(paths, capsys)
    assert on_cluster == [json.loads(line) for line in cli.splitlines()]
    assert [(r["id"], r["kind"]) for r in on_cluster][4:7] == [(5, "document"), (6, "error"), (7, "bulletin")]
    written = vd.to_jsonl(vd.extract_bag(paths, partition_size=3), tmp_path / "out")
    assert [Path(p).name for p in written] == [f"part-{i:05d}.jsonl" for i in range(5)]
    assert "".join(Path(p).read_text(encoding="utf-8") for p in written) == cli


def test_parquet_holds_a_row_per_file(client: Any, tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    paths = _files(tmp_path)
    written = vd.to_parquet(vd.extract_bag(paths, npartitions=2), tmp_path / "pq")
    rows = [row for path in written for row in parquet.read_table(path).to_pylist()]
    assert [r["id"] for r in rows] == list(range(1, len(paths) + 1))
    assert rows[0]["number"] == "100/KH-UBND"
    assert rows[0]["issued_on"] == "2024-03-01"
    assert rows[5]["kind"] == "error"
    assert "cannot decode" in rows[5]["error"]
    assert json.loads(rows[1]["record"])["kind"] == "bulletin"


@pytest.mark.skipif(DEV is None, reason="the shared corpus (documents-dev.jsonl.gz) is not available")
def test_the_real_dev_documents_give_the_same_records_on_two_workers(client: Any, tmp_path: Path) -> None:
    assert DEV is not None
    paths = []
    with gzip.open(DEV, "rt", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            path = tmp_path / f"{doc['id']}.txt"
            path.write_text(doc["text"], encoding="utf-8")
            paths.append(str(path))
    assert len(paths) > 400
    on_cluster = vd.extract_bag(paths).compute()
    assert on_cluster == list(vd.extract_records(paths))
    assert {r["kind"] for r in on_cluster} <= {"bulletin", "document"}


def test_without_dask_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(MissingExtraError, match=r'pip install "vngovdirectives\[dask\]"'):
        vd.extract_bag(["a.txt"])


def test_without_pyarrow_the_parquet_error_names_the_extra(
    client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(MissingExtraError, match=r'pip install "vngovdirectives\[dask,parquet\]"'):
        vd.to_parquet(vd.extract_bag(_files(tmp_path), npartitions=1), tmp_path / "pq")
    assert not (tmp_path / "pq").exists()  # nothing written
