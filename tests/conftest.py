import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time (a failure there is reproducible); local runs keep exploring.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HIPMAP_NO_CACHE", "1")  # never the user's warm-start cache (tests/core/test_warmstart.py uses its own)


def _own_home_per_worker() -> None:
    """Under pytest-xdist each worker process gets a HOME of its own: Qt's test-mode folders (~/.qttest: autosave,
    history, routines) would otherwise be shared by tests running at the same moment in two processes. The font
    cache stays where it was, so fonts are not indexed again."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return
    import atexit
    import shutil
    import tempfile

    home = Path(tempfile.mkdtemp(prefix=f"hipmap-test-{worker}-"))
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    os.environ.setdefault("XDG_CACHE_HOME", str(Path.home() / ".cache"))
    os.environ["HOME"] = str(home)


_own_home_per_worker()


def load_tool(name: str):
    """tools/NAME.py as a module (the tools are scripts, not part of the package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"hipmap_{name}_tool", ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def atlas():
    from hipmap.core.content.atlas import load_atlas

    return load_atlas()


@pytest.fixture(scope="session")
def matcher(atlas):
    from hipmap.core.pain.matching import Matcher

    return Matcher(atlas)


@pytest.fixture(scope="session", autouse=True)
def _qt_test_paths():
    """Keep tests away from the user's settings and data: Qt's test mode uses separate locations."""
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    yield
