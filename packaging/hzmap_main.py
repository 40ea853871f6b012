"""The bundle's entry point: the installed ``hzmap`` command (hzmap.cli.main.main), with every
failure it lets through told in one line instead of a traceback (hzmap.cli.fatal)."""
import os
import sys


def lasting_matplotlib_folder() -> None:
    """PyInstaller's matplotlib hook points MPLCONFIGDIR at a new empty folder on every start, so
    matplotlib would scan every installed font again each time (1.5-2 s here with 130 fonts; an
    office PC has hundreds). The bundle keeps its font list in the user's cache folder instead
    (beside hzmap's own, $XDG_CACHE_HOME/hzmap or ~/.cache/hzmap), unless the user set
    MPLCONFIGDIR (noted by pyi_rth_hzmap.py before the hook replaced it)."""
    user = os.environ.pop("HZMAP_USER_MPLCONFIGDIR", None)
    if user:
        os.environ["MPLCONFIGDIR"] = user
        return
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    os.environ["MPLCONFIGDIR"] = os.path.join(base, "hzmap", "matplotlib")


def start() -> int:
    from hzmap.cli.main import main

    return main()


if __name__ == "__main__":
    from hzmap.model.files import isolated

    if sys.argv[1:2] == [isolated.WORKER_ARG]:  # the reader process (hzmap.model.files.isolated)
        isolated.main()
        sys.exit(0)
    from hzmap.cli import fatal

    if getattr(sys, "frozen", False):
        lasting_matplotlib_folder()
    sys.exit(fatal.run(start))
