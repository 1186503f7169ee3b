#!/usr/bin/env python3
"""Fuzz hipmap's readers with bad input, at scale: data YAML, SVG diagrams, pain map files, routine files, the
sessions database, the command line, the settings file and the rows of the session history.

    python tools/fuzz.py [--seconds N] [--target yaml|svg|painmap|routine|db|cli|settings|history|all] [--seed S]
    python tools/fuzz.py --cases 50 --target all          # a fixed number of cases per target (the test suite)
    python tools/fuzz.py --target svg --seed 1 --case 17   # replay one case and print everything about it

Each case is a mutated copy of real input in a fresh folder: byte flips, truncation, splices of the format's own
tokens, structure edits (deleted, renamed and duplicated keys, changed types, huge numbers, deep nesting, shared
nodes), NUL bytes and invalid UTF-8, YAML anchors and aliases, XML entity bombs, SVG path data with bad numbers and
commands, damaged database pages and headers, garbage -wal files, and command lines built from the real options.
Every file-taking reader also meets special files in place of its file: a FIFO (which would block a reader for
ever), /dev/zero (endless), a folder, and a sparse file over the reader's size cap. Pain maps accepted must hold
only marks with an area (an empty or zero-area mark breaks drawing and every overlap later). The settings target
writes a hipmap.conf of wrong-typed values (text for numbers, huge numbers, @Rect(...) and other QVariant forms,
lists, control characters) and starts the main window on it offscreen; the history target writes wrong-typed
values into sessions.sqlite3's columns (BLOBs, text that is not UTF-8, malformed dates and JSON, empty polygons)
and opens, paints and uses the History window on it offscreen.
A worker process runs the reader on it; the parent gives each case a time limit (a case that runs over is a hang:
the worker is killed and started again; a worker that dies is a crash).

A case passes when the reader accepts the input (and can then use it: match a pain map, save and read it back, ...)
or refuses it with its own clear error: DataError whose problems are one-line ``FILE:LINE: message`` naming a file
of the input, PainMapError, RoutineError or StoreError with a one-line message, a command that exits 0, 1
(check-data) or 2 with one line on stderr and no traceback. And nothing may be written: the case folder (names,
sizes, modification times, contents), the worker's temporary and working folders, and the shipped data/ and
assets/ are the same after as before. The one exception is a sessions database that Store.open accepted: it is then
opened for use (and may be migrated), but no -wal, -shm or -journal file may be left beside it.

Case N of a target is the same for a given seed whatever the budget, so a failure replays with --case N; its input
is also saved in the failures folder with the traceback. Exit status 1 when any case failed.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import os
import random
import re
import select
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGETS = ("yaml", "svg", "painmap", "routine", "db", "cli", "settings", "history")
DEFAULT_SECONDS = 60.0
DEFAULT_CASE_TIMEOUT = 10.0
DEFAULT_SUBPROCESS_EVERY = 25  # every Nth CLI case is also run as `python -m hipmap ...` in a real process


# =============================================================================================== the worker
# Runs in its own process (python tools/fuzz.py --worker): one JSON request per line on stdin, one JSON result per
# line on the original stdout. Results: {"outcome": "accepted" | "refused" | "bad" | "exception", ...}; "bad" is a
# refusal that is not clear (a multi-line message, a problem naming no line or another file), "exception" is
# anything the reader let out.

_STUB_CALLS: list[str] = []


def _install_ui_stubs() -> list:
    """screenshot and handout would render with Qt: the CLI target checks their arguments only. Returns what was
    replaced, for _remove_ui_stubs (the settings and history targets use the real modules in the same worker)."""
    import types

    shot = types.ModuleType("hipmap.ui.cli.screenshot")
    shot.render = lambda *args, **kwargs: _STUB_CALLS.append("screenshot")
    content = types.ModuleType("hipmap.ui.handout.content")

    class HandoutError(Exception):
        pass

    content.HandoutError = HandoutError
    content.build_handout = lambda *args, **kwargs: _STUB_CALLS.append("handout")
    output = types.ModuleType("hipmap.ui.handout.output")
    output.ensure_app = lambda: None
    output.write_pdf = lambda made, out: 1
    i18n = types.ModuleType("hipmap.ui.kit.i18n")  # handout --lang: the data's translations are still read
    i18n.install = lambda language, app=None: True
    i18n.matching_phrases = lambda: None
    import hipmap.ui.cli
    import hipmap.ui.handout
    import hipmap.ui.kit

    replaced = []
    for package, name, module in ((hipmap.ui.cli, "screenshot", shot), (hipmap.ui.handout, "content", content),
                                  (hipmap.ui.handout, "output", output), (hipmap.ui.kit, "i18n", i18n)):
        full = f"{package.__name__}.{name}"
        replaced.append((package, name, sys.modules.get(full), getattr(package, name, None)))
        sys.modules[full] = module
        setattr(package, name, module)
    return replaced


def _remove_ui_stubs(replaced: list) -> None:
    for package, name, module, attribute in replaced:
        full = f"{package.__name__}.{name}"
        if module is None:
            sys.modules.pop(full, None)
        else:
            sys.modules[full] = module
        if attribute is None:
            if hasattr(package, name):
                delattr(package, name)
        else:
            setattr(package, name, attribute)


def _one_line(kind: str, message: str, **extra) -> dict:
    if not message.strip():
        return {"outcome": "bad", "reason": f"{kind} with an empty message"}
    if "\n" in message.strip() or "\r" in message:
        return {"outcome": "bad", "reason": f"{kind} message is not one line: {message[:300]!r}"}
    if "Traceback" in message:
        return {"outcome": "bad", "reason": f"{kind} message holds a traceback: {message[:300]!r}"}
    return {"outcome": "refused", "kind": kind, "message": message[:400], **extra}


def _inside(path: Path, root: Path) -> bool:
    """Under root, as named (a link in the input to /dev/zero is the input's file) or once resolved."""
    return any(p == root or root in p.parents for p in (Path(os.path.abspath(path)), path.resolve()))


def _check_problems(problems, root: Path) -> str | None:
    """Why these DataError problems are not clear FILE:LINE: message lines, or None."""
    if not problems:
        return "DataError without any problem"
    for p in problems:
        text = str(p)
        if "\n" in text or "\r" in text:
            return f"a problem spans several lines: {text[:300]!r}"
        if not isinstance(p.line, int) or p.line < 1 or not p.message.strip() or not p.file:
            return f"a problem without file, line or message: {text[:300]!r}"
        if "Traceback" in text or " object at 0x" in text:
            return f"a problem shows Python internals: {text[:300]!r}"
        path = Path(p.file) if Path(p.file).is_absolute() else Path.cwd() / p.file
        if not _inside(path, root):
            return f"a problem names a file outside the input: {text[:300]!r}"
        try:
            readable = path.is_file() and path.stat().st_size <= SNAPSHOT_HASH_LIMIT
        except OSError:  # a name too long for the file system
            readable = False
        if readable:
            text = path.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n")
            lines = sum(text.count(b) for b in ("\n", "\r", "\x85", "\u2028", "\u2029")) + 1  # YAML's line breaks too
            if p.line > lines + 1:
                return f"a problem names line {p.line} of a file of {lines} lines: {text[:300]!r}"
    return None


def _run_data(req: dict) -> dict:
    from hipmap.core.content.atlas import load_atlas
    from hipmap.core.content.exercises import load_exercises
    from hipmap.core.content.problems import DataError
    from hipmap.core.content.safety import load_red_flags

    data, assets, root = Path(req["data"]), Path(req["assets"]), Path(req["root"]).resolve()
    calls = {
        "atlas": lambda: load_atlas(data, assets),
        "exercises": lambda: load_exercises(data, assets),
        "red_flags": lambda: load_red_flags(data / "red_flags.yaml"),
    }
    refused = None
    for name in req["readers"]:
        try:
            calls[name]()
        except DataError as exc:
            why = _check_problems(exc.problems, root)
            if why:
                return {"outcome": "bad", "reason": f"{name}: {why}"}
            if refused is None:
                p = exc.problems[0]
                refused = {"outcome": "refused", "kind": "DataError", "message": str(p)[:400],
                           "category": p.message, "problems": len(exc.problems)}  # fmt: skip
    return refused or {"outcome": "accepted"}


_ATLAS: list = []


def _atlas_and_matcher():
    if not _ATLAS:
        from hipmap.core.content.atlas import load_atlas
        from hipmap.core.pain.matching import Matcher

        atlas = load_atlas()
        _ATLAS.extend((atlas, Matcher(atlas)))
    return _ATLAS


def _scratch(req: dict) -> Path:
    """A folder outside the case (and outside TMPDIR) where a reader's result may be saved to check it saves."""
    path = Path(req["scratch"])
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def _run_painmap(req: dict) -> dict:
    from hipmap.core.pain import painmap as pm

    path = Path(req["path"])
    try:
        loaded = pm.load(path)
    except pm.PainMapError as exc:
        return _one_line("PainMapError", str(exc), category=str(exc).split(": ")[-1])
    # Accepted: every mark has an area (what the window draws and every overlap needs) ...
    import numpy as np
    import shapely

    from hipmap.core.geometry.shapes import disc

    shapes = np.array([m.geometry for m in loaded.marks] or [shapely.Point()], dtype=object)[: len(loaded.marks)]
    if len(shapes):
        areas = shapely.area(shapes)
        bad = ~np.isin(shapely.get_type_id(shapes), (3, 6)) | shapely.is_empty(shapes) | ~(areas > 0) | ~shapely.is_valid(shapes)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            return {"outcome": "bad", "reason": f"marks[{i}] accepted with a degenerate shape ({shapes[i].geom_type}, area {areas[i]!r})"}
        shapely.union(shapes[:20], disc(300, 400, 12))  # what a later stroke on the same view does
    # ... and the app must be able to use it, save it and read it back.
    atlas, matcher = _atlas_and_matcher()
    sided = pm.with_sides(loaded, atlas)
    pm.extent(sided, atlas)
    matcher.match(sided).to_dict(top=5)
    out = _scratch(req) / "saved.hipmap.json"
    try:
        pm.save(loaded, out)
        again = pm.load(out)
    finally:
        shutil.rmtree(out.parent, ignore_errors=True)
    if len(again.marks) != len(loaded.marks):
        return {"outcome": "bad", "reason": f"saved and read back: {len(again.marks)} marks, not {len(loaded.marks)}"}
    return {"outcome": "accepted", "detail": f"{len(loaded.marks)} marks"}


def _run_routine(req: dict) -> dict:
    from hipmap.core.routine.model import RoutineError, routine_from_dict
    from hipmap.core.routine.library import RoutineLibrary, read_routine

    path = Path(req["path"])
    RoutineLibrary(path.parent).saved()  # listing the folder never raises, whatever is in it
    try:
        routine = read_routine(path)
    except RoutineError as exc:
        return _one_line("RoutineError", str(exc), category=str(exc).split(": ")[-1])
    routine.phases()
    routine.total_seconds()
    if routine_from_dict(json.loads(json.dumps(routine.to_dict()))) != routine:
        return {"outcome": "bad", "reason": "the routine does not survive to_dict -> routine_from_dict"}
    library = RoutineLibrary(_scratch(req))
    try:
        try:
            saved = read_routine(library.save(routine))
        except RoutineError as exc:  # a nameless or empty routine cannot be saved by name: a clear refusal
            return _one_line("RoutineError", str(exc), category="accepted, but cannot be saved: " + str(exc))
    finally:
        shutil.rmtree(library.directory, ignore_errors=True)
    if saved != routine:
        return {"outcome": "bad", "reason": "the routine does not survive saving and reading back"}
    return {"outcome": "accepted", "detail": f"{len(routine.steps)} steps"}


def _run_db(req: dict) -> dict:
    from hipmap.core.store.database import Store
    from hipmap.core.store.errors import StoreError

    path = Path(req["path"])
    try:
        store = Store.open(path)
    except StoreError as exc:
        return _one_line(type(exc).__name__, str(exc), stage="open", category=getattr(exc, "detail", str(exc)))
    try:
        with store:
            count = store.count()
            rows = store.summaries()
            people = store.people()
            store.history()
            for row in rows[:40]:
                store.get(row.id)
            for person in people[:5]:
                store.summaries(person)
                store.history(person)
    except StoreError as exc:
        return _one_line(type(exc).__name__, str(exc), stage="read", category=getattr(exc, "detail", str(exc)))
    return {"outcome": "accepted", "stage": "open", "detail": f"{count} sessions"}


def _run_cli(req: dict) -> dict:
    from hipmap.__main__ import main

    argv = req["argv"]
    home = os.getcwd()
    os.chdir(req["cwd"])
    # A real UTF-8 terminal: stdout refuses what it cannot encode (as it does outside the C locale), stderr escapes.
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_bytes, encoding="utf-8", errors="strict", write_through=True)
    err = io.TextIOWrapper(err_bytes, encoding="utf-8", errors="backslashreplace", write_through=True)
    del _STUB_CALLS[:]
    stubs = _install_ui_stubs()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(argv))
            except SystemExit as exc:  # argparse's --help and --version
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        _remove_ui_stubs(stubs)
        os.chdir(home)
    stdout = out_bytes.getvalue().decode("utf-8", "replace")
    stderr = err_bytes.getvalue().decode("utf-8", "replace")
    lines = stderr.strip().splitlines()
    result = {"code": code, "stderr": stderr[-2000:], "stdout_tail": stdout[-500:], "stubbed": list(_STUB_CALLS)}
    if "Traceback" in stderr:
        return {**result, "outcome": "bad", "reason": "a traceback on stderr"}
    if code not in (0, 1, 2):
        return {**result, "outcome": "bad", "reason": f"exit status {code!r}"}
    if code == 1 and req["command"] != "check-data":
        return {**result, "outcome": "bad", "reason": f"exit status 1 from {req['command']!r}"}
    if code == 1:
        bad = [line for line in stdout.splitlines() if not re.match(r"^.+:\d+: \S", line)]
        if bad or len(lines) != 1:
            return {**result, "outcome": "bad", "reason": f"check-data output is not FILE:LINE: message lines: {bad[:3]!r}"}
    if code == 2 and len(lines) != 1:
        return {**result, "outcome": "bad", "reason": f"exit status 2 with {len(lines)} lines on stderr"}
    if code == 0:
        return {**result, "outcome": "accepted"}
    message = lines[0] if lines else ""
    return {**result, "outcome": "refused", "kind": f"exit {code}", "message": message[:400], "category": message}


_QT: list = []


def _qt_app():
    """The worker's QApplication (offscreen), with message boxes answered at once and Python errors raised inside
    Qt's calls (a model's data(), a paint event) recorded: PySide prints them and goes on."""
    if not _QT:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication, QMessageBox

        app = QApplication.instance() or QApplication(["hipmap-fuzz"])
        for name, answer in (("question", QMessageBox.No), ("warning", QMessageBox.Ok), ("critical", QMessageBox.Ok),
                             ("information", QMessageBox.Ok)):  # fmt: skip
            setattr(QMessageBox, name, staticmethod(lambda *args, _a=answer, **kwargs: _a))
        errors: list = []

        def hook(kind, value, tb):
            errors.append("".join(traceback.format_exception(kind, value, tb))[-4000:])

        sys.excepthook = hook
        _QT.extend((app, errors))
    del _QT[1][:]
    return _QT[0], _QT[1]


def _qt_delete(app, *widgets) -> None:
    """Really delete the case's windows now (deleteLater alone waits for an event loop the worker never runs, and
    hundreds of live windows slow every later case)."""
    from PySide6.QtCore import QEvent

    for widget in widgets:
        if widget is not None:
            widget.close()
            widget.deleteLater()
    app.sendPostedEvents(None, QEvent.DeferredDelete)
    app.processEvents()


def _qt_errors(errors: list, result: dict) -> dict:
    if errors:
        first = errors[0].strip().splitlines()[-1]
        return {"outcome": "exception", "reason": f"raised inside Qt: {first}"[:400], "traceback": errors[0]}
    return result


def _run_settings(req: dict) -> dict:
    app, errors = _qt_app()
    from PySide6.QtCore import QSettings

    from hipmap.core.content.vocabulary import VIEW_IDS
    from hipmap.ui.kit import i18n
    from hipmap.ui.kit import settings as typed
    from hipmap.ui.mainwindow.window import MainWindow

    conf = _scratch(req) / "hipmap.conf"  # the window writes its settings: never into the case
    shutil.copyfile(req["path"], conf)
    settings = QSettings(str(conf), QSettings.IniFormat)
    atlas, matcher = _atlas_and_matcher()
    window = MainWindow(atlas, matcher, settings=settings)
    try:
        window.files.autosave_timer.stop()
        window.show()
        app.processEvents()
        window.grab()
        window.files._update_recent_menu()
        problems = []
        if not 4 <= window.marking.brush_spin.value() <= 40 or not 0 <= window.marking.intensity_slider.value() <= 10:
            problems.append("brush or intensity out of range")
        if window.tabs.count() and not 0 <= window.tabs.currentIndex() < window.tabs.count() <= len(VIEW_IDS):
            problems.append(f"tab {window.tabs.currentIndex()}")
        if not all(isinstance(p, str) for p in window.files._recent()):
            problems.append("a recent file that is not text")
        if i18n.chosen_language(settings) not in i18n.LANGUAGES:
            problems.append("a language hipmap does not have")
        # The settings the self-care and history flows read when they open (without opening them).
        for key in req["keys"]:
            ints = typed.read_int(settings, key, 5, 0, 10)
            floats = typed.read_float(settings, key, 1.0, 0.0, 1.0)
            flags = typed.read_bool(settings, key, True)
            text = typed.read_str(settings, key, "", 80)
            choice = typed.read_choice(settings, key, "no", ("yes", "no"))
            texts = typed.read_str_list(settings, key, 8)
            typed.read_bytes(settings, key)
            typed.read_datetime(settings, key)
            if not (isinstance(ints, int) and 0 <= ints <= 10 and 0.0 <= floats <= 1.0 and isinstance(flags, bool)
                    and isinstance(text, str) and len(text) <= 80 and choice in ("yes", "no")
                    and all(isinstance(t, str) for t in texts) and len(texts) <= 8):  # fmt: skip
                problems.append(f"{key}: a typed read out of its range")
    finally:
        window.document.undo_stack.setClean()
        window.files.clear_autosave()
        _qt_delete(app, window)
        del settings
        shutil.rmtree(Path(os.environ.get("HIPMAP_DATA_DIR", conf.parent / "none")), ignore_errors=True)
        shutil.rmtree(conf.parent, ignore_errors=True)
    if problems:
        return {"outcome": "bad", "reason": "; ".join(problems)[:400]}
    return _qt_errors(errors, {"outcome": "accepted"})


_RENDERERS: dict = {}


def _run_history(req: dict) -> dict:
    app, errors = _qt_app()
    from PySide6.QtCore import Qt
    from PySide6.QtSvg import QSvgRenderer

    from hipmap.core.store.database import Store
    from hipmap.core.store.errors import StoreError
    from hipmap.ui.history.window import HistoryWindow

    db = _scratch(req) / "sessions.sqlite3"  # opening may write (WAL): never into the case
    shutil.copyfile(req["path"], db)
    atlas, _matcher = _atlas_and_matcher()
    if not _RENDERERS:
        for view in atlas.views.values():
            _RENDERERS.setdefault(str(view.svg_file), QSvgRenderer(str(view.svg_file)))
    try:
        store = Store.open(db)
    except StoreError as exc:
        shutil.rmtree(db.parent, ignore_errors=True)
        return _one_line(type(exc).__name__, str(exc), stage="open", category=getattr(exc, "detail", str(exc)))
    problems = []
    try:
        with store:
            window = HistoryWindow(store, atlas, _RENDERERS)
            window.show()
            app.processEvents()
            window.grab()
            model = window.model
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    index = model.index(row, column)
                    for role in (Qt.DisplayRole, Qt.ToolTipRole, Qt.AccessibleTextRole):
                        value = model.data(index, role)
                        if value is not None and not isinstance(value, str):
                            problems.append(f"row {row} column {column}: {type(value).__name__} shown")
            damaged = {s.id for s in model.summaries() if s.damaged}
            if damaged & {p.session_id for p in window.chart._points}:
                problems.append("a damaged session is charted")
            for row in range(min(model.rowCount(), 8)):
                window.select_rows([row])
                viewer = window.open_read_only()
                if viewer is not None:
                    viewer.grab()
                    viewer.close()
            if model.rowCount() >= 2:
                window.select_rows([0, 1])
                dialog = window.compare_two()
                if dialog is not None:
                    dialog.grab()
                    dialog.close()
            _qt_delete(app, window)
    finally:
        shutil.rmtree(db.parent, ignore_errors=True)
    if problems:
        return {"outcome": "bad", "reason": "; ".join(problems[:3])[:400]}
    return _qt_errors(errors, {"outcome": "accepted", "detail": f"{model.rowCount()} rows, {len(damaged)} damaged"})


RUNNERS = {"data": _run_data, "painmap": _run_painmap, "routine": _run_routine, "db": _run_db, "cli": _run_cli,
           "settings": _run_settings, "history": _run_history}  # fmt: skip


def _worker_main() -> int:
    proto = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)  # anything a library prints goes to the log, never into the protocol
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us; Ctrl+C is for the parent
    import hipmap.core.content.atlas
    import hipmap.core.store.database
    import hipmap.ui.history.window  # the real UI modules, imported before any CLI case stubs some of them
    import hipmap.ui.mainwindow.window

    del hipmap  # imported now, so that import time is not counted as case time

    proto.write(json.dumps({"ready": True}) + "\n")
    for line in sys.stdin:
        request = json.loads(line)
        started = time.perf_counter()
        try:
            result = RUNNERS[request["runner"]](request)
        except BaseException as exc:  # noqa: B036  (what the reader let out is the finding)
            if isinstance(exc, KeyboardInterrupt):
                raise
            result = {"outcome": "exception", "reason": f"{type(exc).__name__}: {exc}"[:400],
                      "traceback": traceback.format_exc()[-6000:]}  # fmt: skip
        result["seconds"] = time.perf_counter() - started
        proto.write(json.dumps(result) + "\n")
    return 0


class Worker:
    """The worker process, restarted after a hang or a crash."""

    def __init__(self, folder: Path):
        self.case = folder / "case"  # each case's input, made afresh
        self.tmp = folder / "tmp"  # the worker's TMPDIR
        self.cwd = folder / "cwd"  # the worker's working folder
        self.log = folder / "worker.log"
        for sub in (self.tmp, self.cwd):
            sub.mkdir(parents=True, exist_ok=True)
        self.proc: subprocess.Popen | None = None
        self.starts = 0

    def env(self) -> dict:
        path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
        return dict(os.environ, TMPDIR=str(self.tmp), PYTHONPATH=path, QT_QPA_PLATFORM="offscreen",
                    PYTHONDONTWRITEBYTECODE="1", HIPMAP_DATA_DIR=str(self.tmp / "app-data"))  # fmt: skip

    def start(self) -> None:
        self.starts += 1
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), "--worker"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=log, cwd=self.cwd, env=self.env(),
            )  # fmt: skip
        line = self._read(120)
        if not line or not json.loads(line).get("ready"):
            raise RuntimeError(f"the fuzz worker did not start; see {self.log}")

    def _read(self, timeout: float) -> bytes | None:
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        return self.proc.stdout.readline() if ready else None

    def stop(self) -> None:
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.wait()
            for stream in (self.proc.stdin, self.proc.stdout):
                stream.close()
            self.proc = None

    def run(self, request: dict, timeout: float) -> dict:
        if self.proc is None or self.proc.poll() is not None:
            self.stop()
            self.start()
        started = time.perf_counter()
        try:
            self.proc.stdin.write(json.dumps(request).encode() + b"\n")
            self.proc.stdin.flush()
            line = self._read(timeout)
        except BrokenPipeError:
            line = b""
        if line is None:
            self.stop()
            return {"outcome": "hang", "reason": f"no answer within {timeout:g} s", "seconds": time.perf_counter() - started}
        if not line:
            code = self.proc.wait()
            self.stop()
            tail = self.log.read_text(errors="replace")[-1500:] if self.log.exists() else ""
            return {"outcome": "crash", "reason": f"the worker died (exit status {code})", "traceback": tail,
                    "seconds": time.perf_counter() - started}  # fmt: skip
        return json.loads(line)


# =============================================================================================== snapshots


SNAPSHOT_HASH_LIMIT = 30_000_000


def snapshot(*folders: Path) -> dict:
    """Every path under the folders: type, size, modification time and a hash of the content."""
    out = {}
    for folder in folders:
        if not folder.exists():
            continue
        for path in [folder, *sorted(folder.rglob("*"))]:
            st = path.lstat()
            digest = ""
            if stat.S_ISREG(st.st_mode) and st.st_size <= SNAPSHOT_HASH_LIMIT:  # (never a FIFO, a device, a sparse giant)
                digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
            out[str(path)] = (st.st_mode, st.st_size, st.st_mtime_ns, digest)
    return out


def changes(before: dict, after: dict) -> list[str]:
    found = [f"created {p}" for p in after.keys() - before.keys()]
    found += [f"deleted {p}" for p in before.keys() - after.keys()]
    found += [f"changed {p}" for p in before.keys() & after.keys() if before[p] != after[p]]
    return sorted(found)


# =============================================================================================== byte mutators

INTERESTING_BYTES = b"\x00\xff\x80\xc0\xc3\xed\x7f\n\r\t \"'\\<>&:-#{[,]}"
INTERESTING_NUMBERS = [
    b"0", b"-0", b"1", b"-1", b"0.5", b"601", b"1e308", b"-1e308", b"1e309", b"1e-320", b"5000", b"5000.01", b"-5000.01",
    b"2147483648", b"9223372036854775808", b"18446744073709551616", b"9" * 40, b"9" * 400, b"1" * 5000, b"1.7976931348623157e308",
    b"0.000000000000000000001", b"NaN", b"nan", b"inf", b"-inf", b"Infinity", b".5", b"5.", b"1.2.3", b"--1", b"+1",
    b"1e", b"e5", b"0x10", b"1_000",
]  # fmt: skip
INVALID_UTF8 = [b"\xff", b"\xfe\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\xe2\x82", b"\x80"]


def _pos(rng, data: bytes) -> int:
    return rng.randint(0, len(data))


def m_flip_bits(rng, data, ctx):
    if not data:
        return data
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(b))
        b[i] ^= 1 << rng.randrange(8)
    return bytes(b)


def m_set_bytes(rng, data, ctx):
    if not data:
        return bytes([rng.choice(INTERESTING_BYTES)])
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        b[rng.randrange(len(b))] = rng.choice(INTERESTING_BYTES) if rng.random() < 0.7 else rng.randrange(256)
    return bytes(b)


def m_delete_span(rng, data, ctx):
    if not data:
        return data
    i = rng.randrange(len(data))
    return data[:i] + data[i + rng.choice((1, 2, 4, 16, 64, 512)) :]


def m_duplicate_span(rng, data, ctx):
    if not data:
        return data
    i = rng.randrange(len(data))
    span = data[i : i + rng.choice((1, 4, 16, 64, 512, 4096))]
    j = _pos(rng, data)
    return data[:j] + span + data[j:]


def m_repeat_span(rng, data, ctx):
    if not data:
        return data
    i = rng.randrange(len(data))
    span = data[i : i + rng.choice((1, 8, 64))]
    return data[:i] + span * rng.choice((100, 1000, 10000)) + data[i:]


def m_truncate(rng, data, ctx):
    return data[: _pos(rng, data)]


def m_invalid_utf8(rng, data, ctx):
    j = _pos(rng, data)
    return data[:j] + rng.choice(INVALID_UTF8) + data[j:]


def m_numbers(rng, data, ctx):
    spans = [m.span() for m in re.finditer(rb"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", data)]
    if not spans:
        return data
    for start, end in sorted(rng.sample(spans, min(len(spans), rng.randint(1, 4))), reverse=True):
        data = data[:start] + rng.choice(INTERESTING_NUMBERS) + data[end:]
    return data


def m_words(rng, data, ctx):
    """Replace identifiers with other words of the format: known ids used in the wrong place, and junk."""
    spans = [m.span() for m in re.finditer(rb"[A-Za-z_][A-Za-z0-9_\-]*", data)]
    if not spans:
        return data
    for start, end in sorted(rng.sample(spans, min(len(spans), rng.randint(1, 3))), reverse=True):
        data = data[:start] + rng.choice(ctx.words) + data[end:]
    return data


def m_lines(rng, data, ctx):
    lines = data.split(b"\n")
    if len(lines) < 2:
        return data
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    op = rng.choice(("delete", "duplicate", "swap", "indent", "dedent", "move"))
    if op == "delete":
        del lines[i]
    elif op == "duplicate":
        lines.insert(j, lines[i])
    elif op == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    elif op == "indent":
        lines[i] = rng.choice((b" ", b"  ", b"\t", b"    ")) + lines[i]
    elif op == "dedent":
        lines[i] = lines[i].lstrip()
    else:
        lines.insert(j, lines.pop(i))
    return b"\n".join(lines)


def token_inserter(tokens):
    def m_tokens(rng, data, ctx):
        for _ in range(rng.randint(1, 3)):
            j = _pos(rng, data)
            data = data[:j] + rng.choice(tokens) + data[j:]
        return data

    return m_tokens


BYTE_MUTATORS = [
    (m_flip_bits, 3), (m_set_bytes, 3), (m_delete_span, 2), (m_duplicate_span, 2), (m_repeat_span, 1), (m_truncate, 2),
    (m_invalid_utf8, 1), (m_numbers, 3), (m_words, 3), (m_lines, 3),
]  # fmt: skip


def apply_mutators(rng, data: bytes, ctx, mutators, names: list, count=None) -> bytes:
    functions, weights = zip(*mutators)
    for _ in range(count or rng.choice((1, 1, 1, 2, 2, 3))):
        fn = rng.choices(functions, weights)[0]
        data = fn(rng, data, ctx)
        names.append(fn.__name__.removeprefix("m_"))
    return data


# =============================================================================================== structure mutators


def rand_text(rng) -> str:
    return rng.choice([
        "", " ", "x", "posterior", "right", "left", "both", "none", "ts2", "hipmap.painmap", "hipmap.routine",
        "Polygon", "MultiPolygon", "ünïcödé", "名前", "\U0001f600", "\x00", "a\x00b", "\t\n", "\r", "\u2028",
        "\ud800", "x" * 121, "y" * 10000, "../../etc/passwd", "%s%n", "'\"", "{{}}", "-", "1e999", "nan", "null",
        "<<", "*a", "&a", "!!python/object", "<script>", "&lol;", "\ufeff",
    ])  # fmt: skip


def rand_scalar(rng, words=()):
    r = rng.random()
    if r < 0.1:
        return None
    if r < 0.2:
        return rng.random() < 0.5
    if r < 0.45:
        return rng.choice([0, 1, -1, 2, 5, 10, 11, 20, 21, 30, 120, 121, 600, 601, 5000, 2**31, 2**63, 10**30, -(10**30)])
    if r < 0.6:
        return rng.choice([0.0, -0.0, 0.5, 1.5, 5.0, 1e308, -1e308, 5000.0, 5000.0001, float("inf"), float("-inf"), float("nan")])
    if r < 0.75 and words:
        return rng.choice(words).decode("utf-8", "replace")
    return rand_text(rng)


def rand_value(rng, depth=0, words=()):
    r = rng.random()
    if depth > 3 or r < 0.6:
        return rand_scalar(rng, words)
    if r < 0.8:
        return [rand_value(rng, depth + 1, words) for _ in range(rng.choice((0, 1, 2, 3, 5)))]
    keys = [w.decode("utf-8", "replace") for w in words] or ["a"]
    return {rng.choice(keys): rand_value(rng, depth + 1, words) for _ in range(rng.choice((0, 1, 2, 3)))}


def _containers(root) -> list:
    """(container, key) for every entry of every dict and list in a tree (shared or nested ones once)."""
    out, seen, stack = [], set(), [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if not isinstance(node, (dict, list)) or id(node) in seen or depth > 200:
            continue
        seen.add(id(node))
        for key in list(node) if isinstance(node, dict) else range(len(node)):
            out.append((node, key))
            stack.append((node[key], depth + 1))
    return out


GROWN_NODES = 2_000_000  # values in a grown list, at most: enough to be large, quick enough to write


def _nodes(value, limit: int) -> int:
    """How many values VALUE holds (shared ones counted each time, as JSON writes them), counting up to LIMIT."""
    count, stack = 0, [value]
    while stack and count <= limit:
        item = stack.pop()
        count += 1
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


def mutate_tree(rng, tree, ctx, names: list, allow_shared=False):
    """Edit a parsed document in place (or return a new root): delete, rename, retype, nest, share, grow."""
    entries = _containers(tree)
    if not entries or rng.random() < 0.03:
        names.append("tree:replace-root")
        return rand_value(rng, words=ctx.words)
    container, key = rng.choice(entries)
    ops = ["delete", "retype", "retype", "rename", "add", "wrap", "nest", "empty", "grow", "duplicate"]
    if allow_shared:
        ops.append("share")
    op = rng.choice(ops)
    names.append(f"tree:{op}")
    value = container[key]
    if op == "delete":
        del container[key]
    elif op == "retype":
        container[key] = rand_value(rng, words=ctx.words)
    elif op == "rename" and isinstance(container, dict):
        new_key = rand_scalar(rng, ctx.words) if rng.random() < 0.3 else rng.choice(ctx.words).decode("utf-8", "replace")
        if isinstance(new_key, float) and math.isnan(new_key):  # NaN keys never compare equal: keep it simple
            new_key = "nan"
        del container[key]
        try:
            container[new_key] = value
        except TypeError:
            container[str(new_key)] = value
    elif op == "add" and isinstance(container, dict):
        container[rng.choice(ctx.words).decode("utf-8", "replace")] = rand_value(rng, words=ctx.words)
    elif op == "add":
        container.insert(rng.randint(0, len(container)), rand_value(rng, words=ctx.words))
    elif op == "wrap":
        container[key] = [value] if rng.random() < 0.5 else {"value": value}
    elif op == "nest":
        for _ in range(rng.choice((2, 10, 50, 90))):
            value = [value]
        container[key] = value
    elif op == "empty":
        container[key] = type(value)() if isinstance(value, (dict, list, str)) else None
    elif op == "grow":
        if isinstance(value, list) and value:
            # Bounded: a list of lists grown 200x twice over made a tree whose JSON took minutes to write.
            factor = rng.choice((2, 10, 200))
            while factor > 2 and _nodes(value, GROWN_NODES // factor) * factor > GROWN_NODES:
                factor //= 10
            container[key] = value * factor
        elif isinstance(value, str):
            container[key] = value * rng.choice((2, 100, 5000))
        else:
            container[key] = rand_value(rng, words=ctx.words)
    elif op == "duplicate" and isinstance(container, list):
        container.insert(key, value)
    elif op == "share":
        other, other_key = rng.choice(entries)
        try:
            other[other_key] = value  # the same object twice: YAML writes an anchor and an alias
        except (KeyError, IndexError):
            pass
    return tree


# =============================================================================================== the context


_CACHE_LOCK = threading.RLock()


@dataclass
class Context:
    run_dir: Path
    seed: int
    data: Path = field(init=False)
    assets: Path = field(init=False)
    words: list = field(init=False)
    _cache: dict = field(default_factory=dict)

    def __post_init__(self):
        from hipmap import default_assets_dir, default_data_dir

        self.data = self.run_dir / "pristine" / "data"
        self.assets = self.run_dir / "pristine" / "assets"
        shutil.copytree(default_data_dir(), self.data)
        shutil.copytree(default_assets_dir(), self.assets)
        from hipmap.core.content.vocabulary import MUSCLE_IDS, REGION_IDS, VIEW_IDS

        words = set(REGION_IDS) | set(MUSCLE_IDS) | set(VIEW_IDS)
        for path in sorted(self.data.rglob("*.yaml")):
            words |= set(re.findall(r"^\s*-?\s*([a-z_]+):", path.read_text(), re.MULTILINE))  # every key
            words |= set(re.findall(r"\b(?:id|exercise|source|advice_id|view|region):\s*([a-z0-9_]+)", path.read_text()))
        words |= {"format", "version", "marks", "geometry", "type", "coordinates", "intensity", "qualities", "side",
                  "steps", "kind", "hold_s", "rest_s", "ready_s", "reps", "title", "muscle_id", "exercise_id", "name",
                  "note", "region-", "side-right", "body", "href", "xlink:href", "viewBox", "transform", "matrix",
                  "translate", "scale", "rotate", "use", "path", "svg", "g", "d", "id", "true", "false", "null"}  # fmt: skip
        self.words = sorted(w.encode() for w in words)

    def yaml_files(self) -> list[str]:
        return sorted(str(p.relative_to(self.data)) for p in self.data.rglob("*.yaml"))

    def fresh_copy(self, case_dir: Path, data=True, assets=True) -> tuple[Path, Path]:
        d, a = case_dir / "data", case_dir / "assets"
        if data:
            shutil.copytree(self.data, d)
        if assets:
            shutil.copytree(self.assets, a)
        return d, a

    def cached(self, name, build):
        with _CACHE_LOCK:  # workers share the context from threads
            if name not in self._cache:
                self._cache[name] = build()
            return self._cache[name]


# =============================================================================================== target: yaml

YAML_TOKENS = [
    b"&a ", b"*a", b"<<: *a\n", b"!!python/object:os.system ", b"!!python/name:os.system ", b"!!binary ", b"!!set ",
    b"!!omap ", b"!!str ", b"!!int ", b"!!float ", b"!!timestamp ", b"!custom ", b"{", b"}", b"[", b"]", b"- ", b": ",
    b"? ", b"---\n", b"...\n", b"|\n", b">-\n", b"'", b'"', b"\t", b"\x00", b"\xef\xbb\xbf", b"%YAML 1.1\n",
    b"%TAG ! tag:x,2000:\n", b"#", b"~", b"null", b"yes", b"no", b"on", b".inf", b"-.inf", b".nan", b"0x1F", b"0o17",
    b"1_000", b"2001-12-14", b"2001-12-14t21:59:43.10-05:00", b"1e309", b"9" * 400, b"1" * 5000, b'"\\u0000"',
    b'"\\ud800"', b'"\\x80"', b"\r", b"\r\n", b"\xc2\x85", "\u2028".encode(), b"\xef\xbf\xbf", b"@", b"`", b"%", b"&",
    b"*", b"!", b"|", b">", b",", b"\\",
]  # fmt: skip


def m_yaml_tree(rng, data, ctx):
    import yaml

    try:
        tree = yaml.safe_load(data)
    except Exception:  # noqa: BLE001  (PyYAML raises ValueError and more besides YAMLError)
        return data
    names: list = []
    for _ in range(rng.randint(1, 3)):
        tree = mutate_tree(rng, tree, ctx, names, allow_shared=True)
    try:
        return yaml.safe_dump(tree, sort_keys=False, allow_unicode=rng.random() < 0.5,
                              default_flow_style=rng.choice((False, None, True)), width=rng.choice((80, 10**6))).encode("utf-8", "surrogatepass")  # fmt: skip
    except (yaml.YAMLError, RecursionError, ValueError, TypeError):
        return data


def m_yaml_billion_laughs(rng, data, ctx):
    lines = [b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, rng.choice((3, 9, 12))):
        prev = chr(ord("a") + i - 1).encode()
        name = chr(ord("a") + i).encode()
        lines.append(name + b": &" + name + b" [" + b",".join([b"*" + prev] * 9) + b"]")
    bomb = b"\n".join(lines) + b"\n"
    return bomb if rng.random() < 0.5 else data + b"\n" + bomb


def m_yaml_deep(rng, data, ctx):
    depth = rng.choice((100, 1000, 10_000, 200_000))
    style = rng.choice(("flow-list", "flow-map", "block-list", "block-map"))
    if style == "flow-list":
        nest = b"[" * depth + b"]" * depth
    elif style == "flow-map":
        nest = b"{a: " * depth + b"1" + b"}" * depth
    elif style == "block-list":
        nest = b"\n".join(b" " * i + b"- " for i in range(0, min(depth, 3000) * 2, 2)) + b"x"
    else:
        nest = b"\n".join(b" " * i + b"k:" for i in range(min(depth, 3000))) + b" 1"
    j = _pos(rng, data)
    return data[:j] + nest + data[j:] if rng.random() < 0.5 else nest


def m_yaml_huge(rng, data, ctx):
    size = rng.choice((1_999_000, 2_000_001))
    filler = b"# " + b"x" * 77 + b"\n"
    return (data + filler * ((size - len(data)) // len(filler) + 1))[:size]


YAML_MUTATORS = BYTE_MUTATORS + [
    (token_inserter(YAML_TOKENS), 6), (m_yaml_tree, 8), (m_yaml_billion_laughs, 1), (m_yaml_deep, 1), (m_yaml_huge, 0.3),
]  # fmt: skip


SPECIAL_FILES = ("fifo", "dev-zero", "folder", "over-the-cap")


def make_special_file(rng, path: Path, cap: int, names: list) -> None:
    """Put a special file where a reader expects its file: a FIFO (no writer: a blocking read waits for ever), a
    link to /dev/zero (endless), a folder, or a sparse file just or far over the reader's size cap."""
    kind = rng.choice(SPECIAL_FILES)
    names.append(f"special:{kind}")
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    else:
        with open(path, "wb") as handle:  # sparse: no disk used, whatever its size
            handle.truncate(cap + rng.choice((1, 10**9)))


def gen_yaml(rng, case_dir: Path, ctx: Context, names: list) -> dict:
    data, assets = ctx.fresh_copy(case_dir)
    files = ctx.yaml_files()
    weights = [0.4 if f.startswith("muscles/") else 2.0 for f in files]
    target = data / rng.choices(files, weights)[0]
    names.append(f"file:{target.relative_to(data)}")
    r = rng.random()
    if r < 0.02:
        target.unlink()
        names.append("delete-file")
    elif r < 0.03:
        target.unlink()
        target.mkdir()
        names.append("file-is-a-folder")
    elif r < 0.04:
        shutil.rmtree(data / "muscles")
        names.append("delete-muscles-folder")
    elif r < 0.07:
        from hipmap.core.content.yamlfile import MAX_YAML_BYTES

        make_special_file(rng, target, MAX_YAML_BYTES, names)
    elif r < 0.09:
        extra = data / "muscles" / rng.choice(("extra.yaml", "piriformis_copy.yaml", "Piriformis.yaml"))
        extra.write_bytes(apply_mutators(rng, (data / "muscles" / "piriformis.yaml").read_bytes(), ctx, YAML_MUTATORS, names))
        names.append("extra-muscle-file")
    else:
        target.write_bytes(apply_mutators(rng, target.read_bytes(), ctx, YAML_MUTATORS, names))
    name = target.name
    readers = ["atlas"]
    if name in ("exercises.yaml", "sources.yaml"):
        readers.append("exercises")
    if name == "red_flags.yaml":
        readers = ["red_flags"]
    elif name == "sources.yaml":
        readers.append("red_flags")
    return {"runner": "data", "data": str(data), "assets": str(assets), "root": str(case_dir), "readers": readers}


# =============================================================================================== target: svg

SVG_TOKENS = [
    b"<", b">", b"</g>", b"<g>", b"<path d='M0 0'/>", b"/>", b"&amp;", b"&lt;", b"&lol;", b"&#0;", b"&#x110000;",
    b"&#65;", b"<![CDATA[ x ]]>", b"<!-- -->", b"<!--", b"-->", b"<?pi x?>", b'"', b"'", b"=", b"xmlns:x='y'",
    b"<x:g>", b"]]>", b"\x00", b"\x0c", b"\xef\xbb\xbf", b"<!DOCTYPE svg>", b"<!ENTITY x 'y'>", b"id='body'",
    b"id='region-heel'", b"id='side-right'",
]  # fmt: skip
PATH_TOKENS = [c.encode() for c in "MmLlHhVvCcSsQqTtZzAaXxEe"] + [b",", b" ", b"\t", b"\n", b",,", b"-", b"+", b".", b"e"]


def _d_attributes(data: bytes) -> list[tuple[int, int]]:
    return [m.span(1) for m in re.finditer(rb'\sd="([^"]*)"', data)]


def m_svg_path(rng, data, ctx):
    spans = _d_attributes(data)
    if not spans:
        return data
    start, end = rng.choice(spans)
    d = data[start:end]
    op = rng.choice(("numbers", "numbers", "command", "delete", "grow", "empty", "reverse", "tokens", "close", "huge"))
    if op == "numbers":
        d = m_numbers(rng, d, ctx)
    elif op == "command":
        letters = [m.start() for m in re.finditer(rb"[A-Za-z]", d)]
        if letters:
            i = rng.choice(letters)
            d = d[:i] + rng.choice(PATH_TOKENS[:24]) + d[i + 1 :]
    elif op == "delete":
        tokens = re.findall(rb"[A-Za-z]|[-+]?[\d.]+(?:[eE][-+]?\d+)?", d)
        if tokens:
            del tokens[rng.randrange(len(tokens))]
            d = b" ".join(tokens)
    elif op == "grow":
        d = d * rng.choice((2, 10, 100))
    elif op == "empty":
        d = rng.choice((b"", b" ", b"M", b"M 0 0", b"M0 0Z", b"M0 0 L1 1 Z", b"Z"))
    elif op == "reverse":
        d = b" ".join(reversed(d.split(b" ")))
    elif op == "tokens":
        for _ in range(rng.randint(1, 4)):
            j = _pos(rng, d)
            d = d[:j] + rng.choice(PATH_TOKENS) + d[j:]
    elif op == "close":
        d = d.replace(b"Z", b"").replace(b"z", b"") if rng.random() < 0.5 else d + b" Z Z 1 2"
    else:  # a very long path: a zigzag (self-intersecting) or a fine valid polygon, near the length limit
        n = rng.choice((1000, 20_000, 40_000))
        if rng.random() < 0.5:
            pts = " ".join(f"L{rng.uniform(250, 350):.2f},{rng.uniform(250, 350):.2f}" for _ in range(n))
        else:
            pts = " ".join(f"L{300 + 40 * math.cos(6.283 * i / n):.3f},{300 + 40 * math.sin(6.283 * i / n):.3f}" for i in range(n))
        d = ("M300,300 " + pts + " Z").encode()
    return data[:start] + d.replace(b'"', b"") + data[end:]


def m_svg_attr(rng, data, ctx):
    spans = [m.span(2) for m in re.finditer(rb'\s(id|transform|viewBox|href|xlink:href|xmlns)="([^"]*)"', data)]
    if not spans:
        return data
    start, end = rng.choice(spans)
    value = rng.choice([
        b"", b"region-heel", b"region-elbow", b"region-", b"body", b"side-right", b"#side-right", b"#nothing",
        b"matrix(-1 0 0 1 600 0)", b"matrix(-1 0 0 1 1e309 0)", b"matrix(1 0 0 1 0 0)", b"matrix(-1,0,0,1,600)",
        b"rotate(45)", b"skewX(10)", b"translate(10)", b"scale(-1 1) translate(-600 0)", b"scale(1e308)",
        b"matrix(-1 0 0 1 nan 0)", b"matrix(-1 0 0 1 1e300 0)", b"matrix(-1 0 0 1 1e308 0) translate(-1e308)", b"0 0 600 1000", b"0 0 0 0", b"0 0 -600 1000", b"0 0 1e309 1", b"a b c d",
        b"0 0 600", b"0 0 600 1000 5", b"http://example.com/x.svg", b"file:///etc/passwd",
    ]) if rng.random() < 0.8 else data[start:end] * 2  # fmt: skip
    return data[:start] + value + data[end:]


def m_svg_element(rng, data, ctx):
    lines = data.split(b"\n")
    tagged = [i for i, line in enumerate(lines) if b"<" in line]
    if not tagged:
        return data
    i = rng.choice(tagged)
    op = rng.choice(("duplicate", "delete", "rename", "namespace"))
    if op == "duplicate":
        lines.insert(i, lines[i])
    elif op == "delete":
        del lines[i]
    elif op == "rename":
        lines[i] = re.sub(rb"<(/?)(\w+)", lambda m: b"<" + m.group(1) + rng.choice((b"g", b"path", b"use", b"svg", b"rect", b"SVG", b"x")), lines[i], count=1)  # fmt: skip
    else:
        lines[i] = re.sub(rb"<(/?)(\w+)", rb"<\1svg:\2", lines[i], count=1)
    return b"\n".join(lines)


def m_svg_deep(rng, data, ctx):
    depth = rng.choice((100, 999, 1000, 5000, 100_000))
    tag = rng.choice((b"g", b"path"))
    nest = (b"<" + tag + b">") * depth + (b"</" + tag + b">") * depth
    match = re.search(rb"<g id=\"side-right\">", data) if rng.random() < 0.7 else re.search(rb"<svg[^>]*>", data)
    j = match.end() if match else _pos(rng, data)
    return data[:j] + nest + data[j:]


def m_svg_entities(rng, data, ctx):
    kind = rng.choice(("laughs", "external", "parameter", "undefined", "doctype"))
    if kind == "laughs":
        ents = [b'<!ENTITY lol "lol">'] + [
            b"<!ENTITY lol%d \"%s\">" % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
        ]
        dtd = b"<!DOCTYPE svg [" + b"".join(ents) + b"]>"
        ref = b"&lol9;"
    elif kind == "external":
        dtd, ref = b'<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', b"&xxe;"
    elif kind == "parameter":
        dtd, ref = b'<!DOCTYPE svg [<!ENTITY % p SYSTEM "http://example.com/x.dtd"> %p;]>', b""
    elif kind == "undefined":
        dtd, ref = b"", b"&lol9;"
    else:
        dtd, ref = b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">', b""
    decl = re.match(rb"<\?xml[^>]*\?>\s*", data)
    head = decl.end() if decl else 0
    data = data[:head] + dtd + data[head:]
    if ref:
        match = re.search(rb"<g id=\"side-right\">", data)
        j = match.end() if match else len(data) // 2
        data = data[:j] + ref + data[j:]
    return data


def m_svg_encoding(rng, data, ctx):
    enc = rng.choice((b"UTF-16", b"latin-1", b"ascii", b"bogus", b"EBCDIC-US", b"utf-8"))
    decl = b'<?xml version="1.0" encoding="' + enc + b'"?>'
    data = re.sub(rb"^<\?xml[^>]*\?>", lambda m: decl, data, count=1)
    if rng.random() < 0.3:
        data = data.decode("utf-8", "replace").encode(rng.choice(("utf-16", "utf-16-be", "utf-32")))
    return data


def m_svg_huge(rng, data, ctx):
    size = rng.choice((4_999_000, 5_000_001))
    filler = b"<!-- " + b"x" * 73 + b" -->\n"
    j = data.rfind(b"</svg>")
    j = j if j >= 0 else len(data)
    return data[:j] + filler * max(0, (size - len(data)) // len(filler) + 1) + data[j:]


SVG_MUTATORS = BYTE_MUTATORS + [
    (token_inserter(SVG_TOKENS), 4), (m_svg_path, 10), (m_svg_attr, 5), (m_svg_element, 4), (m_svg_deep, 1),
    (m_svg_entities, 2), (m_svg_encoding, 1), (m_svg_huge, 0.2),
]  # fmt: skip


def gen_svg(rng, case_dir: Path, ctx: Context, names: list) -> dict:
    data, assets = ctx.fresh_copy(case_dir)
    views = sorted(str(p.relative_to(assets)) for p in (assets / "views").glob("*.svg"))
    pictograms = sorted(str(p.relative_to(assets)) for p in (assets / "exercises").glob("*.svg"))
    rel = rng.choice(views) if rng.random() < 0.8 else rng.choice(pictograms)
    target = assets / rel
    names.append(f"file:{rel}")
    r = rng.random()
    if r < 0.02:
        target.unlink()
        names.append("delete-file")
    elif r < 0.05:
        from hipmap.core.content.svgdoc import MAX_SVG_BYTES

        make_special_file(rng, target, MAX_SVG_BYTES, names)
    else:
        target.write_bytes(apply_mutators(rng, target.read_bytes(), ctx, SVG_MUTATORS, names))
    readers = ["atlas"] if rel.startswith("views/") else (["exercises", "atlas"] if rng.random() < 0.2 else ["exercises"])
    return {"runner": "data", "data": str(data), "assets": str(assets), "root": str(case_dir), "readers": readers}


# =============================================================================================== target: painmap

JSON_TOKENS = [
    b"NaN", b"Infinity", b"-Infinity", b"1e999", b"1" * 5000, b"-0", b"null", b"true", b"[", b"]", b"{", b"}", b",",
    b":", b'"', b"\\", b'"\\ud800"', b'"\\u0000"', b"\x00", b"\xef\xbb\xbf", b" ", b"\n", b"/*", b"//", b"'", b"[]",
    b"{}", b'"marks"', b'"geometry"', b'"coordinates"',
]  # fmt: skip


def _painmap_seeds() -> list[dict]:
    from hipmap.core.content.atlas import load_atlas
    from hipmap.core.pain.painmap import PainMap, click_mark, region_marks, stroke_mark, to_json_dict

    atlas = load_atlas()
    maps = [
        PainMap(tuple(region_marks(atlas, "lateral_thigh", "right", 7, ("aching",)))),
        PainMap(tuple(region_marks(atlas, "buttock_center", "left", 4, ("burning", "tingling")))),
        PainMap((click_mark("posterior", 380, 290), click_mark("anterior", 205, 262, intensity=9))),
        PainMap((stroke_mark("lateral_right", [(300, 300), (310, 360), (305, 420)], intensity=3, qualities=("numbness",)),)),
        PainMap(tuple(region_marks(atlas, "heel", "right") + region_marks(atlas, "groin", "left", 10))),
        PainMap(()),
    ]
    seeds = []
    for pm in maps:
        data = to_json_dict(pm)
        data["created"] = data["saved"] = "2026-01-01T00:00:00+00:00"
        seeds.append(data)
    return seeds


def _ring(points):
    return [[round(x, 3), round(y, 3)] for x, y in points] + [[round(points[0][0], 3), round(points[0][1], 3)]]



def m_geometry_special(rng, tree, ctx):
    n = rng.choice((3, 4, 100, 20_000, 150_000))
    circle = [(300 + 50 * math.cos(6.283 * i / n), 400 + 50 * math.sin(6.283 * i / n)) for i in range(n)]
    choices = {
        "bowtie": {"type": "Polygon", "coordinates": [_ring([(0, 0), (10, 10), (10, 0), (0, 10)])]},
        "unclosed": {"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10]]]},
        "two-points": {"type": "Polygon", "coordinates": [[[0, 0], [10, 0]]]},
        "same-point": {"type": "Polygon", "coordinates": [[[5, 5], [5, 5], [5, 5], [5, 5]]]},
        "hole-outside": {"type": "Polygon", "coordinates": [_ring([(0, 0), (10, 0), (10, 10), (0, 10)]),
                                                            _ring([(20, 20), (30, 20), (30, 30)])]},
        "many-points": {"type": "Polygon", "coordinates": [_ring(circle)]},
        "at-limit": {"type": "Polygon", "coordinates": [_ring([(-5000, -5000), (5000, -5000), (5000, 5000)])]},
        "over-limit": {"type": "Polygon", "coordinates": [_ring([(-5000.01, 0), (10, 0), (10, 10)])]},
        "3d": {"type": "Polygon", "coordinates": [[[0, 0, 1], [10, 0, 1], [10, 10, 1], [0, 0, 1]]]},
        "1d": {"type": "Polygon", "coordinates": [[[0], [10], [10], [0]]]},
        "multi-wrong-depth": {"type": "MultiPolygon", "coordinates": [_ring([(0, 0), (10, 0), (10, 10)])]},
        "polygon-too-deep": {"type": "Polygon", "coordinates": [[_ring([(0, 0), (10, 0), (10, 10)])]]},
        "empty": {"type": "Polygon", "coordinates": []},
        "empty-ring": {"type": "Polygon", "coordinates": [[]]},
        "multi-empty": {"type": "MultiPolygon", "coordinates": [[]]},
        "point": {"type": "Point", "coordinates": [300, 300]},
        "collection": {"type": "GeometryCollection", "geometries": []},
        "lowercase": {"type": "polygon", "coordinates": [_ring([(0, 0), (10, 0), (10, 10)])]},
        "strings": {"type": "Polygon", "coordinates": [[["0", "0"], ["10", "0"], ["10", "10"], ["0", "0"]]]},
        "bools": {"type": "Polygon", "coordinates": [[[True, False], [1, 0], [1, 1], [True, False]]]},
        "tiny": {"type": "Polygon", "coordinates": [_ring([(0, 0), (1e-300, 0), (1e-300, 1e-300)])]},
        "zero-area": {"type": "Polygon", "coordinates": [_ring([(0, 0), (5, 5), (10, 10)])]},
    }
    name = rng.choice(sorted(choices))
    marks = tree.get("marks") if isinstance(tree, dict) else None
    marks = [m for m in marks if isinstance(m, dict)] if isinstance(marks, list) else []
    if marks:
        rng.choice(marks)["geometry"] = choices[name]
    else:
        tree = {"format": "hipmap.painmap", "version": 1, "marks": [{"view": "posterior", "geometry": choices[name]}]}
    return tree, f"geometry:{name}"


def m_painmap_special(rng, tree, ctx):
    name = rng.choice(("version", "format", "many-marks", "too-many-marks", "view", "intensity", "qualities", "side", "note"))
    if not isinstance(tree, dict):
        tree = {"format": "hipmap.painmap", "version": 1, "marks": []}
    marks = [m for m in tree["marks"] if isinstance(m, dict)] if isinstance(tree.get("marks"), list) else []
    mark = rng.choice(marks) if marks else {}
    value = rng.choice([0, -1, 1.0, "1", True, 2, 10**20, None, 11, 10, [], {}, "x", "\ud800"])
    if name == "version":
        tree["version"] = value
    elif name == "format":
        tree["format"] = rng.choice(["hipmap.routine", "HIPMAP.PAINMAP", "", None, 1, "hipmap.painmap "])
    elif name in ("many-marks", "too-many-marks"):
        tri = {"view": "posterior", "intensity": 5, "geometry": {"type": "Polygon", "coordinates": [[[300, 300], [310, 300], [305, 310], [300, 300]]]}}
        tree["marks"] = [tri] * (5000 if name == "many-marks" else 5001)
    elif name == "view":
        mark["view"] = rng.choice(["lateral_left", "Posterior", "top", "", None, 1, ["posterior"]])
    elif name == "intensity":
        mark["intensity"] = value
    elif name == "qualities":
        mark["qualities"] = rng.choice([["aching", "aching"], ["ache"], "aching", [None], [["aching"]], [{}], []])
    elif name == "side":
        mark["side"] = rng.choice(["both", "middle", "", None, 1, "Right"])
    else:
        tree["note"] = rng.choice(["\ud800", "\x00", "x" * 100_000, 5, None, ["a"]])
    return tree, f"painmap:{name}"


def _json_bytes(rng, tree) -> bytes:
    text = json.dumps(tree, indent=rng.choice((None, 1, 2)), ensure_ascii=rng.random() < 0.5)
    return text.encode("utf-8", "surrogatepass")


def gen_json_file(rng, path: Path, seeds: list, ctx: Context, names: list, specials, cap: int = 20_000_000) -> None:
    import copy

    tree = copy.deepcopy(rng.choice(seeds))
    r = rng.random()
    if r < 0.04:
        names.append("missing-file")
        return
    if r < 0.06:
        path.mkdir()
        names.append("file-is-a-folder")
        return
    if r < 0.09:
        make_special_file(rng, path, cap, names)
        return
    if r < 0.10:
        names.append("arbitrary-json")
        data = _json_bytes(rng, rand_value(rng, words=ctx.words))
    elif r < 0.14:
        name = rng.choice(("deep-list", "deep-object", "big-int", "empty", "bom", "utf16", "null", "too-large"))
        names.append(f"whole:{name}")
        valid = _json_bytes(rng, tree)
        data = {
            "deep-list": lambda: b"[" * 100_000 + b"]" * 100_000,
            "deep-object": lambda: b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
            "big-int": lambda: valid.replace(b'"version": 1', b'"version": ' + b"1" * 5000, 1).replace(b'"version":1', b'"version":' + b"1" * 5000, 1),
            "empty": lambda: b"",
            "bom": lambda: b"\xef\xbb\xbf" + valid,
            "utf16": lambda: valid.decode("utf-8", "surrogatepass").encode("utf-16", "surrogatepass"),
            "null": lambda: b"null",
            "too-large": lambda: valid + b" " * 20_000_001,
        }[name]()  # fmt: skip
    else:
        for _ in range(rng.choice((1, 1, 2, 3))):
            step = rng.random()
            if step < 0.4:
                tree = mutate_tree(rng, tree, ctx, names)
            elif step < 0.7:
                tree, name = rng.choice(specials)(rng, tree, ctx)
                names.append(name)
        data = _json_bytes(rng, tree)
        if rng.random() < 0.35:
            data = apply_mutators(rng, data, ctx, BYTE_MUTATORS + [(token_inserter(JSON_TOKENS), 5)], names)
    path.write_bytes(data)


def gen_painmap(rng, case_dir: Path, ctx: Context, names: list) -> dict:
    seeds = ctx.cached("painmap-seeds", _painmap_seeds)
    path = case_dir / "pain.hipmap.json"
    gen_json_file(rng, path, seeds, ctx, names, (m_geometry_special, m_painmap_special))
    return {"runner": "painmap", "path": str(path), "scratch": str(case_dir.parent / "scratch")}


# =============================================================================================== target: routine


def _routine_seeds() -> list[dict]:
    from hipmap.core.routine.model import Routine, Step

    rng = random.Random(7)
    seeds = []
    for n in (1, 3, 8):
        steps = [
            Step(kind=rng.choice(("compression", "stretch")), muscle_id=rng.choice(("piriformis", "gluteus_medius")),
                 title=f"Step {i}", exercise_id=rng.choice(("", "pigeon_pose")), side=rng.choice(("right", "left", "none")),
                 ready_s=rng.choice((0, 5)), hold_s=rng.choice((1, 30, 600)), rest_s=rng.choice((0, 10)), reps=rng.choice((1, 3, 20)))
            for i in range(n)
        ]  # fmt: skip
        seeds.append(Routine(f"Routine {n}", steps).to_dict())
    return seeds


def m_routine_special(rng, tree, ctx):
    name = rng.choice(("steps", "many-steps", "too-many-steps", "field", "name", "version", "format", "missing"))
    if not isinstance(tree, dict):
        tree = {"format": "hipmap.routine", "version": 1, "name": "x", "steps": []}
    steps = tree.get("steps") if isinstance(tree.get("steps"), list) else []
    dicts = [s for s in steps if isinstance(s, dict)]  # earlier mutations may have put anything in the list
    step = rng.choice(dicts) if dicts else {}
    value = rng.choice([0, -1, 1, 1.0, 30.5, "30", True, 600, 601, 120, 121, 20, 21, 10**20, None, [], {}, "", "\ud800", "x" * 121])
    if name in ("many-steps", "too-many-steps") and steps:
        tree["steps"] = steps[:1] * (100 if name == "many-steps" else 101)
    elif name == "field":
        step[rng.choice(("kind", "muscle_id", "title", "exercise_id", "side", "ready_s", "hold_s", "rest_s", "reps", "extra"))] = value
    elif name == "missing" and step:
        step.pop(rng.choice(list(step)))
    elif name == "name":
        tree["name"] = rng.choice(["", " ", "x" * 120, "x" * 121, "\ud800", None, 5, "a/b\\c:*?", "..", "CON"])
    elif name == "version":
        tree["version"] = value
    elif name == "format":
        tree["format"] = rng.choice(["hipmap.painmap", "", None])
    return tree, f"routine:{name}"


def gen_routine(rng, case_dir: Path, ctx: Context, names: list) -> dict:
    seeds = ctx.cached("routine-seeds", _routine_seeds)
    path = case_dir / "routine.hipmap-routine.json"
    gen_json_file(rng, path, seeds, ctx, names, (m_routine_special,), cap=1_000_000)
    if names and names[-1] == "whole:too-large" and path.exists():  # the routine limit is 1 MB
        names.append("size:1MB+")
    return {"runner": "routine", "path": str(path), "scratch": str(case_dir.parent / "scratch")}


# =============================================================================================== target: db

DB_HEADER_FIELDS = [  # (offset, size, name)
    (16, 2, "page-size"), (18, 1, "write-version"), (19, 1, "read-version"), (20, 1, "reserved"),
    (21, 1, "max-payload"), (22, 1, "min-payload"), (23, 1, "leaf-payload"), (24, 4, "change-counter"),
    (28, 4, "page-count"), (32, 4, "freelist-trunk"), (36, 4, "freelist-count"), (40, 4, "schema-cookie"),
    (44, 4, "schema-format"), (48, 4, "cache-size"), (52, 4, "autovacuum-root"), (56, 4, "text-encoding"),
    (60, 4, "user-version"), (64, 4, "incremental-vacuum"), (68, 4, "application-id"), (92, 4, "version-valid-for"),
    (96, 4, "sqlite-version"), (0, 16, "magic"),
]  # fmt: skip


def _db_bases(run_dir: Path) -> dict:
    from hipmap.core.store.database import Store
    from hipmap.core.store.synthetic import synthetic_sessions

    folder = run_dir / "db-bases"
    folder.mkdir()
    out = {}
    full = folder / "full.sqlite3"
    with Store.open(full) as store:
        store.save_many(synthetic_sessions(25, seed=0))
        store.add_person("Zoë")
    out["full"] = (full.read_bytes(), None)
    empty = folder / "empty.sqlite3"
    Store.open(empty).close()
    out["new"] = (empty.read_bytes(), None)
    # A database with committed sessions still only in its -wal, as after a crash.
    walled = folder / "wal.sqlite3"
    shutil.copyfile(full, walled)
    store = Store.open(walled)
    store._conn.execute("PRAGMA wal_autocheckpoint = 0")
    store.save_many(synthetic_sessions(5, seed=1))
    out["wal"] = (walled.read_bytes(), (folder / "wal.sqlite3-wal").read_bytes())
    store.close()
    foreign = folder / "foreign.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("INSERT INTO notes (text) VALUES ('hello')")
    conn.close()
    out["foreign"] = (foreign.read_bytes(), None)
    rollback = folder / "rollback.sqlite3"
    shutil.copyfile(full, rollback)
    conn = sqlite3.connect(rollback)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    out["rollback"] = (rollback.read_bytes(), None)
    out["zero"] = (b"", None)
    return out


def _page(rng, data: bytes) -> tuple[int, int]:
    size = int.from_bytes(data[16:18], "big") if len(data) >= 100 else 4096
    size = 65536 if size == 1 else (size if size >= 512 else 4096)
    pages = max(1, len(data) // size)
    return rng.randrange(pages) * size, size


def _db_mutation(rng, data: bytes, wal: bytes | None, ctx, names: list):
    op = rng.choice(("page-flip", "page-flip", "page-zero", "page-random", "page-copy", "truncate", "append",
                     "header", "header", "user-version", "application-id", "text-encoding", "wal-garbage",
                     "wal-flip", "wal-truncate", "shm-garbage", "journal-garbage", "rows"))  # fmt: skip
    names.append(f"db:{op}")
    b = bytearray(data)
    side: dict = {}
    if op == "page-flip" and b:
        start, size = _page(rng, data)
        for _ in range(rng.choice((1, 2, 8, 32))):
            i = min(len(b) - 1, start + rng.randrange(size))
            b[i] ^= 1 << rng.randrange(8)
    elif op in ("page-zero", "page-random") and b:
        start, size = _page(rng, data)
        chunk = bytes(size) if op == "page-zero" else rng.randbytes(size)
        b[start : start + size] = chunk[: len(b[start : start + size])]
    elif op == "page-copy" and b:
        (a, size), (c, _) = _page(rng, data), _page(rng, data)
        b[c : c + size] = data[a : a + size][: len(b[c : c + size])]
    elif op == "truncate":
        del b[rng.randint(0, len(b)) :]
    elif op == "append":
        b += rng.choice((bytes(rng.choice((1, 100, 4096))), rng.randbytes(rng.choice((1, 100, 4096, 40_000)))))
    elif op in ("header", "user-version", "application-id", "text-encoding") and len(b) >= 100:
        offset, size, name = {
            "header": rng.choice(DB_HEADER_FIELDS), "user-version": (60, 4, "user-version"),
            "application-id": (68, 4, "application-id"), "text-encoding": (56, 4, "text-encoding"),
        }[op]  # fmt: skip
        names.append(f"field:{name}")
        if op == "application-id":
            value = rng.choice((0, 1, int.from_bytes(b"hipm", "big") + 1, int.from_bytes(b"HIPM", "big"), 2**32 - 1))
        elif op == "text-encoding":
            value = rng.choice((0, 2, 3, 4, 255))
        elif op == "user-version":
            value = rng.choice((0, 2, 3, 99, 2**31, 2**32 - 1))
        else:
            value = rng.choice((0, 1, 2, 255, 256, 511, 512, 1024, 4096, 32768, 65535, 2**31, 2**32 - 1, rng.randrange(2**32)))
        b[offset : offset + size] = (value % 2 ** (8 * size)).to_bytes(size, "big")
    elif op == "wal-garbage":
        side["-wal"] = rng.choice((b"", rng.randbytes(rng.choice((10, 32, 4096 + 24, 100_000))), bytes(4096 + 56)))
    elif op in ("wal-flip", "wal-truncate"):
        base = wal if wal is not None else ctx.cached("db-bases", lambda: _db_bases(ctx.run_dir))["wal"][1]
        w = bytearray(base)
        if op == "wal-flip":
            for _ in range(rng.choice((1, 4, 16))):
                i = rng.randrange(len(w))
                w[i] ^= 1 << rng.randrange(8)
        else:
            del w[rng.randint(0, len(w)) :]
        side["-wal"] = bytes(w)
    elif op == "shm-garbage":
        side["-shm"] = rng.randbytes(rng.choice((8, 32768)))
    elif op == "journal-garbage":
        side["-journal"] = rng.choice((rng.randbytes(4096), bytes.fromhex("d9d505f920a163d7") + rng.randbytes(4088)))
    elif op == "rows":
        side["rows"] = rng.choice((
            "UPDATE sessions SET painmap = 'not json' WHERE id = 1",
            "UPDATE sessions SET candidates = '[' || candidates WHERE id = 2",
            "UPDATE sessions SET routine = '{\"format\": 1}' WHERE id = 3",
            "UPDATE sessions SET run_log = 'nul' WHERE id = 4",
            "UPDATE sessions SET note = CAST(x'ff00fe' AS TEXT) WHERE id = 5",
            "UPDATE sessions SET created_at = 'yesterday' WHERE id = 6",
            "UPDATE sessions SET pain_before = 99, pain_after = -5, pain_extent = 7.5 WHERE id = 7",
            "UPDATE sessions SET top1 = x'00ff' WHERE id = 8",
            "UPDATE people SET label = 'Anna' || char(10) || 'Ben' WHERE id = 1",
            "UPDATE people SET label = CAST(x'c328' AS TEXT) WHERE id = 2",
            "UPDATE people SET label = '' WHERE id = 1",
            "INSERT INTO people (label, folded) VALUES (char(0) || 'x', char(0) || 'x')",
            "UPDATE sessions SET person_id = 999 WHERE id = 9",
            "UPDATE sessions SET painmap = '[' || replace(hex(zeroblob(3000)), '0', '[') WHERE id = 10",
            "UPDATE sessions SET painmap = 1e999 WHERE id = 11",
            "DROP TABLE people",
            "DROP TABLE sessions",
            "DELETE FROM sqlite_sequence",
            "CREATE TABLE extra (x)",
        ))  # fmt: skip
    return bytes(b), side


def gen_db(rng, case_dir: Path, ctx: Context, names: list) -> dict:
    bases = ctx.cached("db-bases", lambda: _db_bases(ctx.run_dir))
    base = rng.choices(sorted(bases), [{"full": 6, "wal": 3, "new": 1, "foreign": 1, "rollback": 2, "zero": 0.5}[k] for k in sorted(bases)])[0]
    names.append(f"base:{base}")
    data, wal = bases[base]
    path = case_dir / "sessions.sqlite3"
    sides = {"-wal": wal} if wal is not None else {}
    rows = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        data, side = _db_mutation(rng, data, wal, ctx, names)
        if "rows" in side:
            rows.append(side.pop("rows"))
        sides.update(side)
    r = rng.random()
    if r < 0.03:
        path.mkdir()
        names.append("db-is-a-folder")
    elif r < 0.05:
        path.write_bytes(data)
        make_special_file(rng, path.with_name(path.name + rng.choice(("", "-wal"))), 1 << 28, names)
        sides.pop("-wal", None)
        rows = []
    elif r < 0.06 and "-wal" in sides:
        names.append("db-missing-wal-present")
    else:
        path.write_bytes(data)
    for suffix, content in sides.items():
        path.with_name(path.name + suffix).write_bytes(content)
    if rows and path.is_file():
        conn = sqlite3.connect(path, isolation_level=None)
        try:  # damage the content through SQLite itself, before the case starts
            conn.execute("PRAGMA ignore_check_constraints = ON")
            for sql in rows:
                conn.execute(sql)
        except (sqlite3.Error, UnicodeDecodeError):  # (SQLite may quote a damaged schema in bytes that are not UTF-8)
            names.append("rows-not-applied")
        finally:
            conn.close()  # now, not when garbage collection gets to it during the case
    return {"runner": "db", "path": str(path)}


# =============================================================================================== target: cli

JUNK_ARGS = [
    "", " ", "-", "--", "-x", "x", "x" * 10_000, "ünïcödé", "名前", "\udcff\udcfe", "\t\n", "None", "0", "-1", "1e999",
    "nan", "../../etc/passwd", "%s%n", "'\"", "$(echo hi)", "*", "~", "=", "--=", "-=x", "@file", "\u202e", "\ufeff",
    "posterior:", ":", ",", "posterior:1,", "9" * 400,
]  # fmt: skip


def _cli_table() -> dict:
    from hipmap.__main__ import _build_parser

    parser = _build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    table = {}
    for name, subparser in sub.choices.items():
        if name == "bench":  # slow by design: it measures
            continue
        options, positionals = [], []
        for action in subparser._actions:
            if isinstance(action, argparse._HelpAction):
                options.append((action.option_strings, 0, None, "help"))
            elif action.option_strings:
                options.append((action.option_strings, action.nargs, action.choices, action.dest))
            else:
                positionals.append((action.dest, action.choices))
        table[name] = (options, positionals)
    return table


def _cli_paths(rng, case_dir: Path, ctx: Context, names: list) -> dict:
    """Files the arguments may name, made on demand."""
    made: dict = {}

    def painmap(kind):
        if ("painmap", kind) not in made:
            path = case_dir / f"{kind}.hipmap.json"
            if kind == "good":
                path.write_text(json.dumps(rng.choice(ctx.cached("painmap-seeds", _painmap_seeds))))
            else:
                gen_json_file(rng, path, ctx.cached("painmap-seeds", _painmap_seeds), ctx, names, (m_geometry_special, m_painmap_special))
            made[("painmap", kind)] = path
        return made[("painmap", kind)]

    def data_dirs(kind):
        if ("data", kind) not in made:
            sub = case_dir / kind
            sub.mkdir()
            d, a = ctx.fresh_copy(sub)
            if kind == "broken":
                files = ctx.yaml_files()
                target = d / rng.choice(files)
                target.write_bytes(apply_mutators(rng, target.read_bytes(), ctx, YAML_MUTATORS, names))
            made[("data", kind)] = (d, a)
        return made[("data", kind)]

    return {"painmap": painmap, "data": data_dirs}


def _cli_value(rng, dest, choices, paths, case_dir: Path) -> str:
    from hipmap.core.content.vocabulary import MUSCLE_IDS, REGION_IDS, VIEW_IDS

    if rng.random() < 0.15:
        return rng.choice(JUNK_ARGS)
    if choices and rng.random() < 0.8:
        return rng.choice(sorted(choices))
    if dest == "region":
        return rng.choice(REGION_IDS)
    if dest == "select":
        return rng.choice(MUSCLE_IDS)
    if dest == "point":
        view = rng.choice(VIEW_IDS + ("top", "Posterior", ""))
        x = rng.choice(("380", "205", "0", "-5", "380.5", "1" * 30, "9" * 400, "1e3", "0.0000001", ".5", "-0"))
        y = rng.choice(("290", "262", "999", "1000000", "9" * 400, "nan", "300"))
        return rng.choice((f"{view}:{x},{y}", f"{view}:{x}", f"{view}:{x},{y},1", f" {view}:{x},{y} ", f"{view}:{x};{y}"))
    if dest == "top":
        return rng.choice(("1", "3", "0", "-1", "100000", "9" * 30, "9" * 5000, "1.5", "1e3", " 2", "٣"))
    if dest == "size":
        return rng.choice(("1360x880", "10x10", "99x99999", "0x0", "1360X880", "1360x", "x880", "99999x99999", "1360 x 880"))
    if dest == "painmap":
        kind = rng.choice(("good", "broken", "broken", "missing", "folder", "empty", "devnull"))
        if kind in ("good", "broken"):
            return str(paths["painmap"](kind))
        if kind == "folder":
            (case_dir / "a-folder").mkdir(exist_ok=True)
            return "a-folder"
        if kind == "empty":
            (case_dir / "empty.json").touch()
            return "empty.json"
        return {"missing": "missing.hipmap.json", "devnull": "/dev/null"}[kind]
    if dest in ("data", "assets"):
        kind = rng.choice(("good", "broken", "missing", "file", "empty"))
        if kind in ("good", "broken"):
            return str(paths["data"](kind)[0 if dest == "data" else 1])
        if kind == "empty":
            (case_dir / "empty-folder").mkdir(exist_ok=True)
            return "empty-folder"
        if kind == "file":
            (case_dir / "a-file").write_text("x")
            return "a-file"
        return "no-such-folder"
    if dest == "out":
        return rng.choice(("out.png", "out.pdf", "no-folder/out.png", "", ".", "/", "a-folder", "out\udcff.pdf", "-"))
    return rng.choice(JUNK_ARGS)


def gen_cli(rng, case_dir: Path, ctx: Context, names: list) -> dict:
    table = ctx.cached("cli-table", _cli_table)
    paths = _cli_paths(rng, case_dir, ctx, names)
    r = rng.random()
    if r < 0.04:
        argv = [rng.choice(("-h", "--help", "--version"))]
        names.append("top-level-option")
        return {"runner": "cli", "argv": argv, "cwd": str(case_dir), "command": "top"}
    if r < 0.08:
        word = rng.choice(JUNK_ARGS + ["bench-not", "matc", "MATCH", "help", "gui"])
        argv = [word if not word.startswith("-") else "x" + word] + [rng.choice(JUNK_ARGS) for _ in range(rng.randint(0, 2))]
        names.append("unknown-command")
        return {"runner": "cli", "argv": argv, "cwd": str(case_dir), "command": "junk"}
    command = rng.choice(sorted(table))
    names.append(f"command:{command}")
    options, positionals = table[command]
    argv = [command]
    for dest, choices in positionals:
        if rng.random() < 0.9:
            argv.append(_cli_value(rng, dest, choices, paths, case_dir))
    for _ in range(rng.choice((0, 1, 1, 2, 3, 4, 6))):
        r = rng.random()
        if r < 0.8:
            strings, nargs, choices, dest = rng.choice(options)
            if dest == "help" and rng.random() < 0.8:
                continue
            name = rng.choice(strings)
            if name.startswith("--") and rng.random() < 0.1:
                name = name[: rng.randint(3, len(name))]  # an abbreviation
            if nargs == 0:
                argv.append(name)
                continue
            value = _cli_value(rng, dest, choices, paths, case_dir)
            if rng.random() < 0.05:
                argv.append(name)  # its value missing
            elif rng.random() < 0.2 and name.startswith("--"):
                argv.append(f"{name}={value}")
            else:
                argv += [name, value]
        elif r < 0.9:
            argv.append("--" + rng.choice(("nope", "json=1", "side", "regions", "x" * 50, "")))
        else:
            argv.append(rng.choice(JUNK_ARGS))
    if rng.random() < 0.1 and len(argv) > 2:
        tail = argv[1:]
        rng.shuffle(tail)
        argv = [argv[0], *tail]
    return {"runner": "cli", "argv": argv, "cwd": str(case_dir), "command": command}


# =============================================================================================== target: settings

SETTING_KEYS = ("tools/brush", "tools/intensity", "view/tab", "view/layout", "view/high_contrast", "window/geometry",
                "window/splitter", "files/recent", "safety/screened_at", "safety/may_self_treat", "player/sound",
                "player/speech", "player/volume", "store/person", "store/path", "ui/language")  # fmt: skip
SETTING_VALUES = (
    "abc", "5.5", "-1", "0", "1", "4", "40", "41", "10", "11", "3", "99999999999999999999999999", "-99999999999999999999",
    "1e999", "nan", "inf", "0x10", " 7 ", "true", "false", "TRUE", "yes", "no", "maybe", "", "side", "tabs", "es", "en",
    "xx", "@Rect(1 2 3 4)", "@Size(1 2)", "@Point(1 2)", "@ByteArray(\\xff\\0)", "@ByteArray()", "@Invalid()",
    "@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\nQByteArray\\0)", "@Variant(\\0\\0\\0\\x2)", "@DateTime(x)",
    "a, b, c", "\"quoted, text\"", "\"a\\tb\"", "\\x0", "ünïcödé", "x" * 5000, "2026-01-01", "2026-01-01T00:00:00+00:00",
    "9999-12-31T23:59:59+14:00", "/tmp", "/dev/zero", "\\0",
)  # fmt: skip


def gen_settings(rng, case_dir: Path, ctx: Context, names: list) -> dict:
    groups: dict = {}
    for key in rng.sample(SETTING_KEYS, rng.randint(1, len(SETTING_KEYS))):
        group, name = key.split("/")
        value = rng.choice(SETTING_VALUES) if rng.random() < 0.9 else rand_text(rng).replace("\n", " ")
        groups.setdefault(group, []).append(f"{name}={value}")
        names.append(f"setting:{key}")
    text = "".join(f"[{group}]\n" + "".join(line + "\n" for line in lines) for group, lines in groups.items())
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.25:
        data = apply_mutators(rng, data, ctx, BYTE_MUTATORS, names)
    path = case_dir / "hipmap.conf"
    path.write_bytes(data)
    return {"runner": "settings", "path": str(path), "keys": list(SETTING_KEYS), "scratch": str(case_dir.parent / "scratch")}


# =============================================================================================== target: history

HISTORY_COLUMNS = {  # column -> values hipmap never writes there but SQLite's column checks let through
    "created_at": ("'2023-02f25T16:23:00'", "'2026-13-45T99:99:99Z'", "20230225", "x'fffe'", "CAST(x'c328' AS TEXT)",
                   "''", "'2026-01-01T00:00:00'", "'2026-01-01T00:00:00+02:00'", "1e999", "'0001-01-01T00:00:00Z'"),
    "pain_before": ("5.5", "'7'", "x'05'", "'abc'", "-0.0", "10.0"),
    "pain_after": ("5.5", "'3'", "x'03'", "0.5"),
    "pain_extent": ("'0.5'", "x'00'", "1", "0", "'abc'"),
    "top1": ("x'fffe'", "CAST(x'fffe' AS TEXT)", "5", "''", "' '", "char(0)", "1.5"),
    "top2": ("x'00'", "CAST(x'ff' AS TEXT)", "-1"),
    "top3": ("x'fffe'", "7"),
    "has_routine": ("'yes'", "2", "-1", "0.5", "x'01'"),
    "skipped_steps": ("-3", "'2'", "1.5", "x'02'", "9223372036854775807"),
    "note": ("x'00ff'", "CAST(x'fffe' AS TEXT)", "5", "1.5", "'" + "n" * 20000 + "'"),
    "painmap": ("'{}'", "'[]'", "'not json'", "x'7b7d'", "'{\"format\":\"hipmap.painmap\",\"version\":1,\"marks\":"
                "[{\"view\":\"posterior\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]}}]}'",
                "'{\"format\":\"hipmap.painmap\",\"version\":1,\"marks\":[{\"view\":\"posterior\",\"geometry\":"
                "{\"type\":\"Polygon\",\"coordinates\":[[[1,1],[2,2],[3,3],[1,1]]]}}]}'", "5"),
    "candidates": ("'{\"a\": 1}'", "'[{\"id\": 3}]'", "'[1]'", "'null'", "x'5b5d'", "'[{\"id\":\"x\",\"name\":\"y\",\"side\":\"up\",\"score\":2}]'"),
    "routine": ("'{}'", "'[]'", "'{\"format\": 1}'", "x'7b7d'", "'null'"),
    "run_log": ("'[1, 2]'", "'{\"steps\": 5}'", "'{}'", "'null'", "x'7b7d'", "'{\"steps\":[{\"status\":\"done\"}]}'"),
}
PEOPLE_VALUES = ("x'fffe'", "CAST(x'fffe' AS TEXT)", "5", "'a' || char(10) || 'b'", "char(0)", "1.5")


def _history_base(run_dir: Path) -> bytes:
    from hipmap.core.pain.painmap import PainMap, click_mark, to_json_dict
    from hipmap.core.store.database import Store
    from hipmap.core.store.synthetic import synthetic_sessions

    folder = run_dir / "history-base"
    folder.mkdir()
    path = folder / "sessions.sqlite3"
    painmap = to_json_dict(PainMap((click_mark("posterior", 300, 400),)))
    with Store.open(path) as store:
        store.save_many([s.__class__(**{**s.__dict__, "painmap": painmap}) for s in synthetic_sessions(6, seed=3)])
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # one file to copy
    conn.close()
    return path.read_bytes()


def gen_history(rng, case_dir: Path, ctx: Context, names: list) -> dict:
    base = ctx.cached("history-base", lambda: _history_base(ctx.run_dir))
    path = case_dir / "sessions.sqlite3"
    path.write_bytes(base)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        for _ in range(rng.choice((1, 1, 2, 3))):
            if rng.random() < 0.1:
                value = rng.choice(PEOPLE_VALUES)
                names.append("people:label")
                sql = f"UPDATE people SET label = {value} WHERE id = {rng.randint(1, 3)}"
            else:
                column = rng.choice(sorted(HISTORY_COLUMNS))
                names.append(f"column:{column}")
                sql = f"UPDATE sessions SET {column} = {rng.choice(HISTORY_COLUMNS[column])} WHERE id = {rng.randint(1, 6)}"
            try:
                conn.execute(sql)
            except sqlite3.IntegrityError:  # NOT NULL still holds
                names.append("not-applied")
    finally:
        conn.close()
    return {"runner": "history", "path": str(path), "scratch": str(case_dir.parent / "scratch")}


GENERATORS = {"yaml": gen_yaml, "svg": gen_svg, "painmap": gen_painmap, "routine": gen_routine, "db": gen_db, "cli": gen_cli,
              "settings": gen_settings, "history": gen_history}  # fmt: skip


# =============================================================================================== the run


@dataclass
class Stats:
    cases: int = 0
    outcomes: Counter = field(default_factory=Counter)  # "accepted", "refused: DataError", ...
    categories: Counter = field(default_factory=Counter)
    mutations: Counter = field(default_factory=Counter)
    failures: list = field(default_factory=list)
    max_seconds: float = 0.0
    max_case: int = -1
    total_seconds: float = 0.0
    subprocess_runs: int = 0
    elapsed: float = 0.0

    def as_dict(self) -> dict:
        return {
            "cases": self.cases, "outcomes": dict(self.outcomes.most_common()), "failures": len(self.failures),
            "failed_cases": self.failures, "max_case_seconds": round(self.max_seconds, 4), "slowest_case": self.max_case,
            "mean_case_seconds": round(self.total_seconds / self.cases, 4) if self.cases else 0.0,
            "subprocess_runs": self.subprocess_runs, "elapsed_seconds": round(self.elapsed, 1),
            "top_errors": dict(self.categories.most_common(12)), "mutations": dict(self.mutations.most_common()),
        }  # fmt: skip


def _category(text: str, case_dir: Path) -> str:
    text = text.replace(str(case_dir), "<case>")
    text = re.sub(r"'[^']*'|\"[^\"]*\"|“[^”]*”", "…", text)
    text = re.sub(r"\d+(\.\d+)?", "N", text)
    return text.strip()[:90]


def _cli_in_subprocess(request: dict, worker: Worker, timeout: float) -> dict:
    argv = [os.fsencode(a) for a in request["argv"]]
    env = worker.env()
    env.pop("HIPMAP_DATA_DIR", None)
    env["HIPMAP_DATA_DIR"] = str(worker.tmp / "app-data")
    try:
        done = subprocess.run([sys.executable, "-m", "hipmap", *argv], cwd=request["cwd"], env=env, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"failure": f"python -m hipmap took over {timeout:g} s"}
    stderr = done.stderr.decode("utf-8", "replace")
    return {"code": done.returncode, "stderr": stderr[-3000:], "traceback": "Traceback" in stderr}


def run_case(target: str, index: int, ctx: Context, worker: Worker, opts: dict) -> tuple[dict, dict, list, Path]:
    """Make and run one case; returns (request, result, reasons it failed, case folder)."""
    case_dir = worker.case
    shutil.rmtree(case_dir, ignore_errors=True)
    case_dir.mkdir()
    rng = random.Random(f"{opts['seed']}/{target}/{index}")
    names: list = []
    try:
        request = GENERATORS[target](rng, case_dir, ctx, names)
    except Exception:  # noqa: BLE001  (a bug of this tool: report it, and go on with the next case)
        request = {"runner": "none", "mutations": names}
        return request, {"outcome": "tool", "traceback": traceback.format_exc()}, ["fuzz tool: could not make the case"], case_dir
    request["mutations"] = names
    before = snapshot(case_dir)
    result = worker.run(request, opts["case_timeout"])
    reasons = []
    if result["outcome"] in ("hang", "crash", "exception", "bad"):
        reasons.append(f"{result['outcome']}: {result.get('reason', '')}")
    sub = None
    if target == "cli" and opts["subprocess_every"] and index % opts["subprocess_every"] == 0 and not result.get("stubbed") \
            and result["outcome"] in ("accepted", "refused"):  # fmt: skip
        sub = _cli_in_subprocess(request, worker, opts["case_timeout"] + 60)
        result["subprocess"] = sub
        if "failure" in sub:
            reasons.append(f"subprocess: {sub['failure']}")
        elif sub["traceback"]:
            reasons.append("subprocess: a traceback on stderr")
        elif sub["code"] != result.get("code"):
            reasons.append(f"subprocess: exit status {sub['code']}, in-process {result.get('code')}")
    after = snapshot(case_dir)
    changed = changes(before, after)
    # The worker's temporary and working folders start each case empty and must end it so (a reader may use a
    # temporary folder, as Store.open does for a database with a -wal, but must remove it).
    changed += [f"left {p}" for folder in (worker.tmp, worker.cwd) for p in sorted(folder.iterdir())]
    if target == "db" and (result["outcome"] == "accepted" or result.get("stage") == "read"):
        # Accepted for use: the database may be written (migrated, WAL checkpointed), but nothing may be left beside it.
        db = Path(request["path"])
        left = [f"left {db.name}{s}" for s in ("-wal", "-shm", "-journal") if Path(f"{db}{s}").exists() and f"{db}{s}" not in before]
        changed = [c for c in changed if not c.endswith((str(db), f"{db}-wal", f"{db}-shm", f"{db}-journal", str(case_dir)))] + left
    if target == "db":
        # A damage only a writable connection sees (a CHECK naming a missing column) is found by the real open,
        # after SQLite has made its -wal and -shm: the file keeps its bytes and time and nothing is left beside
        # it, which is the promise; the folder's own time still changes.
        changed = [c for c in changed if c != f"changed {case_dir}"]
    if changed:
        reasons.append("wrote: " + "; ".join(changed[:5]) + (f" (and {len(changed) - 5} more)" if len(changed) > 5 else ""))
    for folder in (worker.tmp, worker.cwd):  # leave them empty for the next case, whatever happened
        for child in folder.iterdir():
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    return request, result, reasons, case_dir


def _save_failure(target, index, request, result, reasons, case_dir: Path, opts) -> Path:
    folder = Path(opts["failures"]) / f"{target}-seed{opts['seed']}-case{index}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copytree(case_dir, folder / "input", symlinks=True)
    report = {
        "target": target, "case": index, "seed": opts["seed"], "reasons": reasons,
        "replay": f"python tools/fuzz.py --target {target} --seed {opts['seed']} --case {index}",
        "request": request, "result": result,
    }  # fmt: skip
    (folder / "failure.json").write_text(json.dumps(report, indent=2, ensure_ascii=True) + "\n")
    return folder


def _run_target(target: str, ctx: Context, worker: Worker, opts: dict, budget: float | None, cases: int | None,
                only_case: int | None, report: dict, progress) -> Stats:  # fmt: skip
    stats = Stats()
    t0 = time.perf_counter()
    for index in [only_case] if only_case is not None else range(10**12):
        if only_case is None:
            if cases is not None and index >= cases:
                break
            if budget is not None and time.perf_counter() - t0 >= budget:
                break
        request, result, reasons, case_dir = run_case(target, index, ctx, worker, opts)
        stats.cases += 1
        stats.total_seconds += result.get("seconds", 0.0)
        if result.get("seconds", 0.0) > stats.max_seconds:
            stats.max_seconds, stats.max_case = result["seconds"], index
        stats.mutations.update(m.split(":")[0] if m.startswith(("file:", "command:", "base:")) else m for m in request["mutations"])
        stats.subprocess_runs += "subprocess" in result
        if reasons:
            stats.outcomes["FAILED"] += 1
            saved = _save_failure(target, index, request, result, reasons, case_dir, opts)
            stats.failures.append({"case": index, "reasons": reasons, "saved": str(saved)})
            if progress:
                progress(f"  FAILED {target} case {index}: {reasons[0][:200]} (saved in {saved})")
        elif result["outcome"] == "accepted":
            stats.outcomes["accepted"] += 1
        else:
            stats.outcomes[f"refused: {result['kind']}"] += 1
            stats.categories[_category(result.get("category") or result.get("message", ""), case_dir)] += 1
        if only_case is not None:
            report["case"] = {"request": request, "result": result, "reasons": reasons, "dir": str(case_dir)}
    stats.elapsed = time.perf_counter() - t0
    if progress:
        progress(_summary_line(target, stats.as_dict()))
    return stats


def run(targets=TARGETS, seconds: float | None = DEFAULT_SECONDS, cases: int | dict | None = None, seed: int = 1,
        case_timeout: float = DEFAULT_CASE_TIMEOUT, failures: Path | str = "fuzz-failures",
        subprocess_every: int = DEFAULT_SUBPROCESS_EVERY, progress=None, only_case: int | None = None,
        jobs: int = 1) -> dict:  # fmt: skip
    """Fuzz the targets; returns the report (see --json).

    ``seconds`` is the whole budget (wall time), shared by the targets; or ``cases`` per target (an int, or a dict
    target -> int). ``jobs`` workers run targets side by side (a target always runs in one worker, in order)."""
    from concurrent.futures import ThreadPoolExecutor
    from queue import Queue

    from hipmap import default_assets_dir, default_data_dir

    opts = {"seed": seed, "case_timeout": case_timeout, "failures": failures, "subprocess_every": subprocess_every}
    shipped = snapshot(default_data_dir(), default_assets_dir())
    run_dir = Path(tempfile.mkdtemp(prefix="hipmap-fuzz-"))
    started = time.perf_counter()
    report: dict = {"seed": seed, "targets": {}, "case_timeout_s": case_timeout, "jobs": jobs}
    jobs = max(1, min(jobs, len(targets)))
    workers = [Worker(run_dir / f"worker-{k}") for k in range(jobs)]
    idle: Queue = Queue()
    for worker in workers:
        idle.put(worker)
    budget = None if seconds is None else seconds * jobs / len(targets)

    def one(target):
        worker = idle.get()
        try:
            count = cases.get(target) if isinstance(cases, dict) else cases
            return _run_target(target, ctx, worker, opts, budget, count, only_case, report, progress)
        finally:
            idle.put(worker)

    try:
        ctx = Context(run_dir, seed)
        with ThreadPoolExecutor(jobs) as pool:
            done = dict(zip(targets, pool.map(one, targets)))
        report["targets"] = {t: done[t].as_dict() for t in targets}
        report["worker_starts"] = sum(w.starts for w in workers)
    finally:
        for worker in workers:
            worker.stop()
        if only_case is None:
            shutil.rmtree(run_dir, ignore_errors=True)
    changed = changes(shipped, snapshot(default_data_dir(), default_assets_dir()))
    report["shipped_data_changed"] = changed
    report["elapsed_seconds"] = round(time.perf_counter() - started, 1)
    report["cases"] = sum(t["cases"] for t in report["targets"].values())
    report["failures"] = sum(t["failures"] for t in report["targets"].values()) + (1 if changed else 0)
    return report


def _summary_line(target: str, t: dict) -> str:
    refused = ", ".join(f"{k.split(': ', 1)[1]} {v}" for k, v in t["outcomes"].items() if k.startswith("refused"))
    return (f"{target:<8} {t['cases']:>7} cases in {t['elapsed_seconds']:>6.1f} s   accepted {t['outcomes'].get('accepted', 0):>6}"
            f"   refused: {refused or '-'}   failures {t['failures']}   max {t['max_case_seconds']:.3f} s/case"
            f" (case {t['slowest_case']})")  # fmt: skip


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=None, help=f"total time budget, shared by the targets (default {DEFAULT_SECONDS:g})")
    parser.add_argument("--cases", type=int, help="a fixed number of cases per target instead of a time budget")
    parser.add_argument("--target", choices=(*TARGETS, "all"), action="append", dest="targets", help="repeatable (default: all)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--case", type=int, help="replay one case (needs one --target) and print it in full")
    parser.add_argument("--case-timeout", type=float, default=DEFAULT_CASE_TIMEOUT, help="seconds before a case counts as a hang")
    parser.add_argument("--subprocess-every", type=int, default=DEFAULT_SUBPROCESS_EVERY,
                        help="run every Nth CLI case in a real process too (0: never)")  # fmt: skip
    parser.add_argument("--failures", default="fuzz-failures", help="folder for the inputs of failed cases")
    parser.add_argument("--jobs", type=int, default=1, help="workers running targets side by side (default 1)")
    parser.add_argument("--json", metavar="FILE", help="also write the report as JSON")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return _worker_main()
    chosen = args.targets or ["all"]
    targets = TARGETS if "all" in chosen else tuple(dict.fromkeys(chosen))
    if args.case is not None and len(targets) != 1:
        parser.error("--case needs exactly one --target")
    seconds = None if args.cases is not None or args.case is not None else (args.seconds or DEFAULT_SECONDS)
    print(f"hipmap fuzz: seed {args.seed}, targets {', '.join(targets)}, "
          + (f"{args.cases} cases each" if args.cases is not None else f"{seconds:g} s in all" if seconds else f"case {args.case}")
          + f", case time limit {args.case_timeout:g} s", flush=True)  # fmt: skip
    report = run(targets, seconds, args.cases, args.seed, args.case_timeout, args.failures, args.subprocess_every,
                 progress=lambda line: print(line, flush=True), only_case=args.case, jobs=args.jobs)  # fmt: skip
    if args.case is not None:
        print(json.dumps(report["case"], indent=2, ensure_ascii=True)[:20_000])
    if report["shipped_data_changed"]:
        print("FAILED: the shipped data/ or assets/ changed: " + "; ".join(report["shipped_data_changed"][:5]))
    print(f"total: {report['cases']} cases in {report['elapsed_seconds']} s, {report['failures']} failures, "
          f"worker started {report.get('worker_starts', 0)} time(s)")  # fmt: skip
    for target, t in report["targets"].items():
        if t["top_errors"]:
            print(f"{target}: most common refusals: " + "; ".join(f"{v}x {k}" for k, v in list(t["top_errors"].items())[:5]))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=True) + "\n")
    return 1 if report["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
