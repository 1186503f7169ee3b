"""check-data's region coverage: a region of the vocabulary in no muscle's essential or spillover zone is a
problem, reported at its entry in data/regions.yaml (pain marked there could never be explained)."""

from __future__ import annotations

import re
from dataclasses import replace

import yaml

from hipmap.core.content.check import UNCOVERED, check_coverage, check_data, uncovered_regions
from hipmap.core.content.vocabulary import REGION_IDS


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_a_region_in_no_zone_is_reported_at_its_entry_in_regions_yaml(atlas):
    narrow = replace(atlas, muscles={"rectus_femoris": atlas.muscles["rectus_femoris"]})
    missing = uncovered_regions(narrow)
    assert "anterior_knee" not in missing and "anterior_thigh" not in missing
    assert {"heel", "lower_back", "groin"} <= set(missing)
    found = check_coverage(narrow)
    assert len(found) == len(missing)
    heel = line_of((atlas.data_dir / "regions.yaml").read_text(), "  heel:")
    assert any(p.endswith(f"regions.yaml:{heel}: " + UNCOVERED.format(region="heel")) for p in found), found


def test_check_data_fails_when_a_region_is_in_no_zone(copy):
    """Every muscle's zones cut down to the lower back: every other region is reported, at its line."""
    data, assets = copy
    for path in (data / "muscles").glob("*.yaml"):
        muscle = yaml.safe_load(path.read_text(encoding="utf-8"))
        muscle["zones"] = {"essential": [{"regions": ["lower_back"], "source": "ts2"}]}
        path.write_text(yaml.safe_dump(muscle, sort_keys=False, allow_unicode=True), encoding="utf-8")
    found = [p for p in check_data(data, assets) if "regions.yaml:" in p]  # (the muscles' data/zones files are stale too)
    text = (data / "regions.yaml").read_text()
    expected = {f"regions.yaml:{line_of(text, f'  {r}:')}: " + UNCOVERED.format(region=r) for r in REGION_IDS if r != "lower_back"}
    assert {p[p.index("regions.yaml:"):] for p in found} == expected, found


def test_check_data_passes_when_every_region_is_in_some_zone(copy):
    data, assets = copy
    path = data / "muscles" / "pectineus.yaml"
    muscle = yaml.safe_load(path.read_text(encoding="utf-8"))
    muscle["zones"].setdefault("spillover", []).append({"regions": list(REGION_IDS), "source": "ts2"})
    path.write_text(yaml.safe_dump(muscle, sort_keys=False, allow_unicode=True), encoding="utf-8")
    # the muscle's smoothed zones (data/zones) are stale now, and nothing else
    assert [p for p in check_data(data, assets) if not re.search(r"zones[/\\]pectineus\.yaml:\d+: .*run tools/smooth_zones\.py$", p)] == []
