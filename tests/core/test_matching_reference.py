"""The fast Matcher against a plain reference: the same ranking, worked out cell by cell with Python sets and dicts.

The reference follows the rules written in matching.py's docstrings, with nothing pooled, indexed or deferred:
every candidate's zones are cut into one set of grid cells per region, the pain is a dict cell -> weight, and every
sum is a loop. Sums of pain are whole WEIGHT_UNITS, so both sides agree exactly, ties included."""

import random

import pytest

from hipmap.core.content.vocabulary import BOTH
from hipmap.core.geometry.shapes import Grid, disc
from hipmap.core.pain import matching as M
from hipmap.core.pain.painmap import PainMap
from hipmap.core.synthetic import random_click_map, random_painted_map


class Reference:
    def __init__(self, atlas):
        self.atlas = atlas
        self.grids = {v: Grid(view.viewbox, M.GRID_CELL) for v, view in atlas.views.items()}
        self.region_of = {}  # (view, cell) -> (region, side)
        self.region_rank = {}  # (view, region, side) -> its place in the atlas: views, then regions, in order
        for v, view in atlas.views.items():
            for key, shape in view.regions.items():
                self.region_rank[(v, *key)] = len(self.region_rank)
                for cell in self.grids[v].cells(shape).tolist():
                    self.region_of[(v, cell)] = key
        self.candidates = [(m, s) for m, muscle in atlas.muscles.items() for s in muscle.sides]
        self.pieces = {}  # candidate -> [(essential?, view, region, side, set of cells)]
        self.points = {}  # candidate -> set of (view, cell) within reach of a trigger point
        for m, s in self.candidates:
            muscle, pieces, points = atlas.muscles[m], [], set()
            for v in atlas.views:
                grid = self.grids[v]
                essential = set(grid.cells(muscle.zone("essential", s, v)).tolist())
                spill = set(grid.cells(muscle.zone("spillover", s, v)).tolist()) - essential
                for is_ess, cells in ((True, essential), (False, spill)):
                    by_region = {}
                    for cell in cells:
                        if (v, cell) in self.region_of:
                            by_region.setdefault(self.region_of[(v, cell)], set()).add(cell)
                    for (r, side), mine in sorted(by_region.items(), key=lambda kv: self.region_rank[(v, *kv[0])]):
                        pieces.append((is_ess, v, r, side, mine))  # ties in a reason's region order: the atlas' order
                for tp in muscle.points_on(v, s):
                    points |= {(v, cell) for cell in grid.cells(disc(tp.x, tp.y, M.TRIGGER_POINT_REACH)).tolist()}
            self.pieces[(m, s)], self.points[(m, s)] = pieces, points

    def pain(self, painmap):
        """(view, cell) -> weight in WEIGHT_UNITS: the strongest mark over each body cell."""
        out = {}
        marks = [mk for mk in painmap.marks if mk.intensity > 0 and mk.view in self.grids and not mk.geometry.is_empty]
        for mk in sorted(marks, key=lambda mk: min(mk.intensity, 10)):
            for cell in self.grids[mk.view].cells(mk.geometry).tolist():
                if (mk.view, cell) in self.region_of:
                    out[(mk.view, cell)] = 10 + min(mk.intensity, 10)
        return out

    def match(self, painmap):
        pain = self.pain(painmap)
        total = sum(pain.values())
        if not total:
            return None
        in_pain = {v: {c for w, c in pain if w == v} for v in self.grids}
        self.hits = {}  # (candidate, piece number) -> its cells in pain
        for key in self.candidates:
            for i, (_e, v, _r, _s, cells) in enumerate(self.pieces[key]):
                self.hits[(key, i)] = cells & in_pain[v]
        rows = {}
        for key in self.candidates:
            pieces = list(enumerate(self.pieces[key]))
            ess = sum(pain[(v, c)] for i, (is_ess, v, _r, _s, _cells) in pieces if is_ess for c in self.hits[(key, i)])
            spl = sum(pain[(v, c)] for i, (is_ess, v, _r, _s, _cells) in pieces if not is_ess for c in self.hits[(key, i)])
            explained = min(ess / total, 1.0)
            spill = min(spl / total, 1.0 - explained)
            # Coverage: per region and side, the best-covered view's share of the zone there, weighted by its size.
            groups = {}
            for i, (is_ess, v, r, side, cells) in pieces:
                if is_ess:
                    share = min(len(self.hits[(key, i)]) / len(cells), 1.0)
                    best = groups.get((r, side), (0.0, 0))
                    groups[(r, side)] = (max(best[0], share), max(best[1], len(cells)))
            area = sum(size for _share, size in groups.values())
            coverage = sum(share * size for share, size in groups.values()) / area if area else 0.0
            on_point = any(p in pain for p in self.points[key])
            in_zone = explained + spill > 0
            score = M.W_EXPLAINED * (explained + M.SPILLOVER_CREDIT * spill) + M.W_COVERAGE * coverage + M.W_TRIGGER * (on_point and in_zone)
            rows[key] = (min(max(score, 0.0), 1.0), explained, spill, coverage, on_point, in_zone)
        pain_sides = {self.region_of[p][1] for p in pain}
        listed = [k for k, r in rows.items() if r[5] or (r[4] and (k[1] == BOTH or k[1] in pain_sides))]
        name = {k: (self.atlas.muscles[k[0]].name, k[1]) for k in self.candidates}
        listed.sort(key=lambda k: (not rows[k][5], -rows[k][0], name[k]))
        listed = listed[: M.MAX_CANDIDATES]
        return {
            "candidates": [(k, rows[k][:5], self.regions(k, pain, total), self.reasons(k, rows[k], pain, total)) for k in listed],
            **self.explaining(listed, pain, total),
        }

    def regions(self, key, pain, total):
        ess, spl, marked = {}, {}, set()
        for i, (is_ess, v, r, _side, cells) in enumerate(self.pieces[key]):
            units = sum(pain[(v, c)] for c in self.hits[(key, i)])
            if units > M.NAMED_SHARE * total:
                target = ess if is_ess else spl
                target[r] = target.get(r, 0) + units
            if is_ess and len(self.hits[(key, i)]) * M.GRID_CELL**2 > M.NAMED_SHARE * len(cells) * M.GRID_CELL**2:
                marked.add(r)
        drawn = {r for is_ess, _v, r, _s, _c in self.pieces[key] if is_ess}
        unmarked = [r for r in self.atlas.muscles[key[0]].zone_regions.get("essential", ()) if r in drawn and r not in marked]
        return (sorted(ess, key=lambda r: -ess[r]), sorted(spl, key=lambda r: -spl[r]), unmarked)

    def reasons(self, key, row, pain, total):
        _score, explained, spill, coverage, on_point = row[:5]
        ess, spl, unmarked = self.regions(key, pain, total)

        def where(ids):
            names = [self.atlas.regions[r].name.lower() if r in self.atlas.regions else r.replace("_", " ") for r in ids]
            return names[0] if len(names) <= 1 else ", ".join(names[:-1]) + " and " + names[-1]

        def pct(x):
            return f"{round(100 * x):d}%"

        out = []
        if explained > 0:
            out.append(f"Its main referral zone covers {pct(explained)} of the pain you marked" + (f": {where(ess)}." if ess else "."))
        if spill >= 0.01:
            more = "another " if explained > 0 else ""
            out.append(f"Its wider (spillover) zone covers {more}{pct(spill)}" + (f": {where(spl)}." if spl else "."))
            if explained <= 0:
                out.append("Only its spillover zone reaches your pain, so it is a weaker match.")
        if coverage > 0:
            out.append(f"You marked {pct(coverage)} of its main zone.")
        if explained + spill <= 0:
            out.append("None of your pain is in its referral pattern, but some lies over one of its trigger points.")
            if unmarked:
                out.append(f"Its pain is usually felt in {where(unmarked[:3])}.")
        else:
            if unmarked and coverage < 0.9:
                out.append(f"Its usual pattern also reaches {where(unmarked[:3])}, which you did not mark.")
            if on_point:
                out.append("Some of your pain lies over one of its trigger points.")
        return tuple(out)

    def explaining(self, listed, pain, total):
        """Greedy: the pool muscle adding the most credit (1 in its main zone, a half in its spillover) at a time."""
        pool = listed[: M.EXPLAIN_POOL]
        credit = {}
        for k in pool:
            credit[k] = {}
            for i, (is_ess, v, _r, _s, _cells) in enumerate(self.pieces[k]):
                for c in self.hits[(k, i)]:
                    credit[k][(v, c)] = max(credit[k].get((v, c), 0.0), 1.0 if is_ess else M.SPILLOVER_CREDIT)
        best, chosen = {}, []
        while len(chosen) < M.EXPLAIN_MAX and pool:
            gains = [-1.0 if k in chosen else sum(max(cr - best.get(p, 0.0), 0.0) * pain[p] for p, cr in credit[k].items()) for k in pool]
            i = next(i for i, g in enumerate(gains) if g >= max(gains) - M.EXPLAIN_TIE * total)  # the first of near-equals
            k = pool[i]
            if gains[i] < M.EXPLAIN_MIN_GAIN * total:
                break
            chosen.append(k)
            for p, cr in credit[k].items():
                best[p] = max(best.get(p, 0.0), cr)
            if sum(pain[p] for p in best) >= M.EXPLAIN_TARGET * total:
                break
        covered = {p for k in chosen for p in credit[k]}
        left = {}
        for p, units in pain.items():
            if p not in covered:
                key = (p[0],) + self.region_of[p]
                left[key] = left.get(key, 0) + units
        unexplained = []
        for key in sorted(left, key=lambda key: (-left[key], self.region_rank[key])):  # ties: the atlas' order
            if left[key] > M.UNEXPLAINED_SHARE * total and key[1:] not in unexplained:
                unexplained.append(key[1:])
        return {"explaining": chosen, "share": min(1.0, sum(pain[p] for p in covered) / total), "unexplained": unexplained}


def _random_maps(atlas, n, seed):
    rng = random.Random(seed)
    maps = []
    for i in range(n):
        if i % 2:
            maps.append(random_click_map(atlas, rng))
        else:
            marks = random_painted_map(atlas, rng, rng.choice((1, 2, 4, 8))).marks
            maps.append(PainMap(tuple(mk.__class__(mk.view, mk.geometry, rng.randint(0, 12)) for mk in marks)))
    return maps


@pytest.fixture(scope="module")
def reference(atlas):
    return Reference(atlas)


def test_the_matcher_ranks_exactly_like_the_reference_on_2000_random_maps(atlas, matcher, reference):
    assert _compare(atlas, matcher, reference, _random_maps(atlas, 2000, seed=2024)) > 0  # there were exact ties


def test_the_explaining_set_read_from_the_pool_muscles_pieces_is_the_same(atlas, matcher, reference, monkeypatch):
    """A large atlas reads the pool muscles' pieces (piece -> classes) rather than every pair in pain: forced here."""
    monkeypatch.setattr(M, "POOL_PAIRS_SHARE", float("inf"))
    _compare(atlas, matcher, reference, _random_maps(atlas, 300, seed=77))


def _compare(atlas, matcher, reference, maps):
    """Asserts the matcher and the reference agree on every map; returns how many exact ties in score were seen."""
    seen_ties = 0
    for pm in maps:
        result, want = matcher.match(pm), reference.match(pm)
        if want is None:
            assert result.candidates == () and result.summary == M.EMPTY_SUMMARY
            continue
        got = [(c.key, (c.score, c.explained, c.spillover, c.coverage, c.on_trigger_point),
                (list(c.essential_regions), list(c.spillover_regions), list(c.unmarked_regions)), c.reasons) for c in result.candidates]  # fmt: skip
        assert [g[0] for g in got] == [w[0] for w in want["candidates"]]
        for g, w in zip(got, want["candidates"]):
            assert g[1][1:3] == w[1][1:3] and g[1][4] == w[1][4]  # explained and spillover: exact ratios
            assert g[1][0] == pytest.approx(w[1][0], abs=1e-12) and g[1][3] == pytest.approx(w[1][3], abs=1e-12)
            assert g[2] == w[2] and g[3] == w[3]
        assert [c.key for c in result.explaining] == want["explaining"]
        assert result.explained_share == want["share"]
        assert list(result.unexplained_regions) == want["unexplained"]
        scores = [c.score for c in result.candidates]
        seen_ties += len(scores) - len(set(scores))
    return seen_ties


def test_reasons_are_written_once_on_first_reading_and_survive_copies(atlas, matcher):
    import copy
    import dataclasses
    import pickle

    result = matcher.match(_random_maps(atlas, 2, seed=5)[1])
    c = result.candidates[0]
    assert "_reasons" in c.__dict__ and not isinstance(c.__dict__["_reasons"], tuple)  # not written yet
    text = c.reasons
    assert isinstance(text, tuple) and text and c.reasons is text
    other = result.candidates[1]
    assert pickle.loads(pickle.dumps(other)).reasons == other.reasons
    assert copy.deepcopy(other) == other and dataclasses.replace(other, score=0.0).reasons == other.reasons
    assert result.to_dict()["candidates"][0]["reasons"] == list(text)


def test_the_grid_rasterises_like_shapely_point_in_polygon(atlas):
    """Grid.cells_many (a scanline pass over many shapes) against shapely's contains_xy at every cell centre."""
    import numpy as np
    import shapely

    rng = random.Random(8)
    marks = [mk for pm in _random_maps(atlas, 60, seed=8) for mk in pm.marks]
    for view_id, view in atlas.views.items():
        grid = Grid(view.viewbox, M.GRID_CELL)
        xs, ys = np.meshgrid(grid.xs, grid.ys)
        shapes = [mk.geometry for mk in marks if mk.view == view_id]
        shapes += [z for m in atlas.muscles.values() for (_k, _s, v), z in m.zones.items() if v == view_id and not z.is_empty]
        shapes += [disc(rng.uniform(0, 600), rng.uniform(0, 1000), rng.uniform(1, 40)) for _ in range(20)]
        for shape, cells in zip(shapes, grid.cells_many(shapes)):
            want = np.flatnonzero(shapely.contains_xy(shape, xs.ravel(), ys.ravel()))
            assert cells.tolist() == want.tolist()


def test_the_explaining_set_read_from_the_pool_pieces_tiles_is_the_same(atlas, matcher, reference, monkeypatch):
    """A large atlas counts the pieces over tiles, and its explaining set reads the pool pieces' masks there: forced."""
    monkeypatch.setattr(M, "TILE_PAIRS_PER_CELL", -1)
    monkeypatch.setattr(M, "POOL_PAIRS_SHARE", 0.0)
    _compare(atlas, matcher, reference, _random_maps(atlas, 300, seed=78))


@pytest.fixture(scope="module")
def scaled():
    """A 10x atlas: ten shifted copies of every muscle, so every cell lies under dozens of zone pieces."""
    from hipmap.core.content.atlas import load_atlas
    from hipmap.core.synthetic import scaled_atlas

    big = scaled_atlas(load_atlas(), 10)
    return big, M.Matcher(big), Reference(big)


@pytest.mark.parametrize("tile_pairs, pool_share", [
    (M.TILE_PAIRS_PER_CELL, M.POOL_PAIRS_SHARE),  # as shipped: tiles for the maps with many pieces per cell
    (-1, 0.0),  # tiles, and the explaining set over the pool pieces' tiles
    (-1, float("inf")),  # tiles, and the explaining set over the pool pieces' classes
    (float("inf"), 0.0),  # (class, piece) pairs, and the explaining set over the pairs in pain
])  # fmt: skip
def test_the_matcher_ranks_exactly_like_the_reference_on_a_scaled_atlas(scaled, tile_pairs, pool_share, monkeypatch):
    monkeypatch.setattr(M, "TILE_PAIRS_PER_CELL", tile_pairs)
    monkeypatch.setattr(M, "POOL_PAIRS_SHARE", pool_share)
    big, matcher, reference = scaled
    rng = random.Random(31)
    maps = _random_maps(big, 60, seed=31)
    maps += [random_painted_map(big, rng, 40) for _ in range(6)]  # the benchmark's maps: 40 strokes
    _compare(big, matcher, reference, maps)
