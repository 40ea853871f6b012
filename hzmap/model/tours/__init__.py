"""Guided tours and where a running presentation is. No Qt."""
