"""Presentation mode: full-screen slides of each muscle for showing a patient."""
