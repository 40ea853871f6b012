"""What `hzmap layer` and `hzmap export --layer` let a planner choose about a data file: the
join column (--join, for tables and GIS files alike), the column to map (--column) and how many
rows per district are combined (--agg); and how the coordinate check is reported. No Qt."""
from __future__ import annotations

import argparse
import math

AGGREGATES = ("count", "sum", "mean", "median")


def add_value_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--column", metavar="NAME", help="district tables: the numeric column to map "
                                                   "(default: the first that names an amount)")
    p.add_argument("--agg", choices=AGGREGATES,
                   help="district tables with several rows per district (listings, firms, projects): "
                        "count the rows, or the sum, mean or median of --column (default: count when "
                        "most districts have several rows)")


def choices_of(args) -> dict:
    """LayerSource fields the arguments set."""
    if getattr(args, "join", None):
        return {"join_column": args.join, "x_column": None, "y_column": None}
    return {}


def style_for(data, args) -> dict:
    """The layer's first style with --column and --agg applied; LayerError naming the file when
    they do not fit it (a column it lacks, --agg on a layer that is not a district table)."""
    from hzmap.model.layers import LayerError
    from hzmap.model.layers.style import default_style

    style = default_style(data)
    column, agg = getattr(args, "column", None), getattr(args, "agg", None)
    if column is None and agg is None:
        return style
    if data.kind != "districts":
        raise LayerError(data.source.path, f"--column and --agg apply to district tables, and this file is read as "
                                           f"{data.kind}; name its district column with --join COLUMN")
    if column is not None and column not in data.columns():
        raise LayerError(data.source.path, f"has no column {column!r} (numeric columns: {', '.join(data.numeric)})")
    if column is not None and agg != "count" and column not in data.numeric:
        raise LayerError(data.source.path, f"column {column!r} holds no numbers to map "
                                           f"(numeric columns: {', '.join(data.numeric) or 'none'})")
    if agg in ("sum", "mean", "median") and column is None and style["column"] not in data.numeric:
        raise LayerError(data.source.path, f"--agg {agg} needs a numeric --column (numeric columns: "
                                           f"{', '.join(data.numeric) or 'none'})")
    column = column or style["column"] or data.join.column
    combine = agg if agg is not None else style["combine"]
    style.update(mode="choropleth", column=column, combine=combine,
                 unit=None if combine == "count" else data.units.get(column))
    return style


def value_report(data, style: dict, names: dict) -> dict:
    """Each district's value as the map shows it (JSON-ready)."""
    column, combine = style["column"], style["combine"]
    vals = data.district_values(column, combine)
    unit = style.get("unit")
    title = ("rows per district" if combine == "count" else
             f"{column}" + (f" ({unit})" if unit and unit not in column else "") + (f", {combine}" if combine else ""))
    return {"column": column, "combine": combine, "title": title,
            "districts": {names[d]: {"value": None if math.isnan(v.value) else v.value, "flag": v.flag}
                          for d, v in vals.items()}}


def crs_report(check) -> dict | None:
    """The coordinate check (hzmap.model.layers.crs_check.CrsCheck) as JSON, or None."""
    if check is None:
        return None
    return {"read_as": check.read_as, "stated": check.stated, "likely": check.likely,
            "proposal": check.proposal, "evidence": check.evidence(), "shift_m": round(check.shift_m, 1),
            "fits": {s: {"median_m": round(f.median_m, 1), "share": round(f.share, 3)}
                     for s, f in check.fits.items()}}
