"""Tools (screenshot, bench) leave the user's data and home folders as they found them."""


def test_screenshot_leaves_the_users_data_and_home_alone(tmp_path):
    import subprocess
    import sys

    from tests.user_data import make_user, snapshot

    env = make_user(tmp_path)
    out = tmp_path / "out" / "shot.png"
    out.parent.mkdir()
    before = snapshot(tmp_path)
    done = subprocess.run([sys.executable, "-m", "hipmap", "screenshot", str(out), "--size", "900x600", "--region", "lateral_hip"],
                          capture_output=True, text=True, timeout=300, env=env)  # fmt: skip
    assert done.returncode == 0, done.stderr
    after = snapshot(tmp_path)
    assert after.pop("out/shot.png") is False
    assert after == before  # the autosave, routines and history byte for byte; no hipmap-screenshot folder

