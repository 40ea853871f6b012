"""Compile the UI translations: hzmap_en.ts (edit it, e.g. in Qt Linguist) -> hzmap_en.qm.

    python resources/i18n/build_i18n.py          # compile with pyside6-lrelease
    python resources/i18n/build_i18n.py --check  # list tr("...") strings with no English yet

The .qm is committed so the app needs no build step; rerun this after editing the .ts.
"""
from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS, QM = HERE / "hzmap_en.ts", HERE / "hzmap_en.qm"
# tr("...") with one literal, or several adjacent ones (Python joins them: long messages);
# also Texts.tr(widget.setText, "...") (hzmap.ui.common.i18n), whose first argument is the setter.
TR_CALL = re.compile(r"""\btr\(\s*(?:[\w.]+\s*,\s*)?((?:(["'])(?:\\.|(?!\2).)*\2\s*)+)[,)]""")


def lrelease() -> str:
    """pyside6-lrelease beside this Python (the venv), else on PATH."""
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(beside) if beside.exists() else shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease not found: pip install PySide6")
    return found


def compile_qm() -> Path:
    subprocess.run([lrelease(), str(TS), "-qm", str(QM)], check=True, capture_output=True)
    return QM


def translated() -> set[str]:
    return {m.findtext("source") for m in ET.parse(TS).getroot().iter("message")
            if (m.findtext("translation") or "") and m.find("translation").get("type") is None}


def wrapped_strings() -> dict[str, str]:
    """Every literal passed to tr() in hzmap/ui -> the file it is in."""
    out = {}
    for path in sorted((ROOT / "hzmap" / "ui").rglob("*.py")):
        for m in TR_CALL.finditer(path.read_text(encoding="utf-8")):
            out[ast.literal_eval("(" + m.group(1) + ")")] = str(path.relative_to(ROOT))
    return out


def missing() -> list[tuple[str, str]]:
    done = translated()
    return sorted((f, s) for s, f in wrapped_strings().items() if s not in done)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        gaps = missing()
        for f, s in gaps:
            print(f"{f}: {s!r}")
        sys.exit(1 if gaps else 0)
    print(compile_qm())
