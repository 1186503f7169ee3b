"""The lower-leg and belly muscles that overlap the hip, thigh and knee patterns (shared/domain/referral-patterns.md,
"More muscles"): soleus, gastrocnemius, peroneus longus and brevis, tibialis anterior and rectus abdominis.

Each is found from its own pattern, and the patterns that overlap are told apart, on the shipped atlas.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import shapely
import yaml

from hipmap import default_data_dir
from hipmap.core.content.svgdoc import parse_svg_file
from hipmap.core.pain.painmap import Mark, PainMap, region_marks

from .test_exercises import PICTOGRAM_COLOURS, PICTOGRAM_TAGS

LEG_IDS = ("soleus", "gastrocnemius", "peroneus_longus_brevis", "tibialis_anterior")
RECTUS = "rectus_abdominis"
NEW_EXERCISES = (
    "ball_under_calf", "ball_outer_lower_leg", "thumb_pressure_shin", "fingertip_pressure_belly",
    "calf_stretch_bent_knee", "calf_stretch_straight_knee", "ankle_inversion_stretch", "kneeling_shin_stretch",
    "lying_back_over_cushion",
)  # fmt: skip
BOTH_SIDES_AT_ONCE = {"kneeling_shin_stretch", "lying_back_over_cushion"}  # kneeling on both feet; the whole belly

# Each muscle and the view its pattern is best seen on (where a person would mark it).
MAIN_VIEW = {
    "soleus": "posterior",
    "gastrocnemius": "posterior",
    "peroneus_longus_brevis": "lateral_right",
    "tibialis_anterior": "anterior",
}
# The views each muscle's trigger points are drawn on (right side): every view where they can be seen.
TRIGGER_POINT_VIEWS = {
    "soleus": {"posterior", "lateral_right"},
    "gastrocnemius": {"posterior", "lateral_right"},
    "peroneus_longus_brevis": {"posterior", "anterior", "lateral_right"},
    "tibialis_anterior": {"anterior", "lateral_right"},
}
SELF_CARE = {
    "soleus": ("ball_under_calf", ["calf_stretch_bent_knee"]),
    "gastrocnemius": ("ball_under_calf", ["calf_stretch_straight_knee"]),
    "peroneus_longus_brevis": ("ball_outer_lower_leg", ["ankle_inversion_stretch"]),
    "tibialis_anterior": ("thumb_pressure_shin", ["kneeling_shin_stretch"]),
}


# ------------------------------------------------------------------------------------------ the data under test


@pytest.fixture(scope="module")
def leg():
    """The shipped atlas, its Spanish version, a matcher, and check-data's problems."""
    from hipmap.core.content.atlas import load_atlas
    from hipmap.core.content.check import check_data
    from hipmap.core.pain.matching import Matcher

    atlas = load_atlas()
    return SimpleNamespace(atlas=atlas, spanish=load_atlas(language="es"), matcher=Matcher(atlas), problems=check_data())


def regions_map(atlas, regions, side="right", intensity=6, views=None):
    marks = []
    for region in regions:
        marks.extend(m for m in region_marks(atlas, region, side, intensity) if views is None or m.view in views)
    return PainMap(tuple(marks))


def new_exercises(leg):
    """The new exercises, all of which ship."""
    assert set(NEW_EXERCISES) <= set(leg.atlas.exercises)
    return list(NEW_EXERCISES)


def top3(result):
    return [(c.muscle_id, c.side) for c in result.top(3)]


# ------------------------------------------------------------------------------------------ the data


def test_the_data_with_the_new_muscles_is_valid(leg):
    assert leg.problems == []
    assert set(LEG_IDS) | {RECTUS} <= set(leg.atlas.muscles)
    assert set(NEW_EXERCISES) <= set(leg.atlas.exercises)


def test_trigger_points_are_drawn_on_every_view_where_they_can_be_seen(leg):
    for muscle_id, views in TRIGGER_POINT_VIEWS.items():
        muscle = leg.atlas.muscles[muscle_id]
        assert {p.view for p in muscle.trigger_points if p.side == "right"} == views, muscle_id
        mirrored = {"lateral_left" if v == "lateral_right" else v for v in views}
        assert {p.view for p in muscle.trigger_points if p.side == "left"} == mirrored, muscle_id


def test_self_care_uses_the_lower_leg_set_ups_and_stretches(leg):
    for muscle_id, (press, stretches) in SELF_CARE.items():
        care = leg.atlas.muscles[muscle_id].self_care
        assert care.compression.exercise == press, muscle_id
        assert leg.atlas.exercises[press].kind == "compression"
        assert list(care.stretches) == stretches, muscle_id
        cautions = " ".join(c.text for c in care.cautions)
        assert "referred pain" in cautions and "nerve" in cautions, muscle_id
        for fact in care.habits:
            assert "seed" in fact.sources, muscle_id


def test_calf_muscles_warn_about_a_swollen_calf_and_shin_muscles_about_a_dropping_foot(leg):
    for muscle_id in ("soleus", "gastrocnemius"):
        cautions = " ".join(c.text for c in leg.atlas.muscles[muscle_id].self_care.cautions)
        assert "swollen" in cautions and "blood clot" in cautions and "same day" in cautions, muscle_id
    for muscle_id in ("peroneus_longus_brevis", "tibialis_anterior"):
        cautions = " ".join(c.text for c in leg.atlas.muscles[muscle_id].self_care.cautions)
        assert "drops" in cautions and "drags" in cautions and "clinician" in cautions, muscle_id


def test_the_new_exercises_follow_the_house_rules(leg):
    for ex_id in new_exercises(leg):
        ex = leg.atlas.exercises[ex_id]
        assert 3 <= len(ex.steps) <= 6 and ex.feel and ex.avoid, ex_id
        sources = set(ex.sources)
        assert sources & {"factsheet", "hipmap"}, ex_id  # the set-up: named by the fact sheet, written by hipmap
        if ex.kind == "compression":
            assert ex.pressure and "referred pain" in ex.avoid and "sharp pain" in ex.avoid, ex_id
            assert 15 <= ex.hold_s <= 90 and 2 <= ex.reps <= 3 and ex.per_side, ex_id
        else:
            assert "acsm" in sources, ex_id  # the hold and repetitions
            assert ex.pressure == "" and "bouncing" in ex.avoid and "pain" in ex.avoid, ex_id
            assert ex.hold_s == 30 and 2 <= ex.reps <= 4, ex_id
            steps = " ".join(ex.steps)
            assert ex.per_side == (ex_id not in BOTH_SIDES_AT_ONCE), ex_id
            if ex.per_side:
                assert "you are stretching" in steps, ex_id
            else:
                assert "you are stretching" not in steps and "both" in steps, ex_id
            if ex.steps[0].startswith("Stand"):
                assert any("balance" in c for c in ex.cautions), ex_id
    if "lying_back_over_cushion" in leg.atlas.exercises:
        assert any("cobra" in c for c in leg.atlas.exercises["lying_back_over_cushion"].cautions)
    assert "tops of both feet" in leg.atlas.exercises["kneeling_shin_stretch"].steps[0]


def test_the_new_pictograms_are_in_the_house_style(leg):
    for ex_id in new_exercises(leg):
        ex = leg.atlas.exercises[ex_id]
        assert ex.pictogram.name == f"{ex_id}.svg"
        root = parse_svg_file(ex.pictogram)
        assert root.attrs.get("viewBox") == "0 0 200 200", ex_id
        assert (root.attrs.get("version"), root.attrs.get("baseProfile")) == ("1.2", "tiny"), ex_id
        elements = list(root.iter())
        assert {e.tag for e in elements} <= PICTOGRAM_TAGS, ex_id
        colours = {e.attrs[k].lower() for e in elements for k in ("fill", "stroke") if k in e.attrs}
        assert colours <= PICTOGRAM_COLOURS, (ex_id, colours - PICTOGRAM_COLOURS)


def test_every_text_is_in_spanish(leg):
    for muscle_id in LEG_IDS + (RECTUS,):
        en, es = leg.atlas.muscles[muscle_id], leg.spanish.muscles[muscle_id]
        assert es.name != en.name and es.short != en.short and es.description != en.description, muscle_id
        for facts in ("symptoms", "activators"):
            pairs = list(zip(getattr(es, facts), getattr(en, facts)))
            assert len(pairs) == len(getattr(en, facts)) and all(a.text != b.text for a, b in pairs), (muscle_id, facts)
        assert all(a.note != b.note for a, b in zip(es.trigger_points, en.trigger_points)), muscle_id
        sc_es, sc_en = es.self_care, en.self_care
        assert sc_es.compression.where != sc_en.compression.where, muscle_id
        assert all(a.text != b.text for a, b in zip(sc_es.habits + sc_es.cautions, sc_en.habits + sc_en.cautions)), muscle_id
    for ex_id in new_exercises(leg):
        en, es = leg.atlas.exercises[ex_id], leg.spanish.exercises[ex_id]
        assert es.name != en.name and es.feel != en.feel and es.avoid != en.avoid, ex_id
        assert len(es.steps) == len(en.steps) and all(a != b for a, b in zip(es.steps, en.steps)), ex_id
        assert len(es.cautions) == len(en.cautions) and all(a != b for a, b in zip(es.cautions, en.cautions)), ex_id


# ------------------------------------------------------------------------------------------ ranking


@pytest.mark.parametrize("muscle_id, view", MAIN_VIEW.items(), ids=list(MAIN_VIEW))
def test_marking_the_essential_regions_on_the_main_view_ranks_the_muscle_in_the_top_3(leg, muscle_id, view):
    regions = leg.atlas.muscles[muscle_id].zone_regions["essential"]
    pain = regions_map(leg.atlas, regions, views={view})
    assert pain.marks, (muscle_id, view)
    result = leg.matcher.match(pain)
    assert (muscle_id, "right") in top3(result), f"{muscle_id} on {view}: top 3 was {top3(result)}"


@pytest.mark.parametrize("muscle_id, view", MAIN_VIEW.items(), ids=list(MAIN_VIEW))
def test_marking_exactly_the_essential_zone_ranks_the_muscle_first(leg, muscle_id, view):
    zone = leg.atlas.muscles[muscle_id].zone("essential", "right", view)
    result = leg.matcher.match(PainMap((Mark(view, zone, 6),)))
    assert top3(result)[0] == (muscle_id, "right"), f"{muscle_id} on {view}: top 3 was {top3(result)}"


def test_outer_leg_and_outer_ankle_bring_up_the_peroneus(leg):
    result = leg.matcher.match(regions_map(leg.atlas, ["lateral_leg", "lateral_ankle"]))
    assert ("peroneus_longus_brevis", "right") in top3(result), top3(result)


def test_the_whole_outer_line_from_the_hip_to_the_ankle_is_gluteus_minimus_first(leg):
    # Gluteus minimus (front fibres) covers the side of the hip and the outer thigh; the peroneus pattern stops at
    # the outer ankle and the lower outer leg, so with the hip marked gluteus minimus must lead.
    regions = ["lateral_hip", "lateral_thigh", "lateral_knee", "lateral_leg", "lateral_ankle"]
    result = leg.matcher.match(regions_map(leg.atlas, regions))
    assert top3(result)[0] == ("gluteus_minimus_anterior", "right"), top3(result)


def test_heel_pain_is_soleus_first(leg):
    result = leg.matcher.match(regions_map(leg.atlas, ["heel"]))
    assert top3(result)[0] == ("soleus", "right"), top3(result)


def test_left_heel_pain_is_the_left_soleus(leg):
    result = leg.matcher.match(regions_map(leg.atlas, ["heel"], side="left"))
    assert top3(result)[0] == ("soleus", "left"), top3(result)


def test_front_of_the_ankle_and_top_of_the_foot_is_tibialis_anterior_first(leg):
    result = leg.matcher.match(regions_map(leg.atlas, ["dorsal_foot"], views={"anterior"}))
    assert top3(result)[0] == ("tibialis_anterior", "right"), top3(result)


def test_a_bilateral_lower_back_band_ranks_rectus_abdominis_for_both_sides(leg):
    from hipmap.core.geometry.shapes import band

    # The band its zone draws: the bottom of the lower back and the top of the sacroiliac area, on both sides. (The
    # whole of both regions is the lumbar paraspinals' pattern, left and right; the band explains a seventh of it.)
    post = leg.atlas.views["posterior"]
    marks = [
        Mark("posterior", band(post.regions[("lower_back", side)], "y", 0.8, 1.0).union(band(post.regions[("sacroiliac", side)], "y", 0.0, 0.5)), 6)
        for side in ("right", "left")
    ]
    result = leg.matcher.match(PainMap(tuple(marks)))
    assert (RECTUS, "both") in top3(result), top3(result)
    assert [c.key for c in result.explaining] == [(RECTUS, "both")]  # one candidate explains both sides


# ------------------------------------------------------------------------------------------ rectus abdominis file


@pytest.fixture(scope="module")
def rectus():
    return yaml.safe_load((default_data_dir() / "muscles" / f"{RECTUS}.yaml").read_text(encoding="utf-8"))


def test_rectus_abdominis_is_written_in_the_announced_format(atlas, rectus):
    """One pattern over both sides, its own signs to see a clinician, the band across the lower back, trigger
    points low on the belly, gentle self-care."""
    assert rectus["id"] == RECTUS and rectus["bilateral"] is True
    signs = " ".join(s["text"] for s in rectus["see_a_clinician"])
    for word in ("fever", "vomiting", "blood", "waves"):
        assert word in signs
    assert all(s.get("source") == "factsheet" or "factsheet" in s.get("sources", ()) for s in rectus["see_a_clinician"])
    parts = {tuple(p["regions"]): p for p in rectus["zones"]["essential"]}
    assert "from_top" in parts[("lower_back",)] and "from_top" in parts[("sacroiliac",)]  # a band, not the whole region
    assert ("lower_abdomen",) in parts
    anterior = atlas.views["anterior"]
    for tp in rectus["trigger_points"]:
        assert tp["view"] == "anterior" and tp["region"] == "lower_abdomen"
        assert anterior.regions[("lower_abdomen", "right")].distance(shapely.Point(*tp["at"])) <= 1.0
    care = rectus["self_care"]
    assert care["compression"]["exercise"] == "fingertip_pressure_belly" and care["stretches"] == ["lying_back_over_cushion"]
    _low, high = map(int, care["compression"]["pressure"].split("-"))
    assert high <= 5  # gentle on the belly
    es = yaml.safe_load((default_data_dir() / "i18n" / "es.yaml").read_text(encoding="utf-8"))["muscles"][RECTUS]
    assert len(es["see_a_clinician"]) == len(rectus["see_a_clinician"])
    assert len(es["symptoms"]) == len(rectus["symptoms"]) and len(es["trigger_points"]) == len(rectus["trigger_points"])
    assert len(es["self_care"]["cautions"]) == len(care["cautions"])
