"""Colour vision deficiency, as plain maths: simulate how a colour looks with protanopia, deuteranopia or
tritanopia, and measure how far apart two colours look (CIEDE2000).

The simulation is Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation of color
vision deficiency", IEEE TVCG 15(6), at severity 1.0 (the full dichromacy), applied in linear RGB as the paper
prescribes. CIEDE2000 follows Sharma, Wu & Dalal (2005), whose test pairs tests/core checks it against.
Colours are (r, g, b) tuples of 0-255 sRGB values; alpha is handled by ``over`` (the way a screen composites
8-bit colours: in sRGB, not in linear light).
"""

from __future__ import annotations

import math

RGB = tuple[float, float, float]

# Machado et al. (2009), table of matrices, severity 1.0 (linear RGB in, linear RGB out).
MACHADO_2009 = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
DEFICIENCIES = tuple(MACHADO_2009)
D65 = (0.95047, 1.0, 1.08883)


def _to_linear(c: float) -> float:
    c = c / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _to_srgb(c: float) -> float:
    c = max(0.0, min(1.0, c))
    return 255.0 * (12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055)


def simulate(rgb: RGB, deficiency: str | None) -> RGB:
    """How ``rgb`` looks with a deficiency ("protanopia", "deuteranopia", "tritanopia"); None: unchanged."""
    if deficiency is None:
        return tuple(float(c) for c in rgb)
    m = MACHADO_2009[deficiency]
    lin = [_to_linear(c) for c in rgb]
    return tuple(_to_srgb(sum(m[i][j] * lin[j] for j in range(3))) for i in range(3))


def over(rgb: RGB, alpha: float, below: RGB) -> RGB:
    """``rgb`` at opacity ``alpha`` (0-1, or 0-255 when above 1) painted over ``below``."""
    a = alpha / 255.0 if alpha > 1.0 else alpha
    return tuple(a * top + (1.0 - a) * bottom for top, bottom in zip(rgb, below))


def to_lab(rgb: RGB) -> tuple[float, float, float]:
    """sRGB (D65) to CIE L*a*b*."""
    r, g, b = (_to_linear(c) for c in rgb)
    xyz = (
        0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
        0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
        0.0193339 * r + 0.1191920 * g + 0.9503041 * b,
    )

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = (f(v / w) for v, w in zip(xyz, D65))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def lightness(rgb: RGB, deficiency: str | None = None) -> float:
    """CIE L* (0 black - 100 white) of a colour as seen with a deficiency."""
    return to_lab(simulate(rgb, deficiency))[0]


def ciede2000(lab1, lab2) -> float:
    """The CIEDE2000 colour difference of two L*a*b* colours (kL = kC = kH = 1)."""
    L1, a1, b1 = lab1
    L2, a2, b2 = lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dLp, dCp = L2 - L1, c2p - c1p
    if c1p * c2p == 0:
        dhp = 0.0
    elif abs(h2p - h1p) <= 180:
        dhp = h2p - h1p
    elif h2p - h1p > 180:
        dhp = h2p - h1p - 360
    else:
        dhp = h2p - h1p + 360
    dHp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dhp / 2))
    Lp_bar, Cp_bar = (L1 + L2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hp_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp_bar = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        hp_bar = (h1p + h2p + 360) / 2
    else:
        hp_bar = (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(hp_bar - 30))
        + 0.24 * math.cos(math.radians(2 * hp_bar))
        + 0.32 * math.cos(math.radians(3 * hp_bar + 6))
        - 0.20 * math.cos(math.radians(4 * hp_bar - 63))
    )
    d_theta = 30 * math.exp(-(((hp_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(Cp_bar**7 / (Cp_bar**7 + 25**7))
    s_l = 1 + 0.015 * (Lp_bar - 50) ** 2 / math.sqrt(20 + (Lp_bar - 50) ** 2)
    s_c = 1 + 0.045 * Cp_bar
    s_h = 1 + 0.015 * Cp_bar * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt(
        (dLp / s_l) ** 2 + (dCp / s_c) ** 2 + (dHp / s_h) ** 2 + r_t * (dCp / s_c) * (dHp / s_h)
    )


def delta_e(rgb1: RGB, rgb2: RGB, deficiency: str | None = None) -> float:
    """How different two sRGB colours look (CIEDE2000), to normal vision or with a deficiency."""
    return ciede2000(to_lab(simulate(rgb1, deficiency)), to_lab(simulate(rgb2, deficiency)))


def hex_rgb(text: str) -> RGB:
    """'#1a66c2' -> (26, 102, 194)."""
    text = text.lstrip("#")
    return tuple(int(text[i : i + 2], 16) for i in (0, 2, 4))
