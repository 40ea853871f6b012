"""The planner's own data as layers: Add layer, the layer list, styles."""
