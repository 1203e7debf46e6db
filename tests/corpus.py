"""Where the shared real corpus is (it is not part of the repository): ``$VNGOVDIRECTIVES_SHARED``,
else ``../shared`` beside the checkout, else ``/work/shared`` (where CI keeps it). Tests that need
it skip when none exists."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared() -> Path | None:
    """The folder of the shared corpus, or None."""
    candidates = [os.environ.get("VNGOVDIRECTIVES_SHARED"), ROOT.parent / "shared", "/work/shared"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "corpus").is_dir():
            return Path(candidate)
    return None


def real(*parts: str) -> Path | None:
    """A path under ``corpus/real`` of the shared corpus, when it exists."""
    base = shared()
    path = base.joinpath("corpus", "real", *parts) if base is not None else None
    return path if path is not None and path.exists() else None
