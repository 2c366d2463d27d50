"""Galley's engine. No Qt here: the GUI and the CLI are thin layers over this package."""
