"""Layers that come zipped: a zipped shapefile (or GeoJSON, GeoPackage... in a zip), KMZ, and
Excel workbooks (.xlsx is a zip of XML). No Qt.

What such a file costs is what it unpacks to, not its size on disk: `unpacked_size` is the size
the large-file question and the reader's budget use. GIS files are unpacked with
hzmap.model.files.safezip into a folder the caller owns (and removes), each checked against its
format by sniff.py, so the readers only ever open plain local files of the formats hzmap reads,
never the zip itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hzmap.model.files import safeio, safezip
from hzmap.model.layers.errors import SHAPEFILE_PARTS, LayerError

#: Endings of the GIS files looked for in a zip, and the format each is read as.
GIS_ENDINGS = {".shp": "shp", ".geojson": "geojson", ".json": "geojson", ".kml": "kml",
               ".gpkg": "gpkg", ".fgb": "fgb"}
#: A zipped layer may unpack to at most this much, whatever the planner answers.
MAX_UNPACKED = 16 << 30


@dataclass(frozen=True)
class GisFile:
    name: str | None     # the layer name it stands for in a zip of several; None: the file itself
    path: Path           # a plain file for a reader
    fmt: str             # its format (a key of hzmap.model.layers.vector.READERS)


def zipped(path, fmt: str) -> bool:
    suffix = Path(path).suffix.lower()
    return fmt == "shpzip" or (fmt == "kml" and suffix == ".kmz") or (fmt == "xlsx" and suffix in (".xlsx", ".xlsm"))


def _problem(path, exc: safeio.FileProblem) -> LayerError:
    return LayerError(path, exc.problem)


def _wanted(fmt: str):
    if fmt == "kml":
        return lambda name: name.lower().endswith(".kml")
    if fmt == "shpzip":
        return lambda name: Path(name).suffix.lower() in {*GIS_ENDINGS, *SHAPEFILE_PARTS}
    return None


def _members(path, fmt: str):
    try:
        zf, infos = safezip.open_zip(path, "zip" if fmt != "xlsx" else "workbook", _wanted(fmt))
    except safeio.FileProblem as exc:
        if fmt == "xlsx" and exc.kind == "syntax":
            raise LayerError(path, "is not a readable Excel workbook (.xlsx is a zip, and this file "
                                   "is not one or is damaged)") from None
        raise _problem(path, exc) from None
    return zf, infos


def unpacked_size(path, fmt: str) -> int:
    """What reading `path` unpacks: the members of a zip, else the file itself (LayerError for a
    zip that is unsafe or damaged at its members' list)."""
    if not zipped(path, fmt):
        return Path(path).stat().st_size
    zf, infos = _members(path, fmt)
    zf.close()
    return safezip.expanded(infos)


def gis_files(path, fmt: str, workdir) -> list[GisFile]:
    """The GIS files `path` stands for: itself, or those unpacked from it into `workdir`."""
    path = Path(path)
    if not zipped(path, fmt):
        return [GisFile(None, path, fmt)]
    if workdir is None:
        raise ValueError("a zipped layer needs a folder to unpack into")
    zf, infos = _members(path, fmt)
    with zf:
        total = safezip.expanded(infos)
        if total > MAX_UNPACKED:
            raise LayerError(path, f"unpacks to {safeio.size_text(total)}; hzmap reads at most "
                                   f"{safeio.size_text(MAX_UNPACKED)}")
        out = []
        for info in infos:
            try:
                rel = safezip.member_path(path, info)
                target = Path(workdir).joinpath(*rel.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                safezip.copy_to(path, zf, info, target, MAX_UNPACKED)
            except safeio.FileProblem as exc:
                raise _problem(path, exc) from None
            except OSError as exc:  # a member under a name another member is a file of
                raise LayerError(path, f"'{info.filename[:80]}' cannot be unpacked ({exc.strerror or exc})") from None
            out.append(target)
    mains = [p for p in out if p.suffix.lower() in GIS_ENDINGS]
    if any(p.suffix.lower() == ".shp" for p in mains):  # a shapefile's zip: its .json are metadata
        mains = [p for p in mains if p.suffix.lower() == ".shp"]
    if not mains:
        what = "KML file" if fmt == "kml" else "shapefile (.shp), GeoJSON, KML, GeoPackage or FlatGeobuf"
        raise LayerError(path, f"holds no {what}")
    if len(mains) == 1:
        return [GisFile(None, mains[0], GIS_ENDINGS[mains[0].suffix.lower()])]
    stems = [p.stem for p in mains]
    names = [s if stems.count(s) == 1 else p.relative_to(workdir).with_suffix("").as_posix()
             for s, p in zip(stems, mains)]
    return [GisFile(n, p, GIS_ENDINGS[p.suffix.lower()]) for n, p in zip(names, mains)]


def check_workbook(path) -> int:
    """The unpacked size of an .xlsx/.xlsm workbook after the zip checks (an .xls is not a zip:
    its own size). Called before the Excel reader is, which cannot be stopped inside."""
    return unpacked_size(path, "xlsx")
