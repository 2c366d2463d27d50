"""Reading articles from files (loaders) and writing them back (the export table). No Qt.

The core knows no file format: front ends hand it these loaders and export formats. Importing this package also
registers them as the core's defaults, for callers that do not pass their own.
"""

from editor.core.interfaces import register_defaults
from editor.formats.export import EXPORTERS
from editor.formats.loaders import iter_paths

register_defaults(loader=iter_paths, export_formats=EXPORTERS)
