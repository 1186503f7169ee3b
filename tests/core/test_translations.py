"""Translated data text (data/i18n/<lang>.yaml): what the Spanish file covers, the English fallback, and broken files."""

from __future__ import annotations

import re

import pytest

from hipmap import default_data_dir
from hipmap.core.content.atlas import load_atlas
from hipmap.core.content.check import check_data
from hipmap.core.content.problems import DataError
from hipmap.core.content.safety import evaluate, load_red_flags
from hipmap.core.content.translations import available_languages


@pytest.fixture(scope="module")
def english(atlas):
    return atlas


@pytest.fixture(scope="module")
def spanish():
    return load_atlas(language="es")


def test_spanish_is_shipped_and_valid():
    assert "es" in available_languages(default_data_dir())
    assert [p for p in check_data() if "i18n" in p] == []


def test_red_flags_are_completely_translated():
    """Safety text is all or nothing: every question, help text, advice, the nerve note and the short list."""
    en, es = load_red_flags(), load_red_flags(language="es")
    assert [q.id for q in es.questions] == [q.id for q in en.questions]
    for q_en, q_es in zip(en.questions, es.questions):
        assert q_es.question != q_en.question and q_es.help != q_en.help, q_en.id
        assert (q_es.urgency, q_es.advice_id) == (q_en.urgency, q_en.advice_id)  # only the words change
    for advice_id, a_en in en.advice.items():
        a_es = es.advice[advice_id]
        assert a_es.title != a_en.title and a_es.text != a_en.text and a_es.urgency == a_en.urgency, advice_id
    assert es.nerve_signs.title != en.nerve_signs.title and es.nerve_signs.text != en.nerve_signs.text
    assert es.note != en.note
    assert [u for _t, u in es.see_a_clinician] == [u for _t, u in en.see_a_clinician]
    assert all(t_es != t_en for (t_es, _), (t_en, _) in zip(es.see_a_clinician, en.see_a_clinician))
    result = evaluate(es, {"saddle_numbness": True})
    assert result.level == "emergency" and result.advice[0].title == "Busque ayuda médica ahora"


def test_what_the_spanish_file_translates(english, spanish):
    for view_id, view in english.views.items():
        assert spanish.views[view_id].title != view.title
    for region_id, region in english.regions.items():
        assert spanish.regions[region_id].name != region.name and spanish.regions[region_id].description != region.description
    for muscle_id, m in english.muscles.items():
        es = spanish.muscles[muscle_id]
        assert es.name != m.name and es.short != m.short and es.description != m.description, muscle_id
    for ex_id, e in english.exercises.items():
        es = spanish.exercises[ex_id]
        assert es.name != e.name and es.feel != e.feel and es.avoid != e.avoid, ex_id
        assert len(es.steps) == len(e.steps) and all(a != b for a, b in zip(es.steps, e.steps)), ex_id
        assert len(es.cautions) == len(e.cautions)
    assert spanish.extras["exercises"][0]["name"] == next(iter(spanish.exercises.values())).name


def test_every_muscle_text_is_translated_and_nothing_else_changes(english, spanish):
    for muscle_id, m_en in english.muscles.items():
        m_es = spanish.muscles[muscle_id]
        for facts in ("symptoms", "activators"):
            pairs = list(zip(getattr(m_es, facts), getattr(m_en, facts)))
            assert all(a.text != b.text and a.sources == b.sources for a, b in pairs), (muscle_id, facts)
        assert all(a.note != b.note and (a.x, a.y, a.view, a.side) == (b.x, b.y, b.view, b.side)
                   for a, b in zip(m_es.trigger_points, m_en.trigger_points)), muscle_id  # fmt: skip
        assert all(a.text != b.text and a.sources == b.sources for a, b in zip(m_es.see_a_clinician, m_en.see_a_clinician)), muscle_id
        if m_en.self_care is not None:
            sc_es, sc_en = m_es.self_care, m_en.self_care
            if sc_en.compression is not None:
                assert sc_es.compression.where != sc_en.compression.where and sc_es.compression.hold_s == sc_en.compression.hold_s
            if sc_en.instead is not None:  # a muscle no ball can reach: why, and what is safe at home
                assert sc_es.instead.text != sc_en.instead.text and sc_es.instead.sources == sc_en.instead.sources, muscle_id
                assert all(a.text != b.text for a, b in zip(sc_es.instead.at_home, sc_en.instead.at_home)), muscle_id
            assert all(a.text != b.text for a, b in zip(sc_es.habits + sc_es.cautions, sc_en.habits + sc_en.cautions))
            assert sc_es.stretches == sc_en.stretches
        assert m_es.zones is m_en.zones or dict(m_es.zones) == dict(m_en.zones)
        assert m_es.sources == m_en.sources


def test_english_or_an_unknown_language_gives_the_english(english):
    for language in (None, "en", "fr"):
        atlas = load_atlas(language=language)
        assert atlas.muscles["piriformis"].name == english.muscles["piriformis"].name


def write(copy, text: str):
    data, _assets = copy
    (data / "i18n" / "es.yaml").write_text(text, encoding="utf-8")
    return data


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("language: es\nmuscles:\n  piriformiss: {name: X}\n", 3, "muscles: unknown id 'piriformiss'"),
        ("language: es\nregions:\n  heel: {nombre: Talón}\n", 3, "regions.heel: unknown key 'nombre'"),
        ("language: es\nexercises:\n  pigeon_pose:\n    steps: [uno, dos]\n", 4, "exercises.pigeon_pose.steps: expected 5 item(s)"),
        ("language: es\nviews:\n  posterior: {title: ''}\n", 3, "views.posterior.title: expected non-empty text"),
        ("language: fr\n", 1, "language: expected 'es'"),
        ("language: es\ncolors: {}\n", 2, "translation: unknown key 'colors'"),
        ("language: es\nred_flags:\n  questions:\n    night_pains: {question: ¿?}\n", 4, "red_flags.questions: unknown id 'night_pains'"),
        ("language: es\nred_flags:\n  see_a_clinician: [uno]\n", 3, "red_flags.see_a_clinician: expected 5 item(s)"),
    ],
)
def test_broken_translations_are_reported_with_file_and_line(copy, text, line, message):
    data = write(copy, text)
    problems = check_data(data, copy[1])
    assert any(re.search(rf"es\.yaml:{line}: {re.escape(message)}", p) for p in problems), problems
    with pytest.raises(DataError):
        if message.startswith("red_flags"):
            load_red_flags(data / "red_flags.yaml", language="es")
        else:
            load_atlas(data, copy[1], language="es")


def test_a_partial_translation_is_fine(copy):
    data = write(copy, "language: es\nregions:\n  heel: {name: Talón}\n")
    assert [p for p in check_data(data, copy[1]) if "es.yaml" in p] == []
    atlas = load_atlas(data, copy[1], language="es")
    assert atlas.regions["heel"].name == "Talón" and atlas.regions["heel"].description.startswith("The back")
