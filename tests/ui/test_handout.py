"""The PDF handout, as a person holding the printout (or a clinic printing it) would notice it."""

import itertools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF

from hipmap.__main__ import main
from hipmap.core.pain.painmap import PainMap, region_marks, save

ROOT = Path(__file__).resolve().parents[2]
SELECTED = ("gluteus_minimus_anterior", "tensor_fasciae_latae")


def flat(text: str) -> str:
    """Words separated by single spaces: line breaks in a PDF fall wherever the text wrapped."""
    return " ".join(text.split())


def qt_pages_text(path) -> list[str]:
    """Each page's text through Qt's own PDF module (PySide6-Addons), which needs no system tools."""
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    return [doc.getAllText(i).text() for i in range(doc.pageCount())]


def poppler_pages_text(path) -> list[str]:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


EXTRACTORS = {"qt": qt_pages_text, "pdftotext": poppler_pages_text}


def page_sizes(path) -> list[tuple[float, float]]:
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    return [(doc.pagePointSize(i).width(), doc.pagePointSize(i).height()) for i in range(doc.pageCount())]


@pytest.fixture(scope="module")
def painmap_file(atlas, tmp_path_factory):
    """Pain down the outside of the right leg and in the middle of the buttock, as someone would paint it."""
    marks = []
    for region, intensity in (("lateral_thigh", 6), ("lateral_leg", 5), ("buttock_center", 4)):
        marks += region_marks(atlas, region, "right", intensity)
    path = tmp_path_factory.mktemp("maps") / "right-leg.hipmap.json"
    save(PainMap(tuple(marks)), path)
    return path


@pytest.fixture(scope="module")
def cli_pdf(painmap_file, tmp_path_factory):
    """The handout made the way a user makes it: python -m hipmap handout ... in its own process."""
    out = tmp_path_factory.mktemp("handout") / "handout.pdf"
    args = ["handout", str(out), "--painmap", str(painmap_file)]
    for muscle in SELECTED:
        args += ["--select", muscle]
    command = [sys.executable, "-m", "hipmap", *args]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout and "pages" in done.stdout
    return out


@pytest.fixture
def handout(atlas, painmap_file):
    from hipmap.core.pain.painmap import load
    from hipmap.ui.handout.content import build_handout

    return build_handout(atlas, load(painmap_file), [(m, "right") for m in SELECTED])


# --------------------------------------------------------------------------------------------- what it says


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_cli_handout_has_the_muscles_steps_timings_and_safety_text(cli_pdf, atlas, qapp, extractor):
    if extractor == "pdftotext" and shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed; the Qt extractor covers the same checks")
    from hipmap.core.content.safety import load_red_flags
    from hipmap.ui.handout.content import combined_routine

    data = cli_pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = EXTRACTORS[extractor](cli_pdf)
    assert len(pages) >= 2
    text = flat(" ".join(pages))

    muscles = [atlas.muscles[m] for m in SELECTED]
    for muscle in muscles:
        assert muscle.name in text
        care = muscle.self_care
        assert flat(care.compression.where) in text
        assert f"Pressure {care.compression.pressure} out of 10 · hold {care.compression.hold_s} s" in text
    press = atlas.exercises["ball_against_wall"]
    assert flat(press.steps[1]) in text  # a compression step, word for word
    stretch = atlas.exercises["standing_crossover_adduction"]
    assert flat(stretch.steps[0]) in text and f"Hold {stretch.hold_s} s" in text
    assert "20 s × 3" in text and "30 s × 3" in text  # the routine's hold × reps

    routine = combined_routine(atlas, [(m, "right") for m in muscles])
    total = routine.total_seconds()
    assert f"Total time: {total // 60}:{total % 60:02d} (minutes:seconds)" in text
    assert "Total time (minutes:seconds)" in text  # and the table's last row

    flags = load_red_flags()
    assert "See a doctor promptly if you have:" in text
    for sign, _urgent in flags.see_a_clinician:
        assert flat(sign) in text
    assert flat(flags.questions[0].question) in text
    assert "When to see a doctor" in text and "Your routine" in text
    for i, page in enumerate(pages, start=1):  # the footer: the note and "page N of M" on every page
        assert f"page {i} of {len(pages)}" in flat(page)
        assert flat(flags.note) in flat(page)
    assert "Sources." in text and atlas.sources["ts2"].title.split(":")[0] in text


def test_fonts_are_embedded_and_nothing_is_rasterised(cli_pdf):
    data = cli_pdf.read_bytes()
    assert re.search(rb"/FontFile2", data), "the fonts should be embedded in the PDF"
    assert not re.search(rb"/Subtype\s*/Image", data), "diagrams and pictograms should be vectors, not images"


def test_without_select_the_handout_covers_the_muscles_that_explain_the_pain(atlas, matcher, painmap_file, tmp_path, qapp, capsys):
    from hipmap.core.pain.painmap import load

    explaining = matcher.match(load(painmap_file)).explaining
    assert explaining
    out = tmp_path / "auto.pdf"
    assert main(["handout", str(out), "--painmap", str(painmap_file)]) == 0
    assert str(out) in capsys.readouterr().out
    text = flat(" ".join(qt_pages_text(out)))
    for candidate in explaining:
        assert f"{candidate.name} — {candidate.side} side" in text
    assert "together explain" in text or "explains" in text  # the match's summary, as it is about these muscles


def test_a_muscle_on_the_left_shows_the_left_side_view(atlas, qapp, tmp_path):
    from hipmap.ui.handout.content import build_handout
    from hipmap.ui.handout.output import write_pdf

    made = build_handout(atlas, PainMap(), [("piriformis", "left")])
    out = tmp_path / "left.pdf"
    assert write_pdf(made, out) >= 2
    text = flat(" ".join(qt_pages_text(out)))
    assert "Piriformis — left side" in text and "LEFT SIDE" in text and "Left side view" in text
    assert "Where you marked pain" not in text  # no pain map: the page says what it shows
    assert atlas.exercises["seated_glute_stretch"].name in text


# --------------------------------------------------------------------------------------------- layout


def test_no_block_is_split_across_pages(handout, atlas, qapp):
    from hipmap.ui.handout.output import pdf_bytes

    data, layout = pdf_bytes(handout)
    assert data.startswith(b"%PDF") and layout.page_count >= 2
    tolerance = 1.0
    for placed in layout.placements:
        area = layout.content_rect(placed.page).adjusted(-tolerance, -tolerance, tolerance, tolerance)
        assert area.contains(placed.rect), f"{placed.name} leaves the content area of page {placed.page + 1}"
    for page in range(layout.page_count):
        rects = [p.rect for p in layout.on_page(page)]
        assert rects, f"page {page + 1} is empty"
        for a, b in itertools.pairwise(rects):
            assert a.bottom() <= b.top() + tolerance, "blocks overlap"
    # Every exercise is one block on one page: never split, never left out.
    exercises = [p for p in layout.placements if p.kind == "exercise" and p.name.startswith("exercise:")]
    names = [p.name for p in exercises]
    assert len(names) == len(set(names))
    for muscle_id in SELECTED:
        care = atlas.muscles[muscle_id].self_care
        assert f"exercise:{care.compression.exercise}:{muscle_id}:right" in names
    # The layout did have to break pages before blocks that did not fit (not everything simply fits).
    breaks = 0
    for page in range(layout.page_count - 1):
        last = layout.on_page(page)[-1]
        gap = layout.content_rect(page).bottom() - last.rect.bottom()
        nxt = layout.on_page(page + 1)[0]
        if gap > 0 and nxt.rect.height() > gap:
            breaks += 1
    assert breaks >= 1


class _Ctx:
    def pt(self, value):  # the test's lengths are already device units
        return value


def _fixed(name, h, keep_with_next=False, pieces=0):
    """A block of a fixed height; with ``pieces``, it may be split between pieces of equal height (like a list)."""
    from hipmap.ui.handout.blocks import Block

    class Fixed(Block):
        kind = "test"
        space_before = 0.0

        def height(self, ctx, width):
            return h

        def paint(self, painter, ctx, rect):
            pass

        def min_height(self, ctx, width):
            return h / pieces if pieces else h

        def split(self, ctx, width, available):
            k = int(available // (h / pieces)) if pieces else 0
            if not 1 <= k < pieces:
                return None
            each = h / pieces
            return _fixed(f"{name}/a", k * each, pieces=k), _fixed(f"{name}/b", h - k * each, pieces=pieces - k)

    block = Fixed(name)
    block.keep_with_next = keep_with_next
    return block


def _pages(blocks, page_h=250.0):
    from hipmap.ui.handout.layout import layout_blocks

    placed, count = layout_blocks(blocks, _Ctx(), lambda page: QRectF(0, 0, 100, page_h))
    return [(block.name, page) for block, page, _rect in placed], count


def test_layout_starts_a_new_page_rather_than_split_a_block():
    placed, count = _pages([_fixed("a", 100), _fixed("b", 100), _fixed("exercise", 100)])
    assert placed == [("a", 0), ("b", 0), ("exercise", 1)] and count == 2


def test_layout_keeps_a_heading_with_what_follows():
    placed, _count = _pages([_fixed("a", 200), _fixed("heading", 20, keep_with_next=True), _fixed("exercise", 100)])
    assert placed == [("a", 0), ("heading", 1), ("exercise", 1)]


def test_layout_continues_a_list_between_items_only():
    placed, count = _pages([_fixed("a", 180), _fixed("list", 100, pieces=10)])
    assert placed == [("a", 0), ("list/a", 0), ("list/b", 1)] and count == 2


def test_a_split_list_or_table_keeps_at_least_two_items_on_each_page():
    from hipmap.ui.handout.blocks import _split_at

    assert _split_at(10, lambda k: k <= 7) == 7
    assert _split_at(10, lambda k: k <= 9) == 8  # two rows go on to the next page, not one
    assert _split_at(10, lambda k: k <= 1) == 0  # one row alone at the foot of a page: move the whole table
    assert _split_at(3, lambda k: True) == 0  # too short to split


# --------------------------------------------------------------------------------------------- paper


@pytest.mark.parametrize("size, points", [("A4", (595, 842)), ("Letter", (612, 792))])
def test_a4_and_letter_pages(handout, qapp, tmp_path, size, points):
    from dataclasses import replace

    from hipmap.ui.handout.output import write_pdf

    out = tmp_path / f"{size}.pdf"
    count = write_pdf(replace(handout, page_size=size), out)
    sizes = page_sizes(out)
    assert len(sizes) == count >= 2
    for width, height in sizes:
        assert abs(width - points[0]) <= 1 and abs(height - points[1]) <= 1


def test_printing_uses_the_same_pages_and_honours_a_page_range(handout, qapp, tmp_path):
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter

    from hipmap.ui.handout.output import print_handout, write_pdf

    pdf_count = write_pdf(handout, tmp_path / "file.pdf")
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.A4))
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_handout(handout, printer) == pdf_count
    printed = qt_pages_text(tmp_path / "printed.pdf")
    assert len(printed) == pdf_count
    assert atlas_name(handout, 0) in flat(" ".join(printed))

    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setPrintRange(QPrinter.PageRange)
    printer.setFromTo(2, 2)
    assert print_handout(handout, printer) == pdf_count
    only = qt_pages_text(tmp_path / "range.pdf")
    assert len(only) == 1 and f"page 2 of {pdf_count}" in flat(only[0])


def test_the_print_dialog_offers_the_handouts_pages_and_cancel_prints_nothing(handout, qapp, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    from hipmap.ui.handout.output import print_with_dialog

    seen = {}

    def cancel(dialog):
        seen["range"] = (dialog.minPage(), dialog.maxPage())
        return QPrintDialog.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", cancel)
    assert print_with_dialog(handout) is None
    assert seen["range"][0] == 1 and seen["range"][1] >= 2


def atlas_name(handout, i):
    return handout.muscles[i].muscle.name


# --------------------------------------------------------------------------------------------- failures


@pytest.mark.parametrize(
    "args, words",
    [
        ([], "give --painmap"),
        (["--select", "biceps"], "unknown muscle 'biceps'"),
        (["--region", "elbow"], "unknown region 'elbow'"),
        (["--painmap", "{missing}"], "file not found"),
        (["--painmap", "{corrupt}"], "hipmap handout:"),
        (["--select", "piriformis", "--page-size", "A5"], "invalid choice"),
        (["--select", "piriformis", "--side", "middle"], "invalid choice"),
        (["--painmap", "{empty}"], "no muscle in hipmap explains"),
    ],
)
def test_bad_arguments_exit_2_with_one_line_and_write_nothing(tmp_path, capsys, args, words):
    corrupt = tmp_path / "corrupt.hipmap.json"
    corrupt.write_text("{ this is not json")
    empty = tmp_path / "empty.hipmap.json"
    save(PainMap(), empty)
    paths = {"missing": tmp_path / "nope.hipmap.json", "corrupt": corrupt, "empty": empty}
    out = tmp_path / "out.pdf"
    rc = main(["handout", str(out), *[a.format(**paths) for a in args]])
    err = capsys.readouterr().err
    assert rc == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in err
    assert not out.exists()


def test_missing_output_folder_exits_2(tmp_path, capsys):
    rc = main(["handout", str(tmp_path / "no" / "such" / "out.pdf"), "--select", "piriformis"])
    err = capsys.readouterr().err
    assert rc == 2 and "does not exist" in err and len(err.strip().splitlines()) == 1


def test_a_failed_export_leaves_no_partial_file(handout, qapp, tmp_path, monkeypatch):
    from hipmap.ui.handout import output as module
    from hipmap.ui.handout.blocks import ExerciseBlock

    out = tmp_path / "handout.pdf"
    out.write_bytes(b"the previous handout")

    def broken(self, painter, ctx, rect):
        raise RuntimeError("the pictogram could not be drawn")

    with monkeypatch.context() as m:  # painting fails half-way through the document
        m.setattr(ExerciseBlock, "paint", broken)
        with pytest.raises(RuntimeError):
            module.write_pdf(handout, out)
    assert out.read_bytes() == b"the previous handout"
    assert sorted(os.listdir(tmp_path)) == ["handout.pdf"]

    def no_rename(src, dst):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as m:  # the disk fails while the file is being put in place
        m.setattr(os, "replace", no_rename)
        with pytest.raises(OSError):
            module.write_pdf(handout, out)
    assert out.read_bytes() == b"the previous handout"
    assert sorted(os.listdir(tmp_path)) == ["handout.pdf"]

    assert module.write_pdf(handout, out) >= 2  # and when nothing fails, it is replaced whole
    assert out.read_bytes().startswith(b"%PDF") and out.read_bytes().rstrip().endswith(b"%%EOF")


def test_build_handout_rejects_what_it_cannot_print(atlas):
    from hipmap.ui.handout.content import HandoutError, build_handout

    with pytest.raises(HandoutError, match="unknown muscle"):
        build_handout(atlas, PainMap(), [("biceps", "right")])
    with pytest.raises(HandoutError, match="side"):
        build_handout(atlas, PainMap(), [("piriformis", "middle")])
    with pytest.raises(HandoutError, match="A4 or Letter"):
        build_handout(atlas, PainMap(), [("piriformis", "right")], page_size="A5")
    with pytest.raises(HandoutError, match="at least one muscle"):
        build_handout(atlas, PainMap(), [])


def test_the_routine_table_times_add_up_and_shared_stretches_appear_once(handout):
    from hipmap.ui.handout.sections import routine_rows

    rows, total = routine_rows(handout)
    assert total == handout.routine.total_seconds()
    seconds = [int(m) * 60 + int(s) for m, s in (row[5].split(":") for row in rows)]
    assert sum(seconds) == total
    stretches = [s.exercise_id for s in handout.routine.steps if s.kind == "stretch"]
    assert len(stretches) == len(set(stretches))  # both muscles list the cross-over stretch; it is done once
    assert [s.kind for s in handout.routine.steps].count("compression") == len(SELECTED)


# --------------------------------------------------------------------------------------------- the muscle itself


def test_each_muscles_legend_names_its_shape_deep_or_on_top(atlas, qapp, tmp_path):
    from hipmap.ui.handout.content import build_handout
    from hipmap.ui.handout.figures import LEGEND_MUSCLE, LEGEND_MUSCLE_DEEP, FiguresBlock
    from hipmap.ui.handout.output import write_pdf
    from hipmap.ui.handout.sections import handout_blocks

    made = build_handout(atlas, PainMap(), [("gluteus_maximus", "right"), ("piriformis", "right")])
    legends = {b.name: b.legend.items for b in handout_blocks(made) if isinstance(b, FiguresBlock) and b.name.startswith("muscle:")}
    assert legends["muscle:gluteus_maximus:right"][0] == LEGEND_MUSCLE and LEGEND_MUSCLE_DEEP not in legends["muscle:gluteus_maximus:right"]
    assert legends["muscle:piriformis:right"][0] == LEGEND_MUSCLE_DEEP and LEGEND_MUSCLE not in legends["muscle:piriformis:right"]
    out = tmp_path / "muscles.pdf"
    write_pdf(made, out)
    text = flat(" ".join(qt_pages_text(out)))
    assert "where the muscle lies" in text and "the muscle lies deep, under the muscles outlined faintly over it" in text


def test_the_muscles_edge_is_drawn_over_its_zones(atlas, qapp):
    """The zones' fill and hatching would veil the muscle: its outline is drawn again above them."""
    from PySide6.QtGui import QImage, QPainter

    from hipmap.ui.handout.content import build_handout
    from hipmap.ui.handout.figures import DiagramRow, Figure
    from hipmap.ui.handout.page_context import PageContext

    made = build_handout(atlas, PainMap(), [("gluteus_minimus_posterior", "right")])
    entry = made.muscles[0]
    assert not entry.muscle.zone("essential", "right", "posterior").is_empty

    class Recording(QPainter):
        def __init__(self, device):
            super().__init__(device)
            self.drawn = []

        def drawPath(self, path):  # noqa: N802 - Qt's name
            self.drawn.append((path.boundingRect().getRect(), self.pen().style(), self.brush().style()))
            super().drawPath(path)

    image = QImage(800, 1000, QImage.Format_ARGB32)
    painter = Recording(image)
    ctx = PageContext(image, made)
    DiagramRow([Figure("posterior", "", (entry,), zones=entry)]).paint(painter, ctx, QRectF(0, 0, 800, 1000))
    painter.end()
    from hipmap.ui.kit.shapes import painter_path

    outline = painter_path(atlas.anatomy["gluteus_minimus_posterior"].shape("right", "posterior")).boundingRect().getRect()
    essential = painter_path(entry.muscle.zone("essential", "right", "posterior")).boundingRect().getRect()
    from PySide6.QtCore import Qt

    muscle_at = [i for i, (rect, _pen, _brush) in enumerate(painter.drawn) if rect == outline]
    zone_at = [i for i, (rect, _pen, _brush) in enumerate(painter.drawn) if rect == essential]
    assert len(muscle_at) == 2 and zone_at  # the shape with its fill, then its edge alone
    assert muscle_at[0] < min(zone_at) <= max(zone_at) < muscle_at[1]
    assert painter.drawn[muscle_at[1]][1] == Qt.DashLine and painter.drawn[muscle_at[1]][2] == Qt.NoBrush  # deep: dashed


def test_close_trigger_points_are_drawn_apart_in_a_handout_figure(atlas, qapp, monkeypatch):
    """The three X's of gluteus minimus sit close together: a printed figure draws each one whole, apart from the
    others (spread_marks), each still within about one X's width of its true place, instead of piling them into
    a blot."""
    from PySide6.QtCore import QLineF, QPointF
    from PySide6.QtGui import QImage, QPainter

    from hipmap.ui.handout import figures
    from hipmap.ui.handout.content import build_handout
    from hipmap.ui.handout.figures import CROSS_ARM, CROSS_HALO, INK, DiagramRow, Figure
    from hipmap.ui.handout.page_context import PageContext

    class Recording(QPainter):
        def __init__(self, device):
            super().__init__(device)
            self.ink = []

        def drawLine(self, *args):  # noqa: N802 - Qt's name
            if len(args) == 2 and isinstance(args[0], QPointF) and self.pen().color() == INK:
                self.ink.append(QLineF(args[0], args[1]))
            super().drawLine(*args)

    def drawn_crosses(made, view_id):
        """The rectangle each X is drawn in, in drawing order (one per trigger point)."""
        image = QImage(600, 800, QImage.Format_ARGB32)
        painter = Recording(image)
        ctx = PageContext(image, made)
        entry = made.muscles[0]
        DiagramRow([Figure(view_id, "", (entry,), zones=entry)]).paint(painter, ctx, QRectF(0, 0, 150, 260))  # a printed figure's size
        painter.end()
        lines = painter.ink
        return [QRectF(lines[i].p1(), lines[i].p2()).normalized() for i in range(0, len(lines), 2)], ctx

    for muscle_id, view_id in (("gluteus_minimus_posterior", "posterior"),):  # its three X's, on the back view
        made = build_handout(atlas, PainMap(), [(muscle_id, "right")])
        count = len(made.muscles[0].muscle.points_on(view_id, "right"))
        assert count == 3, (muscle_id, view_id, count)
        drawn, ctx = drawn_crosses(made, view_id)
        arm = ctx.pt(CROSS_ARM)
        assert len(drawn) == count and all(abs(r.width() - 2 * arm) < 0.01 and abs(r.height() - 2 * arm) < 0.01 for r in drawn)
        with monkeypatch.context() as m:  # where they truly are, they would pile up
            m.setattr(figures, "spread_marks", lambda points, half, reach, rounds=60: list(points))
            piled, _ctx = drawn_crosses(made, view_id)
        assert any(a.intersects(b) for a, b in itertools.combinations(piled, 2)), muscle_id
        overlapping = [(a.getRect(), b.getRect()) for a, b in itertools.combinations(drawn, 2) if a.intersects(b)]
        assert overlapping == [], (muscle_id, overlapping)
        half = ctx.pt(CROSS_ARM + CROSS_HALO / 2 + 0.3)
        for true, moved in zip(piled, drawn):
            offset = moved.center() - true.center()
            assert (offset.x() ** 2 + offset.y() ** 2) ** 0.5 <= 2 * half + 0.01, (muscle_id, offset)
