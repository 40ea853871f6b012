"""The user's session: the annotations, the tours, the project file, unsaved changes and the
recovery file. No Qt. Saving, opening and recovering go through here; the window only asks the
user and shows the result. Opening a project is one change of the view state (one redraw).

What counts as unsaved: annotation and tour edits and the user's own layers always; the view
(layout, filters, hidden layers and elements) once the session belongs to a saved project, since
an untitled session that only browsed has nothing to lose.

The layout dataset in use and the user layers' data are the session's, and announced: every
panel, map and open window takes them from here and subscribes to `dataset_changed` and to the
store's `changed`, so a plan imported or a dataset removed reaches an open export dialog.

User layers: their LayerStates are in the View, their data in a LayerStore (hzmap.model.layers
.store) that every picture of the map reads. A project's layers are opened with it; a file that
has moved or vanished keeps its entry with every setting (`needs_relink`, `relink_layer`), and a
layer can keep a copy in the project (`embed_layer`, only when asked, of a shown layer) within
the size limit. A project's files outside its folder, its layers' and its base map's, are read
only with a yes (`allow_outside`); its online base map opens switched off.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from psygnal import Signal

from hzmap.model.files.atomic import clean_stale_parts
from hzmap.model.session.annotations import AnnotationSet
from hzmap.model.geo.extent import Extent
from hzmap.model.layers.store import LayerStore
from hzmap.model.session.project import MAX_BYTES, Project, ProjectError, encode, load_project, save_project
from hzmap.model.session.outside import may_read_outside
from hzmap.model.session.recovery import Recovery
from hzmap.model.tours.tour import Tour, tour_to_dict, tours_from_dicts
from hzmap.model.layers.project_layers import layer_records, load_layers
from hzmap.model.view.refs import stale_fields
from hzmap.model.view.viewstate import BASE_LAYERS, LayerState, View, ViewState


class Session:
    changed = Signal()        # the file, or whether there are unsaved changes, changed
    tours_changed = Signal()  # tours added, removed or edited
    layers_need_relink = Signal(object)  # {layer id: why}: user layers whose files a project could not find
    dataset_changed = Signal(object, object)  # (the dataset in use, the shipped one beneath the user's)

    def __init__(self, state: ViewState, recovery: Recovery | None = None, dataset=None,
                 layers: LayerStore | None = None) -> None:
        self.state = state
        self.recovery = recovery
        self.dataset = dataset
        self.shipped = dataset  # the dataset hzmap ships; the user's datasets load on top of it
        self.annotations = AnnotationSet()
        self.tours: list[Tour] = []
        self.path: Path | None = None
        self.extra: dict = {}
        self.layers = layers if layers is not None else LayerStore()
        self.layer_links: dict = {}    # layer id -> Link: where the project found its file
        self.layer_records: list = []  # entries of the file that are not layers, written back as they were
        self._gazetteer = None
        self.restored = False  # restored from a recovery file: unsaved until saved
        self._saved = self._doc()
        self.annotations.history_changed.connect(self.changed.emit)
        state.changed.connect(self._on_view_changed)
        state.fit = self._fit_extent

    def _fit_extent(self, layout_id, hidden=frozenset()):
        """The frame of the "fit the layout" view (hzmap.model.elements.framing)."""
        from hzmap.model.elements.framing import layout_extent

        return layout_extent(self.dataset, self.state.geo, layout_id, hidden) if self.state.geo is not None else None

    def set_dataset(self, dataset, shipped=None) -> None:
        """Use `dataset` from now on: the first to arrive, or a new one (a plan saved, a user
        dataset removed or imported). `shipped` is the dataset beneath the user's (default: the
        first one given). What the view names that `dataset` lacks is cleared first, in one change
        of the view state; then `dataset_changed` tells every picture and panel."""
        changes = stale_fields(self.state.view, dataset)
        if changes:
            self.state.update(**changes)
        self.dataset = dataset
        if shipped is not None or self.shipped is None:
            self.shipped = shipped if shipped is not None else dataset
        view = self.state.view
        if view.preset == "fit":  # the frame of what the layout draws, now that it is known
            self.state.update(extent=self.state.preset_extent("fit", view.layout, view.hidden_in_layout(view.layout)))
        self.dataset_changed.emit(dataset, self.shipped)

    # -- what is unsaved ---------------------------------------------------------------------
    def _doc(self) -> tuple:
        v = self.state.view
        tours = [tour_to_dict(t) for t in self.tours]
        return ((v.layout, v.filters, v.layers, v.hidden_elements, v.show_places, v.as_of, v.lapsed),
                tours)

    def is_modified(self) -> bool:
        if self.restored or self.annotations.is_modified():
            return True
        view, tours = self._doc()
        saved_view, saved_tours = self._saved
        if tours != saved_tours:
            return True
        if self.path is None:  # only browsed? the user's own layers are work all the same
            return _user_layers(view) != _user_layers(saved_view)
        return view != saved_view

    def _on_view_changed(self, _view, fields) -> None:
        if fields & {"layout", "filters", "layers", "hidden_elements", "show_places", "as_of", "lapsed"}:
            self.changed.emit()

    def tours_edited(self) -> None:
        """The tour editor changed `tours` in place."""
        self.tours_changed.emit()
        self.changed.emit()

    def _mark_saved(self, path: Path | None) -> None:
        self.path = path
        self.restored = False
        self._saved = self._doc()
        self.annotations.mark_saved()  # emits changed through history_changed
        self.changed.emit()

    # -- project <-> session --------------------------------------------------------------------
    def capture(self, path=None) -> Project:
        """The session as a project to be written to `path` (default: its file): user layer
        paths are stored relative to that file's folder."""
        v = self.state.view
        target = Path(path) if path is not None else self.path
        folder = target.absolute().parent if target is not None else Path.cwd()
        basemap = None
        if v.basemap() is not None:
            from hzmap.model.basemap.persist import basemap_to_dict

            basemap = basemap_to_dict(v.basemap(), folder)
        return Project(view=v.preset, extent=tuple(v.extent), layout=v.layout, selection=v.selection,
                       filters=v.filters, hidden_layers=frozenset(n for n in BASE_LAYERS if not v.layer_visible(n)),
                       hidden_elements=v.hidden_elements, show_places=v.show_places,
                       as_of=v.as_of, lapsed=v.lapsed,
                       layers=layer_records(v, self.layers, folder, self.layer_links, self.layer_records),
                       basemap=basemap,
                       annotations=list(self.annotations), tours=[tour_to_dict(t) for t in self.tours],
                       extra=dict(self.extra))

    def view_of(self, p: Project, user_layers=()) -> View:
        """The View a project shows, in the current language, with `user_layers` (LayerStates:
        the user's, read by load_layers, above the base layers; its base map, read by
        basemap_from_dict, under everything)."""
        v = self.state.view
        extent = Extent(*p.extent) if p.view == "custom" and p.extent else \
            self.state.preset_extent(p.view, p.layout, frozenset(
                k.split("/", 1)[1] for k in p.hidden_elements if k.startswith(f"{p.layout}/")))
        layers = tuple(lay for lay in user_layers if lay.kind == "basemap") + tuple(
            replace(lay, visible=lay.id not in p.hidden_layers) for lay in v.layers if lay.kind == "base"
        ) + tuple(lay for lay in user_layers if lay.kind != "basemap")
        return replace(v, extent=extent, preset=p.view if p.view != "custom" or p.extent else "city",
                       layout=p.layout, selection=p.selection, filters=p.filters, layers=layers,
                       hidden_elements=p.hidden_elements, show_places=p.show_places,
                       as_of=p.as_of, lapsed=p.lapsed)

    def read_layers(self, p: Project, project_dir=None, allow_outside=False, cancel=None) -> tuple:
        """(ProjectLayers, LayerStore, LoadedBasemap or None): the layers read into a store of their
        own, the base map's entry (its file not read); nothing shown (safe off the window's thread)."""
        allow = may_read_outside(allow_outside, p, project_dir)
        store, basemap = LayerStore(), None
        found = load_layers(p.layers, project_dir, self.state.geo, store, self.gazetteer() if p.layers else None,
                            allow_outside=allow, cancel=cancel)
        if p.basemap:  # (imported only for a project that has one: start-up stays as it was)
            from hzmap.model.basemap.persist import basemap_from_dict

            basemap = basemap_from_dict(p.basemap, project_dir, allow)
        return found, store, basemap

    def apply(self, p: Project, project_dir=None, allow_outside=False, cancel=None, read=None) -> list[str]:
        """Show a project: one change of the view state. Returns what could not be restored.
        `read`: what read_layers gave (else it is read now). A base map file not agreed to is
        refused in the open base maps, so no picture reads it; an online one comes back off."""
        found, store, basemap = read if read is not None else self.read_layers(p, project_dir, allow_outside, cancel)
        problems = list(basemap.problems) if basemap is not None else []
        under = basemap.under(self.layers) if basemap is not None else ()
        for lay in found.states:
            if store.get(lay) is not None:
                self.layers.put(lay.id, store.get(lay), lay.source)
        tours, tour_problems = tours_from_dicts(p.tours, self.dataset, self.state.geo)
        problems += found.problems + tour_problems
        self.layer_links = dict(found.links)    # before the view: its followers show why a file was not read
        self.state.set_view(self.view_of(p, under + tuple(found.states)))
        self.layers.keep_only(lay.id for lay in found.states)
        self.annotations.replace_all(p.annotations)
        self.tours[:] = tours
        self.extra = dict(p.extra)
        self.layer_records = list(found.unread)
        self.tours_changed.emit()
        if found.missing:  # told through the offer to re-link them, not as problems
            self.layers_need_relink.emit(dict(found.missing))
        return problems

    def known(self) -> dict:
        ds = self.dataset
        return {"known_layouts": set(ds.layouts) if ds is not None else None,
                "known_districts": set(self.state.geo.districts) if self.state.geo is not None else None,
                "known_places": set(ds.places) if ds is not None else None}

    # -- commands ------------------------------------------------------------------------------
    def new(self) -> None:
        self.apply(Project())
        self._mark_saved(None)

    def open(self, path, allow_outside=False, cancel=None) -> tuple[bool, list[str]]:
        """(opened, problems); nothing changes when the file cannot be read at all. The window
        does it in three steps: load, read_layers off its thread, show."""
        path = Path(path)
        project, problems = self.load(path)
        if project is None:
            return False, problems
        read = self.read_layers(project, path.absolute().parent, allow_outside, cancel)
        return True, problems + self.show(path, project, read)

    def load(self, path) -> tuple[Project | None, list[str]]:
        """The project file itself (no layer file read, nothing shown)."""
        return load_project(Path(path), **self.known())

    def show(self, path, project: Project, read) -> list[str]:
        """Show the project `load` and `read_layers` read from `path`; what could not be restored."""
        path = Path(path)
        clean_stale_parts(path.absolute().parent, path.name)
        problems = [f"{path}: {t}" for t in self.apply(project, path.absolute().parent, read=read)]
        self._mark_saved(path)
        return problems

    def save(self, path=None) -> Path:
        """Save to `path` (default: the project's file); raises ProjectError naming the file."""
        path = Path(path) if path is not None else self.path
        if path is None:
            raise ProjectError("the project has no file yet: choose where to save it")
        project = self.capture(path)
        self.check_size(project, path)
        save_project(path, project)
        clean_stale_parts(path.absolute().parent, path.name)  # a save killed earlier left its part
        self._mark_saved(path)
        if self.recovery is not None:
            self.recovery.discard()
        return path

    # -- recovery ---------------------------------------------------------------------------------
    def autosave(self) -> bool:
        """Keep unsaved work in this session's own recovery file. True when written."""
        if self.recovery is None or not self.is_modified():
            return False
        try:
            self.recovery.write(self.capture(), self.path)
        except (OSError, ProjectError):
            return False
        return True

    def recover(self, entry, allow_outside=False, project: Project | None = None, read=None) -> list[str]:
        """Restore a recovery file left by a session that ended without saving. `project` and
        `read`: what `load(entry.path)` and `read_layers` gave (else they are read now)."""
        from hzmap.model.session.recovery import recover
        return recover(self, entry, allow_outside, project, read)

    def mark_restored(self, source) -> None:
        """Restored from a recovery file kept for the project at `source`: unsaved until saved."""
        self.path, self._saved, self.restored = source, ((), []), True
        self.changed.emit()

    @staticmethod
    def recovery_folder(entry) -> Path | None:
        """The folder a recovered project's layer paths are relative to: its project file's."""
        return Path(entry.source).absolute().parent if entry.source else None

    def close(self, keep_recovery: bool = False) -> None:
        """The session ends normally: its recovery file goes, unless the work was kept there;
        the data of its layers is let go."""
        if self.recovery is not None:
            self.recovery.close(keep=keep_recovery)
        for layer in self.state.view.user_layers():
            self.layers.discard(layer.id)

    # -- size ---------------------------------------------------------------------------------
    def check_size(self, project: Project | None = None, path=None) -> None:
        """ProjectError when the project would be over the size a project file may have, naming
        the copies of layers kept in it (session.layer_copies)."""
        from hzmap.model.session.layer_copies import check_size
        check_size(project if project is not None else self.capture(path), path, MAX_BYTES)

    # -- user layers ------------------------------------------------------------------------------
    def gazetteer(self):
        if self._gazetteer is None:
            from hzmap.model.geo.gazetteer import load_gazetteer

            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def add_layer(self, data, name: str | None = None, style=None) -> LayerState:
        """Put a layer just read on the map (one change): on top, except that districts and
        areas go under the point and line layers already shown, which they would hide."""
        from hzmap.model.layers.style import default_style

        view = self.state.view
        layer = LayerState(self.layers.new_id(lay.id for lay in view.layers), kind="user",
                           name=name or data.name, style=dict(style or default_style(data)), source=data.source)
        index = None
        if data.kind in ("districts", "areas"):
            index = next((i for i, lay in enumerate(view.layers) if lay.kind != "base"
                          and getattr(self.layers.get(lay), "kind", None) in ("points", "lines")), None)
        self.layers.put(layer.id, data)
        self.state.add_layer(layer, index)
        return layer

    def remove_layer(self, layer_id: str) -> None:
        self.state.remove_layer(layer_id)
        self.layers.discard(layer_id)
        self.layer_links.pop(layer_id, None)

    def needs_relink(self, layer_id: str) -> bool:
        """The layer's file was not found or not read when the project opened, and it has not
        been re-linked since."""
        from hzmap.model.layers.project_layers import NOT_READ

        link = self.layer_links.get(layer_id)
        return link is not None and link.status in NOT_READ

    def relink_layer(self, layer_id: str, path, data=None) -> LayerState:
        """Read the layer from `path` (or take read_relinked's `data`), keeping every setting;
        LayerError naming the file: nothing changes then (session.layer_copies)."""
        from hzmap.model.session.layer_copies import relink_layer
        return relink_layer(self, layer_id, path, data)

    def read_relinked(self, layer_id: str, path, cancel=None):
        """What relink_layer would read from `path`, read without changing anything."""
        from hzmap.model.session.layer_copies import read_relinked
        return read_relinked(self, layer_id, path, cancel)

    def embed_layer(self, layer_id: str, on: bool = True) -> None:
        """Keep a copy of the layer in the project (on: when asked, of a shown layer) or only the
        link to its file (off); LayerError or ProjectError: nothing changes (session.layer_copies)."""
        from hzmap.model.session.layer_copies import embed_layer
        embed_layer(self, layer_id, on)


def _user_layers(doc_view: tuple) -> tuple:
    return tuple(lay for lay in doc_view[2] if lay.kind != "base")


__all__ = ["Session", "ProjectError"]
