"""``hzmap deck``: a tour as a 16:9 slide deck (PPTX or PDF), one slide per step.

The tour is a layout's default tour (``--layout``), or one saved in a project file
(``--project FILE``, the first tour or ``--tour NAME``); a project's user layers are drawn on
every slide, and its base map (an online one only with --online). Exit codes
(hzmap.cli.exit_codes): 1 the file could not be written, or the layout dataset or the geodata
has problems; 2 a bad argument or project file.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from hzmap.cli.exit_codes import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from hzmap.cli.support import (add_as_of, add_dataset_arg, command, geodata_or_report, load_or_report,
                               refuse_outside, say, say_err)


class UsageError(Exception):
    pass


def _deck_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--layout", help="layout id or name: 4+4+1+5, 一核一带两翼多基地, dt_4415, ...; "
                                    "its default tour, or with --project the project's tour of it")
    p.add_argument("--project", metavar="FILE", help="take the tour from a project file (.hzmap)")
    p.add_argument("--tour", metavar="NAME", help="with --project: the tour of this name "
                                                  "(default: the first)")
    p.add_argument("--out", required=True, help="output file: .pptx (PowerPoint) or .pdf")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="slide and label language")
    p.add_argument("--allow-outside", action="store_true",
                   help="with --project: read its layer and base map files outside the project's folder "
                        "(refused otherwise)")
    add_as_of(p, "each slide's source gives its plan's status then, and a layout not in force "
                 "then is drawn faded")
    add_dataset_arg(p)
    from hzmap.cli.basemap import add_basemap_args
    add_basemap_args(p)


@command("deck", "a tour as a 16:9 slide deck (PPTX or PDF), one slide per step", _deck_args)
def cmd_deck(args: argparse.Namespace) -> int:
    from hzmap.cli.export import UsageError as LayoutError
    from hzmap.cli.export import resolve_layout
    from hzmap.model.basemap.source import BasemapError
    from hzmap.render.page.deck import DeckError, build_deck, deck_format, save_deck
    try:
        deck_format(args.out)  # a bad name fails before the drawing, not after
        if not args.layout and not args.project:
            raise UsageError("give --layout (its default tour) or --project FILE (a saved tour)")
        if args.tour and not args.project:
            raise UsageError("--tour picks a tour saved in a project: give --project FILE too")
    except (UsageError, DeckError) as e:
        say_err(f"hzmap deck: {e}")
        return EXIT_USAGE
    problem = _unwritable(args.out)
    if problem:  # before drawing every slide, not after
        say_err(f"hzmap deck: cannot write {args.out}: {problem}")
        return EXIT_PROBLEMS
    ds = load_or_report(None, None, args)
    geo = geodata_or_report("hzmap deck") if ds is not None else None
    if geo is None:
        return EXIT_PROBLEMS
    from hzmap.model.layers.store import LayerStore
    store, user_layers = LayerStore(), []
    try:
        layout = resolve_layout(ds, args.layout)
        tour = _project_tour(ds, geo, args.project, layout, args.tour) if args.project \
            else _default_tour(ds, geo, layout)
        if args.project:
            user_layers = _project_layers(geo, args.project, store, args)
        from hzmap.cli.basemap import deck_basemap
        user_layers = deck_basemap(args, args.project, store) + list(user_layers)
    except (UsageError, LayoutError, BasemapError) as e:
        say_err(f"hzmap deck: {e}")
        return EXIT_USAGE
    try:
        from hzmap.cli.export import warn_not_in_force
        warn_not_in_force("hzmap deck", ds, tour.layout, args.as_of)
        deck = build_deck(tour, geo, ds, args.lang, progress=_progress() if sys.stderr.isatty() else None,
                          user_layers=user_layers, layers=store, as_of=args.as_of)
    except DeckError as e:
        say_err(f"hzmap deck: {e}")
        return EXIT_USAGE
    try:
        path = save_deck(deck, args.out)
    except DeckError as e:
        say_err(f"hzmap deck: {e}")
        return EXIT_PROBLEMS
    say(f"wrote {path} ({len(deck.slides)} slides: {deck.title})")
    return EXIT_OK


def _unwritable(out: str) -> str | None:
    """Why `out` cannot be written, when that shows before drawing (save_deck checks again)."""
    import os
    import stat

    from hzmap.model.files.atomic import target_of
    target = target_of(out)
    folder = target.parent
    if not folder.is_dir():
        return f"the folder {folder} does not exist"
    if target.is_dir():
        return "a folder of that name exists"
    if target.exists() and not target.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return "the file is read-only, so it was not replaced"
    if not os.access(folder, os.W_OK):
        return f"the folder {folder} is not writable"
    return None


def _default_tour(ds, geo, layout: str | None):
    from hzmap.model.tours.tour import default_tour
    if layout is None:
        raise UsageError("give --layout: the deck is that layout's tour")
    return default_tour(ds, geo, layout)


def _project_tour(ds, geo, path: str, layout: str | None, name: str | None):
    """The project's tour named `name` (or its first; of `layout` when given); a project with no
    tour gives its layout's default tour."""
    from hzmap.model.session.project import load_project
    from hzmap.model.tours.tour import tour_from_dict
    if not Path(path).is_file():
        raise UsageError(f"no project file {path}")
    proj, problems = load_project(path, known_layouts=set(ds.layouts),
                                  known_districts=set(ds.districts), known_places=set(ds.places))
    if proj is None:
        raise UsageError("cannot open the project: " + "; ".join(problems))
    for problem in problems:
        say_err(f"hzmap deck: warning: {problem}")
    tours = []
    for i, raw in enumerate(proj.tours or [], 1):
        try:
            tours.append(tour_from_dict(raw if isinstance(raw, dict) else {}))
        except (ValueError, TypeError, AttributeError) as e:
            say_err(f"hzmap deck: warning: {path}: tour {i} not read ({e})")
    if name is None and tours:  # an empty tour (just made in the 导览 dock) gives no deck
        for t in (t for t in tours if not t.steps):
            say_err(f"hzmap deck: {path}: tour {t.name!r} has no steps; left out")
        tours = [t for t in tours if t.steps]
    if not tours:
        layout = layout or proj.layout
        if layout is None:
            raise UsageError(f"{path} has no saved tour and no layout: give --layout")
        say_err(f"hzmap deck: {path} has no saved tour with steps; using the default tour of {layout}")
        return _default_tour(ds, geo, layout)
    chosen = [t for t in tours if layout is None or t.layout == layout]
    if name is not None:
        chosen = [t for t in chosen if name in (t.name, t.name_en)]
    if not chosen:
        raise UsageError(f"{path} has no tour " + (f"named {name!r}" if name else f"of {layout}")
                         + "; its tours: " + ", ".join(repr(t.name) for t in tours))
    if not chosen[0].steps:
        raise UsageError(f"{path}: tour {chosen[0].name!r} has no steps: add steps in the 导览 "
                         "Tours dock, or give --layout for that layout's default tour")
    return chosen[0]


def _project_layers(geo, path: str, store, args) -> list:
    """The project's user layers (their data read into `store`); what cannot be read is warned
    about and left off the slides; UsageError when they or its base map would read files
    outside the project's folder without --allow-outside (checked before anything is read)."""
    from hzmap.model.layers.project_layers import load_layers
    from hzmap.model.session.project import load_project
    proj, _problems = load_project(path)
    if proj is None:
        return []
    refusal = refuse_outside(path, proj, args.allow_outside, basemap=not args.basemap)
    if refusal:
        raise UsageError(refusal)
    if not proj.layers:
        return []
    found = load_layers(proj.layers, Path(path).absolute().parent, geo, store, allow_outside=True)
    for problem in [*found.problems, *found.missing.values()]:
        say_err(f"hzmap deck: warning: {problem}")
    return found.states


def _progress():
    t0 = time.perf_counter()

    def show(done: int, total: int, label: str) -> None:
        if done == total:
            sys.stderr.write(f"\r\033[K{total} slides drawn in {time.perf_counter() - t0:.1f}s\n")
        else:
            sys.stderr.write(f"\r\033[Kslide {done + 1}/{total}: {label[:40]}")
        sys.stderr.flush()
    return show
