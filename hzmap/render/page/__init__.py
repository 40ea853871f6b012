"""Finished pages around the map: exports, decks, dossiers. No Qt."""
