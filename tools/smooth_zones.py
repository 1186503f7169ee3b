#!/usr/bin/env python3
"""Smooth every muscle's zones and write them as data: data/zones/<muscle>.yaml.

    python tools/smooth_zones.py                 write every data/zones/*.yaml (about ten seconds)
    python tools/smooth_zones.py --check         each file was made from the sources there now (fast: compares sha256)
    python tools/smooth_zones.py --check --full  and holds what the smoothing makes of them today (recomputes)
    python tools/smooth_zones.py MUSCLE...       only these muscles

Zones are unions of regions, which meet in stair steps and square jogs; hipmap.core.geometry.shapes.smooth_pair
rounds them into the flowing shapes of the references. It takes seconds for the whole atlas, so it runs here, once,
and the loader reads the shapes (hipmap.core.content.smoothzones). Run it after editing a muscle's zones, the
regions or the view drawings: check-data says which file is stale.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hipmap import default_assets_dir, default_data_dir  # noqa: E402
from hipmap.core.content.atlas import load_atlas  # noqa: E402
from hipmap.core.content.problems import Collector  # noqa: E402
from hipmap.core.content.smoothzones import FOLDER, ZoneSmoothing, check_zone_files, read_polygons, read_zone_file, render_zone_file, zone_file  # noqa: E402

# Two smoothings of the same sources agree to this (square units): the file keeps four decimals.
SAME_AREA = 0.5


def smooth_all(data_dir: Path, assets_dir: Path, only=()) -> ZoneSmoothing:
    smoothing = ZoneSmoothing(live=True, only=only)
    load_atlas(data_dir, assets_dir, smoothing=smoothing)
    return smoothing


def write(data_dir: Path, assets_dir: Path, only=()) -> int:
    smoothing = smooth_all(data_dir, assets_dir, only)
    (data_dir / FOLDER).mkdir(parents=True, exist_ok=True)
    written = 0
    for muscle_id, (sources, zones) in sorted(smoothing.made.items()):
        if only and muscle_id not in only:
            continue
        zone_file(data_dir, muscle_id).write_text(render_zone_file(muscle_id, sources, zones), encoding="utf-8", newline="\n")
        written += 1
    print(f"wrote {written} files in {data_dir / FOLDER}")
    return 0


def check(data_dir: Path, assets_dir: Path, full: bool = False) -> int:
    col = Collector()
    atlas = load_atlas(data_dir, assets_dir)
    check_zone_files(col, atlas)
    problems = [str(p) for p in col.problems]
    if full and not problems:
        for muscle_id, (sources, zones) in sorted(smooth_all(data_dir, assets_dir).made.items()):
            found = read_zone_file(Collector(), zone_file(data_dir, muscle_id), sources)
            for kind, per_view in zones.items():
                for view_id, paths in per_view.items():
                    shape, kept = read_polygons(paths), found[kind].get(view_id)
                    if kept is None or kept.symmetric_difference(shape).area > SAME_AREA:
                        problems.append(f"{zone_file(data_dir, muscle_id)}:1: {kind} on {view_id} is not what the smoothing makes now: run tools/smooth_zones.py")
    for line in problems:
        print(line)
    print("check: " + ("FAILED" if problems else "all smoothed zones up to date"))
    return 1 if problems else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("muscles", nargs="*", help="only these muscles (default: all)")
    ap.add_argument("--check", action="store_true", help="check that the files on disk are up to date")
    ap.add_argument("--full", action="store_true", help="with --check: smooth again and compare the shapes")
    ap.add_argument("--data", type=Path, default=None, help="the data folder (default: hipmap's)")
    ap.add_argument("--assets", type=Path, default=None, help="the assets folder (default: hipmap's)")
    args = ap.parse_args(argv)
    data_dir = args.data or default_data_dir()
    assets_dir = args.assets or default_assets_dir()
    if args.check:
        return check(data_dir, assets_dir, args.full)
    return write(data_dir, assets_dir, set(args.muscles))


if __name__ == "__main__":
    sys.exit(main())
