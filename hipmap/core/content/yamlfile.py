"""YAML with line numbers, read only through PyYAML's safe loader.

The safe loader composes the node tree (no arbitrary objects can be built); we then turn nodes into
dicts and lists that remember the line of every key and item, so validation can say where a problem is.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..messages import again, coded_at
from ..reading import FileTooLarge, read_bytes

MAX_YAML_BYTES = 2_000_000
# libyaml's parser when PyYAML was built with it (several times faster); same safe constructors either way.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


class YMap(dict):
    """A mapping that knows its own line and the line of each key."""

    line: int = 1

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_lines: dict = {}

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class YList(list):
    line: int = 1

    def __init__(self, *args):
        super().__init__(*args)
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
_STR_TAG = "tag:yaml.org,2002:str"


def _line(node) -> int:
    return node.start_mark.line + 1


def _convert(node, constructor, seen: set[int]):
    if id(node) in seen:
        raise coded_at(YamlSyntaxError, _line(node), "anchors and aliases (& and *) are not supported in hipmap data")
    seen.add(id(node))
    if node.tag == _STR_TAG and type(node) is yaml.ScalarNode:
        return node.value  # what the safe constructor makes of a string, without its machinery (most values are)
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
        raise coded_at(YamlSyntaxError, _line(node), "unsupported YAML tag {tag}", tag=repr(node.tag))
    if isinstance(node, yaml.MappingNode):
        result = YMap()
        result.line = _line(node)
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise coded_at(YamlSyntaxError, _line(key_node), "merge keys (<<) are not supported in hipmap data")
            key = _convert(key_node, constructor, seen)
            if isinstance(key, (dict, list)):
                raise coded_at(YamlSyntaxError, _line(key_node), "a mapping key must be a plain value")
            if key in result:
                raise coded_at(
                    YamlSyntaxError, _line(key_node), "duplicate key {key} (first given on line {line})", key=repr(key), line=result.key_lines[key]
                )
            result[key] = _convert(value_node, constructor, seen)
            result.key_lines[key] = _line(key_node)
        return result
    if isinstance(node, yaml.SequenceNode):
        result = YList()
        result.line = _line(node)
        for item in node.value:
            result.append(_convert(item, constructor, seen))
            result.item_lines.append(_line(item))
        return result
    try:
        return constructor.construct_object(node, deep=True)
    except (ValueError, OverflowError) as exc:  # a number too long for Python, a date like 2001-13-45, ...
        raise coded_at(YamlSyntaxError, _line(node), "invalid YAML value: {reason}", reason=str(exc).split("; use sys.")[0]) from None
    except (AttributeError, KeyError, TypeError):  # PyYAML's own constructors fail so on an explicit tag that does
        # not fit its value: !!timestamp xyz, !!bool maybe
        tag = str(node.tag).rsplit(":", 1)[-1]
        raise coded_at(YamlSyntaxError, _line(node), "invalid YAML value: {reason}", reason=f"{str(node.value)[:40]!r} is not a {tag}") from None


def _reader_error(text: str, exc) -> YamlSyntaxError:
    """A character YAML does not allow. libyaml finds it while parsing and counts its position in UTF-8 bytes;
    the pure-Python reader finds it at once and counts characters."""
    position = max(exc.position, 0)
    if _SafeLoader is yaml.SafeLoader:
        line = text[:position].count("\n") + 1
    else:
        line = text.encode("utf-8", "surrogatepass")[:position].count(b"\n") + 1
    char = exc.character
    code = char if isinstance(char, int) else ord(char) if isinstance(char, str) and len(char) == 1 else None
    shown = f"U+{code:04X}" if code is not None else repr(char)
    return coded_at(YamlSyntaxError, line, "invalid YAML: {reason} (character {shown})", reason=exc.reason, shown=shown)


def parse_yaml(text: str):
    """Parse YAML text with the safe loader; raise YamlSyntaxError with a 1-based line on any error."""
    try:
        loader = _SafeLoader(text)
    except yaml.reader.ReaderError as exc:
        raise _reader_error(text, exc) from None
    try:
        try:
            root = loader.get_single_node()
        except yaml.reader.ReaderError as exc:
            raise _reader_error(text, exc) from None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else 1
            raise coded_at(YamlSyntaxError, line, "invalid YAML: {reason}", reason=exc.problem or exc.context) from None
        except yaml.YAMLError as exc:
            raise coded_at(YamlSyntaxError, 1, "invalid YAML: {reason}", reason=str(exc)) from None
        if root is None:
            return None
        try:
            return _convert(root, loader, set())
        except yaml.constructor.ConstructorError as exc:
            mark = exc.problem_mark
            raise coded_at(YamlSyntaxError, mark.line + 1 if mark else 1, "invalid YAML value: {reason}", reason=exc.problem) from None
        except RecursionError:
            raise coded_at(YamlSyntaxError, 1, "YAML nested too deeply") from None
    finally:
        loader.dispose()


def load_yaml_file(path: Path):
    """Read and parse one YAML file. Errors carry the line; unreadable files raise OSError/UnicodeError."""
    try:
        data = read_bytes(path, MAX_YAML_BYTES)
    except FileTooLarge as exc:
        raise again(exc, YamlSyntaxError(1, str(exc))) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise coded_at(YamlSyntaxError, line, "file is not valid UTF-8 text") from None
    return parse_yaml(text)
