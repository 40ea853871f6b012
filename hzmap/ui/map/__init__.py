"""The interactive map, the annotation tools on it, and compare."""
