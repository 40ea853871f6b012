"""Writing a draft as dataset YAML (geodata/dataset/SCHEMA.md) into a user dataset folder.

The folder gets plans.yaml, layouts/<id>.yaml, measures/<plan>.yaml, targets/<plan>.yaml and
the document's text as sources/<plan>.txt, so the excerpt check finds every excerpt in it. An
existing folder's other plans are kept: plans.yaml is merged by plan id. The files are written
all or none (hzmap.model.files.fileset), so a failed import leaves nothing behind.

MANIFEST records a digest of every file (and plans.yaml entry) an import wrote. A file it would
replace that no longer matches (the planner edited the draft, or it was never an import's) is
not replaced unless `force`: DraftEdited names them.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import yaml

from hzmap.model.files import safeio
from hzmap.model.files.fileset import write_all

from .draft import ACCEPTED, EDITED, Draft, Record

SOURCES = "sources"
MANIFEST = ".hzmap-import.json"


class DraftEdited(ValueError):
    """The folder holds files of this plan that were changed since an import wrote them."""


class _Dumper(yaml.SafeDumper):
    """Block style, Chinese as written, keys in the order the schema documents them."""


def _str(dumper, value: str):
    style = '"' if any(c in value for c in ":#{}[],&*!|>'%@`") or value[:1] in "-?" else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(data: Any) -> bytes:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=None).encode("utf-8")


def _keep(rec: Record, only_accepted: bool) -> bool:
    return rec.status in (ACCEPTED, EDITED) if only_accepted else rec.kept


def plan_data(draft: Draft) -> dict:
    d = {k: v for k, v in draft.plan.data.items() if v is not None or k == "issued"}
    if d.get("in_force") and d["in_force"].get("to") is None:
        d["in_force"] = {"from": d["in_force"]["from"], "to": None}
    return d


def element_data(el: Record) -> dict:
    """An element as written: `needs_place` while it names no district and no place."""
    data = {k: v for k, v in el.data.items() if k != "needs_place"}
    if el.needs_place:
        data["needs_place"] = True
    return data


def layout_data(lay: Record, only_accepted: bool) -> dict:
    data = dict(lay.data)
    data["elements"] = [element_data(el) for el in lay.children if _keep(el, only_accepted)]
    return data


def files_of(draft: Draft, only_accepted: bool = False) -> dict[str, Any]:
    """Relative path -> YAML data of every file the draft writes (not the source text)."""
    pid = draft.plan_id
    files: dict[str, Any] = {}
    for lay in draft.layouts:
        if _keep(lay, only_accepted):
            data = layout_data(lay, only_accepted)
            if data["elements"]:
                files[f"layouts/{lay.data['id']}.yaml"] = data
    measures = [dict(m.data) for m in draft.measures if _keep(m, only_accepted)]
    if measures:
        files[f"measures/{pid}.yaml"] = {"plan": pid, "measures": measures}
    targets = [dict(t.data) for t in draft.targets if _keep(t, only_accepted)]
    if targets:
        files[f"targets/{pid}.yaml"] = {"plan": pid, "targets": targets}
    return files


def _plans_yaml(folder: Path, plan: dict) -> dict:
    path = folder / "plans.yaml"
    plans: list = []
    if path.is_file():
        from hzmap.model.dataset.yamlio import read_yaml
        problems: list[str] = []
        old = read_yaml(path, "plans.yaml", problems)
        if problems or not isinstance(old, dict) or not isinstance(old.get("plans"), list):
            raise ValueError(f"{path}: cannot add the plan: the existing plans.yaml is not a "
                             "readable list of plans")
        plans = [p for p in old["plans"] if not (isinstance(p, dict) and p.get("id") == plan["id"])]
    return {"plans": plans + [plan]}


def _digest(data) -> str:
    raw = data if isinstance(data, bytes) else json.dumps(data, sort_keys=True, ensure_ascii=False,
                                                           default=str).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()


def _manifest(folder: Path) -> dict:
    try:
        data = json.loads(safeio.read_bytes(folder / MANIFEST, 1 << 20, what="import record"))
    except (safeio.FileProblem, ValueError):
        return {"files": {}, "plans": {}}
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict) or not isinstance(data.get("plans"), dict):
        return {"files": {}, "plans": {}}
    return data


def _plan_entry(plans_yaml: bytes, plan_id: str):
    from hzmap.model.dataset.yamlio import parse

    data = parse(plans_yaml.decode("utf-8"))
    return next((p for p in data.get("plans", []) if isinstance(p, dict) and p.get("id") == plan_id), None) \
        if isinstance(data, dict) else None


def write_draft(draft: Draft, folder, *, only_accepted: bool = False, force: bool = False) -> list[Path]:
    """Write the kept (or only the accepted/edited) records; returns the files written.
    DraftEdited (nothing written) when it would replace files of this plan changed since an
    import wrote them, unless `force`."""
    folder = Path(folder)
    files = {rel: dump(data) for rel, data in files_of(draft, only_accepted).items()}
    files[f"{SOURCES}/{draft.plan.data['file']}"] = draft.document.written.encode("utf-8") + b"\n"
    manifest = _manifest(folder)
    edited = [rel for rel in files if (folder / rel).is_file()
              and _digest((folder / rel).read_bytes()) != manifest["files"].get(rel)]
    plans = dump(_plans_yaml(folder, plan_data(draft)))
    pid = draft.plan_id
    if (folder / "plans.yaml").is_file():
        before = _plan_entry((folder / "plans.yaml").read_bytes(), pid)
        if before is not None and _digest(before) != manifest["plans"].get(pid):
            edited.append(f"plans.yaml (plan '{pid}')")
    if edited and not force:
        raise DraftEdited(f"{folder}: holds a draft of plan '{pid}' changed since it was imported "
                          f"({', '.join(edited[:8])}); import into another folder, or pass --force "
                          "to replace it")
    files["plans.yaml"] = plans
    manifest["files"].update({rel: _digest(data) for rel, data in files.items() if rel != "plans.yaml"})
    manifest["plans"][pid] = _digest(_plan_entry(plans, pid))
    files[MANIFEST] = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    return [p for p in write_all(folder, files) if p.name != MANIFEST]
