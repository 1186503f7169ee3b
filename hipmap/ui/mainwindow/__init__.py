"""The main window: the diagrams, the candidate list and the muscle panel, and the flows it delegates to."""
