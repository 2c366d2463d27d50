"""`python -m editor` behaves exactly like the `galley` command."""

from editor.cli import program

if __name__ == "__main__":
    program()
