"""Pain map + atlas -> muscles ranked by how well their referral patterns explain the pain.

For every muscle and side the score combines:
  * explained: the share of the (intensity-weighted) pain inside its essential zone, plus half credit for pain
    inside its spillover zone only;
  * coverage: how much of its essential zone the person marked, region by region, on whichever view they used
    (this is what keeps a huge zone from winning just by being huge);
  * trigger point: whether some pain lies over one of its trigger points.
The trigger-point term only adds to a match: a muscle whose zones reach none of the pain, listed only because a
trigger point lies under it, scores 0, says so in its reason and is listed after every muscle whose zone reaches
the pain; and it is not listed at all when it is on the side opposite to all of the pain (its trigger point is
within reach of pain across the midline, not under it).
A bilateral muscle (one pattern spanning both sides: rectus abdominis) is one candidate, side "both".
All zone shapes are cut into pieces, one per region, rasterised on a grid per view; cells alike (same region, same
pieces, same trigger points) are pooled into classes, and the grid is cut into tiles of 8 x 8 cells where each piece
keeps a 64-bit mask of the cells it covers. A match touches only the classes and tiles under the pain and the pieces
there (counting a piece's cells in pain 64 at a time), so its cost follows the size of the pain, not the size of the
atlas. Pain is summed in whole units
(WEIGHT_UNITS), so every sum is exact and ties between muscles are real ties, broken by name and side.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

import numpy as np

from ..content.model import Atlas
from ..content.vocabulary import BOTH
from ..geometry.shapes import CellClasses, CellIndex, Grid, TileIndex, discs, expand_ranges, gather, tile_count, tile_masks, tiles_of
from .painmap import PainMap

W_EXPLAINED, W_COVERAGE, W_TRIGGER = 0.6, 0.3, 0.1
SPILLOVER_CREDIT = 0.5
TRIGGER_POINT_REACH = 12.0  # a brush radius: pain this close to a trigger point counts as over it
GRID_CELL = 3.0  # units (the views are 600 x 1000): a click of radius 12 covers about 50 cells
MARK_CACHE_SIZE = 20_000
SHAPES_PER_PASS = 128  # shapes rasterised together while the index is built
EXPLAIN_POOL = 16  # muscles considered for the explaining set: the best-ranked ones (at most 31)
MAX_CANDIDATES = 50  # candidates reported, best first
UNEXPLAINED_SHARE = 0.02  # regions holding less of the pain than this are not worth naming
EXPLAIN_TARGET = 0.9  # stop adding muscles to the explaining set once this share of the pain is explained
EXPLAIN_MIN_GAIN = 0.03
EXPLAIN_MAX = 4
# Muscles whose gain is within this share of the pain of the best one count as equal, and the better-ranked one is
# chosen: with smoothed zones the top-ranked muscle may cover 99.7% and the second 99.9%, and naming the second as
# "the muscle that explains your pain" under a list led by the first reads as a contradiction.
EXPLAIN_TIE = 0.01
NAMED_SHARE = 0.005  # a region is named in a reason only when it holds more than this share
TILE_PAIRS_PER_CELL = 24  # beyond this many (class, piece) pairs per cell in pain, pieces are counted over tiles
POOL_PAIRS_SHARE = 1.0  # the explaining set reads its pool's pieces' classes when they are fewer than this share of the
# (piece, tile) entries under the pain, else the pool pieces' tiles
POOL_CLASSES = 256  # the explaining set pools the classes in pain by the pool muscles covering them beyond this many
DENSE_CLASSES_PER_CELL = 64  # up to this many classes per cell in pain, the pain is summed over all classes, not sorted
SCAN_SIZE = 16_384  # a scan of an array this long costs about as much as one np.unique of a few entries
_POOL_BITS = np.left_shift(1, np.arange(EXPLAIN_POOL, dtype=np.int64))[:, None]  # a pool muscle's bit, per row


EMPTY_SUMMARY = "Mark where it hurts to see which muscles may be involved."
# The words of reasons and summaries, with {named} placeholders. The CLI and its JSON contract use these English ones;
# the UI passes Matcher(phrases=...) in the language it shows (hipmap.ui.kit.i18n.matching_phrases), with the same keys.
PHRASES = MappingProxyType({
    "empty": EMPTY_SUMMARY,
    "main": "Its main referral zone covers {percent} of the pain you marked.",
    "main_where": "Its main referral zone covers {percent} of the pain you marked: {where}.",
    "spill": "Its wider (spillover) zone covers {percent}.",
    "spill_where": "Its wider (spillover) zone covers {percent}: {where}.",
    "spill_more": "Its wider (spillover) zone covers another {percent}.",
    "spill_more_where": "Its wider (spillover) zone covers another {percent}: {where}.",
    "spill_only": "Only its spillover zone reaches your pain, so it is a weaker match.",
    "coverage": "You marked {percent} of its main zone.",
    "unmarked": "Its usual pattern also reaches {where}, which you did not mark.",
    "on_point": "Some of your pain lies over one of its trigger points.",
    "on_point_only": "None of your pain is in its referral pattern, but some lies over one of its trigger points.",
    "usual": "Its pain is usually felt in {where}.",
    "none": "None of the muscles in hipmap refer pain to exactly this pattern.",
    "one": "This muscle explains {percent} of your marked pain: {names}.",
    "many": "These {n} muscles together explain {percent} of your marked pain: {names}.",
    "muscle_side": "{name}, {side} side",
    "muscle_both": "{name}, both sides",
    "not_explained": " Not explained: {regions}.",
    "side_region": "{side} {region}",
    "percent": "{value}%",
    "and": " and ",
    "left": "left",
    "right": "right",
    "both": "both",
})  # fmt: skip


def intensity_weight(intensity: int) -> float:
    """Pain rated 0 is a mark with no pain now; stronger pain counts up to twice as much as mild pain."""
    return 0.0 if intensity <= 0 else 0.5 + 0.05 * min(intensity, 10)


WEIGHT_UNITS = 20  # intensity_weight in whole twentieths, so that sums of pain are exact whatever their order


def _weight_units(intensity: int) -> float:
    """WEIGHT_UNITS * intensity_weight(intensity), a whole number (intensities are whole numbers from 0 to 10)."""
    return float(round(WEIGHT_UNITS * intensity_weight(intensity)))


_UNITS = {i: _weight_units(i) for i in range(11)}  # (read for every mark of the map on every match)
UNIT_BITS = WEIGHT_UNITS.bit_length()  # a mark's units (at most WEIGHT_UNITS) fit in this many bits


class _Deferred:
    """Fields not worked out yet: the function that works them out for a candidate (the candidate, then ARGS ->
    a dict, field -> value) and its other arguments; one serves every candidate of a match."""

    __slots__ = ("make", "args")

    def __init__(self, make, *args):
        self.make, self.args = make, args


class _Later:
    """A Candidate field worked out on first reading: a match lists up to 50 candidates, and the regions and
    reasons of most are never read. Reading, comparing, copying, pickling or dataclasses.replace() all see the
    same values as if they had been worked out at once."""

    def __set_name__(self, owner, name):
        self.slot = "_" + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return ()  # the field's default
        value = obj.__dict__[self.slot]
        if isinstance(value, _Deferred):
            for name, found in value.make(obj, *value.args).items():
                if obj.__dict__.get("_" + name) is value:
                    obj.__dict__["_" + name] = found
            value = obj.__dict__[self.slot]
        return value

    def __set__(self, obj, value):  # only the dataclass' __init__ gets here: the class is frozen
        obj.__dict__[self.slot] = value


@dataclass(frozen=True)
class Candidate:
    muscle_id: str
    name: str
    side: str
    score: float
    explained: float  # share of the weighted pain in the essential zone
    spillover: float  # share in the spillover zone only
    coverage: float  # share of the essential zone marked
    on_trigger_point: bool
    essential_regions: tuple[str, ...] = _Later()
    spillover_regions: tuple[str, ...] = _Later()
    unmarked_regions: tuple[str, ...] = _Later()
    reasons: tuple[str, ...] = _Later()

    def __getstate__(self):
        later = ("essential_regions", "spillover_regions", "unmarked_regions", "reasons")
        return {**self.__dict__, **{"_" + name: getattr(self, name) for name in later}}

    @property
    def key(self) -> tuple[str, str]:
        return (self.muscle_id, self.side)

    def to_dict(self) -> dict:
        return {
            "id": self.muscle_id,
            "name": self.name,
            "side": self.side,
            "score": round(self.score, 4),
            "reasons": list(self.reasons),
            "explained": round(self.explained, 4),
            "spillover": round(self.spillover, 4),
            "coverage": round(self.coverage, 4),
            "on_trigger_point": self.on_trigger_point,
        }


_new = object.__new__


def _candidate(muscle_id, name, side, score, explained, spillover, coverage, on_trigger_point, later) -> Candidate:
    """Candidate(muscle_id, ..., later, later, later, later) as its __init__ leaves it (the same __dict__, in the
    same order), without that __init__: frozen, it sets each of 12 fields through object.__setattr__ and 4 of them
    through _Later, and a match makes up to 50 candidates."""
    c = _new(Candidate)
    c.__dict__.update({
        "muscle_id": muscle_id, "name": name, "side": side, "score": score, "explained": explained,
        "spillover": spillover, "coverage": coverage, "on_trigger_point": on_trigger_point,
        "_essential_regions": later, "_spillover_regions": later, "_unmarked_regions": later, "_reasons": later,
    })  # fmt: skip
    return c


@dataclass(frozen=True)
class MatchResult:
    candidates: tuple[Candidate, ...] = ()
    explaining: tuple[Candidate, ...] = ()
    explained_share: float = 0.0
    unexplained_regions: tuple[tuple[str, str], ...] = ()  # (region, side)
    pain_area: float = 0.0
    summary: str = ""

    @property
    def unexplained_share(self) -> float:
        return 0.0 if self.pain_area <= 0 else max(0.0, 1.0 - self.explained_share)

    def top(self, n: int) -> tuple[Candidate, ...]:
        return self.candidates[:n]

    def find(self, muscle_id: str, side: str | None = None) -> Candidate | None:
        for c in self.candidates:
            if c.muscle_id == muscle_id and (side is None or c.side == side):
                return c
        return None

    def to_dict(self, top: int | None = None) -> dict:
        chosen = self.candidates if top is None else self.candidates[:top]
        return {
            "candidates": [c.to_dict() for c in chosen],
            "explaining_set": [{"id": c.muscle_id, "side": c.side, "name": c.name} for c in self.explaining],
            "explained_share": round(self.explained_share, 4),
            "unexplained_share": round(self.unexplained_share, 4),
            "unexplained_regions": [{"region": r, "side": s} for r, s in self.unexplained_regions],
            "summary": self.summary,
        }


def _percent(x: float, template: str = "{value}%") -> str:
    return template.format(value=f"{round(100 * x):d}")


def _listing(names: list[str], and_word: str = " and ") -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + and_word + names[-1]


def _strongest(found: list, weights: list) -> tuple[np.ndarray, np.ndarray]:
    """(the cells, sorted, and each one's strongest weight) from marks' FOUND cells and their WEIGHTS (whole units):
    one sort of (cell, units) keys keeping each cell's last, not a whole-view grid (half a megabyte) written and scanned."""
    cells = np.concatenate(found)  # (a copy: sorted in place)
    if not len(cells):
        return cells, np.zeros(0)
    if min(weights) == max(weights):
        cells.sort()
        first = np.empty(len(cells), dtype=bool)
        first[0] = True
        np.not_equal(cells[1:], cells[:-1], out=first[1:])
        cells = cells[first]
        return cells, np.full(len(cells), weights[0])
    keys = (cells << UNIT_BITS) + np.asarray(weights, dtype=np.int64).repeat([len(f) for f in found])
    keys.sort()
    cells = keys >> UNIT_BITS
    last = np.empty(len(keys), dtype=bool)
    last[-1] = True
    np.not_equal(cells[1:], cells[:-1], out=last[:-1])
    return cells[last], (keys[last] & ((1 << UNIT_BITS) - 1)).astype(float)


def _greedy(credit: np.ndarray, pain: np.ndarray, total: float) -> tuple[list[int], np.ndarray, float]:
    """The explaining set's greedy steps: CREDIT per pool muscle (rows, in rank order) and group of cells (columns,
    holding PAIN units) -> (the rows chosen, which groups they cover, the pain those hold)."""
    best = np.zeros(len(pain))
    chosen: list[int] = []
    least, tie, target = EXPLAIN_MIN_GAIN * total, EXPLAIN_TIE * total, EXPLAIN_TARGET * total
    while len(chosen) < EXPLAIN_MAX:
        gains = (np.maximum(credit - best, 0.0) @ pain).tolist()  # halves of whole numbers: exact, in any order
        for row in chosen:
            gains[row] = -1.0
        # Near-ties go to the better-ranked muscle.
        near = max(gains) - tie
        row = next(i for i, gain in enumerate(gains) if gain >= near)
        if gains[row] < least:
            break
        chosen.append(row)
        best = np.maximum(best, credit[row])
        if pain[best > 0].sum() >= target:
            break
    covered = best > 0
    return chosen, covered, float(pain[covered].sum())


class _ViewIndex:
    """One view's grid and the classes of alike cells (same region, same zone pieces, same trigger points) with
    their global class ids; a cell off the body is in no class (-1).

    While the matcher is built it also holds, per cell, its region and the zone pieces and trigger points covering
    it (cell_region, pieces, points): the classes and tiles are made from them, and then nothing reads them, so
    Matcher drops them (release_build_index), unless asked to keep them (tests check the classes against them).
    They are most of the index's memory: four arrays of one number per cell per view, ~8 MB of the shipped atlas's
    ~10, and so of the warm-start file."""

    def __init__(self, grid: Grid, cell_region: np.ndarray, pieces: CellIndex, points: CellIndex, point_owner: np.ndarray):
        self.grid = grid
        self.cell_region = cell_region  # cell -> global region-cell key, -1 off the body
        self.pieces = pieces
        self.points = points
        self.point_owner = point_owner
        self.classes = CellClasses(cell_region, [pieces, points])
        self.class_offset = 0
        self.tile_offset = 0  # the global number of this view's first tile

    def release_build_index(self):
        del self.cell_region, self.pieces, self.points


class Matcher:
    """Built once per atlas; ``match`` is then cheap enough to run on every stroke.

    Areas are sums over a fine grid (GRID_CELL units) laid over each view: every shape, zones and pain alike,
    covers the cells whose centres lie inside it. An inverted index from cells to zone pieces means a match
    touches only the zones under the pain."""

    def __init__(self, atlas: Atlas, phrases: Mapping[str, str] | None = None, keep_build_index: bool = False):
        self.atlas = atlas
        self.phrases = {**PHRASES, **(phrases or {})}
        self.candidates: list[tuple[str, str]] = [(m, s) for m, muscle in atlas.muscles.items() for s in muscle.sides]
        self.candidate_index = {key: c for c, key in enumerate(self.candidates)}
        self.cells: list[tuple[str, str, str]] = []  # region keys: (view, region, side)
        self.views: dict[str, _ViewIndex] = {}
        self._mark_cells: dict[int, tuple[weakref.ref, str, np.ndarray]] = {}  # id(geometry) -> (weak ref, view, cells)
        self._view_pain: dict[str, tuple] = {}  # view -> the last pain there: (weights, weak refs to shapes, cells, units)
        piece_candidate, piece_essential, piece_region, piece_area, piece_group = [], [], [], [], []
        groups: dict[tuple[int, str, str], int] = {}
        group_area: list[float] = []
        group_candidate: list[int] = []
        for view_id, view in atlas.views.items():
            grid = Grid(view.viewbox, GRID_CELL)
            # The view's shapes rasterised a few dozen at a time (regions, the candidates' main and spillover zones,
            # trigger points): one call per shape would cost more than the work, one for all of a large atlas' shapes
            # would hold all their cells several times over.
            regions = grid.cells_many(view.regions.values()) if view.regions else []
            cell_region = np.full(grid.size, -1, dtype=np.int64)
            for (region_id, side), cells in zip(view.regions, regions):
                cell_region[cells] = len(self.cells)
                self.cells.append((view_id, region_id, side))
            piece_cells: list[np.ndarray] = []
            for first in range(0, len(self.candidates), SHAPES_PER_PASS // 2):
                chunk = self.candidates[first : first + SHAPES_PER_PASS // 2]
                zones = [atlas.muscles[m].zone(kind, side, view_id) for m, side in chunk for kind in ("essential", "spillover")]
                piece_cells += self._view_pieces(grid, cell_region, grid.cells_many(zones), first, groups, group_area, group_candidate, piece_candidate, piece_essential, piece_region, piece_area, piece_group)
            point_at, owners = [], []
            for c, (muscle_id, side) in enumerate(self.candidates):
                for tp in atlas.muscles[muscle_id].points_on(view_id, side):
                    point_at.append((tp.x, tp.y))
                    owners.append(c)
            point_cells = [cells for at in range(0, len(point_at), SHAPES_PER_PASS) for cells in grid.cells_many(discs(point_at[at : at + SHAPES_PER_PASS], TRIGGER_POINT_REACH))]
            offset = len(piece_area) - len(piece_cells)
            pieces = CellIndex(grid.size, piece_cells)
            pieces.items = pieces.items + offset  # global piece ids
            self.views[view_id] = _ViewIndex(grid, cell_region, pieces, CellIndex(grid.size, point_cells), np.asarray(owners, dtype=np.int64))
        self.piece_candidate = np.asarray(piece_candidate, dtype=np.int64)
        self.piece_essential = np.asarray(piece_essential, dtype=bool)
        self.piece_region = piece_region
        self.piece_area = np.asarray(piece_area, dtype=float)
        self.piece_group = np.asarray(piece_group, dtype=np.int64)
        self.group_area = np.asarray(group_area, dtype=float)
        self.group_candidate = np.asarray(group_candidate, dtype=np.int64)
        order = np.argsort(self.piece_candidate, kind="stable")
        bounds = np.searchsorted(self.piece_candidate[order], np.arange(len(self.candidates) + 1))
        self.pieces_of = [order[bounds[c] : bounds[c + 1]] for c in range(len(self.candidates))]
        self.piece_facts = [
            [(bool(self.piece_essential[p]), self.piece_region[p], float(self.piece_area[p])) for p in self.pieces_of[c]]
            for c in range(len(self.candidates))
        ]
        # Regions of each essential zone in the order the data names them, when drawn on some view.
        self.drawn_essential = []
        for c, (muscle_id, _side) in enumerate(self.candidates):
            drawn = {self.piece_region[p] for p in self.pieces_of[c] if self.piece_essential[p]}
            self.drawn_essential.append(tuple(r for r in atlas.muscles[muscle_id].zone_regions.get("essential", ()) if r in drawn))
        names = sorted(range(len(self.candidates)), key=lambda c: (atlas.muscles[self.candidates[c][0]].name, self.candidates[c][1]))
        self.name_rank = np.empty(len(self.candidates), dtype=np.int64)
        self.name_rank[names] = np.arange(len(names))  # ties in score are listed by name, then side
        self.candidate_zone_area = np.bincount(self.group_candidate, weights=self.group_area, minlength=len(self.candidates))
        self.piece_cell_count = np.rint(self.piece_area / (GRID_CELL * GRID_CELL))
        self.candidate_side = np.asarray([side for _m, side in self.candidates], dtype=object)
        self._build_classes()
        if not keep_build_index:
            for vi in self.views.values():
                vi.release_build_index()

    def _view_pieces(self, grid, cell_region, zone_cells, first, groups, group_area, group_candidate, piece_candidate, piece_essential, piece_region, piece_area, piece_group) -> list[np.ndarray]:
        """One view's zone pieces: each candidate's main zone, then its spillover zone outside the main one, cut by
        region (regions in key order); appends each piece's facts to the lists given and returns its cells.
        zone_cells: per candidate from the FIRST on, its main zone's cells and its spillover zone's, one after another."""
        size = np.int64(grid.size)
        lengths = np.fromiter((len(c) for c in zone_cells), dtype=np.int64, count=len(zone_cells))
        cells = np.concatenate(zone_cells) if zone_cells else np.zeros(0, dtype=np.int64)
        shape = np.repeat(np.arange(len(zone_cells), dtype=np.int64), lengths)  # 2 * candidate (+1: spillover)
        # A spillover cell inside the same candidate's main zone is in the main zone only.
        keyed = (shape // 2) * size + cells
        ess = shape % 2 == 0
        main = keyed[ess]  # in increasing order: candidates in order, each zone's cells sorted
        at = np.minimum(np.searchsorted(main, keyed), max(len(main) - 1, 0))
        inside = (main[at] == keyed) if len(main) else np.zeros(len(keyed), dtype=bool)
        region = cell_region[cells]
        keep = np.flatnonzero((region >= 0) & (ess | ~inside))
        cells, shape, region = cells[keep], shape[keep], region[keep]
        # Pieces in the order (candidate, main then spillover, region key); each piece's cells stay sorted.
        combined = shape * (len(self.cells) + 1) + region
        order = np.argsort(combined, kind="stable")
        cells, combined = cells[order], combined[order]
        starts = np.flatnonzero(np.concatenate(([True], combined[1:] != combined[:-1]))) if len(combined) else np.zeros(0, dtype=np.int64)
        bounds = np.append(starts, len(combined))
        piece_cells = [cells[a:b] for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist())]
        for code, n in zip(combined[starts].tolist(), np.diff(bounds).tolist()):
            s, key = divmod(code, len(self.cells) + 1)
            c, is_essential = first + s // 2, s % 2 == 0
            _view, region_id, side = self.cells[key]
            area = n * grid.cell_area
            g = -1
            if is_essential:
                # Per region and side: the two halves of a pattern over both sides are two areas to cover.
                g = groups.setdefault((c, region_id, side), len(group_area))
                if g == len(group_area):
                    group_area.append(0.0)
                    group_candidate.append(c)
                group_area[g] = max(group_area[g], area)
            piece_candidate.append(c)
            piece_essential.append(is_essential)
            piece_region.append(region_id)
            piece_area.append(area)
            piece_group.append(g)
        return piece_cells

    def _build_classes(self):
        """All views' cell classes in one numbering: class -> region key, zone pieces, trigger-point owners."""
        regions, piece_ptr, piece_items, owner_ptr, owner_items = [], [np.zeros(1, dtype=np.int64)], [], [np.zeros(1, dtype=np.int64)], []
        offset = 0
        for vi in self.views.values():
            cc = vi.classes
            vi.class_offset = offset
            offset += cc.count
            regions.append(cc.key)
            (pp, pi), (qp, qi) = cc.members
            piece_ptr.append(pp[1:] + piece_ptr[-1][-1])
            piece_items.append(pi)
            owner_ptr.append(qp[1:] + owner_ptr[-1][-1])
            owner_items.append(vi.point_owner[qi])
        empty = np.zeros(0, dtype=np.int64)
        self.class_region = np.concatenate(regions) if regions else empty
        self.class_piece_ptr = np.concatenate(piece_ptr)
        self.class_pieces = np.concatenate(piece_items) if piece_items else empty
        self.class_owner_ptr = np.concatenate(owner_ptr)
        self.class_owners = np.concatenate(owner_items) if owner_items else empty
        self.region_side = np.asarray([side for _v, _r, side in self.cells], dtype=object)
        # The transpose, piece -> classes: the explaining set reads only its pool's pieces.
        pair_class = np.repeat(np.arange(len(self.class_region)), np.diff(self.class_piece_ptr))
        by_piece = np.argsort(self.class_pieces, kind="stable")
        self.piece_classes = pair_class[by_piece]
        self.piece_class_ptr = np.concatenate(([0], np.cumsum(np.bincount(self.class_pieces, minlength=len(self.piece_area)))))
        # A piece's pain units and cells travel as one whole number, units * PACK + cells, exact below 2**53.
        most_cells = max((vi.grid.size for vi in self.views.values()), default=1)
        self.pack = float(1 << int(most_cells).bit_length())
        if self.pack * WEIGHT_UNITS * most_cells * len(self.views) >= 2**53:
            raise ValueError("the grid is too fine for exact sums")
        self.side_codes = {side: np.asarray(self.candidate_side == side) for side in set(self.candidate_side.tolist())}
        # (class, piece) pairs per candidate: the explaining set's choice of how to read its pool's pieces.
        self.candidate_class_pairs = np.bincount(self.piece_candidate, weights=np.diff(self.piece_class_ptr), minlength=len(self.candidates)).astype(np.int64)
        self._build_tiles()

    def _build_tiles(self):
        """All views' tiles in one numbering: which zone pieces and trigger points cover each, and which of its cells."""
        pieces, points, owners, offset, point_offset = [], [], [], 0, 0
        for vi in self.views.values():
            vi.tile_offset = offset
            for index, out, shift in ((vi.pieces, pieces, 0), (vi.points, points, point_offset)):
                tile, bit = tiles_of(vi.grid, np.repeat(np.arange(vi.grid.size), np.diff(index.ptr)))
                out.append((tile + offset, index.items + shift, bit))
            owners.append(vi.point_owner)
            point_offset += len(vi.point_owner)
            offset += tile_count(vi.grid)
        self.piece_tiles = TileIndex(pieces, offset)
        self.point_tiles = TileIndex(points, offset)
        self.point_owner = np.concatenate(owners) if owners else np.zeros(0, dtype=np.int64)

    @property
    def piece_count(self) -> int:
        return len(self.piece_area)

    @property
    def class_count(self) -> int:
        """Classes of alike cells over all views (see _ViewIndex)."""
        return len(self.class_region)

    # ------------------------------------------------------------------------------------------- pain

    def _cells_of_marks(self, view_id: str, geometries: list) -> list[np.ndarray]:
        """Marks' cells on the body, remembered: a map grows one stroke at a time, and old strokes never change."""
        out: list = [None] * len(geometries)
        todo = []
        cache = self._mark_cells
        for i, geometry in enumerate(geometries):
            hit = cache.get(id(geometry))
            if hit is not None and hit[0]() is geometry and hit[1] == view_id:
                out[i] = hit[2]
            else:
                todo.append(i)
        if todo:
            if len(cache) + len(todo) > MARK_CACHE_SIZE:
                cache.clear()
            vi = self.views[view_id]
            empty = [geometries[i].is_empty for i in todo]
            fresh = iter(vi.grid.cells_many([geometries[i] for i, e in zip(todo, empty) if not e]))
            for i, is_empty in zip(todo, empty):
                geometry = geometries[i]
                cells = np.zeros(0, dtype=np.int64) if is_empty else next(fresh)
                out[i] = cells = cells[vi.classes.of_cell[cells] >= 0]  # (cells off the body are in no class)
                cells.flags.writeable = False  # (shared by every map holding the mark)
                # Weakly held: an entry lasts as long as its mark is used (the map, the undo history), no longer.
                key = id(geometry)
                ref = weakref.ref(geometry, lambda r, k=key: cache.pop(k) if cache.get(k, (None,))[0] is r else None)
                cache[key] = (ref, view_id, cells)
        return out

    def pain_cells(self, painmap: PainMap) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """Per view: the body cells in pain and their weights (the strongest mark covering each cell)."""
        return {v: (cells, units / WEIGHT_UNITS) for v, (cells, units) in self._pain_units(painmap).items()}

    def _pain_units(self, painmap: PainMap) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """pain_cells with the weights in WEIGHT_UNITS (whole numbers)."""
        by_view: dict[str, tuple[list, list]] = {}
        views, units_of = self.views, _UNITS
        for mark in painmap.marks:
            u = units_of.get(mark.intensity)
            if u is None:
                u = _weight_units(mark.intensity)
            if u > 0 and mark.view in views:  # (an empty mark has no cells)
                found = by_view.get(mark.view)
                if found is None:
                    by_view[mark.view] = found = ([], [])
                found[0].append(u)
                found[1].append(mark.geometry)
        out = {}
        last_pain = self._view_pain
        for view_id, (weights, geometries) in by_view.items():
            # A click changes the marks on one view: the others' pain is the same as last time (the same shapes,
            # weakly held: the matcher keeps no mark alive).
            last = last_pain.get(view_id)
            if last is not None and last[0] == weights and len(last[1]) == len(geometries) and all(r() is g for r, g in zip(last[1], geometries)):
                cells, units = last[2], last[3]
            else:
                found = self._cells_of_marks(view_id, geometries)
                if len(found) == 1:
                    cells = found[0]
                    units = np.full(len(cells), weights[0])
                else:
                    cells, units = _strongest(found, weights)
                units.flags.writeable = cells.flags.writeable = False  # (handed out again)
                last_pain[view_id] = (weights, [weakref.ref(g) for g in geometries], cells, units)
            if len(cells):
                out[view_id] = (cells, units)
        return out

    # ------------------------------------------------------------------------------------------- matching

    def match(self, painmap: PainMap) -> MatchResult:
        """Every sum of pain is in WEIGHT_UNITS x cells (whole numbers, so exact in any order); a ratio of two
        such sums is the one rounding. Cells are pooled by class first: a match costs one step per class touched."""
        found = self._pain_units(painmap)
        if not found:
            return MatchResult(summary=self.phrases["empty"])
        views = self.views
        if len(found) == 1:
            ((view_id, (cells, units)),) = found.items()
            cls = views[view_id].classes.of_cell[cells] + views[view_id].class_offset
        else:
            cls = np.concatenate([views[v].classes.of_cell[cells] + views[v].class_offset for v, (cells, _u) in found.items()])
            units = np.concatenate([u for _cells, u in found.values()])
        class_count = len(self.class_region)
        first = cell_class = None
        if class_count <= DENSE_CLASSES_PER_CELL * len(cls):
            # Few classes for the pain's cells: sums over all of them cost less than sorting the cells by class.
            # (Every cell in pain has some units, so the classes in pain are those with a sum.)
            per_class = np.bincount(cls, weights=units, minlength=class_count)
            touched = per_class.nonzero()[0]
            class_units = per_class[touched]
        else:
            touched, first, cell_class = np.unique(cls, return_index=True, return_inverse=True)  # the classes in pain, and each pain cell's
            cell_class = cell_class.ravel()
            class_units = np.bincount(cell_class, weights=units, minlength=len(touched))
        total = float(class_units.sum())
        n = len(self.candidates)
        piece_count = len(self.piece_area)
        pair_counts = self.class_piece_ptr[touched + 1] - self.class_piece_ptr[touched]
        if pair_counts.sum() <= TILE_PAIRS_PER_CELL * len(cls):
            # (class, piece) pairs: the zone pieces over each touched class, each carrying the class' units and cells.
            counts, items = gather(self.class_piece_ptr, self.class_pieces, touched)
            if cell_class is None:
                packed = np.bincount(cls, weights=units * self.pack + 1.0, minlength=class_count)[touched]
            else:
                packed = np.bincount(cell_class, weights=units * self.pack + 1.0, minlength=len(touched))
            piece_packed = np.bincount(items, weights=packed.repeat(counts), minlength=piece_count)
            hits = None  # every pair holds a cell in pain
            owners = gather(self.class_owner_ptr, self.class_owners, touched)[1]
            tiles = ("pairs", counts, items)
        else:
            # Many zone pieces over each cell (a large atlas): the pain tile by tile, for each tile and weight the mask
            # of its cells in pain with that weight; the zone pieces and trigger points count their cells in pain 64
            # at a time.
            if first is None:
                first = np.unique(cls, return_index=True)[1]
            tile_bits = [tiles_of(views[v].grid, cells) for v, (cells, _u) in found.items()]
            tile = np.concatenate([t + views[v].tile_offset for v, (t, _b) in zip(found, tile_bits)])
            bit = np.concatenate([b for _t, b in tile_bits])
            keys, masks = tile_masks(tile * (WEIGHT_UNITS + 1) + units.astype(np.int64), bit)
            key_tile, key_units = np.divmod(keys, WEIGHT_UNITS + 1)
            counts, items, hits = self.piece_tiles.under(key_tile, masks)
            # A piece's pain units and cells travel as one whole number, units * pack + cells.
            piece_packed = np.bincount(items, weights=hits * np.repeat(key_units * self.pack + 1.0, counts), minlength=piece_count)
            _counts, points, point_hits = self.point_tiles.under(key_tile, masks)
            owners = self.point_owner[points[point_hits > 0]]
            tiles = ("tiles", key_tile, tile[first], bit[first], len(items))
        # The pieces in pain, in increasing order: a sort of the few entries of a small mark, else one scan.
        few = len(items) * 8 < piece_count and piece_count > SCAN_SIZE
        hit_pieces = np.unique(items if hits is None else items[hits > 0]) if few else piece_packed.nonzero()[0]
        hp_packed = piece_packed[hit_pieces]
        hp_units = np.floor(hp_packed / self.pack)
        hp_cells = hp_packed - hp_units * self.pack
        hp_candidate = self.piece_candidate[hit_pieces]
        hp_ess = self.piece_essential[hit_pieces]
        # Each candidate's pain in its main zone, then in its spillover zone, summed in one pass.
        sums = np.bincount(2 * hp_candidate + ~hp_ess, weights=hp_units, minlength=2 * n)
        explained = np.minimum(sums[0::2] / total, 1.0)
        spill = np.minimum(sums[1::2] / total, 1.0 - explained)
        ess_pieces = hit_pieces[hp_ess]  # in increasing order, so the sums below add in the same order as over all groups
        group_max = np.zeros(len(self.group_area))
        np.maximum.at(group_max, self.piece_group[ess_pieces], np.minimum(hp_cells[hp_ess] / self.piece_cell_count[ess_pieces], 1.0))
        # Every group with an essential piece in pain, in increasing order.
        few = len(ess_pieces) * 8 < len(group_max) and len(group_max) > SCAN_SIZE
        groups = np.unique(self.piece_group[ess_pieces]) if few else group_max.nonzero()[0]
        coverage = np.divide(
            np.bincount(self.group_candidate[groups], weights=group_max[groups] * self.group_area[groups], minlength=n),
            self.candidate_zone_area,
            out=np.zeros(n),
            where=self.candidate_zone_area > 0,
        )
        on_point = np.zeros(n, dtype=bool)
        on_point[owners] = True
        in_zone = explained + spill > 0
        # The trigger-point term adds to a zone match; on its own it earns nothing (such a muscle is listed last).
        scores = W_EXPLAINED * (explained + SPILLOVER_CREDIT * spill) + W_COVERAGE * coverage + W_TRIGGER * (on_point & in_zone)
        scores = np.minimum(np.maximum(scores, 0.0), 1.0)  # (np.clip, without its wrapper's cost)
        class_region = self.class_region[touched]
        pain_sides = set(self.region_side[class_region].tolist())
        # A muscle on the side opposite to all the pain is listed only when its zones reach that pain.
        same_side = np.zeros(n, dtype=bool)
        for side, mask in self.side_codes.items():
            if side == BOTH or side in pain_sides:
                same_side |= mask
        hit = (in_zone | (on_point & same_side)).nonzero()[0]
        order = hit[np.lexsort((self.name_rank[hit], -scores[hit], ~in_zone[hit]))][:MAX_CANDIDATES]
        # The candidates' figures read from numpy in one go; their regions and reasons wait until they are read.
        later, muscles, keys = _Deferred(self._details, piece_packed, total), self.atlas.muscles, self.candidates
        candidates = []
        for c, score, e, s, cov, point in zip(order.tolist(), *(a[order].tolist() for a in (scores, explained, spill, coverage, on_point))):
            muscle_id, side = keys[c]
            candidates.append(_candidate(muscle_id, muscles[muscle_id].name, side, score, e, s, cov, point, later))
        candidates = tuple(candidates)
        explaining, covered_units, covered = self._explaining_set(order, candidates, touched, class_units, tiles, total)
        share = float(min(1.0, covered_units / total))
        unexplained = self._unexplained(class_region, class_units, covered, total)
        pain_area = total * views[next(iter(found))].grid.cell_area / WEIGHT_UNITS
        return MatchResult(candidates, explaining, share, unexplained, pain_area, self._summary(explaining, share, unexplained))

    def _details(self, candidate: Candidate, piece_packed, total) -> dict:
        """A candidate's regions (where its zones hold the pain, most first; its main zone's regions left unmarked)
        and its reasons. piece_packed: every piece's pain units and cells in pain, units * pack + cells."""
        c = self.candidate_index[candidate.key]
        explained, spill, coverage, on_point = candidate.explained, candidate.spillover, candidate.coverage, candidate.on_trigger_point
        ess_regions: dict[str, float] = {}
        spill_regions: dict[str, float] = {}
        marked = set()
        named = NAMED_SHARE * total
        packed = piece_packed[self.pieces_of[c]]
        units = np.floor(packed / self.pack)
        piece_units, piece_cells = units.tolist(), (packed - units * self.pack).tolist()
        # Plain Python over this muscle's few pieces: cheaper than many tiny numpy operations.
        cell_area = GRID_CELL * GRID_CELL
        for u, k, (is_ess, region, area) in zip(piece_units, piece_cells, self.piece_facts[c]):
            if u > named:
                target = ess_regions if is_ess else spill_regions
                target[region] = target.get(region, 0.0) + u
            if is_ess and k * cell_area > NAMED_SHARE * area:
                marked.add(region)
        unmarked = tuple(r for r in self.drawn_essential[c] if r not in marked)
        ess_names = tuple(sorted(ess_regions, key=lambda r: -ess_regions[r]))
        spill_names = tuple(sorted(spill_regions, key=lambda r: -spill_regions[r]))
        reasons = tuple(self._reasons(explained, spill, coverage, on_point, ess_names, spill_names, unmarked))
        return {"essential_regions": ess_names, "spillover_regions": spill_names, "unmarked_regions": unmarked, "reasons": reasons}

    def _reasons(self, explained, spill, coverage, on_point, ess_names, spill_names, unmarked) -> list[str]:
        """A candidate's reasons, in the matcher's phrases."""

        def name_of(region_id):
            region = self.atlas.regions.get(region_id)
            return region.name.lower() if region else region_id.replace("_", " ")

        p = self.phrases

        def pct(x):
            return _percent(x, p["percent"])

        def listing(names):
            return _listing(names, p["and"])

        reasons = []
        if explained > 0:
            where = listing([name_of(r) for r in ess_names])
            reasons.append(p["main_where" if where else "main"].format(percent=pct(explained), where=where))
        if spill >= 0.01:
            key = "spill_more" if explained > 0 else "spill"
            where = listing([name_of(r) for r in spill_names])
            reasons.append(p[key + "_where" if where else key].format(percent=pct(spill), where=where))
            if explained <= 0:
                reasons.append(p["spill_only"])
        if coverage > 0:
            reasons.append(p["coverage"].format(percent=pct(coverage)))
        if explained + spill <= 0:  # listed only because some pain lies over one of its trigger points
            reasons.append(p["on_point_only"])
            if unmarked:
                reasons.append(p["usual"].format(where=listing([name_of(r) for r in unmarked[:3]])))
        else:
            if unmarked and coverage < 0.9:
                reasons.append(p["unmarked"].format(where=listing([name_of(r) for r in unmarked[:3]])))
            if on_point:
                reasons.append(p["on_point"])
        return reasons

    def _explaining_set(self, order, candidates, touched, class_units, tiles, total):
        """Greedy smallest set of muscles whose zones together explain most of the pain (exact, class by class).

        Many classes are pooled first (classes covered by the same pool muscles), so the greedy steps work on a few
        dozen groups.
        tiles: ("pairs", pieces per touched class, the pieces) or ("tiles", the pain's (tile, weight) keys' tiles in
        increasing order, each touched class' first pain cell's tile and bit, how many (piece, tile) entries lie under
        the pain): how match counted the pieces.
        Returns the set, the pain it covers (in units) and, per touched class, whether it is covered."""
        if not len(order):
            return (), 0.0, np.zeros(len(touched), dtype=bool)
        pool = order[:EXPLAIN_POOL].tolist()
        in_pain = len(tiles[2]) if tiles[0] == "pairs" else tiles[4]  # (class, piece) pairs or (piece, tile) entries
        by_classes = self.candidate_class_pairs[order[:EXPLAIN_POOL]].sum() < POOL_PAIRS_SHARE * in_pain
        if by_classes or tiles[0] == "tiles":
            pieces = np.concatenate([self.pieces_of[c] for c in pool])
            rows = np.repeat(np.arange(len(pool)), [len(self.pieces_of[c]) for c in pool])
        if by_classes:
            # Fewer (pool piece, class) pairs than pairs in pain: keep those whose class is in pain (pos: its place).
            counts = self.piece_class_ptr[pieces + 1] - self.piece_class_ptr[pieces]
            classes = self.piece_classes[expand_ranges(self.piece_class_ptr[pieces], counts)]
            pos = np.minimum(np.searchsorted(touched, classes), len(touched) - 1)
            keep = np.flatnonzero(touched[pos] == classes)
            pair = np.repeat(np.arange(len(pieces)), counts)[keep]
            pos, rows, ess = pos[keep], rows[pair], self.piece_essential[pieces[pair]]
        elif tiles[0] == "pairs":  # the pairs in pain whose piece belongs to a pool muscle
            row_of = np.full(len(self.candidates), -1, dtype=np.int64)
            row_of[order[:EXPLAIN_POOL]] = np.arange(len(pool))
            rows = row_of[self.piece_candidate[tiles[2]]]
            keep = (rows >= 0).nonzero()[0]
            pos = np.arange(len(touched)).repeat(tiles[1])[keep]
            rows, ess = rows[keep], self.piece_essential[tiles[2][keep]]
        if (by_classes or tiles[0] == "pairs") and len(touched) <= POOL_CLASSES:
            # Few classes: each pool muscle's credit per class straight from its pieces there (spillover first: a
            # class in both of a muscle's zones, were there one, would count as in its main zone).
            credit = np.zeros((len(pool), len(touched)))
            slot = rows * len(touched) + pos
            credit.flat[slot[~ess]] = SPILLOVER_CREDIT
            credit.flat[slot[ess]] = 1.0
            chosen, covered, covered_units = _greedy(credit, class_units, total)
            return tuple(candidates[row] for row in chosen), covered_units, covered  # (the pool is the first candidates)
        if by_classes or tiles[0] == "pairs":
            # One muscle has at most one piece per cell, so summing distinct powers of two is a bitwise OR.
            ess_bits = np.bincount(pos[ess], weights=np.left_shift(1, rows[ess]), minlength=len(touched)).astype(np.int64)
            spill_bits = np.bincount(pos[~ess], weights=np.left_shift(1, rows[~ess]), minlength=len(touched)).astype(np.int64)
        else:
            _mode, pain_tiles, class_tile, class_bit, _entries = tiles
            # Tile by tile: per pain tile and pool muscle, the masks of the cells its main and its spillover zones
            # cover; a class is covered by a muscle when the bit of its first pain cell is set in that mask.
            ti = self.piece_tiles
            per_piece = ti.item_ptr[pieces + 1] - ti.item_ptr[pieces]
            entries = ti.by_item[expand_ranges(ti.item_ptr[pieces], per_piece)]
            tiles_in_pain = np.unique(pain_tiles)
            pos = np.minimum(np.searchsorted(tiles_in_pain, ti.tile[entries]), len(tiles_in_pain) - 1)
            keep = np.flatnonzero(tiles_in_pain[pos] == ti.tile[entries])
            slot = pos[keep] * len(pool) + np.repeat(rows, per_piece)[keep]
            ess = np.repeat(self.piece_essential[pieces], per_piece)[keep]
            at = np.searchsorted(tiles_in_pain, class_tile)
            found = []
            for kind in (ess, ~ess):
                table = np.zeros(len(tiles_in_pain) * len(pool), dtype="<u8")
                np.bitwise_or.at(table, slot[kind], ti.masks[entries[keep[kind]]])
                # (tile, pool muscle, cell of the tile) -> covered?, read at each class' first cell: its pool bits
                cells = np.unpackbits(table.view(np.uint8).reshape(len(tiles_in_pain), len(pool), 8), axis=2, bitorder="little")
                packed = np.packbits(cells[at, :, class_bit], axis=1, bitorder="little").astype(np.int64)
                found.append((packed << (8 * np.arange(packed.shape[1]))).sum(axis=1))
            ess_bits, spill_bits = found
        inverse = None
        group_pain = class_units
        if len(touched) > POOL_CLASSES:
            keys, inverse = np.unique(ess_bits * (1 << EXPLAIN_POOL) + spill_bits, return_inverse=True)
            inverse = inverse.ravel()
            group_pain = np.bincount(inverse, weights=class_units, minlength=len(keys))
            ess_bits, spill_bits = keys >> EXPLAIN_POOL, keys & ((1 << EXPLAIN_POOL) - 1)
        bit = _POOL_BITS[: len(pool)]
        credit = np.where((ess_bits & bit) > 0, 1.0, np.where((spill_bits & bit) > 0, SPILLOVER_CREDIT, 0.0))
        chosen, covered, covered_units = _greedy(credit, group_pain, total)
        return tuple(candidates[row] for row in chosen), covered_units, covered if inverse is None else covered[inverse]

    def _unexplained(self, class_region, class_units, covered, total):
        """Regions holding pain that the explaining set leaves out, largest first."""
        left = np.bincount(class_region[~covered], weights=class_units[~covered], minlength=len(self.cells))
        keys = (left > UNEXPLAINED_SHARE * total).nonzero()[0]
        out = []
        for key in keys[(-left[keys]).argsort(kind="stable")].tolist():
            _view, region, side = self.cells[key]
            if (region, side) not in out:
                out.append((region, side))
        return tuple(out)

    def _summary(self, explaining, share, unexplained) -> str:
        p = self.phrases
        if not explaining:
            return p["none"]
        names = _listing([
            p["muscle_both"].format(name=c.name) if c.side == BOTH else p["muscle_side"].format(name=c.name, side=p.get(c.side, c.side))
            for c in explaining
        ], p["and"])  # fmt: skip
        n = len(explaining)
        text = p["one" if n == 1 else "many"].format(n=n, percent=_percent(share, p["percent"]), names=names)
        if unexplained:
            regions = [p["side_region"].format(side=p.get(side, side), region=self.atlas.regions[r].name.lower()) for r, side in unexplained[:3]]
            text += p["not_explained"].format(regions=_listing(regions, p["and"]))
        return text
