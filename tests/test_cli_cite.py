"""`hzmap cite` and `hzmap validate` on a fresh install: no ../shared beside the program."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    """The program and its data copied alone into an empty folder, as an install would be."""
    root = tmp_path_factory.mktemp("fresh") / "app"
    skip = shutil.ignore_patterns("__pycache__", "_build")
    shutil.copytree(REPO / "hzmap", root / "hzmap", ignore=skip)
    shutil.copytree(REPO / "geodata", root / "geodata", ignore=skip)
    assert not (root.parent / "shared").exists()
    return root


def run(fresh: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HZMAP_")}
    env["PYTHONPATH"] = str(fresh)
    return subprocess.run([sys.executable, "-m", "hzmap", *args], cwd=fresh, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_copy_runs_from_its_own_folder(fresh):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HZMAP_")}
    env["PYTHONPATH"] = str(fresh)
    out = subprocess.run([sys.executable, "-c", "import hzmap.paths as p; print(p.seeds_dir())"],
                         cwd=fresh, env=env, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == str(fresh / "geodata" / "sources")


def test_validate_checks_every_excerpt_on_a_fresh_install(fresh):
    out = run(fresh, "validate")
    assert out.returncode == 0, out.stderr
    assert "excerpts: all found in the source documents" in out.stdout


def test_cite_prints_paragraph_section_and_citation(fresh):
    out = run(fresh, "cite", "dt_platforms/ftz_data_pilot")
    assert out.returncode == 0, out.stderr
    assert "【依托自贸试验区先行开展数据出境评估便利化试点】" in out.stdout     # in its whole paragraph
    assert "15.推动数据跨境流动便利化。" in out.stdout
    assert "二、工作举措 › (三)构建全球一流数字营商环境 › 15. 推动数据跨境流动便利化" in out.stdout
    assert ("杭州市人民政府办公厅. 杭州市推进数字贸易强市三年行动计划（2024—2026年）[Z]. "
            "2024-05-24: 二(三)15.") in out.stdout


def test_cite_json_by_name_and_by_excerpt_words(fresh):
    by_name = json.loads(run(fresh, "cite", "中国数谷", "--json").stdout)
    assert {(r["kind"], r["id"]) for r in by_name} >= {("place", "china_data_valley")}
    words = json.loads(run(fresh, "cite", "外事专办员", "--json").stdout)
    assert [r["id"] for r in words] == ["ps2024_t_foreign_affairs_staff"]
    src = words[0]["sources"][0]
    assert src["heading"]["section"] == "五(二十四)" and src["citation"].endswith(": (二十四).")
    assert src["paragraph"].startswith("(二十四)提升外事服务能力。")
    assert src["paragraph"][src["start"] - src["paragraph_start"]:
                            src["end"] - src["paragraph_start"]] == "亿元以上民营企业外事专办员全覆盖"


def test_cite_says_so_when_nothing_matches(fresh):
    out = run(fresh, "cite", "no such thing")
    assert out.returncode == 2 and "no dataset item matches" in out.stderr and not out.stdout


def test_the_documents_ship_with_the_data_and_the_variable_still_overrides(monkeypatch, tmp_path):
    from hzmap.paths import data_root, seeds_dir

    monkeypatch.delenv("HZMAP_SEEDS_DIR", raising=False)
    assert seeds_dir() == data_root() / "sources"
    assert len(list(seeds_dir().glob("*.txt"))) == 5 and (seeds_dir() / "PROVENANCE.md").is_file()
    monkeypatch.setenv("HZMAP_SEEDS_DIR", str(tmp_path / "elsewhere"))
    assert seeds_dir() == tmp_path / "elsewhere"
