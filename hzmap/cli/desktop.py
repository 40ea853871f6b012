"""``hzmap install-desktop``: make hzmap a desktop app for this user (freedesktop: Linux, BSD).

It copies the launcher (resources/desktop/hzmap.desktop), the .hzmap MIME type
(resources/desktop/hzmap-mime.xml) and the icons (resources/icons/) into ``$XDG_DATA_HOME``
(``~/.local/share``), so that hzmap shows in the applications menu and double-clicking a project
opens it. The launcher's Exec line is written for the hzmap that runs this command (a venv's
``hzmap`` script, a bundle's executable, or ``python -m hzmap``). The desktop's caches are
refreshed with update-mime-database, update-desktop-database, xdg-mime and
gtk-update-icon-cache where they are installed; without them the files are still in place and
are picked up at the next log-in. ``--uninstall`` removes what was installed. No Qt.

The folders written into are the user's, and anything could be planted there: each file is
written as a new regular file renamed into place, never through a link (a link at its name is
replaced, not followed), and a folder on the way that is a link is refused. A path with a
control character (a newline in the install folder's name would add lines to the launcher) is
refused, not written.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from hzmap.cli.exit_codes import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from hzmap.cli.support import command, say, say_err

MIME_TYPE = "application/x-hzmap-project"
DESKTOP_ID = "hzmap.desktop"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def _args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--uninstall", action="store_true", help="remove what install-desktop installed")
    p.add_argument("--data-home", metavar="DIR",
                   help="where to install (default: $XDG_DATA_HOME or ~/.local/share)")


def data_home(explicit: str | None = None) -> Path:
    return Path(explicit or os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share").expanduser()


def launcher() -> list[str]:
    """The command that starts this hzmap: the bundle, the installed script, or the module."""
    exe = Path(sys.executable)
    if getattr(sys, "frozen", False):
        return [str(exe)]
    for script in (exe.parent / "hzmap", exe.parent / "hzmap.exe"):
        if script.is_file():
            return [str(script)]
    return [str(exe), "-m", "hzmap"]


def exec_line(argv: list[str]) -> str:
    """argv as a desktop entry's Exec value, quoted by the Desktop Entry spec, then `%f`."""
    def quote(arg: str) -> str:
        arg = arg.replace("%", "%%")
        if _RESERVED & set(arg):
            arg = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
        return arg.replace("\\", "\\\\")  # the key file's own escaping comes on top
    return " ".join(quote(a) for a in argv) + " %f"


def desktop_entry(template: str, argv: list[str]) -> str:
    """The shipped entry with Exec and TryExec pointing at `argv`."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + exec_line(argv)
        elif line.startswith("TryExec="):
            line = "TryExec=" + argv[0].replace("\\", "\\\\")
        lines.append(line)
    return "\n".join(lines) + "\n"


def planned_files(home: Path) -> dict[Path, Path | None]:
    """target -> shipped source (None: the desktop entry, which is written, not copied)."""
    from hzmap.paths import resources_root
    icons = resources_root() / "icons"
    hicolor = home / "icons" / "hicolor"
    files: dict[Path, Path | None] = {
        home / "applications" / DESKTOP_ID: None,
        home / "mime" / "packages" / "hzmap.xml": resources_root() / "desktop" / "hzmap-mime.xml",
    }
    for kind, name in (("apps", "hzmap"), ("mimetypes", MIME_TYPE.replace("/", "-"))):
        files[hicolor / "scalable" / kind / f"{name}.svg"] = icons / "hzmap.svg"
        for size in ICON_SIZES:
            files[hicolor / f"{size}x{size}" / kind / f"{name}.png"] = icons / "png" / f"hzmap-{size}.png"
    return files


class UnsafePath(OSError):
    """A path install-desktop will not write: the message says why."""


def _check_text(what: str, text: str) -> None:
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        shown = "".join(c if ord(c) >= 32 and ord(c) != 127 else "?" for c in text)
        raise UnsafePath(f"{what} {shown!r} holds a control character (a newline or the like), which "
                         "would break the launcher; move it to a folder whose name has none")


def _folders(home: Path, folder: Path, make: bool) -> None:
    """Check (and with `make`, make) `folder` below `home`, folder by folder; UnsafePath where
    one is a link or not a folder."""
    here = home
    for part in folder.relative_to(home).parts:
        here = here / part
        if here.is_symlink():
            raise UnsafePath(f"{here} is a link ({os.readlink(here)}); install-desktop does not write "
                             "through links: remove it, or pass --data-home")
        if not here.exists():
            if not make:
                return
            here.mkdir()
        elif not here.is_dir():
            raise UnsafePath(f"{here} is not a folder")


def install(home: Path) -> list[Path]:
    from hzmap.model.files.atomic import write_atomic
    from hzmap.paths import resources_root
    argv = launcher()
    for arg in argv:
        _check_text("the path of hzmap", arg)
    _check_text("the folder", str(home))
    home.mkdir(parents=True, exist_ok=True)
    template = (resources_root() / "desktop" / "hzmap.desktop").read_text(encoding="utf-8")
    planned = planned_files(home)
    for target in planned:  # every folder checked before anything is written
        _folders(home, target.parent, make=False)
    written = []
    for target, source in planned.items():
        data = desktop_entry(template, argv).encode("utf-8") if source is None else source.read_bytes()
        _folders(home, target.parent, make=True)
        written.append(write_atomic(target, data, follow_links=False))
    return written


def uninstall(home: Path) -> list[Path]:
    """Remove the files install put there (regular files only: a link planted at a name stays)."""
    removed = []
    for target in planned_files(home):
        if target.is_file() and not target.is_symlink():
            target.unlink()
            removed.append(target)
    return removed


def refresh(home: Path, default_app: bool) -> list[str]:
    """Refresh the desktop's caches with whichever tools are installed; returns what was skipped."""
    steps = [(["update-mime-database", str(home / "mime")], True),
             (["update-desktop-database", str(home / "applications")], True),
             (["gtk-update-icon-cache", "-f", "-t", str(home / "icons" / "hicolor")], True),
             (["xdg-mime", "default", DESKTOP_ID, MIME_TYPE], default_app)]
    skipped = []
    for argv, wanted in steps:
        if not wanted:
            continue
        if shutil.which(argv[0]) is None:
            skipped.append(f"{argv[0]} (not installed)")
            continue
        try:
            r = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as e:
            skipped.append(f"{argv[0]} ({e})")
            continue
        if r.returncode != 0:
            skipped.append(f"{argv[0]} (exit {r.returncode}: {(r.stderr or r.stdout).strip()[:200]})")
    return skipped


@command("install-desktop", "add hzmap to the applications menu and open .hzmap files with it "
                            "(Linux desktops; --uninstall removes it)", _args)
def cmd_install_desktop(args: argparse.Namespace) -> int:
    if sys.platform in ("win32", "darwin"):
        say_err("hzmap install-desktop: this installs freedesktop files (Linux, BSD); on "
                f"{sys.platform} start hzmap from the offline bundle (README, Offline install)")
        return EXIT_USAGE
    home = data_home(args.data_home)
    try:
        done = uninstall(home) if args.uninstall else install(home)
    except UnsafePath as e:
        say_err(f"hzmap install-desktop: nothing written: {e}")
        return EXIT_PROBLEMS
    except OSError as e:
        say_err(f"hzmap install-desktop: cannot write {e.filename or home}: {e.strerror or e}")
        return EXIT_PROBLEMS
    skipped = refresh(home, default_app=not args.uninstall)
    verb = "removed" if args.uninstall else "installed"
    say(f"{verb} {len(done)} files under {home}")
    if not args.uninstall:
        say(f"  launcher: {home / 'applications' / DESKTOP_ID} (Exec={exec_line(launcher())})")
    for item in skipped:
        if item.startswith("xdg-mime"):  # the launcher still declares the type
            say(f"  skipped {item}: hzmap is offered for .hzmap files, and opens them by "
                "default only where no other program claims them")
        else:
            say(f"  skipped {item}: the files take effect at the next log-in")
    return EXIT_OK
