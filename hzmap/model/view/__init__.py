"""What the map shows (one evented View), what the filters match, and what is under a point. No Qt."""
