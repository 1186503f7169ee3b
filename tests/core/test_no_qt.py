"""hipmap/core must stay plain Python: importable and usable with no Qt at all."""

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "hipmap" / "core"
QT_PACKAGES = ("PySide6", "PyQt5", "PyQt6", "PySide2", "shiboken6", "qtpy")


def test_no_module_under_core_imports_qt():
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.ImportFrom) and node.level and node.module and node.module.startswith("ui"):
                names = ["hipmap.ui"]
            for name in names:
                if name.split(".")[0] in QT_PACKAGES or name.startswith("hipmap.ui"):
                    offenders.append(f"{path.name}:{node.lineno}: {name}")
    assert not offenders, "hipmap/core imports Qt: " + ", ".join(offenders)


def test_core_runs_a_match_without_loading_qt():
    code = (
        "import sys\n"
        "from hipmap.core.content.atlas import load_atlas\n"
        "from hipmap.core.pain.matching import Matcher\n"
        "from hipmap.core.pain.painmap import PainMap, region_marks\n"
        "a = load_atlas()\n"
        "Matcher(a).match(PainMap(tuple(region_marks(a, 'lateral_thigh', 'right'))))\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in %r]\n"
        "assert not bad, bad\n" % (QT_PACKAGES,)
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=CORE.parents[1])
