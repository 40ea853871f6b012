"""The user's work: annotations, the project file and recovery. No Qt."""
