"""Reading typed fields out of line-aware YAML, reporting every problem as FILE:LINE: message.

Shared by every loader of data/ (the atlas, the red flags, ...) so that all of them speak the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from ..messages import phrase, said
from .problems import Collector
from .vocabulary import MUSCLE_IDS

# yamlfile (and PyYAML) is imported by the functions that read YAML: a warm start unpickles Source without it.


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    note: str = ""


def _describe(value) -> str:
    if value is None:
        return phrase("nothing")
    if isinstance(value, bool):
        return f"{value!r}"
    if isinstance(value, dict):
        return phrase("a mapping")
    if isinstance(value, list):
        return phrase("a list")
    if isinstance(value, str):
        return phrase("text {value}", value=repr(value[:40]))
    if type(value) is int:
        return phrase("int {value}", value=repr(value))
    if type(value) is float:
        return phrase("float {value}", value=repr(value))
    return f"{type(value).__name__} {value!r}"


class _Reader:
    """Reads typed fields from one YAML mapping, reporting problems with the file and line."""

    def __init__(self, col: Collector, file: Path, mapping, where: str, allowed: tuple[str, ...]):
        from .yamlfile import YMap

        self.col, self.file, self.where = col, file, where
        self.ok = isinstance(mapping, dict)
        self.map = mapping if self.ok else YMap()
        if not self.ok:
            line = getattr(mapping, "line", 1)
            col.add_coded(file, line, where, "expected a mapping, got {kind}", kind=_describe(mapping))
            return
        for key in mapping:
            if key not in allowed:
                col.add_coded(file, mapping.line_of(key), where, "unknown key {key} (expected one of: {allowed})",
                              key=repr(key), allowed=", ".join(allowed))  # fmt: skip

    def line(self, key=None) -> int:
        if key is None:
            return getattr(self.map, "line", 1)
        from .yamlfile import YMap

        return self.map.line_of(key) if isinstance(self.map, YMap) else 1

    def _missing(self, key, required):
        if required and self.ok:
            self.col.add_coded(self.file, self.line(), self.where, "missing required key {key}", key=repr(key))

    def text(self, key, required=True, default=""):
        if key not in self.map:
            self._missing(key, required)
            return default
        value = self.map[key]
        if not isinstance(value, str) or not value.strip():
            self.col.add_coded(self.file, self.line(key), f"{self.where}.{key}", "expected non-empty text, got {kind}", kind=_describe(value))
            return default
        return " ".join(value.split()) if "\n" in value.strip() else value.strip()

    def choice(self, key, options, required=True, default=None):
        value = self.text(key, required=required, default=None)
        if value is None:
            return default
        if value not in options:
            self.col.add_coded(
                self.file, self.line(key), f"{self.where}.{key}", "unknown value {value} (expected one of: {allowed})", value=repr(value), allowed=", ".join(options)
            )
            return default
        return value

    def items(self, key, required=True):
        """A list value; returns (list, line)."""
        from .yamlfile import YList

        if key not in self.map:
            self._missing(key, required)
            return YList(), self.line()
        value = self.map[key]
        if not isinstance(value, list):
            self.col.add_coded(self.file, self.line(key), f"{self.where}.{key}", "expected a list, got {kind}", kind=_describe(value))
            return YList(), self.line(key)
        return value, self.line(key)

    def text_list(self, key, options=None, required=True):
        from .yamlfile import YList

        values, _line = self.items(key, required)
        result = []
        for i, value in enumerate(values):
            line = values.line_of(i) if isinstance(values, YList) else self.line(key)
            if not isinstance(value, str) or not value.strip():
                self.col.add_coded(self.file, line, f"{self.where}.{key}[{i}]", "expected text, got {kind}", kind=_describe(value))
            elif options is not None and value not in options:
                self.col.add_coded(self.file, line, f"{self.where}.{key}", "unknown {name} {value} (expected one of: {allowed})", name=key.rstrip("s"), value=repr(value), allowed=", ".join(options))
            else:
                result.append(value)
        return result

    def fraction_pair(self, key):
        if key not in self.map:
            return None
        value = self.map[key]
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
            or not (0.0 <= value[0] < value[1] <= 1.0)
        ):
            self.col.add_coded(
                self.file, self.line(key), f"{self.where}.{key}", "expected [start, end] with 0 <= start < end <= 1, got {kind}", kind=_describe(value)
            )
            return None
        return float(value[0]), float(value[1])

    def sources(self, known: Mapping, required=True) -> tuple[str, ...]:
        keys: list[str] = []
        if "source" in self.map and "sources" in self.map:
            self.col.add_coded(self.file, self.line("sources"), self.where, "give either 'source' or 'sources', not both")
        if "source" in self.map:
            value = self.text("source")
            keys = [value] if value else []
            line = self.line("source")
        elif "sources" in self.map:
            keys = self.text_list("sources")
            line = self.line("sources")
        else:
            self._missing("source", required)
            return ()
        for key in keys:
            if key not in known:
                self.col.add_coded(self.file, line, self.where, "unknown source {key} (expected one of: {allowed})", key=repr(key), allowed=", ".join(known))
        return tuple(k for k in keys if k in known)


def _load(col: Collector, path: Path):
    """A YAML file's content, or None after reporting why it cannot be read."""
    from .yamlfile import YamlSyntaxError, load_yaml_file

    try:
        return load_yaml_file(path)
    except FileNotFoundError:
        col.add_coded(path, 1, "", "file not found")
    except YamlSyntaxError as exc:
        col.add_error(path, exc.line, exc)
    except (OSError, UnicodeError) as exc:
        col.add_coded(path, 1, "", "cannot read the file: {reason}", reason=said(exc))
    return None


def _top_mapping(col, path, data, key):
    if data is None:
        return None
    if not isinstance(data, dict) or key not in data or not isinstance(data[key], dict):
        col.add_coded(path, getattr(data, "line", 1), "", "expected a top-level mapping {key}", key=repr(key))
        return None
    for extra in data:
        if extra != key:
            col.add_coded(path, data.line_of(extra), "", "unknown top-level key {extra} (expected only {key})", extra=repr(extra), key=repr(key))
    return data[key]


def _load_sources(col, data_dir: Path) -> dict[str, Source]:
    path = data_dir / "sources.yaml"
    entries = _top_mapping(col, path, _load(col, path), "sources")
    sources = {}
    for key, value in (entries or {}).items():
        r = _Reader(col, path, value, f"sources.{key}", ("title", "note"))
        sources[str(key)] = Source(str(key), r.text("title"), r.text("note", required=False))
    return sources


def read_muscle_id(col: Collector, file: Path, r: "_Reader", key: str) -> str | None:
    """The muscle id a file gives under KEY, checked the same way in every kind of file: the file is named after it
    (``piriformis.yaml``) and it is one of the ids of DESIGN.md. The id when it is known, else None (reported at
    its line; the file's own reader has reported a missing key)."""
    muscle_id = r.text(key)
    if muscle_id and muscle_id != file.stem:
        col.add_coded(file, r.line(key), "", "id {id} does not match the file name {name}", id=repr(muscle_id), name=repr(file.name))
    if muscle_id and muscle_id not in MUSCLE_IDS:
        col.add_coded(file, r.line(key), "", "unknown muscle id {id} (expected one of the ids in DESIGN.md)", id=repr(muscle_id))
        return None
    return muscle_id or None

