"""The handout out of the app: a PDF in memory or written atomically to a file, or a QPrinter (with or without
the print dialog), all painted by ``layout.paint_handout``; and a Qt application to measure fonts with."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

from ... import __version__
from ...core.fileio import atomic_write_bytes
from ..kit.i18n import translate
from .content import PAGE_SIZES, Handout
from .layout import HandoutLayout, layout_handout, paint_handout

MARGIN_MM = 15.0
PDF_DPI = 600  # device units per inch of the PDF: only the precision of coordinates; everything stays vector


def _page_layout(page_size: str) -> QPageLayout:
    return QPageLayout(
        QPageSize(PAGE_SIZES[page_size]), QPageLayout.Portrait, QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Millimeter,
    )  # fmt: skip


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
