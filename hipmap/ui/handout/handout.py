"""The PDF handout: the diagrams, each muscle's self-care, the routine and the warning signs, on paper.

``build_handout`` gathers what to print; ``write_pdf`` writes it (atomically) and ``print_handout`` sends it to a
QPrinter. Both go through ``paint_handout``, the one paint path: the content is cut into blocks (a heading with
the diagrams, one exercise, a list, the routine table, ...), each block is measured at the device's own
resolution, and a block that does not fit in what is left of a page starts the next page, so an exercise is
never split. Lists and the routine table may continue on the next page between items or rows, never inside one.

Everything is vector: the diagrams and pictograms are rendered from their SVGs with QPainter, zones and marks
are painter paths, and all text is real text (QTextDocument / drawText), so the PDF stays sharp and selectable
and Qt embeds the fonts. Nothing relies on colour alone: pain carries its 0-10 number, the essential zone is
solid, the spillover zone hatched, trigger points are X marks, so a black-and-white print reads the same.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from ... import __version__
from ...core.fileio import atomic_write_bytes
from ..kit.i18n import QT_TRANSLATE_NOOP, long_date, side_name, step_title, translate
# mainwindow/window.py still imports HandoutError, build_handout, write_pdf and print_with_dialog from here.
from .content import PAGE_SIZES, Handout, HandoutError, HandoutMuscle, build_handout
from .page_context import INK, QUIET, RULE, PageContext, base_font
from .blocks import Block, ExerciseBlock, HtmlBlock, ItemsBlock, RoutineTableBlock
from .figures import (
    LEGEND_CROSS,
    LEGEND_ESSENTIAL,
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

MARGIN_MM = 15.0
PDF_DPI = 600  # device units per inch of the PDF: only the precision of coordinates; everything stays vector
URGENCY_LEAD = {
    "emergency": QT_TRANSLATE_NOOP("handout", "If you answer yes to any of these, get medical help now: go to an emergency department, or call emergency services if you cannot get there safely."),
    "urgent": QT_TRANSLATE_NOOP("handout", "If you answer yes to any of these, contact a doctor today, or within 24 hours at the latest."),
    "soon": QT_TRANSLATE_NOOP("handout", "If you answer yes to any of these, book an appointment with a doctor or physiotherapist in the next few days."),
}
DEPTH_WORDS = {"deep": QT_TRANSLATE_NOOP("handout", "deep in the muscle"), "superficial": QT_TRANSLATE_NOOP("handout", "close to the surface")}

_e = html.escape


# --------------------------------------------------------------------------------------------- content


def _seconds(s: int) -> str:
    return f"{s // 60}:{s % 60:02d}"


def _times(n: int) -> str:
    return "once" if n == 1 else ("twice" if n == 2 else translate("handout", "{n} times").format(n=n))


def _compression_dose(care, exercise) -> str:
    c = care.compression
    rest = translate("handout", " · rest {rest_s} s between").format(rest_s=exercise.rest_s) if exercise.rest_s else ""
    side = translate("handout", " · each side") if exercise.per_side else ""
    return translate("handout", "Pressure {pressure} out of 10 · hold {hold_s} s · {times}{rest}{side}").format(pressure=c.pressure, hold_s=c.hold_s, times=_times(c.reps), rest=rest, side=side)


def _stretch_dose(exercise) -> str:
    rest = translate("handout", " · rest {rest_s} s between").format(rest_s=exercise.rest_s) if exercise.rest_s else ""
    side = translate("handout", " · each side") if exercise.per_side else ""
    return translate("handout", "Hold {hold_s} s · {times}{rest}{side}").format(hold_s=exercise.hold_s, times=_times(exercise.reps), rest=rest, side=side)


def _views_for(handout: Handout, sides, marked_sides: bool = False) -> list[str]:
    """Back, the side view of each side, front; with ``marked_sides``, also any side view with pain on it."""
    views = handout.atlas.views
    out = ["posterior"] + [f"lateral_{s}" for s in sides] + ["anterior"]
    for view_id in handout.painmap.views() if marked_sides else ():
        if view_id.startswith("lateral_") and view_id not in out:
            out.insert(-1, view_id)
    return [v for v in out if v in views]


def _header_block(handout: Handout) -> Block:
    names = "; ".join(translate("handout", "{name}, {side} side").format(name=m.muscle.name, side=side_name(m.side)) for m in handout.muscles)
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
        translate("handout", "<li><b>{e}</b>, {side} side<br><span class='quiet'>{e2}</span></li>").format(e=_e(m.muscle.name), side=side_name(m.side), e2=_e(m.muscle.short))
        for m in handout.muscles
    )
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
    views = _views_for(handout, (side,))
    has_pain = not handout.painmap.is_empty()
    heading = (
        translate("handout", "<h2>{number}. {e} — {side} side</h2><p class='lead'>{e2}</p>").format(number=entry.number, e=_e(muscle.name), side=side_name(side), e2=_e(muscle.short))
    )
    if entry.reasons:
        heading += translate("handout", "<p class='quiet'>Why it fits your pain: {e}</p>").format(e=_e(' '.join(entry.reasons)))
    points = [p for p in muscle.trigger_points if p.side == side and p.view in views]
    items = "".join(
        translate("handout", "<li>{e}<br><span class='quiet'>{e2} · {e3} view</span></li>").format(e=_e(p.note), e2=_e(translate("handout", DEPTH_WORDS.get(p.depth, p.depth)).capitalize()), e3=_e(atlas.views[p.view].title))
        for p in points
    )
    side_html = (
        translate("handout", "<h3>Where its trigger points are</h3><p>Trigger points are small, tender spots in a muscle that can send pain elsewhere. They are the X marks on the diagrams.</p>") + (f"<ul>{items}</ul>" if items else "")
    )
    figures = [Figure(v, "outline" if has_pain else "", (entry,), zones=entry) for v in views]
    legend = [LEGEND_ESSENTIAL, LEGEND_SPILL] + ([LEGEND_OUTLINE] if has_pain else []) + [LEGEND_CROSS]
    blocks: list[Block] = [
        FiguresBlock(f"muscle:{key}", heading, DiagramRow(figures), side_html, Legend(legend), 100, keep_with_next=True, space_before=16)
    ]
    care = muscle.self_care
    if care is None:
        blocks.append(HtmlBlock(f"care:{key}", translate("handout", "<p>Our sources give no self-care for this muscle; a physiotherapist can show you what suits you.</p>")))
        return blocks
    blocks.append(HtmlBlock(f"heading:care:{key}", translate("handout", "<h3>What you can do</h3>"), "heading", keep_with_next=True, space_before=10))
    press = atlas.exercises.get(care.compression.exercise)
    if press is not None:
        blocks.append(
            ExerciseBlock(f"exercise:{press.id}:{key}", press, _compression_dose(care, press), care.compression.where, translate("handout", "Tennis ball"))
        )
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
        if step.kind == "compression" and muscle is not None and muscle.self_care is not None:
            title += translate("handout", "<br><span class='quiet'>pressure {e} out of 10</span>").format(e=_e(muscle.self_care.compression.pressure))
        rows.append([
            str(i + 1), title, "both" if step.side == "none" else step.side, f"{step.hold_s} s × {step.reps}",
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


# --------------------------------------------------------------------------------------------- layout


@dataclass(frozen=True)
class Placement:
    name: str  # the block's name, e.g. "exercise:ball_against_wall:gluteus_minimus_anterior:right"
    kind: str  # header, diagrams, heading, exercise, list, table, text, sources
    page: int  # 0-based
    rect: QRectF  # device units, painter coordinates of its page


@dataclass
class HandoutLayout:
    page_width: float
    page_height: float
    dpi: float
    header_height: float  # the running header of pages 2..N
    footer_height: float
    placements: list[Placement]
    page_count: int
    _painting: list = field(default_factory=list, repr=False)  # (context, page furniture, placed blocks)

    def content_rect(self, page: int) -> QRectF:
        """Where blocks may go on a page: inside the margins, below the running header, above the footer."""
        top = 0.0 if page == 0 else self.header_height
        return QRectF(0.0, top, self.page_width, self.page_height - self.footer_height - top)

    def on_page(self, page: int) -> list[Placement]:
        return [p for p in self.placements if p.page == page]


def layout_blocks(blocks: list[Block], ctx: PageContext, content_rect) -> tuple[list[tuple[Block, int, QRectF]], int]:
    """Place blocks top to bottom; a block that does not fit starts a new page (or is split, if it allows it
    and at least part of it fits). ``content_rect(page)`` gives each page's free area. Returns (block, page,
    rect) triples and the page count."""
    out: list[tuple[Block, int, QRectF]] = []
    queue = list(blocks)
    page, area = 0, content_rect(0)
    y, empty = area.top(), True

    def new_page():
        nonlocal page, area, y, empty
        page += 1
        area = content_rect(page)
        y, empty = area.top(), True

    while queue:
        block = queue.pop(0)
        width = area.width()
        gap = 0.0 if empty else ctx.pt(block.space_before)
        h = block.height(ctx, width)
        need = h
        if block.keep_with_next and queue:
            nxt = queue[0]
            need += ctx.pt(nxt.space_before) + nxt.min_height(ctx, width)
        if y + gap + need > area.bottom() + 0.5 and not empty:
            available = area.bottom() - y - gap
            parts = None if block.keep_with_next else block.split(ctx, width, available)
            if parts is not None:
                head, tail = parts
                hh = head.height(ctx, width)
                out.append((head, page, QRectF(area.left(), y + gap, width, hh)))
                queue.insert(0, tail)
                new_page()
                continue
            new_page()
            gap = 0.0
        if h > area.height() + 0.5:  # taller than a whole page: split it where a page ends, if it can be
            parts = block.split(ctx, width, area.bottom() - y - gap)
            if parts is not None:
                head, tail = parts
                out.append((head, page, QRectF(area.left(), y + gap, width, head.height(ctx, width))))
                queue.insert(0, tail)
                new_page()
                continue
        out.append((block, page, QRectF(area.left(), y + gap, width, h)))
        y += gap + h
        empty = False
    return out, page + 1


# --------------------------------------------------------------------------------------------- painting




def _page_layout(page_size: str) -> QPageLayout:
    return QPageLayout(
        QPageSize(PAGE_SIZES[page_size]), QPageLayout.Portrait, QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Millimeter,
    )  # fmt: skip


class _Furniture:
    """The running header (pages 2..N) and the footer of every page: the note and 'page N of M'."""

    def __init__(self, ctx: PageContext):
        self.ctx = ctx
        handout = ctx.handout
        self.number_w = ctx.mm(24)
        note = handout.red_flags.note if handout.red_flags is not None else ""
        self.note = ctx.doc(translate("handout", "<p class='quiet'><b>Not a diagnosis.</b> {e}</p>").format(e=_e(note)), ctx.width - self.number_w, 7)
        self.footer_height = self.note.size().height() + ctx.pt(7)
        self.header_font = base_font(7.5)
        self.header_height = QFontMetricsF(self.header_font, ctx.device).height() + ctx.pt(10)

    def paint(self, painter: QPainter, page: int, count: int) -> None:
        ctx, handout = self.ctx, self.ctx.handout
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        rule = QPen(RULE, ctx.pt(0.5))
        if page > 0:
            painter.setFont(self.header_font)
            painter.setPen(QUIET)
            line_h = self.header_height - ctx.pt(10)
            box = QRectF(0, 0, ctx.width, line_h)
            painter.drawText(box, Qt.AlignLeft | Qt.AlignVCenter, handout.title)
            when = long_date(handout.date)
            painter.drawText(box, Qt.AlignRight | Qt.AlignVCenter, when)
            painter.setPen(rule)
            painter.drawLine(QPointF(0, line_h + ctx.pt(3)), QPointF(ctx.width, line_h + ctx.pt(3)))
        top = ctx.height - self.footer_height
        painter.setPen(rule)
        painter.drawLine(QPointF(0, top + ctx.pt(2)), QPointF(ctx.width, top + ctx.pt(2)))
        ctx.draw_doc(painter, self.note, 0, top + ctx.pt(6))
        painter.setFont(base_font(8, True))
        painter.setPen(INK)
        painter.drawText(
            QRectF(ctx.width - self.number_w, top + ctx.pt(6), self.number_w, self.footer_height - ctx.pt(6)),
            Qt.AlignRight | Qt.AlignTop, translate("handout", "page {value} of {count}").format(value=page + 1, count=count),
        )  # fmt: skip
        painter.restore()


def layout_handout(handout: Handout, device) -> HandoutLayout:
    """Measure and place every block for ``device`` (its page layout must already be set); paints nothing."""
    ctx = PageContext(device, handout)
    furniture = _Furniture(ctx)
    header_h = furniture.header_height
    footer_h = furniture.footer_height

    def content_rect(page):
        top = 0.0 if page == 0 else header_h
        return QRectF(0.0, top, ctx.width, ctx.height - footer_h - top)

    placed, count = layout_blocks(handout_blocks(handout), ctx, content_rect)
    placements = [Placement(b.name, b.kind, page, QRectF(rect)) for b, page, rect in placed]
    result = HandoutLayout(ctx.width, ctx.height, ctx.dpi, header_h, footer_h, placements, count)
    result._painting = [(ctx, furniture, placed)]
    return result


def paint_handout(handout: Handout, device, pages: tuple[int, int] | None = None) -> HandoutLayout:
    """Lay the handout out for ``device`` (a QPdfWriter, a QPrinter, any QPagedPaintDevice whose page layout is
    set) and paint it. ``pages`` (first, last), 1-based, limits what is painted (a printer's page range).
    Returns the layout: every block with its page and rect."""
    layout = layout_handout(handout, device)
    ctx, furniture, placed = layout._painting[0]
    first, last = pages or (1, layout.page_count)
    first, last = max(1, first), min(layout.page_count, last if last > 0 else layout.page_count)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(translate("handout", "cannot start painting the handout (the printer or file is not available)"))
    try:
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setRenderHint(QPainter.TextAntialiasing)
        started = False
        for page in range(first - 1, last):
            if started and not device.newPage():
                raise OSError(translate("handout", "cannot start a new page"))
            started = True
            furniture.paint(painter, page, layout.page_count)
            for block, block_page, rect in placed:
                if block_page == page:
                    painter.save()
                    block.paint(painter, ctx, rect)
                    painter.restore()
    finally:
        painter.end()
    return layout


def pdf_bytes(handout: Handout) -> tuple[bytes, HandoutLayout]:
    """The handout as a PDF in memory, with its layout."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(_page_layout(handout.page_size))
    writer.setTitle(handout.title)
    writer.setCreator(translate("handout", "hipmap {version__}").format(version__=__version__))
    layout = paint_handout(handout, writer)
    del writer  # flushes the PDF trailer into the buffer
    buffer.close()
    out = bytes(data.data())
    if not out.startswith(b"%PDF"):
        raise OSError(translate("handout", "the PDF could not be produced"))
    return out, layout


def write_pdf(handout: Handout, path: Path) -> int:
    """Write the handout as a PDF; returns its page count.

    The PDF is made in memory, then written to a temporary file beside ``path`` and renamed over it, so a failed
    export never leaves a half-written PDF (and an existing file stays whole). Raises OSError when it cannot be
    written.
    """
    ensure_app()
    data, layout = pdf_bytes(handout)
    path = Path(path)
    atomic_write_bytes(path, data)
    try:  # a handout is meant to be shared: the usual permissions, not the temporary file's private ones
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(path, 0o666 & ~mask)
    except OSError:
        pass
    return layout.page_count


def print_handout(handout: Handout, printer) -> int:
    """Print the handout on a QPrinter (e.g. after QPrintDialog) with the same paint code as the PDF.

    The printer's paper size is kept (the dialog lets the user choose it); the margins are set to 15 mm. A page
    range chosen in the dialog is honoured. Returns the handout's page count.
    """
    from PySide6.QtPrintSupport import QPrinter

    printer.setDocName(handout.title)
    printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Millimeter)
    pages = None
    if printer.printRange() == QPrinter.PageRange and printer.fromPage() > 0:
        pages = (printer.fromPage(), printer.toPage())
    return paint_handout(handout, printer, pages).page_count


def print_with_dialog(handout: Handout, parent=None) -> int | None:
    """Ask with QPrintDialog, then print; returns the page count, or None when the user cancels."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.HighResolution)
    printer.setPageLayout(_page_layout(handout.page_size))
    printer.setDocName(handout.title)
    count = layout_handout(handout, printer).page_count
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("handout", "Print handout"))
    dialog.setOption(QAbstractPrintDialog.PrintPageRange, True)
    dialog.setMinMax(1, count)
    if dialog.exec() != QPrintDialog.Accepted:
        return None
    return print_handout(handout, printer)


def ensure_app():
    """Qt must be running to measure fonts: reuse the application, or start one offscreen (no window opens)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["hipmap-handout"])
    return app
