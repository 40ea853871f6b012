"""The cities around Hangzhou (geodata/neighbours.csv): their names and where each lies, so a
structure diagram can name them at the map's edge in their direction. No Qt."""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from hzmap.model.geo.geodata import to_map
from hzmap.paths import data_root

FILE = "neighbours.csv"


@dataclass(frozen=True)
class Neighbour:
    id: str
    name_zh: str
    name_en: str
    xy: tuple[float, float]  # map metres

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_zh


@functools.lru_cache(maxsize=4)
def neighbour_cities(path: Path | None = None) -> tuple[Neighbour, ...]:
    """The neighbouring cities, or none when the file is missing or unreadable (a map without
    them is still a map)."""
    path = Path(path) if path is not None else data_root() / FILE
    try:
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        return tuple(Neighbour(r["id"], r["name_zh"], r["name_en"],
                               tuple(float(v) for v in to_map(float(r["lon"]), float(r["lat"]))))
                     for r in rows)
    except (OSError, KeyError, ValueError, csv.Error):
        return ()
