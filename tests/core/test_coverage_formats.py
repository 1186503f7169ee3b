"""The coverage issue's formats on fixture data: a muscle no ball can reach (self_care.instead, see_a_clinician)
and a bilateral pattern (one candidate, side "both")."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from hipmap.core.content.atlas import load_atlas
from hipmap.core.content.check import check_data
from hipmap.core.content.problems import DataError
from hipmap.core.pain.matching import Matcher
from hipmap.core.pain.painmap import PainMap, region_marks
from hipmap.core.routine.builder import build_routine, default_name, has_steps, muscle_steps, routine_for_muscle
from hipmap.core.store.session import _check_candidates
from tests.core.test_atlas import assert_reported
from tests.coverage_fixtures import PELVIC_FLOOR, RECTUS_ABDOMINIS, add_fixture_muscles, line_of


@pytest.fixture
def fixture_data(copy, monkeypatch):
    """A copy of data/ and assets/ with the two fixture muscles added: (data dir, assets dir)."""
    add_fixture_muscles(copy[0], monkeypatch)
    return copy


@pytest.fixture
def fixture_atlas(fixture_data):
    return load_atlas(*fixture_data)


def problems_with(fixture_data, monkeypatch, **texts):
    add_fixture_muscles(fixture_data[0], monkeypatch, **texts)
    return check_data(*fixture_data)


# ------------------------------------------------------------------------------------ no compression


def test_a_muscle_without_a_ball_loads_with_instead_and_its_own_warning_signs(fixture_atlas):
    muscle = fixture_atlas.muscles["pelvic_floor"]
    care = muscle.self_care
    assert care.compression is None and care.stretches == ()
    assert care.instead.text.startswith("No ball can reach these muscles") and "\n" not in care.instead.text
    assert care.instead.sources == ("factsheet",)
    assert [f.text for f in care.instead.at_home][1] == "A cushion with a cut-out for the tailbone when you sit."
    assert [f.text for f in muscle.see_a_clinician][1] == "Numbness around the genitals or the back passage."
    assert muscle.source_keys(fixture_atlas.exercises) == ["factsheet", "seed"]
    assert not muscle.bilateral and muscle.sides == ("right", "left")


def test_a_muscle_with_a_ball_has_no_instead(fixture_atlas):
    care = fixture_atlas.muscles["piriformis"].self_care
    assert care.compression is not None and care.instead is None
    assert fixture_atlas.muscles["piriformis"].see_a_clinician == ()


@pytest.mark.parametrize(
    "old, new, needle, words",
    [
        # compression and instead together: reported at 'instead'
        ("self_care:\n", "self_care:\n  compression:\n    exercise: ball_on_floor\n    where: Here.\n    pressure: \"4-7\"\n"
         "    hold_s: 20\n    reps: 3\n    source: factsheet\n", "  instead:", ("either 'compression' or 'instead'", "not both")),
        # neither
        ("  instead:\n", "  instead_of_ball:\n", "  instead_of_ball:", ("unknown key 'instead_of_ball'",)),
        # at_home: 1 to 4 items
        ("    at_home:\n", "    at_home: []\n    unused:\n", "    at_home: []", ("at_home: expected 1 to 4 items, got 0",)),
        ("    source: factsheet\n    at_home:\n", "    at_home:\n", "    text: >", ("self_care.instead: missing required key 'source'",)),
        ("    text: >\n      No ball", "    txt: >\n      No ball", "    txt: >", ("self_care.instead: unknown key 'txt'",)),
        ("  - text: Numbness around the genitals or the back passage.\n    source: factsheet\n",
         "  - text: Numbness around the genitals or the back passage.\n", "  - text: Numbness",
         ("see_a_clinician[1]: missing required key 'source'",)),
        ("      - text: A cushion with a cut-out for the tailbone when you sit.\n        source: factsheet\n",
         "      - text: A cushion.\n        source: wikipedia\n", "        source: wikipedia",
         ("self_care.instead.at_home[1]: unknown source 'wikipedia'",)),
    ],
    ids=["both", "neither", "at-home-empty", "instead-source", "instead-text", "sign-source", "at-home-source"],
)
def test_broken_instead_is_reported_with_file_and_line(fixture_data, monkeypatch, old, new, needle, words):
    assert old in PELVIC_FLOOR
    text = PELVIC_FLOOR.replace(old, new)
    if "unused:" in text:  # keep the rest of the list's items out of the way: they now hang under 'unused'
        text = text.replace("    unused:\n", "    unused_items:\n")
    found = problems_with(fixture_data, monkeypatch, pelvic_floor=text)
    assert_reported(found, "pelvic_floor.yaml", line_of(text, needle), *words)
    with pytest.raises(DataError):
        load_atlas(*fixture_data)


def test_self_care_with_neither_compression_nor_instead(fixture_data, monkeypatch):
    start, end = PELVIC_FLOOR.index("  instead:\n"), PELVIC_FLOOR.index("  stretches: []")
    text = PELVIC_FLOOR[:start] + PELVIC_FLOOR[end:]
    found = problems_with(fixture_data, monkeypatch, pelvic_floor=text)
    assert_reported(found, "pelvic_floor.yaml", line_of(text, "  stretches: []"), "missing required key 'compression'", "'instead'")


def test_too_many_things_at_home(fixture_data, monkeypatch):
    item = "      - text: A warm bath.\n        source: factsheet\n"
    text = PELVIC_FLOOR.replace("  stretches: []", item * 3 + "  stretches: []")
    found = problems_with(fixture_data, monkeypatch, pelvic_floor=text)
    assert_reported(found, "pelvic_floor.yaml", line_of(text, "    at_home:"), "at_home: expected 1 to 4 items, got 5")


def test_no_compression_step_for_a_muscle_no_ball_can_reach(fixture_atlas):
    muscle, exercises = fixture_atlas.muscles["pelvic_floor"], fixture_atlas.exercises
    assert muscle_steps(muscle, "right", exercises) == []
    assert routine_for_muscle(muscle, "left", exercises).steps == ()
    assert not has_steps(muscle, exercises)
    with_stretch = replace(muscle, self_care=replace(muscle.self_care, stretches=("knee_to_chest",)))
    steps = muscle_steps(with_stretch, "right", exercises)
    assert [(s.kind, s.exercise_id, s.side) for s in steps] == [("stretch", "knee_to_chest", "right")]
    assert has_steps(with_stretch, exercises)
    # Combined with a muscle that has a ball: it adds nothing but its stretches.
    both = build_routine([(fixture_atlas.muscles["piriformis"], "right"), (muscle, "right")], exercises)
    assert [s.muscle_id for s in both.steps if s.kind == "compression"] == ["piriformis"]


# ------------------------------------------------------------------------------------------ bilateral


def test_a_bilateral_muscle_has_one_pattern_over_both_sides(fixture_atlas):
    muscle = fixture_atlas.muscles["rectus_abdominis"]
    post = fixture_atlas.views["posterior"]
    assert muscle.bilateral and muscle.sides == ("both",)
    both = muscle.zone("essential", "both", "posterior")
    for side in ("right", "left"):
        region = post.regions[("lower_back", side)]
        assert region.difference(both).area < 0.01 * region.area  # all of it but the inner corner the smoothing rounds
        assert muscle.zone("essential", side, "posterior").difference(both).area < 1e-6  # each half is kept too
    assert both.area == pytest.approx(muscle.zone("essential", "right", "posterior").area * 2, rel=1e-6)
    assert {p.side for p in muscle.points_on("anterior", "both")} == {"right", "left"}
    assert muscle.zone_regions["essential"] == ("lower_back", "sacroiliac")


def test_bilateral_must_be_true_or_false(fixture_data, monkeypatch):
    text = RECTUS_ABDOMINIS.replace("bilateral: true", "bilateral: both")
    found = problems_with(fixture_data, monkeypatch, rectus_abdominis=text)
    assert_reported(found, "rectus_abdominis.yaml", line_of(text, "bilateral:"), "bilateral: expected true or false", "text 'both'")


def test_pain_across_the_lower_back_is_one_bilateral_candidate(fixture_atlas):
    marks = region_marks(fixture_atlas, "lower_back", "right", 6) + region_marks(fixture_atlas, "lower_back", "left", 6)
    result = Matcher(fixture_atlas).match(PainMap(tuple(marks)))
    assert result.find("rectus_abdominis", "right") is None and result.find("rectus_abdominis", "left") is None
    found = result.find("rectus_abdominis")
    # (all but the lower back's inner corner, rounded by the zones' smoothing: 99.6%)
    assert found.side == "both" and found.explained == pytest.approx(1.0, abs=0.01)
    assert [(c.muscle_id, c.side) for c in result.explaining] == [("rectus_abdominis", "both")]
    assert result.explained_share == pytest.approx(1.0, abs=0.01) and result.unexplained_regions == ()
    assert "Rectus abdominis (lower part), both sides" in result.summary
    data = result.to_dict()
    assert {"id": "rectus_abdominis", "side": "both", "name": found.name} in data["explaining_set"]
    assert next(c for c in data["candidates"] if c["id"] == "rectus_abdominis")["side"] == "both"
    # Pain on one side is still within its one pattern.
    one = Matcher(fixture_atlas).match(PainMap(tuple(region_marks(fixture_atlas, "lower_back", "left", 6))))
    assert one.find("rectus_abdominis").side == "both" and one.find("rectus_abdominis").explained == pytest.approx(1.0, abs=0.01)
    # ... but it covers only half of the pattern's lower back: each side is an area of its own to cover.
    assert one.find("rectus_abdominis").coverage == pytest.approx(found.coverage / 2, rel=0.05)
    assert one.find("rectus_abdominis").score < found.score


def test_a_both_sides_candidate_is_accepted_in_the_history(fixture_atlas):
    _check_candidates([{"id": "rectus_abdominis", "name": "Rectus abdominis", "side": "both", "score": 0.8}])
    with pytest.raises(ValueError, match="expected 'left', 'right' or 'both'"):
        _check_candidates([{"id": "piriformis", "name": "Piriformis", "side": "middle", "score": 0.8}])


def test_routine_for_both_sides_is_right_then_left(fixture_atlas):
    muscle, exercises = fixture_atlas.muscles["rectus_abdominis"], fixture_atlas.exercises
    steps = muscle_steps(muscle, "both", exercises)
    # The butterfly stretches both sides at once (per_side false): once, with the right side's steps.
    assert [(s.kind, s.exercise_id, s.side) for s in steps] == [
        ("compression", "ball_on_floor", "right"), ("stretch", "seated_butterfly", "none"),
        ("stretch", "knee_to_chest", "right"), ("compression", "ball_on_floor", "left"), ("stretch", "knee_to_chest", "left"),
    ]  # fmt: skip
    routine = routine_for_muscle(muscle, "both", exercises)
    assert routine.name == "Rectus abdominis (lower part), both sides"
    assert [p.side for p in routine.phases() if p.kind == "switch"] == ["left"]
    mixed = build_routine([(muscle, "both"), (fixture_atlas.muscles["piriformis"], "right")], exercises)
    sides = [s.side for s in mixed.steps if s.side != "none"]
    assert sides == sorted(sides, key=("right", "left").index)  # one block per side: one turn
    assert ("compression", "piriformis", "right") in [(s.kind, s.muscle_id, s.side) for s in mixed.steps]
    assert mixed.name == default_name([(muscle, "both"), (fixture_atlas.muscles["piriformis"], "right")])
    assert default_name([(muscle, "both")]) == "Rectus abdominis (lower part), both sides"


def test_benchmark_helpers_take_a_bilateral_muscle(fixture_atlas):
    from hipmap.core.bench import naive_scores
    from hipmap.core.synthetic import scaled_atlas

    big = scaled_atlas(fixture_atlas, 2)
    assert not big.muscles["rectus_abdominis__1"].zone("essential", "both", "posterior").is_empty
    scores = naive_scores(fixture_atlas, PainMap(tuple(region_marks(fixture_atlas, "lower_back", "right", 6))))
    assert ("rectus_abdominis", "both") in scores and ("rectus_abdominis", "right") not in scores


# ------------------------------------------------------------------------------------------ translations


def write_spanish(data_dir, text):
    (data_dir / "i18n" / "es.yaml").write_text(text, encoding="utf-8")


SPANISH = """\
language: es
muscles:
  pelvic_floor:
    see_a_clinician: [Sangrado por el ano o cambios nuevos en el intestino o la vejiga., Entumecimiento en la zona genital o anal.]
    self_care:
      instead:
        text: Ninguna pelota llega a estos músculos.
        at_home: [Respiración lenta y relajada., Un cojín con hueco para el cóccix.]
      habits: [Levántese cada media hora.]
  piriformis:
    self_care:
      where: Tumbado boca arriba, la pelota bajo el centro de la nalga.
"""


def test_instead_and_warning_signs_are_translated(fixture_data):
    write_spanish(fixture_data[0], SPANISH)
    assert [p for p in check_data(*fixture_data) if "es.yaml" in p] == []
    es = load_atlas(*fixture_data, language="es")
    pelvic = es.muscles["pelvic_floor"]
    assert pelvic.self_care.instead.text == "Ninguna pelota llega a estos músculos."
    assert [f.text for f in pelvic.self_care.instead.at_home] == ["Respiración lenta y relajada.", "Un cojín con hueco para el cóccix."]
    assert pelvic.self_care.instead.at_home[0].sources == ("factsheet",)
    assert pelvic.see_a_clinician[1].text == "Entumecimiento en la zona genital o anal."
    assert es.muscles["piriformis"].self_care.compression.where.startswith("Tumbado boca arriba")


@pytest.mark.parametrize(
    "old, new, needle, message",
    [
        ("at_home: [Respiración lenta y relajada., Un cojín con hueco para el cóccix.]", "at_home: [Respiración.]", "at_home:",
         "muscles.pelvic_floor.self_care.instead.at_home: expected 2 item(s)"),
        ("  piriformis:\n", "  piriformis:\n    see_a_clinician: [Uno.]\n", "see_a_clinician: [Uno",
         "muscles.piriformis.see_a_clinician: expected 0 item(s)"),
        ("      habits:", "      where: Aquí.\n      habits:", "where: Aquí", "muscles.pelvic_floor.self_care.where: the muscle has no compression set-up"),
        ("      where: Tumbado boca arriba, la pelota bajo el centro de la nalga.", "      instead: {text: No.}", "instead: {text: No.}",
         "muscles.piriformis.self_care.instead: the muscle has a compression set-up"),
        ("        text: Ninguna", "        texto: Ninguna", "texto:", "muscles.pelvic_floor.self_care.instead: unknown key 'texto'"),
    ],
    ids=["at-home-length", "signs-length", "where-without-ball", "instead-with-ball", "instead-key"],
)
def test_broken_instead_translations_are_reported(fixture_data, old, new, needle, message):
    assert old in SPANISH
    text = SPANISH.replace(old, new)
    write_spanish(fixture_data[0], text)
    found = check_data(*fixture_data)
    line = line_of(text, needle)
    assert any(re.search(rf"es\.yaml:{line}: {re.escape(message)}", p) for p in found), found

