"""The thigh-and-pelvis muscles of the coverage issue, and the fact sheet's corrections to the first seventeen.

Each correction test checks that the data now says what shared/domain/referral-patterns.md ("Corrections to the
patterns above") says, on the shapes the matcher uses, not only on the region names."""

import pytest
import shapely
import yaml

from hipmap import default_data_dir
from hipmap.core.content.atlas import load_atlas
from hipmap.core.content.check import check_data
from hipmap.core.geometry.shapes import polygon_from_path
from hipmap.core.pain.matching import Matcher
from hipmap.core.pain.painmap import Mark, PainMap, region_marks

KNEE_BOTTOM = 640  # y of the line between the knee regions and the lower-leg regions on every drawn view
DRAWN_VIEWS = ("posterior", "anterior", "lateral_right")


def region(atlas, view, name, side="right"):
    return atlas.views[view].regions[(name, side)]


def overlap(atlas, muscle_id, kind, view, name, side="right"):
    """The area of a muscle's zone inside one region on one view."""
    zone = atlas.muscles[muscle_id].zone(kind, side, view)
    shape = atlas.views[view].regions.get((name, side))
    return 0.0 if shape is None else zone.intersection(shape).area


# ------------------------------------------------------------------------------------------ corrections


def test_medial_hamstrings_strong_zone_is_the_gluteal_fold_and_upper_back_of_thigh(atlas):
    muscle = atlas.muscles["medial_hamstrings"]
    assert set(muscle.zone_regions["essential"]) == {"lower_buttock", "posterior_thigh"}
    for knee in ("posterior_knee", "medial_knee"):
        assert knee not in muscle.zone_regions["essential"]
        assert knee in muscle.zone_regions["spillover"]
        assert overlap(atlas, "medial_hamstrings", "essential", "posterior", knee) == 0
        assert overlap(atlas, "medial_hamstrings", "spillover", "posterior", knee) > 0
    # The essential part of the back of the thigh is its upper half.
    thigh = region(atlas, "posterior", "posterior_thigh")
    top, bottom = thigh.bounds[1], thigh.bounds[3]
    essential = muscle.zone("essential", "right", "posterior").intersection(thigh)
    assert essential.area > 0 and essential.bounds[3] <= top + 0.5 * (bottom - top) + 1
    # The upper inner calf stays spillover.
    assert overlap(atlas, "medial_hamstrings", "essential", "posterior", "posterior_calf") == 0
    assert overlap(atlas, "medial_hamstrings", "spillover", "posterior", "posterior_calf") > 0


def test_gluteus_minimus_posterior_has_no_heel_zone(atlas):
    muscle = atlas.muscles["gluteus_minimus_posterior"]
    assert all("heel" not in names for names in muscle.zone_regions.values())
    for view in DRAWN_VIEWS:
        for kind in ("essential", "spillover"):
            assert overlap(atlas, "gluteus_minimus_posterior", kind, view, "heel") == 0
    assert all("heel" not in fact.text.lower() for fact in (*muscle.symptoms, *muscle.activators))
    assert "heel" not in muscle.description.lower()


def test_tensor_fasciae_latae_zones_stop_at_the_knee(atlas):
    muscle = atlas.muscles["tensor_fasciae_latae"]
    for (kind, side, view), shape in muscle.zones.items():
        assert shape.bounds[3] <= KNEE_BOTTOM + 1, (kind, side, view)
    for names in muscle.zone_regions.values():
        assert not {"lateral_leg", "anterior_shin", "posterior_calf", "lateral_ankle"} & set(names)
    assert not any("rarely going below" in fact.text for fact in muscle.symptoms)


def test_quadratus_lumborum_belly_and_groin_are_spillover_and_upper_outer_thigh_is_added(atlas):
    muscle = atlas.muscles["quadratus_lumborum"]
    for name in ("lower_abdomen", "groin"):
        assert name not in muscle.zone_regions["essential"]
        assert name in muscle.zone_regions["spillover"]
    # (the smoothed zones are kept to four decimals in data/zones: a shared edge's noise, far under a square unit)
    assert overlap(atlas, "quadratus_lumborum", "essential", "anterior", "lower_abdomen") < 1.0
    assert overlap(atlas, "quadratus_lumborum", "spillover", "anterior", "groin") > 0
    # The upper outer thigh, as spillover, from a lower superficial trigger point just above the pelvic rim.
    for view in DRAWN_VIEWS:
        thigh = region(atlas, view, "lateral_thigh")
        spill = muscle.zone("spillover", "right", view).intersection(thigh)
        assert spill.area > 0, view
        assert spill.bounds[3] <= thigh.bounds[1] + 0.5 * (thigh.bounds[3] - thigh.bounds[1]), view
    crest_top = region(atlas, "posterior", "iliac_crest").bounds[1]
    superficial = [p for p in muscle.points_on("posterior", "right") if p.depth == "superficial"]
    assert len(superficial) >= 2
    assert any(crest_top - 25 <= p.y <= crest_top for p in superficial)


def test_gluteus_maximus_refers_to_the_whole_buttock_and_not_the_pelvic_rim(atlas):
    muscle = atlas.muscles["gluteus_maximus"]
    for name in ("upper_buttock", "buttock_center", "lower_buttock"):
        assert name in muscle.zone_regions["essential"]
        buttock = region(atlas, "posterior", name)
        covered = muscle.zone("essential", "right", "posterior").intersection(buttock).area
        assert covered > 0.95 * buttock.area, name
    assert all("iliac_crest" not in names for names in muscle.zone_regions.values())
    # TrP2 lies just above the sitting bone, not on it.
    notes = [p.note for p in muscle.trigger_points]
    assert not any("over the sitting bone" in n for n in notes)
    assert any("just above the sitting bone" in n for n in notes)


def test_gluteus_medius_has_a_front_trigger_point_referring_along_the_rim_to_the_low_back(atlas):
    muscle = atlas.muscles["gluteus_medius"]
    asis = (349, 214)  # the front bony point of the pelvis on the right-side view (landmark-asis)
    trochanter_x = region(atlas, "lateral_right", "greater_trochanter").centroid.x
    front = [p for p in muscle.points_on("lateral_right", "right") if p.x > trochanter_x + 20]
    assert front, "no trigger point in front of the middle of the hip on the side view"
    assert any(shapely.Point(p.x, p.y).distance(shapely.Point(*asis)) < 30 for p in front)
    assert "lower_back" in muscle.zone_regions["essential"]
    assert overlap(atlas, "gluteus_medius", "essential", "posterior", "lower_back") > 0
    # Along the crest: the front of the rim too, where the front trigger point lies.
    essential = muscle.zone("essential", "right", "lateral_right")
    assert any(essential.distance(shapely.Point(p.x, p.y)) == 0 for p in front)


def test_iliopsoas_self_care_keeps_outside_the_femoral_pulse_and_offers_finger_pressure(atlas):
    care = atlas.muscles["iliopsoas"].self_care
    assert "outer side of the pulse" in care.compression.where
    cautions = " ".join(c.text for c in care.cautions).lower()
    assert "artery" in cautions and "nerve" in cautions
    assert all(word in cautions for word in ("tingling", "burning", "numbness"))
    assert "fingertip" in cautions and "rim of the pelvis" in cautions


def test_adductor_longus_brevis_shin_spillover_is_the_upper_inner_shin_only(atlas):
    shin = region(atlas, "anterior", "anterior_shin")
    spill = atlas.muscles["adductor_longus_brevis"].zone("spillover", "right", "anterior").intersection(shin)
    top, bottom = shin.bounds[1], shin.bounds[3]
    assert spill.area > 0
    assert spill.bounds[3] <= top + 0.5 * (bottom - top)
    # The inner side: the right leg's inner edge is toward the midline (larger x on the front view).
    assert spill.centroid.x > shin.centroid.x


# ------------------------------------------------------------------------------------------ stretch attributions

# The stretches the seed article or the fact sheet names (standing and passive adduction, seated glute stretch,
# pigeon pose, low lunge, quadriceps stretch, butterfly, side lunge) and those hipmap wrote from the anatomy alone.
SUPPORTED_STRETCHES = {
    "standing_crossover_adduction", "passive_adduction_bench", "seated_glute_stretch", "pigeon_pose", "low_lunge",
    "standing_quad_stretch", "seated_butterfly", "side_lunge_adductor",
}  # fmt: skip
OWN_STRETCHES = {"knee_to_chest", "standing_side_bend", "lying_hamstring_stretch"}


def test_stretches_cite_a_book_only_where_the_fact_sheet_or_seed_article_supports_them(atlas):
    assert "not taken from a published source" in atlas.sources["hipmap"].note
    for stretch_id in SUPPORTED_STRETCHES | OWN_STRETCHES:
        sources = set(atlas.exercises[stretch_id].sources)
        assert not sources & {"ts1", "ts2", "davies"}, stretch_id  # never checked against the books
        assert "acsm" in sources, stretch_id  # the hold and repetitions
        if stretch_id in SUPPORTED_STRETCHES:
            assert "hipmap" not in sources and sources & {"seed", "factsheet"}, stretch_id
        else:
            assert "hipmap" in sources and not sources & {"seed", "factsheet"}, stretch_id


# ------------------------------------------------------------------------------------------ the new muscles

# The new muscles, each with the view it is mainly seen on.
NEW_MUSCLES = {
    "vastus_medialis": "anterior",
    "vastus_intermedius": "anterior",
    "gracilis": "anterior",
    "deep_hip_rotators": "posterior",
    "pelvic_floor": "posterior",
}
NEEDS_ONLY_THEIR_IDS = ("vastus_medialis", "vastus_intermedius", "gracilis", "deep_hip_rotators")  # the ball ones


@pytest.fixture(scope="module")
def thigh(atlas):
    """(problems, English atlas, Spanish atlas) of the shipped data."""
    return check_data(), atlas, load_atlas(language="es")


@pytest.fixture(scope="module")
def thigh_atlas(thigh):
    return thigh[1]


def test_the_new_muscles_pass_check_data(thigh):
    problems, english, _spanish = thigh
    mine = [p for p in problems if "i18n" in p or any(f"{m}.yaml" in p for m in NEW_MUSCLES)]
    assert mine == []
    assert set(NEEDS_ONLY_THEIR_IDS) <= set(english.muscles)


@pytest.mark.parametrize("muscle_id, view", NEW_MUSCLES.items(), ids=list(NEW_MUSCLES))
def test_marking_a_new_muscles_essential_zone_ranks_it_in_the_top_3(thigh_atlas, muscle_id, view):
    """Pain over the regions of its essential zone, on its main view, right side; a zone drawn as its own shape
    (the pelvic floor's tailbone, a small part of the sacrum-and-tailbone region) is marked as drawn."""
    muscle = thigh_atlas.muscles[muscle_id]
    marks = []
    for name in muscle.zone_regions["essential"]:
        marks.extend(m for m in region_marks(thigh_atlas, name, "right", 6) if m.view == view)
    if not muscle.zone_regions["essential"]:
        marks.append(Mark(view, muscle.zone("essential", "right", view), 6, (), "right"))
    assert marks, muscle_id
    top = [c.key for c in Matcher(thigh_atlas).match(PainMap(tuple(marks))).top(3)]
    assert (muscle_id, "right") in top, f"{muscle_id}: top 3 was {top}"


def test_the_fact_sheet_patterns_still_rank_as_before_with_the_new_muscles(thigh_atlas):
    """tests/core/test_matching.py's expectations hold with the new muscles in the atlas."""
    from tests.core.test_matching import PATTERNS

    matcher = Matcher(thigh_atlas)
    for label, regions, expected in PATTERNS:
        marks = [m for name in regions for m in region_marks(thigh_atlas, name, "right", 6)]
        top = [c.key for c in matcher.match(PainMap(tuple(marks))).top(3)]
        assert (expected, "right") in top, f"{label}: top 3 was {top}"


# Where the fact sheet puts each new muscle's trigger points: (view, region) of every drawn point, right side.
TRIGGER_POINT_PLACES = {
    "vastus_medialis": {("anterior", "medial_thigh")},
    "vastus_intermedius": {("anterior", "anterior_thigh"), ("lateral_right", "anterior_thigh")},
    "gracilis": {("anterior", "medial_thigh"), ("posterior", "medial_thigh")},
    "deep_hip_rotators": {("posterior", "buttock_center"), ("posterior", "lower_buttock"), ("lateral_right", "buttock_center")},
}  # fmt: skip


@pytest.mark.parametrize("muscle_id", list(TRIGGER_POINT_PLACES))
def test_new_muscles_are_complete(thigh_atlas, muscle_id):
    muscle = thigh_atlas.muscles[muscle_id]
    assert "(" in muscle.name and muscle.short and muscle.description and muscle.symptoms
    points = muscle.points_on("posterior", "right") + muscle.points_on("anterior", "right")
    points += muscle.points_on("lateral_right", "right")
    assert {(p.view, p.region) for p in points} == TRIGGER_POINT_PLACES[muscle_id]
    assert all(p.note and p.sources for p in points)
    care = muscle.self_care
    low, high = (int(n) for n in care.compression.pressure.split("-"))
    assert 4 <= low < high <= 7  # the fact sheet's tolerable 4-7 out of 10
    assert 15 <= care.compression.hold_s <= 90 and 2 <= care.compression.reps <= 3
    assert 1 <= len(care.stretches) <= 3
    assert any("referred pain" in c.text for c in care.cautions)
    assert any("nerve signs" in c.text for c in care.cautions)


def test_new_muscles_trigger_points_lie_where_the_fact_sheet_says(thigh_atlas):
    atlas = thigh_atlas
    knee_top = region(atlas, "anterior", "anterior_knee").bounds[1]
    vm = atlas.muscles["vastus_medialis"].points_on("anterior", "right")
    assert min(knee_top - p.y for p in vm) < 40  # one just above the knee
    assert max(knee_top - p.y for p in vm) > 70  # one higher, mid inner thigh
    vi = atlas.muscles["vastus_intermedius"]
    assert all(p.depth == "deep" for p in vi.trigger_points)  # under rectus femoris
    thigh = region(atlas, "anterior", "anterior_thigh")
    (front,) = vi.points_on("anterior", "right")
    assert abs(front.y - thigh.centroid.y) < 0.15 * (thigh.bounds[3] - thigh.bounds[1])  # the middle of the thigh
    assert all(p.depth == "superficial" for p in atlas.muscles["gracilis"].trigger_points)
    rotators = atlas.muscles["deep_hip_rotators"].points_on("posterior", "right")
    piriformis = atlas.muscles["piriformis"].points_on("posterior", "right")
    sacrum_edge = region(atlas, "posterior", "sacrum_coccyx").bounds[2]
    trochanter = region(atlas, "posterior", "greater_trochanter").centroid.x
    assert all(p.depth == "deep" for p in rotators)
    assert all(p.y > max(q.y for q in piriformis) for p in rotators)  # below piriformis
    assert all(sacrum_edge < p.x < trochanter for p in rotators)  # between the sacrum and the bony point of the hip


def test_new_muscles_zones_follow_the_fact_sheet(thigh_atlas):
    atlas = thigh_atlas
    vm = atlas.muscles["vastus_medialis"]
    assert set(vm.zone_regions["essential"]) == {"anterior_knee", "medial_knee"}
    knee = region(atlas, "anterior", "anterior_knee")
    inner = vm.zone("essential", "right", "anterior").intersection(knee)
    assert inner.area > 0 and inner.centroid.x > knee.centroid.x  # the inner (medial) part of the front of the knee
    assert set(atlas.muscles["vastus_intermedius"].zone_regions["essential"]) == {"anterior_thigh"}
    assert overlap(atlas, "vastus_intermedius", "essential", "anterior", "anterior_knee") == 0
    gracilis = atlas.muscles["gracilis"]
    assert set(gracilis.zone_regions["essential"]) == {"medial_thigh"} and "medial_knee" in gracilis.zone_regions["spillover"]
    rotators = atlas.muscles["deep_hip_rotators"]
    assert {"buttock_center", "lower_buttock", "greater_trochanter"} == set(rotators.zone_regions["essential"])
    thigh = region(atlas, "posterior", "posterior_thigh")
    spill = rotators.zone("spillover", "right", "posterior").intersection(thigh)
    assert spill.area > 0 and spill.bounds[3] <= thigh.bounds[1] + 0.5 * (thigh.bounds[3] - thigh.bounds[1])


def test_new_muscles_are_translated_to_spanish(thigh):
    _problems, english, spanish = thigh
    for muscle_id in NEEDS_ONLY_THEIR_IDS:
        en, es = english.muscles[muscle_id], spanish.muscles[muscle_id]
        assert es.name != en.name and es.short != en.short and es.description != en.description
        assert all(a.text != b.text for a, b in zip(es.symptoms + es.activators, en.symptoms + en.activators))
        assert all(a.note != b.note for a, b in zip(es.trigger_points, en.trigger_points))
        care_en, care_es = en.self_care, es.self_care
        assert care_es.compression.where != care_en.compression.where
        assert all(a.text != b.text for a, b in zip(care_es.cautions, care_en.cautions))


# ------------------------------------------------------------------------------------------ pelvic floor: no ball


def _pelvic_floor_files():
    folder = default_data_dir()
    return folder / "muscles" / "pelvic_floor.yaml", folder / "i18n" / "es.yaml"


def _sources_of(item):
    return item.get("sources") or [item["source"]]


def test_pelvic_floor_has_no_ball_and_says_who_treats_it(atlas):
    """Written in the announced format for a muscle with no compression (checked here on the file itself)."""
    path, es_path = _pelvic_floor_files()
    muscle = yaml.safe_load(path.read_text(encoding="utf-8"))
    care = muscle["self_care"]
    assert "compression" not in care and care["stretches"] == []
    instead = care["instead"]
    assert "pelvic-health physiotherapist" in instead["text"] and "inside" in instead["text"]
    assert 1 <= len(instead["at_home"]) <= 4
    assert any("breath" in item["text"] for item in instead["at_home"])
    assert any("cushion" in item["text"] for item in instead["at_home"])
    signs = " ".join(item["text"] for item in muscle["see_a_clinician"]).lower()
    assert all(word in signs for word in ("bleeding", "bowel", "bladder", "saddle"))
    facts = [instead, *instead["at_home"], *muscle["see_a_clinician"], *care["habits"], *care["cautions"],
             *muscle["symptoms"], *muscle["activators"], *muscle["trigger_points"]]  # fmt: skip
    for fact in facts:
        assert set(_sources_of(fact)) <= set(atlas.sources), fact
    for parts in muscle["zones"].values():
        for part in parts:
            assert set(part.get("regions", [])) <= set(atlas.regions) and set(_sources_of(part)) <= set(atlas.sources)
    tailbone = atlas.views["posterior"].regions[("sacrum_coccyx", "right")]
    tailbone = tailbone.intersection(shapely.box(300, 305, 340, 330))  # below the joint between sacrum and tailbone
    (essential,) = muscle["zones"]["essential"]
    assert essential["view"] == "posterior" and polygon_from_path(essential["path"]).contains(tailbone.buffer(-0.5))
    for point in muscle["trigger_points"]:
        shape = atlas.views[point["view"]].regions[(point["region"], "right")]
        assert shape.distance(shapely.Point(*point["at"])) <= 1.0
    es = yaml.safe_load(es_path.read_text(encoding="utf-8"))["muscles"]["pelvic_floor"]
    assert len(es["see_a_clinician"]) == len(muscle["see_a_clinician"])
    assert len(es["self_care"]["instead"]["at_home"]) == len(instead["at_home"])
    assert es["self_care"]["instead"]["text"] != instead["text"]
