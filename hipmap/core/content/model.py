"""The atlas as frozen objects: Region, View, TriggerPoint, Fact, Compression, Instead, SelfCare, Muscle and Atlas.

Plain data and the questions asked of it (which region is under a point, which side a shape lies on); reading
and checking the files that fill it is ``atlas.load_atlas``'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from ..geometry.shapes import EMPTY
from .anatomy import MuscleAnatomy
from .exercises import Exercise
from .fields import Source
from .vocabulary import BOTH, SIDES


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    description: str
    aliases: tuple[str, ...] = ()  # other words people use for it ("IT band"): found by the region search



def _overlap_area(big: BaseGeometry, small: BaseGeometry) -> float:
    """The area two shapes share, quick when SMALL is small: BIG is first cut to SMALL's bounding box (cheap), so
    the exact overlay runs on a few edges instead of a whole body outline."""
    near = shapely.clip_by_rect(big, *small.bounds)
    if near.is_empty:
        return 0.0
    try:
        return near.intersection(small).area
    except shapely.errors.GEOSException:
        # clip_by_rect does not promise a valid result (GEOS's docs), and a cut across a narrow neck of the
        # outline can cross itself: then the exact overlay, on the whole outline.
        return big.intersection(small).area

@dataclass(frozen=True)
class View:
    id: str
    title: str
    viewbox: tuple[float, float, float, float]
    svg_file: Path
    mirrored: bool  # drawn as the mirror image of svg_file (lateral_left)
    midline: float | None  # bilateral views: the x of the body's midline
    sides: tuple[str, ...]
    body: Mapping[str, BaseGeometry]
    regions: Mapping[tuple[str, str], BaseGeometry]  # (region id, side) -> shape

    @property
    def center_x(self) -> float:
        return self.viewbox[0] + self.viewbox[2] / 2.0

    def region_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r for r, _side in self.regions))

    def region_at(self, x: float, y: float) -> tuple[str, str] | None:
        point = Point(x, y)
        for (region_id, side), shape in self.regions.items():
            if shape.covers(point):
                return region_id, side
        return None

    def side_of(self, geometry: BaseGeometry) -> str | None:
        """Which side of the body a shape lies on: 'right', 'left', 'both', or None if off the body."""
        inside = geometry.area > 0.0
        touched = []
        for s in self.sides:
            body = self.body[s]
            shapely.prepare(body)  # in place, once: the tests below are then quick on a detailed outline
            if not shapely.intersects(body, geometry):
                continue
            # Wholly inside needs no intersection (slow on a detailed outline); across the edge, the overlap must
            # have an area (touching along the edge is not on that side).
            if (inside and shapely.contains_properly(body, geometry)) or _overlap_area(body, geometry) > 0.0:
                touched.append(s)
        if not touched:
            return None
        return touched[0] if len(touched) == 1 else "both"

    def regions_under(self, geometry: BaseGeometry, min_share: float = 0.1) -> list[tuple[str, str]]:
        """The regions (id, side) holding at least ``min_share`` of a shape, most of it first: the words for
        where a mark lies ("right outer thigh"), for people who cannot see the diagram."""
        if geometry.is_empty or geometry.area <= 0.0:
            return []
        keys = list(self.regions)
        shapes = list(self.regions.values())
        near = shapely.intersects(shapes, geometry)
        found = []
        for key, shape, hit in zip(keys, shapes, near):
            if hit:
                share = shape.intersection(geometry).area / geometry.area
                if share >= min_share:
                    found.append((share, key))
        found.sort(key=lambda item: -item[0])
        return [key for _share, key in found]


@dataclass(frozen=True)
class TriggerPoint:
    view: str
    side: str
    x: float
    y: float
    region: str
    depth: str
    note: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Fact:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Compression:
    exercise: str  # an exercise id of kind compression
    where: str  # where to place the ball, in plain words
    pressure: str  # the target on 0-10, e.g. "4-7"
    hold_s: int
    reps: int
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Instead:
    """In place of a compression set-up, for a muscle no ball can reach (the pelvic floor): why, who treats it,
    and the few things that are safe at home."""

    text: str
    sources: tuple[str, ...]
    at_home: tuple[Fact, ...]  # 1-4 items


@dataclass(frozen=True)
class SelfCare:
    compression: Compression | None  # None exactly when ``instead`` is given
    stretches: tuple[str, ...]  # exercise ids of kind stretch; empty when the sources give none for this muscle
    habits: tuple[Fact, ...]
    cautions: tuple[Fact, ...]
    instead: Instead | None = None


@dataclass(frozen=True)
class Muscle:
    id: str
    name: str
    short: str
    description: str
    sources: tuple[str, ...]
    symptoms: tuple[Fact, ...]
    activators: tuple[Fact, ...]
    zone_regions: Mapping[str, tuple[str, ...]]  # kind -> regions named in that zone, in the order given
    trigger_points: tuple[TriggerPoint, ...]  # every view and both sides
    zones: Mapping[tuple[str, str, str], BaseGeometry]  # (kind, side, view) -> shape; absent = empty
    file: Path | None = None
    self_care: SelfCare | None = None
    see_a_clinician: tuple[Fact, ...] = ()  # signs specific to this muscle that mean "see a clinician instead"
    # One pattern spanning both sides (rectus abdominis): matched, listed and treated as the single side "both".
    # Its zones are kept per side as well as for "both" (the union), so a diagram can still draw either half.
    bilateral: bool = False
    area: str = ""  # where it lies: one of vocabulary.AREAS (the muscle browser's groups)
    aliases: tuple[str, ...] = ()  # other names people use for it ("IT band", "psoas"), in the atlas's language
    names: tuple[str, ...] = ()  # its name and aliases in every language the data has: what the browser searches

    @property
    def sides(self) -> tuple[str, ...]:
        """The sides this muscle is a candidate on: ("both",) for a bilateral pattern, else right and left."""
        return (BOTH,) if self.bilateral else SIDES

    def zone(self, kind: str, side: str, view: str) -> BaseGeometry:
        return self.zones.get((kind, side, view), EMPTY)

    def points_on(self, view: str, side: str | None = None) -> tuple[TriggerPoint, ...]:
        """Its trigger points on a view, on one side; side None or "both": on both sides."""
        every = side is None or side == BOTH
        return tuple(p for p in self.trigger_points if p.view == view and (every or p.side == side))

    def source_keys(self, exercises: Mapping | None = None) -> list[str]:
        """Every source behind what is said about this muscle: its facts, trigger points and self-care (with the
        exercises it names, when the library is given), in first-cited order."""
        keys = [*self.sources]
        for fact in (*self.symptoms, *self.activators):
            keys.extend(fact.sources)
        for point in self.trigger_points:
            keys.extend(point.sources)
        care = self.self_care
        if care is not None:
            if care.compression is not None:
                keys.extend(care.compression.sources)
            if care.instead is not None:
                keys.extend(care.instead.sources)
                for fact in care.instead.at_home:
                    keys.extend(fact.sources)
            for fact in (*care.habits, *care.cautions):
                keys.extend(fact.sources)
            pressed = (care.compression.exercise,) if care.compression is not None else ()
            for exercise_id in (*pressed, *care.stretches):
                if exercises and exercise_id in exercises:
                    keys.extend(exercises[exercise_id].sources)
        for fact in self.see_a_clinician:
            keys.extend(fact.sources)
        return list(dict.fromkeys(keys))


@dataclass(frozen=True)
class Atlas:
    views: Mapping[str, View]
    regions: Mapping[str, Region]
    muscles: Mapping[str, Muscle]
    sources: Mapping[str, Source]
    data_dir: Path | None = None
    assets_dir: Path | None = None
    extras: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    exercises: Mapping[str, Exercise] = field(default_factory=lambda: MappingProxyType({}))
    anatomy: Mapping[str, MuscleAnatomy] = field(default_factory=lambda: MappingProxyType({}))  # muscle id -> its shapes

    def __repr__(self) -> str:
        return f"<Atlas: {len(self.muscles)} muscles, {len(self.views)} views, {len(self.regions)} regions>"

    def muscle(self, muscle_id: str) -> Muscle:
        return self.muscles[muscle_id]

    def region_shapes(self, region_id: str, side: str) -> dict[str, BaseGeometry]:
        """The region on every view that shows it, for one side: view id -> shape."""
        return {
            view_id: view.regions[(region_id, side)]
            for view_id, view in self.views.items()
            if (region_id, side) in view.regions
        }


def _freeze(mapping: dict) -> Mapping:
    return MappingProxyType(dict(mapping))
