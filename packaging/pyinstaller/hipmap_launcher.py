"""The PyInstaller bundle's entry point: it behaves like the `hipmap` command.

With a subcommand (match, check-data, list, screenshot, handout, ...) or --help/--version it is the command line;
with nothing, options only, or a pain map to open (what a desktop's "Open with" passes) it opens the window.
"""

import sys

from hipmap.__main__ import main


def run(argv: list[str]) -> int:
    if argv and argv[0].lower().endswith(".json"):  # hipmap FILE.hipmap.json: open it in the window
        from hipmap.ui.app import main as gui_main

        return gui_main(argv)
    return main(argv)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
