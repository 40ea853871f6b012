"""The map itself: base map, layouts, labels, user layers and annotations, as one Scene. No Qt."""
