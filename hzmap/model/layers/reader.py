"""Opening a user's file as a layer: what the Add layer dialog proposes, and the reading itself.

    info = inspect_file(path)            # format, size, layers/sheets, the columns and guesses
    source = info.source                 # a LayerSource with those guesses; the dialog may change it
    data = open_layer(source, geo)       # LayerData, or LayerError naming the file and the problem

The file itself is read in the reader process (hzmap.model.layers.reading: a time and memory
budget, a `cancel` event that stops it at once); what it returns is made into a layer here. A
zip's size is what it unpacks to. The readers are imported inside these functions, so importing
hzmap.model.layers costs start-up nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from hzmap import process
from hzmap.model.layers import reading
from hzmap.model.layers.archive import unpacked_size, zipped
from hzmap.model.layers.columns import CoordGuess, find_coordinate_columns, guess_system
from hzmap.model.layers.errors import (LARGE_FILE_BYTES, LayerError, check_size, file_size, no_usable_column,
                                       readers_available, regular_file)
from hzmap.model.layers.source import LayerSource, source_for


@dataclass
class FileInfo:
    """What the dialog shows before loading: enough to choose, nothing loaded yet."""

    source: LayerSource            # the proposed source (guesses filled in)
    size: int                      # bytes it unpacks to (a zip's members; a shapefile with its parts)
    large: bool                    # over LARGE_FILE_BYTES: ask before loading
    sublayers: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)       # tables
    numeric: list[str] = field(default_factory=list)       # tables: numeric columns
    guess: CoordGuess | None = None                        # tables with lon/lat
    kind: str | None = None        # "points" or "districts" for tables; None for GIS files (read to know)


def _gazetteer(gazetteer):
    if gazetteer is not None:
        return gazetteer
    from hzmap.model.geo.gazetteer import load_gazetteer

    return load_gazetteer()


def read_size(path, fmt: str) -> int:
    """What reading `path` costs in bytes: a zip's members unpacked (LayerError for a zip whose
    list of members is unsafe or damaged), else the file with a shapefile's parts."""
    if zipped(path, fmt):
        regular_file(path)
        return unpacked_size(path, fmt)
    return file_size(path)


def inspect_file(path, sublayer: str | None = None, gazetteer=None,
                 size_limit: int | None = LARGE_FILE_BYTES, cancel=None) -> FileInfo:
    """Look at a file without loading its features (tables are read: their header and columns
    decide everything). A large file is only sized: `large` says the dialog should ask.
    `cancel`: a threading.Event that stops the read (ReadCancelled)."""
    source = source_for(path, sublayer=sublayer)
    size = read_size(source.path, source.format)
    large = size_limit is not None and size > size_limit
    if large:
        return FileInfo(source, size, True)
    with readers_available(source.path), process.collector_paused():
        return _inspect(source, size, sublayer, gazetteer, cancel)


def _inspect(source, size: int, sublayer, gazetteer, cancel) -> FileInfo:
    if not source.is_table:
        layers = [n for n, _t in reading.list_sublayers(source.path, source.format, size=size, cancel=cancel)]
        guess = guess_system(None, None, source.path.name)
        return FileInfo(source, size, False, layers, guess=guess if guess.system else None)
    from hzmap.model.layers.join import find_join_column

    table = reading.read_table(source.path, source.format, sublayer, size=size, cancel=cancel)
    _remember_table(source.path, table)
    parsed = {c: table.numbers(c) for c in table.columns}
    numeric = table.numeric_columns()
    x, y = find_coordinate_columns(table.columns, parsed)
    join = find_join_column(table.frame, _gazetteer(gazetteer))
    if x is not None:
        guess = guess_system(x, y, table.sheet or "", source.path.name)
        source = replace(source, sublayer=table.sheet, x_column=x, y_column=y, join_column=join,
                         coords=guess.system or "wgs84", coords_guess=guess.reason)
        kind = "points"
    elif join is not None:
        source, guess, kind = replace(source, sublayer=table.sheet, join_column=join), None, "districts"
    else:
        raise no_usable_column(source.path, table.columns)
    return FileInfo(source, size, False, table.sheets, table.columns, numeric, guess, kind)


_LAST_TABLE: list = []  # (key, Table) of the table inspect_file read, so open_layer does not read it twice


def _table_key(path, sheet):
    st = Path(path).stat()
    return (str(Path(path).resolve()), st.st_size, st.st_mtime_ns, sheet)


def _remember_table(path, table) -> None:
    _LAST_TABLE[:] = [(_table_key(path, table.sheet), table)]


def _cached_table(source: LayerSource):
    if not _LAST_TABLE:
        return None
    key, table = _LAST_TABLE[0]
    try:
        same = key == _table_key(source.path, source.sublayer or table.sheet)
    except OSError:
        return None
    _LAST_TABLE.clear()
    return table if same and source.sublayer in (None, table.sheet) else None


def open_layer(source: LayerSource, geo, gazetteer=None, size_limit: int | None = LARGE_FILE_BYTES,
               cancel=None):
    """Read `source` as a LayerData in map metres; LayerError (LargeFileError over
    `size_limit`, None for no limit; ReadCancelled when `cancel` was set) naming the file."""
    if source.embedded is None and source.path is None:
        raise LayerError(None, "the layer has neither a file nor a copy in the project")
    with readers_available(source.path), process.collector_paused():
        return _open(source, geo, gazetteer, size_limit, cancel)


def _open(source: LayerSource, geo, gazetteer, size_limit: int | None, cancel):
    from hzmap.model.layers import build

    if source.embedded is not None:
        from hzmap.model.layers.embed import read_embedded

        return read_embedded(source, geo, _gazetteer(gazetteer))
    size = check_size(source.path, size_limit, read_size(source.path, source.format))
    if source.is_table:
        table = _cached_table(source) or reading.read_table(source.path, source.format, source.sublayer,
                                                            size=size, cancel=cancel)
        return build.from_table(source, table, geo, _gazetteer(gazetteer))
    read = reading.read_vector(source.path, source.format, source.sublayer, source.coords, size=size,
                               cancel=cancel)
    return build.from_vector(source, read, geo)


def open_path(path, geo, coords: str | None = None, gazetteer=None, sublayer: str | None = None,
              size_limit: int | None = LARGE_FILE_BYTES, cancel=None, **choices):
    """inspect_file + open_layer with the guesses; `coords` overrides the guessed system and
    `choices` other LayerSource fields (the command line and drag and drop)."""
    gazetteer = _gazetteer(gazetteer)
    first = source_for(path)
    check_size(first.path, size_limit, read_size(first.path, first.format))
    info = inspect_file(path, sublayer, gazetteer, size_limit=None, cancel=cancel)
    source = replace(info.source, **choices)
    if choices.get("x_column") is None and "join_column" in choices:  # a district table asked for
        source = replace(source, x_column=None, y_column=None)
    if coords is not None and coords != source.coords:
        source = replace(source, coords=coords, coords_guess="chosen")
    return open_layer(source, geo, gazetteer, size_limit=None, cancel=cancel)
