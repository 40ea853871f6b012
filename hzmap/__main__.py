"""``python -m hzmap``: the map window, or a subcommand (see hzmap.cli.main)."""

import sys

from hzmap.cli.main import main

sys.exit(main())
