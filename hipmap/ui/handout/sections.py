"""What the handout says, cut into blocks in reading order: the header, the overview diagrams and how to use the
handout, each muscle with its trigger points and self-care, the routine table, when to see a doctor, the sources."""

from __future__ import annotations

from html import escape as _e

from ... import __version__
from ..kit.i18n import QT_TRANSLATE_NOOP, long_date, side_name, step_title, translate
from .blocks import Block, ExerciseBlock, HtmlBlock, ItemsBlock, RoutineTableBlock
from .content import Handout, HandoutMuscle
from .figures import (
    LEGEND_CROSS,
    LEGEND_ESSENTIAL,
    LEGEND_MUSCLE,
    LEGEND_MUSCLE_DEEP,
    LEGEND_NERVE,
    LEGEND_OUTLINE,
    LEGEND_PAIN,
    LEGEND_POINTS,
    LEGEND_SIDES,
    LEGEND_SPILL,
    DiagramRow,
    Figure,
    FiguresBlock,
    Legend,
)

URGENCY_LEAD = {
    "emergency": QT_TRANSLATE_NOOP("handout", "If you answer yes to any of these, get medical help now: go to an emergency department, or call emergency services if you cannot get there safely."),
    "urgent": QT_TRANSLATE_NOOP("handout", "If you answer yes to any of these, contact a doctor today, or within 24 hours at the latest."),
    "soon": QT_TRANSLATE_NOOP("handout", "If you answer yes to any of these, book an appointment with a doctor or physiotherapist in the next few days."),
}
DEPTH_WORDS = {"deep": QT_TRANSLATE_NOOP("handout", "deep in the muscle"), "superficial": QT_TRANSLATE_NOOP("handout", "close to the surface")}


def _seconds(s: int) -> str:
    return f"{s // 60}:{s % 60:02d}"


def _times(n: int) -> str:
    return translate("handout", "once") if n == 1 else (translate("handout", "twice") if n == 2 else translate("handout", "%n times", "", n))


def _compression_dose(care, exercise) -> str:
    c = care.compression
    rest = translate("handout", " · rest {rest_s} s between").format(rest_s=exercise.rest_s) if exercise.rest_s else ""
    side = translate("handout", " · each side") if exercise.per_side else ""
    return translate("handout", "Pressure {pressure} out of 10 · hold {hold_s} s · {times}{rest}{side}").format(pressure=c.pressure, hold_s=c.hold_s, times=_times(c.reps), rest=rest, side=side)


def _stretch_dose(exercise) -> str:
    rest = translate("handout", " · rest {rest_s} s between").format(rest_s=exercise.rest_s) if exercise.rest_s else ""
    side = translate("handout", " · each side") if exercise.per_side else ""
    return translate("handout", "Hold {hold_s} s · {times}{rest}{side}").format(hold_s=exercise.hold_s, times=_times(exercise.reps), rest=rest, side=side)


def _muscle_legend(atlas, muscle_id: str, side: str, views) -> list:
    """The legend's entries for the muscle's shape on the views shown: lying on top, deep under others, or both."""
    anatomy = (getattr(atlas, "anatomy", None) or {}).get(muscle_id)
    if anatomy is None:
        return []
    sides = ("right", "left") if side == "both" else (side,)
    depths = {d for v in views if any(anatomy.shape(s, v) is not None for s in sides) for d in anatomy.depths_on(v)}
    return [entry for depth, entry in (("superficial", LEGEND_MUSCLE), ("deep", LEGEND_MUSCLE_DEEP)) if depth in depths]


def _views_for(handout: Handout, sides, marked_sides: bool = False) -> list[str]:
    """Back, the side view of each side, front; with ``marked_sides``, also any side view with pain on it."""
    views = handout.atlas.views
    out = ["posterior"] + [f"lateral_{s}" for s in sides] + ["anterior"]
    for view_id in handout.painmap.views() if marked_sides else ():
        if view_id.startswith("lateral_") and view_id not in out:
            out.insert(-1, view_id)
    return [v for v in out if v in views]


def _on_side(name: str, side: str) -> str:
    """"Piriformis, right side"; "Rectus abdominis, both sides" for a pattern that spans both sides."""
    if side == "both":
        return translate("handout", "{name}, both sides").format(name=name)
    return translate("handout", "{name}, {side} side").format(name=name, side=side_name(side))


def _body_sides(side: str) -> tuple[str, ...]:
    return ("right", "left") if side == "both" else (side,)


def _header_block(handout: Handout) -> Block:
    names = "; ".join(_on_side(m.muscle.name, m.side) for m in handout.muscles)
    html_text = (
        translate("handout", "<table width='100%' cellspacing='0' cellpadding='0'><tr><td><h1>{e}</h1><p class='quiet'>Prepared on {date} · for self-care of: {e2}</p></td><td align='right' width='32%'><p class='quiet'><br>Name: ______________________</p></td></tr></table><p class='lead'>You marked where it hurts, and hipmap found the muscles whose trigger points most often send pain to those places. For each muscle this handout shows where its trigger points are and what you can do: pressure with a tennis ball, gentle stretches and everyday habits. Stop anything that causes sharp pain. Please read the warning signs at the end before you start.</p>").format(e=_e(handout.title), date=long_date(handout.date), e2=_e(names))
    )
    if handout.painmap.is_empty():
        html_text = html_text.replace(
            "You marked where it hurts, and hipmap found the muscles whose trigger points most often send pain to those "
            "places. ", "",
        )  # fmt: skip
    return HtmlBlock("header", html_text, "header", space_before=0)


def _overview_blocks(handout: Handout) -> list[Block]:
    sides = handout.sides
    has_pain = not handout.painmap.is_empty()
    figures = [Figure(v, "filled", handout.muscles, numbered=True) for v in _views_for(handout, sides, True)]
    legend = ([LEGEND_PAIN] if has_pain else []) + ([LEGEND_NERVE] if handout.painmap.has_nerve_signs() else [])
    legend += [LEGEND_POINTS, LEGEND_SIDES]
    heading = translate("handout", "Where you marked pain, and the trigger points") if has_pain else translate("handout", "Where the trigger points are")
    listing = "".join(
        translate("handout", "<li><b>{e}</b>, both sides<br><span class='quiet'>{e2}</span></li>").format(e=_e(m.muscle.name), e2=_e(m.muscle.short))
        if m.side == "both" else
        translate("handout", "<li><b>{e}</b>, {side} side<br><span class='quiet'>{e2}</span></li>").format(e=_e(m.muscle.name), side=side_name(m.side), e2=_e(m.muscle.short))
        for m in handout.muscles
    )  # fmt: skip
    side_html = translate("handout", "<h3>The muscles in this handout</h3>") + f"<ol>{listing}</ol>"
    if handout.summary:
        side_html += f"<p class='quiet'>{_e(handout.summary)}</p>"
    steps = [
        (
            translate("handout", "First read <b>When to see a doctor</b> near the end. If any of those signs applies to you, see a clinician instead of starting self-care.")
        ),
        (
            translate("handout", "For each muscle, find its trigger points (the X marks) on the diagrams and in the words beside them: that is where the tennis ball goes, not where the pain is felt.")
        ),
        (
            translate("handout", "Press and stretch as written: a tender but tolerable pressure and a mild stretch, never sharp pain and no bouncing.")
        ),
    ]
    if handout.routine is not None and handout.routine.steps:
        steps.append(
            translate("handout", "<b>Your routine</b> lists every step in order with its timing (about {max} minutes in all).").format(max=max(1, round(handout.routine.total_seconds() / 60)))
        )
    how = translate("handout", "<h3>How to use this handout</h3><ol>") + "".join(f"<li>{s}</li>" for s in steps) + "</ol>"
    return [
        FiguresBlock("diagrams:overview", f"<h2>{_e(heading)}</h2>", DiagramRow(figures), side_html, Legend(legend), 142),
        HtmlBlock("how-to-use", how, "text", frame="box", space_before=10),
    ]


def _muscle_blocks(handout: Handout, entry: HandoutMuscle, shown_exercises: dict) -> list[Block]:
    atlas, muscle, side = handout.atlas, entry.muscle, entry.side
    key = f"{muscle.id}:{side}"
    views = _views_for(handout, _body_sides(side))
    has_pain = not handout.painmap.is_empty()
    if side == "both":
        heading = translate("handout", "<h2>{number}. {e} — both sides</h2><p class='lead'>{e2}</p>").format(number=entry.number, e=_e(muscle.name), e2=_e(muscle.short))
    else:
        heading = translate("handout", "<h2>{number}. {e} — {side} side</h2><p class='lead'>{e2}</p>").format(number=entry.number, e=_e(muscle.name), side=side_name(side), e2=_e(muscle.short))
    if entry.reasons:
        heading += translate("handout", "<p class='quiet'>Why it fits your pain: {e}</p>").format(e=_e(' '.join(entry.reasons)))
    # Both sides have the same points, mirrored, and the notes read the same: list one side's.
    listed = "right" if side == "both" else side
    points = [p for p in muscle.trigger_points if p.side == listed and p.view in views]
    items = "".join(
        translate("handout", "<li>{e}<br><span class='quiet'>{e2} · {e3} view</span></li>").format(e=_e(p.note), e2=_e(translate("handout", DEPTH_WORDS.get(p.depth, p.depth)).capitalize()), e3=_e(atlas.views[p.view].title))
        for p in points
    )
    side_html = (
        translate("handout", "<h3>Where its trigger points are</h3><p>Trigger points are small, tender spots in a muscle that can send pain elsewhere. They are the X marks on the diagrams.</p>") + (f"<ul>{items}</ul>" if items else "")
    )
    figures = [Figure(v, "outline" if has_pain else "", (entry,), zones=entry) for v in views]
    legend = [LEGEND_ESSENTIAL, LEGEND_SPILL] + ([LEGEND_OUTLINE] if has_pain else []) + [LEGEND_CROSS]
    legend = _muscle_legend(atlas, muscle.id, side, views) + legend
    blocks: list[Block] = [
        FiguresBlock(f"muscle:{key}", heading, DiagramRow(figures), side_html, Legend(legend), 100, keep_with_next=True, space_before=16)
    ]
    if muscle.see_a_clinician:
        blocks.append(ItemsBlock(
            f"clinician:{key}", translate("handout", "See a clinician instead if you have:"), [f"<b>{_e(f.text)}</b>" for f in muscle.see_a_clinician],
            intro=translate("handout", "These signs, with this muscle's pain, need a clinician rather than self-care:"), frame="warn",
        ))  # fmt: skip
    care = muscle.self_care
    if care is None:
        blocks.append(HtmlBlock(f"care:{key}", translate("handout", "<p>Our sources give no self-care for this muscle; a physiotherapist can show you what suits you.</p>")))
        return blocks
    blocks.append(HtmlBlock(f"heading:care:{key}", translate("handout", "<h3>What you can do</h3>"), "heading", keep_with_next=True, space_before=10))
    press = atlas.exercises.get(care.compression.exercise) if care.compression is not None else None
    if press is not None:
        blocks.append(
            ExerciseBlock(f"exercise:{press.id}:{key}", press, _compression_dose(care, press), care.compression.where, translate("handout", "Hand pressure") if press.tool == "hands" else translate("handout", "Tennis ball"), care.compression.pressure)
        )
    if care.instead is not None:
        blocks.append(HtmlBlock(
            f"instead:{key}", translate("handout", "<h3>No ball for this muscle</h3><p>{e}</p>").format(e=_e(care.instead.text)), frame="box",
        ))  # fmt: skip
        blocks.append(ItemsBlock(f"at-home:{key}", translate("handout", "What is safe at home"), [_e(f.text) for f in care.instead.at_home]))
    stretches = [atlas.exercises[s] for s in care.stretches if s in atlas.exercises]
    if stretches:
        for stretch in stretches:
            earlier = shown_exercises.get(stretch.id)
            if earlier is not None:
                blocks.append(HtmlBlock(
                    f"exercise-ref:{stretch.id}:{key}",
                    translate("handout", "<p><b>Stretch: {e}</b> — {e2}. Steps and picture: see {e3}, above.</p>").format(e=_e(stretch.name), e2=_e(_stretch_dose(stretch)), e3=_e(earlier)),
                    "exercise",
                ))  # fmt: skip
                continue
            shown_exercises[stretch.id] = f"{entry.number}. {muscle.name}"
            blocks.append(ExerciseBlock(f"exercise:{stretch.id}:{key}", stretch, _stretch_dose(stretch), label=translate("handout", "Stretch")))
    else:
        blocks.append(HtmlBlock(
            f"no-stretch:{key}",
            translate("handout", "<p class='quiet'>Our sources give no stretch for this muscle, so hipmap suggests none; a physiotherapist can show you one that suits you.</p>"),
        ))  # fmt: skip
    if care.habits:
        blocks.append(ItemsBlock(f"habits:{key}", translate("handout", "Habits that help"), [_e(f.text) for f in care.habits]))
    if care.cautions:
        blocks.append(ItemsBlock(f"cautions:{key}", translate("handout", "Take care"), [_e(f.text) for f in care.cautions], frame="box"))
    return blocks


def routine_rows(handout: Handout) -> tuple[list[list[str]], int]:
    """The routine table's rows (#, step, side, hold × reps, rest, time) and the total in seconds."""
    routine = handout.routine
    per_step = [0] * len(routine.steps)
    for phase in routine.phases():
        per_step[phase.step_index] += phase.seconds
    rows = []
    for i, step in enumerate(routine.steps):
        title = _e(step_title(step.title))
        muscle = handout.atlas.muscles.get(step.muscle_id)
        if step.kind == "compression" and muscle is not None and muscle.self_care is not None and muscle.self_care.compression is not None:
            title += translate("handout", "<br><span class='quiet'>pressure {e} out of 10</span>").format(e=_e(muscle.self_care.compression.pressure))
        rows.append([
            str(i + 1), title, side_name("both" if step.side == "none" else step.side), f"{step.hold_s} s × {step.reps}",
            f"{step.rest_s} s" if step.rest_s else "—", _seconds(per_step[i]),
        ])  # fmt: skip
    return rows, routine.total_seconds()


def _routine_blocks(handout: Handout) -> list[Block]:
    routine = handout.routine
    if routine is None or not routine.steps:
        return []
    rows, total = routine_rows(handout)
    ready = sorted({s.ready_s for s in routine.steps})
    ready_text = f"{ready[0]} s" if len(ready) == 1 else translate("handout", "a few seconds")
    intro = (
        translate("handout", "<h2>Your routine</h2><p>The steps in order, as hipmap's routine player times them. Each step starts with {ready_text} to get into position; the time of each step includes its holds, the rests between them and any change of side. <b>Total time: {seconds}</b> (minutes:seconds).</p>").format(ready_text=ready_text, seconds=_seconds(total))
    )
    return [
        HtmlBlock("heading:routine", intro, "heading", keep_with_next=True, space_before=18),
        RoutineTableBlock("table:routine", rows, (translate("handout", "Total time (minutes:seconds)"), _seconds(total))),
    ]


def _safety_blocks(handout: Handout) -> list[Block]:
    flags = handout.red_flags
    blocks: list[Block] = [HtmlBlock("heading:safety", translate("handout", "<h2>When to see a doctor</h2>"), "heading", keep_with_next=True, space_before=18)]
    signs = [f"<b>{_e(t)}</b>" if urgent else _e(t) for t, urgent in flags.see_a_clinician]
    if signs:
        blocks.append(ItemsBlock(
            "safety:see-a-doctor", translate("handout", "See a doctor promptly if you have:"), signs,
            intro=translate("handout", "Self-care with a ball and stretches is for muscle pain. These signs need a clinician instead:"),
            frame="warn",
        ))  # fmt: skip
    groups = [(u, lead, [_e(q.question) for q in flags.questions if q.urgency == u]) for u, lead in ((u, translate("handout", lead)) for u, lead in URGENCY_LEAD.items())]
    groups = [g for g in groups if g[2]]
    if groups:
        blocks.append(HtmlBlock(
            "heading:warning-signs", translate("handout", "<h3>Warning signs: ask yourself before each session</h3>"), "heading",
            keep_with_next=True, space_before=10,
        ))  # fmt: skip
    for urgency, lead, questions in groups:
        # Never split: each question must stay on the page that says what a "yes" means.
        html_text = f"<p><b>{_e(lead)}</b></p><ul>" + "".join(f"<li>{q}</li>" for q in questions) + "</ul>"
        blocks.append(HtmlBlock(f"safety:{urgency}", html_text, "list", space_before=8))
    if flags.nerve_signs is not None:
        advice = flags.nerve_signs
        blocks.append(HtmlBlock("safety:nerve-signs", f"<h3>{_e(advice.title)}</h3><p>{_e(advice.text)}</p>"))
    blocks.append(HtmlBlock(
        "safety:note",
        translate("handout", "<h3>This is not a diagnosis</h3><p>{e} In every case above, leave hipmap's self-care until you have been examined.</p>").format(e=_e(flags.note)),
        frame="box",
    ))  # fmt: skip
    return blocks


def _source_keys(handout: Handout) -> list[str]:
    keys: list[str] = []
    atlas = handout.atlas
    for entry in handout.muscles:
        keys += entry.muscle.source_keys(atlas.exercises)
    flags = handout.red_flags
    for advice in (*flags.advice.values(), flags.nerve_signs):
        if advice is not None:
            keys += advice.sources
    return list(dict.fromkeys(keys))


def _sources_block(handout: Handout) -> Block:
    sources = handout.atlas.sources
    titles = [sources[k].title for k in _source_keys(handout) if k in sources]
    drawing = translate("handout", " The body diagrams were drawn for hipmap from the proportions in {title}.").format(title=sources['drillis'].title) if "drillis" in sources else ""
    text = (
        translate("handout", "<p class='small quiet'><b>Sources.</b> hipmap's text is written in its own words from: {e}.{e2} Made with hipmap {version__}.</p>").format(e=_e('; '.join(titles)), e2=_e(drawing), version__=__version__)
    )
    return HtmlBlock("sources", text, "sources", space_before=14)


def handout_blocks(handout: Handout) -> list[Block]:
    """Every block of the handout, in reading order."""
    blocks: list[Block] = [_header_block(handout)]
    nerve = getattr(handout.red_flags, "nerve_signs", None)
    if handout.painmap.has_nerve_signs() and nerve is not None:
        # Numbness or tingling marked: the app holds self-care back until it is examined; so does the handout.
        blocks.append(HtmlBlock(
            "safety:nerve-signs-first", f"<h3>{_e(nerve.title)}</h3><p>{_e(nerve.text)}</p>", "text", frame="warn",
            space_before=6,
        ))  # fmt: skip
    blocks += _overview_blocks(handout)
    shown: dict = {}
    for entry in handout.muscles:
        blocks += _muscle_blocks(handout, entry, shown)
    blocks += _routine_blocks(handout)
    blocks += _safety_blocks(handout)
    blocks.append(_sources_block(handout))
    return blocks
