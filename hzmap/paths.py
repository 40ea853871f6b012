"""Where hzmap's data folders are, whether it runs from a checkout or an installed package.

The data (geodata/, resources/) lives next to the ``hzmap`` package in the repository.
An editable install imports hzmap from the checkout, so the folders are found there; a
normal install can point at a checkout with ``$HZMAP_REPO``.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def repo_root() -> Path:
    """The folder holding ``hzmap/`` and ``geodata/`` (the repository)."""
    env = os.environ.get("HZMAP_REPO")
    if env:
        return Path(env).resolve()
    return _PACKAGE.parent


def data_root() -> Path:
    """``geodata/``: districts.csv, hangzhou.gpkg and the layout dataset."""
    return repo_root() / "geodata"


def resources_root() -> Path:
    """``resources/``: fonts, icons and other files the app ships."""
    return repo_root() / "resources"


def seeds_dir() -> Path:
    """The source policy documents, kept beside the repository (``../shared/seeds``)."""
    return repo_root().parent / "shared" / "seeds"
