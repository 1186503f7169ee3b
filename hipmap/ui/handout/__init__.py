"""The printable handout: PDF and printer, one paint path for both.

- ``content.py``: what the handout holds; ``build_handout`` gathers it (muscles, routine, warning signs, page size).
- ``sections.py``: what it says, cut into blocks in reading order (header, overview, each muscle, routine, safety).
- ``blocks.py``: the kinds of block (text, list, exercise, routine table), measured and painted; never split
  unless a list or table continues between items or rows.
- ``figures.py``: the diagrams with pain, zones, hatching, badges, trigger-point crosses, and the legend.
- ``page_context.py``: lengths in device units, fonts, ink, rich text measured at the device's resolution.
- ``layout.py``: blocks placed on pages, the running header and footer, ``paint_handout`` (the one paint path).
- ``output.py``: ``write_pdf`` (atomic), ``pdf_bytes``, ``print_handout``, ``print_with_dialog``, ``ensure_app``.

Everything is vector: the diagrams and pictograms are rendered from their SVGs with QPainter, zones and marks
are painter paths, and all text is real text (QTextDocument / drawText), so the PDF stays sharp and selectable
and Qt embeds the fonts. Nothing relies on colour alone: pain carries its 0-10 number, the essential zone is
solid, the spillover zone hatched, trigger points are X marks, so a black-and-white print reads the same.
"""
