"""What the command line runs with Qt: the offscreen screenshot and the benches."""
