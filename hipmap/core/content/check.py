"""check_data: every problem in data/ and assets/, translations included, as FILE:LINE: message lines.

Besides what loading checks, it asks whether the content is whole: every region of the vocabulary must lie in some
muscle's essential or spillover zone, or pain marked there could never be explained."""

from __future__ import annotations

from pathlib import Path

import shapely

from ... import default_assets_dir, default_data_dir
from .atlas import load_atlas
from .fields import _load, _top_mapping
from .model import Atlas
from .problems import Collector, DataError
from .safety import FILE_NAME, load_red_flags
from .smoothzones import check_zone_files
from .translations import available_languages, read_translation, translate_atlas, translate_red_flags, translation_file
from .views import check_tiling
from .vocabulary import REGION_IDS

# A zone "covers" a region when it holds more of it than this (square units): more than a shared edge's noise.
COVERAGE_TOLERANCE = 1.0
UNCOVERED = "region {region!r} is in no muscle's referral zone (essential or spillover): pain marked there can never be explained"


def check_data(data_dir=None, assets_dir=None) -> list[str]:
    """Every problem as a FILE:LINE: message line; empty when the data is valid."""
    data_dir, assets_dir = Path(data_dir or default_data_dir()), Path(assets_dir or default_assets_dir())
    tiling = check_tiling(data_dir, assets_dir)  # (not the loader's: see views.check_tiling)
    try:
        atlas = load_atlas(data_dir, assets_dir)
    except DataError as exc:
        return list(dict.fromkeys([str(p) for p in exc.problems] + tiling + check_red_flags(data_dir)))  # sources.yaml: once
    return tiling + check_red_flags(atlas.data_dir or data_dir) + check_coverage(atlas) + check_translations(atlas) + check_smoothed_zones(atlas)


def check_smoothed_zones(atlas: Atlas) -> list[str]:
    """A data/zones file missing, damaged or made from other sources than those there now (smoothzones.py)."""
    col = Collector()
    check_zone_files(col, atlas)
    return [str(p) for p in col.problems]


def check_red_flags(data_dir=None) -> list[str]:
    """Problems in data/red_flags.yaml (a missing file is one: the app refuses to screen without it)."""
    try:
        load_red_flags(Path(data_dir or default_data_dir()) / FILE_NAME)
    except DataError as exc:
        return [str(p) for p in exc.problems]
    return []


def uncovered_regions(atlas: Atlas) -> list[str]:
    """The regions of the vocabulary that no muscle's essential or spillover zone reaches, on any view or side."""
    zones: dict[tuple[str, str], list] = {}  # (view, side) -> every zone there, of every muscle
    for muscle in atlas.muscles.values():
        for (_kind, side, view_id), shape in muscle.zones.items():
            zones.setdefault((view_id, side), []).append(shape)
    trees = {key: (shapely.STRtree(shapes), shapes) for key, shapes in zones.items()}
    covered = set()
    for view_id, view in atlas.views.items():
        for (region_id, side), shape in view.regions.items():
            if region_id in covered or (view_id, side) not in trees:
                continue
            tree, shapes = trees[(view_id, side)]
            if any(shapes[i].intersection(shape).area > COVERAGE_TOLERANCE for i in tree.query(shape, predicate="intersects")):
                covered.add(region_id)
    return [r for r in REGION_IDS if r not in covered]


def check_coverage(atlas: Atlas) -> list[str]:
    """A region no muscle's zone covers, as a problem at its entry in data/regions.yaml."""
    missing = uncovered_regions(atlas)
    if not missing:
        return []
    path = Path(atlas.data_dir or default_data_dir()) / "regions.yaml"
    entries = _top_mapping(Collector(), path, _load(Collector(), path), "regions")  # it loaded: no problems here
    col = Collector()
    for region_id in missing:
        col.add_coded(path, entries.line_of(region_id) if entries is not None else 1, "", UNCOVERED, region=region_id)
    return [str(p) for p in col.problems]


def check_translations(atlas: Atlas) -> list[str]:
    """Problems in the data's translation files (data/i18n/*.yaml), as FILE:LINE: message lines."""
    data_dir = atlas.data_dir or default_data_dir()
    try:
        flags = load_red_flags(data_dir / FILE_NAME)
    except DataError:
        flags = None  # its own problems are reported where it is loaded
    col = Collector()
    for language in available_languages(data_dir):
        file = translation_file(data_dir, language)
        data = read_translation(col, data_dir, language)
        translate_atlas(col, atlas, data, file)
        if flags is not None:
            translate_red_flags(col, flags, data, file)
    return [str(p) for p in col.problems]
