import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hipmap.core.geometry.shapes import ShapeError, polygon_from_path
from hipmap.core.content.svgdoc import SvgError, parse_svg_bytes, parse_transform
from hipmap.core.geometry.svgpath import PathSyntaxError, parse_path


def test_absolute_and_relative_lines_give_the_same_square():
    a = polygon_from_path("M 10 10 L 110 10 L 110 110 L 10 110 Z")
    b = polygon_from_path("m10,10 h100 v100 h-100 z")
    assert a.area == pytest.approx(10000)
    assert a.symmetric_difference(b).area == pytest.approx(0)


def test_cubic_curve_is_flattened_close_to_the_true_circle():
    k = 0.5522847498 * 50  # four cubics approximating a circle of radius 50
    d = f"M 150 100 C 150 {100 + k} {100 + k} 150 100 150 C {100 - k} 150 50 {100 + k} 50 100 C 50 {100 - k} {100 - k} 50 100 50 C {100 + k} 50 150 {100 - k} 150 100 Z"
    assert polygon_from_path(d).area == pytest.approx(math.pi * 50 * 50, rel=0.01)


def test_smooth_and_quadratic_commands():
    points, closed = parse_path("M0 0 C 0 10 10 10 10 0 S 20 -10 20 0 Q 25 5 30 0 T 40 0 Z")[0]
    assert closed and points[-1] == pytest.approx((40, 0))


def test_implicit_lineto_after_moveto():
    points, _ = parse_path("M 0 0 10 0 10 10 Z")[0]
    assert points == [(0, 0), (10, 0), (10, 10)]


@pytest.mark.parametrize(
    "d, message",
    [
        ("L 10 10", "must start with a move"),
        ("M 0 0 A 5 5 0 0 1 10 10", "arc"),
        ("M 0 0 L 10", "needs 2 numbers"),
        ("M 0 0 L 10 x", "unexpected character"),
        ("", "empty"),
    ],
)
def test_bad_path_data_is_named(d, message):
    with pytest.raises(PathSyntaxError, match=message):
        parse_path(d)


def test_self_intersecting_shape_is_rejected():
    with pytest.raises(ShapeError, match="not a valid polygon"):
        polygon_from_path("M 0 0 L 10 10 L 10 0 L 0 10 Z")


@given(st.text(alphabet="MmLlCcZzHhVv0123456789.,- eE+", max_size=80))
def test_any_path_text_parses_or_fails_cleanly(d):
    try:
        polygon_from_path(d)
    except ShapeError:
        pass


def test_svg_reader_keeps_lines_and_refuses_doctype():
    root = parse_svg_bytes(b'<svg viewBox="0 0 10 10">\n<g id="a">\n<path id="p" d="M0 0"/>\n</g>\n</svg>')
    assert root.find_id("p").line == 3
    with pytest.raises(SvgError, match="DOCTYPE"):
        parse_svg_bytes(b'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaa">]>\n<svg/>')
    with pytest.raises(SvgError) as info:
        parse_svg_bytes(b"<svg>\n<g>\n</svg>")
    assert info.value.line == 3


def test_mirror_transform_composes():
    assert parse_transform("matrix(-1 0 0 1 600 0)") == (-1, 0, 0, 1, 600, 0)
    assert parse_transform("translate(600 0) scale(-1 1)") == (-1, 0, 0, 1, 600, 0)


def _general(d, monkeypatch):
    """parse_path without its shortcut for absolute lines: (points, closed) per subpath, or the error's text."""
    from hipmap.core.geometry import svgpath

    with monkeypatch.context() as m:
        m.setattr(svgpath, "_lines", lambda d: None)
        try:
            return svgpath.parse_path(d)
        except PathSyntaxError as exc:
            return str(exc)


def _read(d):
    try:
        return parse_path(d)
    except PathSyntaxError as exc:
        return str(exc)


def _signs(found):
    return found if isinstance(found, str) else [[tuple(math.copysign(1, v) for v in p) for p in points] for points, _c in found]


@pytest.mark.parametrize("d", [
    "M 10 10 L 110 10 L 110 110 L 10 110 Z", "M1,2 3,4 5,6Z M 7 8 9 10", "M 1 2 Z L 5 6 Z", "M 1 2 Z Z M 3 4",
    "M -0 -0.0 L 0 -0 Z", "M1.5.5 2E2-1e-2Z", "Z M 1 2", "L 1 2", "M 1 2 L 3", "M 1 2 Z 3 4", "M 1 2 L Z", "M 1e999 2",
    "M 1 2 L 1e9 -1e9 L 1.0000001e9 0", "", "  ", "M 1 2 e", "M 1 2 L 3 4 x", ", M 1 2 L 3 4", "1 M 2 3 L 4 5",
])  # fmt: skip
def test_the_shortcut_for_absolute_lines_reads_as_the_general_parser(d, monkeypatch):
    general = _general(d, monkeypatch)
    assert _read(d) == general and _signs(_read(d)) == _signs(general)


@given(st.lists(st.tuples(st.sampled_from("MMLLZ "), st.lists(st.sampled_from(["-0", "0", "1.5", ".5", "-2", "3.", "1e3", "1.5.5", "+4", "-1e-2"]), max_size=5)), max_size=6))
def test_any_path_of_absolute_lines_reads_as_the_general_parser(parts):
    d = " ".join(command + " " + ",".join(numbers) for command, numbers in parts)
    with pytest.MonkeyPatch.context() as monkeypatch:
        general = _general(d, monkeypatch)
    assert _read(d) == general and _signs(_read(d)) == _signs(general)
