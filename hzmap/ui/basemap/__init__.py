"""The base map feature: choosing a base map (files or, opted in, tile services with the
planner's key), downloading an area for offline use, and the key and 审图号 settings."""
