"""The shipped dataset together with the planner's own datasets (drafted plans, shared folders).

Each user dataset folder is loaded by the same loader on top of what is loaded before it
(``load_dataset(..., base=...)``), so its records are checked against the shipped ones: ids are
unique across all, references may point at shipped places and districts, and its excerpts are
checked in its own sources/ folder. The shipped dataset is never written.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .loader import Dataset, DatasetError, load_dataset


def is_user_dataset(path: str | Path) -> bool:
    """A folder the plan importer wrote (or shared): plans.yaml with its texts in sources/."""
    path = Path(path)
    return (path / "plans.yaml").is_file() and (path / "sources").is_dir()


def load_dataset_with(user_dirs: Iterable[str | Path], root: str | Path | None = None,
                      seeds_dir: str | Path | None = None, *, check_excerpts: bool = True,
                      base: Dataset | None = None) -> Dataset:
    """The shipped dataset (or `base`, already loaded) with every user folder on top, in order.
    Raises DatasetError for the first folder with problems (shipped first)."""
    ds = base if base is not None else load_dataset(root, seeds_dir, check_excerpts=check_excerpts)
    for folder in user_dirs:
        ds = load_dataset(folder, seeds_dir if seeds_dir is not None else ds.seeds_dir,
                          check_excerpts=check_excerpts, base=ds)
    return ds


def load_skipping_broken(user_dirs: Iterable[str | Path], root: str | Path | None = None,
                         seeds_dir: str | Path | None = None, *, check_excerpts: bool = False,
                         base: Dataset | None = None) -> tuple[Dataset, dict[Path, DatasetError]]:
    """For the app: the shipped dataset with every user folder that loads cleanly; a broken one
    is left out and its problems returned, so one bad folder never hides the others."""
    ds = base if base is not None else load_dataset(root, seeds_dir, check_excerpts=check_excerpts)
    skipped: dict[Path, DatasetError] = {}
    for folder in user_dirs:
        try:
            ds = load_dataset(folder, seeds_dir if seeds_dir is not None else ds.seeds_dir,
                              check_excerpts=check_excerpts, base=ds)
        except DatasetError as e:
            skipped[Path(folder)] = e
    return ds, skipped


def from_folder(ds: Dataset, folder: str | Path) -> dict[str, list[str]]:
    """The ids of the records that `folder` contributed ({"plans": [...], "layouts": [...]})."""
    folder = Path(folder).resolve()
    out: dict[str, list[str]] = {}
    for (kind, rid), rel in ds.origin.items():
        path = Path(rel)
        path = path if path.is_absolute() else ds.root / path
        try:
            path.resolve().relative_to(folder)
        except ValueError:
            continue
        out.setdefault(kind + "s", []).append(rid)
    return out
