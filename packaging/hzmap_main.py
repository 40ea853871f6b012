"""The bundle's entry point: the installed ``hzmap`` command (hzmap.cli.main.main), with every
failure it lets through told in one line instead of a traceback (hzmap.cli.fatal)."""
import sys


def start() -> int:
    from hzmap.cli.main import main

    return main()


if __name__ == "__main__":
    from hzmap.cli import fatal

    sys.exit(fatal.run(start))
