"""The panels beside the map: inspector, layer panel, filters, search, source reader, compare."""
