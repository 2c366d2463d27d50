"""Reading articles from files (loaders) and writing them back (exporters). No Qt."""
