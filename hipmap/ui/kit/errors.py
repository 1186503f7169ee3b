"""What went wrong, in the interface's language: the core's errors keep the English template they were made from
and its values (hipmap.core.messages); this catalogue translates the templates it knows. An error whose template
is not here is shown as the core wrote it, in English."""

from __future__ import annotations

from .i18n import QT_TRANSLATE_NOOP, translate


TEMPLATES = frozenset((
    # pain maps (hipmap.core.pain.painmap)
    QT_TRANSLATE_NOOP("core", "expected a GeoJSON Polygon or MultiPolygon"),
    QT_TRANSLATE_NOOP("core", "coordinates must be nested lists of finite numbers within ±{limit}"),
    QT_TRANSLATE_NOOP("core", "not a valid shape ({reason})"),
    QT_TRANSLATE_NOOP("core", "the shape crosses itself and is too complex to repair ({points} points; hipmap repairs up to {crossings} crossings in a file, in shapes of up to {most} points)"),
    QT_TRANSLATE_NOOP("core", "expected a JSON object"),
    QT_TRANSLATE_NOOP("core", "not a hipmap pain map (expected \"format\": \"{format}\")"),
    QT_TRANSLATE_NOOP("core", "missing or invalid \"version\" (expected a whole number)"),
    QT_TRANSLATE_NOOP("core", "made by a newer hipmap (format version {version}); this version reads up to {supported}. Please update hipmap."),
    QT_TRANSLATE_NOOP("core", "\"marks\" must be a list"),
    QT_TRANSLATE_NOOP("core", "too many marks ({count}; the limit is {limit})"),
    QT_TRANSLATE_NOOP("core", "expected an object"),
    QT_TRANSLATE_NOOP("core", "unknown view {view} (expected one of: {views})"),
    QT_TRANSLATE_NOOP("core", "intensity must be a whole number from 0 to 10, got {value}"),
    QT_TRANSLATE_NOOP("core", "qualities must be a list of: {qualities}"),
    QT_TRANSLATE_NOOP("core", "side must be right, left or both, got {value}"),
    QT_TRANSLATE_NOOP("core", "file is too large ({size} bytes)"),
    QT_TRANSLATE_NOOP("core", "not UTF-8 text"),
    QT_TRANSLATE_NOOP("core", "invalid JSON: {reason}"),
    QT_TRANSLATE_NOOP("core", "JSON nested too deeply"),
    QT_TRANSLATE_NOOP("core", "invalid JSON: a number is too long"),
    QT_TRANSLATE_NOOP("core", "file not found"),
    QT_TRANSLATE_NOOP("core", "cannot read the file ({reason})"),
    # routines (hipmap.core.routine.model, .library)
    QT_TRANSLATE_NOOP("core", "expected Unicode text, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected 'compression' or 'stretch', got {value}"),
    QT_TRANSLATE_NOOP("core", "expected 'right', 'left' or 'none', got {value}"),
    QT_TRANSLATE_NOOP("core", "expected text of {least} to {most} characters, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected a whole number from {low} to {high}, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected a whole number of seconds from {low} to {high}, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected text of at most {most} characters, got {value}"),
    QT_TRANSLATE_NOOP("core", "too many steps ({count}; the limit is {limit})"),
    QT_TRANSLATE_NOOP("core", "not a hipmap routine (expected \"format\": \"{format}\")"),
    QT_TRANSLATE_NOOP("core", "expected a list"),
    QT_TRANSLATE_NOOP("core", "missing"),
    QT_TRANSLATE_NOOP("core", "too large to be a routine"),
    QT_TRANSLATE_NOOP("core", "cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("core", "not valid JSON ({reason})"),
    QT_TRANSLATE_NOOP("core", "a saved routine needs a name"),
    QT_TRANSLATE_NOOP("core", "a saved routine needs at least one step"),
    # the sessions database (hipmap.core.store)
    QT_TRANSLATE_NOOP("core", "The sessions database {path} cannot be read: {detail}. hipmap can start with a fresh database beside it; the old file is left as it is."),
    QT_TRANSLATE_NOOP("core", "The sessions database {path} was made by a newer hipmap (schema version {found}; this one reads up to {supported}). Update hipmap to see those sessions, or hipmap can start with a fresh database beside it; the old file is left as it is."),
    QT_TRANSLATE_NOOP("core", "The sessions database {path} is busy: another hipmap may be using it. Close it and try again."),
    QT_TRANSLATE_NOOP("core", "Could not {doing} the sessions database {path}: {reason}."),
    QT_TRANSLATE_NOOP("core", "Could not find a free file name beside {path}."),
    QT_TRANSLATE_NOOP("core", "The sessions database {path} is not a file. hipmap can start with a fresh database beside it; the old file is left as it is."),
    QT_TRANSLATE_NOOP("core", "Could not open the sessions database {path}: {reason}."),
    # the data files (hipmap.core.content: the checks every field reader makes)
    QT_TRANSLATE_NOOP("core", "expected a mapping, got {kind}"),
    QT_TRANSLATE_NOOP("core", "unknown key {key} (expected one of: {allowed})"),
    QT_TRANSLATE_NOOP("core", "missing required key {key}"),
    QT_TRANSLATE_NOOP("core", "expected non-empty text, got {kind}"),
    QT_TRANSLATE_NOOP("core", "expected a list, got {kind}"),
    QT_TRANSLATE_NOOP("core", "expected text, got {kind}"),
    QT_TRANSLATE_NOOP("core", "cannot read the file: {reason}"),
))  # fmt: skip


def _said(template: str, where: str, params: dict, english: str) -> str:
    if template not in TEMPLATES:
        return english
    try:
        text = translate("core", template).format(**params)
    except (KeyError, IndexError, ValueError):  # a translation that names a value the template does not have
        return english
    return translate("core", "{where}: {text}").format(where=where, text=text) if where else text


def error_text(exc: BaseException) -> str:
    """EXC's message in the interface's language when its template is in the catalogue, else as the core said it."""
    return _said(getattr(exc, "template", None), getattr(exc, "where", ""), getattr(exc, "params", {}), str(exc))


def problem_text(problem) -> str:
    """A problem in a data file (hipmap.core.content.problems.Problem), "FILE:LINE: message", in this language."""
    message = _said(problem.template, problem.where, dict(problem.params), problem.message)
    return f"{problem.file}:{problem.line}: {message}"
