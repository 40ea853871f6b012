"""Presenting: full screen, the presenter view, screens, the tour editor."""
