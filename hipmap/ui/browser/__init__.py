"""The muscle browser: every muscle, grouped by where it lies, found by any of its names in either language."""
