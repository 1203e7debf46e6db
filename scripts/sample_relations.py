"""Relations on the real documents: how many of each, by kind of page, and random samples to read.

usage: python scripts/sample_relations.py [CORPUS.jsonl.gz] [--sample 30] [--seed 1] [--kind KIND]
                                          [--relation REL | --not-cited]

Runs ``find_references`` on every document of ``../shared/corpus/real/documents-dev.jsonl.gz``
and prints the count of each relation (in all and by the publisher's kind of page), then a random
sample of references with the words around them, their relation and part, to check by reading.
Reading samples is how the cue table grows: fix the class a wrong one belongs to, never the one
text.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import random
from pathlib import Path

from vngovdirectives import find_references

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real" / "documents-dev.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kind", help="only pages of this kind (tvpl_docpage, gov_news, …)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--relation", help="only references with this relation")
    group.add_argument("--not-cited", action="store_true", help="only references that are not 'cited'")
    args = parser.parse_args()
    rows = []
    with gzip.open(args.corpus, "rt", encoding="utf-8") as src:
        for line in src:
            doc = json.loads(line)
            rows += [(doc, m) for m in find_references(doc["text"])]
    print(f"{len(rows)} references in {len({d['id'] for d, _ in rows})} documents")
    print(collections.Counter(m.value.relation.value for _, m in rows).most_common())
    by_kind: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for doc, m in rows:
        by_kind[doc["kind"]][m.value.relation.value] += 1
    for kind, counter in sorted(by_kind.items()):
        print(f"  {kind}: {dict(counter.most_common())}")
    pool = [
        (doc, m)
        for doc, m in rows
        if (args.kind is None or doc["kind"] == args.kind)
        and (args.relation is None or m.value.relation.value == args.relation)
        and not (args.not_cited and m.value.relation.value == "cited")
    ]
    for doc, m in random.Random(args.seed).sample(pool, min(args.sample, len(pool))):
        text = doc["text"]
        before = text[max(0, m.start - 160) : m.start].replace("\n", "⏎")
        after = text[m.end : m.end + 50].replace("\n", "⏎")
        part = f" part={m.value.part!r}" if m.value.part else ""
        print(f"[{m.value.relation.value}]{part} {doc['id']} {doc['kind']}\n   …{before}【{m.text}】{after}")


if __name__ == "__main__":
    main()
