"""The offline bundle: hzmap finds its data inside it, and (slow) it builds, starts and exports
with no network and no Python packages (packaging/build_bundle.py, packaging/prove_bundle.py)."""
import importlib.util
import sys
from pathlib import Path

import pytest

from hzmap import paths

ROOT = Path(__file__).resolve().parents[1]


def test_a_frozen_bundle_reads_data_from_beside_its_code(monkeypatch, tmp_path):
    monkeypatch.delenv("HZMAP_REPO", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.data_root() == tmp_path / "geodata"
    assert paths.resources_root() == tmp_path / "resources"
    monkeypatch.delattr(sys, "_MEIPASS")
    assert (paths.data_root() / "hangzhou.gpkg").is_file()


def _load(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_bundle_starts_and_exports_offline_without_python(tmp_path, request):
    if "slow" not in (request.config.option.markexpr or ""):
        pytest.skip("builds the bundle (~1 min): run with pytest -m slow tests/test_bundle.py")
    pytest.importorskip("PyInstaller", reason='the bundle extra: pip install -e ".[bundle]"')
    if not sys.platform.startswith("linux"):
        pytest.skip("the isolated run uses Linux namespaces")
    bundle = _load("build_bundle").build(tmp_path / "dist", tmp_path / "work")
    figures = _load("prove_bundle").prove(bundle, repeat=3)
    assert not figures["system_python_usable"] and not figures["python_on_path"]
    if figures["namespaces"]:
        assert figures["network"] == "blocked" and figures["interfaces"] == ["lo"]
    assert figures["startup_s"]["median"] < 15
    assert figures["export_png_bytes"] > 100_000 and figures["deck_pptx_bytes"] > 100_000
