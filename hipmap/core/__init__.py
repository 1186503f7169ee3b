"""Plain-Python heart of hipmap. Nothing in this package may import Qt."""
