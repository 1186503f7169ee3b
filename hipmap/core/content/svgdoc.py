"""A minimal, safe SVG reader: elements with attributes and source line numbers.

expat is used directly (not ElementTree) because we need the line of every element, and DTDs and
entities are refused so a hostile file cannot expand or reach outside.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from ..messages import again, coded, coded_at
from ..reading import MAX_SVG_BYTES, FileTooLarge, read_bytes


class SvgError(Exception):
    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


@dataclass
class Element:
    tag: str
    attrs: dict
    line: int
    children: list = field(default_factory=list)

    def iter(self):
        """This element and every one below it, in document order (without recursion: nesting can be deep)."""
        stack = [self]
        while stack:
            element = stack.pop()
            yield element
            stack.extend(reversed(element.children))

    def find_id(self, element_id: str):
        for element in self.iter():
            if element.attrs.get("id") == element_id:
                return element
        return None


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1] if ":" in name and not name.startswith("xlink") else name


def parse_svg_bytes(data: bytes) -> Element:
    if len(data) > MAX_SVG_BYTES:
        raise coded_at(SvgError, 1, "file is too large ({size} bytes; the limit is {limit})", size=len(data), limit=MAX_SVG_BYTES)
    parser = expat.ParserCreate()
    stack: list[Element] = []
    root: list[Element] = []

    def refuse_dtd(*_args):
        raise coded_at(SvgError, parser.CurrentLineNumber, "DOCTYPE and entity declarations are not allowed")

    def start(name, attrs):
        element = Element(_local(name), dict(attrs), parser.CurrentLineNumber)
        if stack:
            stack[-1].children.append(element)
        else:
            root.append(element)
        stack.append(element)

    def end(_name):
        stack.pop()

    parser.StartDoctypeDeclHandler = refuse_dtd
    parser.EntityDeclHandler = refuse_dtd
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise coded_at(SvgError, exc.lineno or 1, "invalid XML: {reason}", reason=expat.ErrorString(exc.code)) from None
    except RecursionError:
        raise coded_at(SvgError, 1, "XML nested too deeply") from None
    except (LookupError, ValueError) as exc:  # an encoding expat does not know, or a multi-byte one it refuses
        raise coded_at(SvgError, parser.CurrentLineNumber or 1, "unsupported encoding in the XML declaration ({reason})", reason=str(exc)) from None
    if not root or root[0].tag != "svg":
        raise coded_at(SvgError, 1, "not an SVG document (the root element must be <svg>)")
    return root[0]


def parse_svg_file(path: Path) -> Element:
    try:
        data = read_bytes(path, MAX_SVG_BYTES)
    except FileTooLarge as exc:
        raise again(exc, SvgError(1, str(exc))) from None
    return parse_svg_bytes(data)


_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_TRANSFORM = re.compile(r"\s*(matrix|translate|scale)\s*\(([^)]*)\)\s*,?")


def parse_transform(text: str) -> tuple[float, float, float, float, float, float]:
    """matrix/translate/scale transforms composed left to right, as SVG does; returns (a b c d e f)."""
    result = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    pos = 0
    text = text.strip()
    while pos < len(text):
        match = _TRANSFORM.match(text, pos)
        if not match:
            raise coded(ValueError, "unsupported transform {value} (use matrix, translate or scale)", value=repr(text[pos:]))
        pos = match.end()
        values = [float(v) for v in re.findall(_NUMBER, match.group(2))]
        if not all(math.isfinite(v) for v in values):
            raise coded(ValueError, "transform numbers must be finite")
        kind = match.group(1)
        if kind == "matrix" and len(values) == 6:
            m = tuple(values)
        elif kind == "translate" and len(values) in (1, 2):
            m = (1.0, 0.0, 0.0, 1.0, values[0], values[1] if len(values) == 2 else 0.0)
        elif kind == "scale" and len(values) in (1, 2):
            m = (values[0], 0.0, 0.0, values[1] if len(values) == 2 else values[0], 0.0, 0.0)
        else:
            raise coded(ValueError, "wrong number of values in {value}", value=repr(match.group(0).strip()))
        a, b, c, d, e, f = result
        a2, b2, c2, d2, e2, f2 = m
        result = (
            a * a2 + c * b2,
            b * a2 + d * b2,
            a * c2 + c * d2,
            b * c2 + d * d2,
            a * e2 + c * f2 + e,
            b * e2 + d * f2 + f,
        )
    return result


def parse_viewbox(text: str) -> tuple[float, float, float, float]:
    values = [float(v) for v in re.findall(_NUMBER, text or "")]
    if len(values) != 4 or values[2] <= 0 or values[3] <= 0 or not all(math.isfinite(v) for v in values):
        raise coded(ValueError, "viewBox must be four numbers with positive width and height, got {value}", value=repr(text))
    return tuple(values)
