#!/usr/bin/env python3
"""Build the fonts hzmap ships: a subset of Noto Sans CJK SC, as TrueType, in two weights.

hzmap must show Chinese on a machine that has no CJK font installed, in Qt widgets and in
everything matplotlib draws or exports (screen, PNG, SVG, PDF).  This script makes
``HzmapSansSC-Regular.ttf`` and ``HzmapSansSC-Bold.ttf`` beside itself from the real
Noto Sans CJK (SIL Open Font License 1.1):

1. fetch the source font (``--from pypi``, the default: the ``manimgx-fonts-cjk`` wheel, which
   carries Noto Sans CJK 2.004 unmodified as a variable-font collection; ``--from debian``:
   Debian's ``fonts-noto-cjk`` static Regular/Bold collections; or ``--source PATH``);
2. take the Simplified Chinese face (``Noto Sans CJK SC``) out of the collection;
3. subset it to the characters hzmap needs (see ``wanted_codepoints``);
4. for a variable source, instantiate it at weight 400 and 700;
5. convert the cubic CFF/CFF2 outlines to quadratic TrueType (``glyf``) with cu2qu, so that
   matplotlib embeds it as Type 42 in PDF (with a ToUnicode map: text stays selectable) and
   every backend and Qt can use it;
6. rename the family to ``Hzmap Sans SC`` (a modified version; see README.md).

Re-run it whenever new Chinese text enters the program or the data: the subset includes every
character of the seed documents, of geodata/**/*.yaml and *.csv, and of every string literal
in hzmap/**/*.py.  tests/test_fonts.py fails, naming the characters, when that is needed.

    python resources/fonts/build_fonts.py                  # fetch from PyPI, build, report
    python resources/fonts/build_fonts.py --from debian    # fetch Debian's fonts-noto-cjk
    python resources/fonts/build_fonts.py --source NotoSansCJK-VF.otf.ttc
    python resources/fonts/build_fonts.py --source Regular.ttc --source-bold Bold.ttc

Build-time requirements: fontTools (and PyYAML to read the YAML data; without it the YAML
files' whole text is taken, a superset).  pip, or apt-get and dpkg-deb, to fetch the source.
"""

from __future__ import annotations

import argparse
import ast
import csv
import hashlib
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

from fontTools import subset as ft_subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent

FAMILY = "Hzmap Sans SC"
FILE_STEM = "HzmapSansSC"
SOURCE_FAMILY = "Noto Sans CJK SC"

# The PyPI source, pinned: the wheel's own digest is checked after download.
PYPI_PACKAGE = "manimgx-fonts-cjk"
PYPI_VERSION = "2026.9.26.post1"
PYPI_SHA256 = "05d5584c73877f37427cf0ca8067f5bacea2b596c7be79e8aedd634bb9f2b666"
PYPI_FONT_MEMBER = "manimgx_fonts_cjk/NotoSansCJK-VF.otf.ttc"

# The Debian source.
DEBIAN_PACKAGE = "fonts-noto-cjk"
DEBIAN_REGULAR = "usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
DEBIAN_BOLD = "usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"

WEIGHTS = {"Regular": 400, "Bold": 700}

# cu2qu tolerance in font units (the font has 1000 units per em): 1 unit is 0.01 px at 10 px.
MAX_ERR = 1.0


# --------------------------------------------------------------------------- characters


def _ranges(*pairs: tuple[int, int]) -> set[int]:
    out: set[int] = set()
    for lo, hi in pairs:
        out.update(range(lo, hi + 1))
    return out


BLOCKS = _ranges(
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
    # Small blocks common in Chinese documents and on maps: ℃ №, Ⅰ Ⅱ, arrows, − ≤ ≥ ±,
    # ① ②, ■ □ ▲ ● ○ ◆.  Only what the source font has is kept.
    (0x2100, 0x214F),  # Letterlike Symbols
    (0x2150, 0x218F),  # Number Forms
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # Mathematical Operators
    (0x2460, 0x24FF),  # Enclosed Alphanumerics
    (0x25A0, 0x25FF),  # Geometric Shapes
)


def gb2312_hanzi() -> set[int]:
    """Every character of GB2312 rows 16-87 (the 6763 hanzi), via Python's codec."""
    out: set[int] = set()
    for row in range(0xB0, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                ch = bytes((row, cell)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            out.add(ord(ch))
    return out


def _python_strings(path: Path) -> list[str]:
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (SyntaxError, UnicodeDecodeError) as exc:
        print(f"warning: cannot parse {path}: {exc}; taking its whole text", file=sys.stderr)
        return [path.read_text(encoding="utf-8", errors="replace")]
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _yaml_strings(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    try:
        import yaml
    except ImportError:
        return [text]
    out: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, dict):
            for k, v in node.items():
                walk(k)
                walk(v)
        elif isinstance(node, (list, tuple)):
            for v in node:
                walk(v)

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when there
        for doc in yaml.load_all(text, Loader=loader):
            walk(doc)
    except yaml.YAMLError as exc:
        print(f"warning: cannot parse {path}: {exc}; taking its whole text", file=sys.stderr)
        return [text]
    return out


def _csv_strings(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [cell for row in csv.reader(fh) for cell in row]


def project_strings(repo: Path, seeds: Path | None) -> dict[str, list[str]]:
    """Every text hzmap may draw, by origin: seed documents, data, program strings."""
    found: dict[str, list[str]] = {}
    if seeds is not None and seeds.is_dir():
        for p in sorted(seeds.glob("*.txt")):
            found[str(p)] = [p.read_text(encoding="utf-8", errors="replace")]
    elif seeds is not None:
        print(f"warning: seed folder {seeds} not found; building without it", file=sys.stderr)
    geodata = repo / "geodata"
    for pattern, reader in (("*.yaml", _yaml_strings), ("*.yml", _yaml_strings), ("*.csv", _csv_strings)):
        for p in sorted(geodata.rglob(pattern)):
            found[str(p.relative_to(repo))] = reader(p)
    for p in sorted((repo / "hzmap").rglob("*.py")):
        found[str(p.relative_to(repo))] = _python_strings(p)
    return found


def _drawable(cp: int) -> bool:
    return not unicodedata.category(chr(cp)).startswith(("C", "Z")) or cp == 0x20 or cp == 0x3000


def text_codepoints(repo: Path, seeds: Path | None) -> set[int]:
    """The drawable characters of every project text (see project_strings)."""
    out: set[int] = set()
    for strings in project_strings(repo, seeds).values():
        for s in strings:
            out.update(ord(c) for c in s)
    return {cp for cp in out if _drawable(cp)}


def wanted_codepoints(repo: Path, seeds: Path | None) -> set[int]:
    return {cp for cp in BLOCKS | gb2312_hanzi() if _drawable(cp)} | text_codepoints(repo, seeds)


# --------------------------------------------------------------------------- fetching


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch_pypi(tmp: Path) -> tuple[Path, None, str]:
    dest = tmp / "pypi"
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
         "-d", str(dest), f"{PYPI_PACKAGE}=={PYPI_VERSION}"],
        check=True,
    )
    wheel = next(dest.glob("*.whl"))
    digest = _sha256(wheel)
    if digest != PYPI_SHA256:
        sys.exit(f"{wheel.name}: sha256 {digest} is not the pinned {PYPI_SHA256}; "
                 "check the new wheel, then update PYPI_SHA256")
    with zipfile.ZipFile(wheel) as zf:
        zf.extract(PYPI_FONT_MEMBER, dest)
    return dest / PYPI_FONT_MEMBER, None, f"PyPI {PYPI_PACKAGE} {PYPI_VERSION} ({wheel.name}, sha256 {digest})"


def fetch_debian(tmp: Path) -> tuple[Path, Path, str]:
    dest = tmp / "debian"
    dest.mkdir()
    subprocess.run(["apt-get", "download", DEBIAN_PACKAGE], cwd=dest, check=True)
    deb = next(dest.glob("*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(dest / "x")], check=True)
    return dest / "x" / DEBIAN_REGULAR, dest / "x" / DEBIAN_BOLD, f"Debian {deb.name} (sha256 {_sha256(deb)})"


# --------------------------------------------------------------------------- building


def load_face(path: Path) -> TTFont:
    """The Noto Sans CJK SC face of a collection (or the font itself if it is no collection)."""
    with path.open("rb") as fh:
        tag = fh.read(4)
    if tag != b"ttcf":
        return TTFont(path)
    coll = TTCollection(path)
    for font in coll.fonts:
        if font["name"].getDebugName(1) == SOURCE_FAMILY:
            return font
    sys.exit(f"{path}: has no face named {SOURCE_FAMILY!r}")


def subset_font(font: TTFont, codepoints: set[int]) -> set[int]:
    have = set(font.getBestCmap())
    keep = codepoints & have
    opts = ft_subset.Options()
    # fontTools' default features (what Qt's shaper uses for Chinese text: vert, halt, palt,
    # chws, kern ...) less 'locl', whose Japanese/Korean/Traditional forms would add ~5800
    # glyphs hzmap never shows.  Not "*": aalt/trad/jp78/... would add thousands more.
    opts.layout_features = [f for f in opts.layout_features if f != "locl"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.recalc_bounds = True
    opts.prune_unicode_ranges = True
    opts.prune_codepage_ranges = False  # keep the GB2312 code page bit: the subset covers it
    opts.drop_tables += ["DSIG", "STAT"]
    sub = ft_subset.Subsetter(opts)
    sub.populate(unicodes=keep)
    sub.subset(font)
    return codepoints - have


def instantiate(font: TTFont, weight: int) -> TTFont:
    from fontTools.varLib import instancer

    return instancer.instantiateVariableFont(font, {"wght": weight})


def to_truetype(font: TTFont) -> TTFont:
    """Cubic CFF/CFF2 outlines to quadratic glyf (after fontTools' otf2ttf snippet)."""
    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    quad = {}
    for name in order:
        tt_pen = TTGlyphPen(gs)
        gs[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=True))
        quad[name] = tt_pen.glyph()
    for tag in ("CFF ", "CFF2", "VORG"):
        if tag in font:
            del font[tag]
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = quad
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, g in quad.items():
        adv, _ = hmtx.metrics[name]
        hmtx.metrics[name] = (adv, getattr(g, "xMin", 0) if g.numberOfContours else 0)
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    post = font["post"]
    post.formatType = 3.0  # no glyph names: CID-keyed sources have none worth keeping
    font.sfntVersion = "\x00\x01\x00\x00"
    return font


def rename(font: TTFont, style: str, source_version: str) -> None:
    weight = WEIGHTS[style]
    name = font["name"]
    full = f"{FAMILY} {style}" if style != "Regular" else f"{FAMILY} Regular"
    ps = f"{FAMILY.replace(' ', '')}-{style}"
    for rec in list(name.names):
        if rec.nameID in (1, 2, 3, 4, 6, 16, 17, 21, 22, 25) or rec.nameID >= 256:
            name.removeNames(nameID=rec.nameID)
    values = {
        1: FAMILY,
        2: style,
        3: f"{ps};{source_version}",
        4: full,
        6: ps,
    }
    for nid, val in values.items():
        name.setName(val, nid, 3, 1, 0x409)
        name.setName(val, nid, 1, 0, 0)
    desc = ("Subset of Noto Sans CJK SC for hzmap, converted to TrueType outlines and renamed. "
            "Licensed under the SIL Open Font License 1.1.")
    name.setName(desc, 10, 3, 1, 0x409)
    os2 = font["OS/2"]
    os2.usWeightClass = weight
    bold = style == "Bold"
    # fsSelection: bit 0 italic, bit 5 bold, bit 6 regular
    os2.fsSelection = (os2.fsSelection & ~((1 << 0) | (1 << 5) | (1 << 6))) | ((1 << 5) if bold else (1 << 6))
    font["head"].macStyle = 1 if bold else 0
    if "fvar" in font:
        raise RuntimeError("still variable after instancing")


def build(regular_src: Path, bold_src: Path | None, provenance: str, codepoints: set[int],
          text_cps: set[int], out_dir: Path) -> list[Path]:
    written = []
    for style, weight in WEIGHTS.items():
        src = regular_src if (style == "Regular" or bold_src is None) else bold_src
        font = load_face(src)
        variable = "fvar" in font
        if not variable and style == "Bold" and bold_src is None:
            sys.exit(f"{src} is not a variable font: give the Bold source with --source-bold")
        source_version = font["name"].getDebugName(5) or "unknown version"
        missing = subset_font(font, codepoints)
        if variable:
            font = instantiate(font, weight)
        to_truetype(font)
        rename(font, style, source_version.split(";")[0])
        out = out_dir / f"{FILE_STEM}-{style}.ttf"
        # keep the source's head.modified date: the same inputs give the same bytes
        font.recalcTimestamp = False
        font.save(out)
        # reopen to prove it loads, and count
        check = TTFont(out)
        n_glyphs = len(check.getGlyphOrder())
        n_chars = len(check.getBestCmap())
        print(f"{out.name}: {out.stat().st_size / 1e6:.2f} MB, {n_glyphs} glyphs, {n_chars} characters "
              f"({source_version.split(';')[0]}, {'variable, wght=' + str(weight) if variable else 'static'})")
        lacking = missing & text_cps
        if lacking and style == "Regular":
            shown = " ".join(f"{chr(c)} U+{c:04X}" for c in sorted(lacking))
            print(f"  {len(lacking)} characters of the project's texts are not in the source font "
                  f"(matplotlib and Qt fall back to other fonts for them): {shown}", file=sys.stderr)
        written.append(out)
    print(f"source: {provenance}")
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--from", dest="origin", choices=("pypi", "debian"), default="pypi",
                    help="where to fetch Noto Sans CJK from (default: pypi)")
    ap.add_argument("--source", type=Path,
                    help="a Noto Sans CJK font or collection already on disk (variable, or static Regular)")
    ap.add_argument("--source-bold", type=Path, help="the static Bold, when --source is static")
    ap.add_argument("--seeds", type=Path, default=REPO / "geodata" / "sources",
                    help="folder of source documents (*.txt) whose characters to include "
                         "(default: geodata/sources, the copy the app ships)")
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default: beside this script)")
    args = ap.parse_args(argv)

    text_cps = text_codepoints(REPO, args.seeds)
    codepoints = wanted_codepoints(REPO, args.seeds)
    print(f"{len(codepoints)} characters wanted, {len(text_cps)} of them from the project's texts")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hzmap-fonts-") as tmp:
        if args.source:
            reg, bold, prov = args.source, args.source_bold, f"local file {args.source.name}"
            if bold:
                prov += f" + {bold.name}"
        elif args.origin == "debian":
            reg, bold, prov = fetch_debian(Path(tmp))
        else:
            reg, bold, prov = fetch_pypi(Path(tmp))
        build(reg, bold, prov, codepoints, text_cps, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
