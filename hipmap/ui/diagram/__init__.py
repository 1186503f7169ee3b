"""The interactive body diagram shared by the main window, the before/after view and the session viewer."""
