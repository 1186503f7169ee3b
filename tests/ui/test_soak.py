"""A short soak: the real window through a few hundred random user actions (the long run: tools/soak.py)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_short_soak_passes_every_check(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "soak.py"), "--actions", "400", "--seed", "7", "--json"],
                         capture_output=True, text=True, env=env, timeout=180, cwd=tmp_path)  # fmt: skip
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert "Traceback" not in out.stderr
    report = json.loads(out.stdout[out.stdout.index("{"):])
    assert report["ok"] and report["actions"] == 400
    assert report["rss_growth_mb"] < report["rss_limit_mb"] == 20.0  # measured here too; the long run is the real check
