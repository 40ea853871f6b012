"""``hzmap layer FILE``: what hzmap reads from a user's file, for checks and batch use.

Prints the format, the coordinate system used (and, when the file's fields or its fit to the
district boundaries say it is in another one, the proposal to choose it with --crs) and the
feature count; for point, line and area layers how many features fall in each district; for
district tables the rows matched, joined through a former name, parts of districts, totals and
unmatched - each name once with its rows - and each district's value of --column combined by
--agg. Exit codes (hzmap.cli.exit_codes): 2 for a file that cannot be used (the message names
it), 1 if the map's own geodata cannot be read.
"""
from __future__ import annotations

import argparse
import json
import math
import unicodedata

from hzmap.cli.exit_codes import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from hzmap.cli.layer_choices import add_value_args, choices_of, crs_report, style_for, value_report
from hzmap.cli.support import command, geodata_or_report, say, say_err
from hzmap.model.layers.lookup import format_value

_STATUS_TITLES = {
    "matched": "Matched",
    "former": "Joined through a former name",
    "split": "Former units that are several districts today (value not split, not drawn)",
    "area": "Parts of districts: zones, towns, areas (not drawn as the district)",
    "total": "Total rows (not drawn)",
    "unmatched": "Unmatched",
}


def _args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="GeoPackage, Shapefile (.shp or .zip), GeoJSON, KML, FlatGeobuf, CSV or Excel")
    p.add_argument("--crs", choices=("wgs84", "gcj02", "bd09"),
                   help="the system the lon/lat are in (default: guessed from the column and file names)")
    p.add_argument("--sublayer", metavar="NAME", help="the layer of a GeoPackage/KML/zip, or the sheet of a workbook")
    p.add_argument("--join", metavar="COLUMN", help="read the file as a district table joined by COLUMN "
                                                   "(a GIS file: its attribute table)")
    add_value_args(p)
    p.add_argument("--allow-large", action="store_true", help="read a file over 1 GB")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")


def _report(data, geo, size: int, style: dict | None = None) -> dict:
    from hzmap.model.layers.errors import human_size
    from hzmap.model.layers.join import grouped_rows

    out = {"file": str(data.source.path), "format": data.format_label, "size": size,
           "size_text": human_size(size), "kind": data.kind, "sublayer": data.source.sublayer,
           "features": len(data) if data.kind != "districts" else len(data.table),
           "crs_stated": data.crs_stated, "crs_used": data.crs_used, "coords": data.coords,
           "coords_guess": data.guess.reason if data.guess else None, "notes": list(data.notes),
           "crs_check": crs_report(data.crs_check),
           "numeric_columns": {c: data.units.get(c) for c in data.numeric}}
    names = {d: f["name_zh"] for d, f in geo.districts.items()}
    if data.kind == "districts":
        j = data.join
        out["join_column"] = j.column
        out["rows"] = {s: [{"text": first.text, "districts": [names[d] for d in first.districts],
                            "note": first.note, "count": len(rows), "rows": rows[:10]}
                           for first, rows in grouped_rows(j.with_status(s))] for s in _STATUS_TITLES}
        if style is not None:
            out["values"] = value_report(data, style, names)
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
            say(f"  {title} ({sum(r['count'] for r in rows):,}):")
            for r in rows:
                target = f" → {'、'.join(r['districts'])}" if r["districts"] else ""
                where = (f"row {r['rows'][0]}" if r["count"] == 1 else
                         f"{r['count']:,} rows ({', '.join(map(str, r['rows'][:3]))}{' …' if r['count'] > 3 else ''})")
                say(f"    {where}: {r['text'] or '(empty)'}{target}" + (f"  [{r['note']}]" if r["note"] else ""))
        if rep["numeric_columns"]:
            say("Numeric columns: " + ", ".join(f"{c}" + (f" ({u})" if u and not c.endswith((f"({u})", f"（{u}）")) else "")
                                               for c, u in rep["numeric_columns"].items()))
        if rep.get("values"):
            v = rep["values"]
            say(f"Values: {v['title']}")
            for name, cell in v["districts"].items():
                shown = format_value(math.nan if cell["value"] is None else cell["value"])
                say(f"  {_pad(name, 18)}{shown:>14}" + (f"  [{cell['flag']}]" if cell["flag"] not in ("", v["combine"]) else ""))
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
    try:
        data = open_path(args.file, geo, coords=args.crs, sublayer=args.sublayer,
                         size_limit=None if args.allow_large else LARGE_FILE_BYTES, **choices_of(args))
        size = file_size(args.file)
        style = style_for(data, args)
    except LargeFileError as exc:
        say_err(f"{exc}; pass --allow-large to read it anyway")
        return EXIT_USAGE
    except LayerError as exc:
        say_err(str(exc))
        return EXIT_USAGE
    rep = _report(data, geo, size, style)
    if args.json:
        say(json.dumps(rep, ensure_ascii=False, indent=2))
    else:
        _print(rep)
    return EXIT_OK
