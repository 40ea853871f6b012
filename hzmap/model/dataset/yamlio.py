"""Safe YAML reading: through safeio, no tags, bounded aliases and nesting, duplicate keys refused.

PyYAML's safe loader builds an alias as a shared reference, so a "billion laughs" file loads in
microseconds, and then whatever walks the result (pydantic, a repr in an error message) meets a
billion items. Before anything is built, a pass over the parser's events (libyaml) counts how
many items the aliases would add if expanded, and refuses any tag (``!!python/object``,
``!!binary``, ``!foo``): a data file needs none. Aliases may add at most MAX_ALIAS_NODES items
plus as many as the file itself holds (a generated file may share its lists), so walking the
result costs at most about twice what the file's size suggests. A file without '*' and '!' has
neither aliases nor tags and skips that pass. libyaml refuses nesting over 1,000 levels itself.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from hzmap.model.dataset import parsecache
from hzmap.model.files.safeio import FileProblem, read_text

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ALIAS_NODES = 10_000   # items aliases may add when expanded, beyond the file's own count


@functools.lru_cache(maxsize=1)
def _yaml():
    """PyYAML and our loader, imported when a file is parsed (a file read before comes from
    parsecache, and a command that reads only such files never imports yaml)."""
    import yaml

    # libyaml's C parser is ~10x faster than the pure-Python one; the constructors stay safe.
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _Loader(base):
        """SafeLoader that reports duplicate mapping keys instead of keeping the last one."""

    def _mapping(loader, node, deep: bool = False):
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
    return yaml, _Loader


class _Refused(Exception):
    def __init__(self, mark, what: str):
        self.mark, self.what = mark, what


def _where(mark) -> str:
    return f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""


def _screen(text: str) -> None:
    """Raise _Refused for a tag, an alias bomb or an alias inside what it names."""
    if "*" not in text and "!" not in text:
        return
    yaml, _Loader = _yaml()
    sizes: dict[str, int] = {}           # anchor -> items it stands for, expanded
    stack: list[list] = []               # open collections: [anchor, items so far]
    open_anchors: set[str] = set()
    added = own = 0
    hard_limit = MAX_ALIAS_NODES + len(text)  # a file holds fewer items than characters
    for ev in yaml.parse(text, Loader=_Loader):
        if isinstance(ev, yaml.NodeEvent) and getattr(ev, "tag", None) is not None:
            tag = ev.tag.replace("tag:yaml.org,2002:", "!!")[:60]
            raise _Refused(ev.start_mark, f"the tag '{tag}' is not allowed (data files use no tags)")
        if isinstance(ev, yaml.AliasEvent):
            if ev.anchor in open_anchors:
                raise _Refused(ev.start_mark, f"the alias *{ev.anchor[:40]} refers to a "
                                              "collection that contains it")
            n = sizes.get(ev.anchor, 0)  # an undefined alias: the loader reports it
            added += n
            if added > hard_limit:
                raise _Refused(ev.start_mark, f"aliases here expand the file to over {added:,} "
                                              "items (an alias bomb?)")
        elif isinstance(ev, yaml.ScalarEvent):
            n = 1
            own += 1
            if ev.anchor is not None:
                sizes[ev.anchor] = 1
        elif isinstance(ev, yaml.CollectionStartEvent):
            stack.append([ev.anchor, 1])
            if ev.anchor is not None:
                open_anchors.add(ev.anchor)
            own += 1
            continue
        elif isinstance(ev, yaml.CollectionEndEvent):
            anchor, n = stack.pop()
            if anchor is not None:
                sizes[anchor] = n
                open_anchors.discard(anchor)
        else:
            continue
        if stack:
            stack[-1][1] += n
    if added > MAX_ALIAS_NODES + own:
        raise _Refused(None, f"aliases expand to {added:,} items, more than the file's own "
                             f"{own:,} plus {MAX_ALIAS_NODES:,} (an alias bomb?)")


def parse(text: str) -> Any:
    """`text` as plain data. Raises ValueError with a one-line reason (line and column)."""
    yaml, _Loader = _yaml()
    try:
        _screen(text)
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except _Refused as e:
        raise ValueError(f"invalid YAML{_where(e.mark)}: {e.what}") from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        what = e.problem or e.context or "syntax error"
        raise ValueError(f"invalid YAML{_where(mark)}: {what}") from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as e:
        # e.g. an impossible date 2021-13-01, a 5,000-digit number, a reader error
        raise ValueError(f"invalid YAML: {str(e)[:200]}") from None


def load(path: str | Path, limit: int = MAX_FILE_BYTES, what: str = "YAML file") -> Any:
    """A YAML file as plain data; raises FileProblem naming the file (kind "syntax" for YAML).
    A text parsed before (the same bytes) comes from hzmap.model.dataset.parsecache."""
    text = read_text(path, limit, what=what)
    found = parsecache.get(text)
    if found is not parsecache.MISSING:
        return found
    try:
        data = parse(text)
    except ValueError as e:
        raise FileProblem(path, str(e), "syntax") from None
    parsecache.put(text, data)
    return data


def read_yaml(path: Path, rel: str, problems: list[str]) -> Any:
    """A dataset file as plain data, or None after adding one line to `problems`."""
    try:
        data = load(path, what="file")
    except FileProblem as e:
        problems.append(f"{rel}: {e.problem}")
        return None
    if data is None:
        problems.append(f"{rel}: file is empty")
    return data
