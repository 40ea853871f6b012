"""Importing matplotlib for drawing only (see hzmap/render/__init__.py)."""
from __future__ import annotations

import importlib
import sys

#: The matplotlib modules a picture draws with (Figure and Agg bring most of the rest).
MODULES = ("matplotlib.figure", "matplotlib.backends.backend_agg", "matplotlib.collections",
           "matplotlib.legend", "matplotlib.patheffects")


def import_matplotlib() -> None:
    """Import MODULES with the Artist docstring tables left empty; a no-op once any of them
    is imported (the tables of the classes already defined are kept as they are)."""
    if any(name in sys.modules for name in MODULES):
        return
    import matplotlib.artist as artist

    full = getattr(artist, "kwdoc", None)
    if full is None:  # another matplotlib: import it as it comes
        for name in MODULES:
            importlib.import_module(name)
        return
    artist.kwdoc = _no_table
    try:
        for name in MODULES:
            importlib.import_module(name)
    finally:
        artist.kwdoc = full


def _no_table(_artist) -> str:
    return ""
