"""The small shared kit: style and palettes, diagram colours, shapes, translation, window helpers."""
