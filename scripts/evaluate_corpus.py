"""Score the finders on an annotated corpus (the format of ../shared/corpus/dev.jsonl).

usage: python scripts/evaluate_corpus.py [CORPUS.jsonl] [--relations R.jsonl] [--scorer PATH] [--out PRED.jsonl] [-v]

Runs ``find_all`` on every excerpt (with its ``context_date`` when it is a full date), writes the
predictions in the ``vngovdirectives find --format jsonl`` schema, and scores them with the
corpus' scoring tool (``../shared/tools/score.py`` by default): precision, recall and F1 per kind,
exactness of numbers, types and issue dates, the relation of each reference when the corpus has
its relation labels (``relations-dev.jsonl`` beside it), and with ``-v`` every miss and false find.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from vngovdirectives.finding import find_all, jsonl_record

ROOT = Path(__file__).resolve().parent.parent


def predict(corpus: Path, out: Path) -> int:
    count = 0
    with corpus.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            if not line.strip():
                continue
            excerpt = json.loads(line)
            stated = excerpt.get("context_date") or ""
            context = dt.date.fromisoformat(stated) if len(stated) == 10 else None
            for match in find_all(excerpt["text"], context_date=context):
                dst.write(json.dumps(jsonl_record(match, f"{excerpt['id']}.txt"), ensure_ascii=False) + "\n")
                count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev.jsonl")
    parser.add_argument("--relations", type=Path, help="relation labels (default: relations-dev.jsonl beside it)")
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "tools" / "score.py")
    parser.add_argument("--out", type=Path, help="where to keep the predictions (default: a temporary file)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and false find")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkstemp(suffix=".jsonl")[1])
    n = predict(args.corpus, out)
    print(f"{n} predictions written to {out}")
    command = [sys.executable, str(args.scorer), str(args.corpus), str(out)]
    relations = args.relations or args.corpus.with_name("relations-dev.jsonl")
    if relations.exists():
        command += ["--relations", str(relations)]
    if args.verbose:
        command.append("-v")
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
