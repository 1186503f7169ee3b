"""Options the window takes on its command line (--data-dir, --lang), read without argparse so that file names and
Qt's own options pass through untouched."""

from __future__ import annotations


def take_option(argv: list[str], name: str, missing: str) -> tuple[str | None, list[str]]:
    """The value of ``--name VALUE`` or ``--name=VALUE`` (the last one given), and argv without it.
    Raises SystemExit(missing) when the option ends the list with no value."""
    rest, found, i = [], None, 0
    while i < len(argv):
        arg = argv[i]
        if arg == name:
            if i + 1 >= len(argv):
                raise SystemExit(missing)
            found, i = argv[i + 1], i + 2
            continue
        if arg.startswith(name + "="):
            found = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        i += 1
    return found, rest
