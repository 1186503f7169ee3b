"""Errors the interface can say in its own language: each keeps the English template it was made from and the
values that fill it (the template is its stable code), besides the English message that str() gives.

    raise coded(PainMapError, "intensity must be a whole number from 0 to 10, got {value}", where="marks[3]", value="'lots'")

The interface looks the template up in its catalogue (hipmap.ui.kit.errors) and formats its translation with the
same values; a template it does not know is shown in English, as str(exc). A value that is itself words ("a list",
the reason another error gave) is a ``phrase``: a str, the English, that keeps its own template and values too.
"""

from __future__ import annotations


def coded(kind: type, template: str, /, where: str = "", **params):
    """An exception of KIND whose message is TEMPLATE filled with PARAMS, after "WHERE: " when there is a where."""
    text = template.format(**params)
    exc = kind(f"{where}: {text}" if where else text)
    mark(exc, template, where, **params)
    return exc


def coded_at(kind: type, line: int, template: str, /, where: str = "", **params):
    """As ``coded``, for an error that carries the line it was found on: KIND(LINE, message)."""
    text = template.format(**params)
    return mark(kind(line, f"{where}: {text}" if where else text), template, where, **params)


def again(exc, new):
    """NEW, an error that says what EXC says, marked with EXC's template and values when EXC has them."""
    if getattr(exc, "template", None):
        mark(new, exc.template, exc.where, **exc.params)
    return new


def mark(exc, template: str, /, where: str = "", **params):
    """Give EXC the template, the where and the values its message was made from."""
    exc.template, exc.where, exc.params = template, where, params
    return exc


def within(exc, prefix: str):
    """EXC again, placed inside something larger: its message and its where after PREFIX ("steps[2].")."""
    out = type(exc)(f"{prefix}{exc}")
    if getattr(exc, "template", None):
        mark(out, exc.template, f"{prefix}{exc.where}" if exc.where else prefix.rstrip(". :"), **exc.params)
    return out


class Phrase(str):
    """English words (a str, unchanged) that keep the template, where and values they were made from."""


def phrase(template: str, /, where: str = "", **params) -> Phrase:
    """TEMPLATE filled with PARAMS, after "WHERE: " when there is a where, as words the interface can translate."""
    text = template.format(**params)
    return mark(Phrase(f"{where}: {text}" if where else text), template, where, **params)


def said(exc, english: str | None = None) -> str:
    """What EXC says, as a phrase when it was coded (so a message quoting it stays translatable), else ENGLISH
    (str(exc) when not given)."""
    template = getattr(exc, "template", None)
    if template:
        return phrase(template, exc.where, **exc.params)
    return str(exc) if english is None else english
