"""The import graph of hipmap/ has no cycles, hipmap.core imports only downwards (never the UI), and so do the UI's
parts: the flows never reach up into the main window that opens them.

Every import counts: at the top of a module, inside functions and methods, under ``if TYPE_CHECKING``. The graph is
read from the source with ``ast`` (nothing is imported), so it covers whatever modules the tree holds.
"""

from __future__ import annotations

import ast
from collections import deque
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1] / "hipmap"

# hipmap.core's sub-packages and the ones each may import (its own modules always). Content and geometry are at the
# bottom (content reads shapes with geometry), pain maps and matching above them, routines and the store on top.
# A new sub-package needs its row here.
CORE_MAY_IMPORT = {
    "geometry": set(),
    "content": {"geometry"},
    "pain": {"content", "geometry"},
    "routine": {"content", "geometry", "pain"},
    "store": {"content", "geometry", "pain", "routine"},
}

# hipmap.ui's parts (sub-packages, and app.py) and the ones each may import. The shared kit is at the bottom, the
# diagram above it, the flows (routine, history, present, handout) above that; the main window opens the flows,
# and the start-up (app) and the command line's renderers (cli) sit on top. A new part needs its row here.
UI_MAY_IMPORT = {
    "kit": set(),
    "diagram": {"kit"},
    "routine": {"kit", "diagram"},
    "history": {"kit", "diagram"},
    "present": {"kit", "diagram"},
    "handout": {"kit", "diagram"},
    "browser": {"kit", "diagram"},
    "mainwindow": {"kit", "diagram", "routine", "history", "present", "handout", "browser"},
    "app": {"kit", "mainwindow"},
    "cli": {"kit", "diagram", "routine", "history", "present", "handout", "browser", "mainwindow"},
}


@dataclass(frozen=True)
class Import:
    source: str  # importing module, e.g. hipmap.core.content.atlas
    target: str  # imported module or package (its __init__)
    file: str  # the importing file, relative to the folder above the package
    line: int

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


def modules(package_dir: Path) -> dict[str, Path]:
    """Every module of the package below package_dir by dotted name; a package by its own name (its __init__)."""
    found = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(package_dir.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imported(node: ast.Import | ast.ImportFrom, module: str, is_package: bool, known) -> list[str]:
    """The modules of the package an import statement loads (others are outside the graph)."""
    if isinstance(node, ast.Import):
        return [m for m in (_longest_known(alias.name, known) for alias in node.names) if m]
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        if node.level - 1 >= len(base):
            return []  # above the top-level package
        base = base[: len(base) - (node.level - 1)]
        parent = ".".join(base + ([node.module] if node.module else []))
    else:
        parent = node.module or ""
    found = []
    if node.module:  # from PKG import name: PKG (its __init__ runs), and PKG.name if that is a submodule
        target = _longest_known(parent, known)
        if target:
            found.append(target)
    for alias in node.names:
        submodule = f"{parent}.{alias.name}"
        if submodule in known:
            found.append(submodule)
        elif not node.module and parent in known:  # from . import name: a name of the package itself
            found.append(parent)
    return found


def _longest_known(name: str, known) -> str | None:
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in known:
            return ".".join(parts[:end])
    return None


def import_graph(package_dir: Path) -> list[Import]:
    known = modules(package_dir)
    imports = []
    for module, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        rel = path.relative_to(package_dir.parent).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for target in _imported(node, module, path.name == "__init__.py", known):
                    if target != module:
                        imports.append(Import(module, target, rel, node.lineno))
    return imports


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components (iterative), each with more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))
    return components


def _shortest_path(graph: dict[str, set[str]], start: str, goal: str, within: set[str]) -> list[str]:
    previous = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            path = []
            while node is not None:
                path.append(node)
                node = previous[node]
            return path[::-1]
        for child in sorted(graph.get(node, ())):
            if child in within and child not in previous:
                previous[child] = node
                queue.append(child)
    raise AssertionError(f"no path from {start} to {goal}")


def cycles(imports: list[Import]) -> list[str]:
    """Each import cycle as 'a -> b -> a (a.py:3, b.py:9)': per strongly connected component, the shortest cycle
    through each of its imports, so every import that closes a loop is named at least once."""
    graph: dict[str, set[str]] = {}
    first: dict[tuple[str, str], Import] = {}
    for imp in imports:
        graph.setdefault(imp.source, set()).add(imp.target)
        graph.setdefault(imp.target, set())
        if (imp.source, imp.target) not in first or imp.line < first[(imp.source, imp.target)].line:
            first[(imp.source, imp.target)] = imp
    found: dict[tuple[str, ...], str] = {}
    for component in strongly_connected(graph):
        members = set(component)
        for source in component:
            for target in sorted(graph[source] & members):
                loop = [source, *_shortest_path(graph, target, source, members)]
                turn = loop.index(min(loop[:-1]))
                key = tuple(loop[turn:-1] + loop[:turn])
                if key not in found:
                    ring = [*key, key[0]]
                    where = ", ".join(first[(a, b)].where for a, b in zip(ring, ring[1:]))
                    found[key] = f"{' -> '.join(ring)} ({where})"
    return sorted(found.values())


def layering_problems(imports: list[Import], known: dict[str, Path]) -> list[str]:
    """Imports of the core that go up: into the UI, or from a core sub-package to one it may not import."""
    subpackages = {m.split(".")[2] for m, path in known.items() if m.count(".") == 2 and path.name == "__init__.py"
                   and m.startswith("hipmap.core.")}  # fmt: skip

    def unit(module: str) -> str | None:
        """The core sub-package a module belongs to ('content'), or None outside one."""
        parts = module.split(".")
        return parts[2] if module.startswith("hipmap.core.") and parts[2] in subpackages else None

    # A module right under hipmap.core that imports a sub-package (bench, synthetic) sits above them all.
    above = {imp.source for imp in imports if imp.source.startswith("hipmap.core.") and imp.source.count(".") == 2
             and unit(imp.source) is None and unit(imp.target) is not None}  # fmt: skip
    problems = [f"hipmap.core.{name}: a core sub-package missing from CORE_MAY_IMPORT (add its row)"
                for name in sorted(subpackages - set(CORE_MAY_IMPORT))]  # fmt: skip
    for imp in imports:
        if not (imp.source == "hipmap.core" or imp.source.startswith("hipmap.core.")):
            continue
        if imp.target == "hipmap.ui" or imp.target.startswith("hipmap.ui."):
            problems.append(f"{imp.where}: {imp.source} imports {imp.target} (the core never imports the UI)")
            continue
        here, there = unit(imp.source), unit(imp.target)
        if here is None or here == there or here not in CORE_MAY_IMPORT:
            continue
        if there is not None and there not in CORE_MAY_IMPORT[here]:
            allowed = ", ".join(sorted(CORE_MAY_IMPORT[here])) or "no other sub-package"
            problems.append(f"{imp.where}: {imp.source} imports {imp.target} (core.{here} may import only: {allowed})")
        elif imp.target in above:
            problems.append(f"{imp.where}: {imp.source} imports {imp.target}, which sits above the core's sub-packages")
    return sorted(problems)


def ui_layering_problems(imports: list[Import]) -> list[str]:
    """Imports between the UI's parts that UI_MAY_IMPORT does not allow, each with its file:line."""
    problems = []
    for imp in imports:
        source, target = imp.source.split("."), imp.target.split(".")
        if len(source) < 3 or len(target) < 3 or source[1] != "ui" or target[1] != "ui" or source[2] == target[2]:
            continue
        here, there = source[2], target[2]
        if here not in UI_MAY_IMPORT:
            problems.append(f"hipmap.ui.{here}: a part of the UI missing from UI_MAY_IMPORT (add its row)")
        elif there not in UI_MAY_IMPORT[here]:
            allowed = ", ".join(sorted(UI_MAY_IMPORT[here])) or "no other part"
            problems.append(f"{imp.where}: {imp.source} imports {imp.target} (ui.{here} may import only: {allowed})")
    return sorted(set(problems))


def test_hipmap_has_no_import_cycles():
    found = cycles(import_graph(PACKAGE_DIR))
    assert not found, "import cycles (module -> module ... with the file:line of each import):\n" + "\n".join(found)


def test_the_core_imports_only_downwards():
    problems = layering_problems(import_graph(PACKAGE_DIR), modules(PACKAGE_DIR))
    assert not problems, "imports against the layering of hipmap.core:\n" + "\n".join(problems)


def test_the_ui_parts_import_only_downwards():
    problems = ui_layering_problems(import_graph(PACKAGE_DIR))
    assert not problems, "imports against the layering of hipmap.ui:\n" + "\n".join(problems)


# ---- the checks themselves, on a small made-up package


def _package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "hipmap"


def test_a_cycle_through_a_function_level_import_is_found(tmp_path):
    package = _package(tmp_path, {
        "hipmap/__init__.py": "",
        "hipmap/core/__init__.py": "",
        "hipmap/core/a.py": "from .b import thing\n",
        "hipmap/core/b.py": "def thing():\n    from . import a\n",
        "hipmap/core/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import hipmap.core.d\n",
        "hipmap/core/d.py": "from .pkg import e\n",
        "hipmap/core/pkg/__init__.py": "",
        "hipmap/core/pkg/e.py": "from ... import core\nfrom ..c import x\n",
    })  # fmt: skip
    assert cycles(import_graph(package)) == [
        "hipmap.core.a -> hipmap.core.b -> hipmap.core.a (hipmap/core/a.py:1, hipmap/core/b.py:2)",
        "hipmap.core.c -> hipmap.core.d -> hipmap.core.pkg.e -> hipmap.core.c "
        "(hipmap/core/c.py:3, hipmap/core/d.py:1, hipmap/core/pkg/e.py:2)",
    ]


def test_upward_imports_of_the_core_are_named_with_file_and_line(tmp_path):
    package = _package(tmp_path, {
        "hipmap/__init__.py": "",
        "hipmap/ui/__init__.py": "",
        "hipmap/ui/window.py": "from ..core.store import db\n",
        "hipmap/core/__init__.py": "",
        "hipmap/core/bench.py": "from .pain import matching\n",
        "hipmap/core/fileio.py": "",
        "hipmap/core/content/__init__.py": "",
        "hipmap/core/content/atlas.py": (
            "from ..geometry import shapes\n\n\ndef f():\n    from ..pain.matching import M\n"
        ),
        "hipmap/core/geometry/__init__.py": "",
        "hipmap/core/geometry/shapes.py": "from ..bench import run\n",
        "hipmap/core/pain/__init__.py": "",
        "hipmap/core/pain/matching.py": (
            "from ..content import atlas\nfrom ..fileio import write\nimport hipmap.ui.window\n"
        ),
        "hipmap/core/store/__init__.py": "",
        "hipmap/core/store/db.py": "",
        "hipmap/core/extra/__init__.py": "",
        "hipmap/core/extra/x.py": "",
    })  # fmt: skip
    assert layering_problems(import_graph(package), modules(package)) == [
        "hipmap.core.extra: a core sub-package missing from CORE_MAY_IMPORT (add its row)",
        "hipmap/core/content/atlas.py:5: hipmap.core.content.atlas imports hipmap.core.pain.matching "
        "(core.content may import only: geometry)",
        "hipmap/core/geometry/shapes.py:1: hipmap.core.geometry.shapes imports hipmap.core.bench, "
        "which sits above the core's sub-packages",
        "hipmap/core/pain/matching.py:3: hipmap.core.pain.matching imports hipmap.ui.window "
        "(the core never imports the UI)",
    ]


def test_a_flow_that_reaches_up_into_the_main_window_is_named(tmp_path):
    package = _package(tmp_path, {
        "hipmap/__init__.py": "",
        "hipmap/ui/__init__.py": "",
        "hipmap/ui/kit/__init__.py": "",
        "hipmap/ui/kit/style.py": "",
        "hipmap/ui/history/__init__.py": "",
        "hipmap/ui/history/window.py": "from ..kit import style\n\n\ndef f():\n    from ..mainwindow.window import W\n",
        "hipmap/ui/mainwindow/__init__.py": "",
        "hipmap/ui/mainwindow/window.py": "from ..history.window import f\n",
    })  # fmt: skip
    assert ui_layering_problems(import_graph(package)) == [
        "hipmap/ui/history/window.py:5: hipmap.ui.history.window imports hipmap.ui.mainwindow.window "
        "(ui.history may import only: diagram, kit)"
    ]
