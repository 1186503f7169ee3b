"""load_atlas: data/ and assets/ read into one frozen Atlas (model.py), in the language asked for.

It checks everything and reports every problem it finds in one pass, each as ``FILE:LINE: message``; nothing
half-loaded ever escapes.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ... import default_assets_dir, default_data_dir
from .anatomy import load_anatomy
from .exercises import _load_exercises
from .fields import _load_sources
from .model import Atlas, Muscle, _freeze
from .muscles import _load_muscle
from .problems import Collector
from .search import names_in
from .smoothzones import ZoneSmoothing
from .translations import available_languages, read_translation, translate_atlas, translation_file
from .views import _load_regions, _load_views, _view_mirrors
from .vocabulary import MUSCLE_IDS, VIEW_IDS


def load_atlas(data_dir: Path | None = None, assets_dir: Path | None = None, language: str | None = None, smoothing: ZoneSmoothing | None = None) -> Atlas:
    """Load and check everything; raise DataError listing every problem found.

    ``language`` (e.g. "es") puts the text of data/i18n/<language>.yaml in place of the English where it has some
    (hipmap.core.content.translations); None, "en" or a language without a file gives the English.

    The zones are the smoothed shapes of data/zones (smoothzones.py; ``smoothing`` another source of them, as
    tools/smooth_zones.py computes them)."""
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    assets_dir = Path(assets_dir) if assets_dir else default_assets_dir()
    col = Collector()
    sources = _load_sources(col, data_dir)
    regions = _load_regions(col, data_dir)
    views = _load_views(col, data_dir, assets_dir)
    mirrors = _view_mirrors(views)
    smoothing = smoothing or ZoneSmoothing()
    smoothing.start(data_dir, assets_dir, views)
    declared: dict[str, str | None] = {}
    exercises = _load_exercises(col, data_dir, assets_dir, sources, declared)
    muscles: dict[str, Muscle] = {}
    muscle_dir = data_dir / "muscles"
    try:
        have_muscle_dir = muscle_dir.is_dir()
    except OSError:  # a name too long for the file system, ... (is_dir only answers False for a missing one)
        have_muscle_dir = False
    files = sorted(muscle_dir.glob("*.yaml")) if have_muscle_dir else []
    if not have_muscle_dir:
        col.add_coded(muscle_dir, 1, "", "folder of muscle files not found")
    for file in files:
        muscle = _load_muscle(col, file, views, regions, sources, mirrors, declared, smoothing)
        if muscle is None:
            continue
        if muscle.id in muscles:
            col.add_coded(file, 1, "", "duplicate muscle id {id} (also in {name})", id=repr(muscle.id), name=muscles[muscle.id].file.name)
            continue
        muscles[muscle.id] = muscle
    if have_muscle_dir:
        present = {f.stem for f in files}
        for muscle_id in MUSCLE_IDS:
            if muscle_id not in present:
                col.add_coded(muscle_dir / f"{muscle_id}.yaml", 1, "", "missing muscle {id}: every muscle in DESIGN.md needs a file", id=repr(muscle_id))
    anatomy = load_anatomy(col, data_dir, views, mirrors, sources)
    col.raise_if_any()
    ordered = {m: muscles[m] for m in MUSCLE_IDS if m in muscles}
    extras = _freeze({"exercises": tuple(_freeze(e.as_row()) for e in exercises.values())})
    atlas = Atlas(
        _freeze({v: views[v] for v in VIEW_IDS if v in views}), _freeze(regions), _freeze(ordered), _freeze(sources),
        data_dir, assets_dir, extras, _freeze(exercises), _freeze(anatomy),
    )  # fmt: skip
    # Every language's names for each muscle, so that the browser finds "psoas" and "isquiotibiales" whatever the
    # language shown. Another language's file is only read for them here: its problems are reported when it is
    # loaded for its own language (and by check-data).
    translations = {code: read_translation(col if code == language else Collector(), data_dir, code) for code in available_languages(data_dir)}
    if language:
        data = translations[language] if language in translations else read_translation(col, data_dir, language)
        atlas = translate_atlas(col, atlas, data, translation_file(data_dir, language))
        col.raise_if_any()
    return _with_names(atlas, ordered, [names_in(data) for data in translations.values() if data is not None])


def _with_names(atlas: Atlas, english: dict[str, Muscle], others: list[dict[str, tuple[str, ...]]]) -> Atlas:
    """ATLAS with each muscle's names in every language (Muscle.names): the English first, then each translation's."""
    muscles = {}
    for muscle_id, muscle in atlas.muscles.items():
        texts = [english[muscle_id].name, *english[muscle_id].aliases, muscle.name, *muscle.aliases]
        for names in others:
            texts.extend(names.get(muscle_id, ()))
        muscles[muscle_id] = replace(muscle, names=tuple(dict.fromkeys(texts)))
    return replace(atlas, muscles=_freeze(muscles))
