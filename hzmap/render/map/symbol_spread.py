"""Symbols that never hide each other: places drawn at (nearly) the same spot are spread on a
small ring around their middle, for the map's current scale. No Qt.

Two symbols clash when their centres are closer than a symbol's width plus a little air, in the
picture's pixels: at the whole city two parks a kilometre apart clash, at the urban core they do
not. Clashing symbols are taken together (a chain of clashes makes one group) and set on a ring
around the group's middle, just wide enough that neighbours on it clear each other, the first at
the top and the rest clockwise in the order given (the layout's element order), so a map and its
export spread them alike; a ring that lands on a neighbour is taken together with it on the
next pass. Symbols known only by their district stay inside it: when the ring
would carry one out, the ring is turned (in eighths of the space between two symbols), and then drawn
a little tighter (symbols touching), until all stay in; if none does, the group is drawn as one symbol with a count beside it (×3). A symbol
left on a station or the airport moves to the nearest free spot around it.
"""
from __future__ import annotations

import numpy as np
import shapely

CLASH_PT = 8.5   # two symbols closer than this (centre to centre) clash
TIGHT = 0.85     # in a small district the ring may shrink to this share (symbols then just touch)


def groups(px: np.ndarray, min_dist: float) -> list[list[int]]:
    """Indices of clashing symbols, chained into groups (single symbols left out)."""
    n = len(px)
    if n < 2:
        return []
    d = np.hypot(px[:, None, 0] - px[None, :, 0], px[:, None, 1] - px[None, :, 1])
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(*np.nonzero(np.triu(d < min_dist, 1))):
        parent[find(int(i))] = find(int(j))
    out: dict[int, list[int]] = {}
    for i in range(n):
        out.setdefault(find(i), []).append(i)
    return [g for g in out.values() if len(g) > 1]


def ring(k: int, min_dist: float) -> np.ndarray:
    """k offsets on the ring that keeps neighbours min_dist apart (pixels), the first at the top."""
    radius = min_dist / (2 * np.sin(np.pi / k)) if k > 1 else 0.0
    angles = np.pi / 2 - np.arange(k) * 2 * np.pi / k
    return np.column_stack([np.cos(angles), np.sin(angles)]) * radius


def spread(px: np.ndarray, min_dist: float, to_map=None, keep_in=None, fixed=None,
           passes: int = 4) -> tuple[np.ndarray, list[list[int]]]:
    """`_spread` until no two symbols clash (a ring may land on a neighbour: the next pass takes
    them together), at most `passes` times. Returns the positions and the groups that could not
    be spread (each to be drawn as its first symbol with a count)."""
    out = np.array(px, dtype=float).reshape(-1, 2)
    still = np.asarray(fixed if fixed is not None else np.zeros((0, 2)), dtype=float).reshape(-1, 2)
    for _ in range(passes):
        if not groups(np.vstack([out, still]), min_dist * TIGHT * 0.999):
            break
        new = _spread(out, min_dist, to_map, keep_in, still)
        if np.array_equal(new, out):
            break
        out = new
    if len(still):
        out = _clear_fixed(out, still, min_dist, to_map, keep_in)
    counted = [sorted(g) for g in groups(out, min_dist * TIGHT * 0.999)]
    for g in counted:  # drawn as one symbol, where the group is
        out[g] = out[g].mean(axis=0)
    return out, counted


def _spread(px: np.ndarray, min_dist: float, to_map=None, keep_in=None, fixed=None) -> np.ndarray:
    """New pixel positions for symbols at `px` (n, 2) so none clash. `keep_in[i]` is a
    prepared geometry (map metres) symbol i must stay in, or None; `to_map` turns pixels into
    map metres for that test. `fixed` (m, 2) are symbols that do not move (the stations and the
    airport of the base map): a symbol on one is set on a ring around it."""
    out = np.array(px, dtype=float).reshape(-1, 2)
    n = len(out)
    still = np.asarray(fixed if fixed is not None else np.zeros((0, 2)), dtype=float).reshape(-1, 2)
    for g in groups(np.vstack([out, still]), min_dist):
        movable = [i for i in g if i < n]
        pinned = [i - n for i in g if i >= n]
        if not movable:
            continue
        if pinned:  # around the fixed symbol(s), far enough to clear them
            centre = still[pinned].mean(axis=0)
            k = len(movable)
            radius = max(min_dist * 1.05, min_dist / (2 * np.sin(np.pi / k)) if k > 1 else 0.0)
            offsets = ring(max(k, 2), min_dist)[:k]
            offsets = offsets / max(np.hypot(*offsets[0]), 1e-9) * radius
        else:
            centre = out[movable].mean(axis=0)
            offsets = ring(len(movable), min_dist)
        bound = keep_in is not None and to_map is not None and any(keep_in[i] is not None for i in movable)
        tries = [(s, t) for s in (1.0, TIGHT) for t in np.arange(8) / 8] if bound else [(1.0, 0.0)]
        for scale, turn in tries:
            placed = centre + _turned(offsets * scale, turn, len(movable))
            if not bound:
                break
            xy = to_map(placed)
            if all(keep_in[i] is None or shapely.contains_xy(keep_in[i], *xy[k]) for k, i in enumerate(movable)):
                break
        else:
            continue
        out[movable] = placed
    return out


def _turned(offsets: np.ndarray, turn: float, k: int) -> np.ndarray:
    """The ring's offsets turned clockwise by `turn` of the space between two symbols."""
    a = -turn * 2 * np.pi / max(k, 2)
    c, s = np.cos(a), np.sin(a)
    return offsets @ np.array([[c, s], [-s, c]])


def _clear_fixed(out: np.ndarray, still: np.ndarray, min_dist: float, to_map, keep_in) -> np.ndarray:
    """Move each symbol still on a fixed one (a station) to the nearest free spot around it
    (inside its district when it is bound to one)."""
    tight = min_dist * TIGHT
    angles = np.arange(16) * 2 * np.pi / 16
    u = np.column_stack([np.cos(angles), np.sin(angles)])
    for i in range(len(out)):
        d = np.hypot(*(still - out[i]).T)
        if not len(d) or d.min() >= tight:
            continue
        f = still[int(np.argmin(d))]
        cands = np.vstack([f + u * (k * min_dist) for k in (1.0, 1.25, 1.5, 1.8)])
        others = np.vstack([np.delete(out, i, axis=0), still])
        free = np.hypot(cands[:, None, 0] - others[None, :, 0], cands[:, None, 1] - others[None, :, 1]).min(axis=1) >= tight
        if keep_in is not None and keep_in[i] is not None and to_map is not None:
            xy = to_map(cands)
            free &= shapely.contains_xy(keep_in[i], xy[:, 0], xy[:, 1])
        if free.any():
            k = np.flatnonzero(free)
            out[i] = cands[k[np.argmin(np.hypot(*(cands[k] - out[i]).T))]]
    return out
