"""The renderer's room: matplotlib on a plain Figure, no Qt.

Importing the package first imports the parts of matplotlib every picture uses, without the
property table matplotlib writes into the docstring of each Artist class as it defines it
(`matplotlib.artist.kwdoc`: about 0.1 s of a 0.35 s import, paid by the start-up and by every
command-line export). hzmap never shows those docstrings; `kwdoc` itself is put back at once,
so anything that asks for it later still gets the table.
"""
from hzmap.render.lean import import_matplotlib

import_matplotlib()
