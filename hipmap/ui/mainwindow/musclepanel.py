"""Details of the selected muscle: what it is, where its trigger points are, how its pain feels, when to see
a clinician.

Every piece of atlas text is escaped before it goes into rich text; colours come from the palette and the
page is rebuilt when the palette changes, so it reads the same in light and dark themes.
"""

from __future__ import annotations

import dataclasses
import functools
import html

from PySide6.QtCore import QEvent, QSizeF, Qt, QUrl, Signal
from PySide6.QtGui import QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QStackedWidget, QStyle, QTextBrowser, QVBoxLayout, QWidget

from ...core.content.model import Atlas, Fact, Muscle
from ...core.pain.matching import Candidate
from ..kit import style
from ..kit.i18n import QT_TRANSLATE_NOOP, current_language, side_phrase, translate

PLACEHOLDER = QT_TRANSLATE_NOOP("musclepanel", "Select a muscle in the list, or find any muscle with View > Muscles (F3), to see where its trigger points are and what it does.")
SAFETY_HEADING = QT_TRANSLATE_NOOP("musclepanel", "See a clinician instead if you have:")
MUSCLE_SAFETY_HEADING = QT_TRANSLATE_NOOP("musclepanel", "With this muscle's pain, see a clinician instead if you have:")
DEPTH_WORDS = {"deep": QT_TRANSLATE_NOOP("musclepanel", "deep in the muscle"), "superficial": QT_TRANSLATE_NOOP("musclepanel", "close to the surface")}
POINT_SCHEME = "trigger-point"

_e = html.escape


def _facts(facts: tuple[Fact, ...]) -> str:
    return "<ul>" + "".join(f"<li>{_e(f.text)}</li>" for f in facts) + "</ul>"


@functools.lru_cache(maxsize=256)
def _file_uri(path) -> str:
    return path.resolve().as_uri()  # a file system call: once per pictogram, not on every page


def _exercise_html(exercise, dose: str, where: str = "", pressure: str = "") -> str:
    """One exercise: pictogram, name, the dose in numbers, the steps (at the muscle's PRESSURE), and what it should
    and should not feel like."""
    picture = _file_uri(exercise.pictogram) if exercise.pictogram else ""
    img = f"<img src='{picture}' width='96' height='96' style='float: right'>" if picture else ""
    steps = "".join(f"<li>{_e(step)}</li>" for step in exercise.steps_at(pressure))
    parts = [f"<table width='100%'><tr><td valign='top'><p><b>{_e(exercise.name)}</b><br>{_e(dose)}</p>"]
    if where:
        parts.append(translate("musclepanel", "<p><b>Where:</b> {e}</p>").format(e=_e(where)))
    parts.append(f"<ol>{steps}</ol>")
    if exercise.feel:
        parts.append(translate("musclepanel", "<p><b>It should feel:</b> {e}</p>").format(e=_e(exercise.feel)))
    if exercise.avoid:
        parts.append(translate("musclepanel", "<p><b>Avoid:</b> {e}</p>").format(e=_e(exercise.avoid)))
    if exercise.cautions:
        parts.append(translate("musclepanel", "<p><b>Take care:</b></p><ul>") + "".join(f"<li>{_e(c)}</li>" for c in exercise.cautions) + "</ul>")
    parts.append(f"</td><td valign='top' width='104'>{img}</td></tr></table>")
    return "".join(parts)


def _self_care_html(atlas: Atlas, muscle: Muscle, quiet: str) -> str:
    care = getattr(muscle, "self_care", None)
    exercises = getattr(atlas, "exercises", {}) or {}
    if care is None:
        return ""
    parts = [translate("musclepanel", "<h3>What you can do</h3>")]
    press = exercises.get(care.compression.exercise) if care.compression is not None else None
    if press is not None:
        c = care.compression
        dose = translate("musclepanel", "Pressure {pressure} out of 10 · hold {hold} s · {reps} times").format(pressure=c.pressure, hold=c.hold_s, reps=c.reps)
        dose += translate("musclepanel", " · each side") if press.per_side else ""
        parts.append(_exercise_html(press, dose, c.where, c.pressure))
    if care.instead is not None:  # no ball can reach this muscle: why, who treats it, and what is safe at home
        parts.append(translate("musclepanel", "<h3>No ball for this muscle</h3>") + f"<p>{_e(care.instead.text)}</p>")
        if care.instead.at_home:
            parts.append(translate("musclepanel", "<p><b>What is safe at home:</b></p>") + _facts(care.instead.at_home))
    stretches = [exercises[s] for s in care.stretches if s in exercises]
    if press is None and not stretches:
        parts.append(
            translate("musclepanel", "<p style='color:{quiet}'>hipmap has no timed routine for this muscle: there is neither a ball hold nor a stretch to play.</p>").format(quiet=quiet)
        )
    if stretches:
        parts.append(translate("musclepanel", "<h3>Stretches</h3>"))
        for stretch in stretches:
            dose = translate("musclepanel", "Hold {hold} s · {reps} times").format(hold=stretch.hold_s, reps=stretch.reps)
            dose += translate("musclepanel", " · each side") if stretch.per_side else ""
            parts.append(_exercise_html(stretch, dose))
    else:
        parts.append(
            translate("musclepanel", "<p style='color:{quiet}'>Our sources give no stretch for this muscle, so hipmap suggests none; a physiotherapist can show you one that suits you.</p>").format(quiet=quiet)
        )
    if care.habits:
        parts.append(translate("musclepanel", "<h3>Habits that help</h3>") + _facts(care.habits))
    if care.cautions:
        parts.append(translate("musclepanel", "<h3>Take care</h3>") + _facts(care.cautions))
    return "".join(parts)


def _warning_box(heading: str, items_html: str, palette: QPalette, margin_top: int) -> str:
    """A heading and a list of signs in the warning colours: "see a clinician instead"."""
    return (
        f"<table width='100%' cellspacing='0' cellpadding='10' border='1'"
        f" style='margin-top:{margin_top}px; border-color:{style.warning_edge(palette).name()}; border-style:solid;"
        f" border-collapse:collapse'><tr><td bgcolor='{style.warning_background(palette).name()}'>"
        f"<p class='safety'><b>{_e(heading)}</b></p><ul>{items_html}</ul></td></tr></table>"
    )


def _meta_text(side: str | None, candidate: Candidate | None) -> str:
    """The line under the name: the side and the match percentage."""
    meta = [side_phrase(side)] if side else []
    if candidate is not None:
        if candidate.explained + candidate.spillover <= 0:  # listed for a trigger point under the pain, not its zones
            meta.append(translate("musclepanel", "listed for a trigger point only"))
        else:
            meta.append(translate("musclepanel", "match {round}%").format(round=round(100 * candidate.score)))
    return " · ".join(meta)


def _blank(candidate: Candidate | None) -> Candidate | None:
    """The candidate with its figures and words emptied: the page around them, for comparing two pages."""
    if candidate is None:
        return None
    return dataclasses.replace(candidate, score=0.0, reasons=("",) * len(candidate.reasons))


def muscle_html(
    atlas: Atlas, muscle: Muscle, side: str | None, candidate: Candidate | None, palette: QPalette, point_links: bool = False,
    safety_signs=(), note: str = "", picture: tuple[str, str, int, int] | None = None,
) -> str:
    """The page for one muscle, as Qt rich text; NOTE, a line under the side (why a muscle is shown). picture:
    (image url, its words, width, height) of the muscle's picture, shown under the opening line."""
    quiet = style.secondary_text(palette).name()
    accent = style.accent(palette).name()
    shown_side = "right" if side in (None, "both") else side  # both sides have the same points, mirrored; the notes read the same
    parts = [f"<h2>{_e(muscle.name)}</h2>"]
    meta = _meta_text(side, candidate)
    if meta:
        parts.append(f"<p class='meta' style='color:{quiet}'>{_e(meta)}</p>")
    if note:
        parts.append(f"<p class='note'><i>{_e(note)}</i></p>")
    parts.append(f"<p class='lead'>{_e(muscle.short)}</p>")
    if picture is not None:
        url, words, width, height = picture
        parts.append(f"<p class='picture'><img src='{_e(url)}' width='{width}' height='{height}' alt='{_e(words)}' title='{_e(words)}'></p>")
        parts.append(f"<p class='caption' style='color:{quiet}'><small>{_e(words)}</small></p>")
    if muscle.see_a_clinician:  # this muscle's own signs that need a clinician: before anything else it says
        signs = "".join(f"<li><b>{_e(f.text)}</b></li>" for f in muscle.see_a_clinician)
        parts.append(_warning_box(translate("musclepanel", MUSCLE_SAFETY_HEADING), signs, palette, 8))

    if candidate is not None and candidate.reasons:
        parts.append(translate("musclepanel", "<h3>Why it is suggested</h3>"))
        parts.append("<ul>" + "".join(f"<li>{_e(r)}</li>" for r in candidate.reasons) + "</ul>")

    parts.append(translate("musclepanel", "<h3>About this muscle</h3><p>{e}</p>").format(e=_e(muscle.description)))

    points = [(i, p) for i, p in enumerate(muscle.trigger_points) if p.side == shown_side]
    if points:
        parts.append(translate("musclepanel", "<h3>Where its trigger points are</h3>"))
        parts.append(
            translate("musclepanel", "<p>Trigger points are small, tender spots in a muscle that can send pain elsewhere. On the diagrams they are shown as <b>X</b> marks.</p>")
        )
        items = []
        for i, p in points:
            view = atlas.views[p.view].title if p.view in atlas.views else p.view
            detail = translate("musclepanel", "{capitalize} · {view} view").format(capitalize=translate("musclepanel", DEPTH_WORDS.get(p.depth, p.depth)).capitalize(), view=view)
            # The document takes link colours from the application palette, not the widget's: set it here.
            link = ""
            if point_links:
                link = translate("musclepanel", " &nbsp;<a href='{POINT_SCHEME}:{i}' style='color:{accent}'>Show on diagram</a>").format(POINT_SCHEME=POINT_SCHEME, i=i, accent=accent)
            items.append(f"<li>{_e(p.note)}<br><span style='color:{quiet}'>{_e(detail)}</span>{link}</li>")
        parts.append("<ul>" + "".join(items) + "</ul>")

    parts.append(_self_care_html(atlas, muscle, quiet))

    if muscle.symptoms:
        parts.append(translate("musclepanel", "<h3>How its pain feels</h3>") + _facts(muscle.symptoms))
    if muscle.activators:
        parts.append(translate("musclepanel", "<h3>What can set it off</h3>") + _facts(muscle.activators))

    # The signs come from data/red_flags.yaml; without them, point to the full check rather than say nothing.
    signs = safety_signs or ((translate("musclepanel", "Use Help > Check for Warning Signs before self-care."), False),)
    safety = "".join(f"<li>{'<b>' + _e(t) + '</b>' if urgent else _e(t)}</li>" for t, urgent in signs)
    parts.append(_warning_box(translate("musclepanel", SAFETY_HEADING), safety, palette, 18))

    titles = [atlas.sources[k].title for k in muscle.source_keys(atlas.exercises) if k in atlas.sources]
    if titles:
        parts.append(translate("musclepanel", "<p class='sources' style='color:{quiet}'><small>Sources: {e}.</small></p>").format(quiet=quiet, e=_e('; '.join(titles))))
    return "".join(parts)


STYLESHEET = """
h2 { margin-top: 0px; margin-bottom: 2px; }
h3 { margin-top: 16px; margin-bottom: 4px; }
p { margin-top: 0px; margin-bottom: 6px; }
p.lead { margin-top: 6px; }
ul { margin-top: 0px; margin-bottom: 4px; margin-left: 0px; -qt-list-indent: 1; }
li { margin-bottom: 4px; }
p.safety { margin-bottom: 6px; }
p.sources { margin-top: 14px; }
p.picture { margin-top: 8px; margin-bottom: 2px; }
p.caption { margin-bottom: 8px; }
"""
PICTURE_SCHEME = "hipmap-picture"
# Pages shown before, kept to show again without parsing them anew (about 1 ms a page): every muscle on both sides
# and then some. Put away, a page keeps no layout: about 75 kB (its picture is the one the picture cache keeps).
DOCUMENTS_KEPT = 64
# Pages made ahead (prepare: parsed, not laid out, about 0.3 MB each with their pictures), for the candidates at
# the top of the list. (A page shown keeps the lines it was laid out in until it is put away.)
PARSED_KEPT = 8
PICTURE_SIZE = (260, 200)


def _put_away(doc: QTextDocument) -> None:
    """A page no longer shown, kept to show again, stops being laid out: Qt lays out a long page in steps every
    10 ms until its end (the part on screen first), and would go on with a page put away mid-way, in the turns
    where the next muscle's page is shown; and the browser lays a page out anew when it shows it again anyway.
    Without a page size it is not laid out (and frees the lines it was laid out in); without its layout (made again
    when it is shown) its steps stop. Shown again, it is laid out once, as a page made ahead is."""
    doc.setPageSize(QSizeF(0, 0))
    doc.setDocumentLayout(None)


class _Browser(QTextBrowser):
    """The panel's text, which also finds the muscle's picture (made in memory, never a file)."""

    def __init__(self):
        super().__init__()
        self.pictures: dict = {}  # url -> QImage

    def loadResource(self, kind, url):
        if url.scheme() == PICTURE_SCHEME:
            return self.pictures.get(url.toString())
        return super().loadResource(kind, url)


class MusclePanel(QWidget):
    """Shows one muscle and side; ``show_muscle(atlas, None, None, None)`` returns to the placeholder."""

    triggerPointActivated = Signal(int)  # index into Muscle.trigger_points; only with point_links=True

    def __init__(self, parent=None, point_links: bool = False):
        super().__init__(parent)
        self.point_links = point_links
        self._shown: tuple | None = None  # (atlas, muscle, side, candidate)
        self._page: str | None = None  # the rich text last put in the browser...
        self._figures: tuple | None = None  # ...what it was made from (muscle_html's arguments)...
        self._skeleton: str | None = None  # ...and the same page with the candidate's figures and words left out
        # Pages made before, ready to show again: setHtml (parsing the page and laying it out from nothing) was most
        # of the time a selection took. The page's HTML by what it is made of, and its document by its skeleton
        # (the page without the candidate's figures) and the font: [document, the page it shows, its candidate].
        self._html_cache: dict = {}
        self._documents: dict = {}
        self._parsed: dict = {}  # the same for pages made ahead, not yet shown (PARSED_KEPT)
        self._empty = QTextDocument(self)
        self._retired: list = []
        self.safety_signs: tuple = ()
        self.note = ""
        self.setAccessibleName(translate("musclepanel", "Muscle details"))

        self.placeholder = QLabel(translate("musclepanel", PLACEHOLDER))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignCenter)
        self.placeholder.setMargin(24)
        self.placeholder.setFont(style.scaled_font(self.font(), 1.05))
        # In a short panel (a small screen at large text) the words scroll instead of being cut top and bottom.
        self.placeholder_area = QScrollArea()
        self.placeholder_area.setWidget(self.placeholder)
        self.placeholder_area.setWidgetResizable(True)
        self.placeholder_area.setFrameShape(QFrame.NoFrame)
        self.placeholder_area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.placeholder_area.setFocusPolicy(Qt.NoFocus)
        self.placeholder_area.viewport().setAutoFillBackground(False)
        self.placeholder.setAutoFillBackground(False)

        # QTextBrowser is itself a scroll area, and gives selectable, screen-reader-readable text.
        self.browser = _Browser()
        self.picture = None  # the muscle's picture now shown (hipmap.ui.diagram.picture.Picture), or None
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QFrame.NoFrame)
        # Never narrower than the muscle's picture and the page's margins: a narrower panel scrolled sideways.
        scrollbar = self.browser.style().pixelMetric(QStyle.PM_ScrollBarExtent)
        self.browser.setMinimumWidth(PICTURE_SIZE[0] + 2 * 14 + scrollbar + 8)  # 14: the document margin
        self.browser.setAccessibleName(translate("musclepanel", "Muscle details"))
        self.setFocusProxy(self.browser)  # Tab into the panel lands on the text, which scrolls with the keys
        self.browser.document().setDefaultStyleSheet(STYLESHEET)
        self.browser.document().setDocumentMargin(14)
        self._own = self.browser.document()  # the browser's first document: pages made while it is hidden go there
        self._own.setParent(self.browser)  # (setDocument deletes a document of the browser's text control)
        self.browser.anchorClicked.connect(self._on_anchor)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder_area)
        self.stack.addWidget(self.browser)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._apply_palette()

    def show_muscle(
        self, atlas: Atlas | None, muscle_id: str | None, side: str | None, candidate: Candidate | None = None, note: str = ""
    ) -> None:
        """NOTE: a line under the side, saying why the muscle is shown (chosen in the browser, not matched)."""
        muscle = atlas.muscles.get(muscle_id) if atlas is not None and muscle_id else None
        self._shown = None if muscle is None else (atlas, muscle, side or None, candidate)
        self.note = note if muscle is not None else ""
        self._render()

    def show_data(self, atlas: Atlas, muscle: Muscle, side: str | None, candidate: Candidate | None = None) -> None:
        """Show a Muscle object directly (for edited or preview data not in the atlas)."""
        self._shown = (atlas, muscle, side or None, candidate)
        self.note = ""
        self._render()

    def set_safety_signs(self, signs) -> None:
        """(text, urgent) pairs for "See a clinician instead if you have:" (data/red_flags.yaml)."""
        self.safety_signs = tuple(signs)
        self._render(keep_scroll=True)

    def clear(self) -> None:
        self.show_muscle(None, None, None, None)

    def current(self) -> tuple[str, str | None] | None:
        return (self._shown[1].id, self._shown[2]) if self._shown else None

    def plain_text(self) -> str:
        """What the panel shows, as plain text."""
        return self.browser.toPlainText() if self._shown else self.placeholder.text()

    def _render(self, keep_scroll: bool = False) -> None:
        if self._shown is None:
            self._page = self._figures = None
            self.browser.setDocument(self._empty)  # (clear() would empty a page kept to show again)
            self.stack.setCurrentWidget(self.placeholder_area)
            self.setAccessibleDescription(translate("musclepanel", PLACEHOLDER))
            return
        atlas, muscle, side, candidate = self._shown
        bar = self.browser.verticalScrollBar()
        top = bar.value() if keep_scroll else 0
        figures = (atlas, muscle, side, candidate, self.palette(), self.point_links, self.safety_signs, self.note, self._picture(atlas, muscle, side))
        page = self._html(figures)
        if page != self._page or self.stack.currentWidget() is not self.browser:
            self.stack.setCurrentWidget(self.browser)  # first: the page is laid out at the width it is shown at
            skeleton = self._html((*figures[:3], _blank(candidate), *figures[4:]))
            self._show_page(page, skeleton, figures)
            self._page, self._skeleton, self._figures = page, skeleton, figures
        bar.setValue(top)
        self.setAccessibleDescription(f"{muscle.name}, {side_phrase(side).lower()}" if side else muscle.name)

    def _html(self, figures: tuple) -> str:
        """muscle_html(*figures), made once per muscle, side, candidate's figures, colours, language and the rest."""
        atlas, muscle, side, candidate, palette, *rest = figures
        key = (id(atlas), id(muscle), side, candidate, palette.cacheKey(), *rest, current_language())
        found = self._html_cache.get(key)
        if found is None:
            if len(self._html_cache) > 64:
                self._html_cache.clear()
            # the atlas and muscle are kept with the page, so their ids in the key stay theirs
            found = self._html_cache[key] = (muscle_html(*figures), atlas, muscle)
        return found[0]

    def _show_page(self, page: str, skeleton: str, figures: tuple) -> None:
        """Put PAGE in the browser: the document already made for it when there is one, that same document with
        the candidate's new figures put in place when only they changed, else a new document."""
        if not self.browser.isVisible():
            # Hidden, the browser has no width to lay a page out at: the page goes in its own document, as ever,
            # laid out again once shown; it is not kept.
            shown = self.browser.document()
            if shown is not self._own:
                self.browser.setDocument(self._own)
                if self._is_kept(shown):
                    _put_away(shown)
            self.browser.setHtml(page)
            return
        key = (skeleton, self.browser.font().key())
        shown = self.browser.document()
        found = self._documents.pop(key, None) or self._parsed.pop(key, None)
        if found is not None:
            doc, shown_page, shown_candidate = found
            if shown_page != page and not self._update_figures(doc, shown_candidate, figures[3], figures[2]):
                self._drop(doc)
                found = None
        if found is None:
            doc = self._new_document(page)
        if len(self._documents) >= DOCUMENTS_KEPT:  # the oldest goes
            self._drop(self._documents.pop(next(iter(self._documents)))[0])
        self._documents[key] = [doc, page, figures[3]]  # (re-inserted: the newest last)
        if self.browser.document() is not doc and doc.pageSize().isNull():
            self.browser.setDocument(doc)  # made ahead: laid out once, at the width the browser gives it
        elif self.browser.document() is not doc:
            # Laid out at the width it is shown at (it may have been laid out at another, the browser narrower or
            # hidden then): a page laid out wider than the browser would leave it a horizontal scroll bar.
            width = self.browser.viewport().width()
            if doc.textWidth() != width:
                doc.setTextWidth(width)
            self.browser.setDocument(doc)
        if shown is not doc and self._is_kept(shown):
            _put_away(shown)

    def _is_kept(self, doc: QTextDocument) -> bool:
        """DOC is one of the pages kept to show again (not the browser's own, nor one being dropped)."""
        return any(kept[0] is doc for kept in self._documents.values())

    def _new_document(self, page: str) -> QTextDocument:
        """A new document for PAGE, filled before the browser shows it: then Qt lays out the part on screen at once
        and the rest in small steps afterwards (a page put into the browser's own document is laid out whole,
        there and then: most of the time a selection took)."""
        doc = self._parse(page)
        self.browser.setDocument(doc)
        for old in self._retired:
            old.deleteLater()
        self._retired.clear()
        return doc

    def _parse(self, page: str) -> QTextDocument:
        """PAGE in a new document, not laid out (see _new_document)."""
        doc = QTextDocument(self.browser)  # the browser's own child: setDocument never deletes it
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(self.browser.font())
        doc.setDefaultStyleSheet(STYLESHEET)
        doc.setDocumentMargin(14)
        # No page size yet: the browser gives it its width as it takes it, and lays it out then, once. (A document
        # given a width lays itself out when its layout is made, which setDocument does, and is laid out again at
        # once by the browser: twice the work, the first thrown away. Left at -1, its default, the first layout is
        # as wide as the lines, and the browser would keep a horizontal scroll bar.)
        doc.setPageSize(QSizeF(0, 0))
        doc.setHtml(page)
        return doc

    def prepare(self, atlas: Atlas, muscle_id: str, side: str | None, candidate: Candidate | None = None, note: str = "") -> bool:
        """Make ahead, in idle time, the page of a muscle likely to be chosen next (a candidate at the top of the
        list): its picture, its rich text and its document, parsed but not laid out, kept with the pages put away.
        Chosen, it is only laid out as it is shown. True if there was anything to make (False: made before, or
        the panel is hidden and has no width to make it for)."""
        muscle = atlas.muscles.get(muscle_id) if atlas is not None and muscle_id else None
        if muscle is None or not self.browser.isVisible():
            return False
        side = side or None
        picture = self._picture(atlas, muscle, side, shown=False)
        figures = (atlas, muscle, side, candidate, self.palette(), self.point_links, self.safety_signs, note, picture)
        page = self._html(figures)
        key = (self._html((*figures[:3], _blank(candidate), *figures[4:])), self.browser.font().key())
        if key in self._documents or key in self._parsed:
            return False
        doc = self._parse(page)
        if picture is not None:  # (the browser keeps only the last few pictures: the page keeps its own)
            doc.addResource(QTextDocument.ImageResource, QUrl(picture[0]), self.browser.pictures[picture[0]])
        if len(self._parsed) >= PARSED_KEPT:  # the oldest goes
            self._drop(self._parsed.pop(next(iter(self._parsed)))[0])
        self._parsed[key] = [doc, page, candidate]
        return True

    def _drop(self, doc: QTextDocument) -> None:
        if self.browser.document() is doc:
            self._retired.append(doc)  # deleted once another is shown
        else:
            doc.deleteLater()

    def changed_font(self) -> None:
        """The documents made in the old font are made again when next shown."""
        for doc, *_ in (*self._documents.values(), *self._parsed.values()):
            self._drop(doc)
        self._documents.clear()
        self._parsed.clear()

    def _picture(self, atlas: Atlas, muscle: Muscle, side: str | None, shown: bool = True):
        """The muscle's picture for the page: (url, words, width, height), or None when it has no shape. SHOWN:
        it is the picture the panel shows now (self.picture)."""
        from ..diagram.picture import muscle_picture

        width, height = PICTURE_SIZE
        ratio = self.devicePixelRatioF() if self.isVisible() else 1.0
        picture = muscle_picture(atlas, muscle.id, side, width, height, self.palette().base().color(), ratio)
        if shown:
            self.picture = picture
        if picture is None or getattr(atlas, "anatomy", None) is None:
            return None
        url = f"{PICTURE_SCHEME}:{muscle.id}/{side or 'right'}/{picture.image.cacheKey()}"
        if url not in self.browser.pictures:
            if len(self.browser.pictures) > 32:
                self.browser.pictures.clear()
            self.browser.pictures[url] = picture.image
        return url, picture.text, width, height

    def _update_figures(self, doc: QTextDocument, before: Candidate | None, after: Candidate | None, side: str | None) -> bool:
        """The same muscle's page made for another candidate of the same skeleton (usually after a new mark) differs
        only in its figures: the match percentage and the reasons. Then put the new words in place of the old, block
        by block, rather than lay out the whole page again. True if done; False: the page needs making again."""
        if before is None or after is None or len(before.reasons) != len(after.reasons):
            return False
        old_meta, new_meta = _meta_text(side, before), _meta_text(side, after)
        texts = []
        block = doc.begin()
        while block.isValid():
            texts.append(block)
            block = block.next()
        words = [b.text() for b in texts]
        n = len(before.reasons)
        start = next((i for i in range(2, len(words) - n + 1) if words[i : i + n] == list(before.reasons)), None)
        if len(words) < 2 or words[1] != old_meta or (n and start is None):
            return False
        changes = [(texts[1], new_meta)] + ([(texts[start + i], r) for i, r in enumerate(after.reasons)] if n else [])
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for block, text in changes:
            if block.text() == text:
                continue
            cursor.setPosition(block.position())
            cursor.setPosition(block.position() + block.length() - 1, QTextCursor.KeepAnchor)
            cursor.insertText(text)  # in the block's own character format
        cursor.endEditBlock()
        doc.clearUndoRedoStacks()
        return True

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == POINT_SCHEME and url.path().isdigit():
            self.triggerPointActivated.emit(int(url.path()))

    def _apply_palette(self) -> None:
        style.set_text_color(self.placeholder, style.secondary_text(self.palette(), on_window=True))

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            self.changed_font()
        if event.type() == QEvent.PaletteChange:
            self._apply_palette()
            if self._shown is not None:
                self._render(keep_scroll=True)  # colours are baked into the page
