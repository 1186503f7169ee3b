"""Red-flag screening: the shipped screen, evaluating answers, when to screen, and broken copies of the file."""

import re
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hipmap import default_data_dir
from hipmap.core.pain.painmap import PainMap, click_mark
from hipmap.core.content.problems import DataError
from hipmap.core.content.safety import (
    SCREENING_VALID_FOR,
    URGENCIES,
    RedFlags,
    Screening,
    evaluate,
    load_red_flags,
    needs_screening,
)

EXPECTED_ORDER = (
    "saddle_numbness", "bladder_bowel", "sexual_function", "weakness_both_legs", "weakness_one_leg", "fever_unwell",
    "recent_trauma", "cancer_history", "weight_loss", "night_pain", "age_new_severe_pain", "steroids_or_low_immunity",
)  # fmt: skip


@pytest.fixture(scope="module")
def flags() -> RedFlags:
    return load_red_flags()


def all_no(flags, **yes):
    answers = {q.id: False for q in flags.questions}
    answers.update(yes)
    return answers


# ------------------------------------------------------------------------------------------ the shipped screen


def test_shipped_file_loads_in_the_screen_order(flags):
    assert flags.question_ids() == EXPECTED_ORDER
    assert flags.note
    assert flags.nerve_signs.urgency in URGENCIES
    assert flags.file == default_data_dir() / "red_flags.yaml"


def test_the_cauda_equina_signs_are_emergencies_and_the_rest_urgent(flags):
    # The fact sheet's two lists: the first four are emergencies, every other red flag is urgent.
    for q in flags.questions:
        expected = "emergency" if q.id in EXPECTED_ORDER[:4] else "urgent"
        assert q.urgency == expected, q.id


def test_every_question_has_advice_of_its_own_urgency_and_a_source(flags):
    for q in flags.questions:
        advice = flags.advice_for(q)
        assert advice.urgency == q.urgency
        assert q.sources and set(q.sources) <= set(flags.sources)
        assert advice.sources and set(advice.sources) <= set(flags.sources)
        assert q.question.endswith("?")
        assert q.help


def _sentences(text: str) -> int:
    return len(re.findall(r"[.!?](?:\s|$)", text))


def test_advice_is_calm_says_whom_to_see_how_soon_and_puts_self_care_on_hold(flags):
    when = {
        "emergency": "emergency department now",
        "urgent": "today, or within 24 hours",
        "soon": "in the next few days",
    }
    for advice in (*flags.advice.values(), flags.nerve_signs):
        assert 2 <= _sentences(advice.text) <= 4, advice.id
        assert "doctor" in advice.text, advice.id
        assert when[advice.urgency] in advice.text, advice.id
        assert "self-care" in advice.text, advice.id
    assert flags.nerve_signs.urgency == "soon"
    assert "contact a doctor today" in flags.nerve_signs.text  # spreading numbness or weakness: urgent


def test_no_text_claims_a_diagnosis(flags):
    texts = [flags.nerve_signs.text, flags.nerve_signs.title]
    for q in flags.questions:
        texts += [q.question, q.help]
    for advice in flags.advice.values():
        texts += [advice.title, advice.text]
    for text in texts:
        lowered = text.lower()
        assert "!" not in text, text
        for word in ("syndrome", "diagnos", "this is ", "caused by", "you have cancer"):
            assert word not in lowered, (word, text)
    assert "cannot diagnose" in flags.note
    assert 1 <= _sentences(flags.note) <= 2


# ------------------------------------------------------------------------------------------ evaluate


def test_no_flags_allows_self_care(flags):
    result = evaluate(flags, all_no(flags))
    assert result.flagged == () and result.unanswered == ()
    assert result.level is None and result.advice == ()
    assert result.complete and result.may_self_treat


def test_one_urgent_flag(flags):
    result = evaluate(flags, all_no(flags, night_pain=True))
    assert [q.id for q in result.flagged] == ["night_pain"]
    assert result.level == "urgent"
    assert [a.id for a in result.advice] == ["urgent_night_pain"]
    assert result.complete and not result.may_self_treat


def test_emergency_and_soon_are_ordered_and_deduplicated(flags):
    answers = all_no(flags, cancer_history=True, saddle_numbness=True, weight_loss=True, bladder_bowel=True)
    result = evaluate(flags, answers, nerve_signs=True)
    assert [q.id for q in result.flagged] == ["saddle_numbness", "bladder_bowel", "cancer_history", "weight_loss"]
    assert result.level == "emergency"
    assert [a.id for a in result.advice] == ["emergency_nerve_pressure", "urgent_health_history", "nerve_signs"]
    assert [a.urgency for a in result.advice] == ["emergency", "urgent", "soon"]
    assert not result.may_self_treat


def test_nerve_signs_alone_are_soon_and_hold_self_care(flags):
    result = evaluate(flags, all_no(flags), nerve_signs=True)
    assert result.flagged == () and result.complete
    assert result.level == "soon"
    assert result.advice == (flags.nerve_signs,)
    assert not result.may_self_treat


def test_urgent_advice_keeps_the_order_of_the_screen(flags):
    result = evaluate(flags, all_no(flags, night_pain=True, fever_unwell=True, recent_trauma=True))
    assert [a.id for a in result.advice] == ["urgent_fever", "urgent_injury", "urgent_night_pain"]


def test_incomplete_answers_never_allow_self_care(flags):
    answers = all_no(flags)
    answers["weight_loss"] = None
    del answers["night_pain"]
    result = evaluate(flags, answers)
    assert not result.complete
    assert [q.id for q in result.unanswered] == ["weight_loss", "night_pain"]
    assert result.flagged == () and result.level is None
    assert not result.may_self_treat
    assert not evaluate(flags, {}).may_self_treat
    assert not evaluate(flags, None).complete


def test_a_yes_counts_even_when_the_screen_is_incomplete(flags):
    result = evaluate(flags, {"weakness_both_legs": True})
    assert not result.complete and result.level == "emergency"
    assert [a.id for a in result.advice] == ["emergency_nerve_pressure"]


def test_screening_object(flags):
    s = Screening()
    for q in flags.questions:
        s = s.answer(q.id, False)
    assert evaluate(flags, s).may_self_treat
    s2 = s.answer("recent_trauma", True)
    assert s.get("recent_trauma") is False and s2.get("recent_trauma") is True  # immutable
    assert evaluate(flags, s2).level == "urgent"
    assert Screening({"night_pain": "yes"}).get("night_pain") is None  # only True/False are answers
    with pytest.raises(TypeError):
        s.answer("night_pain", "yes")


_ANSWER_VALUES = st.one_of(st.booleans(), st.none(), st.integers(), st.text(max_size=5), st.floats())


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.one_of(st.sampled_from(EXPECTED_ORDER), st.text(max_size=12)), _ANSWER_VALUES, max_size=20),
    st.booleans(),
)
def test_any_answers_never_raise_and_a_yes_always_holds_self_care(flags, answers, nerve_signs):
    result = evaluate(flags, answers, nerve_signs=nerve_signs)
    if any(answers.get(q) is True for q in EXPECTED_ORDER) or nerve_signs:
        assert not result.may_self_treat
        assert result.level is not None and result.advice
    if result.may_self_treat:
        assert all(answers.get(q) is False for q in EXPECTED_ORDER)
    assert len({a.id for a in result.advice}) == len(result.advice)
    ranks = [URGENCIES.index(a.urgency) for a in result.advice]
    assert ranks == sorted(ranks)
    assert evaluate(flags, Screening(answers), nerve_signs=nerve_signs) == result


# ------------------------------------------------------------------------------------------ needs_screening


NOW = datetime(2025, 6, 1, 12, 0, tzinfo=timezone.utc)
PLAIN = PainMap((click_mark("posterior", 350, 270, qualities=("aching",)),))
TINGLING = PLAIN.add(click_mark("posterior", 360, 500, qualities=("tingling",)))
NUMB = PainMap((click_mark("anterior", 200, 400, qualities=("numbness",)),))


def test_never_screened_needs_screening():
    assert needs_screening(PainMap(), None, NOW)
    assert needs_screening(PLAIN, None, NOW)


def test_recent_screening_is_enough_without_nerve_signs():
    assert not needs_screening(PLAIN, NOW - timedelta(days=1), NOW)
    assert not needs_screening(PLAIN, NOW - SCREENING_VALID_FOR + timedelta(hours=1), NOW)


def test_an_old_screening_is_asked_again():
    assert needs_screening(PLAIN, NOW - SCREENING_VALID_FOR - timedelta(hours=1), NOW)
    assert needs_screening(PLAIN, NOW - timedelta(days=31), NOW)


def test_nerve_signs_after_the_last_screening_need_a_new_one():
    screened = NOW - timedelta(days=2)
    assert needs_screening(TINGLING, screened, NOW, nerve_signs_at=NOW - timedelta(hours=1))
    assert needs_screening(NUMB, screened, NOW, nerve_signs_at=NOW - timedelta(days=1))
    # The screening already saw them:
    assert not needs_screening(TINGLING, screened, NOW, nerve_signs_at=NOW - timedelta(days=3))
    # When they appeared is unknown: ask (the careful choice).
    assert needs_screening(NUMB, screened, NOW)


def test_naive_and_aware_times_mix_without_error():
    naive_now = NOW.replace(tzinfo=None)
    assert not needs_screening(PLAIN, NOW - timedelta(days=1), naive_now)
    assert needs_screening(TINGLING, (NOW - timedelta(days=2)).replace(tzinfo=None), NOW, nerve_signs_at=naive_now)


# ------------------------------------------------------------------------------------------ broken copies


@pytest.fixture
def copy(tmp_path) -> Path:
    """A copy of red_flags.yaml with the sources.yaml it needs beside it; returns the copy's path."""
    for name in ("red_flags.yaml", "sources.yaml"):
        shutil.copy(default_data_dir() / name, tmp_path / name)
    return tmp_path / "red_flags.yaml"


def problems(path: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_red_flags(path)
    return [str(p) for p in info.value.problems]


def assert_reported(found, line, *words, filename="red_flags.yaml"):
    for problem in found:
        head, _, message = problem.partition(": ")
        if head.endswith(f"{filename}:{line}") and all(w in message for w in words):
            return
    raise AssertionError(f"no problem at {filename}:{line} with {words}; got:\n" + "\n".join(found))


def line_of(path: Path, needle: str, after: str | None = None) -> int:
    """1-based line of the first line containing needle (after the first line containing `after`)."""
    lines = path.read_text().splitlines()
    start = 0
    if after is not None:
        start = next(i for i, text in enumerate(lines) if after in text) + 1
    for i in range(start, len(lines)):
        if needle in lines[i]:
            return i + 1
    raise AssertionError(needle)


def edit_line(path: Path, line: int, old: str, new: str) -> None:
    lines = path.read_text().splitlines()
    assert old in lines[line - 1], (old, lines[line - 1])
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("\n".join(lines) + "\n")


def test_the_copy_itself_loads(copy):
    assert load_red_flags(copy).question_ids() == EXPECTED_ORDER


def test_yaml_syntax_error(copy):
    line = line_of(copy, "- id: night_pain")
    edit_line(copy, line, "- id: night_pain", "- id: [night_pain")
    assert_reported(problems(copy), line + 1, "invalid YAML")


def test_unknown_key_and_the_missing_field_it_hides(copy):
    line = line_of(copy, "urgency:", after="- id: fever_unwell")
    edit_line(copy, line, "urgency:", "urgncy:")
    found = problems(copy)
    assert_reported(found, line, "questions[5] (fever_unwell)", "unknown key 'urgncy'")
    item_line = line_of(copy, "- id: fever_unwell")
    assert_reported(found, item_line, "missing required key 'urgency'")


def test_missing_question_text(copy):
    item_line = line_of(copy, "- id: cancer_history")
    lines = copy.read_text().splitlines()
    assert lines[item_line].strip().startswith("question:")
    del lines[item_line]
    copy.write_text("\n".join(lines) + "\n")
    assert_reported(problems(copy), item_line, "questions[7] (cancer_history)", "missing required key 'question'")


def test_bad_urgency(copy):
    line = line_of(copy, "urgency:", after="- id: weight_loss")
    edit_line(copy, line, "urgency: urgent", "urgency: critical")
    assert_reported(problems(copy), line, "unknown value 'critical'", "emergency, urgent, soon")


def test_bad_urgency_in_advice(copy):
    line = line_of(copy, "urgency:", after="urgent_fever:")
    edit_line(copy, line, "urgency: urgent", "urgency: later")
    found = problems(copy)
    assert_reported(found, line, "advice.urgent_fever.urgency", "unknown value 'later'")
    assert len(found) == 1  # the question that uses it is not reported again


def test_unknown_advice_id(copy):
    line = line_of(copy, "advice_id:", after="- id: recent_trauma")
    edit_line(copy, line, "urgent_injury", "urgent_injuries")
    found = problems(copy)
    assert_reported(found, line, "unknown advice 'urgent_injuries'", "urgent_injury")
    # ...which leaves the real entry unused:
    assert_reported(found, line_of(copy, "  urgent_injury:"), "'urgent_injury' is not used by any question")


def test_duplicate_question_id(copy):
    line = line_of(copy, "- id: weight_loss")
    edit_line(copy, line, "weight_loss", "cancer_history")
    first = line_of(copy, "- id: cancer_history")
    assert_reported(problems(copy), line, "duplicate question id 'cancer_history'", f"first given on line {first}")


def test_unknown_source(copy):
    line = line_of(copy, "source:", after="urgent_night_pain:")
    edit_line(copy, line, "source: factsheet", "source: wikipedia")
    assert_reported(problems(copy), line, "unknown source 'wikipedia'", "factsheet")


def test_question_and_advice_urgency_must_match(copy):
    line = line_of(copy, "urgency:", after="- id: sexual_function")
    edit_line(copy, line, "urgency: emergency", "urgency: soon")
    assert_reported(problems(copy), line, "'soon' differs from the urgency of its advice", "'emergency'")


def test_id_that_is_not_snake_case(copy):
    line = line_of(copy, "- id: fever_unwell")
    edit_line(copy, line, "fever_unwell", "Fever-Unwell")
    assert_reported(problems(copy), line, "snake_case", "Fever-Unwell")


def test_missing_top_level_parts_and_an_unknown_one(copy):
    text = copy.read_text()
    head, _, _rest = text.partition("\nnerve_signs:")
    copy.write_text(head + "\nextra: 1\n")
    found = problems(copy)
    first = line_of(copy, "questions:")
    assert_reported(found, first, "missing required key 'nerve_signs'")
    assert_reported(found, first, "missing required key 'note'")
    assert_reported(found, line_of(copy, "extra: 1"), "unknown key 'extra'")


def test_every_problem_is_reported_in_one_pass(copy):
    a = line_of(copy, "urgency:", after="- id: night_pain")
    edit_line(copy, a, "urgency: urgent", "urgency: whenever")
    b = line_of(copy, "question:", after="- id: weight_loss")
    edit_line(copy, b, "without trying to?", "without trying to.")
    c = line_of(copy, "source:", after="nerve_signs:")
    edit_line(copy, c, "factsheet", "blog")
    found = problems(copy)
    assert_reported(found, a, "unknown value 'whenever'")
    assert_reported(found, b, "should end with '?'")
    assert_reported(found, c, "nerve_signs", "unknown source 'blog'")
    assert len(found) == 3


def test_a_broken_sources_file_is_reported_too(copy):
    sources = copy.parent / "sources.yaml"
    line = line_of(sources, "  factsheet:")
    edit_line(sources, line, "factsheet:", "fact_sheet:")
    found = problems(copy)
    assert any("unknown source 'factsheet'" in p for p in found)
    assert_reported(found, line_of(copy, "source: factsheet", after="questions:"), "unknown source 'factsheet'")


def test_wrong_shapes(copy):
    copy.write_text("- just\n- a list\n")
    assert_reported(problems(copy), 1, "expected a mapping")
    copy.write_text("questions: {}\nadvice: []\nnerve_signs: text\nnote: ''\n")
    found = problems(copy)
    assert_reported(found, 1, "questions", "expected a list")
    assert_reported(found, 2, "advice", "expected a mapping")
    assert_reported(found, 3, "nerve_signs", "expected a mapping")
    assert_reported(found, 4, "note", "expected non-empty text")
    copy.write_text("questions:\n  - just text\n")
    assert_reported(problems(copy), 2, "questions[0]", "expected a mapping, got text 'just text'")
    copy.write_text("# nothing here\n")
    assert_reported(problems(copy), 1, "the file is empty")


def test_missing_file(tmp_path):
    shutil.copy(default_data_dir() / "sources.yaml", tmp_path / "sources.yaml")
    found = problems(tmp_path / "red_flags.yaml")
    assert_reported(found, 1, "file not found")


def test_the_see_a_clinician_list_is_data_with_the_urgent_sign_marked():
    from hipmap.core.content.safety import load_red_flags

    signs = load_red_flags().see_a_clinician
    assert len(signs) >= 4
    assert any(urgent and "bladder or bowel" in text for text, urgent in signs)
    assert any("pins and needles" in text for text, _urgent in signs)


def test_a_see_a_clinician_sign_with_a_bad_urgent_flag(copy):
    line = line_of(copy, "urgent: true", after="see_a_clinician:")
    edit_line(copy, line, "urgent: true", "urgent: very")
    assert_reported(problems(copy), line, "see_a_clinician[2].urgent", "expected true or false")
