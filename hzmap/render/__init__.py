"""The renderer's room: matplotlib on a plain Figure, no Qt.

Importing the package first imports the parts of matplotlib every picture uses, without the
property tables matplotlib writes into its Artist docstrings (hzmap.process.import_matplotlib_lean).
"""
from hzmap.process import import_matplotlib_lean

import_matplotlib_lean()
