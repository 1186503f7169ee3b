"""Shapes: SVG paths to shapely geometry, mirroring, bands, discs and the spatial grid."""
