"""The main window and the controllers it owns; the one place the features are put together."""
