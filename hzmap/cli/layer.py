"""``hzmap layer FILE``: what hzmap reads from a user's file, for checks and batch use.

Prints the format, the coordinate system used and the feature count; for point, line and area
layers how many features fall in each district; for district tables the rows matched, the rows
joined through a pre-2021 name (and to what) and the rows left unmatched. Exit codes
(hzmap.cli.exit_codes): 2 for a file that cannot be used (the message names it), 1 if the map's
own geodata cannot be read.
"""
from __future__ import annotations

import argparse
import json
import unicodedata

from hzmap.cli.exit_codes import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from hzmap.cli.support import command, geodata_or_report, say, say_err

_STATUS_TITLES = {
    "matched": "Matched",
    "former": "Joined through a pre-2021 name",
    "split": "Pre-2021 units that are several districts today (value not split, not drawn)",
    "area": "Areas, not whole districts (not drawn)",
    "total": "Total rows (not drawn)",
    "unmatched": "Unmatched",
}


def _args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="GeoPackage, Shapefile (.shp or .zip), GeoJSON, KML, FlatGeobuf, CSV or Excel")
    p.add_argument("--crs", choices=("wgs84", "gcj02", "bd09"),
                   help="the system the lon/lat are in (default: guessed from the column and file names)")
    p.add_argument("--sublayer", metavar="NAME", help="the layer of a GeoPackage/KML/zip, or the sheet of a workbook")
    p.add_argument("--join", metavar="COLUMN", help="read the table as a district table joined by COLUMN")
    p.add_argument("--allow-large", action="store_true", help="read a file over 1 GB")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")


def _report(data, geo, size: int) -> dict:
    from hzmap.model.layers.errors import human_size

    out = {"file": str(data.source.path), "format": data.format_label, "size": size,
           "size_text": human_size(size), "kind": data.kind, "sublayer": data.source.sublayer,
           "features": len(data) if data.kind != "districts" else len(data.table),
           "crs_stated": data.crs_stated, "crs_used": data.crs_used, "coords": data.coords,
           "coords_guess": data.guess.reason if data.guess else None, "notes": list(data.notes),
           "numeric_columns": {c: data.units.get(c) for c in data.numeric}}
    names = {d: f["name_zh"] for d, f in geo.districts.items()}
    if data.kind == "districts":
        j = data.join
        out["join_column"] = j.column
        out["rows"] = {s: [{"row": r.row, "text": r.text, "districts": [names[d] for d in r.districts],
                            "note": r.note} for r in j.with_status(s)] for s in _STATUS_TITLES}
    else:
        counts = data.district_counts()
        out["per_district"] = {names[d]: n for d, n in counts.items() if d is not None}
        out["outside"] = counts.get(None, 0)
    return out


def _pad(text: str, width: int) -> str:
    """`text` padded to `width` terminal columns (Chinese characters take two)."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(1, width - shown)


def _print(rep: dict) -> None:
    say(f"File: {rep['file']} ({rep['format']}, {rep['size_text']})" + (f", part {rep['sublayer']!r}" if rep["sublayer"] else ""))
    what = {"points": "point", "lines": "line", "areas": "area", "districts": "district table"}[rep["kind"]]
    say(f"Read as: {what} layer, {rep['features']} {'row' if rep['kind'] == 'districts' else 'feature'}(s)")
    if rep["kind"] != "districts":
        say(f"Coordinates: {rep['crs_used']}" + (f" ({rep['coords_guess']})" if rep["coords_guess"] == "chosen"
                                             else f" (guessed: {rep['coords_guess']})" if rep["coords_guess"] else ""))
    for note in rep["notes"]:
        say(f"Note: {note}")
    if rep["kind"] == "districts":
        say(f"Joined by column {rep['join_column']!r}:")
        for status, title in _STATUS_TITLES.items():
            rows = rep["rows"][status]
            if not rows:
                continue
            say(f"  {title} ({len(rows)}):")
            for r in rows:
                target = f" -> {'、'.join(r['districts'])}" if r["districts"] else ""
                say(f"    row {r['row']}: {r['text'] or '(empty)'}{target}" + (f"  [{r['note']}]" if r["note"] else ""))
        if rep["numeric_columns"]:
            say("Numeric columns: " + ", ".join(f"{c}" + (f" ({u})" if u and u not in c else "")
                                               for c, u in rep["numeric_columns"].items()))
    else:
        say("Per district:")
        for name, n in [*rep["per_district"].items(), ("outside Hangzhou", rep["outside"])]:
            say(f"  {_pad(name, 18)}{n:>8}")


@command("layer", "what hzmap reads from a user's data file (per district, joins, coordinate system)", _args)
def cmd_layer(args: argparse.Namespace) -> int:
    from hzmap.model.layers import LARGE_FILE_BYTES, LargeFileError, LayerError, file_size, open_path

    geo = geodata_or_report("hzmap layer")
    if geo is None:
        return EXIT_PROBLEMS
    choices = {}
    if args.join:
        choices = {"join_column": args.join, "x_column": None, "y_column": None}
    try:
        data = open_path(args.file, geo, coords=args.crs, sublayer=args.sublayer,
                         size_limit=None if args.allow_large else LARGE_FILE_BYTES, **choices)
        size = file_size(args.file)
    except LargeFileError as exc:
        say_err(f"{exc}; pass --allow-large to read it anyway")
        return EXIT_USAGE
    except LayerError as exc:
        say_err(str(exc))
        return EXIT_USAGE
    rep = _report(data, geo, size)
    if args.json:
        say(json.dumps(rep, ensure_ascii=False, indent=2))
    else:
        _print(rep)
    return EXIT_OK
