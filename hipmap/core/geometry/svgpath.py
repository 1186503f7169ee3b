"""SVG path data -> polylines. Curves are flattened finely enough that drawn and hit-tested shapes agree."""

from __future__ import annotations

import math
import re

from ..messages import coded

_TOKEN = re.compile(r"([MmLlHhVvCcSsQqTtZzAa])|([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|([\s,]+)|(.)")
_ARGC = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "Z": 0}
MAX_PATH_CHARS = 500_000
# Chord length (in view units) that a flattened curve segment may span; the views are 600 x 1000.
FLATTEN_STEP = 3.0
# Far beyond any drawing, and small enough that sums of relative moves and curve lengths stay finite.
MAX_NUMBER = 1e9


class PathSyntaxError(ValueError):
    pass


_FAST_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtZzAa]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_SEPARATORS = re.compile(r"[\s,]*")


def _tokens(d: str) -> list:
    if len(d) > MAX_PATH_CHARS:
        raise coded(PathSyntaxError, "path data is too long ({count} characters)", count=len(d))
    # Everything that is not a command or a number must be a separator; else name the first stray character.
    if not _SEPARATORS.fullmatch(_FAST_TOKEN.sub(" ", d)):
        for match in _TOKEN.finditer(d):
            if match.group(4):
                raise coded(PathSyntaxError, "unexpected character {value} in path data", value=repr(match.group(4)))
    tokens: list = []
    for tok in _FAST_TOKEN.findall(d):
        if len(tok) == 1 and tok.isalpha():
            tokens.append(tok)
            continue
        value = float(tok)
        if not math.isfinite(value) or abs(value) > MAX_NUMBER:
            raise coded(PathSyntaxError, "number out of range: {value}", value=repr(tok))
        tokens.append(value)
    return tokens


def _segments(n_points_hint: float) -> int:
    return max(2, min(64, int(math.ceil(n_points_hint / FLATTEN_STEP))))


def _cubic(p0, p1, p2, p3):
    length = math.dist(p0, p1) + math.dist(p1, p2) + math.dist(p2, p3)
    n = _segments(length)
    out = []
    for i in range(1, n + 1):
        t = i / n
        mt = 1 - t
        a, b, c, e = mt**3, 3 * mt * mt * t, 3 * mt * t * t, t**3
        out.append((a * p0[0] + b * p1[0] + c * p2[0] + e * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + e * p3[1]))
    return out


def _quadratic(p0, p1, p2):
    length = math.dist(p0, p1) + math.dist(p1, p2)
    n = _segments(length)
    out = []
    for i in range(1, n + 1):
        t = i / n
        mt = 1 - t
        out.append((mt * mt * p0[0] + 2 * mt * t * p1[0] + t * t * p2[0], mt * mt * p0[1] + 2 * mt * t * p1[1] + t * t * p2[1]))
    return out


_LINES_ONLY = re.compile(r"[\sMLZ0-9.,eE+-]*")  # absolute moves and lines (polygons: most of the data)
_LINES_SPLIT = re.compile(r"([MLZ])")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _lines(d: str):
    """parse_path for path data of absolute M, L and Z commands only, well formed; None for anything else (the
    general parser then reads it, and names what is wrong). The same points as the general parser, read a
    command at a time rather than a number at a time."""
    parts = _LINES_SPLIT.split(d)
    if parts[0].strip(" \t\n\r\f\v,"):
        return None
    subpaths: list[tuple[list[tuple[float, float]], bool]] = []
    points: list[tuple[float, float]] = []
    start = None
    for command, text in zip(parts[1::2], parts[2::2]):
        if start is None and command != "M":
            return None
        numbers = list(map(float, _NUMBER.findall(text)))
        if numbers:
            if max(numbers) > MAX_NUMBER or min(numbers) < -MAX_NUMBER:  # (1e999 reads as inf)
                return None
            if 0.0 in numbers:
                numbers = [v + 0.0 for v in numbers]  # -0 is read as 0, as x + 0.0 does in the general parser
        if command == "Z":
            if numbers:
                return None
            if points:
                subpaths.append((points, True))
                points = []
            continue
        if len(numbers) < 2 or len(numbers) % 2:
            return None
        pairs = list(zip(numbers[0::2], numbers[1::2]))
        if command == "M":
            if points:
                subpaths.append((points, False))
            start, points = pairs[0], pairs
        else:
            if not points:
                points = [start]
            points.extend(pairs)
    if points:
        subpaths.append((points, False))
    return subpaths or None


def parse_path(d: str) -> list[tuple[list[tuple[float, float]], bool]]:
    """Return subpaths as (points, closed). Raises PathSyntaxError on anything malformed."""
    if len(d) <= MAX_PATH_CHARS and _LINES_ONLY.fullmatch(d) and _SEPARATORS.fullmatch(_FAST_TOKEN.sub(" ", d)):
        found = _lines(d)
        if found is not None:
            return found
    tokens = _tokens(d)
    subpaths: list[tuple[list[tuple[float, float]], bool]] = []
    points: list[tuple[float, float]] = []
    closed = False
    x = y = 0.0
    start = (0.0, 0.0)
    last_ctrl = None  # reflected control point for S/T
    last_cmd = ""
    i = 0
    command = None

    def finish():
        nonlocal points, closed
        if points:
            subpaths.append((points, closed))
        points, closed = [], False

    while i < len(tokens):
        tok = tokens[i]
        if isinstance(tok, str):
            if command is None and tok not in "Mm":
                raise coded(PathSyntaxError, "path data must start with a move command (M)")
            command = tok
            i += 1
            if command in "Aa":
                raise coded(PathSyntaxError, "arc commands (A) are not supported; use curves (C)")
            if command in "Zz":
                if points:
                    closed = True
                    x, y = start
                    finish()
                last_cmd, last_ctrl = "Z", None
                continue
        elif command is None:
            raise coded(PathSyntaxError, "path data must start with a move command (M)")
        upper = command.upper()
        relative = command.islower()
        argc = _ARGC[upper]
        if argc == 0:
            raise coded(PathSyntaxError, "numbers after Z without a new command")
        args = tokens[i : i + argc]
        if len(args) < argc or any(isinstance(a, str) for a in args):
            raise coded(PathSyntaxError, "command {command} needs {count} numbers", command=command, count=argc)
        i += argc
        ox, oy = (x, y) if relative else (0.0, 0.0)
        if upper == "M":
            finish()
            x, y = args[0] + ox, args[1] + oy
            start = (x, y)
            points = [(x, y)]
            command = "l" if relative else "L"  # implicit lineto after a moveto
            last_ctrl = None
        elif upper in "LHV":
            if upper == "L":
                x, y = args[0] + ox, args[1] + oy
            elif upper == "H":
                x = args[0] + ox
            else:
                y = args[0] + oy
            if not points:
                points = [start]
            points.append((x, y))
            last_ctrl = None
        elif upper in "CS":
            if upper == "C":
                c1 = (args[0] + ox, args[1] + oy)
                c2 = (args[2] + ox, args[3] + oy)
                end = (args[4] + ox, args[5] + oy)
            else:
                c1 = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_cmd in "CS" and last_ctrl else (x, y)
                c2 = (args[0] + ox, args[1] + oy)
                end = (args[2] + ox, args[3] + oy)
            if not points:
                points = [start]
            points.extend(_cubic((x, y), c1, c2, end))
            x, y = end
            last_ctrl = c2
        else:  # Q, T
            if upper == "Q":
                c1 = (args[0] + ox, args[1] + oy)
                end = (args[2] + ox, args[3] + oy)
            else:
                c1 = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_cmd in "QT" and last_ctrl else (x, y)
                end = (args[0] + ox, args[1] + oy)
            if not points:
                points = [start]
            points.extend(_quadratic((x, y), c1, end))
            x, y = end
            last_ctrl = c1
        last_cmd = upper
    finish()
    if not subpaths:
        raise coded(PathSyntaxError, "path data is empty")
    return subpaths
