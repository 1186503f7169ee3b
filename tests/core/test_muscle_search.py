"""Muscle areas and aliases as data, and finding a muscle by any of its names in either language."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from hipmap import default_data_dir
from hipmap.core.content.atlas import load_atlas
from hipmap.core.content.search import fold, find_muscles
from hipmap.core.content.vocabulary import AREAS, MUSCLE_IDS
from hipmap.core.content.yamlfile import load_yaml_file
from tests.core.test_atlas import assert_reported, first_line_with, mutate, problems, rewrite_line

ROOT = default_data_dir().parent


@pytest.fixture(scope="module")
def spanish():
    return load_atlas(language="es")


def _every_alias():
    """(muscle id, alias, language) for every alias in the files: English in data/muscles, Spanish in es.yaml."""
    es = load_yaml_file(default_data_dir() / "i18n" / "es.yaml")["muscles"]
    for muscle_id in MUSCLE_IDS:
        english = load_yaml_file(default_data_dir() / "muscles" / f"{muscle_id}.yaml")
        for alias in english.get("aliases", []):
            yield muscle_id, alias, "en"
        for alias in es[muscle_id].get("aliases", []):
            yield muscle_id, alias, "es"


EVERY_ALIAS = list(_every_alias())


def test_every_muscle_has_an_area_and_aliases_in_both_languages(atlas, spanish):
    used = set()
    for muscle in atlas.muscles.values():
        assert muscle.area in AREAS, muscle.id
        used.add(muscle.area)
        assert muscle.aliases, f"{muscle.id} has no English alias"
        assert spanish.muscles[muscle.id].aliases, f"{muscle.id} has no Spanish alias"
        assert spanish.muscles[muscle.id].area == muscle.area
    assert used == set(AREAS), "an area no muscle lies in would be an empty heading"
    for m, a in [("tensor_fasciae_latae", "IT band"), ("iliopsoas", "psoas"), ("rectus_abdominis", "six-pack"),
                 ("gluteus_maximus", "glúteo"), ("biceps_femoris", "isquiotibiales"), ("pelvic_floor", "suelo pélvico")]:
        assert any(m == mm and a == aa for mm, aa, _lang in EVERY_ALIAS), (m, a)


def test_fold_sets_case_and_accents_aside():
    assert fold("GLÚTEO  Medio") == "gluteo medio"
    assert fold("Cuádriceps") == fold("cuadriceps") == fold("CUADRICEPS")


@pytest.mark.parametrize("muscle_id, alias, language", EVERY_ALIAS, ids=[f"{m}-{lang}-{a}" for m, a, lang in EVERY_ALIAS])
def test_every_alias_finds_its_muscle_whatever_the_language_shown(atlas, spanish, muscle_id, alias, language):
    for shown in (atlas, spanish):
        for query in (alias, alias.upper(), fold(alias)):
            assert muscle_id in find_muscles(shown.muscles, query), (query, language)


@pytest.mark.parametrize("query, first, also", [
    ("IT band", "tensor_fasciae_latae", ()),
    ("hamstring", "biceps_femoris", ("medial_hamstrings",)),
    ("psoas", "iliopsoas", ()),
    ("gluteo", "gluteus_maximus", ("gluteus_medius", "gluteus_minimus_anterior", "gluteus_minimus_posterior")),
    ("GLUTEO MAYOR", "gluteus_maximus", ()),
    ("cuadriceps", "rectus_femoris", ("vastus_lateralis", "vastus_medialis", "vastus_intermedius")),
    ("band IT", "tensor_fasciae_latae", ()),  # the words in any order
    ("Piriformis", "piriformis", ()),
    ("calf", "gastrocnemius", ("soleus",)),
    ("levator ani", "pelvic_floor", ()),
    ("QL", "quadratus_lumborum", ()),
])  # fmt: skip
def test_queries_from_the_issue(atlas, spanish, query, first, also):
    for shown in (atlas, spanish):
        found = find_muscles(shown.muscles, query)
        assert set(found) == {first, *also}, found
        assert found[0] == first, found


def test_best_answers_come_first(atlas):
    # "gluteus medius" is one muscle's whole name word for word; "glute med" starts its alias's words
    assert find_muscles(atlas.muscles, "gluteus medius") == ["gluteus_medius"]
    assert find_muscles(atlas.muscles, "Piriformis")[0] == "piriformis"
    assert find_muscles(atlas.muscles, "quadratus")[0] == "quadratus_lumborum"  # its name starts so; QF's alias only has it inside
    assert find_muscles(atlas.muscles, "no such muscle") == [] and find_muscles(atlas.muscles, "  ") == []


def test_list_muscles_json_gives_area_and_aliases():
    out = subprocess.run([sys.executable, "-m", "hipmap", "list", "muscles", "--json"], capture_output=True, text=True, cwd=ROOT, check=True)
    rows = {row["id"]: row for row in json.loads(out.stdout)}
    assert rows["tensor_fasciae_latae"]["area"] == "side_of_hip"
    assert "IT band" in rows["tensor_fasciae_latae"]["aliases"]
    assert all(row["area"] in AREAS and row["aliases"] and all(isinstance(a, str) for a in row["aliases"]) for row in rows.values())


# ------------------------------------------------------------------------------------------ broken data


def test_unknown_area_is_reported_with_its_line(copy):
    f = copy[0] / "muscles" / "piriformis.yaml"
    line = mutate(f, "area: buttock", "area: knee")
    assert_reported(problems(copy), "piriformis.yaml", line, "area", "unknown value 'knee'", "lower_back")


def test_missing_area_is_reported(copy):
    f = copy[0] / "muscles" / "soleus.yaml"
    mutate(f, "area: lower_leg\n", "")
    assert_reported(problems(copy), "soleus.yaml", 1, "missing required key 'area'")


def test_empty_or_repeated_alias_is_reported_with_its_line(copy):
    f = copy[0] / "muscles" / "tensor_fasciae_latae.yaml"
    line = rewrite_line(f, "aliases:", lambda _old: 'aliases:\n  - IT band\n  - ""\n  - it  BAND')
    found = problems(copy)
    assert_reported(found, "tensor_fasciae_latae.yaml", line + 2, "aliases[1]", "expected non-empty text")
    assert_reported(found, "tensor_fasciae_latae.yaml", line + 3, "aliases[2]", "listed twice")


def test_bad_spanish_alias_is_reported_with_its_line(copy):
    f = copy[0] / "i18n" / "es.yaml"
    line = first_line_with(f, "    aliases: [peroneos")
    mutate(f, "    aliases: [peroneos, peroneo largo,", "    aliases: [peroneos, PERONEOS, 3,")
    found = problems(copy)
    assert_reported(found, "es.yaml", line, "muscles.peroneus_longus_brevis.aliases[1]", "listed twice")
    assert_reported(found, "es.yaml", line, "muscles.peroneus_longus_brevis.aliases[2]", "expected text")


def test_pain_side_is_where_most_of_the_pain_is(atlas):
    from hipmap.core.pain.painmap import PainMap, click_mark, pain_side, region_marks, with_sides

    assert pain_side(PainMap(), atlas) is None
    right = region_marks(atlas, "lateral_thigh", "right")
    left = region_marks(atlas, "buttock_center", "left")
    assert pain_side(PainMap(marks=tuple(right)), atlas) == "right"
    assert pain_side(PainMap(marks=tuple(left)), atlas) == "left"
    both = PainMap(marks=tuple(right + left))
    bigger = "right" if sum(m.geometry.area for m in right) >= sum(m.geometry.area for m in left) else "left"
    assert pain_side(both, atlas) == bigger
    # a mark that does not know its side yet: cut along the body's halves
    x = atlas.views["posterior"].body["left"].representative_point()
    unsided = PainMap(marks=(click_mark("posterior", x.x, x.y),))
    assert unsided.marks[0].side is None and pain_side(unsided, atlas) == "left" == with_sides(unsided, atlas).marks[0].side
