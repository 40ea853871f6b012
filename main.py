"""Start hzmap from a checkout: `python main.py` (same as the installed `hzmap` command)."""
import sys

from hzmap.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
