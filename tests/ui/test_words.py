"""The candidate list's cheap text: words that change with every ranking, and one-line texts drawn from a cache,
look exactly as the Qt widgets and calls they stand in for."""

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from hipmap.ui.kit import style
from hipmap.ui.kit.words import WrappedWords
from hipmap.ui.mainwindow.candidates import CENTRE, LEFT_TOP, RIGHT_MIDDLE, _Lines

from .events import EventCount

TEXTS = [
    "12 muscles may be involved.",
    "\u2605 marks the muscles that together explain 62% of your pain.",
    "\u2605 marca los m\u00fasculos que juntos explican el 62 % de su dolor.",
    "Supercalifragilisticexpialidocious, and then some shorter words.",
]


def _picture(widget, width: int, height: int) -> QImage:
    widget.resize(width, height)
    image = QImage(width, height, QImage.Format_ARGB32)
    image.fill(QColor("white"))
    widget.render(image)
    return image


@pytest.mark.parametrize("scale", [0.9, 1.0, 2.0])
def test_wrapped_words_measure_and_paint_as_a_word_wrapped_label(qtbot, scale):
    for text in TEXTS:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setFont(style.scaled_font(label.font(), scale))
        words = WrappedWords(text)
        words.setFont(label.font())
        assert words.minimumSizeHint() == label.minimumSizeHint(), text
        for width in range(70, 420, 23):
            height = label.heightForWidth(width)
            assert words.heightForWidth(width) == height, (text, width)
            assert _picture(words, width, height) == _picture(label, width, height), (text, width)


def test_new_words_on_the_same_lines_ask_for_no_new_layout(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    words = WrappedWords("12 muscles may be involved.")
    layout = QVBoxLayout(box)
    layout.addWidget(words)
    box.resize(300, 200)
    box.show()
    qtbot.waitExposed(box)
    for _ in range(3):
        qtbot.wait(10)  # (the first layout done)
    requests = EventCount(QEvent.LayoutRequest, box)
    words.setText("13 muscles may be involved.")  # one line, as before
    qtbot.wait(10)
    assert requests.count == 0 and words.text() == "13 muscles may be involved."
    words.setText(" ".join(["Many more words than fit on one line of three hundred pixels."] * 3))
    qtbot.wait(10)
    assert requests.count >= 1  # more lines: the layout gives it more room
    assert words.height() >= words.heightForWidth(words.width()) > 2 * words.fontMetrics().height()


def test_a_named_words_widget_keeps_its_name_and_gives_its_text_as_description(qtbot):
    named = WrappedWords("3 muscles may be involved.", name="Summary")
    plain = WrappedWords("\u2605 marks the muscles")
    assert named.accessibleName() == "Summary" and named.accessibleDescription() == "3 muscles may be involved."
    assert plain.accessibleName() == "\u2605 marks the muscles"


@pytest.mark.parametrize("scale,bold", [(0.9, False), (0.9, True), (1.0, True), (1.05, True), (1.8, True), (2.1, True)])
def test_cached_one_line_texts_draw_the_pixels_of_draw_text(qtbot, scale, bold):
    font = style.scaled_font(QLabel().font(), scale, bold=bold)
    flags_used = {LEFT_TOP: Qt.AlignLeft | Qt.AlignTop, CENTRE: Qt.AlignCenter, RIGHT_MIDDLE: Qt.AlignRight | Qt.AlignVCenter}
    for text in ["1", "7", "44", "right side", "62% match", "trigger point only", "\u2022", "\u2605 Part of the explaining set"]:
        for how, flags in flags_used.items():
            for rect in (QRect(3, 4, 26, 26), QRect(10, 2, 300, 40), QRect(0, 0, 300, 31), QRect(5, 5, 20, 12)):
                pictures = []
                for draw in (lambda p: p.drawText(rect, int(flags), text), lambda p: _Lines.draw(p, rect, how, text, font, font.key())):
                    image = QImage(340, 60, QImage.Format_ARGB32_Premultiplied)
                    image.fill(QColor("white"))
                    painter = QPainter(image)
                    painter.setRenderHint(QPainter.Antialiasing)
                    painter.setFont(font)
                    painter.setPen(QColor("black"))
                    painter.translate(5, 7)
                    draw(painter)
                    painter.end()
                    pictures.append(image)
                if text.startswith("\u2605") and flags != Qt.AlignLeft | Qt.AlignTop:
                    continue  # (drawn left and top only: the star comes from a fallback font)
                assert pictures[0] == pictures[1], (text, flags, rect.getRect())
