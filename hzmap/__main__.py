"""``python -m hzmap``: the map window, or a subcommand (see hzmap.cli)."""

import sys

from hzmap.cli import main

sys.exit(main())
