"""Compare what two installations of vngovdirectives make of the same inputs.

usage:
    python scripts/differential.py dump OUT.jsonl      # with the installation under test
    python scripts/differential.py compare A.jsonl B.jsonl

``dump`` runs ``find_all`` and ``extract`` over every excerpt of ``../shared/corpus/dev.jsonl``,
every document of ``../shared/corpus/real/documents-dev.jsonl.gz`` and every file of
``examples/``, and writes one JSON line per input: the matches (kind, span, text and the
unstructured value) and the extracted bulletin or document. It uses only the public top-level
API, so the same script runs against an older checkout. ``compare`` lists the inputs whose
records differ and, for each, the first differing key path; it exits 1 when any differs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def inputs() -> Iterator[tuple[str, str, dt.date | None]]:
    """(name, text, context date) of every input."""
    with (SHARED / "dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                ex = json.loads(line)
                stated = ex.get("context_date") or ""
                yield f"dev/{ex['id']}", ex["text"], dt.date.fromisoformat(stated) if len(stated) == 10 else None
    with gzip.open(SHARED / "real" / "documents-dev.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            yield f"real/{doc['id']}", doc["text"], None
    for path in sorted((ROOT / "examples").glob("*.*")):
        if path.suffix in {".txt", ".html"}:
            yield f"examples/{path.name}", path.read_text(encoding="utf-8"), None


def record(name: str, text: str, context: dt.date | None) -> dict[str, Any]:
    import vngovdirectives as v

    conv = v.make_converter()
    matches = [
        [m.kind.value, m.start, m.end, m.text, type(m.value).__name__, conv.unstructure(m.value)]
        for m in v.find_all(text, context_date=context)
    ]
    try:
        item = v.extract(text)
        extracted: Any = [type(item).__name__, conv.unstructure(item)]
    except Exception as exc:  # recorded, not raised: a difference in failures is a difference too
        extracted = ["error", f"{type(exc).__name__}: {exc}"]
    return {"input": name, "matches": matches, "extracted": extracted}


def first_difference(a: Any, b: Any, path: str = "") -> str | None:
    if type(a) is not type(b):
        return f"{path or '/'}: {a!r:.120} != {b!r:.120}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{path}/{key}: only in {'B' if key not in a else 'A'}"
            found = first_difference(a[key], b[key], f"{path}/{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            found = first_difference(x, y, f"{path}/{i}")
            if found:
                return found
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)} items"
        return None
    return None if a == b else f"{path or '/'}: {a!r:.120} != {b!r:.120}"


def dump(out: Path) -> int:
    with out.open("w", encoding="utf-8") as fh:
        n = 0
        for name, text, context in inputs():
            fh.write(json.dumps(record(name, text, context), ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    print(f"{n} inputs written to {out}")
    return 0


def compare(a: Path, b: Path) -> int:
    def load(p: Path) -> dict[str, Any]:
        with p.open(encoding="utf-8") as fh:
            return {r["input"]: r for r in map(json.loads, fh)}

    left, right = load(a), load(b)
    differing = 0
    for name in sorted(set(left) | set(right)):
        if name not in left or name not in right:
            print(f"{name}: only in {'B' if name not in left else 'A'}")
            differing += 1
            continue
        found = first_difference(left[name], right[name])
        if found:
            print(f"{name}: {found}")
            differing += 1
    print(f"{len(left)} inputs in A, {len(right)} in B, {differing} differ")
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = parser.parse_args()
    return dump(args.out) if args.command == "dump" else compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
