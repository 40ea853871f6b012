"""A shapefile's polygon records made into shapely geometries at once, with numpy. No Qt.

A record is a list of rings; the format says an outer ring runs clockwise and its holes,
anticlockwise, follow it. All records' rings are gathered into one array, closed where the
writer left them open, their signed areas summed per ring (each ring shifted to its first
point, so that large map coordinates keep their precision), grouped into polygons at each
clockwise ring, and handed to shapely as one ragged array: a tenth of the time of building
each polygon in Python. A record whose ring has fewer than 3 points, or points outside the
record, is broken; one with several outer rings and holes is left to the caller (`later`), which
puts each hole in the outer that holds it.
"""
from __future__ import annotations

import numpy as np
import shapely

#: (record number, where its parts are, how many, where its points are, how many)
Record = tuple[int, int, int, int, int]


def _rings(data: bytes, recs: list[Record]):
    npts = np.array([r[4] for r in recs], dtype=np.int64)
    nparts = np.array([r[2] for r in recs], dtype=np.int64)
    base = np.concatenate([[0], np.cumsum(npts)[:-1]])
    parts = np.concatenate([np.frombuffer(data, "<i4", r[2], r[1]) for r in recs]).astype(np.int64)
    rec = np.repeat(np.arange(len(recs)), nparts)
    last = np.cumsum(nparts) - 1
    ends = np.empty_like(parts)
    ends[:-1] = parts[1:]
    ends[last] = npts
    return npts, nparts, base, parts, ends, rec


def made(data: bytes, recs: list[Record]):
    """(record numbers made, their geometries, record numbers broken, records left `later`)."""
    if not recs:
        return [], np.empty(0, dtype=object), [], []
    npts, nparts, base, parts, ends, rec = _rings(data, recs)
    bad_ring = (parts < 0) | (ends - parts < 3) | (ends > npts[rec])
    bad = np.bincount(rec, weights=bad_ring, minlength=len(recs)) > 0
    if bad.any():
        good = [r for r, b in zip(recs, bad) if not b]
        done, geoms, broken, later = made(data, good)
        return done, geoms, [r[0] for r, b in zip(recs, bad) if b] + broken, later
    xy = np.concatenate([np.frombuffer(data, "<f8", 2 * r[4], r[3]) for r in recs]).reshape(-1, 2)
    starts, stops = parts + base[rec], ends + base[rec]
    open_ = (xy[starts] != xy[stops - 1]).any(axis=1)
    lengths = stops - starts + open_
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    k = np.arange(offsets[-1]) - np.repeat(offsets[:-1], lengths)
    index = np.repeat(starts, lengths) + k
    closing = open_[np.repeat(np.arange(len(starts)), lengths)] & (k == np.repeat(lengths, lengths) - 1)
    index[closing] = np.repeat(starts, lengths)[closing]
    coords = xy[index]
    local = coords - np.repeat(coords[offsets[:-1]], lengths, axis=0)
    cross = np.zeros(len(coords))
    cross[:-1] = local[:-1, 0] * local[1:, 1] - local[1:, 0] * local[:-1, 1]
    cross[offsets[1:] - 1] = 0.0
    outer = np.add.reduceat(cross, offsets[:-1]) <= 0
    first = np.zeros(len(starts), dtype=bool)
    first[np.concatenate([[0], np.cumsum(nparts)[:-1]])] = True
    opens = outer | first
    n_outer = np.bincount(rec, weights=opens, minlength=len(recs))
    n_holes = nparts - n_outer
    later_mask = (n_outer > 1) & (n_holes > 0)
    if later_mask.any():
        keep = [r for r, m in zip(recs, later_mask) if not m]
        done, geoms, broken, _later = made(data, keep)
        return done, geoms, broken, [r for r, m in zip(recs, later_mask) if m]
    poly_rings = np.bincount(np.cumsum(opens) - 1)
    poly_offsets = np.concatenate([[0], np.cumsum(poly_rings)])
    multi_offsets = np.concatenate([[0], np.cumsum(n_outer.astype(np.int64))])
    geoms = shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, coords,
                                      (offsets, poly_offsets, multi_offsets))
    return [r[0] for r in recs], geoms, [], []
