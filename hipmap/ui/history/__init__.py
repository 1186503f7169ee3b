"""Practitioner history: saving a session, the history window, its chart and the before/after comparison."""
