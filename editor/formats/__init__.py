"""Reading articles from files (loaders) and writing them back (exporters). No Qt.

The core knows no file format: front ends hand it these loaders and exporters. Importing this package also
registers them as the core's defaults, for callers that do not pass their own yet.
"""

from editor.core.session import set_default_loader
from editor.formats.loaders import iter_paths

set_default_loader(iter_paths)
