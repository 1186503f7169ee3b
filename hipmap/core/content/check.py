"""check_data: every problem in data/ and assets/, translations included, as FILE:LINE: message lines."""

from __future__ import annotations

from pathlib import Path

from ... import default_data_dir
from .atlas import load_atlas
from .model import Atlas
from .problems import Collector, DataError
from .safety import FILE_NAME, load_red_flags
from .translations import available_languages, read_translation, translate_atlas, translate_red_flags, translation_file


def check_data(data_dir=None, assets_dir=None) -> list[str]:
    """Every problem as a FILE:LINE: message line; empty when the data is valid."""
    try:
        atlas = load_atlas(data_dir, assets_dir)
    except DataError as exc:
        return list(dict.fromkeys([str(p) for p in exc.problems] + check_red_flags(data_dir)))  # sources.yaml: once
    return check_red_flags(atlas.data_dir or data_dir) + check_translations(atlas)


def check_red_flags(data_dir=None) -> list[str]:
    """Problems in data/red_flags.yaml (a missing file is one: the app refuses to screen without it)."""
    try:
        load_red_flags(Path(data_dir or default_data_dir()) / FILE_NAME)
    except DataError as exc:
        return [str(p) for p in exc.problems]
    return []


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
