"""Qt widgets: every Qt class of hipmap lives here and only adapts core objects to the screen."""
