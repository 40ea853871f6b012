"""The panels beside the map: inspector, info panel, layer panel, filters, search, source reader."""
