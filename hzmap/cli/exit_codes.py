"""The exit codes of every ``hzmap`` command, defined once (README "Command line" lists them, and
``hzmap --help`` shows them).

What a script needs to tell apart: the command did its work (0); the data it works on has
problems, or its result could not be written, so running it again as typed will not help (1);
what was typed is wrong: a bad argument, a name the data does not have, or a file named on the
command line that does not exist or cannot be read (2); the user stopped it (130, as a shell
reports Ctrl+C).
"""
from __future__ import annotations

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

#: (code, meaning), for `hzmap --help` and the README.
EXIT_CODES = (
    (EXIT_OK, "done"),
    (EXIT_PROBLEMS, "problems in the data: the layout dataset or the geodata (`hzmap validate` "
                    "lists a dataset's); or the result could not be written, or the map window "
                    "could not start, or hzmap itself failed (a package it needs is missing, or "
                    "an unexpected error: one line says which)"),
    (EXIT_USAGE, "usage: a bad argument, a name the data does not have, or a file named on the "
                 "command line that does not exist or cannot be read"),
    (EXIT_INTERRUPTED, "interrupted (Ctrl+C)"),
)


def help_text() -> str:
    """The table as `hzmap --help` ends, wrapped for a terminal."""
    import textwrap

    return "exit codes:\n" + "\n".join(
        textwrap.fill(meaning, 79, initial_indent=f"  {code:<4} ", subsequent_indent=" " * 7)
        for code, meaning in EXIT_CODES)
