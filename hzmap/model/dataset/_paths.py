"""Where the dataset and the source documents live.

Uses ``hzmap.paths`` (``data_root()``, ``seeds_dir()``) when it is there; otherwise falls back to
the checkout layout: ``<repo>/geodata`` and ``<repo>/../shared/seeds`` (or ``$HZMAP_SEEDS_DIR``).
"""

from __future__ import annotations

import os
from pathlib import Path

_REPO = Path(__file__).resolve().parents[3]


def data_root() -> Path:
    try:
        from hzmap import paths  # type: ignore[attr-defined]
        return Path(paths.data_root())
    except (ImportError, AttributeError):
        return _REPO / "geodata"


def seeds_dir() -> Path | None:
    """The folder with the source documents, or None when it is not there."""
    candidates: list[Path] = []
    try:
        from hzmap import paths  # type: ignore[attr-defined]
        p = paths.seeds_dir()
        if p is not None:
            candidates.append(Path(p))
    except (ImportError, AttributeError):
        pass
    env = os.environ.get("HZMAP_SEEDS_DIR")
    if env:
        candidates.append(Path(env))
    candidates += [_REPO.parent / "shared" / "seeds", _REPO / "seeds"]
    for c in candidates:
        if c.is_dir():
            return c
    return None


def default_districts_csv() -> Path:
    return data_root() / "districts.csv"
