"""Fixture muscles for the coverage issue's formats, added to a copy of the shipped data (core and UI tests).

- ``pelvic_floor``: no ball can reach it, so its self-care gives ``instead`` (no compression), and it has its own
  ``see_a_clinician`` signs;
- ``rectus_abdominis``: ``bilateral: true``, one pattern across the lower back on both sides.

Until the data files land, their ids are not in the vocabulary: ``add_fixture_muscles`` adds them for the test
(monkeypatch), and leaves the vocabulary as it is once they are there.
"""

from __future__ import annotations

from pathlib import Path

PELVIC_FLOOR = """\
id: pelvic_floor
name: Pelvic floor muscles
area: belly_and_pelvis
short: The sling of muscles at the base of the pelvis; their pain is felt at the tailbone and deep inside.
description: >
  A hammock of muscles closing the bottom of the pelvis. Their trigger points lie inside the pelvis, and their
  pain is felt at the tailbone and deep in the pelvis, often worse when sitting.
source: factsheet
trigger_points:
  - view: posterior
    at: [313, 265]
    region: sacrum_coccyx
    depth: deep
    note: Inside the pelvis, beside the tailbone; they cannot be reached from outside.
    source: factsheet
zones:
  essential:
    - regions: [sacrum_coccyx]
      source: factsheet
  spillover:
    - regions: [lower_buttock]
      source: factsheet
symptoms:
  - text: An ache at the tailbone that is worse when sitting.
    source: factsheet
see_a_clinician:
  - text: Bleeding from the back passage, or new changes in how your bowel or bladder works.
    source: factsheet
  - text: Numbness around the genitals or the back passage.
    source: factsheet
self_care:
  instead:
    text: >
      No ball can reach these muscles: they lie inside the pelvis. A pelvic-health physiotherapist treats them,
      including by internal release.
    source: factsheet
    at_home:
      - text: Slow, relaxed breathing into the belly, letting the base of the pelvis soften as you breathe in.
        source: factsheet
      - text: A cushion with a cut-out for the tailbone when you sit.
        source: factsheet
  stretches: []
  habits:
    - text: Get up and move every half hour when you sit a lot.
      source: seed
"""

RECTUS_ABDOMINIS = """\
id: rectus_abdominis
name: Rectus abdominis (lower part)
area: belly_and_pelvis
short: The long muscle down the front of the belly; its lower end can send pain across the lower back.
description: >
  The lower part of the "six-pack" muscle. Its trigger points, low on the belly, refer pain across the lower
  back in a band on both sides at once.
source: ts1
bilateral: true
trigger_points:
  - view: anterior
    at: [253, 184]
    region: lower_abdomen
    depth: superficial
    note: Low on the belly, just above the pubic bone, beside the midline.
    source: ts1
zones:
  essential:
    - regions: [lower_back, sacroiliac]
      source: ts1
  spillover:
    - regions: [lower_abdomen]
      source: ts1
symptoms:
  - text: A band of ache across the lower back.
    source: ts1
see_a_clinician:
  - text: Belly pain with fever, vomiting, blood in the urine or stool, or pain that comes in waves.
    source: factsheet
self_care:
  compression:
    exercise: ball_on_floor
    where: Lying face down, the ball low on the belly beside the midline, just above the pubic bone.
    pressure: "3-5"
    hold_s: 20
    reps: 2
    source: factsheet
  stretches: [seated_butterfly, knee_to_chest]
"""

FIXTURES = {"pelvic_floor": PELVIC_FLOOR, "rectus_abdominis": RECTUS_ABDOMINIS}


def extend_vocabulary(monkeypatch, *muscle_ids: str) -> None:
    """Add muscle ids to the vocabulary for one test (the modules that read it keep their own reference)."""
    from hipmap.core.content import anatomy, atlas, fields, vocabulary

    ids = tuple(dict.fromkeys((*vocabulary.MUSCLE_IDS, *muscle_ids)))
    for module in (vocabulary, atlas, fields, anatomy):
        monkeypatch.setattr(module, "MUSCLE_IDS", ids)


def add_fixture_muscles(data_dir: Path, monkeypatch, **texts: str) -> None:
    """Write the fixture muscles (default: both) into a copy of data/, with their ids in the vocabulary."""
    texts = texts or dict(FIXTURES)
    extend_vocabulary(monkeypatch, *FIXTURES)  # both ids, so that a missing fixture is a missing-file problem
    for muscle_id, text in FIXTURES.items():
        text = texts.get(muscle_id, text)
        (Path(data_dir) / "muscles" / f"{muscle_id}.yaml").write_text(text, encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line of TEXT containing NEEDLE."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)
