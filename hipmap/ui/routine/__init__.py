"""Self-care in the window: the warning-signs check, the routine player with its sounds, the builder."""
