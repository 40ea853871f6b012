"""The planner's own datasets: listing, removing, sharing as a zip, importing a shared folder or
zip. No Qt: the app passes its user data folder in.

Layout: <user data>/datasets/<name>/{plans.yaml, layouts/, measures/, targets/, places/,
sources/}. Importing never writes outside that folder: zip members with absolute paths, "..",
links or unexpected file types are refused, sizes and counts are bounded, and the dataset is
validated against the shipped one (and the other user datasets) before it is moved in place.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from hzmap.model.files import safezip
from hzmap.model.files.atomic import write_atomic
from hzmap.model.files.safeio import FileProblem

from .loader import DatasetError
from .overlay import load_dataset_with

FOLDER = "datasets"
ALLOWED = {".yaml", ".yml", ".txt", ".md"}
MAX_FILES = 2000
MAX_TOTAL = 50 * 1024 * 1024
MAX_FILE = 20 * 1024 * 1024


class UserDataError(ValueError):
    """A user dataset cannot be imported, exported or removed; the message says why."""


@dataclass
class UserDataset:
    name: str
    path: Path
    plans: list[str]          # plan ids from its plans.yaml ([] if unreadable)
    titles: list[str]


def root_of(user_data: str | Path) -> Path:
    return Path(user_data) / FOLDER


def dataset_dirs(user_data: str | Path) -> list[Path]:
    """The user dataset folders, in name order (the order they are loaded in)."""
    root = root_of(user_data)
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir()
                  if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")
                  and (p / "plans.yaml").is_file())


def list_datasets(user_data: str | Path) -> list[UserDataset]:
    from .yamlio import read_yaml

    out = []
    for d in dataset_dirs(user_data):
        problems: list[str] = []
        data = read_yaml(d / "plans.yaml", "plans.yaml", problems)
        plans = data.get("plans") if isinstance(data, dict) else None
        plans = [p for p in plans if isinstance(p, dict)] if isinstance(plans, list) else []
        out.append(UserDataset(d.name, d, [str(p.get("id", "")) for p in plans],
                               [str(p.get("title", "")) for p in plans]))
    return out


def safe_name(name: str) -> str:
    name = re.sub(r"[^\w\-]+", "_", str(name), flags=re.UNICODE).strip("._")[:60]
    return name or "dataset"


def new_dataset_dir(user_data: str | Path, name: str) -> Path:
    """A new, empty folder for a dataset named `name` (made unique)."""
    root = root_of(user_data)
    root.mkdir(parents=True, exist_ok=True)
    base, n = safe_name(name), 2
    path = root / base
    while path.exists():
        path, n = root / f"{base}_{n}", n + 1
    path.mkdir()
    return path


def _inside(root: Path, path: Path) -> Path:
    real = path.resolve()
    try:
        real.relative_to(root.resolve())
    except ValueError:
        raise UserDataError(f"{path}: not a user dataset folder") from None
    return real


def remove_dataset(user_data: str | Path, name: str) -> None:
    root = root_of(user_data)
    path = root / name
    if path.is_symlink() or not path.is_dir() or path.parent != root or name in ("", ".", ".."):
        raise UserDataError(f"{name}: no such user dataset")
    _inside(root, path)
    shutil.rmtree(path)


def export_zip(folder: str | Path, target: str | Path) -> Path:
    """The dataset folder as a zip (one top folder named like the dataset), written atomically."""
    folder = Path(folder)
    if not (folder / "plans.yaml").is_file():
        raise UserDataError(f"{folder.name}: not a dataset folder (no plans.yaml)")
    files = [p for p in sorted(folder.rglob("*"))
             if p.is_file() and not p.is_symlink() and p.suffix.lower() in ALLOWED]

    def write(fh) -> None:
        with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
            for p in files:
                zf.write(p, f"{folder.name}/{p.relative_to(folder).as_posix()}")
    return write_atomic(target, write)


def _stage_zip(src: Path, stage: Path) -> None:
    """The zip's dataset files unpacked into `stage` (hzmap.model.files.safezip: names, links,
    encryption, compression methods, bombs and damage each named with its member)."""
    try:  # only dataset files are taken over (and checked)
        zf, infos = safezip.open_zip(src, "zip", wanted=lambda name: Path(name).suffix.lower() in ALLOWED)
    except FileProblem as e:
        raise UserDataError(f"{src.name}: {e.problem}") from None
    with zf:
        if len(infos) > MAX_FILES or safezip.expanded(infos) > MAX_TOTAL:
            raise UserDataError(f"{src.name}: more than {MAX_FILES} files or "
                                f"{MAX_TOTAL // 2**20} MB unpacked; refused")
        for info in infos:
            rel = safezip.member_path(src, info)
            out = stage.joinpath(*rel.parts)
            out.parent.mkdir(parents=True, exist_ok=True)
            try:
                safezip.copy_to(src, zf, info, out, MAX_FILE)
            except FileProblem as e:
                raise UserDataError(f"{src.name}: {e.problem}") from None


def _stage_folder(src: Path, stage: Path) -> None:
    count = total = 0
    for dirpath, dirnames, filenames in os.walk(src, followlinks=False):
        for fn in filenames:
            p = Path(dirpath) / fn
            if p.is_symlink() or not p.is_file() or p.suffix.lower() not in ALLOWED:
                continue
            count, total = count + 1, total + p.stat().st_size
            if count > MAX_FILES or total > MAX_TOTAL:
                raise UserDataError(f"{src.name}: more than {MAX_FILES} files or "
                                    f"{MAX_TOTAL // 2**20} MB; refused")
            out = stage / p.relative_to(src)
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, out)


def import_shared(src: str | Path, user_data: str | Path, *, seeds_dir=None) -> Path:
    """Import a shared dataset (a folder or a zip) as a new user dataset; returns its folder.

    Raises UserDataError for an unsafe or broken source and DatasetError (with every problem)
    when the dataset does not validate against the shipped and the existing user datasets."""
    src = Path(src)
    root = root_of(user_data)
    root.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".import-", dir=root))
    try:
        if src.is_dir():
            _stage_folder(src, stage)
        elif src.is_file():
            _stage_zip(src, stage)
        else:
            raise UserDataError(f"{src.name}: not a folder or a zip file")
        top = stage
        if not (top / "plans.yaml").is_file():
            subs = [p for p in stage.iterdir() if p.is_dir()]
            if len(subs) == 1 and (subs[0] / "plans.yaml").is_file():
                top = subs[0]
            else:
                raise UserDataError(f"{src.name}: no plans.yaml: not a dataset")
        load_dataset_with([*dataset_dirs(user_data), top], seeds_dir=seeds_dir)
        name = top.name if top is not stage else src.stem
        final = new_dataset_dir(user_data, name)
        final.rmdir()
        os.replace(top, final)
        return final
    except DatasetError:
        raise
    finally:
        shutil.rmtree(stage, ignore_errors=True)
