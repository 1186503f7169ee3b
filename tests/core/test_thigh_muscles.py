"""The thigh-and-pelvis muscles of the coverage issue, and the fact sheet's corrections to the first seventeen.

Each correction test checks that the data now says what shared/domain/referral-patterns.md ("Corrections to the
patterns above") says, on the shapes the matcher uses, not only on the region names."""

import shapely

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
    assert overlap(atlas, "quadratus_lumborum", "essential", "anterior", "lower_abdomen") == 0
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
