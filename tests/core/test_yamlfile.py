import pytest
from hypothesis import given
from hypothesis import strategies as st

from hipmap.core.content.yamlfile import YamlSyntaxError, parse_yaml


def test_lines_of_keys_and_items():
    data = parse_yaml("a: 1\nb:\n  - x\n  - y\nc:\n  d: 2\n")
    assert data.line_of("b") == 2
    assert data["b"].line_of(1) == 4
    assert data["c"].line_of("d") == 6


def test_duplicate_key_names_both_lines():
    with pytest.raises(YamlSyntaxError) as info:
        parse_yaml("a: 1\nb: 2\na: 3\n")
    assert info.value.line == 3 and "line 1" in str(info.value)


def test_unsafe_tags_are_refused():
    with pytest.raises(YamlSyntaxError):
        parse_yaml("a: !!python/object/apply:os.system ['true']\n")


def test_aliases_are_refused():
    with pytest.raises(YamlSyntaxError, match="aliases"):
        parse_yaml("a: &x [1, 2]\nb: *x\n")


@given(st.text(max_size=200))
def test_any_text_parses_or_fails_with_a_line(text):
    try:
        parse_yaml(text)
    except YamlSyntaxError as exc:
        assert exc.line >= 1


@pytest.mark.parametrize("text", ["a: 1\nb: !!timestamp xyz\n", "a: 1\nb: !!bool maybe\n"])
def test_an_explicit_tag_that_does_not_fit_its_value_is_a_yaml_error_at_its_line(text):
    """PyYAML's own constructors raised AttributeError and KeyError here (found by tools/fuzz.py, seed 41)."""
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml(text)
    assert caught.value.line == 2 and "invalid YAML value" in str(caught.value)
