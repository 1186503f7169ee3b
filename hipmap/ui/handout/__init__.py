"""The printable handout: PDF and printer, one paint path for both."""
