"""Base maps on the command line: ``--basemap`` for exports and decks, and ``hzmap basemap
download`` to keep an area's tiles for offline use. No Qt.

SOURCE is a preset (tianditu-img, tianditu-vec, tianditu-ter, osm, gaode-vec, gaode-img), an XYZ
URL template (``http://…/{z}/{x}/{y}.png``), a WMTS template with {TileMatrix}, {TileRow} and
{TileCol}, an .mbtiles file, a GeoTIFF or a folder of XYZ tiles. A service's key is read from
$HZMAP_BASEMAP_KEY (or $HZMAP_TIANDITU_KEY for 天地图) and fills ``{tk}``; it is never written
anywhere. A project's online base map is drawn only with ``--online``: a project from someone
else never makes hzmap fetch. Exit codes (hzmap.cli.exit_codes): 0 done; 1 the download failed or was refused by
the server, or the geodata is broken; 2 a bad argument; 130 cancelled (Ctrl+C).
"""
from __future__ import annotations

import argparse
import os
import sys
import threading
import time

from hzmap.cli.exit_codes import EXIT_INTERRUPTED, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from hzmap.cli.support import command, say, say_err


def add_basemap_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--basemap", metavar="SOURCE",
                   help="draw a base map under the map: a preset (tianditu-img, osm, ...), an XYZ/WMTS URL "
                        "template, an .mbtiles file, a GeoTIFF or a folder of XYZ tiles")
    p.add_argument("--basemap-crs", choices=("wgs84", "gcj02"),
                   help="the datum of the tiles' grid: gcj02 for 高德 and other GCJ-02 services (default wgs84)")
    p.add_argument("--basemap-credit", metavar="TEXT", help="the attribution to print (default: the provider's)")
    p.add_argument("--basemap-review", metavar="审图号", help="the provider's map approval number, printed "
                                                            "with the attribution")
    p.add_argument("--basemap-dim", type=float, default=0.0, metavar="0-0.8",
                   help="dim the base map under a white veil (default 0)")
    p.add_argument("--online", action="store_true",
                   help="with --project: draw the project's online base map, fetching its tiles (without "
                        "this or --basemap it is left off and nothing is fetched)")


def keys_from_env() -> dict:
    keys = {}
    if os.environ.get("HZMAP_TIANDITU_KEY"):
        keys["tianditu"] = os.environ["HZMAP_TIANDITU_KEY"].strip()
    return keys


def source_from_args(args):
    """(BasemapSource, key) named by --basemap and its options; BasemapError if unusable."""
    from dataclasses import replace

    from hzmap.model.basemap.parse import source_from_text
    from hzmap.model.basemap.source import BasemapError, split_key

    text, key = split_key(args.basemap) if "://" in args.basemap else (args.basemap, None)
    source = source_from_text(text, args.basemap_crs)
    if args.basemap_credit:
        source = replace(source, attribution=args.basemap_credit.strip()[:300])
    if args.basemap_review:
        source = replace(source, review_number=args.basemap_review.strip()[:80])
    key = key or os.environ.get("HZMAP_BASEMAP_KEY") or keys_from_env().get("tianditu")
    if source.needs_key and not key:
        raise BasemapError(f"{source.label} needs a key: set HZMAP_TIANDITU_KEY (天地图) or "
                           "HZMAP_BASEMAP_KEY, or write it into the URL (…&tk=KEY)")
    if not 0.0 <= getattr(args, "basemap_dim", 0.0) <= 0.8:
        raise BasemapError("--basemap-dim must be between 0 and 0.8")
    return source, key


def with_basemap(view, args):
    """(view with the --basemap layer under everything, its BasemapRegistry) or (view, None)."""
    from dataclasses import replace

    from hzmap.model.basemap.persist import basemap_layer
    from hzmap.model.basemap.registry import BasemapRegistry, key_name

    if not getattr(args, "basemap", None):
        layer = view.basemap()
        if layer is None:
            return view, None
        keys = keys_from_env()  # a project's base map: its key from the environment
        if os.environ.get("HZMAP_BASEMAP_KEY"):
            keys.setdefault(key_name(layer.source), os.environ["HZMAP_BASEMAP_KEY"].strip())
        return view, BasemapRegistry(keys=keys)
    source, key = source_from_args(args)
    registry = BasemapRegistry(keys={key_name(source): key} if key else {})
    registry.open(source)  # a bad file or a missing key fails here, before anything is drawn
    rest = tuple(lay for lay in view.layers if lay.kind != "basemap")
    return replace(view, layers=(basemap_layer(source, dim=args.basemap_dim),) + rest), registry


def project_basemap(proj, path, args, command_name: str):
    """The base map layer of the project `proj` read from `path` to draw, or None (it has none,
    or --basemap replaces it). Its file was let through refuse_outside first. An online one is
    left off, with a note, unless --online asks for it: a project never makes hzmap fetch."""
    from dataclasses import replace
    from pathlib import Path

    from hzmap.model.basemap.persist import basemap_from_dict

    if not proj.basemap or getattr(args, "basemap", None):
        return None
    layer, problems, _refused = basemap_from_dict(proj.basemap, Path(path).absolute().parent, allow_outside=True)
    for problem in problems:
        say_err(f"{command_name}: warning: {problem}")
    if layer is None or not layer.source.online:
        return layer
    if not getattr(args, "online", False):
        say_err(f"{command_name}: note: {path}: the project's online base map ({layer.source.servers}) was "
                "left off, so nothing is fetched; pass --online to draw it")
        return None
    return replace(layer, visible=True)


def deck_basemap(args, project: str | None, store) -> list:
    """The base map layer of a deck ([] or [layer]): --basemap, else the project's (see
    project_basemap); its open tiles kept with `store` for every slide."""
    from hzmap.model.session.project import load_project
    from hzmap.model.view.viewstate import View

    if getattr(args, "basemap", None):
        view, registry = with_basemap(View(extent=(0, 1, 0, 1)), args)
        store.basemaps = registry
        return [view.basemap()]
    proj = load_project(project)[0] if project else None
    layer = project_basemap(proj, project, args, "hzmap deck") if proj is not None else None
    if layer is None:
        return []
    store.basemaps = with_basemap(View(extent=(0, 1, 0, 1), layers=(layer,)), args)[1]
    return [layer]


def report_tiles(page, command_name: str) -> None:
    """Warn about tiles a page could not get (a refused key, a silent server)."""
    art = page.scene.basemap_artist
    problems = list(art.last.problems) if art is not None and art.last is not None else []
    if page.scene.basemap_problem:
        problems.insert(0, page.scene.basemap_problem)
    for problem in problems:
        say_err(f"{command_name}: warning: base map: {problem}")


# ---------------------------------------------------------------- hzmap basemap download

def _download_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=("download",), help="download: keep an area's tiles for offline use")
    p.add_argument("source", metavar="SOURCE", help="a preset (tianditu-img, ...) or an XYZ/WMTS URL template")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--district", metavar="ID", help="the district's area (name or id: 滨江区, binjiang)")
    where.add_argument("--view", choices=("city", "urban"), help="the whole city or the urban core (主城区)")
    p.add_argument("--zoom", required=True, metavar="A-B", help="zoom levels, e.g. 10-15")
    p.add_argument("--out", required=True, metavar="FILE.mbtiles", help="the MBTiles file to write")
    p.add_argument("--basemap-crs", choices=("wgs84", "gcj02"), help="gcj02 for a GCJ-02 service")
    p.add_argument("--basemap-review", metavar="审图号", help="the provider's map approval number, kept in the file")
    p.add_argument("--yes", action="store_true", help="do not ask before fetching (scripts)")


class UsageError(Exception):
    pass


def _area(args):
    """The area to download (map metres) and how to name it: a district or a named view."""
    import shapely

    from hzmap.cli.support import load_or_report
    from hzmap.model.dataset import resolve_name
    from hzmap.model.geo.geodata import load_geodata
    from hzmap.model.geo.views import view_extent

    geo = load_geodata(os.environ.get("HZMAP_GEODATA") or None)
    if args.view:  # as wide as a slide or a landscape page shows it (16:9 widens it most)
        from hzmap.model.geo.extent import fit_to_shape

        x0, y0, x1, y1 = view_extent(geo, args.view)
        x0, x1, y0, y1 = fit_to_shape((x0, x1, y0, y1), 9 / 16)
        return shapely.box(x0, y0, x1, y1), args.view
    ds = load_or_report(None, "hzmap basemap")
    if ds is None:
        raise UsageError("the layout dataset could not be read")
    res = resolve_name(ds, args.district)
    if res.kind != "district" or res.id not in geo.districts:
        hint = f"; did you mean: {', '.join(res.suggestions)}" if res.suggestions else ""
        raise UsageError(f"no district named {args.district!r}{hint}")
    return geo.districts[res.id].geometry, res.id


@command("basemap", "base map tiles: download an area for offline use (MBTiles)", _download_args)
def cmd_basemap(args: argparse.Namespace) -> int:
    from hzmap.model.basemap.download import DownloadError, plan_download, run_download
    from hzmap.model.basemap.source import BasemapError
    from hzmap.model.files.safeio import size_text
    from hzmap.model.geo.geodata import GeodataError

    try:
        lo, _, hi = args.zoom.partition("-")
        zmin, zmax = int(lo), int(hi or lo)
    except ValueError:
        say_err(f"hzmap basemap: bad --zoom {args.zoom!r}: give A-B, e.g. 10-15")
        return EXIT_USAGE
    try:
        if not args.out.lower().endswith(".mbtiles"):
            raise UsageError(f"--out must name an .mbtiles file, not {args.out}")
        args.basemap, args.basemap_credit, args.basemap_dim = args.source, None, 0.0
        source, key = source_from_args(args)
        area, where = _area(args)
        plan = plan_download(source, area, zmin, zmax)
    except GeodataError as e:  # the data, not what was typed
        say_err(f"hzmap basemap: {e}")
        return EXIT_PROBLEMS
    except (UsageError, BasemapError, OSError) as e:
        say_err(f"hzmap basemap: {e}")
        return EXIT_USAGE
    say(f"{source.label}, {where}, zoom {zmin}-{zmax}: {plan.count:,} tiles, about "
        f"{size_text(plan.estimated_bytes)}")
    if not args.yes:   # asked first; with no one to answer (a script), --yes says to go on
        if not sys.stdin.isatty():
            say("not downloaded: no one to ask here; add --yes to download without asking")
            return EXIT_OK
        if input("Download them? [y/N] ").strip().lower() not in ("y", "yes"):
            return EXIT_OK
    t0, cancel = time.perf_counter(), threading.Event()

    def progress(done: int, total: int) -> None:
        sys.stderr.write(f"\r{done:,}/{total:,} tiles {time.perf_counter() - t0:5.1f}s")
        sys.stderr.flush()

    try:
        result = run_download(plan, args.out, key, progress=progress, cancel=cancel)
    except KeyboardInterrupt:
        cancel.set()
        say_err("\nhzmap basemap: cancelled; nothing was written")
        return EXIT_INTERRUPTED
    except (DownloadError, BasemapError, OSError) as e:
        say_err(f"\nhzmap basemap: {e}")
        return EXIT_PROBLEMS
    sys.stderr.write("\n")
    if result.path is None:
        say_err(f"hzmap basemap: nothing written: {result.problem or 'cancelled'}")
        return EXIT_PROBLEMS
    note = f" ({result.failed} could not be fetched)" if result.failed else ""
    say(f"wrote {result.path}: {result.written:,} tiles{note}")
    return EXIT_OK
