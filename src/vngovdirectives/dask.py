"""Extracting a corpus on Dask: on the cores of one machine, or on a cluster, unchanged.

Needs the ``dask`` extra (``pip install "vngovdirectives[dask]"``: dask's bags and
``distributed``); Parquet output needs ``pyarrow`` too (the ``parquet`` extra). The unit of work
is one file: its record is the JSON object a ``jsonl`` export writes for it (``"kind"``, ``"source"``, ``"id"`` and the
item's fields, or ``"kind": "error"`` and the message), so the records of a cluster run are the
lines of ``vngovdirectives extract --format jsonl`` over the same paths, in the same order.

.. code-block:: python

    from distributed import Client, LocalCluster
    import vngovdirectives.dask as vd

    with LocalCluster(n_workers=4, threads_per_worker=1) as cluster, Client(cluster):
        bag = vd.extract_bag(paths)                  # paths: files every worker can read
        vd.to_jsonl(bag, "out/")                     # out/part-00000.jsonl, part-00001.jsonl, …
        documents = bag.filter(lambda r: r["kind"] == "document").count().compute()

:func:`extract_records` does the same in one process, without Dask.
"""

from __future__ import annotations

import functools
import importlib
import os
from typing import TYPE_CHECKING, Any, Final

from vngovdirectives.errors import MissingExtraError, VnGovDirectivesError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from dask.bag import Bag

    from vngovdirectives.plugins.exporters.jsonfmt import Renderer

__all__ = ["PARQUET_COLUMNS", "extract_bag", "extract_record", "extract_records", "to_jsonl", "to_parquet"]

_EXTRA: Final = 'vngovdirectives.dask needs dask[bag] and distributed: pip install "vngovdirectives[dask]"'
#: The columns of a Parquet output: an item's header facts, and the whole record as JSON.
PARQUET_COLUMNS: Final = ("id", "source", "kind", "number", "type_name", "issued_on", "error", "record")


@functools.cache
def _renderer() -> Renderer:
    from vngovdirectives.plugins.exporters.jsonfmt import Renderer

    return Renderer()


def extract_record(path: str, id: int, *, html: bool | None = None) -> dict[str, Any]:
    """The record of one file: what ``extract --format jsonl`` writes for it, as a dict.

    Never raises for a file that cannot be read: its record is ``{"kind": "error", …}``.
    """
    from vngovdirectives.directives import extract
    from vngovdirectives.plugins.model import Record
    from vngovdirectives.text.files import read_file

    try:
        read = read_file(path, html=True if html else None)
        record = Record(item=extract(read.text, html=read.html), source=path, id=id)
    except VnGovDirectivesError as exc:
        record = Record(source=path, id=id, error=str(exc))
    except Exception as exc:  # a bug must not stop the batch: report it for this file
        record = Record(source=path, id=id, error=f"internal error: {type(exc).__name__}: {exc}")
    return _renderer().data(record)


def extract_records(paths: Iterable[str], *, html: bool | None = None) -> Iterator[dict[str, Any]]:
    """The record of every path, in order, in this process (ids count from 1)."""
    for n, path in enumerate(paths, 1):
        yield extract_record(path, n, html=html)


def _bag_module() -> Any:
    try:
        import dask.bag
    except ImportError:
        raise MissingExtraError(_EXTRA) from None
    return dask.bag


def extract_bag(
    paths: Iterable[str], *, html: bool | None = None, partition_size: int = 32, npartitions: int | None = None
) -> Bag:
    """A Dask bag of the record of every path (ids count from 1 in the order given).

    The bag is lazy: compute it, or write it with :func:`to_jsonl` or :func:`to_parquet`, on
    whatever scheduler is active (a ``distributed.Client``, or Dask's default). Every worker must
    be able to read the paths (a shared file system, or copies at the same place).

    Raises:
        MissingExtraError: dask is not installed.
    """
    bag = _bag_module()
    numbered = [(os.fspath(path), n) for n, path in enumerate(paths, 1)]
    if npartitions is not None:
        tasks = bag.from_sequence(numbered, npartitions=npartitions)
    else:
        tasks = bag.from_sequence(numbered, partition_size=partition_size)
    return tasks.starmap(extract_record, html=html)  # type: ignore[no-any-return]


def _line(record: dict[str, Any]) -> str:
    from vngovdirectives.plugins.exporters.jsonfmt import dump_line

    return dump_line(record).decode("utf-8")


def to_jsonl(bag: Bag, directory: str | os.PathLike[str]) -> list[str]:
    """Write the records of ``bag`` as partitioned JSON lines, ``part-00000.jsonl`` … in ``directory``
    (a local path or any URL fsspec knows, such as ``s3://bucket/run/``); returns the files written.

    Each line is a ``jsonl`` item; the parts, in order, hold the records in order.
    """
    _bag_module()
    target = os.fspath(directory).rstrip("/") + "/*.jsonl"
    lines: Any = bag.map(_line)  # type: ignore[no-untyped-call]
    written: list[str] = lines.to_textfiles(
        target, name_function=lambda i: f"part-{i:05d}", encoding="utf-8", last_endline=True
    )
    return written


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    number = record.get("number")
    return {
        "id": record.get("id"),
        "source": record.get("source"),
        "kind": record.get("kind"),
        "number": number.get("canonical") if isinstance(number, dict) else None,
        "type_name": record.get("type_name"),
        "issued_on": record.get("issued_on"),
        "error": record.get("message"),
        "record": _line(record),
    }


def _write_parquet(records: list[dict[str, Any]], path: str) -> str:
    pa: Any = importlib.import_module("pyarrow")  # typed as Any: an optional package
    parquet: Any = importlib.import_module("pyarrow.parquet")
    fields = [pa.field(name, pa.int64() if name == "id" else pa.string()) for name in PARQUET_COLUMNS]
    table = pa.Table.from_pylist([_flat(r) for r in records], schema=pa.schema(fields))
    parquet.write_table(table, path)
    return path


def to_parquet(bag: Bag, directory: str | os.PathLike[str]) -> list[str]:
    """Write the records of ``bag`` as Parquet files, ``part-00000.parquet`` … in ``directory``, one
    row per file with the columns :data:`PARQUET_COLUMNS` (the whole record as JSON in ``record``);
    returns the files written. ``directory`` must be reachable by every worker.

    Raises:
        MissingExtraError: pyarrow (or dask) is not installed.
    """
    _bag_module()
    try:
        importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise MissingExtraError('Parquet output needs pyarrow: pip install "vngovdirectives[dask,parquet]"') from None
    dask: Any = importlib.import_module("dask")  # typed as Any: dask's own annotations are partial
    folder = os.fspath(directory)
    os.makedirs(folder, exist_ok=True)
    parts: list[Any] = bag.to_delayed()  # type: ignore[no-untyped-call]
    write = dask.delayed(_write_parquet)
    paths = [os.path.join(folder, f"part-{i:05d}.parquet") for i in range(len(parts))]
    (written,) = dask.compute([write(part, path) for part, path in zip(parts, paths, strict=True)])
    return list(written)
