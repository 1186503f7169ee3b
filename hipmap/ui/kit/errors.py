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
    # hipmap.core.content.atlas
    QT_TRANSLATE_NOOP("core", "folder of muscle files not found"),
    QT_TRANSLATE_NOOP("core", "duplicate muscle id {id} (also in {name})"),
    QT_TRANSLATE_NOOP("core", "missing muscle {id}: every muscle in DESIGN.md needs a file"),
    # hipmap.core.content.check
    QT_TRANSLATE_NOOP("core", "region {region!r} is in no muscle's referral zone (essential or spillover): pain marked there can never be explained"),
    # hipmap.core.content.exercises
    QT_TRANSLATE_NOOP("core", "expected a whole number from {low} to {high}, got {kind}"),
    QT_TRANSLATE_NOOP("core", "expected a target on the 0-10 scale like \"4-7\", got {kind}"),
    QT_TRANSLATE_NOOP("core", "must be a path inside assets/, got {value}"),
    QT_TRANSLATE_NOOP("core", "file not found: {path}"),
    QT_TRANSLATE_NOOP("core", "expected an <svg> root element, got <{tag}>"),
    QT_TRANSLATE_NOOP("core", "expected a top-level list {key}"),
    QT_TRANSLATE_NOOP("core", "unknown top-level key {extra} (expected only {key})"),
    QT_TRANSLATE_NOOP("core", "use lower-case letters, digits and _ only, got {value}"),
    QT_TRANSLATE_NOOP("core", "duplicate exercise id {id}"),
    QT_TRANSLATE_NOOP("core", "expected {least} to {most} steps, got {count}"),
    QT_TRANSLATE_NOOP("core", "expected true or false, got {kind}"),
    QT_TRANSLATE_NOOP("core", "only compression exercises have a {key}"),
    QT_TRANSLATE_NOOP("core", "only a compression step can name the pressure ({slot})"),
    # hipmap.core.content.fields
    QT_TRANSLATE_NOOP("core", "nothing"),
    QT_TRANSLATE_NOOP("core", "a mapping"),
    QT_TRANSLATE_NOOP("core", "a list"),
    QT_TRANSLATE_NOOP("core", "text {value}"),
    QT_TRANSLATE_NOOP("core", "int {value}"),
    QT_TRANSLATE_NOOP("core", "float {value}"),
    QT_TRANSLATE_NOOP("core", "unknown value {value} (expected one of: {allowed})"),
    QT_TRANSLATE_NOOP("core", "unknown {name} {value} (expected one of: {allowed})"),
    QT_TRANSLATE_NOOP("core", "expected [start, end] with 0 <= start < end <= 1, got {kind}"),
    QT_TRANSLATE_NOOP("core", "give either 'source' or 'sources', not both"),
    QT_TRANSLATE_NOOP("core", "unknown source {key} (expected one of: {allowed})"),
    QT_TRANSLATE_NOOP("core", "expected a top-level mapping {key}"),
    # hipmap.core.content.muscles
    QT_TRANSLATE_NOOP("core", "{key} cannot be combined with 'path'"),
    QT_TRANSLATE_NOOP("core", "the shape lies outside the body on view {view}"),
    QT_TRANSLATE_NOOP("core", "none of {names} appears on any view in {views}"),
    QT_TRANSLATE_NOOP("core", "none of {names} appears on any view"),
    QT_TRANSLATE_NOOP("core", "is a stretch, not a compression set-up"),
    QT_TRANSLATE_NOOP("core", "is not in data/exercises.yaml"),
    QT_TRANSLATE_NOOP("core", "{value} {what} (expected one of: {allowed})"),
    QT_TRANSLATE_NOOP("core", "expected 1 to {most} items, got {count}"),
    QT_TRANSLATE_NOOP("core", "give either 'compression' or 'instead' (for a muscle no ball can reach), not both"),
    QT_TRANSLATE_NOOP("core", "missing required key 'compression' (or 'instead', for a muscle no ball can reach)"),
    QT_TRANSLATE_NOOP("core", "unknown exercise {value} (not in data/exercises.yaml)"),
    QT_TRANSLATE_NOOP("core", "{value} is a {kind} exercise, not a stretch"),
    QT_TRANSLATE_NOOP("core", "{value} is listed twice"),
    QT_TRANSLATE_NOOP("core", "id {id} does not match the file name {name}"),
    QT_TRANSLATE_NOOP("core", "unknown muscle id {id} (expected one of the ids in DESIGN.md)"),
    QT_TRANSLATE_NOOP("core", "at least one trigger point is needed"),
    QT_TRANSLATE_NOOP("core", "expected [x, y] numbers, got {kind}"),
    QT_TRANSLATE_NOOP("core", "region {region} is not drawn on view {view}"),
    QT_TRANSLATE_NOOP("core", "it lies in {region}"),
    QT_TRANSLATE_NOOP("core", "it lies outside the body"),
    QT_TRANSLATE_NOOP("core", "({x}, {y}) is not inside region {region} on view {view}; {inside}"),
    QT_TRANSLATE_NOOP("core", "the essential zone cannot be empty"),
    QT_TRANSLATE_NOOP("core", "the zone is empty on every view"),
    # hipmap.core.content.safety
    QT_TRANSLATE_NOOP("core", "expected a snake_case id (like 'night_pain'), got {kind}"),
    QT_TRANSLATE_NOOP("core", "expected a mapping of entries by id, got {kind}"),
    QT_TRANSLATE_NOOP("core", "at least one advice entry is needed"),
    QT_TRANSLATE_NOOP("core", "duplicate question id {id} (first given on line {line})"),
    QT_TRANSLATE_NOOP("core", "a yes/no question should end with '?'"),
    QT_TRANSLATE_NOOP("core", "none are given"),
    QT_TRANSLATE_NOOP("core", "unknown advice {id} (expected one of: {allowed})"),
    QT_TRANSLATE_NOOP("core", "{urgency} differs from the urgency of its advice {id} ({other}); they must match"),
    QT_TRANSLATE_NOOP("core", "the file is empty"),
    QT_TRANSLATE_NOOP("core", "expected a mapping with keys {keys}, got {kind}"),
    QT_TRANSLATE_NOOP("core", "the screen needs at least one question"),
    QT_TRANSLATE_NOOP("core", "advice {id} is not used by any question"),
    # hipmap.core.content.svgdoc
    QT_TRANSLATE_NOOP("core", "file is too large ({size} bytes; the limit is {limit})"),
    QT_TRANSLATE_NOOP("core", "DOCTYPE and entity declarations are not allowed"),
    QT_TRANSLATE_NOOP("core", "invalid XML: {reason}"),
    QT_TRANSLATE_NOOP("core", "XML nested too deeply"),
    QT_TRANSLATE_NOOP("core", "unsupported encoding in the XML declaration ({reason})"),
    QT_TRANSLATE_NOOP("core", "not an SVG document (the root element must be <svg>)"),
    QT_TRANSLATE_NOOP("core", "unsupported transform {value} (use matrix, translate or scale)"),
    QT_TRANSLATE_NOOP("core", "transform numbers must be finite"),
    QT_TRANSLATE_NOOP("core", "wrong number of values in {value}"),
    QT_TRANSLATE_NOOP("core", "viewBox must be four numbers with positive width and height, got {value}"),
    # hipmap.core.content.translations
    QT_TRANSLATE_NOOP("core", "unknown id {id} (expected one of: {allowed})"),
    QT_TRANSLATE_NOOP("core", "expected {count} item(s), one for each in English, got {found}"),
    QT_TRANSLATE_NOOP("core", "expected {language} (the file name), got {kind}"),
    QT_TRANSLATE_NOOP("core", "the file name must be a language code such as es.yaml, got {name}"),
    QT_TRANSLATE_NOOP("core", "the muscle has no self-care to translate"),
    QT_TRANSLATE_NOOP("core", "the muscle has no compression set-up (it has 'instead'), so there is no 'where' to translate"),
    QT_TRANSLATE_NOOP("core", "the muscle has a compression set-up, not 'instead' (translate its 'where')"),
    # hipmap.core.content.views
    QT_TRANSLATE_NOOP("core", "unknown region {region} (the region vocabulary is fixed; see DESIGN.md)"),
    QT_TRANSLATE_NOOP("core", "missing region {region}"),
    QT_TRANSLATE_NOOP("core", "SVG file not found"),
    QT_TRANSLATE_NOOP("core", "missing <g id=\"side-right\"> holding the right side of the body"),
    QT_TRANSLATE_NOOP("core", "the <use> of #side-right must be a left-right mirror: matrix(-1 0 0 1 W 0)"),
    QT_TRANSLATE_NOOP("core", "the mirror of #side-right must lie on the diagram: its axis x={x} is outside the viewBox"),
    QT_TRANSLATE_NOOP("core", "missing <path id=\"body\"> (the outline of the right side of the body)"),
    QT_TRANSLATE_NOOP("core", "unknown region {region} in id {id}"),
    QT_TRANSLATE_NOOP("core", "duplicate region {region} (first on line {line})"),
    QT_TRANSLATE_NOOP("core", "region {region} must be a <path> with a 'd' attribute"),
    QT_TRANSLATE_NOOP("core", "missing region {region} (expected <path id=\"region-{id}\">)"),
    QT_TRANSLATE_NOOP("core", "region {region} is drawn but data/views.yaml does not list it for view {view}"),
    QT_TRANSLATE_NOOP("core", "regions {region} and {other} overlap ({area} square units)"),
    QT_TRANSLATE_NOOP("core", "regions reach {area} square units outside the body outline"),
    QT_TRANSLATE_NOOP("core", "missing view {view}"),
    QT_TRANSLATE_NOOP("core", "view {view} mirrors {other}, which is itself a mirror"),
    QT_TRANSLATE_NOOP("core", "view {view} mirrors {other}, which already shows both sides"),
    # hipmap.core.content.yamlfile
    QT_TRANSLATE_NOOP("core", "anchors and aliases (& and *) are not supported in hipmap data"),
    QT_TRANSLATE_NOOP("core", "unsupported YAML tag {tag}"),
    QT_TRANSLATE_NOOP("core", "merge keys (<<) are not supported in hipmap data"),
    QT_TRANSLATE_NOOP("core", "a mapping key must be a plain value"),
    QT_TRANSLATE_NOOP("core", "duplicate key {key} (first given on line {line})"),
    QT_TRANSLATE_NOOP("core", "invalid YAML value: {reason}"),
    QT_TRANSLATE_NOOP("core", "invalid YAML: {reason} (character {shown})"),
    QT_TRANSLATE_NOOP("core", "invalid YAML: {reason}"),
    QT_TRANSLATE_NOOP("core", "YAML nested too deeply"),
    QT_TRANSLATE_NOOP("core", "file is not valid UTF-8 text"),
    # hipmap.core.geometry.shapes
    QT_TRANSLATE_NOOP("core", "a shape needs at least three points"),
    QT_TRANSLATE_NOOP("core", "not a valid polygon ({reason})"),
    QT_TRANSLATE_NOOP("core", "the shape has no area"),
    # hipmap.core.geometry.svgpath
    QT_TRANSLATE_NOOP("core", "path data is too long ({count} characters)"),
    QT_TRANSLATE_NOOP("core", "unexpected character {value} in path data"),
    QT_TRANSLATE_NOOP("core", "number out of range: {value}"),
    QT_TRANSLATE_NOOP("core", "path data must start with a move command (M)"),
    QT_TRANSLATE_NOOP("core", "arc commands (A) are not supported; use curves (C)"),
    QT_TRANSLATE_NOOP("core", "numbers after Z without a new command"),
    QT_TRANSLATE_NOOP("core", "command {command} needs {count} numbers"),
    QT_TRANSLATE_NOOP("core", "path data is empty"),
    # hipmap.core.pain.painmap
    QT_TRANSLATE_NOOP("core", "the shape is empty (a mark must cover some area)"),
    # hipmap.core.reading
    QT_TRANSLATE_NOOP("core", "a folder"),
    QT_TRANSLATE_NOOP("core", "a pipe (FIFO)"),
    QT_TRANSLATE_NOOP("core", "a device"),
    QT_TRANSLATE_NOOP("core", "a socket"),
    QT_TRANSLATE_NOOP("core", "not a regular file"),
    QT_TRANSLATE_NOOP("core", "not a regular file ({kind})"),
    QT_TRANSLATE_NOOP("core", "file is too large (over {limit} bytes)"),
    # hipmap.core.store.database
    QT_TRANSLATE_NOOP("core", "its integrity check failed (“{reason}”)"),
    QT_TRANSLATE_NOOP("core", "expected a label, got an empty one"),
    QT_TRANSLATE_NOOP("core", "a person's label is not text"),
    QT_TRANSLATE_NOOP("core", "expected a new label, got an empty one"),
    QT_TRANSLATE_NOOP("core", "there is already someone called {name}"),
    QT_TRANSLATE_NOOP("core", "session {id} is damaged ({reason})"),
    # hipmap.core.store.errors
    QT_TRANSLATE_NOOP("core", "SQLite reports “{reason}”"),
    # hipmap.core.store.opening
    QT_TRANSLATE_NOOP("core", "it is not an SQLite database"),
    QT_TRANSLATE_NOOP("core", "its header is damaged"),
    QT_TRANSLATE_NOOP("core", "it is shorter than its header says ({size} of {expected} bytes), so it was probably cut off"),
    QT_TRANSLATE_NOOP("core", "it is an SQLite database, but another program's, not hipmap's"),
    QT_TRANSLATE_NOOP("core", "its schema version ({version}) is damaged"),
    QT_TRANSLATE_NOOP("core", "it has hipmap's tables but no schema version"),
    QT_TRANSLATE_NOOP("core", "it has a schema version but no hipmap mark"),
    QT_TRANSLATE_NOOP("core", "its {tables} table is missing"),
    QT_TRANSLATE_NOOP("core", "the file is missing but its -wal journal is still there"),
    # hipmap.core.store.session
    QT_TRANSLATE_NOOP("core", "expected a whole number from 0 to 10 or None, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected text, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected a label of at most {most} characters on one line, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected ISO 8601 UTC like 2026-11-25T03:34:12Z, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected a list of at most {most} objects, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected an object, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected non-empty text, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected 'left', 'right' or 'both', got {value}"),
    QT_TRANSLATE_NOOP("core", "expected a number from 0 to 1, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected an object or None, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected a list, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected one of {expected}, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected a whole number from 0, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected a number of seconds from 0, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected true or false, got {value}"),
    QT_TRANSLATE_NOOP("core", "cannot be stored as JSON ({reason})"),
    QT_TRANSLATE_NOOP("core", "too large to store ({count} characters; the limit is {limit})"),
    QT_TRANSLATE_NOOP("core", "expected a year from {low} to {high}, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected a number from 0 to 1 or None, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected 0 or 1, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected a whole number from 0 to {most}, got {value}"),
    QT_TRANSLATE_NOOP("core", "expected a positive whole number or None, got {value}"),
    QT_TRANSLATE_NOOP("core", "a pain map object (\"format\": \"{format}\")"),
    QT_TRANSLATE_NOOP("core", "expected {expected}, got {value}"),
    # smoothed zones (hipmap.core.content.smoothzones)
    QT_TRANSLATE_NOOP("core", "missing the smoothed zones of muscle {id}: run tools/smooth_zones.py"),
    QT_TRANSLATE_NOOP("core", "made from another version of {source} than the one there now: run tools/smooth_zones.py"),
    QT_TRANSLATE_NOOP("core", "made from {source}, which it no longer is: run tools/smooth_zones.py"),
    QT_TRANSLATE_NOOP("core", "not made from {source}, which the zones now use: run tools/smooth_zones.py"),
    QT_TRANSLATE_NOOP("core", "made by another version of the smoothing ({version}; now {current}): run tools/smooth_zones.py"),
    QT_TRANSLATE_NOOP("core", "the zones are drawn on other views now: run tools/smooth_zones.py"),
    QT_TRANSLATE_NOOP("core", "not what tools/smooth_zones.py writes: run tools/smooth_zones.py"),
    QT_TRANSLATE_NOOP("core", "no muscle {id} in data/muscles: delete the file or run tools/smooth_zones.py"),
    QT_TRANSLATE_NOOP("core", "cannot read {source} to check the smoothed zones: run tools/smooth_zones.py"),
    # muscle shapes (hipmap.core.content.anatomy) and muscle aliases
    QT_TRANSLATE_NOOP("core", "'under' is for a deep muscle; it is superficial on this view"),
    QT_TRANSLATE_NOOP("core", "'under' is for a deep muscle; this one is superficial"),
    QT_TRANSLATE_NOOP("core", "a deep muscle needs 'under': the muscles that lie over it"),
    QT_TRANSLATE_NOOP("core", "a deep muscle needs 'under': the muscles that lie over it on this view"),
    QT_TRANSLATE_NOOP("core", "a muscle cannot lie under itself ({name})"),
    QT_TRANSLATE_NOOP("core", "an outline needs at least three points"),
    QT_TRANSLATE_NOOP("core", "expected SVG path data, got {kind}"),
    QT_TRANSLATE_NOOP("core", "expected a mapping of views, got {kind}"),
    QT_TRANSLATE_NOOP("core", "expected one closed path, got {count} subpaths"),
    QT_TRANSLATE_NOOP("core", "expected one open line of at least two points"),
    QT_TRANSLATE_NOOP("core", "expected {least} to {most} lines, got {count}"),
    QT_TRANSLATE_NOOP("core", "folder of muscle shapes (data/anatomy) not found"),
    QT_TRANSLATE_NOOP("core", "missing the shape of muscle {id}: every muscle needs data/anatomy/{name}.yaml"),
    QT_TRANSLATE_NOOP("core", "the fibre line runs {units} units outside its outline"),
    QT_TRANSLATE_NOOP("core", "the outline has no area"),
    QT_TRANSLATE_NOOP("core", "expected 2 to {most} parts, got {count}"),
    QT_TRANSLATE_NOOP("core", "give either 'outline' and 'fibres' or 'parts', not both"),
    QT_TRANSLATE_NOOP("core", "the parts do not join into one shape"),
    QT_TRANSLATE_NOOP("core", "the outline is not closed (end it with Z)"),
    QT_TRANSLATE_NOOP("core", "the outline lies on the person's left side; draw the right side ({toward} on view {view}): the left is its mirror image"),
    QT_TRANSLATE_NOOP("core", "the outline reaches {area} square units outside the body outline of view {view}"),
    QT_TRANSLATE_NOOP("core", "unknown muscle {name} (expected one of the ids in DESIGN.md)"),
    QT_TRANSLATE_NOOP("core", "unknown view {view} ({why})"),
    QT_TRANSLATE_NOOP("core", "{other} has no shape on view {view} (data/anatomy/{name}.yaml)"),
    QT_TRANSLATE_NOOP("core", "{value} is listed twice (also item {other})"),
))  # fmt: skip


def _said(template: str, where: str, params: dict, english: str) -> str:
    if template not in TEMPLATES:
        return english
    values = {name: phrase_text(value) for name, value in params.items()}  # words inside: "a list", a reason
    try:
        text = translate("core", template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that names a value the template does not have
        return english
    return translate("core", "{where}: {text}").format(where=where, text=text) if where else text


def phrase_text(value):
    """VALUE in the interface's language when it is a phrase of the core (hipmap.core.messages.phrase: "a list",
    "it lies outside the body", the reason another error gave) whose template is in the catalogue; else VALUE."""
    template = getattr(value, "template", None)
    if not isinstance(value, str) or not template:
        return value
    return _said(template, value.where, value.params, str(value))


def error_text(exc: BaseException) -> str:
    """EXC's message in the interface's language when its template is in the catalogue, else as the core said it."""
    return _said(getattr(exc, "template", None), getattr(exc, "where", ""), getattr(exc, "params", {}), str(exc))


def problem_text(problem) -> str:
    """A problem in a data file (hipmap.core.content.problems.Problem), "FILE:LINE: message", in this language."""
    message = _said(problem.template, problem.where, dict(problem.params), problem.message)
    return f"{problem.file}:{problem.line}: {message}"
