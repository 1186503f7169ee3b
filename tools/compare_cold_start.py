#!/usr/bin/env python3
"""A cold first start of two hipmap checkouts, timed the same way from outside the process, run alternately.

    git worktree add --detach /work/wt-old 76a69b2          # the code before the warm-start work (issue 14)
    QT_QPA_PLATFORM=offscreen python tools/compare_cold_start.py --old /work/wt-old --new . --runs 15 [--json]
    git worktree remove /work/wt-old

A cold start: no warm-start cache (an empty $HIPMAP_CACHE_DIR, as on a first start; --no-cache sets
HIPMAP_NO_CACHE=1 instead, which also skips hashing the files) and a fresh HOME, XDG folders and $HIPMAP_DATA_DIR for
every run, so no settings, autosave or history either. Each run is one whole process running the checkout's own
``hipmap.ui.app.main([])`` (PYTHONPATH=<checkout>); a small hook added before main() only watches:

- ``first``: process start -> the window's first frame painted (the FirstFrame's ``painted`` signal, emitted at the
  end of its first paint; both versions have it);
- ``attached``: -> ``MainWindow.attach`` returned (the atlas loaded, the diagrams and the list made);
- ``ready``: -> ready for marking: the document's matcher built and the event loop free again (a click on a diagram
  would now be drawn and ranked at once). Both versions build the matcher in a zero timer after attach();
- ``exit``: -> the process has quit (app.quit() at ``ready``) and been reaped: its whole wall time;
- ``cpu``: the process' user+system CPU time, all threads, to its exit (from wait4), and ``cpu_ready`` at ready
  (time.process_time in the process);
- ``peak_rss``: its peak resident memory (ru_maxrss from wait4), and ``rss_ready`` at ready.

"Process start" is the parent's CLOCK_MONOTONIC reading just before it spawns the child (the child's stamps use the
same system-wide clock), so the interpreter's own start-up is counted. Bytecode is compiled once for both (one
untimed run each, into a private PYTHONPYCACHEPREFIX), as an installed app has it. Runs alternate old/new, the order
flipped every pair (ABBA), and each pair gives a new/old ratio: the table shows medians and the median of the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Runs inside the measured process. Works with both layouts (MainWindow in hipmap.ui.app, old and new).
_HOOK = r"""
import sys, time, json
T = {}
def stamp(name):
    if name not in T:
        T[name] = time.monotonic()
        T["cpu_" + name] = time.process_time()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import hipmap.ui.app as hipmap_app

Window = hipmap_app.MainWindow
original_show, original_attach = Window.show, Window.attach

def rss_mb():
    import os
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

def ready():
    stamp("ready")
    T["rss_ready"] = rss_mb()
    T["modules"] = len(sys.modules)
    T["app"] = hipmap_app.__file__
    print("HOOK " + json.dumps(T), flush=True)
    QApplication.instance().quit()

def show(self):
    if not hasattr(self, "_hook_first"):
        self._hook_first = True
        self.first_frame.painted.connect(lambda: stamp("first"))
    return original_show(self)

def attach(self, *args, **kwargs):
    result = original_attach(self, *args, **kwargs)
    stamp("attached")
    kind = type(self.document)
    if not getattr(kind, "_hooked", False):
        prop = kind.matcher
        def matcher(doc):
            was = doc._matcher
            found = prop.fget(doc)
            if was is None and found is not None:
                stamp("matcher")
                QTimer.singleShot(0, ready)  # once the turn that built it (and whatever shares it) is over
            return found
        kind.matcher = property(matcher)
        kind._hooked = True
    if self.document._matcher is not None:  # a warm start: built already
        stamp("matcher")
        QTimer.singleShot(0, ready)
    return result

Window.show, Window.attach = show, attach
sys.exit(hipmap_app.main([]))
"""

KEYS = ("first", "attached", "ready", "exit")


def run_once(python: str, checkout: Path, tmp: Path, pycache: Path, no_cache: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HIPMAP_", "XDG_"))}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    home = Path(tempfile.mkdtemp(dir=tmp))
    for name in ("home", "config", "cache", "share", "data", "hipmap-cache"):
        (home / name).mkdir()
    env.update(
        PYTHONPATH=str(checkout), PYTHONPYCACHEPREFIX=str(pycache), QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
        HOME=str(home / "home"), XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
        XDG_DATA_HOME=str(home / "share"), HIPMAP_DATA_DIR=str(home / "data"), HIPMAP_CACHE_DIR=str(home / "hipmap-cache"),
    )  # fmt: skip
    if no_cache:
        env["HIPMAP_NO_CACHE"] = "1"
    out_file, err_file = home / "stdout", home / "stderr"
    with open(out_file, "wb") as out, open(err_file, "wb") as err:
        start = time.monotonic()
        child = subprocess.Popen([python, "-c", _HOOK], cwd=str(home), env=env, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(child.pid, 0)  # reaped here, with its CPU time and peak memory
        end = time.monotonic()
    child.returncode = os.waitstatus_to_exitcode(status)
    out, err = out_file.read_bytes(), err_file.read_bytes()
    line = next((l for l in out.decode().splitlines() if l.startswith("HOOK ")), None)
    if line is None or child.returncode != 0:
        raise RuntimeError(f"{checkout}: exit {child.returncode}\n{out.decode()}\n{err.decode()}")
    stamps = json.loads(line[5:])
    if not Path(stamps["app"]).resolve().is_relative_to(checkout):
        raise RuntimeError(f"hipmap was imported from {stamps['app']}, not from {checkout}")
    result = {k: (stamps[k] - start) * 1000 for k in ("first", "attached", "matcher", "ready") if k in stamps}
    result["exit"] = (end - start) * 1000
    result.update({k: stamps[k] * 1000 for k in ("cpu_first", "cpu_attached", "cpu_matcher", "cpu_ready")})
    result["rss_ready"] = stamps["rss_ready"]
    result["cpu"] = (usage.ru_utime + usage.ru_stime) * 1000
    result["peak_rss"] = usage.ru_maxrss / 1024
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", type=Path, required=True, help="the checkout to compare against")
    parser.add_argument("--new", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--runs", type=int, default=15, help="runs of each (alternately)")
    parser.add_argument("--no-cache", action="store_true", help="HIPMAP_NO_CACHE=1 instead of an empty cache folder")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sides = {"old": args.old.resolve(), "new": args.new.resolve()}
    samples = {side: [] for side in sides}
    with tempfile.TemporaryDirectory(prefix="hipmap-cold-") as tmp:
        tmp = Path(tmp)
        pycache = tmp / "pycache"
        for side, checkout in sides.items():  # untimed: compiles the bytecode
            run_once(args.python, checkout, tmp, pycache, args.no_cache)
        for i in range(args.runs):
            order = ("old", "new") if i % 2 == 0 else ("new", "old")
            for side in order:
                samples[side].append(run_once(args.python, sides[side], tmp, pycache, args.no_cache))
            if not args.json:
                o, n = samples["old"][-1], samples["new"][-1]
                print(f"pair {i + 1:2d}: ready old {o['ready']:7.1f} new {n['ready']:7.1f} ms  ratio {n['ready'] / o['ready']:.3f}", file=sys.stderr)
    report = summarize(samples)
    report["checkouts"] = {side: str(path) for side, path in sides.items()}
    report["cold"] = "HIPMAP_NO_CACHE=1" if args.no_cache else "empty HIPMAP_CACHE_DIR"
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    return 0


MEASURES = ("first", "attached", "ready", "exit", "cpu_first", "cpu_attached", "cpu_matcher", "cpu_ready", "cpu", "rss_ready", "peak_rss")


def summarize(samples: dict) -> dict:
    pairs = list(zip(samples["old"], samples["new"]))
    report = {"runs": len(pairs), "measures": {}}
    for key in MEASURES:
        if not all(key in o and key in n for o, n in pairs):
            continue
        old = [o[key] for o, _ in pairs]
        new = [n[key] for _, n in pairs]
        ratios = [n[key] / o[key] for o, n in pairs]
        report["measures"][key] = {
            "old_median": round(statistics.median(old), 1), "new_median": round(statistics.median(new), 1),
            "ratio_of_medians": round(statistics.median(new) / statistics.median(old), 3),
            "median_pair_ratio": round(statistics.median(ratios), 3),
            "pair_ratio_range": [round(min(ratios), 3), round(max(ratios), 3)],
            "pairs_new_faster": sum(r < 1 for r in ratios),
        }  # fmt: skip
    return report


def print_table(report: dict):
    units = {"rss_ready": "MB", "peak_rss": "MB"}
    print(f"cold start ({report['cold']}), {report['runs']} runs each, alternately; process start -> ...")
    print(f"{'measure':<10} {'old':>9} {'new':>9}  {'new/old':>8}  {'median of pair ratios':>22}  {'new faster':>10}")
    for key, m in report["measures"].items():
        unit = units.get(key, "ms")
        low, high = m["pair_ratio_range"]
        print(f"{key:<10} {m['old_median']:>6.1f} {unit} {m['new_median']:>6.1f} {unit}  {m['ratio_of_medians']:>8.3f}  "
              f"{m['median_pair_ratio']:>6.3f} ({low:.2f}-{high:.2f})  {m['pairs_new_faster']:>4}/{report['runs']}")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
