"""A cheaper answer to the question PySide6 asks of every module imported after it.

Once PySide6 is imported, its import hook asks of each new module whether its source mentions "PySide6" (to know
where its opt-in `from __feature__ import ...` syntax may apply; hipmap never opts in). It asks through
inspect.getsource, which reads, splits and keeps every module's source in linecache: after the window is up, the
~170 modules of numpy, shapely and the core cost ~20 ms more to import, and their sources stay in memory (~8 MB
resident). This reads the file's bytes and searches them instead, asking PySide's own check only when there is
no .py file to read, so the answers are the same and nothing is kept. (A known cost: napari issue #8584.)
"""

from __future__ import annotations

import sys

_FEATURE_MODULES = ("shibokensupport.feature", "PySide6.support.feature")


def _feature_module():
    for name in _FEATURE_MODULES:
        module = sys.modules.get(name)
        if module is not None and callable(getattr(module, "_mod_uses_pyside", None)):
            return module
    return None


def quick_check(pyside_own):
    """A stand-in for PySide's `_mod_uses_pyside(module)` that falls back on PYSIDE_OWN."""

    def mentions_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return pyside_own(module)

    mentions_pyside.pyside_own = pyside_own
    return mentions_pyside


def install() -> bool:
    """Put the quick check in place of PySide's (once); False, and nothing changed, when this PySide has no such
    hook. Call it after PySide6 is imported and before the rest of the interface is."""
    module = _feature_module()
    if module is None:
        return False
    current = module._mod_uses_pyside
    if getattr(current, "pyside_own", None) is None:
        module._mod_uses_pyside = quick_check(current)
    return True
