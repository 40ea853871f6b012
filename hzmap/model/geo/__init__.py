"""The map's ground: districts, water, extents, coordinate systems and place names. No Qt."""
