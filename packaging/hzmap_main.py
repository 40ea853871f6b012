"""The bundle's entry point: the same as the installed ``hzmap`` command (hzmap.cli.main.main)."""
import sys

from hzmap.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
