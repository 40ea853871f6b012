"""How an hzmap process is run for speed: the tricks that reach past any one module, each with
what it saves and why it is safe. The command line, the renderer and the window call these; no
Qt here, and nothing of hzmap is imported (the window's own modules are named, not imported,
so that this module stays below every room).

- one OpenBLAS thread (`one_blas_thread`);
- Python's cycle collector off where it only walks objects that live as long as the process
  (`collector_off_for`, `collector_off_until_first_frame`, `collector_on_after_first_frame`,
  `freeze_long_lived`, `thaw`) or that a large file's reading makes and frees
  (`collector_paused`);
- a table's text columns made numpy strings when first asked for, in a command that ends
  (`text_on_demand_for`);
- import order: matplotlib without its Artist property tables (`import_matplotlib_lean`), and
  the drawing before Qt (`import_drawing_before_qt`);
- a command-line process ends without tearing its modules down (`end_process`).
"""
from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys

# -- threads -------------------------------------------------------------------------------------


def one_blas_thread() -> None:
    """hzmap does no large linear algebra: one OpenBLAS thread, not one per core spinning beside
    the main thread from numpy's import on (about 0.1 s of CPU on two cores). Takes effect only
    before numpy is imported; a user's own setting wins."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


# -- the cycle collector -------------------------------------------------------------------------

#: Commands that draw a bounded number of pages (one map, an atlas on one Figure, a dossier).
#: Importing matplotlib and drawing allocate millions of objects, and the collector's passes over
#: them take 60-70 ms of a 0.8 s export while freeing almost nothing (an atlas's peak memory is
#: the same either way; reference counting frees the rest). A deck of up to 200 slides keeps the
#: collector.
WITHOUT_CYCLE_COLLECTOR = frozenset({"export", "dossier"})


def collector_off_for(command: str | None) -> None:
    """Run a command of WITHOUT_CYCLE_COLLECTOR without the collector, as a whole process."""
    if command in WITHOUT_CYCLE_COLLECTOR:
        gc.disable()


def collector_off_until_first_frame() -> None:
    """Importing matplotlib, Qt and the model and building the window allocate millions of
    objects that live as long as the app; the collector's passes over them (about 40 ms of the
    start-up) would free nothing. Off until the first frame is drawn."""
    gc.disable()


def collector_on_after_first_frame() -> None:
    """After the first frame: what start-up made is frozen (left out of full passes) and the
    collector runs as usual for everything made later."""
    gc.freeze()
    gc.enable()


def freeze_long_lived() -> None:
    """Leave what lives now out of the collector's full passes. The window calls this once the
    geodata, the dataset and every layout's artists are built: a full pass over them takes
    20-50 ms that would land on a hover or a click now and then. What an earlier freeze kept
    and has since been let go of is freed first; objects made later are collected as before."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def thaw() -> None:
    """Let frozen objects be collected again (a new dataset replaces the frozen one)."""
    gc.unfreeze()


@contextlib.contextmanager
def collector_paused():
    """No cycle collection while a large file is read: a million-row table allocates millions of
    lists and tuples, and the collector's passes over them (each a walk over every tracked
    object made since the last) took two thirds of reading one, freeing nothing (reference
    counting frees the rows as they are turned into columns). The collector runs as before
    afterwards; nested pauses keep it paused until the outermost ends."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


# -- a table's text -------------------------------------------------------------------------------

#: Commands that read a user's table, draw or report it once and end. A CSV's text columns are
#: made numpy strings (hzmap.model.layers.frame) to keep a table in a quarter of the memory
#: Python strings take, which matters in a window that keeps the layer; splitting the text and
#: making them costs 0.04 s for a 2 MB table, and an export of a district table looks at one of
#: its columns whole. These commands find where a plain CSV's cells are without splitting it
#: (hzmap.model.layers.plainfields) and make a column's strings when it is first asked for.
TEXT_ON_DEMAND = frozenset({"export", "dossier", "layer"})
_text_on_demand = False


def text_on_demand_for(command: str | None) -> None:
    """Run a command of TEXT_ON_DEMAND with its tables' text made numpy strings on demand."""
    global _text_on_demand
    _text_on_demand = command in TEXT_ON_DEMAND


def text_on_demand() -> bool:
    return _text_on_demand


# -- import order ----------------------------------------------------------------------------------

#: The matplotlib modules a picture draws with (Figure and Agg bring most of the rest).
MATPLOTLIB_MODULES = ("matplotlib.figure", "matplotlib.backends.backend_agg", "matplotlib.collections",
                      "matplotlib.legend", "matplotlib.patheffects")


def import_matplotlib_lean() -> None:
    """Import MATPLOTLIB_MODULES without the property table matplotlib writes into the docstring
    of each Artist class as it defines it (`matplotlib.artist.kwdoc`: about 0.1 s of a 0.35 s
    import, paid by the start-up and by every command-line export). hzmap never shows those
    docstrings, and `kwdoc` itself is put back at once, so anything that asks for it later still
    gets the table. A no-op once any of the modules is imported."""
    if any(name in sys.modules for name in MATPLOTLIB_MODULES):
        return
    import matplotlib.artist as artist

    full = getattr(artist, "kwdoc", None)
    if full is None:  # another matplotlib: import it as it comes
        for name in MATPLOTLIB_MODULES:
            importlib.import_module(name)
        return
    artist.kwdoc = _no_table
    try:
        for name in MATPLOTLIB_MODULES:
            importlib.import_module(name)
    finally:
        artist.kwdoc = full


def _no_table(_artist) -> str:
    return ""


#: The modules of the map and its state, none of which imports Qt.
DRAWING_MODULES = ("hzmap.render.map.scene", "hzmap.render.map.layout_overlay", "hzmap.model.geo.geodata",
                   "hzmap.model.session.session", "hzmap.model.session.recovery", "hzmap.fonts")


def import_drawing_before_qt() -> None:
    """Import matplotlib (hzmap.render), numpy, shapely and the model before Qt: once PySide6 is
    imported, its import hook reads the source of every module that imports anything after it
    (to see whether it uses PySide6), about 50 ms of the start-up for matplotlib's and ours."""
    for name in DRAWING_MODULES:
        importlib.import_module(name)


# -- the end ---------------------------------------------------------------------------------------


def end_process(rc) -> None:
    """Exit with `rc` once the output is flushed and the exit handlers have run, without
    tearing down every module and object: for an export that teardown (matplotlib, numpy, the
    figure) takes about 0.1 s and does nothing a user can see. Files are written and closed by
    then (hzmap.model.files.atomic)."""
    import atexit

    try:
        getattr(atexit, "_run_exitfuncs", lambda: None)()
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        pass
    os._exit(rc if isinstance(rc, int) else 1)
