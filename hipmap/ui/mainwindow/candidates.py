"""The ranked list of muscles that may explain the marked pain.

``CandidateList`` only shows a core ``MatchResult``: every number and reason comes from the matcher.
Rows are painted by a delegate so the score bar, the percentage and the reasons sit together; one layout
function serves both painting and size hints, so what is measured is exactly what is drawn.
"""

from __future__ import annotations

import html
from collections import OrderedDict

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFontMetrics, QFontMetricsF, QPainter, QPalette, QPen, QStaticText, QTransform
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ...core.pain.matching import Candidate, MatchResult
from ..kit import colors, lru, style
from ..kit.i18n import QT_TRANSLATE_NOOP, current_language, side_name, side_phrase, translate
from ..kit.turns import later
from ..kit.words import WrappedWords, wrapped_text

# Passing the Qt.NoPen / Qt.NoBrush enums straight to QPainter trips a reference-count bug in
# PySide6 6.12 ("deallocating None" after a few hundred paints); objects avoid it.
NO_PEN = QPen(Qt.NoPen)
NO_BRUSH = QBrush(Qt.NoBrush)

CandidateRole = Qt.UserRole + 1
RankRole = Qt.UserRole + 2
ExplainingRole = Qt.UserRole + 3

VISIBLE_REASONS = 2
EMPTY_TEXT = (
    QT_TRANSLATE_NOOP("candidates", "Click or paint where it hurts on the diagram. The muscles whose pain patterns match it will be listed here.")
)
NO_MATCH_HINT = QT_TRANSLATE_NOOP("candidates", "Try marking the place where the pain is strongest, or check that you marked the correct side.")
NOTE_TEXT = QT_TRANSLATE_NOOP("candidates", "These are possibilities to explore, not a diagnosis.")
STAR = "\u2605"
EXPLAINING_LABEL = QT_TRANSLATE_NOOP("candidates", "{star} Part of the explaining set")


def percent(x: float) -> str:
    return f"{round(100 * max(0.0, min(1.0, x)))}%"


def only_trigger_point(c: Candidate) -> bool:
    """Listed only because pain lies over one of its trigger points: its zones explain none of it (score 0)."""
    return c.explained + c.spillover <= 0


def match_label(c: Candidate) -> str:
    """"62% match", or what a 0% candidate is listed for."""
    if only_trigger_point(c):
        return translate("candidates", "trigger point only")
    return translate("candidates", "{percent} match").format(percent=percent(c.score))


def match_phrase(c: Candidate) -> str:
    """"match 62%" (as said in a sentence), or what a 0% candidate is listed for."""
    if only_trigger_point(c):
        return translate("candidates", "trigger point only")
    return translate("candidates", "match {percent}").format(percent=percent(c.score))


def accessible_text(rank: int, c: Candidate) -> str:
    if c.side == "both":  # one pattern spanning both sides
        text = translate("candidates", "{rank}. {name}, both sides, {match}").format(rank=rank, name=c.name, match=match_phrase(c))
    else:
        text = translate("candidates", "{rank}. {name}, {side} side, {match}").format(rank=rank, name=c.name, side=side_name(c.side), match=match_phrase(c))
    return text + (f": {c.reasons[0]}" if c.reasons else "")


def _empty_html(heading: str, *lines: str) -> str:
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines if line)
    return f"<p style='font-size:large'><b>{html.escape(heading)}</b></p>{body}"


class CandidateModel(QStringListModel):
    """Adapts a MatchResult's candidates to a list model; read-only.

    A string list of the names underneath, for one reason: its row count is answered in C++. A list view asks for
    it some hundred times a ranking (every index it makes checks it), and an answer from Python cost each ranking
    ~0.3 ms. Everything else comes from the result."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.result = MatchResult()
        self._explaining: set[tuple[str, str]] = set()

    def set_result(self, result: MatchResult) -> None:
        # (The result first: the string list's reset is when views ask for the new rows.)
        self.result = result
        self._explaining = {c.key for c in result.explaining}
        self.setStringList([c.name for c in result.candidates])

    def flags(self, index):
        # A plain list's (selectable, enabled, no children), not a string list's: its rows are neither edited nor dragged.
        return QAbstractListModel.flags(self, index)

    def candidate(self, row: int) -> Candidate | None:
        return self.result.candidates[row] if 0 <= row < len(self.result.candidates) else None

    def explaining(self, row: int) -> bool:
        """Whether the candidate in ROW belongs to the set that explains most of the pain."""
        return self.result.candidates[row].key in self._explaining

    def row_of(self, key: tuple[str, str] | None) -> int | None:
        if key is None:
            return None
        for row, c in enumerate(self.result.candidates):
            if c.key == key:
                return row
        return None

    def data(self, index, role=Qt.DisplayRole):
        c = self.candidate(index.row()) if index.isValid() else None
        if c is None:
            return None
        rank = index.row() + 1
        if role == Qt.DisplayRole:
            return c.name
        if role == CandidateRole:
            return c
        if role == RankRole:
            return rank
        if role == ExplainingRole:
            return c.key in self._explaining
        if role == Qt.AccessibleTextRole:
            return accessible_text(rank, c)
        if role == Qt.AccessibleDescriptionRole:
            extra = translate("candidates", " Part of the set of muscles that together explain most of your pain.")
            return (" ".join(c.reasons[1:]) + (extra if c.key in self._explaining else "")).strip()
        if role == Qt.ToolTipRole:
            return self._tooltip(rank, c)
        return None

    def _tooltip(self, rank: int, c: Candidate) -> str:
        e = html.escape
        head = translate("candidates", "<b>{rank}. {e}</b> &middot; {e2} &middot; {match}").format(rank=rank, e=e(c.name), e2=e(side_phrase(c.side)), match=e(match_phrase(c)))
        if c.key in self._explaining:
            head += translate("candidates", "<br>{STAR} Part of the set that explains most of your pain").format(STAR=STAR)
        items = "".join(f"<li>{e(r)}</li>" for r in c.reasons)
        return f"<qt>{head}{f'<ul>{items}</ul>' if items else ''}</qt>"


KEPT_LAYOUTS = 400  # rows laid out, kept to show again (a few Qt objects each)
KEPT_BLOCKS = 1000  # wrapped texts kept: names, reasons and "more" lines, which recur from one ranking to the next


KEPT_LINES = 512  # one-line texts kept laid out: ranks, sides, percentages, the marker, the bullet


class _Lines:
    """One-line texts laid out once per font and drawn as QStaticText. QPainter.drawText(rect, flags, text) lays
    its text out again on every call, and a row has half a dozen of them."""

    _kept: OrderedDict = OrderedDict()  # (text, font key) -> (QStaticText, its advance)
    _heights: dict = {}  # font key -> the line's height, fractional (what drawText centres by)

    @classmethod
    def draw(cls, painter: QPainter, rect: QRect, how: int, text: str, font, font_key: str) -> None:
        """As painter.drawText(RECT, flags, TEXT) with the painter's font FONT (whose key is FONT_KEY), HOW being
        LEFT_TOP, CENTRE or RIGHT_MIDDLE: the same pixels."""
        key = (text, font_key)
        found = lru.found(cls._kept, key)
        if found is None:
            static = QStaticText(text)
            static.setTextFormat(Qt.PlainText)
            static.prepare(QTransform(), font)
            # Aligned by its advance, as drawText aligns a line (the static text's own width can be a pixel more).
            found = lru.keep(cls._kept, key, (static, QFontMetricsF(font).horizontalAdvance(text)), KEPT_LINES)
        height = cls._heights.get(font_key)
        if height is None:
            height = cls._heights[font_key] = QFontMetricsF(font).height()
        static, width = found
        room_w, room_h = rect.width(), rect.height()
        if width > room_w or height > room_h:
            painter.drawText(rect, _DRAW_TEXT_FLAGS[how], text)  # cut to its box, as drawText does
            return
        if how == LEFT_TOP:
            painter.drawStaticText(QPointF(rect.x(), rect.y()), static)
        else:
            x = rect.x() + (room_w - width if how == RIGHT_MIDDLE else (room_w - width) / 2)
            painter.drawStaticText(QPointF(x, rect.y() + (room_h - height) / 2), static)


_SELECTED, _MOUSE_OVER, _HAS_FOCUS = QStyle.State_Selected.value, QStyle.State_MouseOver.value, QStyle.State_HasFocus.value

# How a one-line text sits in its box (plain numbers: combining Qt's alignment flags costs microseconds a time).
LEFT_TOP, CENTRE, RIGHT_MIDDLE = 0, 1, 2
_DRAW_TEXT_FLAGS = {LEFT_TOP: int(Qt.AlignLeft | Qt.AlignTop), CENTRE: int(Qt.AlignCenter), RIGHT_MIDDLE: int(Qt.AlignRight | Qt.AlignVCenter)}


class _RowWords:
    """The words every row shares and their widths, in one language and font: the sides, the explaining marker,
    the match labels, "+ n more reasons". Worked out once (each a translation and a measure, for every row laid
    out, on every new ranking)."""

    _made: dict = {}  # (language, the list's font's key) -> _RowWords

    @classmethod
    def of(cls, font_key: str, metrics) -> "_RowWords":
        key = (current_language(), font_key)
        found = cls._made.get(key)
        if found is None:
            if len(cls._made) > 8:
                cls._made.clear()
            found = cls._made[key] = cls(metrics)
        return found

    def __init__(self, metrics):
        fm_name, fm_small, fm_pct = metrics
        self.fm_small, self.fm_pct = fm_small, fm_pct
        self.name_h, self.small_h, self.pct_h = fm_name.height(), fm_small.height(), fm_pct.height()
        self.sep_w = fm_small.horizontalAdvance("   ")
        self.bullet_w = fm_small.horizontalAdvance("\u2022  ")
        marker = str(translate("candidates", EXPLAINING_LABEL).format(star=STAR))
        self.marker = (marker, fm_small.horizontalAdvance(marker) + 1)
        # Room for the widest label, "100% match", whatever the score: the bars of all rows end at one place.
        self.full_w = fm_pct.horizontalAdvance(translate("candidates", "{percent} match").format(percent="100%")) + 2
        self._sides: dict = {}
        self._labels: dict = {}
        self._more: dict = {}

    def side(self, side: str) -> tuple[str, int]:
        found = self._sides.get(side)
        if found is None:
            text = str(side_phrase(side))
            found = self._sides[side] = (text, self.fm_small.horizontalAdvance(text))
        return found

    def match(self, c: Candidate) -> tuple[str, int]:
        """The row's match label and the room kept for it."""
        key = (percent(c.score), only_trigger_point(c))
        found = self._labels.get(key)
        if found is None:
            text = str(match_label(c))
            found = self._labels[key] = (text, self.fm_pct.horizontalAdvance(text) + 2 if key[1] else self.full_w)
        return found

    def more(self, hidden: int) -> str:
        found = self._more.get(hidden)
        if found is None:
            found = self._more[hidden] = str(translate("candidates", "+ %n more reason (see details)", "", hidden) if hidden == 1 else translate("candidates", "+ %n more reasons (see details)", "", hidden))
        return found


class _RowLayout:
    """Where each part of one row goes, for a given width: shared by sizeHint and paint.

    Hundreds are kept (KEPT_LAYOUTS) and replaced as rankings change, each walked by the garbage collector's passes:
    slots, not a dict, and its words as plain str (a translated text carries a record of how it was made)."""

    __slots__ = (
        "name_font", "small_font", "more_font", "pct_font", "font_keys", "badge", "name", "name_static", "side_text", "side",
        "marker", "marker_text", "pct_text", "bar", "pct", "score", "bullet_w", "reasons", "more", "more_text",
        "more_static", "height",
    )  # fmt: skip

    PAD_X, PAD_Y, BADGE, GAP = 12, 10, 26, 10
    BAR_H = 8

    _fonts: dict = {}
    _blocks: OrderedDict = OrderedDict()  # (text, font, width) -> (its height, its laid-out QStaticText)

    @classmethod
    def fonts(cls, font, key: str):
        """Fonts, their keys and metrics derived from the list's font (whose key is KEY), made once per font."""
        found = cls._fonts.get(key)
        if found is None:
            name_font = style.scaled_font(font, 1.05, bold=True)
            small_font = style.scaled_font(font, 0.9)
            more_font = style.scaled_font(font, 0.9, italic=True)
            pct_font = style.scaled_font(font, 1.0, bold=True)
            metrics = (QFontMetrics(name_font), QFontMetrics(small_font), QFontMetrics(pct_font))
            keys = tuple(f.key() for f in (name_font, small_font, more_font, pct_font))
            found = cls._fonts[key] = (name_font, small_font, more_font, pct_font, metrics, keys)
        return found

    def __init__(self, option: QStyleOptionViewItem, c: Candidate, explaining: bool, width: int, font_key: str | None = None):
        list_key = font_key or style.font_key(option.font)
        fonts = self.fonts(option.font, list_key)
        self.name_font, self.small_font, self.more_font, self.pct_font, metrics, self.font_keys = fonts
        name_key, small_key, more_key, _pct_key = self.font_keys
        x = self.PAD_X + self.BADGE + self.GAP
        w = max(60, width - x - self.PAD_X)
        y = self.PAD_Y

        def block(font, font_key: str, text: str, left: int, avail: int) -> tuple[QRect, QStaticText]:
            # Wrapped once, here: painting draws the lines laid out (the same pixels as drawText's word wrap,
            # which would lay the text out again on every paint). The same words at the same width are wrapped
            # once: most of a new ranking's names, reasons and "more" lines were shown before.
            key = (text, font_key, avail)
            found = lru.found(self._blocks, key)
            if found is None:
                found = lru.keep(self._blocks, key, wrapped_text(text, avail, font), KEPT_BLOCKS)
            return QRect(left, y, avail, found[0]), found[1]

        words = _RowWords.of(list_key, metrics)
        self.badge = QRect(self.PAD_X, y + max(0, (words.name_h - self.BADGE) // 2), self.BADGE, self.BADGE)
        self.name, self.name_static = block(self.name_font, name_key, c.name, x, w)
        y = self.name.bottom() + 1 + 3
        # Side, then the explaining marker on the same line when it fits.
        self.side_text, side_w = words.side(c.side)
        self.side = QRect(x, y, side_w + 1, words.small_h)
        self.marker = None
        if explaining:
            self.marker_text, marker_w = words.marker
            if side_w + words.sep_w + marker_w <= w:
                self.marker = QRect(x + side_w + words.sep_w, y, marker_w, words.small_h)
            else:
                y += words.small_h
                self.marker = QRect(x, y, min(w, marker_w), words.small_h)
        y += words.small_h + 6
        self.pct_text, pct_w = words.match(c)
        line_h = max(words.pct_h, self.BAR_H)
        self.bar = QRect(x, y + (line_h - self.BAR_H) // 2, max(20, w - pct_w - 10), self.BAR_H)
        self.pct = QRect(x + w - pct_w, y, pct_w, line_h)
        self.score = c.score
        y += line_h + 6
        self.bullet_w = words.bullet_w
        reasons = []
        for reason in c.reasons[:VISIBLE_REASONS]:
            r, static = block(self.small_font, small_key, reason, x + self.bullet_w, w - self.bullet_w)
            reasons.append((r, static))
            y = r.bottom() + 1 + 3
        self.reasons: tuple[tuple[QRect, QStaticText], ...] = tuple(reasons)
        hidden = len(c.reasons) - VISIBLE_REASONS
        self.more = None
        if hidden > 0:
            self.more_text = words.more(hidden)
            self.more, self.more_static = block(self.more_font, more_key, self.more_text, x + self.bullet_w, w - self.bullet_w)
            y = self.more.bottom() + 1 + 3
        self.height = y - 3 + self.PAD_Y


class CandidateDelegate(QStyledItemDelegate):
    """Paints a row: rank badge, name, side, explaining marker, score bar with percentage, first reasons.

    Laying out a row's text is the costly part of the list, and a new ranking changes the words of most rows. The
    rows in ``exact`` (the ones on screen) are measured at once; the others keep their last height (or a typical
    one) until the view measures them in the event loop's next turns (``CandidateView.measure_rest``)."""

    TYPICAL_HEIGHT = 150  # a row of a name, a side, the bar and two reasons: until the row is measured

    def __init__(self, view: QListView):
        super().__init__(view)
        self.view = view
        self._layouts: OrderedDict = OrderedDict()
        self._by_id: OrderedDict = OrderedDict()  # id(candidate) -> (candidate, explaining, width, font key, layout): no hashing
        self._heights: dict = {}  # (muscle, side) -> its row's height when last measured
        self._look_key = None
        self._look_made: tuple = ()
        self.exact: tuple[int, int] | None = None  # rows outside [first, end) may be estimated; None: none are
        self.estimated = False  # a row's size was estimated since the view last cleared this

    def _width(self, option: QStyleOptionViewItem) -> int:
        # QListView asks for size hints without a row width; rows always span the viewport.
        return self.view.viewport().width() if self.view.viewport().width() > 0 else max(option.rect.width(), 320)

    def layout(self, option, index, width: int | None = None) -> _RowLayout | None:
        c = index.data(CandidateRole)
        if c is None:
            return None
        return self.layout_of(c, bool(index.data(ExplainingRole)), width or self._width(option), option)

    def layout_of(self, c: Candidate, explaining: bool, width: int, option) -> _RowLayout:
        font_key = style.font_key(option.font)
        known = self._by_id.get(id(c))
        if known is not None and known[0] is c and known[1:4] == (explaining, width, font_key):
            return known[4]
        # Text layout is the costly part of a row; the list is rebuilt on every stroke, mostly with the same rows.
        # The key is what the row shows, not the candidate: hashing one works out all its fields.
        key = (c.name, c.side, c.score, only_trigger_point(c), c.reasons, explaining, width, font_key, current_language())
        lay = lru.found(self._layouts, key)
        if lay is None:
            lay = lru.keep(self._layouts, key, _RowLayout(option, c, explaining, width, font_key), KEPT_LAYOUTS)
        lru.keep(self._by_id, id(c), (c, explaining, width, font_key, lay), KEPT_LAYOUTS)
        self._heights[c.key] = lay.height
        return lay

    def plan_sizes(self, first: int, end: int) -> None:
        """Every row's size for the layout about to run, worked out in one go: rows FIRST to END measured, the
        others at the height they had when last measured (or a typical one). The list asks for every row's size on
        every new ranking, each a call from Qt into Python; with the sizes ready each call is one lookup."""
        model = self.view.model()
        opt = QStyleOptionViewItem()
        opt.font = self.view.font()
        width = self._width(opt)
        sizes, made = [], {}
        for row, c in enumerate(model.result.candidates):
            if first <= row < end:
                height = self.layout_of(c, model.explaining(row), width, opt).height
            else:
                self.estimated = True
                height = self._estimated_height(c)
            size = made.get(height)
            if size is None:
                size = made[height] = QSize(width, height)
            sizes.append(size)
        self.planned = sizes

    planned: list | None = None  # the rows' sizes for the layout running now (plan_sizes)

    def _estimated_height(self, c: Candidate) -> int:
        """An unmeasured row's height: the one its candidate's row had when last measured, or a typical one."""
        known = self._by_id.get(id(c))
        return known[4].height if known is not None and known[0] is c else self._heights.get(c.key, self.TYPICAL_HEIGHT)

    def sizeHint(self, option, index) -> QSize:
        row = index.row()
        planned = self.planned
        if planned is not None and row < len(planned):
            return planned[row]
        model = index.model()
        c = model.candidate(row)
        if c is None:
            return super().sizeHint(option, index)
        width = self._width(option)
        if self.exact is not None and not self.exact[0] <= row < self.exact[1]:
            # Off screen: the height it had when last measured (or a typical one), at almost no cost, since the
            # list asks for every row's size on every new ranking.
            self.estimated = True
            return QSize(width, self._estimated_height(c))
        return QSize(width, self.layout_of(c, model.explaining(row), width, option).height)

    def rows_around(self, row: int, height: int) -> tuple[int, int]:
        """The rows that can be on screen while ROW is (it may end up at the top or at the bottom of the list's
        HEIGHT pixels), measured now: (first, end) of them."""
        model = self.view.model()
        opt = QStyleOptionViewItem()
        opt.font = self.view.font()  # (the font the view gives its rows: the same layouts are found again)
        rows = model.rowCount()

        width = self._width(opt)

        def filled(at: int, step: int) -> int:
            room = height
            while 0 <= at < rows and room > 0:
                room -= self.layout_of(model.candidate(at), model.explaining(at), width, opt).height
                at += step
            return at

        return (filled(row - 1, -1) + 1 if row > 0 else 0), filled(row, 1)

    def _look(self, pal: QPalette, font) -> tuple:
        """The colours and the badge's font the rows are painted with, worked out once per palette, look and font
        (each row painted on every new ranking would otherwise blend and copy them again)."""
        key = (pal.cacheKey(), pal.currentColorGroup(), colors.high_contrast(), style.font_key(font))
        if self._look_key != key:
            text, base, highlight = pal.color(QPalette.Text), pal.color(QPalette.Base), pal.color(QPalette.Highlight)
            badge_font = style.scaled_font(font, 0.9, bold=True)
            self._look_key = key
            self._look_made = (
                text, style.secondary_text(pal), style.accent(pal), highlight,
                style.blend(base, highlight, 0.2), style.blend(base, text, 0.06), style.hairline(pal),
                style.blend(base, text, 0.14), style.on_accent(pal), badge_font, badge_font.key(),
            )  # fmt: skip
        return self._look_made

    def paint(self, painter: QPainter, option, index) -> None:
        # (The option as Qt gives it: its font, palette, state and rectangle are all a row needs.)
        rect = option.rect
        model, row = index.model(), index.row()
        c = model.candidate(row)
        if c is None:
            return super().paint(painter, option, index)
        explaining = model.explaining(row)
        lay = self.layout_of(c, explaining, rect.width(), option)
        pal = option.palette
        state = option.state.value  # (plain numbers: Qt's flag types are slow to combine)
        selected = bool(state & _SELECTED)
        hovered = bool(state & _MOUSE_OVER)
        focused = bool(state & _HAS_FOCUS) and self.view.hasFocus()
        text, quiet, accent, highlight, selected_tint, hover_tint, hairline, track_color, on_accent, badge_font, badge_key = self._look(pal, option.font)

        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        painter.translate(rect.topLeft())
        full = QRectF(0, 0, rect.width(), rect.height())
        if selected or hovered:
            tint = selected_tint if selected else hover_tint
            painter.setPen(NO_PEN)
            painter.setBrush(tint)
            painter.drawRoundedRect(full.adjusted(3, 2, -3, -2), 6, 6)
        if selected:
            painter.setBrush(highlight)
            painter.drawRoundedRect(QRectF(3, 6, 4, rect.height() - 12), 2, 2)
        if focused:
            painter.setBrush(NO_BRUSH)
            painter.setPen(highlight)
            painter.drawRoundedRect(full.adjusted(3.5, 2.5, -3.5, -2.5), 6, 6)
        elif row < model.rowCount() - 1 and not selected:
            painter.setPen(hairline)
            painter.drawLine(lay.PAD_X, rect.height() - 1, rect.width() - lay.PAD_X, rect.height() - 1)

        # Rank badge: filled for the explaining set, outlined otherwise (the marker text says the same in words).
        painter.setPen(NO_PEN if explaining else QPen(accent))
        painter.setBrush(accent if explaining else NO_BRUSH)
        painter.drawEllipse(QRectF(lay.badge).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.setFont(badge_font)
        painter.setPen(on_accent if explaining else accent)
        _Lines.draw(painter, lay.badge, CENTRE, str(row + 1), badge_font, badge_key)

        painter.setFont(lay.name_font)
        painter.setPen(text)
        painter.drawStaticText(lay.name.topLeft(), lay.name_static)
        small_key, pct_key = lay.font_keys[1], lay.font_keys[3]
        painter.setFont(lay.small_font)
        _Lines.draw(painter, lay.side, LEFT_TOP, lay.side_text, lay.small_font, small_key)
        if lay.marker is not None:
            painter.setPen(accent)
            _Lines.draw(painter, lay.marker, LEFT_TOP, lay.marker_text, lay.small_font, small_key)

        track = QRectF(lay.bar)
        painter.setPen(NO_PEN)
        painter.setBrush(track_color)
        painter.drawRoundedRect(track, lay.BAR_H / 2, lay.BAR_H / 2)
        filled = track.width() * max(0.0, min(1.0, lay.score))
        if filled > 0:
            painter.setBrush(accent)
            bar = QRectF(track.x(), track.y(), max(filled, lay.BAR_H), track.height())
            painter.drawRoundedRect(bar, lay.BAR_H / 2, lay.BAR_H / 2)
        painter.setFont(lay.pct_font)
        painter.setPen(text)
        _Lines.draw(painter, lay.pct, RIGHT_MIDDLE, lay.pct_text, lay.pct_font, pct_key)

        painter.setFont(lay.small_font)
        painter.setPen(quiet)
        for r, static in lay.reasons:
            bullet = QRect(r.x() - lay.bullet_w, r.y(), lay.bullet_w, r.height())
            _Lines.draw(painter, bullet, LEFT_TOP, "\u2022", lay.small_font, small_key)
            painter.drawStaticText(r.topLeft(), static)
        if lay.more is not None:
            painter.setFont(lay.more_font)
            painter.drawStaticText(lay.more.topLeft(), lay.more_static)
        painter.restore()


class CandidateView(QListView):
    """A list view that reports hover per row and lets the first arrow key select the focused row."""

    hoveredRow = Signal(int)  # -1 when the pointer is over no row

    def __init__(self, parent=None):
        super().__init__(parent)
        self._hover_row = -1
        self.setMouseTracking(True)
        self.viewport().setAttribute(Qt.WA_Hover)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        # The scroll bar stays, so the rows' width never changes with their number: a bar appearing under the
        # first ranking of a map narrowed every row just laid out, and Qt laid them all out again, measuring each.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOn)
        self.setResizeMode(QListView.Adjust)  # re-measure rows when the width changes
        self.setUniformItemSizes(False)
        # The list is rebuilt on every stroke, and only the top rows are on screen: those are measured and painted
        # at once (in the same frame as the mark), the rest in later turns of the event loop (measure_rest). Qt's
        # own batched layout left the first rows unlaid while an earlier batch was still pending: the list was
        # painted empty and its rows came a frame later.
        self.setLayoutMode(QListView.SinglePass)
        self._rest_timer = later(self, self.measure_rest)
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setFrameShape(QFrame.NoFrame)

    REST_BATCH = 8  # rows measured in each later turn of the event loop

    def lay_out_now(self, first: int, end: int) -> None:
        """Lay the rows out at once, measuring rows FIRST to END (the others keep an estimated height), so that
        what is on screen is painted in this frame; the rest are measured in the next turns."""
        delegate = self.itemDelegate()
        delegate.exact = (max(0, first), end)
        delegate.estimated = False
        delegate.plan_sizes(*delegate.exact)
        try:
            self.scheduleDelayedItemsLayout()
            self.executeDelayedItemsLayout()
        finally:
            delegate.planned = None  # (later layouts, after a resize, measure as they go)
        if delegate.estimated:
            self._rest_timer.start()
        else:
            delegate.exact = None

    def measure_rest(self) -> None:
        delegate = self.itemDelegate()
        if delegate.exact is None:
            return
        # Rows measured above the one at the top may be taller or shorter than estimated: the rows on screen stay
        # where they are (the scroll follows), rather than the list jumping under the reader's eyes.
        anchor = self.indexAt(QPoint(1, 1))
        top = self.visualRect(anchor).top() if anchor.isValid() else None
        first, end = delegate.exact
        self.lay_out_now(first - self.REST_BATCH, end + self.REST_BATCH)
        if top is not None:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + self.visualRect(anchor).top() - top)

    _MOVES = {
        Qt.Key_Up: QAbstractItemView.MoveUp, Qt.Key_Down: QAbstractItemView.MoveDown,
        Qt.Key_PageUp: QAbstractItemView.MovePageUp, Qt.Key_PageDown: QAbstractItemView.MovePageDown,
        Qt.Key_Home: QAbstractItemView.MoveHome, Qt.Key_End: QAbstractItemView.MoveEnd,
    }  # fmt: skip

    def keyPressEvent(self, event):
        move = self._MOVES.get(event.key())
        if move is None or event.modifiers() & ~Qt.KeypadModifier:
            super().keyPressEvent(event)
            return
        # Qt gives a focused list a current row without selecting it; the first arrow press selects that row
        # rather than skipping past it. Moving selects the new row by its index: Qt's own key handling selects
        # by the point at the row's centre, which misses a tall row that is still below the viewport (and then
        # clears the selection).
        current = self.currentIndex()
        if move in (QAbstractItemView.MoveUp, QAbstractItemView.MoveDown) and current.isValid() and not self.selectionModel().hasSelection():
            target = current
        elif move in (QAbstractItemView.MoveHome, QAbstractItemView.MoveEnd):  # by row: the layout may be batched
            rows = self.model().rowCount()
            target = self.model().index(0 if move == QAbstractItemView.MoveHome else rows - 1, 0) if rows else current
        else:
            target = self.moveCursor(move, event.modifiers())
        if target.isValid():
            self.selectionModel().setCurrentIndex(target, QItemSelectionModel.ClearAndSelect)
            self.scrollTo(target)
        event.accept()

    def _hover_at(self, pos: QPoint | None) -> None:
        index = self.indexAt(pos) if pos is not None else QModelIndex()
        row = index.row() if index.isValid() else -1
        # Leaving always ends the hover: after reset_hover() (a new result under a resting pointer) the row is
        # already -1 while the list still previews a muscle.
        if row != self._hover_row or pos is None:
            self._hover_row = row
            self.hoveredRow.emit(row)

    def reset_hover(self) -> None:
        self._hover_row = -1

    def mouseMoveEvent(self, event):
        super().mouseMoveEvent(event)
        self._hover_at(event.position().toPoint())

    def viewportEvent(self, event):
        if event.type() == QEvent.Leave:
            self._hover_at(None)
        elif event.type() in (QEvent.HoverMove, QEvent.HoverEnter):
            self._hover_at(event.position().toPoint())
        return super().viewportEvent(event)


class CandidateList(QWidget):
    """Summary, ranked candidates and a standing note that this is not a diagnosis.

    Signals carry (muscle_id, side); ("", "") means none."""

    selected = Signal(str, str)
    hovered = Signal(str, str)
    activated = Signal(str, str)  # Enter or double-click on a row

    def __init__(self, parent=None):
        super().__init__(parent)
        self._current: tuple[str, str] | None = None
        self._hovered: tuple[str, str] | None = None
        self._restoring = False
        self._words_height: dict = {}  # (width, the words shown, font) -> their wrapped height

        self.title = QLabel(translate("candidates", "Muscles that may explain your pain"))
        self.title.setFont(style.scaled_font(self.font(), 1.15, bold=True))
        self.title.setWordWrap(True)
        # New words with every ranking, mostly on the same lines: laid out again only when their lines change.
        self.summary = WrappedWords(name=translate("candidates", "Summary"))
        self.legend = WrappedWords()
        self.legend.setFont(style.scaled_font(self.font(), 0.9))

        self.model = CandidateModel(self)
        self.view = CandidateView()
        self.view.setModel(self.model)
        self.delegate = CandidateDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setAccessibleName(translate("candidates", "Muscles that may explain your pain"))
        self.view.setAccessibleDescription(translate("candidates", "Use the arrow keys to choose a muscle and see its details."))
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.view.activated.connect(self._on_activated)
        self.view.hoveredRow.connect(self._on_hovered_row)

        self.empty = QLabel()
        self.empty.setTextFormat(Qt.RichText)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setMargin(24)
        self.empty.setFont(style.scaled_font(self.font(), 1.05))
        self.empty.setAccessibleName(translate("candidates", "No muscles to show yet"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)

        self.note = QLabel(translate("candidates", NOTE_TEXT))
        self.note.setWordWrap(True)
        self.note.setFont(style.scaled_font(self.font(), 0.9, italic=True))
        self.note.setAccessibleName(translate("candidates", "Note"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.legend)
        layout.addSpacing(2)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.note)
        self.setFocusProxy(self.view)
        self.setMinimumWidth(260)
        self._apply_palette()
        self.set_result(MatchResult())

    def sizeHint(self) -> QSize:
        return QSize(350, 560)

    def minimumSizeHint(self) -> QSize:
        """Room for the words around the list at the width it has (they wrap, so with large text they need more
        height), and a few rows of the list."""
        base = super().minimumSizeHint()
        layout = self.layout()
        margins = layout.contentsMargins()
        width = max(base.width(), self.width()) - margins.left() - margins.right()
        labels = [w for w in (self.title, self.summary, self.legend, self.note) if not w.isHidden()]
        # Asked several times for each new ranking, mostly with the same words: each label's wrapped height is kept
        # (a new ranking changes the summary's and the legend's words, not the title's or the note's).
        words = 0
        for label in labels:
            key = (width, label.text(), style.font_key(label.font()))
            height = self._words_height.get(key)
            if height is None:
                if len(self._words_height) > 64:
                    self._words_height.clear()
                height = self._words_height[key] = label.heightForWidth(width)
            words += height
        height = margins.top() + margins.bottom() + words
        height += self.stack.minimumSizeHint().height() + layout.spacing() * len(labels) + 2
        return QSize(base.width(), max(base.height(), height))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the words wrap differently now: the minimum height follows

    # ------------------------------------------------------------------------------------------- public API

    def set_result(self, result: MatchResult) -> None:
        """Show a new result; the selected muscle and side stay selected if they are still listed."""
        keep = self._current
        # The words above the list first (and the list in place of the words shown while nothing is marked): shown
        # or hidden, they change the list's height, and a list resized after its rows are laid out lays them all
        # out again, measuring each.
        self._update_texts(result)
        self._restoring = True
        try:
            shown = max(0, self.view.indexAt(QPoint(1, 1)).row())  # the list keeps its scroll: rows there show next
            self.model.set_result(result)
            self.view.reset_hover()
            row = self.model.row_of(keep)
            # The rows on screen (around the kept row, or from the top) are measured and laid out now, to be
            # painted with the mark that changed them; the others follow in the next turns of the event loop.
            self.view.lay_out_now(*self.delegate.rows_around(shown if row is None else row, self.view.viewport().height()))
            if row is not None:
                # (Making it current scrolls it into view: the list scrolls to its current row, autoScroll.)
                self.view.selectionModel().setCurrentIndex(self.model.index(row), QItemSelectionModel.ClearAndSelect)
        finally:
            self._restoring = False
        self._set_current(self._selected_key())
        if self._hovered is not None and self.model.row_of(self._hovered) is None:
            self._set_hovered(None)

    def result(self) -> MatchResult:
        return self.model.result

    def select(self, muscle_id: str | None, side: str | None) -> None:
        """Select a listed candidate (emits ``selected`` only if that changes the selection); "" clears."""
        key = (muscle_id, side) if muscle_id and side else None
        if key == self._current:
            return
        row = self.model.row_of(key)
        sm = self.view.selectionModel()
        if row is None:
            sm.clearSelection()
            sm.setCurrentIndex(QModelIndex(), QItemSelectionModel.NoUpdate)
        else:
            index = self.model.index(row)
            sm.setCurrentIndex(index, QItemSelectionModel.ClearAndSelect)
            self.view.scrollTo(index)

    def clear_selection(self) -> None:
        self.select(None, None)

    def current(self) -> tuple[str, str] | None:
        return self._current

    def current_candidate(self) -> Candidate | None:
        return self.model.result.find(*self._current) if self._current else None

    # ------------------------------------------------------------------------------------------- internals

    def _selected_key(self) -> tuple[str, str] | None:
        rows = self.view.selectionModel().selectedRows()
        c = self.model.candidate(rows[0].row()) if rows else None
        return c.key if c else None

    def _set_current(self, key) -> None:
        if key != self._current:
            self._current = key
            self.selected.emit(*(key or ("", "")))

    def _on_selection_changed(self, *_args) -> None:
        if not self._restoring:
            self._set_current(self._selected_key())

    def _on_activated(self, index: QModelIndex) -> None:
        c = self.model.candidate(index.row())
        if c is None:
            return
        if self._current != c.key:
            self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.ClearAndSelect)
        self.activated.emit(*c.key)

    def _set_hovered(self, key) -> None:
        if key != self._hovered:
            self._hovered = key
            self.hovered.emit(*(key or ("", "")))

    def _on_hovered_row(self, row: int) -> None:
        c = self.model.candidate(row)
        self._set_hovered(c.key if c else None)

    def _update_texts(self, result: MatchResult) -> None:
        has_rows = bool(result.candidates)
        self.stack.setCurrentWidget(self.view if has_rows else self.empty)
        if has_rows:
            n = len(result.candidates)
            self.summary.setText(result.summary or (translate("candidates", "%n muscle may be involved.", "", n) if n == 1 else translate("candidates", "%n muscles may be involved.", "", n)))
        shown = (self.summary.isHidden(), self.legend.isHidden())
        layout = self.layout()
        layout.setEnabled(False)  # (each word shown or hidden would lay the column out at once: once, below)
        try:
            self.summary.setVisible(has_rows)
            if result.pain_area > 0 and not has_rows:
                empty = _empty_html(translate("candidates", "No close match"), result.summary, translate("candidates", NO_MATCH_HINT))
            else:
                empty = _empty_html(translate("candidates", "Nothing marked yet"), translate("candidates", EMPTY_TEXT))
            if empty != self.empty.text():  # (a label's new text asks for a new layout even when it is hidden)
                self.empty.setText(empty)
            self.legend.setText(
                translate("candidates", "{STAR} marks the muscles that together explain {percent} of your pain.").format(STAR=STAR, percent=percent(result.explained_share))
            )
            self.legend.setVisible(bool(result.explaining))
        finally:
            layout.setEnabled(True)
        if shown != (self.summary.isHidden(), self.legend.isHidden()):
            layout.activate()  # now: the list takes its height before its rows are laid out
            self.updateGeometry()  # (words on new lines ask for it themselves)

    def _apply_palette(self) -> None:
        pal = self.palette()
        for label in (self.note, self.empty):
            style.set_text_color(label, style.secondary_text(pal, on_window=True))
        style.set_text_color(self.legend, style.accent(pal))

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == QEvent.PaletteChange:
            self._apply_palette()  # child colours are derived from ours
