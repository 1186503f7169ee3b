from hipmap.core.pain.painmap import PainMap, region_marks
from hipmap.core.pain.progress import compare, figures


def marks(atlas, regions, intensity):
    return tuple(m for r in regions for m in region_marks(atlas, r, "right", intensity=intensity))


def test_less_area_and_lower_pain_read_as_better(atlas):
    before = PainMap(marks(atlas, ["lateral_thigh", "lateral_leg", "buttock_center"], 7))
    after = PainMap(marks(atlas, ["lateral_thigh"], 4))
    rows = {r.label: r for r in compare(before, after, atlas)}
    area = rows["Area marked (share of the body drawing)"]
    assert area.better is True and "less" in area.change
    strongest = rows["Strongest pain"]
    assert (strongest.before, strongest.after, strongest.change, strongest.better) == ("7/10", "4/10", "3 lower", True)
    assert rows["Average pain over the marked area"].after == "4.0/10"
    assert rows["Marks"].before == "3"  # three regions marked by name, though each lies on several views


def test_worse_and_unchanged(atlas):
    before = PainMap(marks(atlas, ["lateral_thigh"], 3))
    worse = {r.label: r for r in compare(before, PainMap(marks(atlas, ["lateral_thigh", "lateral_leg"], 5)), atlas)}
    assert worse["Strongest pain"].better is False and "more" in worse["Area marked (share of the body drawing)"].change
    same = {r.label: r for r in compare(before, before, atlas)}
    assert same["Strongest pain"].change == "the same" and same["Strongest pain"].better is None
    assert same["Area marked (share of the body drawing)"].change == "about the same"


def test_no_pain_after(atlas):
    before = PainMap(marks(atlas, ["lateral_thigh"], 3))
    rows = {r.label: r for r in compare(before, PainMap(), atlas)}
    assert rows["Strongest pain"].after == "none" and rows["Strongest pain"].better is True
    assert figures(PainMap(), atlas).average is None
