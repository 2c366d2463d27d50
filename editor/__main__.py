"""`python -m editor` behaves exactly like the `galley` command."""

import sys

from editor.cli import main

if __name__ == "__main__":
    sys.exit(main())
