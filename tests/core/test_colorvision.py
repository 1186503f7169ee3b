"""Colour vision: the simulation and the colour difference, and the diagrams' colours checked with them.

The diagrams' colours live in hipmap/ui/colors.py as plain numbers (no Qt is loaded to read them). Every check
runs for normal vision and for protanopia, deuteranopia and tritanopia (Machado et al. 2009, full severity),
with the normal and the high-contrast stroke style, and against the light and the dark window backgrounds.
"""

import pytest

from hipmap.core.colorvision import DEFICIENCIES, ciede2000, delta_e, hex_rgb, lightness, over, simulate, to_lab
from hipmap.ui.kit import colors

VISIONS = (None, *DEFICIENCIES)
STYLES = {"normal": colors.NORMAL, "high contrast": colors.HIGH_CONTRAST}
BACKGROUNDS = {"light": hex_rgb("#ffffff"), "dark": hex_rgb("#1e1e1e"), "high contrast": hex_rgb("#000000")}
DISTINCT = 15.0  # CIEDE2000: colours that mean different things differ at least this much
STEP = 2.0  # neighbouring pain ratings: a visible step (about one just-noticeable difference or more)


# ------------------------------------------------------------------------------------------------ the maths


@pytest.mark.parametrize(
    "lab1, lab2, expected",
    [  # Sharma, Wu & Dalal (2005), table 1
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
        ((22.7233, 20.0904, -46.694), (23.0331, 14.973, -42.5619), 2.0373),
        ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0009), 7.1792),
        ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0012), 7.2195),
        ((50.0, -0.001, 2.49), (50.0, 0.0009, -2.49), 4.8045),
        ((90.8027, -2.0831, 1.441), (91.1528, -1.6435, 0.0447), 1.4441),
    ],
)
def test_ciede2000_matches_the_published_test_pairs(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert ciede2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)


def test_lab_of_white_black_and_a_known_red():
    assert to_lab((255, 255, 255)) == pytest.approx((100.0, 0.0, 0.0), abs=0.01)
    assert to_lab((0, 0, 0)) == pytest.approx((0.0, 0.0, 0.0), abs=0.01)
    assert to_lab((255, 0, 0)) == pytest.approx((53.24, 80.09, 67.20), abs=0.05)


def test_simulation_keeps_greys_and_merges_red_and_green_for_red_green_blindness():
    for deficiency in DEFICIENCIES:
        for grey in (0, 128, 255):
            assert simulate((grey, grey, grey), deficiency) == pytest.approx((grey, grey, grey), abs=1.0)
    red, green = (200, 60, 60), (80, 140, 50)
    assert delta_e(red, green) > 40
    for deficiency in ("protanopia", "deuteranopia"):
        assert delta_e(red, green, deficiency) < delta_e(red, green) / 2  # the classic confusion
    assert simulate(red, None) == (200.0, 60.0, 60.0)


def test_over_composites_like_an_8_bit_screen():
    assert over((255, 0, 0), 255, (0, 0, 255)) == (255, 0, 0)
    assert over((255, 0, 0), 0.5, (0, 0, 255)) == (127.5, 0, 127.5)


# ------------------------------------------------------------------------------------------------ the diagrams


def seen_fills(style):
    """Each pain rating's fill as it appears on the body drawing."""
    return [over(rgba[:3], rgba[3], colors.SKIN_RGB) for rgba in (colors.pain_rgba(i, style) for i in range(11))]


def essential_zone(style):
    return over(colors.ZONE_RGB, style.essential_alpha, colors.SKIN_RGB)


@pytest.mark.parametrize("style_name", STYLES)
@pytest.mark.parametrize("vision", VISIONS)
def test_stronger_pain_is_always_darker_in_visible_steps(vision, style_name):
    fills = seen_fills(STYLES[style_name])
    light = [lightness(f, vision) for f in fills]
    assert all(a > b for a, b in zip(light, light[1:])), light
    steps = [delta_e(a, b, vision) for a, b in zip(fills[1:], fills[2:])]
    assert min(steps) >= STEP, steps
    assert delta_e(fills[1], fills[10], vision) >= 2 * DISTINCT  # mild and severe pain are far apart


@pytest.mark.parametrize("style_name", STYLES)
@pytest.mark.parametrize("vision", VISIONS)
def test_pain_zones_skin_and_background_stay_apart(vision, style_name):
    style = STYLES[style_name]
    fills = seen_fills(style)[1:]
    zone = essential_zone(style)
    skin = colors.SKIN_RGB
    spill_line = over(colors.ZONE_RGB, style.spill_alpha, skin)
    pairs = {"essential zone vs skin": delta_e(zone, skin, vision), "spillover hatching vs skin": delta_e(spill_line, skin, vision)}
    for i, fill in enumerate(fills, 1):
        pairs[f"pain {i} vs skin"] = delta_e(fill, skin, vision)
        pairs[f"pain {i} vs essential zone"] = delta_e(fill, zone, vision)
        rgba = colors.pain_rgba(i, style)
        pairs[f"pain {i} over the zone vs the zone"] = delta_e(over(rgba[:3], rgba[3], zone), zone, vision)
        for name, background in BACKGROUNDS.items():
            pairs[f"pain {i} vs {name} background"] = delta_e(over(rgba[:3], rgba[3], background), background, vision)
    for name, background in BACKGROUNDS.items():
        pairs[f"essential zone vs {name} background"] = delta_e(over(colors.ZONE_RGB, style.essential_alpha, background), background, vision)
        # The body's edge: its fill or its outline stands out from the window behind it.
        pairs[f"body edge vs {name} background"] = max(
            delta_e(skin, background, vision), delta_e(colors.BODY_OUTLINE_RGB, background, vision)
        )
    close = {k: round(v, 1) for k, v in pairs.items() if v < DISTINCT}
    assert not close, close


def test_minimum_differences_per_vision(capsys):
    """Not a check: prints the smallest differences, for the record (pytest -s shows them)."""
    for vision in VISIONS:
        fills = seen_fills(colors.NORMAL)
        zone = essential_zone(colors.NORMAL)
        step = min(delta_e(a, b, vision) for a, b in zip(fills[1:], fills[2:]))
        apart = min(min(delta_e(f, zone, vision), delta_e(f, colors.SKIN_RGB, vision)) for f in fills[1:])
        print(f"{vision or 'normal'}: smallest step between ratings {step:.1f}, pain vs zone or skin {apart:.1f}")
