"""Reading articles from files (loaders) and writing them back (the export format table). No Qt.

The core knows no file format: front ends hand it these loaders and export formats as parameters.
"""
