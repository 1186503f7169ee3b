"""Self-care routines: the model and its file format, the builder's steps, the timer, the saved library."""
