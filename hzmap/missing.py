"""What to tell the user when a package hzmap needs cannot be imported.

hzmap imports its heavier packages only when a feature needs them (lxml when a KML file is
opened, python-pptx when a deck is written, ...). An installation or an offline bundle that lacks
one fails only there, and the user is told which package is missing and what it does, not shown
"No module named ..." in a traceback.
"""
from __future__ import annotations

#: The packages hzmap imports on demand (top-level import name -> distribution, what it does).
PACKAGES = {
    "lxml": ("lxml", "reads KML files, Word documents and PowerPoint decks"),
    "python_calamine": ("python-calamine", "reads Excel workbooks"),
    "pyproj": ("pyproj", "converts coordinates between coordinate systems"),
    "pptx": ("python-pptx", "writes PowerPoint decks"),
    "docx": ("python-docx", "reads Word documents (plan import)"),
    "pypdf": ("pypdf", "reads PDF documents (plan import)"),
    "cn2an": ("cn2an", "reads Chinese numerals (plan import)"),
    "PySide6": ("PySide6-Essentials", "draws the map window"),
}


def root_cause(exc: BaseException) -> BaseException:
    """The exception at the end of `exc`'s explicit causes ("raise ... from"): what a wrapper
    such as psygnal's EmitLoopError (a signal's callback failed) stands for."""
    seen = {id(exc)}
    while exc.__cause__ is not None and id(exc.__cause__) not in seen:
        exc = exc.__cause__
        seen.add(id(exc))
    return exc


def is_missing(exc: BaseException) -> bool:
    """A package that cannot be imported, and not one of hzmap's own modules (a defect)."""
    return isinstance(exc, ImportError) and module_of(exc) != "hzmap"


def module_name(exc: ImportError) -> str:
    """The module `exc` could not import ("lxml.etree")."""
    return getattr(exc, "name", None) or str(exc).split("'")[1 if "'" in str(exc) else 0]


def module_of(exc: ImportError) -> str:
    """The top-level package `exc` is about ("lxml" for "No module named 'lxml.etree'")."""
    return module_name(exc).split(".")[0]


def message(exc: ImportError) -> str:
    """One paragraph: which package is missing, what it does in hzmap, and how to get it."""
    top = module_of(exc)
    dist, role = PACKAGES.get(top, (top, "is needed by the part of hzmap just used"))
    if isinstance(exc, ModuleNotFoundError):
        what = f"this installation of hzmap lacks the Python package {dist} (module {module_name(exc)!r}), which {role}"
    else:  # there, but it cannot be loaded (a library it links to is missing or broken)
        what = f"the Python package {dist}, which {role}, cannot be loaded ({exc})"
    return (f"{what}. Install hzmap again with its dependencies (pip install -e . in the checkout), or, "
            "for the offline bundle, rebuild it with packaging/build_bundle.py")
