"""A layout's elements on the map: the figure each is drawn as, what each covers, and where
their base symbols sit. Defined once for the drawing, the spotlight, the selection, tours and
the pick. No Qt."""
