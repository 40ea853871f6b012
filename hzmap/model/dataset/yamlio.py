"""Safe YAML reading for dataset files: size limit, line numbers, duplicate keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

MAX_FILE_BYTES = 5 * 1024 * 1024


# libyaml's C parser is ~10x faster than the pure-Python one; the constructors stay the safe ones.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):
    """SafeLoader that reports duplicate mapping keys instead of keeping the last one."""


def _mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            hash(key)
        except TypeError:
            continue              # construct_mapping reports unhashable keys itself
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}'", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def read_yaml(path: Path, rel: str, problems: list[str]) -> Any:
    try:
        size = path.stat().st_size
    except OSError as e:
        problems.append(f"{rel}: cannot read the file ({e.strerror})")
        return None
    if size > MAX_FILE_BYTES:
        problems.append(f"{rel}: file is {size / 1e6:.1f} MB; files over 5 MB are refused")
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.append(f"{rel}: not UTF-8 text")
        return None
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        what = e.problem or e.context or "syntax error"
        problems.append(f"{rel}: invalid YAML{where}: {what}")
        return None
    except (yaml.YAMLError, ValueError, TypeError) as e:
        problems.append(f"{rel}: invalid YAML: {e}")   # e.g. an impossible date 2021-13-01
        return None
    if data is None:
        problems.append(f"{rel}: file is empty")
    return data


