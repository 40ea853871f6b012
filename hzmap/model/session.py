"""The user's session: the annotations, the tours, the project file, unsaved changes and the
recovery file. No Qt.

Saving, opening and recovering go through here; the window only asks the user and shows the
result. Opening a project is one change of the view state (one redraw), whatever it restores.

What counts as unsaved: annotation and tour edits always; the view (layout, filters, hidden
layers and elements, user layers) once the session belongs to a saved project, since an
untitled session that only browsed has nothing to lose.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from psygnal import Signal

from hzmap.model.annotations import AnnotationSet
from hzmap.model.extent import Extent
from hzmap.model.project import Project, ProjectError, load_project, save_project
from hzmap.model.recovery import Recovery
from hzmap.model.tours import Tour, tour_from_dict, tour_problems, tour_to_dict
from hzmap.model.viewstate import BASE_LAYERS, View, ViewState


class Session:
    changed = Signal()        # the file, or whether there are unsaved changes, changed
    tours_changed = Signal()  # tours added, removed or edited

    def __init__(self, state: ViewState, recovery: Recovery | None = None, dataset=None) -> None:
        self.state = state
        self.recovery = recovery
        self.dataset = dataset
        self.annotations = AnnotationSet()
        self.tours: list[Tour] = []
        self.path: Path | None = None
        self.extra: dict = {}
        self.layer_records: list = []  # the file's user layers, written back as they were
        self.restored = False  # restored from a recovery file: unsaved until saved
        self._saved = self._doc()
        self.annotations.history_changed.connect(self.changed.emit)
        state.changed.connect(self._on_view_changed)

    def set_dataset(self, dataset) -> None:
        self.dataset = dataset

    # -- what is unsaved ---------------------------------------------------------------------
    def _doc(self) -> tuple:
        v = self.state.view
        tours = [tour_to_dict(t) for t in self.tours]
        return ((v.layout, v.filters, v.layers, v.hidden_elements, v.show_places), tours)

    def is_modified(self) -> bool:
        if self.restored or self.annotations.is_modified():
            return True
        view, tours = self._doc()
        saved_view, saved_tours = self._saved
        return tours != saved_tours or (self.path is not None and view != saved_view)

    def _on_view_changed(self, _view, fields) -> None:
        if fields & {"layout", "filters", "layers", "hidden_elements", "show_places"}:
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
    def capture(self) -> Project:
        v = self.state.view
        return Project(view=v.preset, extent=tuple(v.extent), layout=v.layout, selection=v.selection,
                       filters=v.filters, hidden_layers=frozenset(n for n in BASE_LAYERS if not v.layer_visible(n)),
                       hidden_elements=v.hidden_elements, show_places=v.show_places,
                       layers=list(self.layer_records),
                       annotations=list(self.annotations), tours=[tour_to_dict(t) for t in self.tours],
                       extra=dict(self.extra))

    def view_of(self, p: Project) -> View:
        """The View a project shows, in the current language."""
        v = self.state.view
        extent = Extent(*p.extent) if p.view == "custom" and p.extent else self.state.preset_extent(p.view)
        layers = tuple(replace(lay, visible=lay.id not in p.hidden_layers) if lay.kind == "base" else lay
                       for lay in v.layers if lay.kind == "base")
        return replace(v, extent=extent, preset=p.view if p.view != "custom" or p.extent else "city",
                       layout=p.layout, selection=p.selection, filters=p.filters, layers=layers,
                       hidden_elements=p.hidden_elements, show_places=p.show_places)

    def apply(self, p: Project) -> list[str]:
        """Show a project: one change of the view state. Returns what could not be restored."""
        problems = []
        tours = []
        for i, d in enumerate(p.tours or [], 1):
            try:
                tour = tour_from_dict(d)
            except Exception as exc:  # any malformed tour: report it, keep the others
                problems.append(f"tour {i} not loaded: {exc}")
                continue
            problems += [f"tour {i} ({tour.name}): {why}" for why in tour_problems(tour, self.dataset, self.state.geo)]
            tours.append(tour)
        self.state.set_view(self.view_of(p))
        self.annotations.replace_all(p.annotations)
        self.tours[:] = tours
        self.extra = dict(p.extra)
        self.layer_records = list(p.layers)
        self.tours_changed.emit()
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

    def open(self, path) -> tuple[bool, list[str]]:
        """(opened, problems). Nothing changes when the file cannot be read at all."""
        path = Path(path)
        project, problems = load_project(path, **self.known())
        if project is None:
            return False, problems
        problems += [f"{path}: {t}" for t in self.apply(project)]
        self._mark_saved(path)
        return True, problems

    def save(self, path=None) -> Path:
        """Save to `path` (default: the project's file); raises ProjectError naming the file."""
        path = Path(path) if path is not None else self.path
        if path is None:
            raise ProjectError("the project has no file yet: choose where to save it")
        save_project(path, self.capture())
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

    def recover(self, entry) -> list[str]:
        """Restore a recovery file left by a session that ended without saving."""
        project, problems = load_project(entry.path, **self.known())
        if project is None:
            return problems
        problems += [f"{entry.path}: {t}" for t in self.apply(project)]
        self.path = entry.source
        self._saved = ((), [])
        self.restored = True
        self.recovery.adopt(entry)  # now this session's recovery data: kept until saved
        self.changed.emit()
        return problems

    def close(self, keep_recovery: bool = False) -> None:
        """The session ends normally: its recovery file goes, unless the work was kept there."""
        if self.recovery is not None:
            self.recovery.close(keep=keep_recovery)


__all__ = ["Session", "ProjectError"]
