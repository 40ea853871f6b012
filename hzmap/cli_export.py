"""``hzmap export`` (one map, or an atlas of one map per district) and ``hzmap dossier``.

Exit codes: 0 done; 1 the file could not be written; 2 a bad argument or input file (unknown
layout, district or preset, an impossible size or DPI, a broken project, dataset or geodata file).
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from pathlib import Path

from hzmap.cli_support import command, load_or_report, say, say_err

EXIT_WRITE, EXIT_USAGE = 1, 2


class UsageError(Exception):
    pass


def _norm(s: str) -> str:
    return "".join(str(s).split()).lower()


def resolve_layout(ds, name: str | None) -> str | None:
    """A layout id from its id, Chinese name or English name."""
    if name is None:
        return None
    q = _norm(name)
    for lid, lay in ds.layouts.items():
        if q in (_norm(lid), _norm(lay.name), _norm(lay.name_en)):
            return lid
    raise UsageError(f"no layout named {name!r}; layouts: "
                     + ", ".join(f"{lay.name} ({lid})" for lid, lay in ds.layouts.items()))


def resolve_district(ds, name: str) -> str:
    from hzmap.model.dataset import resolve_name
    res = resolve_name(ds, name)
    if res.kind != "district":
        hint = f"; did you mean: {', '.join(res.suggestions)}" if res.suggestions else ""
        raise UsageError(f"no district named {name!r}{hint}")
    return res.id


def _size_args(p: argparse.ArgumentParser) -> None:
    from hzmap.render.compose import PRESETS
    p.add_argument("--preset", default="a4-landscape", choices=list(PRESETS),
                   help="paper or slide size (default a4-landscape, 300 DPI)")
    p.add_argument("--width", type=int, help="custom width in pixels (with --height)")
    p.add_argument("--height", type=int, help="custom height in pixels (with --width)")
    p.add_argument("--dpi", type=int, help="dots per inch, 96-600 (default: the preset's)")


def _geodata():
    """The geodata the window would use: $HZMAP_GEODATA, else the shipped file."""
    from hzmap.model.geodata import load_geodata
    return load_geodata(os.environ.get("HZMAP_GEODATA") or None)


def _bad_input(command: str, exc: Exception) -> int:
    """A broken geodata or dataset file: one line naming it, no traceback."""
    say_err(f"{command}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
    return EXIT_USAGE


def _export_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--layout", help="layout id or name: 4+4+1+5, 一核一带两翼多基地, dt_4415, ...")
    p.add_argument("--view", choices=("city", "urban"), help="whole city (default) or urban core")
    p.add_argument("--format", choices=("png", "svg", "pdf"), help="default: from the --out extension")
    p.add_argument("--out", required=True, help="output file (or folder with --atlas)")
    p.add_argument("--title", help="map title (default: the layout's name)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="label language")
    p.add_argument("--select", metavar="DISTRICT", help="outline a district (name or id)")
    p.add_argument("--no-inset", action="store_true", help="leave out the overview inset")
    p.add_argument("--project", metavar="FILE", help="take view, layout, selection and annotations "
                                                    "from a project file (.hzmap)")
    p.add_argument("--atlas", action="store_true", help="one map per district into the --out folder")
    _size_args(p)


@command("export", "export a finished map (PNG/SVG/PDF), or an atlas of all districts", _export_args)
def cmd_export(args: argparse.Namespace) -> int:
    from hzmap.model.geodata import GeodataError
    from hzmap.render.compose import ExportSpec
    from hzmap.render.export_io import ExportError, check_size, format_for
    ds = load_or_report(None, "hzmap export")
    if ds is None:
        return EXIT_USAGE
    try:
        spec = ExportSpec(layout=resolve_layout(ds, args.layout), view=args.view or "city",
                          selection=resolve_district(ds, args.select) if args.select else None,
                          title=args.title, lang=args.lang, preset=args.preset, width_px=args.width,
                          height_px=args.height, dpi=args.dpi, inset=not args.no_inset)
        if (args.width is None) != (args.height is None):
            raise UsageError("give both --width and --height")
        check_size(args.width, args.height, args.dpi)
        if not args.atlas:
            format_for(args.out, args.format)  # a bad or too long name is a bad argument
        if args.project:
            spec = _apply_project(spec, ds, args.project, args)
        spec.size()  # check preset and DPI before drawing anything
    except UsageError as e:
        say_err(f"hzmap export: {e}")
        return EXIT_USAGE
    except ExportError as e:
        say_err(f"hzmap export: {e}")
        return EXIT_USAGE
    try:
        if args.atlas:
            return _atlas(spec, ds, Path(args.out), args.format or "png")
        return _single(spec, ds, args.out, args.format)
    except GeodataError as e:
        return _bad_input("hzmap export", e)
    except ExportError as e:
        say_err(f"hzmap export: {e}")
        return EXIT_WRITE


def _single(spec, ds, out: str, fmt: str | None) -> int:
    from hzmap.render.compose import compose
    from hzmap.render.export_io import format_for, save
    fmt = format_for(out, fmt)  # a bad name fails before the drawing, not after
    fig = compose(spec, _geodata(), ds)
    path = save(fig, out, fmt, title=fig.hzmap_title)
    say(f"wrote {path}")
    return 0


def _atlas(spec, ds, folder: Path, fmt: str) -> int:
    """One map per district, that district outlined and its roles listed beside the map."""
    from dataclasses import replace

    from hzmap.render.compose import compose
    from hzmap.render.export_io import ExportError, save
    if folder.suffix.lower() in (".png", ".svg", ".pdf"):
        raise ExportError(f"--atlas writes one file per district: --out must be a folder, not {folder}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError(f"Cannot create the atlas folder {folder}: {e.strerror}") from e
    geo = _geodata()
    layout = ds.layouts[spec.layout] if spec.layout else None
    ids = sorted(ds.districts, key=lambda d: list(geo.districts).index(d) if d in geo.districts else 99)
    t0 = time.perf_counter()
    for i, did in enumerate(ids):
        name = ds.districts[did].name_zh
        _progress(i, len(ids), name, t0)
        heading = f"{name}在「{layout.name}」中的角色" if layout else f"{name}"
        page = replace(spec, selection=did, side_notes=(heading, atlas_roles(ds, spec.layout, did)),
                       title=f"{spec.title or (layout.name if layout else '杭州市')} — {name}")
        fig = compose(page, geo, ds)
        save(fig, folder / f"{i + 1:02d}_{did}.{fmt}", fmt, title=fig.hzmap_title)
    _progress(len(ids), len(ids), "", t0)
    sys.stderr.write("\n")
    say(f"wrote {len(ids)} maps to {folder}")
    return 0


def atlas_roles(ds, layout_id: str | None, did: str) -> list[str]:
    """The district's roles in one layout, one bullet each (the place when reached through one)."""
    if layout_id is None:
        return []
    lines = []
    for el in ds.layouts[layout_id].elements:
        via = [ds.places[p].name for p in el.places if did in ds.places[p].districts]
        if did in el.districts or via:
            where = f"（{'、'.join(via)}）" if via and did not in el.districts else ""
            lines.append(f"• {el.name}{where}: {el.function}")
    return lines or ["本布局未给该区县指定角色。"]


def _progress(done: int, total: int, label: str, t0: float) -> None:
    width = 30
    filled = int(width * done / total)
    bar = "#" * filled + "-" * (width - filled)
    sys.stderr.write(f"\r[{bar}] {done}/{total} {time.perf_counter() - t0:5.1f}s {label}   ")
    sys.stderr.flush()


def _apply_project(spec, ds, path: str, args):
    """View, layout, selection, filters and annotations from a project file; flags win."""
    from dataclasses import replace
    try:
        mod = importlib.import_module("hzmap.model.project")
    except ImportError:
        raise UsageError("--project is not supported yet (project files are not available in this "
                         "version)") from None
    loader = getattr(mod, "load_project", None)
    if loader is None:
        raise UsageError("--project is not supported yet (this version cannot read project files)")
    if not Path(path).is_file():
        raise UsageError(f"no project file {path}")
    proj, problems = loader(path, known_layouts=set(ds.layouts), known_districts=set(ds.districts),
                            known_places=set(ds.places))
    if proj is None:
        raise UsageError("cannot open the project: " + "; ".join(problems))
    for problem in problems:  # what could not be loaded; the rest is exported
        say_err(f"hzmap export: warning: {problem}")
    view = tuple(proj.extent) if proj.view == "custom" and proj.extent else proj.view
    changes = {"layout": spec.layout if args.layout else proj.layout,
               "selection": spec.selection if args.select else proj.selection,
               "place": proj.place, "annotations": list(proj.annotations), "filters": proj.filters}
    if not args.view:
        changes["view"] = view
    return replace(spec, **changes)


def _dossier_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("district", help="district name or id: 钱塘区, 钱塘, qiantang")
    p.add_argument("--out", required=True, help="output PDF file")
    p.add_argument("--layout", help="layout drawn on the map page (default: districts only)")


@command("dossier", "a PDF of 1-3 pages on one district: map, roles, bases, measures, targets",
         _dossier_args)
def cmd_dossier(args: argparse.Namespace) -> int:
    from hzmap.model.geodata import GeodataError
    from hzmap.render.dossier import dossier_figures, save_dossier
    from hzmap.render.export_io import ExportError, format_for
    ds = load_or_report(None, "hzmap dossier")
    if ds is None:
        return EXIT_USAGE
    try:
        did = resolve_district(ds, args.district)
        layout = resolve_layout(ds, args.layout)
        format_for(args.out, "pdf")
    except (UsageError, ExportError) as e:
        say_err(f"hzmap dossier: {e}")
        return EXIT_USAGE
    try:
        pages = dossier_figures(_geodata(), ds, did, layout)
        save_dossier(pages, args.out, title=f"{ds.districts[did].name_zh} 区县档案")
    except GeodataError as e:
        return _bad_input("hzmap dossier", e)
    except ExportError as e:
        say_err(f"hzmap dossier: {e}")
        return EXIT_WRITE
    say(f"wrote {args.out} ({len(pages)} pages)")
    return 0
