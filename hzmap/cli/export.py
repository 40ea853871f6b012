"""``hzmap export`` (one map, or an atlas of one map per district) and ``hzmap dossier``.

Exit codes (hzmap.cli.exit_codes): 1 the layout dataset or the geodata has problems, or the file
could not be written; 2 a bad argument or input file (unknown layout, district or preset, an
impossible size or DPI, a project or --layer file that cannot be read).

``--layer FILE`` (repeatable) draws the user's own data over the map, as File › Add layer does,
with its legend entries; ``--crs`` says which system lon/lat columns are in when the names do not.
A project's own user layers are drawn too, and its base map (an online one only with --online).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from hzmap.cli.exit_codes import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from hzmap.cli.layer_choices import add_value_args, choices_of, style_for
from hzmap.cli.support import (add_as_of, add_dataset_arg, command, geodata_or_report, load_or_report,
                               refuse_outside, say, say_err)


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
    from hzmap.model.view.pages import PRESETS
    p.add_argument("--preset", default="a4-landscape", choices=list(PRESETS),
                   help="paper or slide size (default a4-landscape, 300 DPI)")
    p.add_argument("--width", type=int, help="custom width in pixels (with --height)")
    p.add_argument("--height", type=int, help="custom height in pixels (with --width)")
    p.add_argument("--dpi", type=int, help="dots per inch, 96-600 (default: the preset's)")


def _export_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--layout", help="layout id or name: 4+4+1+5, 一核一带两翼多基地, dt_4415, ...")
    p.add_argument("--view", choices=("city", "urban", "fit"),
                   help="whole city (default), urban core, or fit: the frame of what the layout draws")
    p.add_argument("--style", choices=("standard", "structure"), default="standard",
                   help="map style: standard (default), or structure: a planning structure diagram "
                        "(规划结构图: groups as dashed outlines, the core as a red circle, wings and axes "
                        "as arrows, colours by meaning, 示意图 in the title, a disclaimer and the "
                        "neighbouring cities at the map's edge)")
    p.add_argument("--format", choices=("png", "svg", "pdf"), help="default: from the --out extension")
    p.add_argument("--out", required=True, help="output file (or folder with --atlas)")
    p.add_argument("--title", help="map title (default: the layout's name)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="label language")
    p.add_argument("--select", metavar="DISTRICT", help="outline a district (name or id)")
    p.add_argument("--no-inset", action="store_true", help="leave out the overview inset")
    p.add_argument("--project", metavar="FILE", help="take view, layout, selection and annotations "
                                                    "from a project file (.hzmap)")
    p.add_argument("--allow-outside", action="store_true",
                   help="with --project: read its layer and base map files outside the project's folder "
                        "(refused otherwise)")
    p.add_argument("--atlas", action="store_true", help="one map per district into the --out folder")
    p.add_argument("--layer", metavar="FILE", action="append", default=[],
                   help="draw a data file over the map (GeoPackage, Shapefile, GeoJSON, KML, FlatGeobuf, "
                        "CSV or Excel); repeatable, the last on top")
    p.add_argument("--crs", choices=("wgs84", "gcj02", "bd09"),
                   help="with --layer: the system lon/lat are in (default: what the file and its column "
                        "names say; a note proposes GCJ-02 or BD-09 when the file looks like Amap or Baidu data)")
    p.add_argument("--join", metavar="COLUMN", help="with --layer: read the file as a district table joined "
                                                   "by COLUMN (a GIS file: its attribute table)")
    add_value_args(p)
    add_as_of(p, "the sources line gives each plan's status then, and a layout not in force then "
                 "is drawn faded")
    add_dataset_arg(p)
    from hzmap.cli.basemap import add_basemap_args
    add_basemap_args(p)
    _size_args(p)


@command("export", "export a finished map (PNG/SVG/PDF), or an atlas of all districts", _export_args)
def cmd_export(args: argparse.Namespace) -> int:
    from hzmap.cli.basemap import with_basemap
    from hzmap.model.basemap.source import BasemapError
    from hzmap.render.page.compose import ExportSpec
    from hzmap.render.page.export_io import ExportError, check_size, format_for
    ds = load_or_report(None, "hzmap export", args)
    geo = geodata_or_report("hzmap export") if ds is not None else None
    if geo is None:
        return EXIT_PROBLEMS
    try:
        if (args.width is None) != (args.height is None):
            raise UsageError("give both --width and --height")
        check_size(args.width, args.height, args.dpi)
        if not args.atlas:
            format_for(args.out, args.format)  # a bad or too long name is a bad argument
        from hzmap.model.layers.store import LayerStore

        store = LayerStore()
        view, annotations = _view(ds, geo, args, store)
        if not args.layer and (args.join or args.column or args.agg or args.crs):
            raise UsageError("--crs, --join, --column and --agg apply to a --layer file")
        view = _with_layer_files(view, geo, args, store)
        view, basemaps = with_basemap(view, args)
        spec = ExportSpec(view=view, title=args.title, preset=args.preset, width_px=args.width,
                          height_px=args.height, dpi=args.dpi, inset=not args.no_inset,
                          annotations=annotations, layers=store, basemaps=basemaps, diagram=args.style)
        spec.size()  # check preset and DPI before drawing anything
    except (UsageError, ExportError, BasemapError) as e:
        say_err(f"hzmap export: {e}")
        return EXIT_USAGE
    warn_not_in_force("hzmap export", ds, view.layout, view.as_of)
    try:
        if args.atlas:
            return _atlas(spec, geo, ds, Path(args.out), args.format or "png")
        return _single(spec, geo, ds, args.out, args.format)
    except ExportError as e:
        say_err(f"hzmap export: {e}")
        return EXIT_PROBLEMS


def warn_not_in_force(command: str, ds, layout: str | None, as_of) -> None:
    """Say when the layout drawn is not in force on the --as-of day (it is drawn faded)."""
    from hzmap.model.dataset.lifecycle import plan_status
    from hzmap.model.dataset.status_text import status_label

    if as_of is None or layout is None:
        return
    lay = ds.layouts[layout]
    st = plan_status(ds, lay.plan, as_of)
    if not st.in_force:
        say_err(f"{command}: note: {lay.name} ({ds.plans[lay.plan].short_name}) was not in force "
                f"on {as_of}: {status_label(ds, st, 'en')}; it is drawn faded")


def _with_layer_files(view, geo, args, store):
    """`view` with each file of --layer on top, styled as the window first shows it (--column and
    --agg applied); UsageError naming the file if one cannot be read or the choices do not fit."""
    from dataclasses import replace

    from hzmap.model.layers import LayerError, open_path
    from hzmap.model.view.viewstate import LayerState

    layers = list(view.layers)
    for path in args.layer:
        try:
            data = open_path(path, geo, coords=args.crs, **choices_of(args))
            style = style_for(data, args)
        except LayerError as exc:
            raise UsageError(str(exc)) from None
        lid = store.new_id(lay.id for lay in layers)
        store.put(lid, data)
        layers.append(LayerState(lid, kind="user", name=data.name, style=style, source=data.source))
        for note in data.notes:
            say_err(f"hzmap export: note: {path}: {note}")
    return replace(view, layers=tuple(layers))


def _view(ds, geo, args, store=None):
    """The View to export and its annotations: a project's, then what the flags say."""
    from dataclasses import replace

    from hzmap.model.geo.extent import Extent
    from hzmap.model.view.viewstate import Selection, View
    from hzmap.model.geo.views import view_extent

    def preset(name, layout=None):
        if name == "fit":  # what the layout draws (the whole city without a layout)
            from hzmap.model.elements.framing import layout_extent

            return Extent.from_bounds(layout_extent(ds, geo, layout) or view_extent(geo, "city"))
        return Extent.from_bounds(view_extent(geo, name))
    view, annotations = View(extent=preset("city"), lang=args.lang), []
    if args.project:
        view, annotations = _project_view(ds, geo, args.project, view, store, args)
    changes = {}
    if args.layout:
        changes["layout"] = resolve_layout(ds, args.layout)
    if getattr(args, "as_of", None):
        changes["as_of"] = args.as_of
    if args.select:
        changes["selection"] = Selection.district(resolve_district(ds, args.select))
    if args.view:
        changes.update(extent=preset(args.view, changes.get("layout", view.layout)), preset=args.view)
    return replace(view, **changes), annotations


def _single(spec, geo, ds, out: str, fmt: str | None) -> int:
    from hzmap.render.page.compose import compose
    from hzmap.render.page.export_io import format_for, save
    fmt = format_for(out, fmt)  # a bad name fails before the drawing, not after
    page = compose(spec, geo, ds)
    path = save(page.figure, out, fmt, title=page.title)
    if spec.view.basemap() is not None:
        from hzmap.cli.basemap import report_tiles

        report_tiles(page, "hzmap export")
    say(f"wrote {path}")
    return EXIT_OK


def _atlas(spec, geo, ds, folder: Path, fmt: str) -> int:
    """One map per district, that district outlined and its roles listed beside the map. The
    pages are drawn on one Figure (render.compose.Composer): the base map, the layout and the
    legend are built once, and each page moves the outline and rewrites the texts."""
    from dataclasses import replace

    from hzmap.model.view.viewstate import Selection
    from hzmap.render.page.compose import Composer
    from hzmap.render.page.export_io import ExportError, save
    if folder.suffix.lower() in (".png", ".svg", ".pdf"):
        raise ExportError(f"--atlas writes one file per district: --out must be a folder, not {folder}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError(f"Cannot create the atlas folder {folder}: {e.strerror}") from e
    layout = ds.layouts[spec.layout] if spec.layout else None
    ids = sorted(ds.districts, key=lambda d: list(geo.districts).index(d) if d in geo.districts else 99)
    t0 = time.perf_counter()
    composer = Composer(geo, ds)
    for i, did in enumerate(ids):
        name = ds.districts[did].name_zh
        _progress(i, len(ids), name, t0)
        heading = f"{name}在「{layout.name}」中的角色" if layout else f"{name}"
        page_spec = replace(spec, view=replace(spec.view, selection=Selection.district(did)),
                            side_notes=(heading, atlas_roles(ds, spec.layout, did)),
                            title=f"{spec.title or (layout.name if layout else '杭州市')} — {name}")
        page = composer.page(page_spec)
        save(page.figure, folder / f"{i + 1:02d}_{did}.{fmt}", fmt, title=page.title)
    _progress(len(ids), len(ids), "", t0)
    sys.stderr.write("\n")
    say(f"wrote {len(ids)} maps to {folder}")
    return EXIT_OK


def atlas_roles(ds, layout_id: str | None, did: str) -> list[str]:
    """The district's roles in one layout, one bullet each (the place when reached through one)."""
    from hzmap.model.dataset.roles import layout_roles

    if layout_id is None:
        return []
    lines = []
    for role in layout_roles(ds, layout_id, did):
        where = f"（{'、'.join(ds.places[p].name for p in role.via_places)}）" if role.via_places else ""
        lines.append(f"• {role.element.name}{where}: {role.element.function}")
    return lines or ["本布局未给该区县指定角色。"]


def _progress(done: int, total: int, label: str, t0: float) -> None:
    width = 30
    filled = int(width * done / total)
    bar = "#" * filled + "-" * (width - filled)
    sys.stderr.write(f"\r[{bar}] {done}/{total} {time.perf_counter() - t0:5.1f}s {label}   ")
    sys.stderr.flush()


def _project_view(ds, geo, path: str, base, store=None, args=None):
    """A project file's View (in `base`'s language, with its user layers read into `store`)
    and annotations."""
    from hzmap.model.layers.project_layers import load_layers
    from hzmap.model.layers.store import LayerStore
    from hzmap.model.session.project import load_project
    from hzmap.model.session.session import Session
    from hzmap.model.view.viewstate import ViewState

    if not Path(path).is_file():
        raise UsageError(f"no project file {path}")
    proj, problems = load_project(path, known_layouts=set(ds.layouts), known_districts=set(ds.districts),
                                  known_places=set(ds.places))
    if proj is None:
        raise UsageError("cannot open the project: " + "; ".join(problems))
    refusal = refuse_outside(path, proj, getattr(args, "allow_outside", False),
                             basemap=not getattr(args, "basemap", None))
    if refusal:
        raise UsageError(refusal)
    for problem in problems:  # what could not be loaded; the rest is exported
        say_err(f"hzmap export: warning: {problem}")
    store = store if store is not None else LayerStore()
    session = Session(ViewState(geo, base), dataset=ds, layers=store)
    found = load_layers(proj.layers, Path(path).absolute().parent, geo, store,
                        session.gazetteer() if proj.layers else None, allow_outside=True)
    for problem in [*found.problems, *found.missing.values()]:
        say_err(f"hzmap export: warning: {problem}")
    from hzmap.cli.basemap import project_basemap

    layer = project_basemap(proj, path, args, "hzmap export")
    under = (layer,) if layer is not None else ()
    return session.view_of(proj, under + tuple(found.states)), list(proj.annotations)


def _dossier_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("district", help="district name or id: 钱塘区, 钱塘, qiantang")
    p.add_argument("--out", required=True, help="output PDF file")
    p.add_argument("--layout", help="layout drawn on the map page (default: districts only)")
    add_as_of(p, "each plan's status then; the roles of plans not in force then are listed apart")
    add_dataset_arg(p)


@command("dossier", "a PDF of 1-3 pages on one district: map, roles, bases, measures, targets",
         _dossier_args)
def cmd_dossier(args: argparse.Namespace) -> int:
    from hzmap.render.page.dossier import dossier_figures, save_dossier
    from hzmap.render.page.export_io import ExportError, format_for
    ds = load_or_report(None, "hzmap dossier", args)
    geo = geodata_or_report("hzmap dossier") if ds is not None else None
    if geo is None:
        return EXIT_PROBLEMS
    try:
        did = resolve_district(ds, args.district)
        layout = resolve_layout(ds, args.layout)
        format_for(args.out, "pdf")
    except (UsageError, ExportError) as e:
        say_err(f"hzmap dossier: {e}")
        return EXIT_USAGE
    warn_not_in_force("hzmap dossier", ds, layout, args.as_of)
    try:
        pages = dossier_figures(geo, ds, did, layout, as_of=args.as_of)
        save_dossier(pages, args.out, title=f"{ds.districts[did].name_zh} 区县档案")
    except ExportError as e:
        say_err(f"hzmap dossier: {e}")
        return EXIT_PROBLEMS
    say(f"wrote {args.out} ({len(pages)} pages)")
    return EXIT_OK
