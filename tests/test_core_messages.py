"""Every message the core can show a person keeps its English template (hipmap.core.messages), and the interface's
catalogue (hipmap.ui.kit.errors) knows each template with a finished Spanish translation: a reason is never English
under a Spanish heading. Read from the source with ``ast``: a template is found where it is written."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "hipmap" / "core"
TS = ROOT / "translations" / "hipmap_es.ts"

# The functions that take a template, and the position of the template among the call's arguments. Functions that
# pass one of their parameters on as the template (painmap's _fail, a routine's fail) are found from these.
TAKES_TEMPLATE = {"mark": 1, "coded": 1, "coded_at": 2, "phrase": 0, "add_coded": 3}


def _files():
    return sorted(CORE.rglob("*.py"))


def _strings(node, constants: dict, local: dict) -> list[str] | None:
    """The texts an expression can be: a literal, a sum of literals and constants, either branch of an if; None when
    it is not made of literals (a template passed on from elsewhere)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        a, b = _strings(node.body, constants, local), _strings(node.orelse, constants, local)
        return None if a is None or b is None else a + b
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = _strings(node.left, constants, local), _strings(node.right, constants, local)
        return None if a is None or b is None else [x + y for x in a for y in b]
    if isinstance(node, ast.Name):
        if node.id in local:
            return local[node.id]
        if node.id in constants:
            return constants[node.id]
    return None


def _module_constants(tree) -> dict:
    constants: dict = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            found = _strings(node.value, constants, {})
            if found is not None:
                constants[node.targets[0].id] = found
    return constants


def _name(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else call.func.attr if isinstance(call.func, ast.Attribute) else ""


def _functions(tree):
    """(function, its enclosing class or None) for every def in the module, nested ones too."""
    out = []

    def walk(node, cls):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                out.append((child, cls))
                walk(child, None)
            elif isinstance(child, ast.ClassDef):
                walk(child, child)
            else:
                walk(child, cls)

    walk(tree, None)
    return out


def _locals(func) -> dict:
    """Names a function assigns only string literals to (a template chosen by a condition)."""
    found: dict = {}
    for node in ast.walk(func):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            texts = _strings(node.value, {}, {})
            if texts is not None:
                found.setdefault(node.targets[0].id, []).extend(texts)
    return found


def _carried(func) -> set[str]:
    """Names a function sets to the template an error or a phrase already carries (getattr(exc, "template"))."""
    names = set()
    for node in ast.walk(func):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            value = node.value
            if (isinstance(value, ast.Attribute) and value.attr == "template") or (
                isinstance(value, ast.Call) and _name(value) == "getattr" and len(value.args) > 1
                and isinstance(value.args[1], ast.Constant) and value.args[1].value == "template"
            ):  # fmt: skip
                names.add(node.targets[0].id)
    return names


def _trees() -> dict:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in _files()}


def template_takers(trees) -> dict[str, int]:
    """TAKES_TEMPLATE and every function or class of the core that passes a parameter on as a template."""
    takes = dict(TAKES_TEMPLATE)
    changed = True
    while changed:  # a function whose parameter reaches a template argument takes a template too
        changed = False
        for tree in trees.values():
            for func, cls in _functions(tree):
                params = [a.arg for a in func.args.posonlyargs + func.args.args]
                offset = 1 if cls is not None and params[:1] == ["self"] else 0
                for node in ast.walk(func):
                    if isinstance(node, ast.Call) and _name(node) in takes and len(node.args) > takes[_name(node)]:
                        arg = node.args[takes[_name(node)]]
                        name = cls.name if func.name == "__init__" and cls is not None else func.name  # a class: its calls
                        if isinstance(arg, ast.Name) and arg.id in params and name not in takes:
                            takes[name] = params.index(arg.id) - offset
                            changed = True
            for cls in (c for c in ast.walk(tree) if isinstance(c, ast.ClassDef)):  # keeps its base's __init__
                bases = [b.id for b in cls.bases if isinstance(b, ast.Name) and b.id in takes]
                own = any(isinstance(f, ast.FunctionDef) and f.name == "__init__" for f in cls.body)
                if bases and not own and cls.name not in takes:
                    takes[cls.name] = takes[bases[0]]
                    changed = True
    return takes


def core_templates() -> dict[str, list[str]]:
    """Every template the core writes -> where ("file:line"); fails on a template that is not written out."""
    trees = _trees()
    takes = template_takers(trees)
    templates: dict[str, list[str]] = {}
    shared: dict = {}  # a constant imported from another core module (FRESH_START) is read where it is defined
    for tree in trees.values():
        shared.update(_module_constants(tree))
    for path, tree in trees.items():
        constants = {**shared, **_module_constants(tree)}
        scopes = [(tree, {})] + [(func, _locals(func)) for func, _cls in _functions(tree)]
        seen = set()
        for scope, local in reversed(scopes):  # innermost first, so a call is read with its own function's names
            params = set() if scope is tree else {a.arg for a in scope.args.posonlyargs + scope.args.args} | _carried(scope)
            for node in ast.walk(scope):
                if not isinstance(node, ast.Call) or id(node) in seen or _name(node) not in takes:
                    continue
                seen.add(id(node))
                index = takes[_name(node)]
                if len(node.args) <= index:
                    continue
                arg = node.args[index]
                texts = _strings(arg, constants, local)
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                if texts is None:
                    # passed on: a parameter of a function that takes a template, or the template an error carries
                    assert (isinstance(arg, ast.Name) and arg.id in params) or (
                        isinstance(arg, ast.Attribute) and arg.attr == "template"
                    ), f"{where}: a template that is not written out, so it cannot be checked"
                    continue
                for text in texts:
                    templates.setdefault(text, []).append(where)
    return templates


def _catalogue() -> frozenset:
    from hipmap.ui.kit.errors import TEMPLATES

    return TEMPLATES


def _spanish() -> dict[str, str]:
    """The finished translations of the "core" context of the Spanish .ts."""
    done = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") != "core":
            continue
        for message in context.iter("message"):
            t = message.find("translation")
            if t is not None and t.get("type") != "unfinished" and (t.text or "").strip():
                done[message.findtext("source")] = t.text
    return done


def _fields(text: str) -> list[str]:
    return sorted(name for _lit, name, _spec, _conv in __import__("string").Formatter().parse(text) if name is not None)


def test_every_template_of_the_core_is_in_the_catalogue_and_translated():
    templates, catalogue, spanish = core_templates(), _catalogue(), _spanish()
    assert len(templates) > 150  # the walk found the core's messages (it reads add_coded, coded, phrase, ...)
    missing = [f"{where[0]}: {t!r}" for t, where in sorted(templates.items()) if t not in catalogue]
    assert not missing, "templates the interface cannot translate (add them to hipmap/ui/kit/errors.py):\n" + "\n".join(missing)
    untranslated = [f"{where[0]}: {t!r}" for t, where in sorted(templates.items()) if t not in spanish]
    assert not untranslated, "no Spanish in translations/hipmap_es.ts (run tools/update_translations.py):\n" + "\n".join(untranslated)
    wrong = [f"{t!r} -> {spanish[t]!r}" for t in templates if _fields(t) != _fields(spanish[t])]
    assert not wrong, "a translation that names other values than its template:\n" + "\n".join(wrong)
    stale = sorted(t for t in catalogue if t not in templates and t != "{where}: {text}")
    assert not stale, f"catalogue entries no core code writes any more: {stale}"


# Messages the core still builds in English only, and why no person using the window ever reads them.
ENGLISH_ONLY = {
    ("hipmap/core/routine/model.py", "expected a Step"): "a Routine built by code with something else: a programming error",
    ("hipmap/core/routine/model.py", "step index"): "an IndexError for code that asks for a step past the end",
    ("hipmap/core/routine/builder.py", "no self-care data"): "the window offers routines only for muscles with self-care",
    ("hipmap/core/content/safety.py", "an answer is"): "a TypeError for code that records an answer other than yes, no or none",
    ("hipmap/core/fileio.py", "is not a folder"): "the cache folders (warm start, beeps): a refusal means no cache, silently",
    ("hipmap/core/fileio.py", "belongs to someone else"): "the cache folders (warm start, beeps): a refusal means no cache, silently",
    ("hipmap/core/store/opening.py", "check"): "what was being done, quoted as «check» inside the translated sentence",
    ("hipmap/core/content/problems.py", "str(exc)"): "add_error's words for an error without a template (every error it is given has one)",
    ("hipmap/core/pain/matching.py", "the grid is too fine"): "building the index: an atlas whose grid could not sum exactly, a programming limit, never a file",
}


def _message(node) -> str | None:
    """The text a literal or f-string message starts with, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def english_only() -> list[tuple[str, int, str]]:
    """(file, line, text) of every problem added with Collector.add and every error raised with a written-out
    message, anywhere in hipmap/core: text that cannot follow the interface's language."""
    found = []
    trees = _trees()
    takes = template_takers(trees)
    for path, tree in trees.items():
        rel = str(path.relative_to(ROOT))
        for node in ast.walk(tree):
            text = None
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add" and len(node.args) == 3:
                text = _message(node.args[2]) or ast.unparse(node.args[2])  # a Collector's add(file, line, message)
            elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and _name(node.exc) not in takes and not (
                _name(node.exc) == "within"  # its text is a place ("steps[2]."), the error's own template is kept
            ):  # fmt: skip
                text = next((t for t in map(_message, node.exc.args) if t is not None), None)
            if text is not None:
                found.append((rel, node.lineno, text))
    return found


def test_no_message_of_the_core_is_left_in_english_only():
    found = english_only()
    assert {(f, snippet) for f, snippet in ENGLISH_ONLY if any(file == f and snippet in text for file, _l, text in found)} == set(
        ENGLISH_ONLY), "an allowed English message is gone: take it off ENGLISH_ONLY"
    left = [f"{file}:{line}: {text!r}" for file, line, text in found
            if not any(file == f and snippet in text for f, snippet in ENGLISH_ONLY)]  # fmt: skip
    assert not left, "messages built in English only (use add_coded / coded / phrase, and the catalogue):\n" + "\n".join(left)
