"""Translated data text: data/i18n/<language>.yaml.

The data files are written in English and hold everything else (shapes, sources, timings). A translation file only
gives text, keyed by the ids the data already uses, so no structure is repeated:

    language: es
    views:     {posterior: {title: ...}}
    regions:   {lateral_thigh: {name: ..., description: ...}}
    muscles:   {piriformis: {name, aliases: [...], short, description, symptoms: [...], activators: [...],
                             trigger_points: [...], see_a_clinician: [...],
                             self_care: {where, habits: [...], cautions: [...]}}
                pelvic_floor: {..., self_care: {instead: {text, at_home: [...]}, habits: [...], ...}}}
    exercises: {pigeon_pose: {name, steps: [...], feel, avoid, cautions: [...]}}
    red_flags: {questions: {id: {question, help}}, advice: {id: {title, text}}, nerve_signs: {title, text},
                note: ..., see_a_clinician: [...]}

A list replaces the English list of the same length, item by item (trigger_points: one note per distinct English note,
in the order of the muscle file). Anything left out stays English. Unknown ids, keys and languages, wrong types and
lists of the wrong length are reported as ``FILE:LINE: message`` like every other data problem.

Plain Python: the caller says which language it wants (the UI passes the language it shows).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

from .fields import _describe, _load
from .model import Atlas, _freeze
from .problems import Collector
from .search import fold
from .yamlfile import YList, YMap

FOLDER = "i18n"
SOURCE_LANGUAGE = "en"
_LANGUAGE = re.compile(r"[a-z]{2,3}\Z")
_TOP = ("language", "views", "regions", "muscles", "exercises", "red_flags")
_ATLAS_KEYS = ("views", "regions", "muscles", "exercises")
_VIEW = ("title",)
_REGION = ("name", "description", "aliases")
_MUSCLE = ("name", "aliases", "short", "description", "symptoms", "activators", "trigger_points", "see_a_clinician", "self_care")
_SELF_CARE = ("where", "instead", "habits", "cautions")
_INSTEAD = ("text", "at_home")
_EXERCISE = ("name", "steps", "feel", "avoid", "cautions")
_RED_FLAGS = ("questions", "advice", "nerve_signs", "note", "see_a_clinician")
_QUESTION = ("question", "help")
_ADVICE = ("title", "text")


def translation_file(data_dir: Path, language: str) -> Path:
    return Path(data_dir) / FOLDER / f"{language}.yaml"


def available_languages(data_dir: Path) -> list[str]:
    folder = Path(data_dir) / FOLDER
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []


def _clean(value: str) -> str:
    return " ".join(value.split()) if "\n" in value.strip() else value.strip()


class _Text:
    """Reads one translation file's sections, reporting problems with the file and line."""

    def __init__(self, col: Collector, file: Path):
        self.col, self.file = col, file

    def mapping(self, value, where: str, line: int):
        if isinstance(value, dict):
            return value
        self.col.add_coded(self.file, getattr(value, "line", line), where, "expected a mapping, got {kind}", kind=_describe(value))
        return None

    def keys(self, mapping: YMap, allowed, where: str) -> None:
        for key in mapping:
            if key not in allowed:
                self.col.add_coded(self.file, mapping.line_of(key), where, "unknown key {key} (expected one of: {allowed})", key=repr(key), allowed=", ".join(allowed))

    def records(self, parent: YMap, key: str, known, allowed, where: str):
        """(id, mapping) for each record of section KEY whose id is one of KNOWN."""
        section = self.mapping(parent[key], where, parent.line_of(key)) if key in parent else None
        for record_id, value in (section or {}).items():
            line = section.line_of(record_id)
            if record_id not in known:
                self.col.add_coded(self.file, line, where, "unknown id {id} (expected one of: {allowed})", id=repr(record_id), allowed=", ".join(known))
                continue
            record = self.mapping(value, f"{where}.{record_id}", line)
            if record is not None:
                self.keys(record, allowed, f"{where}.{record_id}")
                yield record_id, record

    def text(self, mapping: YMap, key: str, where: str, english: str) -> str:
        if key not in mapping:
            return english
        value = mapping[key]
        if not isinstance(value, str) or not value.strip():
            self.col.add_coded(self.file, mapping.line_of(key), f"{where}.{key}", "expected non-empty text, got {kind}", kind=_describe(value))
            return english
        return _clean(value)

    def free_texts(self, mapping: YMap, key: str, where: str, english: tuple[str, ...], unique: bool = False) -> tuple[str, ...]:
        """A list of texts of its own length (a region's or a muscle's aliases), in place of the English list;
        UNIQUE: none given twice (case and accents aside)."""
        if key not in mapping:
            return english
        values = mapping[key]
        if not isinstance(values, list):
            self.col.add_coded(self.file, mapping.line_of(key), f"{where}.{key}", "expected a list, got {kind}", kind=_describe(values))
            return english
        out = []
        for i, value in enumerate(values):
            line = values.line_of(i) if isinstance(values, YList) else mapping.line_of(key)
            if not (isinstance(value, str) and value.strip()):
                self.col.add_coded(self.file, line, f"{where}.{key}[{i}]", "expected text, got {kind}", kind=_describe(value))
            elif unique and fold(_clean(value)) in map(fold, out):
                self.col.add_coded(self.file, line, f"{where}.{key}[{i}]", "{value} is listed twice", value=repr(_clean(value)))
            else:
                out.append(_clean(value))
        return tuple(out)

    def texts(self, mapping: YMap, key: str, where: str, english: tuple[str, ...]) -> tuple[str, ...]:
        if key not in mapping:
            return english
        values = mapping[key]
        line = mapping.line_of(key)
        if not isinstance(values, list):
            self.col.add_coded(self.file, line, f"{where}.{key}", "expected a list, got {kind}", kind=_describe(values))
            return english
        if len(values) != len(english):
            self.col.add_coded(self.file, line, f"{where}.{key}", "expected {count} item(s), one for each in English, got {found}", count=len(english), found=len(values))
            return english
        out = []
        for i, (value, fallback) in enumerate(zip(values, english)):
            if isinstance(value, str) and value.strip():
                out.append(_clean(value))
            else:
                item_line = values.line_of(i) if isinstance(values, YList) else line
                self.col.add_coded(self.file, item_line, f"{where}.{key}[{i}]", "expected text, got {kind}", kind=_describe(value))
                out.append(fallback)
        return tuple(out)


def read_translation(col: Collector, data_dir: Path, language: str | None):
    """The checked top level of data/i18n/LANGUAGE.yaml, or None (English, or no such file)."""
    if not language or language == SOURCE_LANGUAGE:
        return None
    file = translation_file(data_dir, language)
    if not file.exists():
        return None
    data = _load(col, file)
    if data is None:
        return None
    t = _Text(col, file)
    if t.mapping(data, "translation", 1) is None:
        return None
    t.keys(data, _TOP, "translation")
    if data.get("language") != language:
        col.add_coded(file, data.line_of("language"), "language", "expected {language} (the file name), got {kind}", language=repr(language), kind=_describe(data.get("language")))
    if not _LANGUAGE.match(language):
        col.add_coded(file, 1, "", "the file name must be a language code such as es.yaml, got {name}", name=repr(file.name))
    return data


def translate_atlas(col: Collector, atlas, data, file: Path):
    """ATLAS with the text of the translation DATA (read_translation) in place of the English."""
    if data is None:
        return atlas
    t = _Text(col, file)
    views = dict(atlas.views)
    for view_id, rec in t.records(data, "views", tuple(atlas.views), _VIEW, "views"):
        views[view_id] = replace(views[view_id], title=t.text(rec, "title", f"views.{view_id}", views[view_id].title))
    regions = dict(atlas.regions)
    for region_id, rec in t.records(data, "regions", tuple(atlas.regions), _REGION, "regions"):
        r, where = regions[region_id], f"regions.{region_id}"
        regions[region_id] = replace(r, name=t.text(rec, "name", where, r.name), description=t.text(rec, "description", where, r.description),
                                     aliases=t.free_texts(rec, "aliases", where, r.aliases))
    exercises = dict(atlas.exercises)
    for ex_id, rec in t.records(data, "exercises", tuple(atlas.exercises), _EXERCISE, "exercises"):
        e, where = exercises[ex_id], f"exercises.{ex_id}"
        exercises[ex_id] = replace(
            e, name=t.text(rec, "name", where, e.name), steps=t.texts(rec, "steps", where, e.steps),
            feel=t.text(rec, "feel", where, e.feel), avoid=t.text(rec, "avoid", where, e.avoid),
            cautions=t.texts(rec, "cautions", where, e.cautions),
        )  # fmt: skip
    muscles = dict(atlas.muscles)
    for muscle_id, rec in t.records(data, "muscles", tuple(atlas.muscles), _MUSCLE, "muscles"):
        muscles[muscle_id] = _translate_muscle(t, muscles[muscle_id], rec, f"muscles.{muscle_id}")
    extras = dict(atlas.extras)
    if "exercises" in extras:
        extras["exercises"] = tuple(_freeze(e.as_row()) for e in exercises.values())
    return Atlas(_freeze(views), _freeze(regions), _freeze(muscles), atlas.sources, atlas.data_dir, atlas.assets_dir,
                 _freeze(extras), _freeze(exercises), atlas.anatomy)  # fmt: skip


def _facts(t: _Text, rec, key, where, facts):
    texts = t.texts(rec, key, where, tuple(f.text for f in facts))
    return tuple(replace(f, text=text) for f, text in zip(facts, texts))


def _translate_muscle(t: _Text, m, rec, where):
    notes = tuple(dict.fromkeys(p.note for p in m.trigger_points))  # distinct, in the order of the file
    new_notes = dict(zip(notes, t.texts(rec, "trigger_points", where, notes)))
    changes = dict(
        name=t.text(rec, "name", where, m.name), aliases=t.free_texts(rec, "aliases", where, m.aliases, unique=True),
        short=t.text(rec, "short", where, m.short),
        description=t.text(rec, "description", where, m.description),
        symptoms=_facts(t, rec, "symptoms", where, m.symptoms), activators=_facts(t, rec, "activators", where, m.activators),
        trigger_points=tuple(replace(p, note=new_notes[p.note]) for p in m.trigger_points),
        see_a_clinician=_facts(t, rec, "see_a_clinician", where, m.see_a_clinician),
    )  # fmt: skip
    if "self_care" in rec:
        care = t.mapping(rec["self_care"], f"{where}.self_care", rec.line_of("self_care"))
        if care is not None and m.self_care is None:
            t.col.add_coded(t.file, rec.line_of("self_care"), f"{where}.self_care", "the muscle has no self-care to translate")
        elif care is not None:
            t.keys(care, _SELF_CARE, f"{where}.self_care")
            changes["self_care"] = _translate_self_care(t, m.self_care, care, f"{where}.self_care")
    return replace(m, **changes)


def _translate_self_care(t: _Text, sc, care, w):
    """self_care: where (for a compression set-up) or instead (for a muscle no ball can reach), habits, cautions."""
    compression, instead = sc.compression, sc.instead
    if "where" in care and compression is None:
        t.col.add_coded(t.file, care.line_of("where"), f"{w}.where", "the muscle has no compression set-up (it has 'instead'), so there is no 'where' to translate")
    if "instead" in care and instead is None:
        t.col.add_coded(t.file, care.line_of("instead"), f"{w}.instead", "the muscle has a compression set-up, not 'instead' (translate its 'where')")
    if compression is not None:
        compression = replace(compression, where=t.text(care, "where", w, compression.where))
    if instead is not None and "instead" in care:
        rec = t.mapping(care["instead"], f"{w}.instead", care.line_of("instead"))
        if rec is not None:
            t.keys(rec, _INSTEAD, f"{w}.instead")
            instead = replace(instead, text=t.text(rec, "text", f"{w}.instead", instead.text),
                              at_home=_facts(t, rec, "at_home", f"{w}.instead", instead.at_home))  # fmt: skip
    return replace(
        sc, compression=compression, instead=instead,
        habits=_facts(t, care, "habits", w, sc.habits), cautions=_facts(t, care, "cautions", w, sc.cautions),
    )  # fmt: skip


def translate_red_flags(col: Collector, flags, data, file: Path):
    """FLAGS (safety.RedFlags) with the red_flags text of the translation DATA in place of the English."""
    if data is None or "red_flags" not in data:
        return flags
    t = _Text(col, file)
    red = t.mapping(data["red_flags"], "red_flags", data.line_of("red_flags"))
    if red is None:
        return flags
    t.keys(red, _RED_FLAGS, "red_flags")
    questions = {q.id: q for q in flags.questions}
    for q_id, rec in t.records(red, "questions", tuple(questions), _QUESTION, "red_flags.questions"):
        q, where = questions[q_id], f"red_flags.questions.{q_id}"
        questions[q_id] = replace(q, question=t.text(rec, "question", where, q.question), help=t.text(rec, "help", where, q.help))
    advice = dict(flags.advice)
    for a_id, rec in t.records(red, "advice", tuple(advice), _ADVICE, "red_flags.advice"):
        a, where = advice[a_id], f"red_flags.advice.{a_id}"
        advice[a_id] = replace(a, title=t.text(rec, "title", where, a.title), text=t.text(rec, "text", where, a.text))
    nerve = flags.nerve_signs
    if "nerve_signs" in red:
        rec = t.mapping(red["nerve_signs"], "red_flags.nerve_signs", red.line_of("nerve_signs"))
        if rec is not None and nerve is not None:
            t.keys(rec, _ADVICE, "red_flags.nerve_signs")
            nerve = replace(nerve, title=t.text(rec, "title", "red_flags.nerve_signs", nerve.title),
                            text=t.text(rec, "text", "red_flags.nerve_signs", nerve.text))  # fmt: skip
    note = t.text(red, "note", "red_flags", flags.note)
    signs = t.texts(red, "see_a_clinician", "red_flags", tuple(text for text, _urgent in flags.see_a_clinician))
    see = tuple((text, urgent) for text, (_old, urgent) in zip(signs, flags.see_a_clinician))
    return replace(flags, questions=tuple(questions[q.id] for q in flags.questions), advice=MappingProxyType(advice),
                   nerve_signs=nerve, note=note, see_a_clinician=see)  # fmt: skip
