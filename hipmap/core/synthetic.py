"""Synthetic atlases and pain maps for benchmarks and property tests (seeded, reproducible)."""

from __future__ import annotations

import random
from dataclasses import replace
from types import MappingProxyType

from shapely import affinity

from .content.model import Atlas
from .geometry.shapes import polygonal, union
from .pain.painmap import PainMap, click_mark, stroke_mark


def scaled_atlas(atlas: Atlas, factor: int, seed: int = 7) -> Atlas:
    """An atlas with `factor` times the muscles: each copy's zones shifted a little, clipped to the body."""
    rng = random.Random(seed)
    muscles = {}
    for muscle in atlas.muscles.values():
        for k in range(factor):
            dx, dy = (0.0, 0.0) if k == 0 else (rng.uniform(-15, 15), rng.uniform(-15, 15))
            zones = {}
            for (kind, side, view_id), shape in muscle.zones.items():
                moved = affinity.translate(shape, dx, dy) if (dx or dy) else shape
                body = atlas.views[view_id].body
                within = body[side] if side in body else union(body.values())  # "both": a bilateral pattern
                zones[(kind, side, view_id)] = polygonal(moved.intersection(within))
            muscle_id = muscle.id if k == 0 else f"{muscle.id}__{k}"
            muscles[muscle_id] = replace(muscle, id=muscle_id, zones=MappingProxyType(zones))
    return replace(atlas, muscles=MappingProxyType(muscles))


def random_point_on_body(atlas: Atlas, rng: random.Random, view_id: str) -> tuple[float, float]:
    view = atlas.views[view_id]
    side = rng.choice(view.sides)
    body = view.body[side]
    minx, miny, maxx, maxy = body.bounds
    from shapely.geometry import Point

    for _ in range(1000):
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if body.contains(Point(x, y)):
            return x, y
    return body.representative_point().coords[0]


def random_click_map(atlas: Atlas, rng: random.Random) -> PainMap:
    view_id = rng.choice(list(atlas.views))
    x, y = random_point_on_body(atlas, rng, view_id)
    return PainMap((click_mark(view_id, x, y, intensity=rng.randint(1, 10)),))


def random_painted_map(atlas: Atlas, rng: random.Random, strokes: int = 40) -> PainMap:
    """A map of `strokes` brush strokes, each a short wandering line, on one or two views."""
    views = rng.sample(list(atlas.views), k=2)
    marks = []
    for i in range(strokes):
        view_id = views[i % 2] if i % 5 == 0 else views[0]
        x, y = random_point_on_body(atlas, rng, view_id)
        points = [(x, y)]
        for _ in range(rng.randint(6, 20)):
            x += rng.uniform(-8, 8)
            y += rng.uniform(-8, 8)
            points.append((x, y))
        marks.append(stroke_mark(view_id, points, radius=rng.uniform(6, 16), intensity=rng.choice((3, 5, 7, 8))))
    return PainMap(tuple(marks))
