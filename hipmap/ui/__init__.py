"""Qt widgets: every Qt class of hipmap lives here and only adapts core objects to the screen."""

import PySide6  # noqa: F401  (its import hook is in place from here on)

from .kit import importcheck

importcheck.install()  # before the interface's modules, and numpy and shapely after them, are imported
