"""Transitional: mainwindow/window.py (being rewritten elsewhere) still imports these four names from here.

Delete this file when window.py imports HandoutError and build_handout from content.py, write_pdf and
print_with_dialog from output.py. Nothing else imports it.
"""

from .content import HandoutError, build_handout
from .output import print_with_dialog, write_pdf

__all__ = ["HandoutError", "build_handout", "print_with_dialog", "write_pdf"]
