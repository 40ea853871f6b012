"""Reading files hzmap did not write, and writing files whole. No Qt."""
