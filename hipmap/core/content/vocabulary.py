"""The fixed vocabulary of DESIGN.md: views, sides, regions, muscles. Plain constants, cheap to import."""

SIDES = ("right", "left")
BOTH = "both"  # the side of a pattern that spans both sides (a bilateral muscle such as rectus abdominis)
ZONE_KINDS = ("essential", "spillover")
VIEW_IDS = ("posterior", "anterior", "lateral_right", "lateral_left")
REGION_IDS = (
    "lower_back", "sacroiliac", "sacrum_coccyx", "iliac_crest", "upper_buttock", "buttock_center",
    "lower_buttock", "lateral_hip", "greater_trochanter", "groin", "anterior_hip", "lower_abdomen",
    "anterior_thigh", "medial_thigh", "lateral_thigh", "posterior_thigh", "anterior_knee", "lateral_knee",
    "medial_knee", "posterior_knee", "posterior_calf", "lateral_leg", "anterior_shin", "lateral_ankle",
    "medial_ankle", "heel", "dorsal_foot",
)  # fmt: skip
MUSCLE_IDS = (
    "gluteus_minimus_anterior", "gluteus_minimus_posterior", "tensor_fasciae_latae", "gluteus_medius",
    "gluteus_maximus", "piriformis", "quadratus_lumborum", "iliopsoas", "lumbar_paraspinals", "vastus_lateralis",
    "biceps_femoris", "medial_hamstrings", "adductor_longus_brevis", "adductor_magnus", "sartorius", "pectineus",
    "rectus_femoris", "vastus_medialis", "vastus_intermedius", "gracilis", "deep_hip_rotators", "pelvic_floor",
    "soleus", "gastrocnemius", "peroneus_longus_brevis", "tibialis_anterior", "rectus_abdominis",
)  # fmt: skip
# Where a muscle lies, as the muscle browser groups them, top of the body to the bottom. No muscle of the 27 lies
# mainly at the knee (the vasti, sartorius, gracilis and the calf cross it from above or below), so there is no
# knee group; the belly and pelvic floor muscles have one.
AREAS = (
    "lower_back", "belly_and_pelvis", "buttock", "side_of_hip", "front_of_thigh", "inner_thigh", "back_of_thigh",
    "lower_leg",
)  # fmt: skip
