"""Projects whose base map comes from someone else, built by the tests: an online service (the
test's tile server) or a file outside the project's folder; and a spy on the GeoTIFFs opened."""
from __future__ import annotations

import json
import os
from pathlib import Path


def project_with(path: Path, basemap: dict, layers=()) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"format": "hzmap-project", "version": 2, "view": {"name": "urban"},
                                "layout": "dt_4415", "layers": list(layers), "basemap": basemap},
                               ensure_ascii=False), encoding="utf-8")
    return path


def online_entry(srv, visible=True) -> dict:
    return {"visible": visible, "source": {"kind": "xyz", "url": srv.base + "/xyz/{z}/{x}/{y}.png",
                                           "name": "测试瓦片", "attribution": "测试"}}


def file_entry(path: Path, project_dir: Path, kind="geotiff") -> dict:
    return {"visible": True, "source": {"kind": kind, "path": Path(os.path.relpath(path, project_dir)).as_posix(),
                                        "abs_path": str(path), "name": path.name}}


def spy_geotiff(monkeypatch) -> list:
    """The paths of the GeoTIFFs base maps open from now on (the one place hzmap reads one)."""
    from hzmap.model.basemap import raster

    opened, real = [], raster.open_geotiff

    def spy(path, *args, **kwargs):
        opened.append(Path(path))
        return real(path, *args, **kwargs)
    monkeypatch.setattr(raster, "open_geotiff", spy)
    return opened
