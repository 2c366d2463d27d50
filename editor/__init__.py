"""Galley: an editor for correcting scraped news articles."""

__version__ = "0.1.0"
