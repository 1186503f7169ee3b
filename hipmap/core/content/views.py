"""Reads data/regions.yaml, data/views.yaml and the SVG diagrams into Regions and Views (mirrors included),
checking that each view's regions tile its body outline; every problem goes to the Collector as FILE:LINE."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import shapely
from shapely.geometry.base import BaseGeometry

from ..geometry.shapes import EMPTY, ShapeError, mirror, mirror_many, polygon_from_path, union
from ..messages import said
from .fields import _load, _Reader, _top_mapping
from .model import Region, View, _freeze
from .problems import Collector
from .svgdoc import SvgError, parse_svg_file, parse_transform, parse_viewbox
from .vocabulary import REGION_IDS, SIDES, VIEW_IDS

# Regions of one side may touch but not overlap; this much shared area (square units) is drawing noise.
OVERLAP_TOLERANCE = 1.0


def _load_regions(col, data_dir: Path) -> dict[str, Region]:
    path = data_dir / "regions.yaml"
    entries = _top_mapping(col, path, _load(col, path), "regions")
    if entries is None:
        return {}
    regions = {}
    for key, value in entries.items():
        if key not in REGION_IDS:
            col.add_coded(path, entries.line_of(key), "", "unknown region {region} (the region vocabulary is fixed; see DESIGN.md)", region=repr(key))
            continue
        r = _Reader(col, path, value, f"regions.{key}", ("name", "description", "aliases"))
        regions[key] = Region(key, r.text("name"), r.text("description"), tuple(r.text_list("aliases", required=False)))
    for key in REGION_IDS:
        if key not in entries:
            col.add_coded(path, entries.line, "", "missing region {region}", region=repr(key))
    return regions


# --------------------------------------------------------------------------------------------- views


@dataclass
class _DrawnView:
    """One SVG's right side, before mirroring."""

    viewbox: tuple
    bilateral_midline: float | None
    body: BaseGeometry
    regions: dict  # region id -> shape (right side)
    region_lines: dict


def _read_svg(col, path: Path, view_id: str, expected_regions: list[str], tiling: Collector | None = None) -> _DrawnView | None:
    """One view's SVG; with TILING, also whether its regions tile its body (check_tiling), reported there."""
    try:
        root = parse_svg_file(path)
    except FileNotFoundError:
        col.add_coded(path, 1, f"view {view_id!r}", "SVG file not found")
        return None
    except SvgError as exc:
        col.add_error(path, exc.line, exc)
        return None
    except OSError as exc:
        col.add_coded(path, 1, "", "cannot read the file: {reason}", reason=said(exc))
        return None
    try:
        viewbox = parse_viewbox(root.attrs.get("viewBox", ""))
    except ValueError as exc:
        col.add_error(path, root.line, exc)
        return None
    side = root.find_id("side-right")
    if side is None:
        col.add_coded(path, root.line, "", "missing <g id=\"side-right\"> holding the right side of the body")
        return None
    midline = None
    for element in root.iter():
        if element.tag == "use":
            href = element.attrs.get("href") or element.attrs.get("xlink:href")
            if href != "#side-right":
                continue
            try:
                a, b, c, d, e, f = parse_transform(element.attrs.get("transform", ""))
            except ValueError as exc:
                col.add_error(path, element.line, exc)
                continue
            if not (math.isclose(a, -1) and math.isclose(d, 1) and abs(b) < 1e-9 and abs(c) < 1e-9 and abs(f) < 1e-9):
                col.add_coded(path, element.line, "", "the <use> of #side-right must be a left-right mirror: matrix(-1 0 0 1 W 0)")
                continue
            if not viewbox[0] <= e / 2.0 <= viewbox[0] + viewbox[2]:  # (also false for NaN)
                col.add_coded(path, element.line, "", "the mirror of #side-right must lie on the diagram: its axis x={x} is outside the viewBox", x=f"{e / 2.0:g}")
                continue
            midline = e / 2.0
    body_element = side.find_id("body")
    body = EMPTY
    if body_element is None or "d" not in body_element.attrs:
        col.add_coded(path, side.line, "", "missing <path id=\"body\"> (the outline of the right side of the body)")
    else:
        try:
            body = polygon_from_path(body_element.attrs["d"])
        except ShapeError as exc:
            col.add_error(path, body_element.line, exc, "body outline")
    regions: dict[str, BaseGeometry] = {}
    lines: dict[str, int] = {}
    for element in side.iter():
        element_id = element.attrs.get("id", "")
        if not element_id.startswith("region-"):
            continue
        region_id = element_id[len("region-"):]
        if region_id not in REGION_IDS:
            col.add_coded(path, element.line, "", "unknown region {region} in id {id}", region=repr(region_id), id=repr(element_id))
            continue
        if region_id in regions:
            col.add_coded(path, element.line, "", "duplicate region {region} (first on line {line})", region=repr(region_id), line=lines[region_id])
            continue
        if element.tag != "path" or "d" not in element.attrs:
            col.add_coded(path, element.line, "", "region {region} must be a <path> with a 'd' attribute", region=repr(region_id))
            continue
        try:
            shape = polygon_from_path(element.attrs["d"])
        except ShapeError as exc:
            col.add_error(path, element.line, exc, f"region {region_id!r}")
            continue
        regions[region_id] = shape
        lines[region_id] = element.line
    for region_id in expected_regions:
        if region_id not in regions and region_id in REGION_IDS and region_id not in lines:
            col.add_coded(path, side.line, f"view {view_id!r}", "missing region {region} (expected <path id=\"region-{id}\">)", region=repr(region_id), id=region_id)
    for region_id, line in lines.items():
        if region_id not in expected_regions:
            col.add_coded(path, line, "", "region {region} is drawn but data/views.yaml does not list it for view {view}", region=repr(region_id), view=repr(view_id))
    if tiling is not None:
        _check_tiling(tiling, path, regions, lines, body)
    return _DrawnView(viewbox, midline, body, regions, lines)


def check_tiling(data_dir: Path, assets_dir: Path) -> list[str]:
    """check-data: each drawn view's regions tile its body outline, without overlaps (more than OVERLAP_TOLERANCE
    between two) or reaching outside it (more than 1% of it), as FILE:LINE: message lines. Like the regions'
    coverage and the smoothed zones' sources, a check of the content as a whole that the app does not need in
    order to start (it cost ~20 ms of every cold start): the views' other problems are the loader's."""
    tiling = Collector()
    _load_views(Collector(), Path(data_dir), Path(assets_dir), tiling=tiling)
    return [str(p) for p in tiling.problems]


def _check_tiling(col, path, regions, lines, body):
    ids = list(regions)
    if not ids:
        return
    together = union(regions.values())
    # The regions' areas add up to their union's plus every overlap (a place covered k times counts k - 1 times),
    # so no two can overlap by more than that excess: only then is each pair worth intersecting (a third of the
    # cost of checking the views; the same problems reported).
    if sum(regions[i].area for i in ids) - together.area > OVERLAP_TOLERANCE:
        tree = shapely.STRtree([regions[i] for i in ids])
        for i, region_id in enumerate(ids):
            for j in tree.query(regions[region_id], predicate="intersects"):
                if j <= i:
                    continue
                overlap = regions[region_id].intersection(regions[ids[j]]).area
                if overlap > OVERLAP_TOLERANCE:
                    later = max(region_id, ids[j], key=lambda r: lines[r])
                    col.add_coded(path, lines[later], "", "regions {region} and {other} overlap ({area} square units)", region=repr(region_id), other=repr(ids[j]), area=f"{overlap:.1f}")
    if not body.is_empty:
        outside = together.difference(body).area
        if outside > 0.01 * body.area:
            col.add_coded(path, 1, "", "regions reach {area} square units outside the body outline", area=f"{outside:.0f}")


def _load_views(col, data_dir: Path, assets_dir: Path, tiling: Collector | None = None) -> dict[str, View]:
    path = data_dir / "views.yaml"
    entries = _top_mapping(col, path, _load(col, path), "views")
    if entries is None:
        return {}
    drawn: dict[str, tuple[_DrawnView, dict]] = {}
    specs = {}
    for view_id, value in entries.items():
        if view_id not in VIEW_IDS:
            col.add_coded(path, entries.line_of(view_id), "", "unknown view {view} (expected one of: {views})", view=repr(view_id), views=", ".join(VIEW_IDS))
            continue
        r = _Reader(col, path, value, f"views.{view_id}", ("title", "svg", "regions", "mirror_of"))
        title = r.text("title")
        if isinstance(value, dict) and "mirror_of" in value:
            specs[view_id] = (title, None, r.choice("mirror_of", VIEW_IDS), r.line("mirror_of"))
            continue
        svg = r.text("svg")
        expected = r.text_list("regions", options=REGION_IDS)
        if svg:
            svg_path = assets_dir / svg
            result = _read_svg(col, svg_path, view_id, expected, tiling)
            if result is not None:
                drawn[view_id] = (result, svg_path)
        specs[view_id] = (title, svg, None, r.line())
    for view_id in VIEW_IDS:
        if view_id not in entries:
            col.add_coded(path, entries.line, "", "missing view {view}", view=repr(view_id))

    views: dict[str, View] = {}
    for view_id, (title, _svg, mirror_of, line) in specs.items():
        if mirror_of is None:
            if view_id not in drawn:
                continue
            dv, svg_path = drawn[view_id]
            right_regions = {(r, "right"): g for r, g in dv.regions.items()}
            if dv.bilateral_midline is not None:
                m = dv.bilateral_midline
                left_regions = {(r, "left"): g for r, g in zip(dv.regions, mirror_many(dv.regions.values(), m))}
                body = {"right": dv.body, "left": mirror(dv.body, m)}
                sides = SIDES
            else:
                left_regions, body, sides = {}, {"right": dv.body}, ("right",)
            views[view_id] = View(
                view_id, title, dv.viewbox, svg_path, False, dv.bilateral_midline, sides, _freeze(body),
                _freeze({**right_regions, **left_regions}),
            )  # fmt: skip
    for view_id, (title, _svg, mirror_of, line) in specs.items():
        if mirror_of is None:
            continue
        source = views.get(mirror_of)
        if source is None:
            if mirror_of in specs and specs[mirror_of][2] is not None:
                col.add_coded(path, line, "", "view {view} mirrors {other}, which is itself a mirror", view=repr(view_id), other=repr(mirror_of))
            continue
        if source.midline is not None:
            col.add_coded(path, line, "", "view {view} mirrors {other}, which already shows both sides", view=repr(view_id), other=repr(mirror_of))
            continue
        c = source.center_x
        views[view_id] = View(
            view_id, title, source.viewbox, source.svg_file, True, None, ("left",),
            _freeze({"left": mirror(source.body["right"], c)}),
            _freeze({(r, "left"): g for (r, _s), g in zip(source.regions, mirror_many(source.regions.values(), c))}),
        )  # fmt: skip
    return views


def _view_mirrors(views: Mapping[str, View]):
    """For each view and side: (drawn view whose right-side shapes to use, mirror axis or None)."""
    out = {}
    for view_id, view in views.items():
        if view.mirrored:
            source = next(v for v in views.values() if not v.mirrored and v.svg_file == view.svg_file)
            out[(view_id, "left")] = (source.id, view.center_x)
        else:
            out[(view_id, "right")] = (view_id, None)
            if view.midline is not None:
                out[(view_id, "left")] = (view_id, view.midline)
    return out
