"""Red-flag screening: symptoms that need a doctor before any self-treatment with hipmap.

``load_red_flags`` reads data/red_flags.yaml into frozen objects and reports every problem in one pass as
``FILE:LINE: message``. ``evaluate`` turns the user's yes/no answers into the advice to show, and
``needs_screening`` says when to ask the questions (again).

Nothing here diagnoses. The advice only says what a symptom *can be a sign of*, whom to see and how soon, and
that hipmap's self-care waits until then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from ... import default_data_dir
from ..messages import phrase
from .fields import Source, _describe, _load, _load_sources, _Reader
from .problems import Collector

URGENCIES = ("emergency", "urgent", "soon")  # most urgent first
URGENCY_RANK = MappingProxyType({u: i for i, u in enumerate(URGENCIES)})  # lower = more urgent
# A screening this old is asked again before the next routine.
SCREENING_VALID_FOR = timedelta(days=30)
FILE_NAME = "red_flags.yaml"

_ID = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*\Z")
_TOP_KEYS = ("questions", "advice", "nerve_signs", "note", "see_a_clinician")
_QUESTION_KEYS = ("id", "question", "help", "urgency", "advice_id", "source", "sources")
_ADVICE_KEYS = ("urgency", "title", "text", "source", "sources")


@dataclass(frozen=True)
class Advice:
    """What to do about a red flag: whom to see and how soon (``urgency``), in calm words."""

    id: str
    urgency: str
    title: str
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    """One yes/no question of the screen; "yes" shows ``advice_id`` and puts self-care on hold."""

    id: str
    question: str
    urgency: str
    advice_id: str
    sources: tuple[str, ...]
    help: str = ""


@dataclass(frozen=True)
class RedFlags:
    """The screen: questions in the order they are asked, advice by id, the nerve-signs advice, the note."""

    questions: tuple[Question, ...]
    advice: Mapping[str, Advice]
    nerve_signs: Advice
    note: str
    sources: Mapping[str, Source]
    file: Path | None = None
    see_a_clinician: tuple[tuple[str, bool], ...] = ()  # (sign, urgent): the short list shown beside each muscle

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def advice_for(self, question: Question | str) -> Advice:
        q = self.question(question) if isinstance(question, str) else question
        return self.advice[q.advice_id]

    def question_ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions)


# --------------------------------------------------------------------------------------------- loading


def _snake_id(col, file, line, what, value) -> bool:
    if isinstance(value, str) and _ID.match(value):
        return True
    col.add_coded(file, line, what, "expected a snake_case id (like 'night_pain'), got {kind}", kind=_describe(value))
    return False


def _read_advice(col, file, value, where, advice_id, sources, line) -> Advice | None:
    if not isinstance(value, dict):  # a plain value carries no line of its own: report its key's line
        col.add_coded(file, line, where, "expected a mapping, got {kind}", kind=_describe(value))
        return None
    r = _Reader(col, file, value, where, _ADVICE_KEYS)
    if not r.ok:
        return None
    urgency = r.choice("urgency", URGENCIES)
    title, text = r.text("title"), r.text("text")
    srcs = r.sources(sources)
    if not (urgency and title and text):
        return None
    return Advice(advice_id, urgency, title, text, srcs)


def _read_advice_entries(col, file, top, data, sources) -> tuple[dict[str, Advice], "YMap"]:
    """The advice mapping: (valid entries by id, the raw mapping with every declared id and its line)."""
    from .yamlfile import YMap

    entries = data.get("advice")
    advice: dict[str, Advice] = {}
    if "advice" not in data:
        col.add_coded(file, top.line(), "red_flags", "missing required key {key}", key=repr("advice"))
    elif not isinstance(entries, dict):
        col.add_coded(file, top.line("advice"), "advice", "expected a mapping of entries by id, got {kind}", kind=_describe(entries))
    elif not entries:
        col.add_coded(file, top.line("advice"), "advice", "at least one advice entry is needed")
    else:
        for advice_id, value in entries.items():
            line = entries.line_of(advice_id)
            if _snake_id(col, file, line, "advice", advice_id):
                item = _read_advice(col, file, value, f"advice.{advice_id}", advice_id, sources, line)
                if item is not None:
                    advice[advice_id] = item
    return advice, entries if isinstance(entries, YMap) else YMap()


def _read_questions(col, file, items, advice, declared, sources) -> tuple[Question, ...]:
    """The questions in screen order. ``declared``: every advice id in the file, valid or not (an invalid entry
    has already been reported, so a question naming it is not reported again)."""
    questions: list[Question] = []
    first_line: dict[str, int] = {}
    for i, item in enumerate(items):
        where = f"questions[{i}]"
        if not isinstance(item, dict):
            col.add_coded(file, items.line_of(i), where, "expected a mapping, got {kind}", kind=_describe(item))
            continue
        if isinstance(item.get("id"), str):
            where = f"questions[{i}] ({item['id']})"
        r = _Reader(col, file, item, where, _QUESTION_KEYS)
        qid = r.text("id")
        if qid:
            if not _snake_id(col, file, r.line("id"), f"{where}.id", qid):
                qid = ""
            elif qid in first_line:
                col.add_coded(file, r.line("id"), "", "duplicate question id {id} (first given on line {line})", id=repr(qid), line=first_line[qid])
                qid = ""
            else:
                first_line[qid] = r.line("id")
        text = r.text("question")
        if text and not text.endswith("?"):
            col.add_coded(file, r.line("question"), f"{where}.question", "a yes/no question should end with '?'")
        help_text = r.text("help", required=False)
        urgency = r.choice("urgency", URGENCIES)
        advice_id = r.text("advice_id")
        if advice_id and advice_id not in declared:
            known = ", ".join(declared) or phrase("none are given")
            col.add_coded(file, r.line("advice_id"), f"{where}.advice_id", "unknown advice {id} (expected one of: {allowed})", id=repr(advice_id), allowed=known)
        elif advice_id in advice and urgency and advice[advice_id].urgency != urgency:
            col.add_coded(
                file, r.line("urgency"), f"{where}.urgency",
                "{urgency} differs from the urgency of its advice {id} ({other}); they must match",
                urgency=repr(urgency), id=repr(advice_id), other=repr(advice[advice_id].urgency),
            )  # fmt: skip
        srcs = r.sources(sources)
        if qid and text and urgency and advice_id in advice:
            questions.append(Question(qid, text, urgency, advice_id, srcs, help_text))
    return tuple(questions)


# (file, language) -> RedFlags checked on an earlier run, from the warm-start cache (hipmap.core.warmstart, whose key
# covers every data file, this code and the language): the next load_red_flags of that file and language takes it
# instead of reading YAML again, once.
_CACHED: dict[tuple[Path, str | None], RedFlags] = {}


def use_cached_red_flags(red_flags: RedFlags, path: Path, language: str | None) -> None:
    _CACHED[(Path(path), language)] = red_flags


def load_red_flags(path: str | Path | None = None, language: str | None = None) -> RedFlags:
    """Load and check the red-flag screen; raise ``DataError`` listing every problem as ``FILE:LINE: message``.

    ``path`` is the red-flags YAML file (default: red_flags.yaml in ``hipmap.default_data_dir()``). Source keys are
    checked against sources.yaml in the same folder. Checked: the shape of the file, unknown and missing keys,
    snake_case ids, duplicate question ids, urgencies, advice ids (known, used, of the question's urgency), sources.
    """
    path = Path(path) if path else default_data_dir() / FILE_NAME
    cached = _CACHED.pop((path, language), None)
    if cached is not None:
        return cached
    col = Collector()
    sources = _load_sources(col, path.parent)
    problems_before = len(col.problems)
    data = _load(col, path)
    if data is None and len(col.problems) == problems_before:
        col.add_coded(path, 1, "", "the file is empty")
    elif data is not None and not isinstance(data, dict):
        expected = ", ".join(_TOP_KEYS)
        col.add_coded(path, getattr(data, "line", 1), "", "expected a mapping with keys {keys}, got {kind}", keys=expected, kind=_describe(data))
    if not isinstance(data, dict):
        col.raise_if_any()

    top = _Reader(col, path, data, "red_flags", _TOP_KEYS)
    advice, declared = _read_advice_entries(col, path, top, data, sources)
    items, items_line = top.items("questions")
    if isinstance(data.get("questions"), list) and not items:
        col.add_coded(path, items_line, "questions", "the screen needs at least one question")
    questions = _read_questions(col, path, items, advice, declared, sources)
    nerve_signs = None
    if "nerve_signs" in data:
        nerve_line = top.line("nerve_signs")
        nerve_signs = _read_advice(col, path, data["nerve_signs"], "nerve_signs", "nerve_signs", sources, nerve_line)
    else:
        col.add_coded(path, top.line(), "red_flags", "missing required key {key}", key=repr("nerve_signs"))
    note = top.text("note")
    signs = []
    sign_items, _line = top.items("see_a_clinician")
    for i, item in enumerate(sign_items):
        r = _Reader(col, path, item, f"see_a_clinician[{i}]", ("text", "urgent", "source", "sources"))
        if not r.ok:
            continue
        text = r.text("text")
        r.sources(sources)
        urgent = item.get("urgent", False)
        if not isinstance(urgent, bool):
            col.add_coded(path, r.line("urgent"), f"see_a_clinician[{i}].urgent", "expected true or false, got {kind}", kind=_describe(urgent))
            urgent = False
        if text:
            signs.append((text, urgent))

    used = {q.get("advice_id") for q in items if isinstance(q, dict) and isinstance(q.get("advice_id"), str)}
    for advice_id in declared:
        if advice_id not in used:
            col.add_coded(path, declared.line_of(advice_id), "", "advice {id} is not used by any question", id=repr(advice_id))
    col.raise_if_any()
    flags = RedFlags(questions, MappingProxyType(advice), nerve_signs, note, MappingProxyType(sources), path, tuple(signs))
    if language:  # the text of data/i18n/<language>.yaml in place of the English (hipmap.core.content.translations)
        from .translations import read_translation, translate_red_flags, translation_file

        flags = translate_red_flags(col, flags, read_translation(col, path.parent, language), translation_file(path.parent, language))
        col.raise_if_any()
    return flags


# --------------------------------------------------------------------------------------------- screening


def _as_answer(value) -> bool | None:
    """Only a real True or False is an answer; anything else counts as not answered yet."""
    return value if isinstance(value, bool) else None


@dataclass(frozen=True)
class Screening:
    """The user's answers by question id: True (yes), False (no) or None (not answered yet).

    Immutable, like a PainMap: ``answer`` returns a new Screening. Ids that are not questions of the screen are
    kept but ignored by ``evaluate``.
    """

    answers: Mapping[str, bool | None] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        frozen = MappingProxyType({str(k): _as_answer(v) for k, v in dict(self.answers or {}).items()})
        object.__setattr__(self, "answers", frozen)

    def answer(self, question_id: str, value: bool | None) -> "Screening":
        if value is not None and not isinstance(value, bool):
            raise TypeError(f"an answer is True, False or None, got {value!r}")
        return Screening({**self.answers, question_id: value})

    def get(self, question_id: str) -> bool | None:
        return self.answers.get(question_id)


@dataclass(frozen=True)
class ScreeningResult:
    """What the answers mean for the user; never a diagnosis.

    flagged         questions answered "yes", in the order of the screen
    unanswered      questions not answered yet (None or missing), in the order of the screen
    level           the most urgent level among what was flagged: "emergency", "urgent", "soon", or None
    advice          the advice to show, each entry once, most urgent first (ties keep the order of the screen;
                    the nerve-signs advice follows the questions' advice of its level)
    may_self_treat  True only when every question is answered "no" and nothing else was flagged
    complete        every question of the screen has a yes/no answer
    """

    flagged: tuple[Question, ...]
    unanswered: tuple[Question, ...]
    level: str | None
    advice: tuple[Advice, ...]
    may_self_treat: bool
    complete: bool


def evaluate(
    red_flags: RedFlags, answers: Screening | Mapping | None, *, nerve_signs: bool = False
) -> ScreeningResult:
    """Turn answers into advice. Never raises for any mapping of answers.

    ``answers`` is a Screening or a mapping of question id -> True/False/None; unknown ids are ignored and any
    value other than True or False counts as unanswered. ``nerve_signs`` is ``painmap.has_nerve_signs()``: when
    True, the nerve-signs advice is shown too and self-care waits for an examination.

    Self-care is allowed (``may_self_treat``) only after a complete screen with no "yes" and no nerve signs: an
    unanswered question is never taken as "no".
    """
    if isinstance(answers, Screening):
        given = answers.answers
    else:
        try:
            given = dict(answers or {})
        except (TypeError, ValueError):
            given = {}
    flagged, unanswered = [], []
    for question in red_flags.questions:
        value = _as_answer(given.get(question.id))
        if value is True:
            flagged.append(question)
        elif value is None:
            unanswered.append(question)

    shown: list[Advice] = []
    for question in flagged:
        item = red_flags.advice[question.advice_id]
        if item not in shown:
            shown.append(item)
    if nerve_signs and red_flags.nerve_signs not in shown:
        shown.append(red_flags.nerve_signs)
    shown.sort(key=lambda a: URGENCY_RANK[a.urgency])  # stable: ties keep the order of the screen

    levels = [q.urgency for q in flagged] + [a.urgency for a in shown]
    level = min(levels, key=URGENCY_RANK.__getitem__) if levels else None
    complete = not unanswered
    return ScreeningResult(
        tuple(flagged), tuple(unanswered), level, tuple(shown),
        may_self_treat=complete and not flagged and not nerve_signs, complete=complete,
    )  # fmt: skip


def _utc(moment: datetime) -> datetime:
    """Aware datetimes as they are; a naive one is taken to be UTC, so the two kinds can be compared."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def needs_screening(
    painmap, last_screened_at: datetime | None, now: datetime, nerve_signs_at: datetime | None = None
) -> bool:
    """Whether to ask the red-flag questions before the next routine.

    True when the user has never been screened (``last_screened_at`` is None), when the last screening is older
    than ``SCREENING_VALID_FOR`` (30 days), or when ``painmap`` has numbness or tingling marks
    (``painmap.has_nerve_signs()``) that appeared after the last screening.

    ``nerve_signs_at`` is when the first numbness or tingling mark appeared; the app notes it when
    ``has_nerve_signs()`` turns True. If it is not known, a map with nerve signs is always screened again (the
    careful choice), so pass it to stop asking after a screening that already saw them.
    Naive datetimes are taken to be UTC.
    """
    if last_screened_at is None:
        return True
    last, now = _utc(last_screened_at), _utc(now)
    if now - last > SCREENING_VALID_FOR:
        return True
    if painmap is not None and painmap.has_nerve_signs():
        return nerve_signs_at is None or _utc(nerve_signs_at) > last
    return False
