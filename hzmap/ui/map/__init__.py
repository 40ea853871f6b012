"""The interactive map and the annotation tools on it."""
